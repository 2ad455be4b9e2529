//! The audit log as an operator reads it: each service's hash chain,
//! verified from its first event (or, once retention pruned the oldest,
//! from its checkpoint) to its head, or exported line by line.

use countersign_core::audit::{ChainLink, Checkpoint};
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
    /// Where the chain starts when retention pruned its oldest events: it
    /// is verified from this one's hash on (`seq`: the last pruned event).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checkpoint: Option<Checkpoint>,
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
        let chain = store.audit_chain(&s.id).await?;
        let head = chain.head.as_ref().map(|(seq, hash)| (*seq, hash.as_str()));
        let from = chain.checkpoint.as_ref().map(|c| (c.seq, c.hash.as_str()));
        let verified = countersign_core::audit::verify_from(from, &chain.events, head);
        checks.push(ChainCheck {
            service: s.name,
            events: verified.as_ref().ok().copied(),
            intact: verified.is_ok(),
            checkpoint: chain.checkpoint,
            problem: verified.err().map(|e| e.to_string()),
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
    Ok(store.audit_chain(&s.id).await?.events)
}

/// One event of an exported chain, as a JSON Lines line: the event, the
/// salt or digest its hash covers in place of its personal fields, and its
/// link.
pub fn export_line(event: &Event, link: &ChainLink) -> serde_json::Value {
    serde_json::json!({
        "id": event.id, "type": event.kind, "at": event.at, "user_id": event.user_id,
        "ip": event.ip, "detail": event.detail,
        // What the hash covers in place of the personal fields: their salt
        // while kept, their digest once erased (absent for events from
        // before erasure).
        "personal_salt": event.personal.salt(),
        "personal_digest": event.personal.erased_digest(),
        "chain_seq": link.chain_seq, "prev_hash": link.prev_hash, "hash": link.hash,
    })
}
