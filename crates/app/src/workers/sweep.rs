//! Retention: deletes what only matters for a while (expired send counters,
//! device signatures, ceremonies and portal sessions), what has been kept
//! long enough (ended challenges with their messages, month-old notices and
//! webhook deliveries, and, when `retention.events_days` is set, old audit
//! events behind a checkpoint), and finishes erasures a crash interrupted. Always in small batches, each its own
//! transaction, so that a purge never holds the database for long; several
//! processes may purge at once.

use countersign_core::retention::{Retention, PURGE_BATCH};
use countersign_core::Timestamp;
use countersign_store::{Purged, Store, StoreError};
use serde::Serialize;

use crate::App;

/// What one purge deleted.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PurgeReport {
    #[serde(flatten)]
    pub purged: Purged,
    /// Transactions it took.
    pub batches: u64,
    /// Events of deleted users erased (erasures a crash interrupted).
    pub erased_events: u64,
    /// Services whose chain is broken: their events were not pruned past
    /// the break (`countersign audit verify` says where).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_pruned: Vec<String>,
}

/// The shortest pause between two batches (see [`pause_after`]).
const MIN_PAUSE: std::time::Duration = std::time::Duration::from_millis(20);

/// Waits, after a full batch that began at `started`, as long as the batch
/// took and at least [`MIN_PAUSE`], so that a purge holds the database's
/// writer at most half the time. Without it, a `countersign purge` beside a
/// running SQLite server took the write lock batch after batch, and the
/// server's writer, sleeping in SQLite's busy handler, got in only once the
/// purge was over: verifies' p99 went from 10 ms to 760 ms during a 0.9 s
/// purge (BENCHMARKS.md).
async fn pause_after(started: std::time::Instant) {
    tokio::time::sleep(started.elapsed().max(MIN_PAUSE)).await;
}

/// Purges everything past `retention` at `now`, batch after batch until
/// nothing is left. Needs only the database (not the master key): the CLI
/// calls it as it is.
pub async fn purge(
    store: &dyn Store,
    retention: &Retention,
    now: Timestamp,
) -> crate::AppResult<PurgeReport> {
    let cut = retention.cutoffs(now);
    let mut report = PurgeReport {
        erased_events: crate::erasure::finish_pending(store).await?,
        ..PurgeReport::default()
    };
    loop {
        let started = std::time::Instant::now();
        let batch = store.purge_expired(&cut, PURGE_BATCH).await?;
        report.purged.add(&batch);
        report.batches += 1;
        if !batch.full(PURGE_BATCH) {
            break;
        }
        pause_after(started).await;
    }
    let Some(before) = cut.events else {
        return Ok(report);
    };
    for service in store.services().await? {
        loop {
            let started = std::time::Instant::now();
            match store
                .prune_events(&service.id, before, now, PURGE_BATCH)
                .await
            {
                Ok(n) => {
                    report.purged.events += n;
                    report.batches += 1;
                    if n < u64::from(PURGE_BATCH) {
                        break;
                    }
                    pause_after(started).await;
                }
                Err(StoreError::BrokenChain(why)) => {
                    tracing::error!(service = %service.name, problem = %why, "audit chain broken: events not pruned past it");
                    report.not_pruned.push(service.name.clone());
                    break;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(report)
}

impl App {
    /// [`purge`] on this server's database, settings and clock.
    pub async fn purge(&self) -> crate::AppResult<PurgeReport> {
        purge(self.store.as_ref(), &self.config.retention, self.now()).await
    }

    /// Purges every ten minutes, until the task is dropped.
    pub async fn sweep_in_background(self) {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            tick.tick().await;
            match self.purge().await {
                Ok(report) => tracing::debug!(?report, "retention purge"),
                Err(e) => tracing::warn!(error = %e, "retention purge failed"),
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
