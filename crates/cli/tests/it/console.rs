//! The operator console over HTTP: operators from the command line, the
//! session cookie and its CSRF token, roles, and what each refusal leaves
//! written (nothing). The passkey ceremonies and a change after a step-up
//! run in Chromium (`browser.rs`, `tests/browser/console.mjs`).

use countersign_core::operator::Role;
use serde_json::Value;

use crate::cli::countersign;
use crate::harness::{temp_dir, Backend, Response, TestServer};
use crate::on_both_backends;

/// A console request with `cookie` (a `Cookie` header), and a form body.
pub(crate) async fn console(
    s: &TestServer,
    method: reqwest::Method,
    path: &str,
    cookie: Option<&str>,
    form: Option<&[(&str, &str)]>,
) -> Response {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut req = client.request(method, format!("{}{path}", s.base));
    if let Some(cookie) = cookie {
        req = req.header("cookie", cookie);
    }
    if let Some(form) = form {
        req = req.form(form);
    }
    Response::read(req.send().await.unwrap()).await
}

pub(crate) async fn page(s: &TestServer, path: &str, cookie: &str) -> String {
    let r = console(s, reqwest::Method::GET, path, Some(cookie), None).await;
    assert_eq!(r.status, 200, "{path}: {}", r.body);
    r.body.as_str().unwrap().to_owned()
}

/// The CSRF token of the page's forms.
pub(crate) fn csrf(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token")
        + 19;
    html[at..].split('"').next().unwrap().to_owned()
}

/// Alice, locked: ten wrong codes in a row (as `cli.rs` locks her).
async fn locked_alice(s: &TestServer) {
    s.alice("alice").await;
    for _ in 0..2 {
        let id = s.challenge("alice", "login").await;
        for _ in 0..5 {
            s.verify(&id, "sms", "not-a-code").await;
        }
    }
    s.post(
        "/v1/challenges",
        serde_json::json!({"user_id": "alice", "purpose": "login"}),
    )
    .await
    .assert_problem(429, "locked");
}

async fn operators_search_and_see_users_as_their_role_allows(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let support = s.console_cookie("Sam Support", Role::Support).await;
    let auditor = s.console_cookie("Ada Auditor", Role::Auditor).await;

    // No session: the sign-in page, and every other page asks to sign in.
    let r = console(&s, reqwest::Method::GET, "/console", None, None).await;
    assert_eq!(r.status, 200);
    assert!(r.body.as_str().unwrap().contains("Sign in with a passkey"));
    let r = console(&s, reqwest::Method::GET, "/console/users", None, None).await;
    assert_eq!(r.status, 401);
    let r = console(
        &s,
        reqwest::Method::GET,
        "/console/users",
        Some("cs_console=forged"),
        None,
    )
    .await;
    assert_eq!(r.status, 401);
    let r = console(&s, reqwest::Method::GET, "/console", Some(&support), None).await;
    assert_eq!(r.status, 303);

    // Found by id, by email and by phone (as typed by a person).
    let user = s.get("/v1/users/alice").await.body;
    let email = user["email"].as_str().unwrap().to_owned();
    let phone = user["phone"].as_str().unwrap().to_owned();
    for query in [
        "alice",
        email.as_str(),
        &email.to_uppercase(),
        phone.as_str(),
    ] {
        let q: String = form_urlencoded::byte_serialize(query.as_bytes()).collect();
        let html = page(&s, &format!("/console/users?q={q}"), &support).await;
        assert!(html.contains("One user found"), "{query}: {html}");
    }
    let html = page(&s, "/console/users?q=nobody", &support).await;
    assert!(html.contains("No user matches"));

    // Support sees contacts masked; an auditor in full; neither is offered
    // a change.
    let path = format!("/console/users/{}/alice", s.service_id);
    let html = page(&s, &path, &support).await;
    assert!(!html.contains(&email) && !html.contains(&phone), "{html}");
    assert!(html.contains("Masked"));
    assert!(!html.contains("Audit log"), "support has no audit page");
    let html = page(&s, &path, &auditor).await;
    assert!(html.contains(&email) && html.contains(&phone), "{html}");
    assert!(html.contains("read-only") && !html.contains("data-step-up"));

    // The audit log: support may not see it; an auditor sees each chain
    // intact and exports it as JSON Lines.
    let r = console(
        &s,
        reqwest::Method::GET,
        "/console/audit",
        Some(&support),
        None,
    )
    .await;
    assert_eq!(r.status, 403);
    let html = page(&s, "/console/audit", &auditor).await;
    assert!(html.contains("Intact"), "{html}");
    let r = console(
        &s,
        reqwest::Method::GET,
        &format!("/console/audit/{}", s.service_id),
        Some(&auditor),
        None,
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["content-type"], "application/jsonl");
    // One line alone reads as JSON already.
    let text = match &r.body {
        Value::String(text) => text.clone(),
        one => one.to_string(),
    };
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        lines.iter().any(|l| l["type"] == "user.created"),
        "{lines:?}"
    );
    assert!(lines.iter().all(|l| l["hash"].is_string()));
}

/// Every change form, refused: without the CSRF token, for a role that may
/// not, and (for an admin) without a fresh step-up. The user stays as they
/// were, and no event is written.
async fn changes_without_csrf_role_or_step_up_are_refused_and_write_nothing(backend: Backend) {
    let s = TestServer::start(backend).await;
    locked_alice(&s).await;
    let factor = s
        .post(
            "/v1/users/alice/factors",
            serde_json::json!({"type": "totp", "label": "phone"}),
        )
        .await;
    let factor = factor.body["id"].as_str().unwrap().to_owned();
    let admin = s.console_cookie("Root", Role::Admin).await;
    let auditor = s.console_cookie("Ada", Role::Auditor).await;
    let support = s.console_cookie("Sam", Role::Support).await;
    let base = format!("/console/users/{}/alice", s.service_id);
    let changes = [
        format!("{base}/unlock"),
        format!("{base}/end-sessions"),
        format!("{base}/methods/{factor}/remove"),
        format!("{base}/held/chl_00000000000000000000000000000000/release"),
    ];
    let events_before = s.get("/v1/users/alice/events").await.body;
    let factors_before = s.get("/v1/users/alice/factors").await.body;

    let admin_csrf = csrf(&page(&s, &base, &admin).await);
    for path in &changes {
        // No token, a wrong one, another session's.
        let other = csrf(&page(&s, &base, &auditor).await);
        for token in [None, Some("0".repeat(64)), Some(other)] {
            let mut form = vec![("reason", "customer called")];
            if let Some(t) = token.as_deref() {
                form.push(("csrf", t));
            }
            let r = console(&s, reqwest::Method::POST, path, Some(&admin), Some(&form)).await;
            assert_eq!(r.status, 403, "{path} {token:?}");
            assert!(r.body.as_str().unwrap().contains("Request not checked"));
        }
        // Roles that may not (with their own, right token).
        for cookie in [&auditor, &support] {
            let token = csrf(&page(&s, &base, cookie).await);
            let form = [("csrf", token.as_str()), ("reason", "curious")];
            let r = console(&s, reqwest::Method::POST, path, Some(cookie), Some(&form)).await;
            assert_eq!(r.status, 403, "{path}");
            assert!(r
                .body
                .as_str()
                .unwrap()
                .contains("Your role does not allow this"));
        }
        // An admin, with the right token but no step-up.
        let form = [("csrf", admin_csrf.as_str()), ("reason", "customer called")];
        let r = console(&s, reqwest::Method::POST, path, Some(&admin), Some(&form)).await;
        assert_eq!(r.status, 403, "{path}");
        assert!(r
            .body
            .as_str()
            .unwrap()
            .contains("Confirm with your passkey first"));
    }
    let html = page(&s, &base, &admin).await;
    assert!(
        html.contains("Locked after failed attempts"),
        "still locked"
    );
    assert_eq!(s.get("/v1/users/alice/events").await.body, events_before);
    assert_eq!(s.get("/v1/users/alice/factors").await.body, factors_before);

    // A JSON step-up call without its header is refused too.
    let r = s
        .http
        .post(format!("{}/console/step-up/start", s.base))
        .header("cookie", &admin)
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    let r = Response::read(r).await;
    r.assert_problem(403, "csrf_failed");
    // Signing out ends the session.
    let form = [("csrf", admin_csrf.as_str())];
    let r = console(
        &s,
        reqwest::Method::POST,
        "/console/sign-out",
        Some(&admin),
        Some(&form),
    )
    .await;
    assert_eq!(r.status, 303);
    let r = console(
        &s,
        reqwest::Method::GET,
        "/console/users",
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(r.status, 401);
}

async fn a_used_or_unknown_enrolment_link_enrols_nobody(backend: Backend) {
    let s = TestServer::start(backend).await;
    for token in ["A".repeat(43), "short".into()] {
        let r = console(
            &s,
            reqwest::Method::GET,
            &format!("/console/enrol/{token}"),
            None,
            None,
        )
        .await;
        assert_eq!(r.status, 303);
        // Only a token-shaped one is kept (in a cookie, off the address bar).
        let cookie = match r.headers.get("set-cookie") {
            Some(set) => set.to_str().unwrap().split(';').next().unwrap().to_owned(),
            None => "none=1".to_owned(),
        };
        let r = console(
            &s,
            reqwest::Method::GET,
            "/console/enrol",
            Some(&cookie),
            None,
        )
        .await;
        assert_eq!(r.status, 404);
        assert!(r
            .body
            .as_str()
            .unwrap()
            .contains("This enrolment link does not work"));
        let r = s
            .http
            .post(format!("{}/console/enrol/start", s.base))
            .header("cookie", &cookie)
            .json(&serde_json::json!({}))
            .send()
            .await
            .unwrap();
        Response::read(r).await.assert_problem(404, "not_found");
    }
    // A sign-in ceremony is finished once, and only with a passkey.
    let r = s
        .http
        .post(format!("{}/console/sign-in/finish", s.base))
        .json(&serde_json::json!({"ceremony": "B".repeat(43), "credential": {}}))
        .send()
        .await
        .unwrap();
    Response::read(r)
        .await
        .assert_problem(422, "invalid_credential");
}

/// Booking a call from the console: refused to an auditor and without the
/// CSRF token; a support agent's booking is theirs (the agent is the
/// operator, the event names them); bad input is a page that says what
/// to fix, and nothing is booked.
async fn calls_are_booked_by_those_who_run_them(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let support = s.console_cookie("Bob from support", Role::Support).await;
    let auditor = s.console_cookie("Ada Auditor", Role::Auditor).await;
    let booking = |csrf: &str| {
        vec![
            ("csrf", csrf.to_owned()),
            ("service_id", s.service_id.clone()),
            ("user_id", "alice".to_owned()),
            ("ticket_id", "T-9".to_owned()),
            ("contact_email", "alice@example.net".to_owned()),
            ("starts_at", "2030-03-01T10:30".to_owned()),
            ("tz_offset", "-60".to_owned()),
        ]
    };
    let post = |cookie: &str, form: Vec<(&'static str, String)>| {
        let cookie = cookie.to_owned();
        let s = &s;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            console(
                s,
                reqwest::Method::POST,
                "/console/support/book",
                Some(&cookie),
                Some(&form),
            )
            .await
        }
    };
    let auditor_csrf = csrf(&page(&s, "/console/support", &auditor).await);
    let r = post(&auditor, booking(&auditor_csrf)).await;
    assert_eq!(r.status, 403);
    let r = post(&support, booking("0")).await;
    assert_eq!(r.status, 403);
    let support_csrf = csrf(&page(&s, "/console/support", &support).await);
    let mut bad = booking(&support_csrf);
    bad[5].1 = "tomorrow".into();
    let r = post(&support, bad).await;
    assert_eq!(r.status, 400);
    assert!(r.body.as_str().unwrap().contains("starts_at"), "{}", r.body);
    let none = s.get("/v1/support/appointments?user_id=alice").await.body;
    assert_eq!(none, serde_json::json!([]));

    let r = post(&support, booking(&support_csrf)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.as_str().unwrap().contains("appointment-code"));
    let booked = s.get("/v1/support/appointments?user_id=alice").await.body;
    assert_eq!(booked[0]["agent"], "Bob from support");
    // 10:30 at UTC+1 (JavaScript's offset -60) is 09:30 UTC.
    assert_eq!(booked[0]["starts_at"], "2030-03-01T09:30:00Z");
    let events = s.get("/v1/users/alice/events").await.body;
    let event = events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "support.appointment_booked")
        .unwrap();
    assert_eq!(event["detail"]["operator"], "Bob from support", "{event}");
    // The agent's list has it; the live view tells its state.
    let html = page(&s, "/console/support", &support).await;
    assert!(html.contains("T-9") && html.contains("Waiting for the customer to verify"));
    let id = booked[0]["id"].as_str().unwrap();
    let live = console(
        &s,
        reqwest::Method::GET,
        &format!("/console/support/{}/{id}/live", s.service_id),
        Some(&support),
        None,
    )
    .await;
    assert_eq!(live.status, 200);
    assert!(live.body["customer_verified_at"].is_null());
    assert!(live.body["agent_code"]["code"].is_string());
    // An auditor sees no agent code.
    let live = console(
        &s,
        reqwest::Method::GET,
        &format!("/console/support/{}/{id}/live", s.service_id),
        Some(&auditor),
        None,
    )
    .await;
    assert_eq!(live.status, 200);
    assert!(live.body["agent_code"].is_null());
}

/// A service's policy editor: a draft is checked as it is typed (the
/// API's rules, nothing written) with a preview per purpose; saving and
/// replaying are refused to an auditor and, for an admin, without a
/// step-up; support does not see services.
async fn policies_are_checked_as_typed_and_saved_only_after_a_step_up(backend: Backend) {
    let s = TestServer::start(backend).await;
    let admin = s.console_cookie("Root", Role::Admin).await;
    let auditor = s.console_cookie("Ada", Role::Auditor).await;
    let support = s.console_cookie("Sam", Role::Support).await;
    let path = format!("/console/services/{}", s.service_id);
    let r = console(&s, reqwest::Method::GET, &path, Some(&support), None).await;
    assert_eq!(r.status, 403);
    let html = page(&s, &path, &auditor).await;
    assert!(html.contains("readonly") && !html.contains("data-step-up"));
    let token = csrf(&html);
    let check = |draft: &str, methods: serde_json::Value| {
        let body = serde_json::json!({"policies": draft, "methods": methods});
        let (s, auditor, token, path) = (&s, &auditor, &token, &path);
        async move {
            let r = s
                .http
                .post(format!("{}{path}/check", s.base))
                .header("cookie", auditor)
                .header("x-csrf-token", token)
                .json(&body)
                .send()
                .await
                .unwrap();
            Response::read(r).await
        }
    };
    let draft =
        r#"{"withdrawal": {"all_of": [{"any_of": ["webauthn"]}, {"any_of": ["sms", "email"]}]}}"#;
    let r = check(draft, serde_json::json!(["totp", "sms"])).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body["error"].is_null(), "{}", r.body);
    let withdrawal = r.body["preview"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["purpose"] == "withdrawal")
        .unwrap()
        .clone();
    assert_eq!(
        withdrawal["all_of"],
        serde_json::json!([["webauthn"], ["sms", "email"]])
    );
    assert_eq!(withdrawal["passable"], false, "no passkey, no withdrawal");
    let r = check(draft, serde_json::json!(["webauthn", "email"])).await;
    assert!(r.body["preview"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["purpose"] == "withdrawal" && p["passable"] == true));
    // The API's own rules: one method in two groups is refused.
    let twice = r#"{"withdrawal": {"all_of": [{"any_of": ["sms"]}, {"any_of": ["sms"]}]}}"#;
    let r = check(twice, serde_json::json!([])).await;
    assert!(
        r.body["error"]
            .as_str()
            .unwrap()
            .contains("more than one group"),
        "{}",
        r.body
    );
    let r = check("{not json", serde_json::json!([])).await;
    assert!(
        r.body["error"].as_str().unwrap().starts_with("policies:"),
        "{}",
        r.body
    );

    // Saving: an auditor may not; an admin must step up first.
    let before = s.get("/v1/service").await.body;
    let form = |token: &str| {
        vec![
            ("csrf", token.to_owned()),
            ("policies", draft.to_owned()),
            ("return_urls", "https://bank.example/back".to_owned()),
        ]
    };
    for (cookie, expected) in [
        (&auditor, "Your role does not allow this"),
        (&admin, "Confirm with your passkey first"),
    ] {
        let token = csrf(&page(&s, &path, cookie).await);
        let f = form(&token);
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = console(
            &s,
            reqwest::Method::POST,
            &format!("{path}/save"),
            Some(cookie),
            Some(&f),
        )
        .await;
        assert_eq!(r.status, 403);
        assert!(r.body.as_str().unwrap().contains(expected));
        let replay = [
            ("csrf", token.as_str()),
            ("event_id", "evt_00000000000000000000000000000000"),
        ];
        let r = console(
            &s,
            reqwest::Method::POST,
            &format!("{path}/webhooks/whk_00000000000000000000000000000000/replay"),
            Some(cookie),
            Some(&replay),
        )
        .await;
        assert_eq!(r.status, 403);
    }
    assert_eq!(s.get("/v1/service").await.body, before);
}

on_both_backends!(
    operators_search_and_see_users_as_their_role_allows,
    changes_without_csrf_role_or_step_up_are_refused_and_write_nothing,
    a_used_or_unknown_enrolment_link_enrols_nobody,
    calls_are_booked_by_those_who_run_them,
    policies_are_checked_as_typed_and_saved_only_after_a_step_up,
);

/// `countersign operator add|list|remove`: the link, the list, and a name
/// taken or unknown refused.
#[test]
fn operators_are_added_listed_and_removed_from_the_command_line() {
    let dir = temp_dir("operators");
    let db = format!("sqlite://{}", dir.join("cs.db").display());
    let run = |args: &[&str]| {
        let out = countersign()
            .env("COUNTERSIGN_DATABASE", &db)
            .env("COUNTERSIGN_PUBLIC_URL", "https://verify.bank.test")
            .args(args)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (ok, out, err) = run(&["operator", "add", "Ada Lovelace", "--role", "admin"]);
    assert!(ok, "{err}");
    let added: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(added["role"], "admin");
    let link = added["enrolment_link"].as_str().unwrap();
    let token = link
        .strip_prefix("https://verify.bank.test/console/enrol/")
        .unwrap();
    assert!(countersign_core::portal::is_token_shaped(token), "{link}");
    let (ok, _, err) = run(&["operator", "add", "Ada Lovelace", "--role", "support"]);
    assert!(!ok && err.contains("has this name already"), "{err}");
    let (ok, _, _) = run(&["operator", "add", "Eve", "--role", "root"]);
    assert!(!ok);
    let (ok, out, _) = run(&["operator", "list"]);
    assert!(ok);
    let listed: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(listed["name"], "Ada Lovelace");
    assert!(listed["enrolled_at"].is_null());
    assert!(!out.contains(token), "the list never shows a link");
    let (ok, _, _) = run(&["operator", "remove", "Ada Lovelace"]);
    assert!(ok);
    let (ok, _, err) = run(&["operator", "remove", "Ada Lovelace"]);
    assert!(!ok && err.contains("no such operator"), "{err}");
}
