//! Which service a caller is: found by the hash of its API key, with a
//! short cache so that most requests skip that lookup.

use countersign_core::ids::ServiceId;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use countersign_core::secret::api_key_hash;
use countersign_core::service::Service;

use crate::{App, AppResult};

impl App {
    /// The service whose API key this is, or `None` for an unknown key
    /// (never cached, so a new key works at once).
    pub async fn service_for_key(&self, key: &str) -> AppResult<Option<Service>> {
        let hash = api_key_hash(key);
        if let Some(service) = self.services.get(&hash) {
            return Ok(Some(service));
        }
        let found = self.store.service_by_key_hash(&hash).await?;
        if let Some(service) = &found {
            self.services.put(hash, service.clone());
        }
        Ok(found)
    }
}

/// Services recently found by API-key hash. An entry lives
/// [`ServiceCache::TTL`]: a change made through another process shows
/// within that time. Unknown keys are never cached.
#[derive(Default)]
pub struct ServiceCache {
    entries: Mutex<HashMap<String, (Service, Instant)>>,
}

impl ServiceCache {
    pub const TTL: Duration = Duration::from_secs(10);
    const CAPACITY: usize = 4096;

    fn get(&self, key_hash: &str) -> Option<Service> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(key_hash)
            .filter(|(_, at)| at.elapsed() < Self::TTL)
            .map(|(s, _)| s.clone())
    }

    /// Drops a service's entries after its settings changed in this process
    /// (other processes see the change within [`ServiceCache::TTL`]).
    pub fn forget(&self, service_id: &ServiceId) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.retain(|_, (s, _)| s.id != *service_id);
    }

    fn put(&self, key_hash: String, service: Service) {
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
