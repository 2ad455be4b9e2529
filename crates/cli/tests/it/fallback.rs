//! "I haven't received the code": what the user is offered next and when,
//! providers' delivery reports (signed; a failure frees the user to switch at
//! once), and the toll-fraud guard's limits.

use countersign_core::limits::{Cap, SendLimits};
use countersign_core::Clock;
use countersign_delivery::{signature_header, twilio_signature};
use serde_json::{json, Value};

use crate::harness::{Backend, Response, TestServer, TWILIO_TOKEN, WEBHOOK_SECRET};
use crate::on_both_backends;

fn method<'a>(view: &'a Value, kind: &str) -> &'a Value {
    view["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["type"] == kind)
        .unwrap_or_else(|| panic!("{kind} offered in {view}"))
}

async fn send(s: &TestServer, challenge: &str, channel: &str) -> Response {
    s.post(
        &format!("/v1/challenges/{challenge}/send"),
        json!({ "channel": channel }),
    )
    .await
}

/// Posts a webhook-provider report signed at the server's time (shifted by
/// `skew` seconds) with `secret`.
async fn webhook_report(s: &TestServer, body: Value, secret: &str, skew: i64) -> Response {
    s.webhook_post("/v1/delivery/status/sms", &body, secret, skew)
        .await
}

async fn fallback_from_sms_to_voice_to_email(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let chl = s.challenge("alice", "login").await;
    s.send(&chl, "sms").await;
    let view = s.get(&format!("/v1/challenges/{chl}")).await.body;
    // Every channel waits for the shared cooldown, and says until when.
    let retry_at = view["resend_available_at"].clone();
    assert_eq!(method(&view, "voice")["available_at"], retry_at);
    assert_eq!(method(&view, "email")["available_at"], retry_at);
    assert_eq!(method(&view, "voice")["to"], "+33 6 •• •• •• 89");
    send(&s, &chl, "voice")
        .await
        .assert_problem(429, "resend_too_soon");
    s.advance(30);
    let view = s.get(&format!("/v1/challenges/{chl}")).await.body;
    assert!(
        method(&view, "voice").get("available_at").is_none(),
        "{view}"
    );
    // "Call me instead": once a key is pressed, the call reads the code
    // digit by digit, twice.
    assert_eq!(send(&s, &chl, "voice").await.status, 202);
    let said = s.press_key().await;
    let spoken: String = said.chars().filter(char::is_ascii_digit).collect();
    let (voice, again) = spoken.split_at(6);
    assert_eq!(voice, again);
    assert!(said.contains("language=\"en-US\""), "{said}");
    send(&s, &chl, "email")
        .await
        .assert_problem(429, "resend_too_soon");
    s.advance(60);
    let email = s.send(&chl, "email").await;
    let r = s.verify(&chl, "email", &email).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
}

async fn webhook_reports_update_the_message_and_free_the_user(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let chl = s.challenge("alice", "login").await;
    s.send(&chl, "sms").await;
    let sent = s.phone.last().json();
    let message_id = sent["message_id"].as_str().unwrap().to_owned();
    assert_eq!(
        sent["status_url"],
        format!("https://verify.bank.test/v1/delivery/status/sms?message_id={message_id}")
    );
    let report = |status: &str| json!({"message_id": message_id, "status": status});

    // Refused: another secret, a stale signature, a tampered body.
    webhook_report(&s, report("delivered"), "not-the-secret", 0)
        .await
        .assert_problem(401, "invalid_signature");
    webhook_report(&s, report("delivered"), WEBHOOK_SECRET, -1000)
        .await
        .assert_problem(401, "invalid_signature");
    let r = s
        .http
        .post(format!("{}/v1/delivery/status/sms", s.base))
        .header(
            "Countersign-Signature",
            signature_header(
                WEBHOOK_SECRET.as_bytes(),
                (s.clock.now().millis() / 1000) as u64,
                b"{}",
            ),
        )
        .body(report("undelivered").to_string())
        .send()
        .await
        .unwrap();
    Response::read(r)
        .await
        .assert_problem(401, "invalid_signature");
    let view = s.get(&format!("/v1/challenges/{chl}")).await.body;
    assert_eq!(view["messages"][0]["status"], "sent");

    // Accepted: delivered; a late "sent" does not undo it.
    assert_eq!(
        webhook_report(&s, report("delivered"), WEBHOOK_SECRET, 0)
            .await
            .status,
        204
    );
    assert_eq!(
        webhook_report(&s, report("sent"), WEBHOOK_SECRET, 0)
            .await
            .status,
        204
    );
    let view = s.get(&format!("/v1/challenges/{chl}")).await.body;
    assert_eq!(view["messages"][0]["status"], "delivered");
    webhook_report(
        &s,
        json!({"message_id": "msg_00000000000000000000000000000000", "status": "failed"}),
        WEBHOOK_SECRET,
        0,
    )
    .await
    .assert_problem(404, "not_found");
    webhook_report(&s, report("vanished"), WEBHOOK_SECRET, 0)
        .await
        .assert_problem(400, "invalid_request");

    // An undelivered SMS: shown on the challenge, its code withdrawn, the
    // cooldown lifted, a call suggested.
    let chl = s.challenge("alice", "login").await;
    let code = s.send(&chl, "sms").await;
    let message_id = s.phone.last().json()["message_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = webhook_report(
        &s,
        json!({"message_id": message_id, "status": "undelivered", "error": "30003 unreachable"}),
        WEBHOOK_SECRET,
        0,
    )
    .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let view = s.get(&format!("/v1/challenges/{chl}")).await.body;
    assert_eq!(view["messages"][0]["status"], "undelivered");
    assert_eq!(view["messages"][0]["error"], "30003 unreachable");
    assert_eq!(view["delivery_failure"]["channel"], "sms");
    assert_eq!(view["suggested_method"], "voice");
    assert!(
        method(&view, "voice").get("available_at").is_none(),
        "{view}"
    );
    s.verify(&chl, "sms", &code)
        .await
        .assert_problem(422, "invalid_code");
    let voice = s.send(&chl, "voice").await;
    let r = s.verify(&chl, "voice", &voice).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    assert!(s
        .event_types("alice")
        .await
        .contains(&"challenge.delivery_failed".to_owned()));
}

async fn twilio_status_callbacks_are_verified(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let chl = s.challenge("alice", "login").await;
    s.send(&chl, "voice").await;
    let callback = s.phone.last().form_field("StatusCallback");
    let message_id = callback.split("message_id=").nth(1).unwrap().to_owned();
    assert_eq!(
        callback,
        format!("https://verify.bank.test/v1/delivery/status/voice?message_id={message_id}")
    );
    let path = callback.trim_start_matches("https://verify.bank.test");
    let post = |form: Vec<(String, String)>, signature: String| {
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&form)
            .finish();
        let request = s
            .http
            .post(format!("{}{path}", s.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature)
            .body(body);
        async move { Response::read(request.send().await.unwrap()).await }
    };
    let form = |status: &str| {
        vec![
            ("AccountSid".to_owned(), "AC0123456789".to_owned()),
            ("CallSid".to_owned(), "CA42".to_owned()),
            ("CallStatus".to_owned(), status.to_owned()),
        ]
    };
    let signed = |f: &Vec<(String, String)>| twilio_signature(TWILIO_TOKEN, &callback, f);
    let f = form("no-answer");
    post(f.clone(), twilio_signature("another-token", &callback, &f))
        .await
        .assert_problem(401, "invalid_signature");
    // Signed for another message: the URL is part of what is signed.
    let other = callback.replace(&message_id, "msg_00000000000000000000000000000000");
    post(f.clone(), twilio_signature(TWILIO_TOKEN, &other, &f))
        .await
        .assert_problem(401, "invalid_signature");
    assert_eq!(post(f.clone(), signed(&f)).await.status, 204);
    let view = s.get(&format!("/v1/challenges/{chl}")).await.body;
    assert_eq!(view["messages"][0]["status"], "undelivered");
    assert_eq!(view["suggested_method"], "email");
    // A later "completed" cannot overturn the verdict.
    let f = form("completed");
    assert_eq!(post(f.clone(), signed(&f)).await.status, 204);
    let view = s.get(&format!("/v1/challenges/{chl}")).await.body;
    assert_eq!(view["messages"][0]["status"], "undelivered");
    s.send(&chl, "email").await;
}

fn limits(tweak: impl FnOnce(&mut SendLimits)) -> impl FnOnce(&mut countersign_app::Config) {
    move |c| tweak(&mut c.limits)
}

async fn per_destination_and_per_ip_limits(backend: Backend) {
    let s = TestServer::start_with(
        backend,
        limits(|l| {
            l.per_destination = Cap {
                max: 3,
                window_seconds: 3600,
            };
            l.per_ip = Cap {
                max: 4,
                window_seconds: 3600,
            };
        }),
    )
    .await;
    s.alice("alice").await;
    for _ in 0..3 {
        let chl = s.challenge("alice", "login").await;
        s.send(&chl, "sms").await;
    }
    let sent = s.phone.all().len();
    let chl = s.challenge("alice", "login").await;
    // Voice goes to the same number: the same destination.
    let r = send(&s, &chl, "voice").await;
    r.assert_problem(429, "rate_limited");
    assert_eq!(r.body["limit"], "destination");
    let retry = r.body["retry_after"].as_u64().unwrap();
    assert!(retry > 0 && retry <= 3600, "{}", r.body);
    assert_eq!(r.headers["retry-after"], retry.to_string());
    assert_eq!(s.phone.all().len(), sent, "nothing reached the provider");
    // Nothing was counted or written for the refused send: the challenge
    // can still send its first code elsewhere at once.
    let view = s.get(&format!("/v1/challenges/{chl}")).await.body;
    assert_eq!(view["messages"], json!([]));
    s.send(&chl, "email").await;
    assert!(s
        .event_types("alice")
        .await
        .contains(&"challenge.send_refused".to_owned()));
    // The window passes.
    s.advance(retry);
    let chl = s.challenge("alice", "login").await;
    s.send(&chl, "sms").await;

    // Per IP: the fifth send for challenges from one address is refused,
    // whoever the users are.
    let from_ip = |user: &'static str| {
        let s = &s;
        async move {
            let r = s
                .post(
                    "/v1/challenges",
                    json!({"user_id": user, "purpose": "login", "context": {"ip": "198.51.100.7"}}),
                )
                .await;
            r.body["id"].as_str().unwrap().to_owned()
        }
    };
    for (i, user) in ["u1", "u2", "u3", "u4", "u5"].into_iter().enumerate() {
        s.put(
            &format!("/v1/users/{user}"),
            json!({"phone": format!("+3361234560{i}")}),
        )
        .await;
        let chl = from_ip(user).await;
        let r = send(&s, &chl, "sms").await;
        if i < 4 {
            assert_eq!(r.status, 202, "{}", r.body);
        } else {
            r.assert_problem(429, "rate_limited");
            assert_eq!(r.body["limit"], "ip");
        }
    }
}

async fn country_limit_daily_budget_and_country_lists(backend: Backend) {
    let s = TestServer::start_with(
        backend,
        limits(|l| {
            l.per_country = Cap {
                max: 2,
                window_seconds: 3600,
            };
            l.daily_phone_budget = 3;
            l.denied_countries = vec!["US".into()];
        }),
    )
    .await;
    let users = [
        ("fr1", "+33612345601"),
        ("fr2", "+33612345602"),
        ("fr3", "+33612345603"),
        ("gb1", "+447911123456"),
        ("gb2", "+447911123457"),
    ];
    for (user, phone) in users {
        s.put(
            &format!("/v1/users/{user}"),
            json!({"phone": phone, "email": format!("{user}@example.com")}),
        )
        .await;
    }
    for user in ["fr1", "fr2"] {
        let chl = s.challenge(user, "login").await;
        s.send(&chl, "sms").await;
    }
    let chl = s.challenge("fr3", "login").await;
    let r = send(&s, &chl, "sms").await;
    r.assert_problem(429, "rate_limited");
    assert_eq!(r.body["limit"], "country");
    // Email is not a phone channel: neither the country limit nor the budget.
    s.send(&chl, "email").await;
    let chl = s.challenge("gb1", "login").await;
    s.send(&chl, "sms").await;
    // Three SMS and calls today: the budget is spent, for every country.
    let chl = s.challenge("gb2", "login").await;
    let r = send(&s, &chl, "voice").await;
    r.assert_problem(429, "rate_limited");
    assert_eq!(r.body["limit"], "daily_budget");
    assert!(r.body["retry_after"].as_u64().unwrap() <= 86_400);
    s.send(&chl, "email").await;

    // A denied country is never offered SMS or voice, and cannot be sent to.
    s.put(
        "/v1/users/us1",
        json!({"phone": "+14155550123", "email": "us1@example.com"}),
    )
    .await;
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "us1", "purpose": "login"}),
        )
        .await;
    let kinds: Vec<&str> = r.body["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["email"], "{}", r.body);
    let chl = r.body["id"].as_str().unwrap();
    send(&s, chl, "sms")
        .await
        .assert_problem(422, "method_unavailable");
}

on_both_backends!(
    fallback_from_sms_to_voice_to_email,
    webhook_reports_update_the_message_and_free_the_user,
    twilio_status_callbacks_are_verified,
    per_destination_and_per_ip_limits,
    country_limit_daily_budget_and_country_lists,
);
