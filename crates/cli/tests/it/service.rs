//! `PATCH /v1/service`: policies per purpose and protections, validated,
//! applied at once, never weakening money movement to SMS or email alone.

use serde_json::json;

use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

async fn policies_and_settings_are_patched(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let r = s
        .call(
            reqwest::Method::PATCH,
            "/v1/service",
            Some(&s.key),
            Some(json!({
                "max_attempts": 3,
                "policies": {
                    "wire": {"all_of": [{"any_of": ["totp", "webauthn"]}, {"any_of": ["email"]}]},
                    "newsletter": {"all_of": [{"any_of": ["email"]}]}
                }
            })),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["settings"]["max_attempts"], 3);
    assert_eq!(
        r.body["policies"]["wire"],
        json!({"all_of": [{"any_of": ["totp", "webauthn"]}, {"any_of": ["email"]}]})
    );
    // In force at once: the custom purposes exist, and challenges get 3 tries.
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "wire"}),
        )
        .await;
    r.assert_problem(422, "policy_unsatisfiable");
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "newsletter"}),
        )
        .await;
    assert_eq!(r.body["attempts_left"], 3, "{}", r.body);

    let patch = |body: serde_json::Value| {
        s.call(
            reqwest::Method::PATCH,
            "/v1/service",
            Some(&s.key),
            Some(body),
        )
    };
    // Refused, and nothing changes.
    let r =
        patch(json!({"policies": {"withdrawal": {"all_of": [{"any_of": ["sms", "totp"]}]}}})).await;
    r.assert_problem(422, "policy_too_weak");
    assert_eq!(r.body["purpose"], "withdrawal");
    patch(json!({"policies": {"wire": {"all_of": [{"any_of": ["sms"]}, {"any_of": ["sms"]}]}}}))
        .await
        .assert_problem(422, "invalid_policy");
    let r = patch(json!({"max_attempts": 0, "policies": {"newsletter": null}})).await;
    r.assert_problem(400, "invalid_request");
    assert_eq!(r.body["field"], "max_attempts");
    patch(json!({"policies": {"Bad Name": null}}))
        .await
        .assert_problem(400, "invalid_request");
    patch(json!({"colour": "red"}))
        .await
        .assert_problem(400, "invalid_request");
    let current = s.get("/v1/service").await.body;
    assert!(current["policies"]["newsletter"].is_object(), "{current}");
    assert_eq!(current["settings"]["max_attempts"], 3);
    // null takes a purpose's own policy away.
    let r = patch(json!({"policies": {"newsletter": null}})).await;
    assert!(r.body["policies"].get("newsletter").is_none(), "{}", r.body);
    // Another service is untouched.
    let other = s.second_service_key().await;
    let theirs = s
        .call(reqwest::Method::GET, "/v1/service", Some(&other), None)
        .await;
    assert_eq!(theirs.body["settings"]["max_attempts"], 5);
    assert!(theirs.body["policies"].get("wire").is_none());
}

on_both_backends!(policies_and_settings_are_patched);
