//! The audit log as an operator reads it: each service's hash chain,
//! verified from its first event to its head, or exported line by line.

use countersign_core::audit::ChainLink;
use countersign_core::event::Event;
use countersign_store::Store;
use serde::Serialize;

use crate::admin::{service_named, AdminError};

/// One service's chain, checked.
#[derive(Debug, Serialize)]
pub struct ChainCheck {
    pub service: String,
    /// Events in the chain, when it is intact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<u64>,
    pub intact: bool,
    /// What is wrong, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

/// Verifies the chain of the service named `service`, or of every service.
pub async fn verify_chains(
    store: &dyn Store,
    service: Option<&str>,
) -> Result<Vec<ChainCheck>, AdminError> {
    let services = match service {
        Some(name) => vec![service_named(store, name).await?],
        None => store.services().await?,
    };
    let mut checks = Vec::with_capacity(services.len());
    for s in services {
        let (chain, head) = store.audit_chain(&s.id).await?;
        let head = head.as_ref().map(|(seq, hash)| (*seq, hash.as_str()));
        checks.push(match countersign_core::audit::verify(&chain, head) {
            Ok(n) => ChainCheck {
                service: s.name,
                events: Some(n),
                intact: true,
                problem: None,
            },
            Err(e) => ChainCheck {
                service: s.name,
                events: None,
                intact: false,
                problem: Some(e.to_string()),
            },
        });
    }
    Ok(checks)
}

/// The chain of the service named `service`, in order, with each event's link.
pub async fn export_chain(
    store: &dyn Store,
    service: &str,
) -> Result<Vec<(Event, ChainLink)>, AdminError> {
    let s = service_named(store, service).await?;
    Ok(store.audit_chain(&s.id).await?.0)
}
