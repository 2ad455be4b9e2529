//! Registering users, changing their contacts, deleting them.

use countersign_core::user::{Change, UserUpdate};
use serde_json::json;

use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

on_both_backends!(
    users_are_created_updated_and_deleted,
    an_update_from_a_stale_read_keeps_other_fields
);

async fn users_are_created_updated_and_deleted(b: Backend) {
    let s = TestServer::start(b).await;
    let created = s.put("/v1/users/alice@corp", json!({"phone": "0033 6 12 34 56 89", "email": "Alice@Example.COM", "locale": "fr_fr", "display_name": "Alice"})).await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert!(created.body["id"].as_str().unwrap().starts_with("usr_"));
    assert_eq!(created.body["user_id"], "alice@corp");
    assert_eq!(created.body["phone"], "+33612345689");
    assert_eq!(created.body["email"], "Alice@example.com");
    assert_eq!(created.body["locale"], "fr-FR");
    assert_eq!(created.body["factors"], json!([]));

    // Verify the phone, then change it: the new number is unverified.
    let id = s.challenge("alice@corp", "verify_contact").await;
    let code = s.send(&id, "sms").await;
    s.verify(&id, "sms", &code).await;
    assert_eq!(
        s.get("/v1/users/alice@corp").await.body["phone_verified"],
        true
    );

    let updated = s
        .put("/v1/users/alice@corp", json!({"phone": "+44 7911 123456"}))
        .await;
    assert_eq!(updated.status, 200, "{}", updated.body);
    assert_eq!(updated.body["phone"], "+447911123456");
    assert_eq!(updated.body["phone_verified"], false);
    assert_eq!(
        updated.body["email"], "Alice@example.com",
        "fields left out are kept"
    );
    assert_eq!(updated.body["display_name"], "Alice");

    let events = s.get("/v1/users/alice@corp/events").await;
    // Newest first: the hold the change started, then the change itself.
    assert_eq!(events.body[0]["type"], "user.security_hold");
    assert_eq!(events.body[0]["detail"]["because"], "contact_changed");
    let change = &events.body[1];
    assert_eq!(change["type"], "contact.changed");
    assert_eq!(change["detail"]["field"], "phone");
    assert_eq!(change["detail"]["from"], "+33 6 •• •• •• 89");
    assert!(
        !events.body.to_string().contains("612345689"),
        "events hold masked contacts only"
    );

    // Paging with `before`.
    let first = s.get("/v1/users/alice@corp/events?limit=2").await;
    let before = first.body[1]["id"].as_str().unwrap();
    let next = s
        .get(&format!(
            "/v1/users/alice@corp/events?limit=2&before={before}"
        ))
        .await;
    assert_eq!(next.body.as_array().unwrap().len(), 2);
    assert_ne!(next.body[0]["id"], first.body[1]["id"]);

    // null clears a field.
    let cleared = s
        .put("/v1/users/alice@corp", json!({"display_name": null}))
        .await;
    assert_eq!(cleared.body["display_name"], json!(null));

    let r = s.delete("/v1/users/alice@corp").await;
    assert_eq!(r.status, 204);
    s.get("/v1/users/alice@corp")
        .await
        .assert_problem(404, "not_found");
    s.get(&format!("/v1/challenges/{id}"))
        .await
        .assert_problem(404, "not_found");
    s.delete("/v1/users/alice@corp")
        .await
        .assert_problem(404, "not_found");
    assert_eq!(s.count_rows("challenges").await, 0);
    // Her events stay in the log, erased: none names her any more
    // (erasure.rs checks what is left of them).
    let named = s
        .state
        .store
        .events(&s.service_id, "alice@corp", 50, None)
        .await
        .unwrap();
    assert_eq!(named, []);
}

/// Two writers at once: a profile update computed from a read made before a
/// verification must not undo the verification.
async fn an_update_from_a_stale_read_keeps_other_fields(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let stale = s
        .state
        .store
        .user(&s.service_id, "alice")
        .await
        .unwrap()
        .unwrap();
    let id = s.challenge("alice", "verify_contact").await;
    let code = s.send(&id, "sms").await;
    s.verify(&id, "sms", &code).await;
    let mut changed = stale.clone();
    changed
        .apply(
            UserUpdate {
                locale: Change::Set("fr".into()),
                ..Default::default()
            },
            countersign_core::Timestamp(crate::harness::T0.millis() + 1),
        )
        .unwrap();
    s.state
        .store
        .update_user(&stale, &changed, &[], None)
        .await
        .unwrap();
    let user = s.get("/v1/users/alice").await;
    assert_eq!(user.body["locale"], "fr");
    assert_eq!(
        user.body["phone_verified"], true,
        "the verification made meanwhile survives"
    );
}
