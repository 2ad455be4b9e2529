//! Saving a challenge: conditional on its version, and all-or-nothing with
//! what it does to the user, the send counters and the messages.

use std::time::Duration;

use countersign_core::challenge::Challenge;
use countersign_core::ids::ChallengeId;
use countersign_core::lockout::{LockoutPolicy, LOCKED_FOR_GOOD};
use countersign_core::message::{DeliveryStatus, MessageRecord};
use countersign_core::policy::Channel;
use countersign_core::user::User;
use countersign_core::Timestamp;
use countersign_store::{
    ChallengeWrite, Decided, Decision, FactorUse, LockedEvent, Saved, Store, UserEffect,
};

use crate::harness::{
    at, challenge, counter, event, event_ids, only_events, reload, reload_user, service_and_user,
};

crate::on_both_engines! {
    save_challenge_is_conditional_on_the_version_read
        => save_challenge_is_conditional_on_the_version_read_sqlite,
           save_challenge_is_conditional_on_the_version_read_postgres;
    failures_lock_the_user_and_a_locked_user_is_not_counted
        => failures_lock_the_user_and_a_locked_user_is_not_counted_sqlite,
           failures_lock_the_user_and_a_locked_user_is_not_counted_postgres;
    success_verifies_the_current_contact_and_resets_failures_on_approval
        => success_verifies_the_current_contact_and_resets_failures_on_approval_sqlite,
           success_verifies_the_current_contact_and_resets_failures_on_approval_postgres;
    a_counter_at_its_cap_refuses_the_whole_save
        => a_counter_at_its_cap_refuses_the_whole_save_sqlite,
           a_counter_at_its_cap_refuses_the_whole_save_postgres;
    a_failure_outside_a_challenge_records_the_lock_it_causes
        => a_failure_outside_a_challenge_records_the_lock_it_causes_sqlite,
           a_failure_outside_a_challenge_records_the_lock_it_causes_postgres;
    a_decision_is_one_unit_and_a_replay_is_decided_again
        => a_decision_is_one_unit_and_a_replay_is_decided_again_sqlite,
           a_decision_is_one_unit_and_a_replay_is_decided_again_postgres;
    a_right_answer_comes_back_with_the_messages_sent
        => a_right_answer_comes_back_with_the_messages_sent_sqlite,
           a_right_answer_comes_back_with_the_messages_sent_postgres;
    only_keyed_failures_lock_for_good
        => only_keyed_failures_lock_for_good_sqlite,
           only_keyed_failures_lock_for_good_postgres;
}

/// The common verify (a success that writes only the challenge, the user
/// and events; PostgreSQL saves it in one statement that also reads the
/// messages) answers with every message of the challenge, oldest first,
/// and the messages of other challenges are not among them.
async fn a_right_answer_comes_back_with_the_messages_sent(store: &dyn Store) {
    let (service, user) = service_and_user(store).await;
    let c = challenge(store, &user).await;
    let other = challenge(store, &user).await;
    let mut sent = Vec::new();
    for (target, n) in [(&c, 1), (&other, 2), (&c, 3)] {
        let msg = message(&target.id, at(n));
        let mut current = reload(store, target).await;
        current.sends += 1;
        let write = ChallengeWrite {
            new_message: Some(&msg),
            ..only_events(&[])
        };
        let saved = store.save_challenge(&current, write).await.unwrap();
        assert_eq!(saved, Saved::Done { locked_until: None });
        if target.id == c.id {
            sent.push(msg);
        }
    }
    let decided = store
        .decide_challenge(&service.id, &c.id, {
            let user = user.clone();
            Box::new(move |c: &mut Challenge, _| {
                c.attempts_used = 1;
                Some(Decision {
                    user: success(true, at(5)),
                    ..decision(&user, "challenge.approved", None)
                })
            })
        })
        .await
        .unwrap();
    let Decided::Saved {
        saved, messages, ..
    } = decided
    else {
        panic!("{decided:?}");
    };
    assert_eq!(saved, Saved::Done { locked_until: None });
    assert_eq!(messages, sent);
    assert_eq!(reload(store, &c).await.attempts_used, 1);
}

/// A decision with what it writes: one event, and `used` if given.
fn decision(user: &User, kind: &str, used: Option<FactorUse>) -> Decision {
    Decision {
        events: vec![event(user, kind, at(5))],
        user: UserEffect::None,
        new_message: None,
        message_update: None,
        factor_use: used,
        counters: Vec::new(),
        security: None,
    }
}

/// `decide_challenge` reads, decides and saves in one unit: a refusal
/// writes nothing, an unknown challenge is said so, a saved one comes back
/// with its new version and messages, and a decision whose factor use was
/// taken first is taken again, told so.
async fn a_decision_is_one_unit_and_a_replay_is_decided_again(store: &dyn Store) {
    let (service, user) = service_and_user(store).await;
    let c = challenge(store, &user).await;
    let refused = store
        .decide_challenge(
            &service.id,
            &c.id,
            Box::new(|c: &mut Challenge, _| {
                c.attempts_used = 9;
                None
            }),
        )
        .await
        .unwrap();
    assert!(matches!(refused, Decided::Refused), "{refused:?}");
    assert_eq!(reload(store, &c).await, c);
    let missing = store
        .decide_challenge(&service.id, "chl_none", Box::new(|_, _| unreachable!()))
        .await
        .unwrap();
    assert!(matches!(missing, Decided::Missing), "{missing:?}");

    let (codes, hashes) = crate::factors::recovery_codes(store, &user, at(1)).await;
    let used = FactorUse::RecoveryCode {
        factor_id: codes.id.clone(),
        code_hash: hashes[0].clone(),
        now: at(5),
    };
    let first = store
        .decide_challenge(&service.id, &c.id, {
            let (user, used) = (user.clone(), used.clone());
            Box::new(move |c: &mut Challenge, replayed| {
                assert!(!replayed);
                c.attempts_used = 1;
                Some(decision(&user, "first", Some(used.clone())))
            })
        })
        .await
        .unwrap();
    let Decided::Saved {
        challenge: saved,
        saved: outcome,
        messages,
    } = first
    else {
        panic!("{first:?}");
    };
    assert_eq!(outcome, Saved::Done { locked_until: None });
    assert_eq!(saved.version, c.version + 1);
    assert!(messages.is_empty());
    assert_eq!(reload(store, &c).await.attempts_used, 1);

    // The same recovery code on another challenge: taken first, so the
    // decision is asked again and told; this time it uses nothing.
    let other = challenge(store, &user).await;
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = asked.clone();
    let again = store
        .decide_challenge(&service.id, &other.id, {
            let user = user.clone();
            Box::new(move |c: &mut Challenge, replayed| {
                seen.lock().unwrap().push(replayed);
                c.attempts_used = 2;
                Some(decision(&user, "second", (!replayed).then(|| used.clone())))
            })
        })
        .await
        .unwrap();
    assert!(
        matches!(
            again,
            Decided::Saved {
                saved: Saved::Done { .. },
                ..
            }
        ),
        "{again:?}"
    );
    assert_eq!(*asked.lock().unwrap(), [false, true]);
    assert_eq!(reload(store, &other).await.attempts_used, 2);
}

/// A wrong code at activation or resync locks like one in a challenge, and
/// the failure that locks writes `user.locked` (with until when) in its own
/// transaction.
async fn a_failure_outside_a_challenge_records_the_lock_it_causes(store: &dyn Store) {
    let (_, user) = service_and_user(store).await;
    for n in 1..=3 {
        let saved = store
            .record_failure(&user, LOCKOUT, at(n), &[], &lock(&user, at(n)))
            .await
            .unwrap();
        let expected = (n == 3).then(|| at(3).plus(Duration::from_secs(60)));
        assert_eq!(
            saved,
            Saved::Done {
                locked_until: expected
            }
        );
    }
    let events = store
        .events(&user.service_id, &user.user_id, 50, None)
        .await
        .unwrap();
    let locks: Vec<_> = events.iter().filter(|e| e.kind == "user.locked").collect();
    assert_eq!(locks.len(), 1, "{events:?}");
    assert_eq!(locks[0].detail["until"], serde_json::json!(at(63)));
}

/// Three failures lock for a minute.
const LOCKOUT: LockoutPolicy = LockoutPolicy {
    threshold: 3,
    lock_seconds: 60,
    hard_limit: 100,
};

/// The `user.locked` event a failure at `now` records if it locks.
fn lock(user: &User, now: Timestamp) -> LockedEvent {
    LockedEvent(event(user, "user.locked", now))
}

/// A wrong answer of `user`'s at `now`, on a challenge the integrator
/// opened.
fn failure(user: &User, now: Timestamp) -> UserEffect {
    UserEffect::Failure {
        lockout: LOCKOUT,
        now,
        locked: lock(user, now),
        keyed: true,
    }
}

fn success(approved: bool, now: Timestamp) -> UserEffect {
    UserEffect::Success {
        verified_email: None,
        verified_phone: None,
        approved,
        now,
    }
}

fn message(challenge_id: &ChallengeId, now: Timestamp) -> MessageRecord {
    MessageRecord {
        id: countersign_core::ids::MessageId::new(),
        challenge_id: challenge_id.clone(),
        channel: Channel::Sms,
        to: "+33 6 •• •• •• 78".into(),
        status: DeliveryStatus::Queued,
        provider_ref: None,
        attempts: 0,
        error: None,
        created_at: now,
        updated_at: now,
    }
}

async fn save_challenge_is_conditional_on_the_version_read(store: &dyn Store) {
    let (_, user) = service_and_user(store).await;
    let inserted = challenge(store, &user).await;
    let read = reload(store, &inserted).await;
    assert_eq!(read, inserted);
    assert_eq!(read.version, 0);

    // Two requests decide from the same read; the first to save wins.
    let mut first = read.clone();
    first.attempts_used = 1;
    let mut second = read.clone();
    second.attempts_used = 2;
    let first_event = event(&user, "challenge.failed", at(1));
    let second_event = event(&user, "challenge.failed", at(2));
    assert_eq!(
        store
            .save_challenge(&first, only_events(std::slice::from_ref(&first_event)))
            .await
            .unwrap(),
        Saved::Done { locked_until: None }
    );
    let events_after_first = event_ids(store, &user).await;
    assert_eq!(
        store
            .save_challenge(&second, only_events(std::slice::from_ref(&second_event)))
            .await
            .unwrap(),
        Saved::Conflict
    );
    // So does a stale right answer (PostgreSQL saves those in one
    // statement): nothing of it is written.
    let stale_success = ChallengeWrite {
        user: success(true, at(2)),
        ..only_events(std::slice::from_ref(&second_event))
    };
    assert_eq!(
        store.save_challenge(&second, stale_success).await.unwrap(),
        Saved::Conflict
    );
    assert_eq!(event_ids(store, &user).await, events_after_first);
    let stored = reload(store, &inserted).await;
    assert_eq!(stored.version, 1);
    assert_eq!(stored.attempts_used, 1);
    assert_eq!(event_ids(store, &user).await, events_after_first);
    assert!(events_after_first.contains(&first_event.id));

    // Reloaded, the loser saves on top of the winner.
    let mut retry = stored.clone();
    retry.attempts_used = 2;
    assert_eq!(
        store
            .save_challenge(&retry, only_events(&[]))
            .await
            .unwrap(),
        Saved::Done { locked_until: None }
    );
    assert_eq!(reload(store, &inserted).await.version, 2);
}

async fn failures_lock_the_user_and_a_locked_user_is_not_counted(store: &dyn Store) {
    let (_, user) = service_and_user(store).await;
    let c = challenge(store, &user).await;
    let lock_ends = at(3).plus(Duration::from_secs(60));
    for n in 1..=3 {
        let mut read = reload(store, &c).await;
        read.attempts_used = n;
        let saved = store
            .save_challenge(
                &read,
                ChallengeWrite {
                    user: failure(&user, at(i64::from(n))),
                    ..only_events(&[])
                },
            )
            .await
            .unwrap();
        let expected = (n == 3).then_some(lock_ends);
        assert_eq!(
            saved,
            Saved::Done {
                locked_until: expected
            },
            "failure {n}"
        );
        assert_eq!(reload_user(store, &user).await.failed_attempts, n);
    }
    let locked = reload_user(store, &user).await;
    assert_eq!(locked.locked_until, Some(lock_ends));
    // The failure that locked, and only that one, recorded the lock.
    let events = store
        .events(&user.service_id, &user.user_id, 100, None)
        .await
        .unwrap();
    let locks: Vec<_> = events.iter().filter(|e| e.kind == "user.locked").collect();
    assert_eq!(locks.len(), 1, "{events:?}");
    assert_eq!(locks[0].id, events[0].id, "the newest event");
    assert_eq!(locks[0].at, at(3));
    assert_eq!(locks[0].detail["until"], serde_json::json!(lock_ends));
    assert!(locked.is_locked(at(4)));

    // While locked, a write that counts a failure or a success writes nothing.
    let read = reload(store, &c).await;
    let events_before = event_ids(store, &user).await;
    for effect in [failure(&user, at(10)), success(true, at(10))] {
        let mut changed = read.clone();
        changed.attempts_used = 4;
        let refused = event(&user, "challenge.answered", at(10));
        let saved = store
            .save_challenge(
                &changed,
                ChallengeWrite {
                    user: effect.clone(),
                    ..only_events(std::slice::from_ref(&refused))
                },
            )
            .await
            .unwrap();
        assert_eq!(saved, Saved::UserLocked, "{effect:?}");
        assert_eq!(reload(store, &c).await, read, "{effect:?}");
        assert_eq!(reload_user(store, &user).await, locked, "{effect:?}");
        assert_eq!(event_ids(store, &user).await, events_before, "{effect:?}");
    }
    // Outside a challenge too.
    assert_eq!(
        store
            .record_failure(
                &user,
                LOCKOUT,
                at(10),
                &[event(&user, "x", at(10))],
                &lock(&user, at(10))
            )
            .await
            .unwrap(),
        Saved::UserLocked
    );
    assert_eq!(reload_user(store, &user).await, locked);
    assert_eq!(event_ids(store, &user).await, events_before);

    // A write that counts nothing is not held up by the lock.
    let mut uncounted = read.clone();
    uncounted.attempts_used = 3;
    assert_eq!(
        store
            .save_challenge(&uncounted, only_events(&[]))
            .await
            .unwrap(),
        Saved::Done { locked_until: None }
    );

    // An operator's unlock clears the count, with its event.
    let unlocked = event(&user, "user.unlocked", at(20));
    assert!(store.unlock_user(&user, &unlocked).await.unwrap());
    let cleared = reload_user(store, &user).await;
    assert_eq!((cleared.failed_attempts, cleared.locked_until), (0, None));
    assert_eq!(event_ids(store, &user).await.last(), Some(&unlocked.id));
    let mut ghost = user.clone();
    ghost.id = countersign_core::ids::UserKey::new();
    let nobody = event(&ghost, "user.unlocked", at(21));
    assert!(!store.unlock_user(&ghost, &nobody).await.unwrap());
    assert_eq!(store.event(&nobody.id).await.unwrap(), None);

    // Failures count again (and the first of a new series locks nobody).
    let c2 = challenge(store, &user).await;
    assert_eq!(
        store
            .save_challenge(
                &c2,
                ChallengeWrite {
                    user: failure(&user, lock_ends),
                    ..only_events(&[])
                },
            )
            .await
            .unwrap(),
        Saved::Done { locked_until: None }
    );
    assert_eq!(reload_user(store, &user).await.failed_attempts, 1);
}

/// Failures on challenges opened without the service key (support joins)
/// never lock for good, however many; keyed ones do at the hard limit,
/// whatever came between; an approval and an unlock start both counts again.
async fn only_keyed_failures_lock_for_good(store: &dyn Store) {
    let (_, user) = service_and_user(store).await;
    let strict = LockoutPolicy {
        threshold: 0,
        lock_seconds: 0,
        hard_limit: 3,
    };
    let c = challenge(store, &user).await;
    let fail = |keyed: bool, n: i64| UserEffect::Failure {
        lockout: strict,
        now: at(n),
        locked: lock(&user, at(n)),
        keyed,
    };
    let save = |effect: UserEffect| {
        let c = &c;
        async move {
            let read = reload(store, c).await;
            let write = ChallengeWrite {
                user: effect,
                ..only_events(&[])
            };
            store.save_challenge(&read, write).await.unwrap()
        }
    };
    let counted = Saved::Done { locked_until: None };
    for i in 1..=10 {
        assert_eq!(save(fail(false, i)).await, counted, "keyless failure {i}");
    }
    assert_eq!(reload_user(store, &user).await.locked_until, None);
    // An approval starts both counts again.
    assert_eq!(save(success(true, at(11))).await, counted);
    for i in 12..=13 {
        assert_eq!(save(fail(true, i)).await, counted, "failure {i}");
    }
    assert_eq!(save(success(true, at(14))).await, counted);
    // Keyed failures among keyless ones: the third keyed locks for good.
    for (i, keyed) in [(15, true), (16, false), (17, true), (18, false)] {
        assert_eq!(save(fail(keyed, i)).await, counted, "failure {i}");
    }
    assert_eq!(
        save(fail(true, 19)).await,
        Saved::Done {
            locked_until: Some(LOCKED_FOR_GOOD)
        }
    );
    assert_eq!(reload_user(store, &user).await.failed_attempts, 5);
    // An operator's unlock clears both counts.
    assert!(store
        .unlock_user(&user, &event(&user, "user.unlocked", at(20)))
        .await
        .unwrap());
    for i in 21..=22 {
        assert_eq!(save(fail(true, i)).await, counted, "failure {i}");
    }
    // Outside a challenge (activation, resync: with the key), keyed.
    assert_eq!(
        store
            .record_failure(&user, strict, at(23), &[], &lock(&user, at(23)))
            .await
            .unwrap(),
        Saved::Done {
            locked_until: Some(LOCKED_FOR_GOOD)
        }
    );
}

async fn success_verifies_the_current_contact_and_resets_failures_on_approval(store: &dyn Store) {
    let (_, mut user) = service_and_user(store).await;
    // An unverified email and phone, and two failures on record.
    let before = user.clone();
    user.email = Some("current@example.test".into());
    user.email_verified = false;
    user.phone = Some("+33611111111".into());
    user.phone_verified = false;
    store.update_user(&before, &user, &[], None).await.unwrap();
    for n in 1..=2 {
        assert_eq!(
            store
                .record_failure(&user, LOCKOUT, at(n), &[], &lock(&user, at(n)))
                .await
                .unwrap(),
            Saved::Done { locked_until: None }
        );
    }

    // A right code for one step of two: contacts proven if they are still
    // the user's, the failure count kept.
    let c = challenge(store, &user).await;
    let step = ChallengeWrite {
        user: UserEffect::Success {
            verified_email: Some("current@example.test".into()),
            verified_phone: Some("+33699999999".into()),
            approved: false,
            now: at(5),
        },
        ..only_events(&[])
    };
    assert_eq!(
        store.save_challenge(&c, step).await.unwrap(),
        Saved::Done { locked_until: None }
    );
    let stored = reload_user(store, &user).await;
    assert!(stored.email_verified);
    assert!(!stored.phone_verified, "a number that is not the user's");
    assert_eq!(stored.failed_attempts, 2);

    // The approving answer starts the count again.
    let approved = ChallengeWrite {
        user: success(true, at(6)),
        ..only_events(&[])
    };
    assert_eq!(
        store
            .save_challenge(&reload(store, &c).await, approved)
            .await
            .unwrap(),
        Saved::Done { locked_until: None }
    );
    assert_eq!(reload_user(store, &user).await.failed_attempts, 0);
}

async fn a_counter_at_its_cap_refuses_the_whole_save(store: &dyn Store) {
    let (_, user) = service_and_user(store).await;
    let c = challenge(store, &user).await;
    let roomy = counter(2);
    let full = counter(1);
    assert_eq!(
        store
            .count_attempts(std::slice::from_ref(&full))
            .await
            .unwrap(),
        None
    );

    let mut sent = c.clone();
    sent.sends = 1;
    let msg = message(&c.id, at(1));
    let sms_sent = event(&user, "challenge.code_sent", at(1));
    let events_before = event_ids(store, &user).await;
    let counters = [roomy.clone(), full.clone()];
    let refused = ChallengeWrite {
        new_message: Some(&msg),
        message_update: None,
        counters: &counters,
        ..only_events(std::slice::from_ref(&sms_sent))
    };
    assert_eq!(
        store.save_challenge(&sent, refused).await.unwrap(),
        Saved::LimitReached(1)
    );
    assert_eq!(reload(store, &c).await, c, "challenge unchanged");
    assert!(store.messages(&c.id).await.unwrap().is_empty());
    assert_eq!(store.message(&msg.id).await.unwrap(), None);
    assert_eq!(event_ids(store, &user).await, events_before);

    // The counter under its cap was not counted either: it still has room
    // for two.
    let counters = [roomy.clone()];
    let accepted = ChallengeWrite {
        new_message: Some(&msg),
        message_update: None,
        counters: &counters,
        ..only_events(std::slice::from_ref(&sms_sent))
    };
    assert_eq!(
        store.save_challenge(&sent, accepted).await.unwrap(),
        Saved::Done { locked_until: None }
    );
    assert_eq!(
        store.messages(&c.id).await.unwrap(),
        std::slice::from_ref(&msg)
    );
    assert_eq!(
        store.message(&msg.id).await.unwrap(),
        Some((msg.clone(), c.service_id.clone()))
    );
    assert!(event_ids(store, &user).await.contains(&sms_sent.id));
    assert_eq!(
        store
            .count_attempts(std::slice::from_ref(&roomy))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .count_attempts(std::slice::from_ref(&roomy))
            .await
            .unwrap(),
        Some(0)
    );
}
