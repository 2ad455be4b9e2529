//! Signals to the other processes on a shared database (PostgreSQL
//! `LISTEN/NOTIFY`): what each write says through a tool's connection (a
//! server's connections keep quiet, see `connect_server`), what is
//! announced, and the catch-up after the listening connection is lost.
//! SQLite has none.

use std::time::Duration;

use countersign_core::ids::ServiceId;
use countersign_store::{Signal, Store};
use tokio::sync::broadcast::Receiver;

use crate::harness::{at, challenge, event, service_and_user, Engine, TestDb};

/// Waits for `expected`, passing over the others (a write may signal more
/// than one thing: a challenge also writes its event); fails if it does not
/// come within 10 s.
async fn expect(signals: &mut Receiver<Signal>, expected: Signal) {
    loop {
        match tokio::time::timeout(Duration::from_secs(10), signals.recv()).await {
            Ok(Ok(signal)) if signal == expected => return,
            Ok(Ok(_)) => continue,
            other => panic!("no {expected:?}: {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_has_no_signals() {
    let db = TestDb::open(Engine::Sqlite).await;
    assert!(db.store().signals().is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_write_signals_the_other_processes_and_a_lost_listener_catches_up() {
    let db = TestDb::open(Engine::Postgres).await;
    let store: &dyn Store = db.store();
    let mut signals = store.signals().expect("PostgreSQL signals");
    // Listening starts with a look at everything.
    expect(&mut signals, Signal::CatchUp).await;
    let (service, user) = service_and_user(store).await;
    // The user's creation wrote an event.
    expect(&mut signals, Signal::Outbox).await;

    // A challenge a device can approve is announced by the application.
    challenge(store, &user).await;
    store
        .announce(Signal::NewChallenge(user.id.clone()))
        .await
        .unwrap();
    expect(&mut signals, Signal::NewChallenge(user.id.clone())).await;

    store
        .insert_events(&[event(&user, "user.updated", at(5))])
        .await
        .unwrap();
    expect(&mut signals, Signal::Outbox).await;

    let mut changed = service.clone();
    changed.settings.max_attempts = 3;
    assert!(store
        .update_service_settings(&changed, &service.settings, &[])
        .await
        .unwrap());
    expect(
        &mut signals,
        Signal::ServiceChanged(ServiceId::from_trusted(service.id.to_string())),
    )
    .await;

    // The listening connection is cut: it is made again, and whatever was
    // said meanwhile is looked at anew.
    db.sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid() \
         AND query LIKE '%' || current_schema() || '%'",
    )
    .await;
    expect(&mut signals, Signal::CatchUp).await;
    // And it listens again.
    store
        .insert_events(&[event(&user, "user.updated", at(6))])
        .await
        .unwrap();
    expect(&mut signals, Signal::Outbox).await;
}

/// A server's own writes wake only its own worker: the hot path never
/// notifies (a NOTIFY serialises every notifying commit).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_servers_writes_do_not_notify() {
    let db = TestDb::open(Engine::Postgres).await;
    let listening = db.store();
    let mut signals = listening.signals().expect("PostgreSQL signals");
    expect(&mut signals, Signal::CatchUp).await;
    let server = countersign_store::connect_server(&db.url).await.unwrap();
    let (_, user) = service_and_user(server.as_ref()).await;
    server
        .insert_events(&[event(&user, "user.updated", at(5))])
        .await
        .unwrap();
    // What the server wrote says nothing; what a tool writes next does.
    listening
        .insert_events(&[event(&user, "user.updated", at(6))])
        .await
        .unwrap();
    // Notifications arrive in commit order: everything before this fence
    // has arrived when it does.
    let fence = Signal::NewChallenge(user.id.clone());
    listening.announce(fence.clone()).await.unwrap();
    let mut outbox = 0;
    loop {
        match tokio::time::timeout(Duration::from_secs(10), signals.recv()).await {
            Ok(Ok(signal)) if signal == fence => break,
            Ok(Ok(Signal::Outbox)) => outbox += 1,
            Ok(Ok(_)) => {}
            other => panic!("no fence: {other:?}"),
        }
    }
    assert_eq!(outbox, 1, "one signal only: the tool's");
}
