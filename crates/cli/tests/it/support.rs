//! Verified support video calls, the whole journey over HTTP: booking, the
//! join window, the customer proving the account (authenticator) and the
//! ticket's email (a code from a real SMTP server), the room token checked
//! with an independent JWT library (PyJWT), and the agent's authenticity code.

use countersign_core::limits::Cap;
use countersign_core::lockout::LockoutPolicy;
use countersign_core::support::JOIN_COOKIE;
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

/// A customer call: no service key, no cookie (another client than the
/// browser that joined).
async fn public(s: &TestServer, path: &str, body: Value) -> Response {
    s.call(reqwest::Method::POST, path, None, Some(body)).await
}

/// A customer's browser: no service key, and the join session cookie the
/// server set (sent back on the support calls).
pub(crate) struct Browser<'s> {
    s: &'s TestServer,
    /// The join session cookie, as `name=value`.
    cookie: std::sync::Mutex<Option<String>>,
}

impl<'s> Browser<'s> {
    pub(crate) fn new(s: &'s TestServer) -> Browser<'s> {
        Browser {
            s,
            cookie: std::sync::Mutex::new(None),
        }
    }

    /// A browser holding `cookie` (`name=value`), made up or another's.
    fn with_cookie(s: &'s TestServer, cookie: &str) -> Browser<'s> {
        let b = Browser::new(s);
        *b.cookie.lock().unwrap() = Some(cookie.to_owned());
        b
    }

    fn cookie(&self) -> Option<String> {
        self.cookie.lock().unwrap().clone()
    }

    pub(crate) async fn post(&self, path: &str, body: Value) -> Response {
        let mut req = self
            .s
            .http
            .post(format!("{}{path}", self.s.base))
            .json(&body);
        if let Some(c) = self
            .cookie()
            .filter(|_| path.starts_with("/v1/support/appointments"))
        {
            req = req.header(reqwest::header::COOKIE, c);
        }
        let r = Response::read(req.send().await.unwrap()).await;
        if let Some(set) = r.headers.get(reqwest::header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            let pair = set.split(';').next().unwrap().to_owned();
            *self.cookie.lock().unwrap() = Some(pair);
        }
        r
    }
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
    let customer = Browser::new(&s);
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    let (id, code) = book(&s).await;

    // Too early: the window opens 15 minutes before the start.
    let r = customer
        .post(
            "/v1/support/appointments/join",
            json!({"appointment_code": code}),
        )
        .await;
    r.assert_problem(409, "too_early");
    assert_eq!(r.body["opens_at"], "2030-03-17T18:31:40Z");
    s.advance(3600 - 5 * 60);

    // A wrong code says nothing more than "not found".
    customer
        .post(
            "/v1/support/appointments/join",
            json!({"appointment_code": "abcd-efgh-jkmn"}),
        )
        .await
        .assert_problem(404, "not_found");
    let r = customer
        .post(
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
        customer.post(
            "/v1/support/appointments/join/verify",
            json!({"challenge_id": challenge, "method": method, "code": code}),
        )
    };
    // No token before both are proven.
    customer
        .post(
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
    let r = customer
        .post(
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
    let r = customer
        .post(
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
    let r = customer
        .post(
            "/v1/support/agent-check",
            json!({"appointment_code": code, "agent_code": wrong_agent}),
        )
        .await;
    assert_eq!(r.body, json!({"genuine": false}));

    // After the window closes, nobody joins.
    s.advance(2 * 3600);
    customer
        .post(
            "/v1/support/appointments/join",
            json!({"appointment_code": code}),
        )
        .await
        .assert_problem(410, "too_late");
    customer
        .post(
            &format!("/v1/support/appointments/{id}/token"),
            json!({"challenge_id": challenge}),
        )
        .await
        .assert_problem(410, "expired");
}

async fn cancelled_exhausted_and_rescheduled(backend: Backend) {
    let s = support_server(backend, 100).await;
    let customer = Browser::new(&s);
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    let (id, code) = book(&s).await;
    s.advance(3600);
    // Attempts run out like in any challenge.
    let r = customer
        .post(
            "/v1/support/appointments/join",
            json!({"appointment_code": code}),
        )
        .await;
    let challenge = r.body["id"].as_str().unwrap().to_owned();
    let totp = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let wrong = if totp == "000000" { "111111" } else { "000000" };
    for _ in 0..4 {
        customer
            .post(
                "/v1/support/appointments/join/verify",
                json!({"challenge_id": challenge, "method": "totp", "code": wrong}),
            )
            .await
            .assert_problem(422, "invalid_code");
    }
    customer
        .post(
            "/v1/support/appointments/join/verify",
            json!({"challenge_id": challenge, "method": "totp", "code": wrong}),
        )
        .await
        .assert_problem(429, "too_many_attempts");
    customer
        .post(
            "/v1/support/appointments/join/verify",
            json!({"challenge_id": challenge, "method": "totp", "code": totp}),
        )
        .await
        .assert_problem(409, "challenge_closed");
    // An integrator's own challenge is not reachable from the customer side.
    let own = s.challenge("alice", "login").await;
    customer
        .post(
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
    customer
        .post(
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
    customer
        .post(
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
    let customer = Browser::new(&s);
    s.alice("alice").await;
    active_totp(&s, "alice").await;
    let (_, code) = book(&s).await;
    s.advance(3600);
    for guess in ["aaaa-aaaa-aaaa", "bbbb-bbbb-bbbb", "not a code"] {
        customer
            .post(
                "/v1/support/appointments/join",
                json!({"appointment_code": guess}),
            )
            .await
            .assert_problem(404, "not_found");
    }
    // The fourth try is refused even with the right code.
    let r = customer
        .post(
            "/v1/support/appointments/join",
            json!({"appointment_code": code}),
        )
        .await;
    r.assert_problem(429, "rate_limited");
    assert!(r.body["retry_after"].as_u64().unwrap() <= 900);
    customer
        .post(
            "/v1/support/agent-check",
            json!({"appointment_code": code, "agent_code": "123456"}),
        )
        .await
        .assert_problem(429, "rate_limited");
}

/// A verification made before the call was moved does not admit anyone.
async fn a_reschedule_revokes_an_earlier_verification(backend: Backend) {
    let s = support_server(backend, 100).await;
    let customer = Browser::new(&s);
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    let (id, code) = book(&s).await;
    s.advance(3600 - 60);
    let r = customer
        .post(
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
        last = customer
            .post(
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
    customer
        .post(
            &format!("/v1/support/appointments/{id}/token"),
            json!({"challenge_id": challenge}),
        )
        .await
        .assert_problem(409, "not_verified");
}

/// The answers and the room token are the joining browser's: the ids alone
/// (which travel in events, webhooks and exports), a made-up session or
/// another join's get nothing and count nothing. The integrator's key gets
/// the token too. Both only for ten minutes after the approval.
async fn only_the_browser_that_joined_gets_the_room(backend: Backend) {
    let s = support_server(backend, 100).await;
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    let (id, code) = book(&s).await;
    s.advance(3600 - 60);
    let join = json!({"appointment_code": code});
    let customer = Browser::new(&s);
    let r = customer
        .post("/v1/support/appointments/join", join.clone())
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let challenge = r.body["id"].as_str().unwrap().to_owned();
    let set = r.headers[reqwest::header::SET_COOKIE].to_str().unwrap();
    let session = customer.cookie().unwrap();
    // The test server is reached over https: a `__Host-` cookie.
    let prefix = format!("__Host-{JOIN_COOKIE}=");
    assert_eq!(session.len(), prefix.len() + 43, "{set}");
    for flag in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
        assert!(set.split("; ").any(|a| a == flag), "{flag} in {set}");
    }
    let token_value = &session[prefix.len()..];
    assert!(
        !r.body.to_string().contains(token_value),
        "never in a body a script reads"
    );
    let email = s.received_code("email").await;
    s.advance(30);
    let totp = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let wrong = if totp == "000000" { "111111" } else { "000000" };
    let answer = |method: &str, code: &str| json!({"challenge_id": challenge, "method": method, "code": code});
    let verify = "/v1/support/appointments/join/verify";
    let token = format!("/v1/support/appointments/{id}/token");
    let asked = json!({"challenge_id": challenge});

    // Someone else joined with the appointment code: their own session.
    let other = Browser::new(&s);
    assert_eq!(
        other
            .post("/v1/support/appointments/join", join)
            .await
            .status,
        201
    );
    let nobody = Browser::new(&s);
    let forged = Browser::with_cookie(&s, &format!("{prefix}{}", "A".repeat(43)));
    let intruders = [&nobody, &forged, &other];
    for intruder in intruders {
        for code in [wrong, totp.as_str()] {
            intruder
                .post(verify, answer("totp", code))
                .await
                .assert_problem(403, "not_join_session");
        }
        intruder
            .post(&token, asked.clone())
            .await
            .assert_problem(403, "not_join_session");
    }
    // None of that counted: the joining browser has every attempt left.
    let r = customer.post(verify, answer("totp", wrong)).await;
    r.assert_problem(422, "invalid_code");
    assert_eq!(r.body["attempts_left"], 4);
    customer.post(verify, answer("totp", &totp)).await;
    let r = customer.post(verify, answer("email", &email)).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);

    // Approved: still nothing for the others.
    for intruder in intruders {
        intruder
            .post(&token, asked.clone())
            .await
            .assert_problem(403, "not_join_session");
    }
    let other_service = s.second_service_key().await;
    s.call(
        reqwest::Method::POST,
        &token,
        Some(&other_service),
        Some(asked.clone()),
    )
    .await
    .assert_problem(404, "not_found");
    s.call(
        reqwest::Method::POST,
        &token,
        Some("cs_live_nope"),
        Some(asked.clone()),
    )
    .await
    .assert_problem(401, "unauthorized");
    // The browser that passed the check, and the integrator's key: tokens,
    // again (a reloaded page) until ten minutes after the approval.
    s.advance(540);
    for _ in 0..2 {
        let r = customer.post(&token, asked.clone()).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body["token"].is_string());
    }
    assert_eq!(s.post(&token, asked.clone()).await.status, 200);
    s.advance(60);
    customer
        .post(&token, asked.clone())
        .await
        .assert_problem(410, "expired");
    s.post(&token, asked).await.assert_problem(410, "expired");

    // The join's token opens no hosted page.
    let page = s
        .http
        .get(format!("{}/verify/{challenge}", s.base))
        .header(reqwest::header::COOKIE, format!("cs_verify={token_value}"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 404);
}

/// From the customer side nobody locks the account for good: the ids alone
/// count nothing, and even the holder of the appointment code, joining
/// again and again, only slows the account down (temporary locks); the
/// integrator's own challenges still lock for good at the hard limit.
async fn the_customer_side_cannot_lock_the_account_for_good(backend: Backend) {
    let s = support_server(backend, 100).await;
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    s.set_lockout(LockoutPolicy {
        threshold: 5,
        lock_seconds: 60,
        hard_limit: 3,
    })
    .await;
    let (_, code) = book(&s).await;
    s.advance(3600 - 15 * 60);
    let join = json!({"appointment_code": code});
    let verify = "/v1/support/appointments/join/verify";
    // Three joins, five wrong codes each: fifteen failures, five times the
    // hard limit. Each fifth locks the account for a minute.
    for _ in 0..3 {
        let customer = Browser::new(&s);
        let r = customer
            .post("/v1/support/appointments/join", join.clone())
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let wrong = json!({"challenge_id": r.body["id"], "method": "totp", "code": "12345"});
        for _ in 0..10 {
            public(&s, verify, wrong.clone())
                .await
                .assert_problem(403, "not_join_session");
        }
        for _ in 0..4 {
            customer
                .post(verify, wrong.clone())
                .await
                .assert_problem(422, "invalid_code");
        }
        let r = customer.post(verify, wrong).await;
        r.assert_problem(429, "locked");
        assert_eq!(r.body["retry_after"], 60);
        s.advance(60);
    }
    // Not locked for good: the customer joins and passes.
    let customer = Browser::new(&s);
    let r = customer.post("/v1/support/appointments/join", join).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let challenge = r.body["id"].as_str().unwrap().to_owned();
    let email = s.received_code("email").await;
    s.advance(30);
    let totp = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let mut last = Value::Null;
    for (method, code) in [("totp", totp), ("email", email)] {
        last = customer
            .post(
                verify,
                json!({"challenge_id": challenge, "method": method, "code": code}),
            )
            .await
            .body;
    }
    assert_eq!(last["status"], "approved", "{last}");
    // The integrator's challenges: three wrong codes lock for good.
    crate::protections::three_wrong_codes_lock_alice_for_good(&s).await;
}

on_both_backends!(
    only_the_browser_that_joined_gets_the_room,
    the_customer_side_cannot_lock_the_account_for_good,
    a_reschedule_revokes_an_earlier_verification,
    the_whole_journey,
    cancelled_exhausted_and_rescheduled,
    appointment_codes_are_limited_per_ip,
    an_unknown_appointment_is_not_found_before_the_configuration_is_checked,
);

/// Without `[support]` settings, a room token for an appointment or a
/// challenge that does not exist is still 404, not 503.
async fn an_unknown_appointment_is_not_found_before_the_configuration_is_checked(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let login = s.challenge("alice", "login").await;
    for (appointment, challenge) in [
        (
            "apt_00000000000000000000000000000000",
            "chl_00000000000000000000000000000000",
        ),
        ("apt_00000000000000000000000000000000", login.as_str()),
        ("nothing", "nothing"),
    ] {
        s.post(
            &format!("/v1/support/appointments/{appointment}/token"),
            json!({"challenge_id": challenge}),
        )
        .await
        .assert_problem(404, "not_found");
    }
}

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
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"), "{html}");
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
