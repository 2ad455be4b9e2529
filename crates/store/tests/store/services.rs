//! Services and installation settings: set once, or changed only from the
//! value that was read; WebAuthn ceremonies finished once.

use countersign_core::service::ServiceSettings;
use countersign_store::{Store, StoreError};

use crate::harness::{at, event_ids, service, service_and_user, T0};

crate::on_both_engines! {
    settings_and_services_are_never_overwritten_blindly
        => settings_and_services_are_never_overwritten_blindly_sqlite,
           settings_and_services_are_never_overwritten_blindly_postgres;
    a_ceremony_is_taken_once_and_not_after_it_expires
        => a_ceremony_is_taken_once_and_not_after_it_expires_sqlite,
           a_ceremony_is_taken_once_and_not_after_it_expires_postgres;
    a_live_database_answers_the_readiness_check
        => a_live_database_answers_the_readiness_check_sqlite,
           a_live_database_answers_the_readiness_check_postgres;
}

/// `/readyz` asks the store; a database that is there answers.
async fn a_live_database_answers_the_readiness_check(store: &dyn Store) {
    store.ping().await.unwrap();
}

async fn settings_and_services_are_never_overwritten_blindly(store: &dyn Store) {
    // The first server to start sets the value; the others read it.
    assert_eq!(store.claim_setting("key_id", "k1").await.unwrap(), "k1");
    assert_eq!(store.claim_setting("key_id", "k2").await.unwrap(), "k1");
    store.put_setting("key_id", "k3").await.unwrap();
    assert_eq!(store.claim_setting("key_id", "k4").await.unwrap(), "k3");

    let (svc, user) = service_and_user(store).await;
    assert_eq!(store.service(&svc.id).await.unwrap(), Some(svc.clone()));
    assert_eq!(store.services().await.unwrap(), std::slice::from_ref(&svc));
    // Names are unique.
    let mut twin = svc.clone();
    twin.id = countersign_core::ids::ServiceId::new();
    let err = store.insert_service(&twin, "other-key").await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict), "{err:?}");
    let other = service(store).await;
    assert_eq!(store.services().await.unwrap().len(), 2);
    assert_eq!(store.service_by_key_hash("none").await.unwrap(), None);

    // Two admins edit the settings from the same read: the second loses.
    let before = svc.settings.clone();
    let mut stricter = svc.clone();
    stricter.settings.max_attempts = 3;
    let mut laxer = svc.clone();
    laxer.settings.max_attempts = 9;
    let changed = crate::harness::event(&user, "service.updated", at(1));
    assert!(store
        .update_service_settings(&stricter, &before, std::slice::from_ref(&changed))
        .await
        .unwrap());
    let events_before = event_ids(store, &user).await;
    let lost = crate::harness::event(&user, "service.updated", at(2));
    assert!(!store
        .update_service_settings(&laxer, &before, &[lost])
        .await
        .unwrap());
    let stored = store.service(&svc.id).await.unwrap().unwrap();
    assert_eq!(stored.settings.max_attempts, 3);
    assert_eq!(event_ids(store, &user).await, events_before);
    assert_eq!(events_before.last(), Some(&changed.id));
    assert_eq!(
        store.service(&other.id).await.unwrap().unwrap().settings,
        ServiceSettings::default()
    );
}

async fn a_ceremony_is_taken_once_and_not_after_it_expires(store: &dyn Store) {
    let a = service(store).await;
    let b = service(store).await;
    store
        .insert_ceremony("cer_1", &a.id, "{\"state\":1}", at(60))
        .await
        .unwrap();
    assert_eq!(store.take_ceremony("cer_1", &b.id, T0).await.unwrap(), None);
    assert_eq!(
        store
            .take_ceremony("cer_1", &a.id, T0)
            .await
            .unwrap()
            .as_deref(),
        Some("{\"state\":1}")
    );
    assert_eq!(store.take_ceremony("cer_1", &a.id, T0).await.unwrap(), None);

    store
        .insert_ceremony("cer_2", &a.id, "{}", at(60))
        .await
        .unwrap();
    assert_eq!(
        store.take_ceremony("cer_2", &a.id, at(60)).await.unwrap(),
        None
    );
    assert_eq!(
        store.take_ceremony("cer_2", &a.id, T0).await.unwrap(),
        None,
        "spent by the late try"
    );
}
