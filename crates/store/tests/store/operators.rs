//! The console's storage: an enrolment link is spent once, a session ends
//! when idle, expired or signed out, a step-up rotates the cookie once, an
//! operator's removal ends their sessions, a ceremony is taken once, and
//! users are found by id, email or phone in every service.

use countersign_core::operator::{
    ConsoleSession, Operator, OperatorPasskey, Role, IDLE_TIMEOUT, SESSION_TTL,
};
use countersign_core::portal::token_hash;
use countersign_core::Timestamp;
use countersign_store::{Store, StoreError, UserLookup};
use serde_json::json;

use crate::harness::{at, service_and_user, T0};

crate::on_both_engines! {
    an_operator_enrols_once_and_their_sessions_end
        => an_operator_enrols_once_and_their_sessions_end_sqlite,
           an_operator_enrols_once_and_their_sessions_end_postgres;
    ceremonies_are_taken_once_and_users_found_by_contact
        => ceremonies_are_taken_once_and_users_found_by_contact_sqlite,
           ceremonies_are_taken_once_and_users_found_by_contact_postgres;
}

fn operator(name: &str) -> Operator {
    Operator {
        id: countersign_core::ids::new_id("opr"),
        name: name.into(),
        role: Role::Support,
        created_at: T0,
        enrolled_at: None,
        last_sign_in_at: None,
    }
}

fn passkey(o: &Operator, counter: u32) -> OperatorPasskey {
    OperatorPasskey {
        credential_id: format!("cred-{}", o.id),
        operator_id: o.id.clone(),
        passkey: json!({"counter": counter}),
        created_at: T0,
        last_used_at: Some(T0),
    }
}

async fn seen(
    store: &dyn Store,
    cookie: &str,
    now: Timestamp,
) -> Option<(ConsoleSession, Operator)> {
    store
        .console_session(&token_hash(cookie), now, now.minus(IDLE_TIMEOUT))
        .await
        .unwrap()
}

async fn an_operator_enrols_once_and_their_sessions_end(store: &dyn Store) {
    let o = operator("Sam");
    store
        .insert_operator(&o, &token_hash("link"), at(86_400))
        .await
        .unwrap();
    assert!(matches!(
        store
            .insert_operator(&operator("Sam"), &token_hash("other"), at(86_400))
            .await,
        Err(StoreError::Conflict)
    ));
    assert_eq!(
        store
            .operator_by_enrolment(&token_hash("link"), T0)
            .await
            .unwrap(),
        Some(o.clone())
    );
    assert_eq!(
        store
            .operator_by_enrolment(&token_hash("link"), at(86_400))
            .await
            .unwrap(),
        None
    );

    // Enrolment spends the link: once.
    let session = ConsoleSession::new(&o.id, at(10));
    let key = passkey(&o, 1);
    assert!(store
        .enrol_operator(
            &token_hash("link"),
            at(10),
            &key,
            &session,
            &token_hash("cookie-1")
        )
        .await
        .unwrap());
    let again = ConsoleSession::new(&o.id, at(11));
    assert!(!store
        .enrol_operator(
            &token_hash("link"),
            at(11),
            &key,
            &again,
            &token_hash("cookie-x")
        )
        .await
        .unwrap());
    assert_eq!(seen(store, "cookie-x", at(12)).await, None);
    let listed = store.operators().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].enrolled_at, Some(at(10)));

    // The session is seen, then idle.
    let (s, found) = seen(store, "cookie-1", at(20)).await.unwrap();
    assert_eq!(
        (s.id.as_str(), found.name.as_str()),
        (session.id.as_str(), "Sam")
    );
    let idle = at(20).plus(IDLE_TIMEOUT);
    assert_eq!(seen(store, "cookie-1", idle).await, None);

    // A sign-in: the passkey brought up to date, a new session.
    let signed = ConsoleSession::new(&o.id, at(30));
    let used = passkey(&o, 2);
    let who = store
        .sign_in_operator(&used, &signed, &token_hash("cookie-2"))
        .await
        .unwrap();
    assert_eq!(who.unwrap().last_sign_in_at, Some(at(30)));
    assert_eq!(
        store
            .operator_passkey(&used.credential_id)
            .await
            .unwrap()
            .unwrap()
            .passkey,
        json!({"counter": 2})
    );

    // A step-up rotates the cookie, once.
    let until = at(330);
    assert!(store
        .step_up_console_session(
            &signed.id,
            &token_hash("cookie-2"),
            &token_hash("cookie-3"),
            until,
            &passkey(&o, 3)
        )
        .await
        .unwrap());
    assert!(!store
        .step_up_console_session(
            &signed.id,
            &token_hash("cookie-2"),
            &token_hash("cookie-4"),
            until,
            &passkey(&o, 4)
        )
        .await
        .unwrap());
    assert_eq!(seen(store, "cookie-2", at(40)).await, None);
    let (s, _) = seen(store, "cookie-3", at(40)).await.unwrap();
    assert_eq!(s.step_up_until, Some(until));
    assert_eq!(
        store
            .operator_passkey(&used.credential_id)
            .await
            .unwrap()
            .unwrap()
            .passkey,
        json!({"counter": 3})
    );

    // Past its whole life the session is over, however active.
    assert_eq!(
        seen(store, "cookie-3", at(30).plus(SESSION_TTL)).await,
        None
    );

    // Sign-out, and removal (which ends every session and forgets the key).
    store.delete_console_session(&s.id).await.unwrap();
    assert_eq!(seen(store, "cookie-3", at(50)).await, None);
    let other = ConsoleSession::new(&o.id, at(60));
    store
        .sign_in_operator(&passkey(&o, 5), &other, &token_hash("cookie-5"))
        .await
        .unwrap();
    assert!(store.delete_operator("Sam").await.unwrap());
    assert!(!store.delete_operator("Sam").await.unwrap());
    assert_eq!(seen(store, "cookie-5", at(61)).await, None);
    assert_eq!(
        store.operator_passkey(&used.credential_id).await.unwrap(),
        None
    );
    let gone = store
        .sign_in_operator(
            &passkey(&o, 6),
            &ConsoleSession::new(&o.id, at(70)),
            &token_hash("cookie-6"),
        )
        .await
        .unwrap();
    assert_eq!(gone, None);
}

async fn ceremonies_are_taken_once_and_users_found_by_contact(store: &dyn Store) {
    store
        .insert_console_ceremony("c1", "state", T0, at(300))
        .await
        .unwrap();
    store
        .insert_console_ceremony("c2", "old", T0, at(10))
        .await
        .unwrap();
    assert_eq!(
        store
            .take_console_ceremony("c1", at(1))
            .await
            .unwrap()
            .as_deref(),
        Some("state")
    );
    assert_eq!(
        store.take_console_ceremony("c1", at(2)).await.unwrap(),
        None
    );
    assert_eq!(
        store.take_console_ceremony("c2", at(11)).await.unwrap(),
        None
    );

    let (_, alice) = service_and_user(store).await;
    let email = alice.email.clone().unwrap();
    let phone = alice.phone.clone().unwrap();
    let by = |user_id, email, phone| UserLookup {
        user_id,
        email,
        phone,
    };
    for lookup in [
        by("alice", None, None),
        by("x", Some(&email), None),
        by("x", None, Some(&phone)),
    ] {
        let found = store.find_users(lookup, 10).await.unwrap();
        assert_eq!(found.len(), 1, "{lookup:?}");
        assert_eq!(found[0].id, alice.id);
    }
    assert!(store
        .find_users(by("bob", None, None), 10)
        .await
        .unwrap()
        .is_empty());
}
