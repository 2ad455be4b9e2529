//! Deletes what only matters for a while: expired send counters, device
//! signatures, ceremonies and portal sessions, and month-old notices and
//! webhook deliveries.

use crate::App;

impl App {
    /// One sweep now; the number of rows deleted.
    pub async fn sweep(&self) -> crate::AppResult<u64> {
        Ok(self.store.sweep(self.now()).await?)
    }

    /// Sweeps every ten minutes, until the task is dropped.
    pub async fn sweep_in_background(self) {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            tick.tick().await;
            match self.sweep().await {
                Ok(n) => tracing::debug!(rows = n, "expired counters and signatures swept"),
                Err(e) => tracing::warn!(error = %e, "sweep failed"),
            }
        }
    }

    /// Picks up a rotated key file within two seconds, so that new secrets
    /// are sealed under the new key without a restart.
    pub async fn watch_key_file(self) {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(2));
        loop {
            tick.tick().await;
            self.keys.reload_if_changed();
        }
    }
}
