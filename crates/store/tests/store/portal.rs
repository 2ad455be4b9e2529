//! Security-center sessions: a link opens one session once, an idle or
//! expired session is gone, a step-up is spent once and rotates the cookie,
//! a user's sessions are listed and ended, one or all the others.

use std::time::Duration;

use countersign_core::portal::{
    idle_cutoff, new_token, token_hash, MethodKind, Pending, PortalSession, IDLE_TIMEOUT, LINK_TTL,
    SESSION_TTL,
};
use countersign_core::user::User;
use countersign_core::Timestamp;
use countersign_store::{OpenedFrom, Store};

use crate::harness::{at, event, event_ids, service_and_user, user, T0};

crate::on_both_engines! {
    a_portal_link_is_redeemed_once_and_idle_sessions_end
        => a_portal_link_is_redeemed_once_and_idle_sessions_end_sqlite,
           a_portal_link_is_redeemed_once_and_idle_sessions_end_postgres;
    a_step_up_is_finished_once_and_only_for_its_challenge
        => a_step_up_is_finished_once_and_only_for_its_challenge_sqlite,
           a_step_up_is_finished_once_and_only_for_its_challenge_postgres;
    a_users_sessions_are_listed_and_ended
        => a_users_sessions_are_listed_and_ended_sqlite,
           a_users_sessions_are_listed_and_ended_postgres;
}

/// A stored session opened at `now`, and the hash of its link token.
async fn open_session(store: &dyn Store, now: Timestamp) -> (PortalSession, String) {
    let (_, user) = service_and_user(store).await;
    session_of(store, &user, now).await
}

/// A stored session of `user` created at `now`, and its link's hash.
async fn session_of(store: &dyn Store, user: &User, now: Timestamp) -> (PortalSession, String) {
    let (session, token) = PortalSession::new(
        &user.service_id,
        &user.id,
        Some("https://bank.example/account".into()),
        Some("fr".into()),
        now,
    );
    let link = token_hash(&token);
    store
        .insert_portal_session(&session, &link, &[event(user, "portal.opened", now)])
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
        .redeem_portal_link(&link, &token_hash(&cookie), at(10), FIREFOX)
        .await
        .unwrap()
        .expect("a fresh link opens its session");
    assert_eq!(
        redeemed,
        PortalSession {
            last_seen_at: at(10),
            user_agent: FIREFOX.user_agent.map(str::to_owned),
            ip: FIREFOX.ip.map(str::to_owned),
            ..session.clone()
        }
    );
    // Once only, whatever cookie the second request brings.
    let thief = new_token();
    assert_eq!(
        store
            .redeem_portal_link(&link, &token_hash(&thief), at(11), OpenedFrom::default())
            .await
            .unwrap(),
        None
    );
    assert_eq!(seen(store, &thief, at(11)).await, None);
    assert_eq!(
        store
            .redeem_portal_link("no such link", "x", at(11), OpenedFrom::default())
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
            .redeem_portal_link(
                &late_link,
                &token_hash(&new_token()),
                late.link_expires_at,
                OpenedFrom::default()
            )
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
        .redeem_portal_link(&link, &token_hash(&cookie), at(1), OpenedFrom::default())
        .await
        .unwrap()
        .expect("redeemed");
    for pending in [
        Pending::Removal("fac_to_remove".into()),
        Pending::Addition(MethodKind::Passkey),
    ] {
        store
            .begin_step_up(&session.id, "chl_started", &pending)
            .await
            .unwrap();
        let begun = seen(store, &cookie, at(2)).await.unwrap();
        assert_eq!(begun.step_up_challenge.as_deref(), Some("chl_started"));
        assert_eq!(begun.pending, Some(pending));
        assert_eq!(begun.step_up_until, None);
    }

    let until = at(300);
    let rotated = new_token();
    assert!(!store
        .finish_step_up(&session.id, "chl_other", until, &token_hash(&rotated))
        .await
        .unwrap());
    assert!(!store
        .finish_step_up("pts_other", "chl_started", until, &token_hash(&rotated))
        .await
        .unwrap());
    assert_eq!(
        seen(store, &cookie, at(3)).await.unwrap().step_up_until,
        None
    );
    assert_eq!(seen(store, &rotated, at(3)).await, None);

    assert!(store
        .finish_step_up(&session.id, "chl_started", until, &token_hash(&rotated))
        .await
        .unwrap());
    // The session now answers to the new cookie only.
    assert_eq!(seen(store, &cookie, at(4)).await, None);
    let stepped = seen(store, &rotated, at(4)).await.unwrap();
    assert_eq!(stepped.id, session.id);
    assert_eq!(stepped.step_up_until, Some(until));
    assert_eq!(stepped.step_up_challenge, None);
    assert!(stepped.stepped_up(at(4)));

    // Spent: the same challenge does not extend it, nor rotate again.
    let again = new_token();
    assert!(!store
        .finish_step_up(&session.id, "chl_started", at(600), &token_hash(&again))
        .await
        .unwrap());
    assert_eq!(
        seen(store, &rotated, at(5)).await.unwrap().step_up_until,
        Some(until)
    );
    assert_eq!(seen(store, &again, at(5)).await, None);
}

/// The browser of the first session in these tests.
const FIREFOX: OpenedFrom<'static> = OpenedFrom {
    user_agent: Some("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
    ip: Some("203.0.113.0/24"),
};

/// Opens `link` with a new cookie at `now`; the cookie.
async fn redeem(store: &dyn Store, link: &str, now: Timestamp) -> String {
    let cookie = new_token();
    store
        .redeem_portal_link(link, &token_hash(&cookie), now, FIREFOX)
        .await
        .unwrap()
        .expect("a fresh link opens");
    cookie
}

async fn a_users_sessions_are_listed_and_ended(store: &dyn Store) {
    let (service, alice) = service_and_user(store).await;
    let bob = user(store, &service, "bob").await;
    let (mine, link) = session_of(store, &alice, T0).await;
    let my_cookie = redeem(store, &link, at(60)).await;
    let (laptop, link) = session_of(store, &alice, T0).await;
    let laptop_cookie = redeem(store, &link, at(120)).await;
    let (phone, link) = session_of(store, &alice, T0).await;
    let phone_cookie = redeem(store, &link, at(180)).await;
    // A link handed out and not opened yet, an idle session, another user's.
    let (unopened, _) = session_of(store, &alice, T0).await;
    let (idle, link) = session_of(store, &alice, T0).await;
    redeem(store, &link, T0).await;
    let (bobs, link) = session_of(store, &bob, T0).await;
    let bob_cookie = redeem(store, &link, at(240)).await;

    // Idle by now: the session opened at T0 only.
    let now = T0.plus(IDLE_TIMEOUT + Duration::from_secs(1));
    let later = |secs: u64| now.plus(Duration::from_secs(secs));
    let ids = |sessions: Vec<PortalSession>| sessions.into_iter().map(|s| s.id).collect::<Vec<_>>();
    let list = store
        .user_portal_sessions(&alice.id, now, idle_cutoff(now))
        .await
        .unwrap();
    assert_eq!(list[0].user_agent.as_deref(), FIREFOX.user_agent);
    assert_eq!(list[0].ip.as_deref(), FIREFOX.ip);
    assert_eq!(
        ids(list),
        [phone.id.as_str(), &laptop.id, &mine.id],
        "live and opened only, the latest used first"
    );

    // One session: only the user's own, never the one asking.
    let revoked = event(&alice, "portal.session_revoked", later(5));
    for (keep, only) in [(&mine.id, &bobs.id), (&mine.id, &mine.id)] {
        assert!(store
            .revoke_portal_sessions(&alice.id, keep, Some(only), &revoked)
            .await
            .unwrap()
            .is_empty());
    }
    assert!(seen(store, &bob_cookie, later(5)).await.is_some());
    let before = event_ids(store, &alice).await.len();
    assert_eq!(
        store
            .revoke_portal_sessions(&alice.id, &mine.id, Some(&laptop.id), &revoked)
            .await
            .unwrap(),
        [laptop.id.as_str()]
    );
    assert_eq!(seen(store, &laptop_cookie, later(6)).await, None);
    assert!(seen(store, &phone_cookie, later(6)).await.is_some());
    let events = store
        .events(&alice.service_id, &alice.user_id, 1, None)
        .await
        .unwrap();
    assert_eq!(events[0].kind, "portal.session_revoked");
    assert_eq!(events[0].detail["session_id"], laptop.id.as_str());
    assert_eq!(event_ids(store, &alice).await.len(), before + 1);

    // All the others: the phone, the idle one and the unopened link; the
    // asking session and the other user's stay.
    let mut ended = store
        .revoke_portal_sessions(&alice.id, &mine.id, None, &revoked)
        .await
        .unwrap();
    ended.sort();
    let mut expected = vec![phone.id.clone(), unopened.id.clone(), idle.id.clone()];
    expected.sort();
    assert_eq!(ended, expected);
    assert_eq!(event_ids(store, &alice).await.len(), before + 4);
    assert_eq!(seen(store, &phone_cookie, later(7)).await, None);
    assert!(seen(store, &my_cookie, later(7)).await.is_some());
    assert!(seen(store, &bob_cookie, later(7)).await.is_some());
    assert_eq!(
        ids(store
            .user_portal_sessions(&alice.id, later(7), idle_cutoff(later(7)))
            .await
            .unwrap()),
        [mine.id.as_str()]
    );
}
