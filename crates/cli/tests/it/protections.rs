//! The limits that stop guessing and abuse: attempts, expiry, resend
//! cooldowns, send caps, per-user lockout, cancellation.

use countersign_core::lockout::LockoutPolicy;
use serde_json::json;

use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

on_both_backends!(
    attempts_run_out_and_the_challenge_fails_for_good,
    a_resend_never_restores_attempts,
    codes_expire_with_the_challenge,
    the_resend_cooldown_grows,
    a_challenge_sends_at_most_five_codes,
    consecutive_failures_lock_the_user,
    a_right_code_sent_again_is_no_failure,
    the_integrators_challenges_still_lock_for_good,
    cancel_closes_the_challenge,
    sms_alone_cannot_approve_a_withdrawal,
    a_replaced_phone_gets_no_more_codes,
);

fn wrong(code: &str) -> &'static str {
    if code == "000000" {
        "111111"
    } else {
        "000000"
    }
}

async fn attempts_run_out_and_the_challenge_fails_for_good(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    for left in (1..5).rev() {
        let r = s.verify(&id, "sms", wrong(&code)).await;
        r.assert_problem(422, "invalid_code");
        assert_eq!(r.body["attempts_left"], left);
    }
    let last = s.verify(&id, "sms", wrong(&code)).await;
    last.assert_problem(429, "too_many_attempts");
    assert!(last.headers.contains_key("retry-after"));
    s.verify(&id, "sms", &code)
        .await
        .assert_problem(409, "challenge_closed");
    let state = s.get(&format!("/v1/challenges/{id}")).await;
    assert_eq!(state.body["status"], "failed");
    assert_eq!(state.body["methods"], json!([]));
    assert!(s
        .event_types("alice")
        .await
        .contains(&"challenge.failed".to_owned()));
}

async fn a_resend_never_restores_attempts(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let first = s.send(&id, "sms").await;
    for _ in 0..3 {
        s.verify(&id, "sms", wrong(&first))
            .await
            .assert_problem(422, "invalid_code");
    }
    s.advance(30);
    let second = s.send(&id, "sms").await;
    let r = s.verify(&id, "sms", wrong(&second)).await;
    assert_eq!(r.body["attempts_left"], 1);
    assert_eq!(
        s.get(&format!("/v1/challenges/{id}")).await.body["attempts_left"],
        1
    );
}

async fn codes_expire_with_the_challenge(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    s.advance(599);
    assert_eq!(
        s.get(&format!("/v1/challenges/{id}")).await.body["status"],
        "pending"
    );
    s.advance(1);
    s.verify(&id, "sms", &code)
        .await
        .assert_problem(410, "expired");
    s.post(
        &format!("/v1/challenges/{id}/send"),
        json!({"channel": "email"}),
    )
    .await
    .assert_problem(410, "expired");
    let state = s.get(&format!("/v1/challenges/{id}")).await;
    assert_eq!(state.body["status"], "expired");
    assert_eq!(
        state.body["attempts_left"], 5,
        "an expired code costs no attempt"
    );
}

async fn the_resend_cooldown_grows(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    s.send(&id, "sms").await;
    s.advance(30);
    s.send(&id, "sms").await;
    s.advance(59);
    let r = s
        .post(
            &format!("/v1/challenges/{id}/send"),
            json!({"channel": "email"}),
        )
        .await;
    r.assert_problem(429, "resend_too_soon");
    assert_eq!(r.body["retry_after"], 1);
    s.advance(1);
    s.send(&id, "email").await;
    s.advance(119);
    s.post(
        &format!("/v1/challenges/{id}/send"),
        json!({"channel": "sms"}),
    )
    .await
    .assert_problem(429, "resend_too_soon");
}

async fn a_challenge_sends_at_most_five_codes(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    // 30 + 60 + 120 + 240 s of cooldown: five codes fit in the 10-minute life.
    for wait in [30, 60, 120, 240] {
        s.send(&id, "email").await;
        s.advance(wait);
    }
    s.send(&id, "email").await;
    let r = s
        .post(
            &format!("/v1/challenges/{id}/send"),
            json!({"channel": "sms"}),
        )
        .await;
    r.assert_problem(429, "resend_too_soon");
    assert_eq!(r.body["retry_after"], 480);
    assert_eq!(s.smtp.all().len(), 5);
    // Every earlier email code was replaced by the next one.
    let latest = s.received_code("email").await;
    let state = s.get(&format!("/v1/challenges/{id}")).await;
    assert_eq!(state.body["messages"].as_array().unwrap().len(), 5);
    assert_eq!(
        s.verify(&id, "email", &latest).await.body["status"],
        "approved"
    );
}

async fn consecutive_failures_lock_the_user(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    // Ten wrong codes spread over several challenges: a guesser cannot
    // escape the count by opening new challenges.
    for _ in 0..2 {
        let id = s.challenge("alice", "login").await;
        let code = s.send(&id, "sms").await;
        for _ in 0..4 {
            s.verify(&id, "sms", wrong(&code))
                .await
                .assert_problem(422, "invalid_code");
        }
    }
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    s.verify(&id, "sms", wrong(&code))
        .await
        .assert_problem(422, "invalid_code");
    let locked = s.verify(&id, "sms", wrong(&code)).await;
    locked.assert_problem(429, "locked");
    assert_eq!(locked.body["retry_after"], 900);
    assert_eq!(locked.headers["retry-after"], "900");
    // Locked: even the right code, a new challenge or a new send is refused.
    s.verify(&id, "sms", &code)
        .await
        .assert_problem(429, "locked");
    s.post(
        "/v1/challenges",
        json!({"user_id": "alice", "purpose": "login"}),
    )
    .await
    .assert_problem(429, "locked");
    assert!(s
        .event_types("alice")
        .await
        .contains(&"user.locked".to_owned()));

    s.advance(900);
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    assert_eq!(s.verify(&id, "sms", &code).await.body["status"], "approved");
}

/// A user's double submit (one after the other, or at once) of the right
/// code is answered `challenge_closed` and counts as no failure: with a
/// lock after three failures, six repeats lock nobody.
async fn a_right_code_sent_again_is_no_failure(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    s.set_lockout(LockoutPolicy {
        threshold: 3,
        lock_seconds: 900,
        hard_limit: 3,
    })
    .await;
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    assert_eq!(s.verify(&id, "sms", &code).await.body["status"], "approved");
    for _ in 0..3 {
        s.verify(&id, "sms", &code)
            .await
            .assert_problem(409, "challenge_closed");
    }
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    let answers = futures::future::join_all((0..4).map(|_| s.verify(&id, "sms", &code))).await;
    let approved = answers.iter().filter(|r| r.status == 200).count();
    assert_eq!(approved, 1, "{answers:#?}");
    for r in answers.iter().filter(|r| r.status != 200) {
        r.assert_problem(409, "challenge_closed");
    }
    // Nothing was counted: not locked, and every attempt of a new
    // challenge is there.
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    let r = s.verify(&id, "sms", wrong(&code)).await;
    r.assert_problem(422, "invalid_code");
    assert_eq!(r.body["attempts_left"], 4);
    let events = s.event_types("alice").await;
    let rejected = events.iter().filter(|e| *e == "challenge.code_rejected");
    assert_eq!(rejected.count(), 1, "{events:?}");
}

/// A guesser on the integrator's challenges (through its key, as at its
/// sign-in form) is locked for good at the hard limit, as before.
async fn the_integrators_challenges_still_lock_for_good(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    s.set_lockout(LockoutPolicy {
        threshold: 0,
        lock_seconds: 0,
        hard_limit: 3,
    })
    .await;
    three_wrong_codes_lock_alice_for_good(&s).await;
}

/// Three wrong codes on the integrator's challenges, with a hard limit of
/// three: alice is locked, and still a month later.
pub(crate) async fn three_wrong_codes_lock_alice_for_good(s: &TestServer) {
    for n in 1..=3 {
        let id = s.challenge("alice", "login").await;
        let code = s.send(&id, "sms").await;
        let r = s.verify(&id, "sms", wrong(&code)).await;
        if n < 3 {
            r.assert_problem(422, "invalid_code");
        } else {
            r.assert_problem(429, "locked");
        }
    }
    s.advance(30 * 86_400);
    s.post(
        "/v1/challenges",
        json!({"user_id": "alice", "purpose": "login"}),
    )
    .await
    .assert_problem(429, "locked");
}

async fn cancel_closes_the_challenge(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    let r = s
        .post(&format!("/v1/challenges/{id}/cancel"), json!({}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "cancelled");
    s.verify(&id, "sms", &code)
        .await
        .assert_problem(409, "challenge_closed");
    s.post(&format!("/v1/challenges/{id}/cancel"), json!({}))
        .await
        .assert_problem(409, "challenge_closed");
    s.post(
        &format!("/v1/challenges/{id}/send"),
        json!({"channel": "sms"}),
    )
    .await
    .assert_problem(409, "challenge_closed");
}

async fn sms_alone_cannot_approve_a_withdrawal(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "withdrawal"}),
        )
        .await;
    r.assert_problem(422, "policy_unsatisfiable");
    s.post(
        "/v1/challenges",
        json!({"user_id": "alice", "purpose": "teleport"}),
    )
    .await
    .assert_problem(422, "unknown_purpose");
    let service = s.get("/v1/service").await;
    assert_eq!(
        service.body["policies"]["withdrawal"],
        json!({"all_of": [{"any_of": ["webauthn", "device", "totp", "hotp"]}, {"any_of": ["email", "sms", "voice"]}]})
    );
}

async fn a_replaced_phone_gets_no_more_codes(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    s.put("/v1/users/alice", json!({"phone": "+44 7911 123456"}))
        .await;
    let r = s
        .post(
            &format!("/v1/challenges/{id}/send"),
            json!({"channel": "sms"}),
        )
        .await;
    r.assert_problem(422, "method_unavailable");
    assert!(s.phone.all().is_empty(), "nothing went to the old number");
    let code = s.send(&id, "email").await;
    assert_eq!(
        s.verify(&id, "email", &code).await.body["status"],
        "approved"
    );
    // A new challenge uses the new number.
    let id = s.challenge("alice", "login").await;
    s.send(&id, "sms").await;
    assert_eq!(s.phone.last().json()["to"], "+447911123456");
}
