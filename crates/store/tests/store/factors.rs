//! Factors: moving factors only move forward, a code or recovery code is
//! used once, a new recovery code set replaces the old one.

use countersign_core::event::Event;
use countersign_core::factor::{
    new_recovery_codes, recovery_code_hash, Factor, FactorStatus, FactorType, WebauthnKind,
    WebauthnParams,
};
use countersign_core::otp::OtpParams;
use countersign_core::retention::{Retention, PURGE_BATCH};
use countersign_core::user::User;
use countersign_core::Timestamp;
use countersign_store::{ChallengeWrite, FactorUse, Saved, Store};

use crate::harness::{at, challenge, event, event_ids, only_events, reload, service_and_user, T0};

crate::on_both_engines! {
    a_factor_use_is_applied_once_and_its_replay_writes_nothing
        => a_factor_use_is_applied_once_and_its_replay_writes_nothing_sqlite,
           a_factor_use_is_applied_once_and_its_replay_writes_nothing_postgres;
    advance_factor_only_moves_forward
        => advance_factor_only_moves_forward_sqlite,
           advance_factor_only_moves_forward_postgres;
    a_new_recovery_code_set_replaces_the_old_one
        => a_new_recovery_code_set_replaces_the_old_one_sqlite,
           a_new_recovery_code_set_replaces_the_old_one_postgres;
    a_device_signature_is_claimed_once
        => a_device_signature_is_claimed_once_sqlite,
           a_device_signature_is_claimed_once_postgres;
    a_webauthn_counter_must_grow
        => a_webauthn_counter_must_grow_sqlite,
           a_webauthn_counter_must_grow_postgres;
}

/// A pending TOTP factor for `user`, stored.
async fn totp(store: &dyn Store, user: &User, seed: &[u8]) -> Factor {
    let factor = Factor::new_otp(
        user,
        FactorType::Totp,
        Some("phone".into()),
        OtpParams::default(),
        0,
        seed,
        |id| format!("sealed:{id}"),
        T0,
    );
    store.insert_factor(&factor, &[], &[], None).await.unwrap();
    factor
}

/// A stored recovery code set for `user`, and the hashes of its codes.
pub(crate) async fn recovery_codes(
    store: &dyn Store,
    user: &User,
    now: Timestamp,
) -> (Factor, Vec<String>) {
    let factor = Factor::new_recovery_codes(user, now);
    let hashes: Vec<String> = new_recovery_codes()
        .iter()
        .map(|code| recovery_code_hash(&factor.id, code))
        .collect();
    store
        .insert_factor(&factor, &hashes, &[], None)
        .await
        .unwrap();
    (factor, hashes)
}

/// A challenge write that applies `used` and writes `events`.
fn using<'a>(used: &FactorUse, events: &'a [Event]) -> ChallengeWrite<'a> {
    ChallengeWrite {
        factor_use: Some(used.clone()),
        ..only_events(events)
    }
}

async fn stored(store: &dyn Store, factor: &Factor) -> Factor {
    store
        .factor(&factor.id)
        .await
        .unwrap()
        .expect("factor is stored")
}

async fn a_factor_use_is_applied_once_and_its_replay_writes_nothing(store: &dyn Store) {
    let (_, user) = service_and_user(store).await;
    let token = totp(store, &user, b"0123456789abcdef0123").await;
    assert!(store
        .advance_factor(&token, 100, at(1), &[], None)
        .await
        .unwrap());
    let (codes, hashes) = recovery_codes(store, &user, at(1)).await;

    let uses = [
        FactorUse::Otp {
            factor_id: token.id.clone(),
            moving_factor: 101,
            now: at(2),
        },
        FactorUse::RecoveryCode {
            factor_id: codes.id.clone(),
            code_hash: hashes[0].clone(),
            now: at(2),
        },
    ];
    for used in uses {
        // Two challenges answered with the same code: one wins.
        let first = challenge(store, &user).await;
        let second = challenge(store, &user).await;
        let approved = event(&user, "challenge.approved", at(2));
        assert_eq!(
            store
                .save_challenge(&first, using(&used, std::slice::from_ref(&approved)))
                .await
                .unwrap(),
            Saved::Done { locked_until: None },
            "{used:?}"
        );
        let events_before = event_ids(store, &user).await;
        let replayed = event(&user, "challenge.approved", at(3));
        let mut second_approved = second.clone();
        second_approved.attempts_used = 1;
        assert_eq!(
            store
                .save_challenge(
                    &second_approved,
                    using(&used, std::slice::from_ref(&replayed))
                )
                .await
                .unwrap(),
            Saved::Replayed,
            "{used:?}"
        );
        assert_eq!(reload(store, &second).await, second, "{used:?}");
        assert_eq!(event_ids(store, &user).await, events_before, "{used:?}");
        // Nor outside a challenge.
        assert!(
            !store.use_factor(used.clone(), &[]).await.unwrap(),
            "{used:?}"
        );
    }
    let token = stored(store, &token).await;
    assert_eq!(token.moving_factor, 101);
    assert_eq!(token.last_used_at, Some(at(2)));
    assert_eq!(stored(store, &codes).await.codes_left, Some(9));

    // Another code of the set, outside a challenge, works once.
    let other = FactorUse::RecoveryCode {
        factor_id: codes.id.clone(),
        code_hash: hashes[1].clone(),
        now: at(4),
    };
    let used = event(&user, "recovery_code.used", at(4));
    assert!(store
        .use_factor(other.clone(), std::slice::from_ref(&used))
        .await
        .unwrap());
    assert!(!store.use_factor(other, &[]).await.unwrap());
    assert_eq!(stored(store, &codes).await.codes_left, Some(8));
    assert_eq!(event_ids(store, &user).await.last(), Some(&used.id));
}

async fn advance_factor_only_moves_forward(store: &dyn Store) {
    let (_, user) = service_and_user(store).await;
    let pending = totp(store, &user, b"another seed of twenty").await;
    assert_eq!(stored(store, &pending).await.status, FactorStatus::Pending);

    let activated = event(&user, "factor.activated", at(1));
    assert!(store
        .advance_factor(&pending, 5, at(1), std::slice::from_ref(&activated), None)
        .await
        .unwrap());
    let active = stored(store, &pending).await;
    assert_eq!(active.status, FactorStatus::Active);
    assert_eq!(active.moving_factor, 5);
    assert_eq!(active.last_used_at, Some(at(1)));
    let events_before = event_ids(store, &user).await;
    assert_eq!(events_before.last(), Some(&activated.id));

    // The same or an older step is refused, and its events are not written.
    for step in [5, 4, 0] {
        let refused = event(&user, "factor.resynced", at(2));
        assert!(
            !store
                .advance_factor(&active, step, at(2), &[refused], None)
                .await
                .unwrap(),
            "step {step}"
        );
    }
    // A copy read while it was pending is stale: its status changed.
    assert!(!store
        .advance_factor(&pending, 9, at(2), &[], None)
        .await
        .unwrap());
    assert_eq!(stored(store, &pending).await, active);
    assert_eq!(event_ids(store, &user).await, events_before);

    assert!(store
        .advance_factor(&active, 6, at(3), &[], None)
        .await
        .unwrap());
    assert_eq!(stored(store, &active).await.moving_factor, 6);
}

async fn a_new_recovery_code_set_replaces_the_old_one(store: &dyn Store) {
    let (_, user) = service_and_user(store).await;
    let token = totp(store, &user, b"a third seed, twenty+").await;
    let (first, first_hashes) = recovery_codes(store, &user, at(1)).await;
    assert_eq!(stored(store, &first).await.codes_left, Some(10));
    assert!(store
        .use_factor(
            FactorUse::RecoveryCode {
                factor_id: first.id.clone(),
                code_hash: first_hashes[0].clone(),
                now: at(2),
            },
            &[],
        )
        .await
        .unwrap());

    let (second, second_hashes) = recovery_codes(store, &user, at(3)).await;
    let factors = store.factors(&user.id).await.unwrap();
    let ids: Vec<&str> = factors.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, [token.id.as_str(), second.id.as_str()]);
    assert_eq!(factors[1].codes_left, Some(10));
    assert_eq!(store.factor(&first.id).await.unwrap(), None);

    // The old set's codes are gone with it.
    assert!(!store
        .use_factor(
            FactorUse::RecoveryCode {
                factor_id: first.id.clone(),
                code_hash: first_hashes[1].clone(),
                now: at(4),
            },
            &[],
        )
        .await
        .unwrap());
    assert!(store
        .use_factor(
            FactorUse::RecoveryCode {
                factor_id: second.id.clone(),
                code_hash: second_hashes[0].clone(),
                now: at(4),
            },
            &[],
        )
        .await
        .unwrap());
}

async fn a_device_signature_is_claimed_once(store: &dyn Store) {
    assert!(store.claim_device_signature("sig-1", at(60)).await.unwrap());
    assert!(!store.claim_device_signature("sig-1", at(60)).await.unwrap());
    assert!(!store
        .claim_device_signature("sig-1", at(120))
        .await
        .unwrap());
    assert!(store.claim_device_signature("sig-2", at(60)).await.unwrap());

    // Remembered until it expires: a sweep before then keeps it.
    let sweep = |now| async move {
        let cut = Retention::default().cutoffs(now);
        store.purge_expired(&cut, PURGE_BATCH).await.unwrap()
    };
    assert_eq!(sweep(at(60)).await.device_signatures, 0);
    assert!(!store.claim_device_signature("sig-1", at(60)).await.unwrap());
    assert_eq!(sweep(at(61)).await.device_signatures, 2);
    assert!(store
        .claim_device_signature("sig-1", at(120))
        .await
        .unwrap());
}

/// A registered passkey's params, its authenticator's counter at `counter`.
fn passkey(counter: u32) -> WebauthnParams {
    WebauthnParams {
        kind: WebauthnKind::Passkey,
        registration: None,
        credential: Some(serde_json::json!({ "counter": counter })),
        credential_id: Some("Y3JlZC0x".into()),
        transports: vec!["internal".into()],
        backed_up: true,
    }
}

async fn a_webauthn_counter_must_grow(store: &dyn Store) {
    let (_, user) = service_and_user(store).await;
    let ceremony = WebauthnParams {
        registration: Some(serde_json::json!({ "state": "registering" })),
        credential: None,
        credential_id: None,
        ..passkey(0)
    };
    let pending = Factor::new_webauthn(&user, Some("laptop".into()), ceremony, T0);
    store.insert_factor(&pending, &[], &[], None).await.unwrap();

    // Registration completes once.
    let registered = Factor {
        webauthn: Some(passkey(0)),
        ..pending.clone()
    };
    let done = event(&user, "factor.activated", at(1));
    assert!(store
        .complete_registration(&registered, at(1), std::slice::from_ref(&done), None)
        .await
        .unwrap());
    let again = event(&user, "factor.activated", at(2));
    assert!(!store
        .complete_registration(&registered, at(2), std::slice::from_ref(&again), None)
        .await
        .unwrap());
    let active = stored(store, &pending).await;
    assert_eq!(active.status, FactorStatus::Active);
    assert_eq!(active.webauthn, Some(passkey(0)));
    assert_eq!(event_ids(store, &user).await.last(), Some(&done.id));

    // An authenticator without a counter (0, then 0 again) is accepted; one
    // with a counter must show a higher one each time.
    let sign_in = |counter: u32| FactorUse::Webauthn {
        factor_id: pending.id.clone(),
        params: serde_json::to_string(&passkey(counter)).unwrap(),
        counter,
        now: at(10 + i64::from(counter)),
    };
    for (counter, accepted) in [
        (0, true),
        (0, true),
        (5, true),
        (5, false),
        (3, false),
        (0, false),
        (6, true),
    ] {
        assert_eq!(
            store.use_factor(sign_in(counter), &[]).await.unwrap(),
            accepted,
            "counter {counter}"
        );
    }
    let used = stored(store, &pending).await;
    assert_eq!(used.moving_factor, 6);
    assert_eq!(used.webauthn, Some(passkey(6)));
    assert_eq!(used.last_used_at, Some(at(16)));

    // Removed once.
    assert!(store.delete_factor(&used, &[], None).await.unwrap());
    assert!(!store.delete_factor(&used, &[], None).await.unwrap());
    assert!(!store.use_factor(sign_in(7), &[]).await.unwrap());
}
