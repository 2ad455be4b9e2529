//! The rules that must hold across server processes, raced: many requests
//! at once (on PostgreSQL, on as many connections), one outcome.

use std::future::Future;
use std::sync::Arc;

use countersign_core::factor::{recovery_code_hash, Factor};
use countersign_core::lockout::LockoutPolicy;
use countersign_core::notice::{NoticeContent, SecurityChange};
use countersign_core::policy::Channel;
use countersign_core::portal::{new_token, token_hash, PortalSession};
use countersign_store::{
    ChallengeWrite, FactorUse, LockedEvent, NoticeRecord, OpenedFrom, Saved, SecurityWrite, Store,
    UserEffect,
};

use crate::harness::{
    at, challenge, counter, event, only_events, reload_user, service_and_user, TestDb, T0,
};

crate::on_both_engines! {
    db racing_saves_of_one_version_let_exactly_one_win
        => racing_saves_of_one_version_let_exactly_one_win_sqlite,
           racing_saves_of_one_version_let_exactly_one_win_postgres;
    db racing_failures_lock_once_and_count_no_more
        => racing_failures_lock_once_and_count_no_more_sqlite,
           racing_failures_lock_once_and_count_no_more_postgres;
    db racing_uses_of_one_code_and_one_link_succeed_once
        => racing_uses_of_one_code_and_one_link_succeed_once_sqlite,
           racing_uses_of_one_code_and_one_link_succeed_once_postgres;
    db racing_attempts_stop_at_the_cap
        => racing_attempts_stop_at_the_cap_sqlite,
           racing_attempts_stop_at_the_cap_postgres;
    db racing_workers_claim_each_notice_once
        => racing_workers_claim_each_notice_once_sqlite,
           racing_workers_claim_each_notice_once_postgres;
    db racing_writers_and_sealers_keep_one_chain
        => racing_writers_and_sealers_keep_one_chain_sqlite,
           racing_writers_and_sealers_keep_one_chain_postgres;
}

const RACERS: usize = 8;

/// Runs `racer(i, store)` for `i` in `0..RACERS`, all at once; their results.
async fn race<T, F, Fut>(db: &TestDb, racer: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize, Arc<dyn Store>) -> Fut,
    Fut: Future<Output = T> + Send + 'static,
{
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..RACERS {
        tasks.spawn(racer(i, db.shared()));
    }
    let mut results = Vec::with_capacity(RACERS);
    while let Some(result) = tasks.join_next().await {
        results.push(result.expect("racer panicked"));
    }
    results
}

async fn racing_saves_of_one_version_let_exactly_one_win(db: &TestDb) {
    let store = db.store();
    let (_, user) = service_and_user(store).await;
    let c = challenge(store, &user).await;
    let outcomes = race(db, |i, store| {
        let mut mine = c.clone();
        mine.attempts_used = i as u32 + 1;
        async move { store.save_challenge(&mine, only_events(&[])).await.unwrap() }
    })
    .await;
    let done = outcomes
        .iter()
        .filter(|s| matches!(s, Saved::Done { .. }))
        .count();
    let conflicts = outcomes.iter().filter(|s| **s == Saved::Conflict).count();
    assert_eq!((done, conflicts), (1, RACERS - 1), "{outcomes:?}");
    assert_eq!(crate::harness::reload(store, &c).await.version, 1);
}

async fn racing_failures_lock_once_and_count_no_more(db: &TestDb) {
    let store = db.store();
    let (_, user) = service_and_user(store).await;
    let lockout = LockoutPolicy {
        threshold: 3,
        lock_seconds: 60,
        hard_limit: 100,
    };
    let mut challenges = Vec::new();
    for _ in 0..RACERS {
        challenges.push(challenge(store, &user).await);
    }
    let outcomes = race(db, |i, store| {
        let c = challenges[i].clone();
        let locked = LockedEvent(event(&user, "user.locked", at(1)));
        async move {
            let write = ChallengeWrite {
                user: UserEffect::Failure {
                    lockout,
                    now: at(1),
                    locked,
                    keyed: true,
                },
                ..only_events(&[])
            };
            store.save_challenge(&c, write).await.unwrap()
        }
    })
    .await;
    let count = |wanted: Saved| outcomes.iter().filter(|s| **s == wanted).count();
    let lock = Saved::Done {
        locked_until: Some(at(61)),
    };
    let counted = Saved::Done { locked_until: None };
    assert_eq!(
        (count(counted), count(lock), count(Saved::UserLocked)),
        (2, 1, RACERS - 3),
        "{outcomes:?}"
    );
    let stored = reload_user(store, &user).await;
    assert_eq!(
        (stored.failed_attempts, stored.locked_until),
        (3, Some(at(61)))
    );
    let events = store
        .events(&user.service_id, &user.user_id, 100, None)
        .await
        .unwrap();
    assert_eq!(events.iter().filter(|e| e.kind == "user.locked").count(), 1);
}

async fn racing_uses_of_one_code_and_one_link_succeed_once(db: &TestDb) {
    let store = db.store();
    let (_, user) = service_and_user(store).await;
    let codes = Factor::new_recovery_codes(&user, T0);
    let hash = recovery_code_hash(&codes.id, "ABCD-EFGH-JKMN-PQRS");
    store
        .insert_factor(&codes, std::slice::from_ref(&hash), &[], None)
        .await
        .unwrap();
    let used = race(db, |_, store| {
        let spend = FactorUse::RecoveryCode {
            factor_id: codes.id.clone(),
            code_hash: hash.clone(),
            now: at(1),
        };
        async move { store.use_factor(spend, &[]).await.unwrap() }
    })
    .await;
    assert_eq!(used.iter().filter(|u| **u).count(), 1, "{used:?}");

    let (session, token) = PortalSession::new(&user.service_id, &user.id, None, None, T0);
    let link = token_hash(&token);
    store
        .insert_portal_session(&session, &link, &[])
        .await
        .unwrap();
    let opened = race(db, |_, store| {
        let link = link.clone();
        async move {
            store
                .redeem_portal_link(
                    &link,
                    &token_hash(&new_token()),
                    at(1),
                    OpenedFrom::default(),
                )
                .await
                .unwrap()
        }
    })
    .await;
    assert_eq!(opened.iter().filter(|o| o.is_some()).count(), 1);

    assert!(store.claim_device_signature("sig", at(60)).await.unwrap());
    let claimed = race(db, |i, store| async move {
        store
            .claim_device_signature(&format!("sig-{}", i % 2), at(60))
            .await
            .unwrap()
    })
    .await;
    assert_eq!(claimed.iter().filter(|c| **c).count(), 2, "one per key");
}

async fn racing_attempts_stop_at_the_cap(db: &TestDb) {
    let cap = counter(3);
    let outcomes = race(db, |_, store| {
        let cap = cap.clone();
        async move { store.count_attempts(&[cap]).await.unwrap() }
    })
    .await;
    let allowed = outcomes.iter().filter(|o| o.is_none()).count();
    assert_eq!(allowed, 3, "{outcomes:?}");
}

async fn racing_workers_claim_each_notice_once(db: &TestDb) {
    let store = db.store();
    let (_, user) = service_and_user(store).await;
    let content = NoticeContent {
        change: SecurityChange::PhoneChanged,
        at: at(1),
        ip: None,
        held_until: None,
    };
    let notices: Vec<NoticeRecord> = (0..3 * RACERS)
        .map(|i| NoticeRecord {
            id: format!("ntc_{i:02}"),
            service_id: user.service_id.clone(),
            user_pk: Some(user.id.clone()),
            channel: Channel::Email,
            to: format!("contact-{i}@example.test"),
            locale: None,
            content: content.clone(),
            attempts: 0,
        })
        .collect();
    let security = SecurityWrite {
        user_pk: user.id.clone(),
        hold_until: None,
        notices: notices.clone(),
    };
    store
        .update_user(&user, &user, &[], Some(&security))
        .await
        .unwrap();
    let claims = race(db, |_, store| async move {
        store.claim_notices(at(2), 2).await.unwrap()
    })
    .await;
    let mut claimed: Vec<String> = claims.into_iter().flatten().map(|n| n.id).collect();
    let taken = claimed.len();
    claimed.sort();
    claimed.dedup();
    assert_eq!(claimed.len(), taken, "a notice was claimed twice");
    assert!(taken > 0 && taken <= 2 * RACERS, "{taken}");
    // The rest are still there for the next round.
    let rest = store.claim_notices(at(2), 100).await.unwrap();
    assert_eq!(taken + rest.len(), notices.len());
}

/// Writers append events while others seal the chain (on PostgreSQL the
/// events are linked after their commit, by whichever process seals first):
/// every event joins the one chain exactly once, and it verifies.
async fn racing_writers_and_sealers_keep_one_chain(db: &TestDb) {
    let (service, user) = service_and_user(db.store()).await;
    let mut expected = crate::audit::verified_chain(db.store(), &service.id).await;
    let written = race(db, |i, store| {
        let user = user.clone();
        async move {
            let mut ids = Vec::new();
            for n in 0..5 {
                let e = event(&user, "user.updated", at(i as i64 * 10 + n));
                ids.push(e.id.clone());
                store.insert_events(&[e]).await.unwrap();
                store.seal_chains().await.unwrap();
            }
            ids
        }
    })
    .await;
    let mut chained = crate::audit::verified_chain(db.store(), &service.id).await;
    assert_eq!(
        db.store().seal_chains().await.unwrap(),
        0,
        "nothing left unsealed"
    );
    expected.extend(written.into_iter().flatten());
    expected.sort();
    chained.sort();
    assert_eq!(chained, expected);
}
