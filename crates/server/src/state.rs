//! What every handler shares.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use countersign_core::keyring::Keyring;
use countersign_core::service::Service;
use countersign_core::{Clock, Timestamp};
use countersign_delivery::{Delivery, EventPoster};
use countersign_store::Store;

use crate::config::Config;
use crate::keys::KeyFile;
use crate::metrics::Metrics;
use crate::outbox::Outbox;
use crate::routes::devices::DeviceWaiters;
use crate::webauthn::RelyingParty;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub store: Arc<dyn Store>,
    pub delivery: Delivery,
    pub clock: Arc<dyn Clock>,
    /// The master keys, re-read when the key file is rotated.
    pub keys: KeyFile,
    pub metrics: Metrics,
    pub services: ServiceCache,
    /// Devices long-polling for their user's requests.
    pub device_waiters: DeviceWaiters,
    /// The WebAuthn relying party, or why `[webauthn]` could not make one.
    pub webauthn: Result<RelyingParty, String>,
    /// Wakes the notice and webhook worker.
    pub outbox: Outbox,
    /// Posts webhook events.
    pub poster: EventPoster,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(
        config: Config,
        store: Arc<dyn Store>,
        delivery: Delivery,
        clock: Arc<dyn Clock>,
        keyring: Keyring,
    ) -> AppState {
        AppState(Arc::new(Inner {
            keys: KeyFile::new(config.key_file.clone(), keyring),
            webauthn: RelyingParty::from_config(&config.webauthn),
            config,
            store,
            delivery,
            clock,
            metrics: Metrics::default(),
            services: ServiceCache::default(),
            device_waiters: DeviceWaiters::default(),
            outbox: Outbox::default(),
            poster: EventPoster::new().expect("an HTTP client without custom TLS always builds"),
        }))
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// The relying party, or 503 `webauthn_unconfigured`.
    pub fn relying_party(&self) -> Result<&RelyingParty, crate::error::ApiError> {
        self.webauthn.as_ref().map_err(|why| {
            crate::error::ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "webauthn_unconfigured",
                "Passkeys not configured",
                why.clone(),
            )
        })
    }
}

/// Services recently found by API-key hash, so that most requests skip that
/// lookup. An entry lives [`ServiceCache::TTL`]: a change made through another
/// process shows within that time. Unknown keys are never cached.
#[derive(Default)]
pub struct ServiceCache {
    entries: Mutex<HashMap<String, (Service, Instant)>>,
}

impl ServiceCache {
    pub const TTL: Duration = Duration::from_secs(10);
    const CAPACITY: usize = 4096;

    pub fn get(&self, key_hash: &str) -> Option<Service> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(key_hash)
            .filter(|(_, at)| at.elapsed() < Self::TTL)
            .map(|(s, _)| s.clone())
    }

    /// Drops a service's entries after its settings changed in this process
    /// (other processes see the change within [`ServiceCache::TTL`]).
    pub fn forget(&self, service_id: &str) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.retain(|_, (s, _)| s.id != service_id);
    }

    pub fn put(&self, key_hash: String, service: Service) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= Self::CAPACITY {
            entries.retain(|_, (_, at)| at.elapsed() < Self::TTL);
            if entries.len() >= Self::CAPACITY {
                entries.clear();
            }
        }
        entries.insert(key_hash, (service, Instant::now()));
    }
}
