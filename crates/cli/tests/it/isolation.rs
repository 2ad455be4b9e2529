//! A service is a tenant: its key sees nothing of another's.

use reqwest::Method;
use serde_json::json;

use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

on_both_backends!(
    another_service_sees_nothing,
    requests_without_a_valid_key_are_refused
);

async fn another_service_sees_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    let other = s.second_service_key().await;
    let k = Some(other.as_str());
    for (method, path, body) in [
        (Method::GET, "/v1/users/alice".to_owned(), None),
        (Method::GET, "/v1/users/alice/events".to_owned(), None),
        (Method::DELETE, "/v1/users/alice".to_owned(), None),
        (Method::GET, format!("/v1/challenges/{id}"), None),
        (
            Method::POST,
            format!("/v1/challenges/{id}/send"),
            Some(json!({"channel": "sms"})),
        ),
        (
            Method::POST,
            format!("/v1/challenges/{id}/verify"),
            Some(json!({"method": "sms", "code": code})),
        ),
        (Method::POST, format!("/v1/challenges/{id}/cancel"), None),
        (
            Method::POST,
            "/v1/challenges".to_owned(),
            Some(json!({"user_id": "alice", "purpose": "login"})),
        ),
    ] {
        s.call(method.clone(), &path, k, body)
            .await
            .assert_problem(404, "not_found");
    }
    // The same user id in the other service is a different user.
    let r = s
        .call(
            Method::PUT,
            "/v1/users/alice",
            k,
            Some(json!({"email": "mallory@example.com"})),
        )
        .await;
    assert_eq!(r.status, 201);
    let mine = s.get("/v1/users/alice").await;
    assert_eq!(mine.body["email"], "alice@example.com");
    assert_eq!(s.verify(&id, "sms", &code).await.body["status"], "approved");
}

async fn requests_without_a_valid_key_are_refused(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    for key in [
        None,
        Some("cs_live_unknown"),
        Some(""),
        Some("x".repeat(1000).as_str()),
    ] {
        s.call(Method::GET, "/v1/users/alice", key, None)
            .await
            .assert_problem(401, "unauthorized");
    }
    let r = s
        .http
        .get(format!("{}/v1/users/alice", s.base))
        .header("authorization", format!("Basic {}", s.key))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}
