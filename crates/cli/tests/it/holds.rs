//! After a security change (a factor added or removed, a contact changed),
//! withdrawals are held for a day: the user proves themselves as usual, the
//! money waits, and the integrator may release it after review.

use serde_json::json;

use crate::factors::{active_totp, now_secs, oathtool_totp};
use crate::harness::{Backend, TestServer, T0};
use crate::on_both_backends;

/// Passes a withdrawal challenge with the authenticator and an SMS code.
pub(crate) async fn pass_withdrawal(s: &TestServer, secret: &str) -> serde_json::Value {
    let chl = s.challenge("alice", "withdrawal").await;
    s.advance(30);
    let totp = oathtool_totp(secret, now_secs(s), "SHA1", 6, 30);
    let r = s.verify(&chl, "totp", &totp).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let sms = s.send(&chl, "sms").await;
    s.verify(&chl, "sms", &sms).await.body
}

async fn withdrawals_are_held_after_a_security_change(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    let hold_until = countersign_core::Timestamp(T0.millis() + 86_400_000).to_rfc3339();
    let user = s.get("/v1/users/alice").await.body;
    assert_eq!(user["security_hold_until"], hold_until, "{user}");

    // Proven, but held.
    let held = pass_withdrawal(&s, &secret).await;
    assert_eq!(held["status"], "held", "{held}");
    assert_eq!(held["held_until"], hold_until);
    let id = held["id"].as_str().unwrap().to_owned();
    // A login is not held.
    let login = s.challenge("alice", "login").await;
    s.advance(30);
    let totp = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    assert_eq!(
        s.verify(&login, "totp", &totp).await.body["status"],
        "approved"
    );
    // Released after review.
    let r = s
        .post(&format!("/v1/challenges/{id}/release"), json!({}))
        .await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    s.post(&format!("/v1/challenges/{id}/release"), json!({}))
        .await
        .assert_problem(409, "challenge_closed");
    s.post(&format!("/v1/challenges/{login}/release"), json!({}))
        .await
        .assert_problem(409, "challenge_closed");
    let pending = s.challenge("alice", "withdrawal").await;
    s.post(&format!("/v1/challenges/{pending}/release"), json!({}))
        .await
        .assert_problem(409, "not_held");

    // A hold ends by itself.
    let second = pass_withdrawal(&s, &secret).await;
    assert_eq!(second["status"], "held");
    let second = second["id"].as_str().unwrap().to_owned();
    s.advance(86_400);
    assert_eq!(
        s.get(&format!("/v1/challenges/{second}")).await.body["status"],
        "approved"
    );
    assert_eq!(pass_withdrawal(&s, &secret).await["status"], "approved");

    // A contact change starts a new hold.
    s.put("/v1/users/alice", json!({"email": "alice@new.example"}))
        .await;
    assert_eq!(pass_withdrawal(&s, &secret).await["status"], "held");
    let events = s.event_types("alice").await;
    for kind in ["user.security_hold", "challenge.held", "challenge.released"] {
        assert!(events.contains(&kind.to_owned()), "{kind} in {events:?}");
    }
}

/// The hold period is the service's to choose; 0 turns holds off.
async fn the_hold_period_is_configurable(backend: Backend) {
    let s = TestServer::start(backend).await;
    let r = s
        .call(
            reqwest::Method::PATCH,
            "/v1/service",
            Some(&s.key),
            Some(json!({"security_hold_seconds": 0})),
        )
        .await;
    assert_eq!(r.body["settings"]["security_hold_seconds"], 0, "{}", r.body);
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    assert_eq!(pass_withdrawal(&s, &secret).await["status"], "approved");
}

on_both_backends!(
    withdrawals_are_held_after_a_security_change,
    the_hold_period_is_configurable,
);
