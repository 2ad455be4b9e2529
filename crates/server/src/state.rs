//! What every handler shares.

use std::sync::Arc;

use countersign_core::secret::CodeHasher;
use countersign_core::{Clock, Timestamp};
use countersign_delivery::Delivery;
use countersign_store::Store;

use crate::config::Config;
use crate::metrics::Metrics;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub store: Arc<dyn Store>,
    pub delivery: Delivery,
    pub clock: Arc<dyn Clock>,
    pub hasher: CodeHasher,
    pub metrics: Metrics,
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
        master_key: &[u8],
    ) -> AppState {
        AppState(Arc::new(Inner {
            config,
            store,
            delivery,
            clock,
            hasher: CodeHasher::from_master_key(master_key),
            metrics: Metrics::default(),
        }))
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }
}
