//! Verified support video calls, the whole journey over HTTP: booking, the
//! join window, the customer proving the account (authenticator) and the
//! ticket's email (a code from a real SMTP server), the room token checked
//! with an independent JWT library (PyJWT), and the agent's authenticity code.

use countersign_core::limits::Cap;
use serde_json::{json, Value};

use crate::factors::{active_totp, now_secs, oathtool_totp, run};
use crate::harness::{Backend, Response, TestServer, T0};
use crate::on_both_backends;

const JITSI_SECRET: &str = "jitsi-app-secret-for-tests";

async fn support_server(backend: Backend, attempts_per_ip: u32) -> TestServer {
    TestServer::start_with(backend, |c| {
        c.support.jwt_secret = Some(JITSI_SECRET.into());
        c.support.video_base_url = Some("https://meet.bank.test".into());
        c.support.attempts_per_ip = Cap {
            max: attempts_per_ip,
            window_seconds: 900,
        };
    })
    .await
}

/// Books a call for alice starting one hour after T0; returns (id, code).
async fn book(s: &TestServer) -> (String, String) {
    let starts_at = countersign_core::Timestamp(T0.millis() + 3_600_000).to_rfc3339();
    let r = s
        .post(
            "/v1/support/appointments",
            json!({"user_id": "alice", "ticket_id": "T-1001", "contact_email": "Alice.Work@Example.NET",
                   "agent": "Bob from support", "starts_at": starts_at}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["status"], "scheduled");
    (
        r.body["id"].as_str().unwrap().to_owned(),
        r.body["appointment_code"].as_str().unwrap().to_owned(),
    )
}

/// A customer call: no service key.
async fn public(s: &TestServer, path: &str, body: Value) -> Response {
    s.call(reqwest::Method::POST, path, None, Some(body)).await
}

async fn last_mail_code(s: &TestServer, to: &str) -> String {
    let mail = s.smtp.all().last().cloned().expect("a mail arrived");
    assert_eq!(
        mail.to,
        vec![format!("<{to}>")],
        "sent to the ticket's address"
    );
    s.received_code("email").await
}

/// PyJWT's reading of a token: the claims, or the error it raised.
fn pyjwt(token: &str, secret: &str) -> Value {
    let out = run(
        "python3",
        &[
            "-c",
            "import json, sys, jwt\n\
             try:\n    print(json.dumps(jwt.decode(sys.argv[1], sys.argv[2], algorithms=['HS256'], audience='jitsi', issuer='countersign', options={'verify_exp': False, 'verify_nbf': False, 'verify_iat': False})))\n\
             except jwt.InvalidTokenError as e:\n    print(json.dumps({'error': type(e).__name__}))",
            token,
            secret,
        ],
    );
    serde_json::from_str(&out).unwrap()
}

async fn the_whole_journey(backend: Backend) {
    let s = support_server(backend, 100).await;
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    let (id, code) = book(&s).await;

    // Too early: the window opens 15 minutes before the start.
    let r = public(
        &s,
        "/v1/support/appointments/join",
        json!({"appointment_code": code}),
    )
    .await;
    r.assert_problem(409, "too_early");
    assert_eq!(r.body["opens_at"], "2030-03-17T18:31:40Z");
    s.advance(3600 - 5 * 60);

    // A wrong code says nothing more than "not found".
    public(
        &s,
        "/v1/support/appointments/join",
        json!({"appointment_code": "abcd-efgh-jkmn"}),
    )
    .await
    .assert_problem(404, "not_found");
    let r = public(
        &s,
        "/v1/support/appointments/join",
        json!({"appointment_code": code.to_uppercase()}),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let challenge = r.body["id"].as_str().unwrap().to_owned();
    assert_eq!(r.body["purpose"], "support_call");
    assert_eq!(r.body["email"]["to"], "A•••@example.net");
    assert_eq!(r.body["agent"], "Bob from support");
    let kinds: Vec<&str> = r.body["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["totp", "email"]);
    let email_code = last_mail_code(&s, "Alice.Work@example.net").await;
    let verify = |method: &str, code: &str| {
        public(
            &s,
            "/v1/support/appointments/join/verify",
            json!({"challenge_id": challenge, "method": method, "code": code}),
        )
    };
    // No token before both are proven.
    public(
        &s,
        &format!("/v1/support/appointments/{id}/token"),
        json!({"challenge_id": challenge}),
    )
    .await
    .assert_problem(409, "not_verified");

    // Right appointment code, wrong TOTP.
    s.advance(30);
    let totp = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let wrong = if totp == "000000" { "111111" } else { "000000" };
    let r = verify("totp", wrong).await;
    r.assert_problem(422, "invalid_code");
    assert_eq!(r.body["attempts_left"], 4);
    let r = verify("totp", &totp).await;
    assert_eq!(r.body["satisfied"], json!(["totp"]), "{}", r.body);
    // Right TOTP, wrong email code, then the right one.
    let wrong_email = if email_code == "000000" {
        "111111"
    } else {
        "000000"
    };
    verify("email", wrong_email)
        .await
        .assert_problem(422, "invalid_code");
    let r = verify("email", &email_code).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);

    // The room token, checked by PyJWT.
    let r = public(
        &s,
        &format!("/v1/support/appointments/{id}/token"),
        json!({"challenge_id": challenge}),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let appointment = s.get(&format!("/v1/support/appointments/{id}")).await.body;
    let room = appointment["room"].as_str().unwrap();
    assert_eq!(r.body["join_url"], format!("https://meet.bank.test/{room}"));
    let token = r.body["token"].as_str().unwrap();
    let claims = pyjwt(token, JITSI_SECRET);
    assert_eq!(claims["iss"], "countersign", "{claims}");
    assert_eq!(claims["aud"], "jitsi");
    assert_eq!(claims["sub"], "meet.bank.test");
    assert_eq!(claims["room"], room);
    assert_eq!(claims["context"]["user"]["email"], "Alice.Work@example.net");
    assert_eq!(claims["context"]["user"]["id"], "alice");
    let now = now_secs(&s);
    assert!(claims["nbf"].as_i64().unwrap() <= now);
    assert_eq!(claims["exp"].as_i64().unwrap(), now + 600);
    assert_eq!(
        pyjwt(token, "another-secret")["error"],
        "InvalidSignatureError"
    );

    // The agent sees that, and how, the customer was verified.
    assert!(
        appointment["customer_verified_at"].is_string(),
        "{appointment}"
    );
    assert_eq!(appointment["verified_methods"], json!(["totp", "email"]));
    assert_eq!(appointment["contact_email"], "A•••@example.net");
    assert!(appointment.get("appointment_code").is_none());
    let events = s.event_types("alice").await;
    for kind in [
        "support.appointment_booked",
        "support.join_started",
        "support.customer_verified",
    ] {
        assert!(events.contains(&kind.to_owned()), "{kind} in {events:?}");
    }

    // Verification goes both ways: the agent's code, checked by the customer.
    let agent = s
        .get(&format!("/v1/support/appointments/{id}/agent-code"))
        .await
        .body;
    let agent_code = agent["code"].as_str().unwrap();
    let r = public(
        &s,
        "/v1/support/agent-check",
        json!({"appointment_code": code, "agent_code": agent_code}),
    )
    .await;
    assert_eq!(
        r.body,
        json!({"genuine": true, "agent": "Bob from support"})
    );
    let wrong_agent = if agent_code == "000000" {
        "111111"
    } else {
        "000000"
    };
    let r = public(
        &s,
        "/v1/support/agent-check",
        json!({"appointment_code": code, "agent_code": wrong_agent}),
    )
    .await;
    assert_eq!(r.body, json!({"genuine": false}));

    // After the window closes, nobody joins.
    s.advance(2 * 3600);
    public(
        &s,
        "/v1/support/appointments/join",
        json!({"appointment_code": code}),
    )
    .await
    .assert_problem(410, "too_late");
    public(
        &s,
        &format!("/v1/support/appointments/{id}/token"),
        json!({"challenge_id": challenge}),
    )
    .await
    .assert_problem(410, "expired");
}

async fn cancelled_exhausted_and_rescheduled(backend: Backend) {
    let s = support_server(backend, 100).await;
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    let (id, code) = book(&s).await;
    s.advance(3600);
    // Attempts run out like in any challenge.
    let r = public(
        &s,
        "/v1/support/appointments/join",
        json!({"appointment_code": code}),
    )
    .await;
    let challenge = r.body["id"].as_str().unwrap().to_owned();
    let totp = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let wrong = if totp == "000000" { "111111" } else { "000000" };
    for _ in 0..4 {
        public(
            &s,
            "/v1/support/appointments/join/verify",
            json!({"challenge_id": challenge, "method": "totp", "code": wrong}),
        )
        .await
        .assert_problem(422, "invalid_code");
    }
    public(
        &s,
        "/v1/support/appointments/join/verify",
        json!({"challenge_id": challenge, "method": "totp", "code": wrong}),
    )
    .await
    .assert_problem(429, "too_many_attempts");
    public(
        &s,
        "/v1/support/appointments/join/verify",
        json!({"challenge_id": challenge, "method": "totp", "code": totp}),
    )
    .await
    .assert_problem(409, "challenge_closed");
    // An integrator's own challenge is not reachable from the customer side.
    let own = s.challenge("alice", "login").await;
    public(
        &s,
        "/v1/support/appointments/join/verify",
        json!({"challenge_id": own, "method": "totp", "code": totp}),
    )
    .await
    .assert_problem(404, "not_found");

    // Rescheduled: the same code, the new time.
    let later = countersign_core::Timestamp(T0.millis() + 3 * 3_600_000).to_rfc3339();
    let r = s
        .post(
            &format!("/v1/support/appointments/{id}/reschedule"),
            json!({"starts_at": later}),
        )
        .await;
    assert_eq!(r.body["starts_at"], later, "{}", r.body);
    public(
        &s,
        "/v1/support/appointments/join",
        json!({"appointment_code": code}),
    )
    .await
    .assert_problem(409, "too_early");
    let listed = s
        .get("/v1/support/appointments?agent=Bob%20from%20support")
        .await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
    assert_eq!(
        s.get("/v1/support/appointments?user_id=alice").await.body[0]["id"],
        id
    );
    s.get("/v1/support/appointments")
        .await
        .assert_problem(400, "invalid_request");

    // Cancelled: refused, and the agent cannot cancel twice.
    let r = s
        .post(&format!("/v1/support/appointments/{id}/cancel"), json!({}))
        .await;
    assert_eq!(r.body["status"], "cancelled", "{}", r.body);
    s.advance(2 * 3600);
    public(
        &s,
        "/v1/support/appointments/join",
        json!({"appointment_code": code}),
    )
    .await
    .assert_problem(410, "appointment_cancelled");
    s.post(&format!("/v1/support/appointments/{id}/cancel"), json!({}))
        .await
        .assert_problem(410, "appointment_cancelled");
    // Another service sees nothing of it.
    let other = s.second_service_key().await;
    s.call(
        reqwest::Method::GET,
        &format!("/v1/support/appointments/{id}"),
        Some(&other),
        None,
    )
    .await
    .assert_problem(404, "not_found");
    // Bad bookings.
    for (body, field) in [
        (
            json!({"user_id": "alice", "ticket_id": "", "contact_email": "a@example.com", "agent": "Bob", "starts_at": later}),
            Some("ticket_id"),
        ),
        (
            json!({"user_id": "alice", "ticket_id": "T", "contact_email": "nope", "agent": "Bob", "starts_at": later}),
            Some("email"),
        ),
        (
            json!({"user_id": "alice", "ticket_id": "T", "contact_email": "a@example.com", "agent": "Bob", "starts_at": later, "room": "a/b"}),
            Some("room"),
        ),
        (
            json!({"user_id": "alice", "ticket_id": "T", "contact_email": "a@example.com", "agent": "Bob", "starts_at": "tomorrow"}),
            None,
        ),
    ] {
        let r = s.post("/v1/support/appointments", body).await;
        assert_eq!(r.status, 400, "{}", r.body);
        if let Some(field) = field {
            assert_eq!(r.body["field"], field, "{}", r.body);
        }
    }
}

async fn appointment_codes_are_limited_per_ip(backend: Backend) {
    let s = support_server(backend, 3).await;
    s.alice("alice").await;
    active_totp(&s, "alice").await;
    let (_, code) = book(&s).await;
    s.advance(3600);
    for guess in ["aaaa-aaaa-aaaa", "bbbb-bbbb-bbbb", "not a code"] {
        public(
            &s,
            "/v1/support/appointments/join",
            json!({"appointment_code": guess}),
        )
        .await
        .assert_problem(404, "not_found");
    }
    // The fourth try is refused even with the right code.
    let r = public(
        &s,
        "/v1/support/appointments/join",
        json!({"appointment_code": code}),
    )
    .await;
    r.assert_problem(429, "rate_limited");
    assert!(r.body["retry_after"].as_u64().unwrap() <= 900);
    public(
        &s,
        "/v1/support/agent-check",
        json!({"appointment_code": code, "agent_code": "123456"}),
    )
    .await
    .assert_problem(429, "rate_limited");
}

/// A verification made before the call was moved does not admit anyone.
async fn a_reschedule_revokes_an_earlier_verification(backend: Backend) {
    let s = support_server(backend, 100).await;
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    let (id, code) = book(&s).await;
    s.advance(3600 - 60);
    let r = public(
        &s,
        "/v1/support/appointments/join",
        json!({"appointment_code": code}),
    )
    .await;
    let challenge = r.body["id"].as_str().unwrap().to_owned();
    let email = s.received_code("email").await;
    s.advance(30);
    let totp = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let mut last = Value::Null;
    for (method, code) in [("totp", totp), ("email", email)] {
        last = public(
            &s,
            "/v1/support/appointments/join/verify",
            json!({"challenge_id": challenge, "method": method, "code": code}),
        )
        .await
        .body;
    }
    assert_eq!(last["status"], "approved", "{last}");
    let later = countersign_core::Timestamp(T0.millis() + 3_600_000 + 300_000).to_rfc3339();
    s.post(
        &format!("/v1/support/appointments/{id}/reschedule"),
        json!({"starts_at": later}),
    )
    .await;
    public(
        &s,
        &format!("/v1/support/appointments/{id}/token"),
        json!({"challenge_id": challenge}),
    )
    .await
    .assert_problem(409, "not_verified");
}

on_both_backends!(
    a_reschedule_revokes_an_earlier_verification,
    the_whole_journey,
    cancelled_exhausted_and_rescheduled,
    appointment_codes_are_limited_per_ip,
);

/// The support center and its tools are pages of this server: in the
/// user's language, every field labelled, nothing loaded from elsewhere,
/// never framed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_support_pages_are_served_in_the_users_language() {
    let s = TestServer::start(Backend::Sqlite).await;
    let get = |path: &str, lang: &str| {
        s.http
            .get(format!("{}{path}", s.base))
            .header("accept-language", lang)
            .send()
    };
    let r = get("/support", "fr-FR,fr;q=0.9").await.unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert!(html.contains("Rejoindre un rendez-vous vidéo"));
    assert!(html.contains("href=\"/support/join?lang=fr\""));
    for (path, lang, heading) in [
        ("/support/join", "en-GB", "Join your video call"),
        ("/support/join?lang=fr", "en", "Rejoindre votre appel vidéo"),
        ("/support/check-agent", "en", "Is this agent genuine?"),
    ] {
        let r = get(path, lang).await.unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
        let csp = r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"));
        let html = r.text().await.unwrap();
        assert!(html.contains(heading), "{path}: {html}");
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "no outside resource"
        );
        // Every input has a label.
        for id in html
            .split("<input id=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap())
        {
            assert!(
                html.contains(&format!("<label for=\"{id}\">")),
                "{id} unlabelled in {path}"
            );
        }
    }
    let script = s
        .http
        .get(format!("{}/assets/support.js", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(script.status(), 200);
    assert!(script.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    assert!(script
        .text()
        .await
        .unwrap()
        .contains("/v1/support/appointments/join"));
}
