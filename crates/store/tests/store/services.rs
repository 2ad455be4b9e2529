//! Services and installation settings: set once, or changed only from the
//! value that was read; WebAuthn ceremonies finished once.

use countersign_core::event::Event;
use countersign_core::ids::{ApiKeyId, ServiceId};
use countersign_core::service::{ApiKey, Service, ServiceSettings};
use countersign_core::Timestamp;
use countersign_store::{Revoked, Store, StoreError};

use crate::harness::{
    api_key, at, event_ids, key_hash_of, service, service_and_user, Engine, TestDb, T0,
};

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
    api_keys_are_found_by_hash_listed_and_revoked_but_never_the_last
        => api_keys_are_found_by_hash_listed_and_revoked_but_never_the_last_sqlite,
           api_keys_are_found_by_hash_listed_and_revoked_but_never_the_last_postgres;
    racing_revocations_never_remove_a_services_last_key
        => racing_revocations_never_remove_a_services_last_key_sqlite,
           racing_revocations_never_remove_a_services_last_key_postgres;
    a_logo_is_written_with_the_settings_that_describe_it
        => a_logo_is_written_with_the_settings_that_describe_it_sqlite,
           a_logo_is_written_with_the_settings_that_describe_it_postgres;
}

/// The logo's bytes and the settings' `brand.logo` change together or not
/// at all: a stale `before` writes neither, and removal removes both.
async fn a_logo_is_written_with_the_settings_that_describe_it(store: &dyn Store) {
    use countersign_core::brand::{ImageType, Logo};
    let svc = service(store).await;
    let other = service(store).await;
    let image = b"\x89PNG not really, the store keeps bytes".to_vec();
    let with_logo = |sha256: &str| Service {
        settings: ServiceSettings {
            brand: countersign_core::brand::Brand {
                logo: Some(Logo {
                    content_type: ImageType::Png,
                    width: 240,
                    height: 80,
                    sha256: sha256.into(),
                }),
                ..Default::default()
            },
            ..svc.settings.clone()
        },
        ..svc.clone()
    };
    let first = with_logo("aa11");
    let put = service_event(&svc, "service.logo_changed", at(1));
    assert!(store
        .replace_service_logo(
            &first,
            &svc.settings,
            Some(&image),
            std::slice::from_ref(&put)
        )
        .await
        .unwrap());
    assert_eq!(
        store.service_logo(&svc.id).await.unwrap(),
        Some(("aa11".to_owned(), image.clone()))
    );
    assert_eq!(store.service(&svc.id).await.unwrap().unwrap(), first);
    assert!(store.event(&put.id).await.unwrap().is_some());
    assert_eq!(store.service_logo(&other.id).await.unwrap(), None);

    // From stale settings: nothing changes, no event.
    let stale = service_event(&svc, "service.logo_changed", at(2));
    assert!(!store
        .replace_service_logo(
            &with_logo("bb22"),
            &svc.settings,
            Some(b"other"),
            std::slice::from_ref(&stale)
        )
        .await
        .unwrap());
    assert_eq!(
        store.service_logo(&svc.id).await.unwrap().unwrap().0,
        "aa11"
    );
    assert_eq!(store.event(&stale.id).await.unwrap(), None);

    // A settings change keeps the logo; removal takes both away.
    let renamed = Service {
        settings: ServiceSettings {
            sms_name: Some("Acme".into()),
            ..first.settings.clone()
        },
        ..first.clone()
    };
    assert!(store
        .update_service_settings(&renamed, &first.settings, &[])
        .await
        .unwrap());
    assert_eq!(
        store.service_logo(&svc.id).await.unwrap().unwrap().0,
        "aa11"
    );
    let removed = Service {
        settings: ServiceSettings {
            brand: Default::default(),
            ..renamed.settings.clone()
        },
        ..renamed.clone()
    };
    assert!(store
        .replace_service_logo(&removed, &renamed.settings, None, &[])
        .await
        .unwrap());
    assert_eq!(store.service_logo(&svc.id).await.unwrap(), None);
    assert_eq!(store.service(&svc.id).await.unwrap().unwrap(), removed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_from_before_rotation_keeps_working_sqlite() {
    a_key_from_before_rotation_keeps_working(Engine::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_from_before_rotation_keeps_working_postgres() {
    a_key_from_before_rotation_keeps_working(Engine::Postgres).await
}

/// A service made by a release before migration 0015 (one key, in
/// `services.api_key_hash`): after the upgrade its key is its first key
/// and still authenticates it.
async fn a_key_from_before_rotation_keeps_working(engine: Engine) {
    let mut db = TestDb::empty(engine).await;
    db.migrate_up_to(14).await;
    let id = ServiceId::new();
    db.sql(&format!(
        "INSERT INTO services (id, name, api_key_hash, settings, created_at) \
         VALUES ('{id}', 'Old Co', 'hash-of-the-old-key', '{{}}', {})",
        T0.millis()
    ))
    .await;
    db.connect().await;
    let store = db.store();
    let key = store
        .api_key_by_hash("hash-of-the-old-key")
        .await
        .unwrap()
        .expect("the old key is the service's first key");
    assert_eq!(key.service_id, id);
    assert!(ApiKeyId::parse(&key.id).is_some(), "{}", key.id);
    assert_eq!(key.prefix, "cs_live_");
    assert_eq!(key.created_at, T0);
    assert_eq!(store.api_keys(&id).await.unwrap(), vec![key]);
    assert_eq!(store.service(&id).await.unwrap().unwrap().name, "Old Co");
    // New services and keys live alongside.
    let other = service(store).await;
    assert_eq!(store.api_keys(&other.id).await.unwrap().len(), 1);
}

fn service_event(service: &Service, kind: &str, at: Timestamp) -> Event {
    Event::new(&service.id, None, kind, at, None, serde_json::json!({}))
}

async fn key_of(store: &dyn Store, key: &ApiKey) -> Option<ApiKey> {
    store.api_key_by_hash(&key_hash_of(key)).await.unwrap()
}

async fn api_keys_are_found_by_hash_listed_and_revoked_but_never_the_last(store: &dyn Store) {
    let svc = service(store).await;
    let other = service(store).await;
    let keys = store.api_keys(&svc.id).await.unwrap();
    assert_eq!(keys.len(), 1, "a service starts with one key");
    let first = keys[0].clone();
    assert_eq!(key_of(store, &first).await, Some(first.clone()));
    assert_eq!(store.api_key_by_hash("none").await.unwrap(), None);

    // The last key stays, and the refused revocation records nothing.
    let refused = service_event(&svc, "service.api_key_revoked", at(1));
    assert_eq!(
        store
            .revoke_api_key(&svc.id, &first.id, std::slice::from_ref(&refused))
            .await
            .unwrap(),
        Revoked::LastKey
    );
    assert_eq!(key_of(store, &first).await, Some(first.clone()));
    assert_eq!(store.event(&refused.id).await.unwrap(), None);

    // A second key: both authenticate meanwhile.
    let second = api_key(&svc, at(2));
    let created = service_event(&svc, "service.api_key_created", at(2));
    store
        .insert_api_key(
            &second,
            &key_hash_of(&second),
            std::slice::from_ref(&created),
        )
        .await
        .unwrap();
    assert_eq!(
        store.api_keys(&svc.id).await.unwrap(),
        vec![first.clone(), second.clone()]
    );
    assert_eq!(key_of(store, &second).await, Some(second.clone()));
    assert!(store.event(&created.id).await.unwrap().is_some());

    // Another service cannot revoke it.
    assert_eq!(
        store
            .revoke_api_key(&other.id, &second.id, &[])
            .await
            .unwrap(),
        Revoked::Missing
    );

    // Revoked: the key matches nothing from now on.
    let revoked = service_event(&svc, "service.api_key_revoked", at(3));
    assert_eq!(
        store
            .revoke_api_key(&svc.id, &first.id, std::slice::from_ref(&revoked))
            .await
            .unwrap(),
        Revoked::Done
    );
    assert_eq!(key_of(store, &first).await, None);
    assert!(store.event(&revoked.id).await.unwrap().is_some());
    assert_eq!(
        store.revoke_api_key(&svc.id, &first.id, &[]).await.unwrap(),
        Revoked::Missing
    );
    assert_eq!(store.api_keys(&svc.id).await.unwrap(), vec![second.clone()]);

    // A use is recorded only if none was since `since`.
    let last_used = |k: Option<ApiKey>| k.and_then(|k| k.last_used_at);
    store
        .touch_api_key(&second.id, at(100), at(40))
        .await
        .unwrap();
    assert_eq!(last_used(key_of(store, &second).await), Some(at(100)));
    store
        .touch_api_key(&second.id, at(120), at(60))
        .await
        .unwrap();
    assert_eq!(last_used(key_of(store, &second).await), Some(at(100)));
    store
        .touch_api_key(&second.id, at(160), at(100))
        .await
        .unwrap();
    assert_eq!(last_used(key_of(store, &second).await), Some(at(160)));
}

/// Two revocations of a service's last two keys at the same time: one
/// wins, the other is told it would remove the last key.
async fn racing_revocations_never_remove_a_services_last_key(store: &dyn Store) {
    for round in 0..10 {
        let svc = service(store).await;
        let first = store.api_keys(&svc.id).await.unwrap().remove(0);
        let second = api_key(&svc, at(round));
        store
            .insert_api_key(&second, &key_hash_of(&second), &[])
            .await
            .unwrap();
        let (a, b) = tokio::join!(
            store.revoke_api_key(&svc.id, &first.id, &[]),
            store.revoke_api_key(&svc.id, &second.id, &[]),
        );
        let mut outcomes = vec![a.unwrap(), b.unwrap()];
        outcomes.sort_by_key(|o| format!("{o:?}"));
        assert_eq!(
            outcomes,
            vec![Revoked::Done, Revoked::LastKey],
            "round {round}"
        );
        assert_eq!(store.api_keys(&svc.id).await.unwrap().len(), 1);
    }
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
    let key = api_key(&twin, T0);
    let err = store
        .insert_service(&twin, &key, &key_hash_of(&key))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict), "{err:?}");
    assert_eq!(
        store.api_key_by_hash(&key_hash_of(&key)).await.unwrap(),
        None,
        "the refused service's key was not written either"
    );
    let other = service(store).await;
    assert_eq!(store.services().await.unwrap().len(), 2);

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
