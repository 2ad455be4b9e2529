//! Which service a caller is: found by its API key. The key's row is read
//! on every request (one unique-index read, never cached), so that a
//! revoked key is refused at once by every process; the service itself
//! (name, settings) comes from a short cache.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use countersign_core::ids::ServiceId;
use countersign_core::secret::api_key_hash;
use countersign_core::service::{ApiKey, Service};
use countersign_core::Timestamp;

use crate::{App, AppResult};

/// A caller authenticated by an API key: its service, and which key it used.
#[derive(Debug, Clone)]
pub struct Caller {
    pub service: Service,
    pub key: ApiKey,
}

impl App {
    /// The service whose API key this is, with the key's record, or `None`
    /// for an unknown or revoked key.
    pub async fn caller_for_key(&self, key: &str) -> AppResult<Option<Caller>> {
        let Some(key) = self.store.api_key_by_hash(&api_key_hash(key)).await? else {
            return Ok(None);
        };
        let service = match self.services.get(&key.service_id) {
            Some(service) => service,
            None => match self.store.service(&key.service_id).await? {
                Some(service) => {
                    self.services.put(service.clone());
                    service
                }
                None => return Ok(None),
            },
        };
        self.record_use(&key).await;
        Ok(Some(Caller { service, key }))
    }

    /// Records the key's use when its `last_used_at` is a minute old: at
    /// most one write per key a minute, whatever the request rate. The
    /// write is conditional, so processes that race for it write it once.
    /// Not recording is no reason to refuse the request: it is logged.
    async fn record_use(&self, key: &ApiKey) {
        let now = self.now();
        if !key.use_is_news(now) {
            return;
        }
        let since = Timestamp(now.millis() - ApiKey::LAST_USED_EVERY.as_millis() as i64);
        if let Err(e) = self.store.touch_api_key(&key.id, now, since).await {
            tracing::warn!(key_id = %key.id, error = %e, "could not record an API key's use");
        }
    }
}

/// Services recently read, by id. An entry lives [`ServiceCache::TTL`]: a
/// settings change made through another process shows within that time.
/// Keys are never cached (see the module's comment).
#[derive(Default)]
pub struct ServiceCache {
    entries: Mutex<HashMap<ServiceId, (Service, Instant)>>,
}

impl ServiceCache {
    pub const TTL: Duration = Duration::from_secs(10);
    const CAPACITY: usize = 4096;

    fn get(&self, id: &ServiceId) -> Option<Service> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(id)
            .filter(|(_, at)| at.elapsed() < Self::TTL)
            .map(|(s, _)| s.clone())
    }

    /// Drops a service's entry after its settings changed, in this process
    /// or in another one that signalled it (PostgreSQL; on SQLite, a change
    /// made by the CLI shows within [`ServiceCache::TTL`]).
    pub fn forget(&self, service_id: &ServiceId) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.remove(service_id);
    }

    /// Drops every entry: signals of changes may have been missed.
    pub fn forget_all(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    fn put(&self, service: Service) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= Self::CAPACITY {
            entries.retain(|_, (_, at)| at.elapsed() < Self::TTL);
            if entries.len() >= Self::CAPACITY {
                entries.clear();
            }
        }
        entries.insert(service.id.clone(), (service, Instant::now()));
    }
}
