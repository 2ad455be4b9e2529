//! Follows other processes' changes ([`countersign_store::Store::signals`]:
//! PostgreSQL `LISTEN/NOTIFY`), so that nothing waits for a poll: a
//! challenge opened on one node wakes a device long-polling on another, an
//! event or notice written anywhere wakes every outbox worker, and a
//! settings change drops every process's cached copy at once.

use countersign_store::Signal;
use tokio::sync::broadcast::error::RecvError;

use crate::App;

/// Runs until the store stops signalling; returns at once on a store
/// without signals (SQLite: this process is its only server).
pub async fn run(app: App) {
    let Some(mut signals) = app.store.signals() else {
        return;
    };
    app.outbox.follow_signals();
    loop {
        match signals.recv().await {
            Ok(Signal::Outbox) => app.outbox.wake(),
            Ok(Signal::NewChallenge(user)) => app.device_waiters.notify(&user),
            Ok(Signal::ServiceChanged(id)) => app.services.forget(&id),
            // Signals were missed (a reconnect, or this follower fell
            // behind): whatever they said, look again.
            Ok(Signal::CatchUp) | Err(RecvError::Lagged(_)) => {
                app.outbox.wake();
                app.device_waiters.notify_all();
                app.services.forget_all();
            }
            Err(RecvError::Closed) => return,
        }
    }
}
