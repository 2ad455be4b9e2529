//! Erasure: deleting a user erases what past events say about them (user
//! id, IP address, contacts, transaction details…), while every audit chain
//! still verifies (see `countersign_core::event::Personal`). The deletion
//! requests the erasure in its own transaction; the batches that do it
//! follow at once, each its own short transaction, and a crash between
//! them leaves the request for the next retention pass to finish.

use countersign_core::retention::PURGE_BATCH;
use countersign_store::{Erasure, Store};

use crate::AppResult;

/// Erases the events `erasure` names, batch after batch, and finishes it;
/// how many events it erased.
pub async fn erase(store: &dyn Store, erasure: &Erasure) -> AppResult<u64> {
    let mut erased = 0;
    loop {
        let batch = store.erase_events(erasure, PURGE_BATCH).await?;
        erased += batch.events;
        if batch.done {
            return Ok(erased);
        }
    }
}

/// Finishes every erasure a crash interrupted; how many events it erased.
pub async fn finish_pending(store: &dyn Store) -> AppResult<u64> {
    let mut erased = 0;
    loop {
        let pending = store.pending_erasures(PURGE_BATCH).await?;
        for erasure in &pending {
            erased += erase(store, erasure).await?;
        }
        if pending.len() < PURGE_BATCH as usize {
            return Ok(erased);
        }
    }
}
