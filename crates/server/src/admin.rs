//! Operator actions shared by the CLI and dev mode.

use countersign_core::ids::new_id;
use countersign_core::secret::{api_key_hash, new_api_key};
use countersign_core::service::{Service, ServiceSettings};
use countersign_core::Timestamp;
use countersign_store::{Store, StoreError};

use crate::state::AppState;

/// Creates a service and returns it with its API key, which exists in clear
/// only in this return value.
pub async fn create_service(
    store: &dyn Store,
    name: &str,
    now: Timestamp,
) -> Result<(Service, String), StoreError> {
    let service = Service {
        id: new_id("svc"),
        name: name.to_owned(),
        created_at: now,
        settings: ServiceSettings::default(),
    };
    let key = new_api_key();
    store.insert_service(&service, &api_key_hash(&key)).await?;
    Ok((service, key))
}

/// A service name: 1–64 printable characters, shown to users in messages.
pub fn is_valid_service_name(name: &str) -> bool {
    let len = name.chars().count();
    (1..=64).contains(&len) && !name.chars().any(char::is_control) && name.trim() == name
}

/// Dev mode: on an empty database, creates a "demo" service and prints its
/// key, so the README's walk-through needs no other command.
pub async fn ensure_demo_service(state: &AppState) -> Result<(), StoreError> {
    if !state.store.services().await?.is_empty() {
        return Ok(());
    }
    let (service, key) = create_service(state.store.as_ref(), "Demo", state.now()).await?;
    tracing::warn!(
        target: "countersign::dev",
        "[dev] created service {} ({}). Its API key, shown only now:\n\n    export CS_KEY={}\n",
        service.name,
        service.id,
        key
    );
    Ok(())
}
