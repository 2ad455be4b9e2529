//! Users: unique per service, updated field by field, deleted with their
//! challenges while their events stay.

use countersign_core::audit;
use countersign_core::event::{Event, Personal};
use countersign_core::factor::Factor;
use countersign_core::user::User;
use countersign_store::{
    AuditChain, ChallengeWrite, Erased, ImportedUser, Saved, Store, StoreError, UserEffect,
};
use serde_json::json;

use crate::harness::{
    at, challenge, event, event_ids, new_user, only_events, reload_user, service, service_and_user,
    T0,
};

crate::on_both_engines! {
    insert_user_reads_back_and_refuses_a_duplicate
        => insert_user_reads_back_and_refuses_a_duplicate_sqlite,
           insert_user_reads_back_and_refuses_a_duplicate_postgres;
    update_user_writes_only_the_fields_that_changed
        => update_user_writes_only_the_fields_that_changed_sqlite,
           update_user_writes_only_the_fields_that_changed_postgres;
    delete_user_removes_user_and_challenges_but_keeps_events
        => delete_user_removes_user_and_challenges_but_keeps_events_sqlite,
           delete_user_removes_user_and_challenges_but_keeps_events_postgres;
    import_users_writes_everything_or_nothing
        => import_users_writes_everything_or_nothing_sqlite,
           import_users_writes_everything_or_nothing_postgres;
    erasure_removes_a_deleted_users_personal_data_and_the_chain_still_verifies
        => erasure_removes_a_deleted_users_personal_data_and_the_chain_still_verifies_sqlite,
           erasure_removes_a_deleted_users_personal_data_and_the_chain_still_verifies_postgres;
}

async fn insert_user_reads_back_and_refuses_a_duplicate(store: &dyn Store) {
    let service = service(store).await;
    let mut alice = new_user(&service.id, "alice");
    alice.locale = Some("fr".into());
    alice.display_name = Some("Alice".into());
    let created = event(&alice, "user.created", T0);
    store
        .insert_user(&alice, std::slice::from_ref(&created))
        .await
        .unwrap();
    assert_eq!(reload_user(store, &alice).await, alice);
    assert_eq!(
        store.user_by_pk(&alice.id).await.unwrap(),
        Some(alice.clone())
    );
    assert_eq!(store.user(&service.id, "bob").await.unwrap(), None);

    // Same service and user id, another primary key: refused, nothing written.
    let mut twin = new_user(&service.id, "alice");
    twin.email = Some("twin@example.test".into());
    let err = store
        .insert_user(&twin, &[event(&twin, "user.created", at(1))])
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict), "{err:?}");
    assert_eq!(reload_user(store, &alice).await, alice);
    assert_eq!(store.user_by_pk(&twin.id).await.unwrap(), None);
    assert_eq!(event_ids(store, &alice).await, [created.id]);

    // The same user id in another service is another user.
    let other = crate::harness::service(store).await;
    let elsewhere = new_user(&other.id, "alice");
    store.insert_user(&elsewhere, &[]).await.unwrap();
    assert_eq!(reload_user(store, &elsewhere).await, elsewhere);
    assert_eq!(reload_user(store, &alice).await, alice);
}

async fn update_user_writes_only_the_fields_that_changed(store: &dyn Store) {
    let service = service(store).await;
    let mut before = new_user(&service.id, "alice");
    before.phone_verified = false;
    store.insert_user(&before, &[]).await.unwrap();

    // Three requests read the same user and change one field each, while a
    // code proves the phone number. No request writes a stale value over
    // another's change.
    let mut new_email = before.clone();
    new_email.email = Some("new@example.test".into());
    new_email.email_verified = false;
    new_email.updated_at = at(1);
    let mut new_name = before.clone();
    new_name.display_name = Some("Alice Liddell".into());
    new_name.updated_at = at(2);
    let mut new_locale = before.clone();
    new_locale.locale = Some("fr".into());
    new_locale.updated_at = at(3);
    store
        .update_user(&before, &new_email, &[], None)
        .await
        .unwrap();
    let proof = ChallengeWrite {
        user: UserEffect::Success {
            verified_email: None,
            verified_phone: before.phone.clone(),
            approved: true,
            now: at(1),
        },
        ..only_events(&[])
    };
    let c = challenge(store, &before).await;
    assert!(matches!(
        store.save_challenge(&c, proof).await.unwrap(),
        Saved::Done { .. }
    ));
    store
        .update_user(&before, &new_name, &[], None)
        .await
        .unwrap();
    let relocalised = event(&before, "user.updated", at(3));
    store
        .update_user(
            &before,
            &new_locale,
            std::slice::from_ref(&relocalised),
            None,
        )
        .await
        .unwrap();

    let stored = reload_user(store, &before).await;
    assert_eq!(stored.email.as_deref(), Some("new@example.test"));
    assert!(!stored.email_verified);
    assert_eq!(stored.display_name.as_deref(), Some("Alice Liddell"));
    assert_eq!(stored.locale.as_deref(), Some("fr"));
    assert_eq!(stored.phone, before.phone);
    assert!(stored.phone_verified, "proven meanwhile");
    assert_eq!(stored.updated_at, at(3));
    assert_eq!(
        event_ids(store, &before).await.last(),
        Some(&relocalised.id)
    );
}

async fn delete_user_removes_user_and_challenges_but_keeps_events(store: &dyn Store) {
    let (service, alice) = service_and_user(store).await;
    let bob = crate::harness::user(store, &service, "bob").await;
    let alices = challenge(store, &alice).await;
    let bobs = challenge(store, &bob).await;
    let codes = Factor::new_recovery_codes(&alice, T0);
    store
        .insert_factor(&codes, &["h1".into()], &[], None)
        .await
        .unwrap();
    let before = event_ids(store, &alice).await;
    assert_eq!(before.len(), 2, "user.created and challenge.created");

    let tombstone = event(&alice, "user.deleted", at(10));
    let erasure = store.delete_user(&alice, &tombstone).await.unwrap();
    assert_eq!(
        store.pending_erasures(10).await.unwrap(),
        Vec::from_iter(erasure.clone()),
        "the erasure is requested with the deletion"
    );
    let erasure = erasure.expect("deleted");
    assert_eq!(
        (erasure.user_id.as_str(), erasure.requested_at),
        ("alice", at(10))
    );
    assert_eq!(store.user(&service.id, "alice").await.unwrap(), None);
    assert_eq!(store.user_by_pk(&alice.id).await.unwrap(), None);
    assert_eq!(
        store.challenge(&service.id, &alices.id).await.unwrap(),
        None
    );
    assert_eq!(store.challenge_by_id(&alices.id).await.unwrap(), None);
    assert!(store.factors(&alice.id).await.unwrap().is_empty());
    assert_eq!(store.factor(&codes.id).await.unwrap(), None);
    let mut kept = before.clone();
    kept.push(tombstone.id.clone());
    assert_eq!(event_ids(store, &alice).await, kept);
    let AuditChain {
        events: chain,
        head,
        ..
    } = store.audit_chain(&service.id).await.unwrap();
    let head = head.as_ref().map(|(seq, hash)| (*seq, hash.as_str()));
    assert_eq!(audit::verify(&chain, head), Ok(chain.len() as u64));

    // A save from a read made before the deletion finds nothing to save.
    assert_eq!(
        store
            .save_challenge(&alices, only_events(&[event(&alice, "late", at(11))]))
            .await
            .unwrap(),
        Saved::Conflict
    );
    // Deleting again changes nothing and writes no second tombstone.
    let again = event(&alice, "user.deleted", at(12));
    assert_eq!(store.delete_user(&alice, &again).await.unwrap(), None);
    assert_eq!(event_ids(store, &alice).await, kept);
    assert_eq!(store.event(&again.id).await.unwrap(), None);

    // Bob is untouched.
    assert_eq!(reload_user(store, &bob).await, bob);
    assert_eq!(
        store.challenge(&service.id, &bobs.id).await.unwrap(),
        Some(bobs)
    );
}

/// Deleting a user requests the erasure of their events up to the
/// deletion; batches erase them (IP, user id, personal detail) and finish
/// the request; another user's events, and those of a later user with the
/// same id, stay whole; the chain verifies before, between and after, on
/// events sealed before and after the erasure (PostgreSQL seals later).
async fn erasure_removes_a_deleted_users_personal_data_and_the_chain_still_verifies(
    store: &dyn Store,
) {
    let (service, alice) = service_and_user(store).await;
    let bob = crate::harness::user(store, &service, "bob").await;
    let personal = |user: &User, i: i64| {
        Event::new(
            &user.service_id,
            Some(&user.user_id),
            "challenge.code_sent",
            at(i),
            Some("203.0.113.7"),
            json!({"challenge_id": format!("chl_{i}"), "channel": "sms", "to": "+44 7700 •••123"}),
        )
    };
    let alices: Vec<Event> = (1..=5).map(|i| personal(&alice, i)).collect();
    store.insert_events(&alices[..3]).await.unwrap();
    let chain_verifies = || async {
        let AuditChain { events, head, .. } = store.audit_chain(&service.id).await.unwrap();
        let head = head.as_ref().map(|(seq, hash)| (*seq, hash.as_str()));
        assert_eq!(audit::verify(&events, head), Ok(events.len() as u64));
        events.len()
    };
    chain_verifies().await; // the first three are sealed now
    store.insert_events(&alices[3..]).await.unwrap();
    let bobs = personal(&bob, 6);
    store
        .insert_events(std::slice::from_ref(&bobs))
        .await
        .unwrap();

    let tombstone = event(&alice, "user.deleted", at(10));
    let erasure = store
        .delete_user(&alice, &tombstone)
        .await
        .unwrap()
        .unwrap();
    // A new Alice, after the deletion, keeps her events.
    let new_alice = crate::harness::user(store, &service, "alice").await;
    let hers = personal(&new_alice, 11);
    store
        .insert_events(std::slice::from_ref(&hers))
        .await
        .unwrap();

    let first = store.erase_events(&erasure, 2).await.unwrap();
    assert_eq!(
        first,
        Erased {
            events: 2,
            done: false
        }
    );
    let total = chain_verifies().await;
    let mut erased = 2;
    loop {
        let batch = store.erase_events(&erasure, 2).await.unwrap();
        erased += batch.events;
        if batch.done {
            break;
        }
    }
    // user.created, five events and the tombstone.
    assert_eq!(erased, 7);
    assert!(store.pending_erasures(10).await.unwrap().is_empty());
    assert_eq!(
        store.erase_events(&erasure, 2).await.unwrap(),
        Erased {
            events: 0,
            done: true
        }
    );

    for old in alices.iter().chain([&tombstone]) {
        let e = store.event(&old.id).await.unwrap().unwrap();
        assert_eq!(
            (e.user_id.as_deref(), e.ip.as_deref()),
            (None, None),
            "{}",
            e.kind
        );
        assert!(matches!(e.personal, Personal::Erased(_)));
        assert!(e.detail.get("to").is_none(), "{}", e.detail);
        assert_eq!(e.detail.get("channel"), old.detail.get("channel"));
        assert_eq!((e.kind.as_str(), e.at), (old.kind.as_str(), old.at));
    }
    for kept in [&bobs, &hers] {
        assert_eq!(&store.event(&kept.id).await.unwrap().unwrap(), kept);
    }
    assert_eq!(event_ids(store, &new_alice).await.last(), Some(&hers.id));
    assert!(!event_ids(store, &new_alice).await.contains(&alices[0].id));
    assert_eq!(chain_verifies().await, total, "nothing added, nothing lost");
}

/// An import: a verification flag alone is written (a vouched contact), new
/// users are created; a conflict on the last user writes nothing at all.
async fn import_users_writes_everything_or_nothing(store: &dyn Store) {
    let service = service(store).await;
    let mut alice = new_user(&service.id, "alice");
    alice.phone_verified = false;
    store.insert_user(&alice, &[]).await.unwrap();
    let mut vouched = alice.clone();
    vouched.phone_verified = true;
    vouched.updated_at = at(1);
    let bob = new_user(&service.id, "bob");
    let write = |before: Option<&User>, user: &User| ImportedUser {
        before: before.cloned(),
        user: user.clone(),
        factors: Vec::new(),
        events: vec![event(user, "user.imported", at(1))],
        security: None,
    };
    store
        .import_users(&[write(Some(&alice), &vouched), write(None, &bob)])
        .await
        .unwrap();
    assert_eq!(reload_user(store, &alice).await, vouched);
    assert_eq!(reload_user(store, &bob).await, bob);
    assert_eq!(event_ids(store, &bob).await.len(), 1);

    let carol = new_user(&service.id, "carol");
    let mut renamed = vouched.clone();
    renamed.display_name = Some("Alice".into());
    let twin = new_user(&service.id, "bob");
    let err = store
        .import_users(&[
            write(None, &carol),
            write(Some(&vouched), &renamed),
            write(None, &twin),
        ])
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict), "{err:?}");
    assert_eq!(store.user(&service.id, "carol").await.unwrap(), None);
    assert_eq!(reload_user(store, &alice).await, vouched);
    assert_eq!(event_ids(store, &alice).await.len(), 1);
}
