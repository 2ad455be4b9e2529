//! When a provider fails: retries, honest failures, and the way out through
//! another channel.

use serde_json::json;

use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

on_both_backends!(
    a_provider_error_is_retried,
    a_provider_that_stays_down_is_reported_not_hidden,
    a_refused_message_is_not_retried
);

async fn a_provider_error_is_retried(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    s.phone.answer_next(&[500, 503]);
    let code = s.send(&id, "sms").await;
    assert_eq!(s.phone.all().len(), 3, "two failures, then success");
    let all = s.phone.all();
    assert!(
        all.iter()
            .all(|r| r.json()["message_id"] == all[0].json()["message_id"]),
        "retries carry the same message id"
    );
    let state = s.get(&format!("/v1/challenges/{id}")).await;
    assert_eq!(state.body["messages"][0]["status"], "sent");
    assert_eq!(state.body["messages"][0]["attempts"], 3);
    assert_eq!(s.verify(&id, "sms", &code).await.body["status"], "approved");
}

async fn a_provider_that_stays_down_is_reported_not_hidden(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    s.phone.answer_always(Some(500));
    let r = s
        .post(
            &format!("/v1/challenges/{id}/send"),
            json!({"channel": "sms"}),
        )
        .await;
    r.assert_problem(502, "delivery_failed");
    assert_eq!(r.body["channel"], "sms");
    assert_eq!(r.body["alternatives"], json!(["email", "voice"]));
    assert_eq!(s.phone.all().len(), 3);
    let code_sent_to_nobody = s.received_code("sms").await;

    let state = s.get(&format!("/v1/challenges/{id}")).await;
    assert_eq!(state.body["messages"][0]["status"], "failed");
    assert_eq!(
        state.body["messages"][0]["error"],
        "provider unavailable: HTTP 500 Internal Server Error"
    );
    assert_eq!(state.body["delivery_failure"]["channel"], "sms");
    assert!(s
        .event_types("alice")
        .await
        .contains(&"challenge.delivery_failed".to_owned()));
    assert!(!s
        .event_types("alice")
        .await
        .contains(&"challenge.code_sent".to_owned()));

    // The withdrawn code is worthless, and the user may switch channel at once.
    s.verify(&id, "sms", &code_sent_to_nobody)
        .await
        .assert_problem(422, "invalid_code");
    let email = s.send(&id, "email").await;
    assert_eq!(
        s.verify(&id, "email", &email).await.body["status"],
        "approved"
    );
}

async fn a_refused_message_is_not_retried(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    // Twilio's 400 (say, an invalid number) is final: one attempt only.
    s.phone.answer_next(&[400]);
    s.post(
        &format!("/v1/challenges/{id}/send"),
        json!({"channel": "voice"}),
    )
    .await
    .assert_problem(502, "delivery_failed");
    assert_eq!(s.phone.all().len(), 1);
    let state = s.get(&format!("/v1/challenges/{id}")).await;
    assert_eq!(state.body["messages"][0]["attempts"], 1);
    assert_eq!(
        state.body["messages"][0]["error"],
        "provider refused the message: HTTP 400 Bad Request"
    );
    // The webhook contract retries any answer but 2xx.
    s.phone.answer_next(&[400, 404]);
    let code = s.send(&id, "sms").await;
    assert_eq!(s.phone.all().len(), 4);
    assert_eq!(s.verify(&id, "sms", &code).await.body["status"], "approved");
}
