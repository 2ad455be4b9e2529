//! Retention: ended challenges and their messages purged in batches, held
//! and live ones kept; old events pruned behind a checkpoint written with
//! the deletion, never past a break in the chain or an undelivered event.

use std::time::Duration;

use countersign_core::audit;
use countersign_core::challenge::{Challenge, ChallengeStatus};
use countersign_core::event::Event;
use countersign_core::message::MessageRecord;
use countersign_core::retention::Retention;
use countersign_core::service::Service;
use countersign_core::Timestamp;
use countersign_store::{AfterDelivery, AuditChain, Store, StoreError};

use crate::harness::{
    at, challenge, only_events, operator_backlog, reload, service, service_and_user, Engine, TestDb,
};
use crate::messages::queued;
use crate::webhooks::service_event;

crate::on_both_engines! {
    ended_challenges_and_their_messages_go_in_batches
        => ended_challenges_and_their_messages_go_in_batches_sqlite,
           ended_challenges_and_their_messages_go_in_batches_postgres;
    db old_events_are_pruned_behind_a_checkpoint_written_with_the_deletion
        => old_events_are_pruned_behind_a_checkpoint_written_with_the_deletion_sqlite,
           old_events_are_pruned_behind_a_checkpoint_written_with_the_deletion_postgres;
    db pruning_stops_at_a_break_and_at_undelivered_events
        => pruning_stops_at_a_break_and_at_undelivered_events_sqlite,
           pruning_stops_at_a_break_and_at_undelivered_events_postgres;
    two_purges_at_once_delete_each_row_once
        => two_purges_at_once_delete_each_row_once_sqlite,
           two_purges_at_once_delete_each_row_once_postgres;
}

const DAY: u64 = 86_400;

fn days_after(t: Timestamp, days: u64) -> Timestamp {
    t.plus(Duration::from_secs(days * DAY))
}

/// Saves `c` as it is now, then sends it a queued SMS.
async fn save_with_message(store: &dyn Store, c: &Challenge) -> MessageRecord {
    store.save_challenge(c, only_events(&[])).await.unwrap();
    queued(store, c, c.created_at).await
}

async fn ended_challenges_and_their_messages_go_in_batches(store: &dyn Store) {
    let (_, user) = service_and_user(store).await;
    // Three approved, one left pending (it expired unanswered), one held,
    // each with a message; all opened at T0 and expired 10 minutes later.
    let mut ended = Vec::new();
    for status in [
        ChallengeStatus::Approved,
        ChallengeStatus::Approved,
        ChallengeStatus::Approved,
        ChallengeStatus::Pending,
    ] {
        let mut c = challenge(store, &user).await;
        c.status = status;
        ended.push((save_with_message(store, &c).await, c));
    }
    let mut held = challenge(store, &user).await;
    held.status = ChallengeStatus::Held;
    held.held_until = Some(days_after(at(0), 7));
    let held_message = save_with_message(store, &held).await;

    let retention = Retention::default();
    // A day before the 30 days are over, nothing goes.
    let early = retention.cutoffs(days_after(at(600), 29));
    assert_eq!(store.purge_expired(&early, 2).await.unwrap().challenges, 0);

    // After them, in batches of two: the four ended ones and their
    // messages, not the held one, whose hold could still run.
    let cut = retention.cutoffs(days_after(at(601), 30));
    let first = store.purge_expired(&cut, 2).await.unwrap();
    assert_eq!((first.challenges, first.messages), (2, 2));
    assert!(first.full(2));
    let second = store.purge_expired(&cut, 2).await.unwrap();
    assert_eq!((second.challenges, second.messages), (2, 2));
    let third = store.purge_expired(&cut, 2).await.unwrap();
    assert_eq!((third.challenges, third.messages), (0, 0));
    assert!(!third.full(2));
    for (message, c) in &ended {
        assert_eq!(store.challenge(&c.service_id, &c.id).await.unwrap(), None);
        assert_eq!(store.message(&message.id).await.unwrap(), None);
    }
    assert_eq!(reload(store, &held).await.status, ChallengeStatus::Held);
    assert!(store.message(&held_message.id).await.unwrap().is_some());

    // The longest hold past, it goes too.
    let later = retention.cutoffs(days_after(at(601), 37));
    let last = store.purge_expired(&later, 2).await.unwrap();
    assert_eq!((last.challenges, last.messages), (1, 1));
    assert_eq!(store.message(&held_message.id).await.unwrap(), None);
}

/// `n` events of `service`, one a day from `at(0)`, chained.
async fn daily_events(store: &dyn Store, service: &Service, n: u64) -> Vec<Event> {
    let events: Vec<Event> = (0..n)
        .map(|d| service_event(service, days_after(at(0), d)))
        .collect();
    store.insert_events(&events).await.unwrap();
    store.seal_chains().await.unwrap();
    events
}

/// The chain, checked from its checkpoint: the ids kept and the checkpoint.
async fn verified(store: &dyn Store, service: &Service) -> (Vec<String>, Option<i64>) {
    let AuditChain {
        events,
        head,
        checkpoint,
    } = store.audit_chain(&service.id).await.unwrap();
    let from = checkpoint.as_ref().map(|c| (c.seq, c.hash.as_str()));
    let head = head.as_ref().map(|(seq, hash)| (*seq, hash.as_str()));
    assert_eq!(
        audit::verify_from(from, &events, head),
        Ok(events.len() as u64)
    );
    (
        events.into_iter().map(|(e, _)| e.id).collect(),
        checkpoint.map(|c| c.seq),
    )
}

fn ids(events: &[Event]) -> Vec<String> {
    events.iter().map(|e| e.id.clone()).collect()
}

async fn old_events_are_pruned_behind_a_checkpoint_written_with_the_deletion(db: &TestDb) {
    let store = db.store();
    let s = service(store).await;
    // Unlinked events (PostgreSQL links them shortly after they are
    // written) are never pruned.
    let unsealed = service_event(&s, at(0));
    store
        .insert_events(std::slice::from_ref(&unsealed))
        .await
        .unwrap();
    if db.engine == Engine::Postgres {
        let now = days_after(at(0), 500);
        assert_eq!(store.prune_events(&s.id, now, now, 10).await.unwrap(), 0);
    }
    let mut all = vec![unsealed];
    all.extend(daily_events(store, &s, 5).await);

    // Events of days 0 to 2 are older than `before`: two per batch.
    let before = days_after(at(1), 2);
    let now = days_after(at(0), 400);
    assert_eq!(store.prune_events(&s.id, before, now, 2).await.unwrap(), 2);
    assert_eq!(verified(store, &s).await, (ids(&all[2..]), Some(2)));

    // The checkpoint is written with the deletion, or neither is: a
    // checkpoint the database refuses leaves every event in place.
    db.sql(&refuse_checkpoints(db.engine)).await;
    assert!(store.prune_events(&s.id, before, now, 2).await.is_err());
    assert_eq!(verified(store, &s).await, (ids(&all[2..]), Some(2)));
    let on = match db.engine {
        Engine::Sqlite => "",
        Engine::Postgres => " ON audit_checkpoints",
    };
    db.sql(&format!(
        "DROP TRIGGER refuse_checkpoint_insert{on}; DROP TRIGGER refuse_checkpoint_update{on};"
    ))
    .await;

    assert_eq!(store.prune_events(&s.id, before, now, 2).await.unwrap(), 2);
    assert_eq!(store.prune_events(&s.id, before, now, 2).await.unwrap(), 0);
    assert_eq!(verified(store, &s).await, (ids(&all[4..]), Some(4)));
    assert_eq!(store.event(&all[3].id).await.unwrap(), None);

    // New events join the chain after the kept ones.
    let next = service_event(&s, days_after(at(0), 6));
    store
        .insert_events(std::slice::from_ref(&next))
        .await
        .unwrap();
    all.push(next);
    assert_eq!(verified(store, &s).await, (ids(&all[4..]), Some(4)));
    // Everything pruned: the checkpoint is the head.
    assert_eq!(store.prune_events(&s.id, now, now, 10).await.unwrap(), 3);
    assert_eq!(verified(store, &s).await, (vec![], Some(7)));
    // A new endpoint starts at the head all the same: no backlog.
    assert!(operator_backlog(store, "late", now).await.is_empty());
}

/// Triggers that make the database refuse to record a checkpoint.
fn refuse_checkpoints(engine: Engine) -> String {
    match engine {
        Engine::Sqlite => {
            "CREATE TRIGGER refuse_checkpoint_insert BEFORE INSERT ON audit_checkpoints \
             WHEN NEW.seq > 0 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END; \
             CREATE TRIGGER refuse_checkpoint_update BEFORE UPDATE ON audit_checkpoints \
             WHEN NEW.seq > 0 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"
                .into()
        }
        // PostgreSQL locks the checkpoint's row first with a seq-0 row.
        Engine::Postgres => {
            "CREATE FUNCTION refuse_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN IF NEW.seq > 0 AND (TG_OP = 'INSERT' OR NEW.seq <> OLD.seq) THEN \
             RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$; \
             CREATE TRIGGER refuse_checkpoint_insert BEFORE INSERT ON audit_checkpoints \
             FOR EACH ROW EXECUTE FUNCTION refuse_checkpoint(); \
             CREATE TRIGGER refuse_checkpoint_update BEFORE UPDATE ON audit_checkpoints \
             FOR EACH ROW EXECUTE FUNCTION refuse_checkpoint();"
                .into()
        }
    }
}

async fn pruning_stops_at_a_break_and_at_undelivered_events(db: &TestDb) {
    let store = db.store();
    let s = service(store).await;
    // An endpoint first seen when the service was created starts at its
    // first event; it has delivered two.
    assert!(operator_backlog(store, "crm", at(0)).await.is_empty());
    let all = daily_events(store, &s, 6).await;
    let claim = store
        .claim_webhook("crm", &s.id, at(1))
        .await
        .unwrap()
        .expect("the cursor is free");
    assert!(store
        .after_webhook(&claim, None, AfterDelivery::Advance { seq: 2 }, at(1))
        .await
        .unwrap());
    store.release_webhook(&claim).await.unwrap();
    let now = days_after(at(0), 500);
    assert_eq!(store.prune_events(&s.id, now, now, 10).await.unwrap(), 2);
    assert_eq!(verified(store, &s).await, (ids(&all[2..]), Some(2)));

    // An event edited after the checkpoint: pruning refuses to hide it.
    db.sql(&format!(
        "UPDATE events SET detail = '{{\"forged\":true}}' WHERE id = '{}'",
        all[3].id
    ))
    .await;
    let claim = store
        .claim_webhook("crm", &s.id, at(2))
        .await
        .unwrap()
        .expect("the cursor is free");
    assert!(store
        .after_webhook(&claim, None, AfterDelivery::Advance { seq: 6 }, at(2))
        .await
        .unwrap());
    assert!(matches!(
        store.prune_events(&s.id, now, now, 10).await,
        Err(StoreError::BrokenChain(audit::ChainBreak::Edited {
            chain_seq: 4,
            ..
        }))
    ));
    let chain = store.audit_chain(&s.id).await.unwrap();
    assert_eq!(chain.events.len(), 4, "nothing was pruned");
}

async fn two_purges_at_once_delete_each_row_once(store: &dyn Store) {
    let (s, user) = service_and_user(store).await;
    for _ in 0..9 {
        let mut c = challenge(store, &user).await;
        c.status = ChallengeStatus::Approved;
        save_with_message(store, &c).await;
    }
    let all = daily_events(store, &s, 40).await;
    let now = days_after(at(0), 31);
    let cut = Retention::default().cutoffs(now);
    // Both loop as `App::purge` does, in batches of 3.
    let purge = || async {
        let (mut challenges, mut messages, mut events) = (0, 0, 0);
        loop {
            let batch = store.purge_expired(&cut, 3).await.unwrap();
            challenges += batch.challenges;
            messages += batch.messages;
            if !batch.full(3) {
                break;
            }
        }
        loop {
            let n = store.prune_events(&s.id, now, now, 3).await.unwrap();
            events += n;
            if n < 3 {
                return (challenges, messages, events);
            }
        }
    };
    let (a, b) = tokio::join!(purge(), purge());
    assert_eq!((a.0 + b.0, a.1 + b.1), (9, 9));
    // The user's and the challenges' events, and the service's of days 0
    // to 30.
    assert_eq!(a.2 + b.2, 1 + 9 + 31);
    assert_eq!(verified(store, &s).await, (ids(&all[31..]), Some(41)));
}
