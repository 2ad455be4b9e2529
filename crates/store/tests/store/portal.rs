//! Security-center sessions: a link opens one session once, an idle or
//! expired session is gone, a step-up is spent once.

use std::time::Duration;

use countersign_core::portal::{
    idle_cutoff, new_token, token_hash, PortalSession, IDLE_TIMEOUT, LINK_TTL, SESSION_TTL,
};
use countersign_core::Timestamp;
use countersign_store::Store;

use crate::harness::{at, event, service_and_user, T0};

crate::on_both_engines! {
    a_portal_link_is_redeemed_once_and_idle_sessions_end
        => a_portal_link_is_redeemed_once_and_idle_sessions_end_sqlite,
           a_portal_link_is_redeemed_once_and_idle_sessions_end_postgres;
    a_step_up_is_finished_once_and_only_for_its_challenge
        => a_step_up_is_finished_once_and_only_for_its_challenge_sqlite,
           a_step_up_is_finished_once_and_only_for_its_challenge_postgres;
}

/// A stored session opened at `now`, and the hash of its link token.
async fn open_session(store: &dyn Store, now: Timestamp) -> (PortalSession, String) {
    let (_, user) = service_and_user(store).await;
    let (session, token) = PortalSession::new(
        &user.service_id,
        &user.id,
        Some("https://bank.example/account".into()),
        Some("fr".into()),
        now,
    );
    let link = token_hash(&token);
    store
        .insert_portal_session(&session, &link, &[event(&user, "portal.opened", now)])
        .await
        .unwrap();
    (session, link)
}

/// The session behind `cookie` at `now`, with the standard idle timeout.
async fn seen(store: &dyn Store, cookie: &str, now: Timestamp) -> Option<PortalSession> {
    store
        .portal_session(&token_hash(cookie), now, idle_cutoff(now))
        .await
        .unwrap()
}

async fn a_portal_link_is_redeemed_once_and_idle_sessions_end(store: &dyn Store) {
    let (session, link) = open_session(store, T0).await;
    let cookie = new_token();
    let redeemed = store
        .redeem_portal_link(&link, &token_hash(&cookie), at(10))
        .await
        .unwrap()
        .expect("a fresh link opens its session");
    assert_eq!(
        redeemed,
        PortalSession {
            last_seen_at: at(10),
            ..session.clone()
        }
    );
    // Once only, whatever cookie the second request brings.
    let thief = new_token();
    assert_eq!(
        store
            .redeem_portal_link(&link, &token_hash(&thief), at(11))
            .await
            .unwrap(),
        None
    );
    assert_eq!(seen(store, &thief, at(11)).await, None);
    assert_eq!(
        store
            .redeem_portal_link("no such link", "x", at(11))
            .await
            .unwrap(),
        None
    );

    // A use just before the idle timeout keeps the session and moves the
    // timeout on.
    let used = at(10).plus(IDLE_TIMEOUT - Duration::from_millis(1));
    let live = seen(store, &cookie, used).await.expect("used just in time");
    assert_eq!(live.last_seen_at, used);
    // Unused for the idle timeout: gone.
    let idle = used.plus(IDLE_TIMEOUT);
    assert_eq!(seen(store, &cookie, idle).await, None);
    assert_eq!(
        store
            .portal_session(&token_hash(&cookie), idle, at(0))
            .await
            .unwrap()
            .map(|s| s.last_seen_at),
        Some(idle),
        "found with a lenient cutoff: only the cutoff ended it"
    );
    // Never past its absolute end, however active.
    let end = session.expires_at;
    assert_eq!(end, T0.plus(SESSION_TTL));
    assert!(seen(store, &cookie, Timestamp(end.millis() - 1))
        .await
        .is_some());
    assert_eq!(seen(store, &cookie, end).await, None);

    // A link not opened in time opens nothing.
    let (late, late_link) = open_session(store, at(100)).await;
    assert_eq!(late.link_expires_at, at(100).plus(LINK_TTL));
    assert_eq!(
        store
            .redeem_portal_link(&late_link, &token_hash(&new_token()), late.link_expires_at)
            .await
            .unwrap(),
        None
    );

    // Signed out: gone.
    store.delete_portal_session(&session.id).await.unwrap();
    assert_eq!(
        store
            .portal_session(&token_hash(&cookie), at(20), at(0))
            .await
            .unwrap(),
        None
    );
}

async fn a_step_up_is_finished_once_and_only_for_its_challenge(store: &dyn Store) {
    let (session, link) = open_session(store, T0).await;
    let cookie = new_token();
    store
        .redeem_portal_link(&link, &token_hash(&cookie), at(1))
        .await
        .unwrap()
        .expect("redeemed");
    store
        .begin_step_up(&session.id, "chl_started", "fac_to_remove")
        .await
        .unwrap();
    let begun = seen(store, &cookie, at(2)).await.unwrap();
    assert_eq!(begun.step_up_challenge.as_deref(), Some("chl_started"));
    assert_eq!(begun.pending_removal.as_deref(), Some("fac_to_remove"));
    assert_eq!(begun.step_up_until, None);

    let until = at(300);
    assert!(!store
        .finish_step_up(&session.id, "chl_other", until)
        .await
        .unwrap());
    assert!(!store
        .finish_step_up("pts_other", "chl_started", until)
        .await
        .unwrap());
    assert_eq!(
        seen(store, &cookie, at(3)).await.unwrap().step_up_until,
        None
    );

    assert!(store
        .finish_step_up(&session.id, "chl_started", until)
        .await
        .unwrap());
    let stepped = seen(store, &cookie, at(4)).await.unwrap();
    assert_eq!(stepped.step_up_until, Some(until));
    assert_eq!(stepped.step_up_challenge, None);
    assert!(stepped.stepped_up(at(4)));

    // Spent: the same challenge does not extend it.
    assert!(!store
        .finish_step_up(&session.id, "chl_started", at(600))
        .await
        .unwrap());
    assert_eq!(
        seen(store, &cookie, at(5)).await.unwrap().step_up_until,
        Some(until)
    );
}
