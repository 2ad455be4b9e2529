//! The security center, through portal sessions: the one-time link, the
//! session cookie and its flags, session fixation, CSRF, another user's
//! factor, adding and removing methods only after a step-up (which rotates
//! the session's cookie), and the user's sessions listed and ended.

use std::time::Duration;

use countersign_core::portal::{csrf_token, new_token, set_cookie, Cookies};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use serde_json::json;

use crate::factors::{now_secs, oathtool_totp};
use crate::harness::{Backend, Response, TestServer};
use crate::on_both_backends;

/// A browser-like client that does not follow redirects, so that each
/// answer is seen as sent.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A portal link for `user_id`, as a path on the test server.
async fn link(s: &TestServer, user_id: &str) -> String {
    let r = s
        .post(&format!("/v1/users/{user_id}/portal-sessions"), json!({}))
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let url = r.body["url"].as_str().unwrap();
    url.strip_prefix("https://verify.bank.test")
        .unwrap_or_else(|| panic!("{url}"))
        .to_owned()
}

/// The session cookie's name, as the server's own helper writes it for
/// this test server (https): whatever the name, the tests follow it.
fn cookie_name() -> String {
    let set = set_cookie(Cookies::for_public_url("https://"), "", Duration::ZERO);
    set.split('=').next().unwrap().to_owned()
}

/// The `Cookie` header that presents the session cookie `value`.
fn cookie_header(value: &str) -> String {
    format!("{}={value}", cookie_name())
}

/// The session cookie an answer sets, if any.
fn set_cookie_value(r: &Response) -> Option<String> {
    let prefix = format!("{}=", cookie_name());
    r.headers
        .get(SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix(prefix.as_str()))
        .map(|v| v.split(';').next().unwrap().to_owned())
}

pub(crate) async fn get(s: &TestServer, path: &str, cookie: Option<&str>) -> Response {
    get_as(s, path, cookie, None).await
}

/// A page as a browser with this `User-Agent` asks for it.
async fn get_as(
    s: &TestServer,
    path: &str,
    cookie: Option<&str>,
    user_agent: Option<&str>,
) -> Response {
    let mut req = browser().get(format!("{}{path}", s.base));
    if let Some(c) = cookie {
        req = req.header(COOKIE, cookie_header(c));
    }
    if let Some(ua) = user_agent {
        req = req.header(reqwest::header::USER_AGENT, ua);
    }
    Response::read(req.send().await.unwrap()).await
}

async fn post_form(s: &TestServer, path: &str, cookie: &str, form: &[(&str, &str)]) -> Response {
    let body: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let r = browser()
        .post(format!("{}{path}", s.base))
        .header(COOKIE, cookie_header(cookie))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    Response::read(r).await
}

/// Opens a link; returns the answer and the session cookie it set.
async fn open(s: &TestServer, path: &str, planted: Option<&str>) -> (Response, Option<String>) {
    let r = get(s, path, planted).await;
    let cookie = set_cookie_value(&r);
    (r, cookie)
}

pub(crate) async fn session(s: &TestServer, user_id: &str) -> String {
    let path = link(s, user_id).await;
    let (r, cookie) = open(s, &path, None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    cookie.expect("a session cookie")
}

pub(crate) fn html(r: &Response) -> &str {
    r.body.as_str().unwrap_or_default()
}

fn location(r: &Response) -> String {
    r.headers[LOCATION].to_str().unwrap().to_owned()
}

async fn portal_link_opens_once_and_expires(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;

    let r = s
        .post("/v1/users/alice/portal-sessions", json!({"locale": "fr"}))
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["expires_at"], "2030-03-17T17:51:40Z");
    let url = r.body["url"].as_str().unwrap();
    let path = url.strip_prefix("https://verify.bank.test").unwrap();
    assert!(
        path.starts_with("/security/open/") && path.len() == 15 + 43,
        "{url}"
    );

    let (r, cookie) = open(&s, path, None).await;
    assert_eq!(r.status, 200);
    let set = r.headers[SET_COOKIE].to_str().unwrap();
    for flag in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/;",
        "Secure",
        "Max-Age=1800",
    ] {
        assert!(set.contains(flag), "{flag} missing: {set}");
    }
    assert_eq!(r.headers["refresh"], "0; url=/security");
    assert_eq!(r.headers["referrer-policy"], "no-referrer");
    assert_eq!(r.headers["cache-control"], "no-store");
    let cookie = cookie.unwrap();
    let page = get(&s, "/security", Some(&cookie)).await;
    assert_eq!(page.status, 200);
    assert!(
        html(&page).contains("Centre de sécurité"),
        "{}",
        html(&page)
    );

    // Single use: the same link again, even with the cookie it gave.
    let (again, none) = open(&s, path, Some(&cookie)).await;
    assert_eq!(again.status, 410);
    assert!(none.is_none());
    // Malformed tokens are the same dead link.
    assert_eq!(get(&s, "/security/open/x%00y", None).await.status, 410);

    // A link not opened within 5 minutes is dead.
    let late = link(&s, "alice").await;
    s.advance(301);
    assert_eq!(open(&s, &late, None).await.0.status, 410);

    // A session idle for 10 minutes is over; so is one past 30 minutes.
    let idle = session(&s, "alice").await;
    s.advance(9 * 60);
    assert_eq!(get(&s, "/security", Some(&idle)).await.status, 200);
    s.advance(9 * 60);
    assert_eq!(get(&s, "/security", Some(&idle)).await.status, 200);
    s.advance(10 * 60 + 1);
    let ended = get(&s, "/security", Some(&idle)).await;
    assert_eq!(ended.status, 401);
    let busy = session(&s, "alice").await;
    for _ in 0..6 {
        s.advance(5 * 60);
        get(&s, "/security", Some(&busy)).await;
    }
    assert_eq!(get(&s, "/security", Some(&busy)).await.status, 401);

    let types = s.event_types("alice").await;
    assert!(
        types.contains(&"portal.session_created".to_owned()),
        "{types:?}"
    );
    assert!(
        types.contains(&"portal.session_opened".to_owned()),
        "{types:?}"
    );

    // Bad requests.
    s.post("/v1/users/nobody/portal-sessions", json!({}))
        .await
        .assert_problem(404, "not_found");
    s.post(
        "/v1/users/alice/portal-sessions",
        json!({"return_url": "https://evil.example/"}),
    )
    .await
    .assert_problem(400, "invalid_return_url");
    s.post(
        "/v1/users/alice/portal-sessions",
        json!({"locale": "no such"}),
    )
    .await
    .assert_problem(400, "invalid_request");
    s.post("/v1/users/alice/portal-sessions", json!({"extra": 1}))
        .await
        .assert_problem(400, "invalid_request");
    let r = s
        .call(
            reqwest::Method::POST,
            "/v1/users/alice/portal-sessions",
            Some(&s.key),
            None,
        )
        .await;
    assert_eq!(
        r.status, 201,
        "an empty body takes the defaults: {}",
        r.body
    );

    // A registered return URL is the "Back to the app" link.
    let r = s
        .call(
            reqwest::Method::PATCH,
            "/v1/service",
            Some(&s.key),
            Some(json!({"return_urls": ["https://bank.test/account"]})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = s
        .post(
            "/v1/users/alice/portal-sessions",
            json!({"return_url": "https://bank.test/account/security", "locale": "en"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let path = r.body["url"]
        .as_str()
        .unwrap()
        .replace("https://verify.bank.test", "");
    let cookie = open(&s, &path, None).await.1.unwrap();
    let page = get(&s, "/security", Some(&cookie)).await;
    assert!(
        html(&page).contains("href=\"https://bank.test/account/security\">Back to the app<"),
        "{}",
        html(&page)
    );

    // Another service's key cannot open a session for this user.
    let other = s.second_service_key().await;
    s.call(
        reqwest::Method::POST,
        "/v1/users/alice/portal-sessions",
        Some(&other),
        Some(json!({})),
    )
    .await
    .assert_problem(404, "not_found");

    // Deleting the user ends their sessions.
    assert!(s.count_rows("portal_sessions").await > 0);
    assert_eq!(s.delete("/v1/users/alice").await.status, 204);
    assert_eq!(s.count_rows("portal_sessions").await, 0);
    assert_eq!(get(&s, "/security", Some(&cookie)).await.status, 401);
}

async fn a_planted_cookie_is_never_adopted(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let planted = new_token();
    let path = link(&s, "alice").await;
    let (r, issued) = open(&s, &path, Some(&planted)).await;
    assert_eq!(r.status, 200);
    let issued = issued.unwrap();
    assert_ne!(issued, planted);
    assert_eq!(get(&s, "/security", Some(&planted)).await.status, 401);
    assert_eq!(get(&s, "/security", Some(&issued)).await.status, 200);
    // No cookie, a junk one: no session either.
    assert_eq!(get(&s, "/security", None).await.status, 401);
    assert_eq!(get(&s, "/security", Some("junk")).await.status, 401);
    // The database holds neither the link token nor the cookie in clear.
    let dump = s.database_dump().await;
    for secret in [&issued, path.trim_start_matches("/security/open/")] {
        assert!(
            !dump.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} stored in clear"
        );
    }
}

async fn changes_need_the_csrf_token_and_the_users_own_factor(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    s.put("/v1/users/bob", json!({"email": "bob@example.com"}))
        .await;
    let bobs = s
        .post("/v1/users/bob/factors", json!({"type": "recovery_codes"}))
        .await;
    let bobs = bobs.body["id"].as_str().unwrap().to_owned();
    let cookie = session(&s, "alice").await;
    let csrf = csrf_token(&cookie);
    let page = get(&s, "/security", Some(&cookie)).await;
    assert!(html(&page).contains(&format!("name=\"csrf\" value=\"{csrf}\"")));

    let factors = s.count_rows("factors").await;
    let events = s.count_rows("events").await;
    let someone_elses = csrf_token(&new_token());
    for path in [
        "/security/totp",
        "/security/recovery-codes",
        "/security/sign-out",
        &format!("/security/methods/{bobs}/remove"),
    ] {
        for form in [
            vec![],
            vec![("csrf", ""), ("code", "1")],
            vec![("csrf", someone_elses.as_str())],
        ] {
            let r = post_form(&s, path, &cookie, &form).await;
            assert_eq!(r.status, 403, "{path} {form:?}");
            assert!(html(&r).contains("Nothing was changed"), "{}", html(&r));
            // Under the service's name, as every page of its session.
            assert!(
                html(&r).contains("<header><a href=\"/security\">Acme Bank security center</a>"),
                "{}",
                html(&r)
            );
        }
    }
    // The JSON calls of the passkey page want the header.
    let r = browser()
        .post(format!("{}/security/webauthn", s.base))
        .header(COOKIE, cookie_header(&cookie))
        .json(&json!({"kind": "passkey"}))
        .send()
        .await
        .unwrap();
    Response::read(r).await.assert_problem(403, "csrf_failed");
    assert_eq!(s.count_rows("factors").await, factors);
    assert_eq!(s.count_rows("events").await, events);
    assert_eq!(get(&s, "/security", Some(&cookie)).await.status, 200);

    // Another user's factor, with the right token: not found, untouched.
    let r = post_form(
        &s,
        &format!("/security/methods/{bobs}/remove"),
        &cookie,
        &[("csrf", csrf.as_str())],
    )
    .await;
    assert_eq!(r.status, 404);
    let r = post_form(
        &s,
        "/security/methods/fac_x/remove",
        &cookie,
        &[("csrf", csrf.as_str())],
    )
    .await;
    assert_eq!(r.status, 404);
    assert_eq!(s.count_rows("factors").await, factors);

    // Signing out ends the session and clears the cookie.
    let r = post_form(
        &s,
        "/security/sign-out",
        &cookie,
        &[("csrf", csrf.as_str())],
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.headers[SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(get(&s, "/security", Some(&cookie)).await.status, 401);
}

/// The challenge of the step-up an answer began: its redirect to the
/// hosted page (with the page's token).
fn step_up_challenge(r: &Response) -> String {
    assert_eq!(r.status, 303, "{}", html(r));
    let to = location(r);
    let (challenge, token) = to
        .strip_prefix("/verify/")
        .and_then(|rest| rest.split_once("?t="))
        .expect(&to);
    assert_eq!(token.len(), 43, "the hosted page's token: {to}");
    challenge.to_owned()
}

/// Back from the hosted page with `cookie`: the answer, and the session
/// cookie it sets.
async fn step_up_done(s: &TestServer, challenge: &str, cookie: &str) -> (Response, Option<String>) {
    let done = format!("/security/step-up/done?challenge_id={challenge}&status=approved");
    let r = get(s, &done, Some(cookie)).await;
    let new = set_cookie_value(&r);
    (r, new)
}

/// Passes the step-up `r` began for a user with no method yet (a `login`
/// challenge: an emailed code is the strongest check they can pass) and
/// comes back; the "Verified" page and the session's new cookie.
async fn pass_first_step_up(s: &TestServer, r: &Response, cookie: &str) -> (Response, String) {
    let challenge = step_up_challenge(r);
    let c = s.get(&format!("/v1/challenges/{challenge}")).await;
    assert_eq!(c.body["purpose"], "login", "{}", c.body);
    let code = s.send(&challenge, "email").await;
    let v = s.verify(&challenge, "email", &code).await;
    assert_eq!(v.body["status"], "approved", "{}", v.body);
    let (done, new) = step_up_done(s, &challenge, cookie).await;
    assert_eq!(done.status, 200, "{}", html(&done));
    (done, new.expect("a new session cookie"))
}

async fn an_authenticator_is_added_and_removed_only_after_a_step_up(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let cookie = session(&s, "alice").await;

    // Adding a way in needs a step-up first (see
    // adding_a_method_needs_a_step_up_that_rotates_the_session).
    let r = post_form(
        &s,
        "/security/totp",
        &cookie,
        &[("csrf", csrf_token(&cookie).as_str())],
    )
    .await;
    let (_, cookie) = pass_first_step_up(&s, &r, &cookie).await;
    let csrf = csrf_token(&cookie);

    // Add an authenticator: the key is shown once, not cached.
    let r = post_form(&s, "/security/totp", &cookie, &[("csrf", csrf.as_str())]).await;
    assert_eq!(r.status, 200, "{}", html(&r));
    assert_eq!(r.headers["cache-control"], "no-store");
    let page = html(&r);
    assert!(page.contains("<svg"), "{page}");
    let secret: String = page
        .split("id=\"totp-secret\" class=\"secret\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .replace(' ', "");
    assert!(page.contains(&format!(
        "href=\"otpauth://totp/Acme%20Bank:alice%40example%2Ecom?secret={secret}&#38;"
    )));
    let id = page
        .split("action=\"/security/totp/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let activate = format!("/security/totp/{id}/activate");
    let wrong = post_form(
        &s,
        &activate,
        &cookie,
        &[("csrf", csrf.as_str()), ("code", "000000")],
    )
    .await;
    assert_eq!(wrong.status, 422);
    assert!(html(&wrong).contains("role=\"alert\""), "{}", html(&wrong));
    assert!(!html(&wrong).contains(&secret));
    let code = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let r = post_form(
        &s,
        &activate,
        &cookie,
        &[("csrf", csrf.as_str()), ("code", code.as_str())],
    )
    .await;
    assert_eq!(r.status, 303, "{}", html(&r));
    assert_eq!(location(&r), "/security?notice=added");

    let page = get(&s, "/security?notice=added", Some(&cookie)).await;
    let text = html(&page);
    for shown in [
        "Authenticator app",
        "Strong",
        "Codes by SMS, call or email",
        "Weaker",
        "a•••@example.com",
        "Not verified",
        "Method added: Authenticator app",
        "Security center opened",
        "role=\"status\"",
    ] {
        assert!(text.contains(shown), "{shown} missing from {text}");
    }
    assert!(!text.contains(&secret));

    // Removing it, once the step-up that allowed adding it is over: first
    // a step-up, and nothing removed yet.
    s.advance(5 * 60);
    let remove = format!("/security/methods/{id}/remove");
    let r = post_form(&s, &remove, &cookie, &[("csrf", csrf.as_str())]).await;
    let challenge = step_up_challenge(&r);
    let c = s.get(&format!("/v1/challenges/{challenge}")).await;
    assert_eq!(c.body["purpose"], "security_change", "{}", c.body);
    assert_eq!(
        s.get("/v1/users/alice/factors")
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let done = format!("/security/step-up/done?challenge_id={challenge}&status=approved");
    assert_eq!(
        get(&s, &done, Some(&cookie)).await.status,
        403,
        "not approved yet"
    );

    // Another session of the same user cannot spend this session's step-up.
    let other = session(&s, "alice").await;

    // The user passes the challenge (the hosted page would do this).
    s.advance(30);
    let code = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    assert_eq!(s.verify(&challenge, "totp", &code).await.status, 200);
    let email = s.send(&challenge, "email").await;
    let v = s.verify(&challenge, "email", &email).await;
    assert_eq!(v.body["status"], "approved", "{}", v.body);

    assert_eq!(get(&s, &done, Some(&other)).await.status, 403);
    let (confirm, rotated) = step_up_done(&s, &challenge, &cookie).await;
    assert_eq!(confirm.status, 200, "{}", html(&confirm));
    assert!(html(&confirm).contains(&format!("action=\"{remove}\"")));
    let cookie = rotated.expect("a new session cookie");
    let csrf = csrf_token(&cookie);
    assert!(
        html(&confirm).contains(&csrf),
        "the form carries the new cookie's token"
    );
    // The approval is spent: it does not step up again.
    assert_eq!(get(&s, &done, Some(&cookie)).await.status, 403);

    let r = post_form(&s, &remove, &cookie, &[("csrf", csrf.as_str())]).await;
    assert_eq!(r.status, 303);
    assert_eq!(location(&r), "/security?notice=removed");
    assert!(s
        .get("/v1/users/alice/factors")
        .await
        .body
        .as_array()
        .unwrap()
        .is_empty());
    let types = s.event_types("alice").await;
    assert!(
        types.ends_with(&["factor.removed".to_owned(), "user.security_hold".to_owned()]),
        "{types:?}"
    );

    // The step-up lasts 5 minutes.
    let r = post_form(
        &s,
        "/security/recovery-codes",
        &cookie,
        &[("csrf", csrf.as_str())],
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["cache-control"], "no-store");
    assert_eq!(html(&r).matches("<li><code>").count(), 10);
    let codes = s.get("/v1/users/alice/factors").await;
    let codes_id = codes.body[0]["id"].as_str().unwrap().to_owned();
    s.advance(5 * 60);
    let r = post_form(
        &s,
        &format!("/security/methods/{codes_id}/remove"),
        &cookie,
        &[("csrf", csrf.as_str())],
    )
    .await;
    assert_eq!(r.status, 303);
    assert!(location(&r).starts_with("/verify/chl_"), "{}", location(&r));
    assert_eq!(
        s.get("/v1/users/alice/factors")
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// The number of a user's factors, through the API.
async fn factor_count(s: &TestServer) -> usize {
    let r = s.get("/v1/users/alice/factors").await;
    r.body.as_array().unwrap().len()
}

/// The passkey page's first JSON call, with the session's CSRF header.
async fn start_passkey(s: &TestServer, cookie: &str) -> Response {
    let r = browser()
        .post(format!("{}/security/webauthn", s.base))
        .header(COOKIE, cookie_header(cookie))
        .header("x-csrf-token", csrf_token(cookie))
        .json(&json!({"kind": "passkey"}))
        .send()
        .await
        .unwrap();
    Response::read(r).await
}

async fn adding_a_method_needs_a_step_up_that_rotates_the_session(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let cookie = session(&s, "alice").await;
    let csrf = csrf_token(&cookie);

    // Without a fresh step-up, nothing is added: each way in starts one.
    let r = post_form(
        &s,
        "/security/recovery-codes",
        &cookie,
        &[("csrf", csrf.as_str())],
    )
    .await;
    step_up_challenge(&r);
    let page = get(&s, "/security/webauthn?kind=passkey", Some(&cookie)).await;
    assert_eq!(page.status, 200);
    assert!(
        html(&page).contains("action=\"/security/step-up\""),
        "{}",
        html(&page)
    );
    assert!(
        !html(&page).contains("webauthn-add"),
        "no ceremony before the step-up"
    );
    start_passkey(&s, &cookie)
        .await
        .assert_problem(403, "step_up_required");
    let r = post_form(
        &s,
        "/security/step-up",
        &cookie,
        &[("csrf", csrf.as_str()), ("for", "passkey")],
    )
    .await;
    let superseded = step_up_challenge(&r);
    for junk in ["device", "totp", ""] {
        let r = post_form(
            &s,
            "/security/step-up",
            &cookie,
            &[("csrf", csrf.as_str()), ("for", junk)],
        )
        .await;
        assert_eq!(r.status, 404, "{junk}");
    }
    let r = post_form(&s, "/security/totp", &cookie, &[("csrf", csrf.as_str())]).await;
    assert!(!html(&r).contains("totp-secret"));
    assert_eq!(factor_count(&s).await, 0, "nothing added before a step-up");

    // A step-up the session began before, since replaced by another, does
    // not count even once approved.
    let code = s.send(&superseded, "email").await;
    s.verify(&superseded, "email", &code).await;
    let (refused, none) = step_up_done(&s, &superseded, &cookie).await;
    assert_eq!(refused.status, 403);
    assert!(none.is_none());

    // Passed: the session answers to a new cookie only, and the user goes
    // on with what they asked for (a POST: a GET changes nothing).
    let (verified, new) = pass_first_step_up(&s, &r, &cookie).await;
    assert_ne!(new, cookie);
    let set = verified.headers[SET_COOKIE].to_str().unwrap();
    for flag in ["HttpOnly", "SameSite=Strict", "Secure"] {
        assert!(set.contains(flag), "{flag} missing: {set}");
    }
    assert!(
        html(&verified).contains("action=\"/security/totp\""),
        "{}",
        html(&verified)
    );
    assert!(html(&verified).contains(&csrf_token(&new)));
    assert!(!html(&verified).contains(&csrf));
    assert_eq!(get(&s, "/security", Some(&cookie)).await.status, 401);
    let r = post_form(&s, "/security/totp", &cookie, &[("csrf", csrf.as_str())]).await;
    assert_eq!(r.status, 401, "the old cookie changes nothing");
    let r = post_form(&s, "/security/totp", &new, &[("csrf", csrf.as_str())]).await;
    assert_eq!(r.status, 403, "nor does the old cookie's CSRF token");
    let cookie = new;
    let csrf = csrf_token(&cookie);
    let r = post_form(&s, "/security/totp", &cookie, &[("csrf", csrf.as_str())]).await;
    assert_eq!(r.status, 200, "{}", html(&r));
    assert!(html(&r).contains("id=\"totp-secret\""));
    let started = start_passkey(&s, &cookie).await;
    assert_eq!(started.status, 201, "{}", started.body);
    let page = get(&s, "/security/webauthn?kind=passkey", Some(&cookie)).await;
    assert!(html(&page).contains("webauthn-add"), "{}", html(&page));

    // For 5 minutes only.
    s.advance(5 * 60);
    let r = post_form(
        &s,
        "/security/recovery-codes",
        &cookie,
        &[("csrf", csrf.as_str())],
    )
    .await;
    step_up_challenge(&r);
    start_passkey(&s, &cookie)
        .await
        .assert_problem(403, "step_up_required");
    assert!(!s
        .get("/v1/users/alice/factors")
        .await
        .body
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["status"] == "active"));
}

/// The ids of the sessions a security-center page lists.
fn listed_sessions(page: &Response) -> Vec<String> {
    html(page)
        .split("data-session=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect()
}

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const CHROME_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

/// A session of `user_id` opened by a browser with this `User-Agent`.
async fn session_as(s: &TestServer, user_id: &str, user_agent: &str) -> String {
    let path = link(s, user_id).await;
    let r = get_as(s, &path, None, Some(user_agent)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    set_cookie_value(&r).expect("a session cookie")
}

/// The status of `/security` on the server at `base`, with `cookie`.
async fn security_at(base: &str, cookie: &str) -> u16 {
    let r = browser()
        .get(format!("{base}/security"))
        .header(COOKIE, cookie_header(cookie))
        .send()
        .await
        .unwrap();
    r.status().as_u16()
}

async fn the_security_center_lists_and_ends_sessions(backend: Backend) {
    let mut s = TestServer::start(backend).await;
    s.alice("alice").await;
    s.put("/v1/users/bob", json!({"email": "bob@example.com"}))
        .await;
    let mine = session_as(&s, "alice", FIREFOX).await;
    s.advance(10);
    let phone = session_as(&s, "alice", CHROME_ANDROID).await;
    s.advance(10);
    let third = session_as(&s, "alice", FIREFOX).await;
    let bobs = session_as(&s, "bob", FIREFOX).await;
    let csrf = csrf_token(&mine);

    // Listed: each live session, this one marked, with its browser, coarse
    // address and times; the others each with a button that ends it.
    s.advance(60);
    let page = get(&s, "/security", Some(&mine)).await;
    let text = html(&page);
    for shown in [
        "This session",
        "Firefox on Linux",
        "Chrome on Android",
        "127.0.0.0/24",
        "action=\"/security/sessions/end-others\"",
    ] {
        assert!(text.contains(shown), "{shown} missing from {text}");
    }
    let list = text
        .split("id=\"sessions-title\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .unwrap();
    assert!(!list.contains("127.0.0.1"), "the full address is not shown");
    assert!(!text.contains("Mozilla/5.0"), "nor the raw User-Agent");
    let listed = listed_sessions(&page);
    assert_eq!(listed.len(), 3, "{listed:?}");
    // The latest used first: this one, then the third, the phone.
    let (this, third_id, phone_id) = (&listed[0], &listed[1], &listed[2]);
    assert_eq!(text.matches("action=\"/security/sessions/").count(), 3);
    assert!(!text.contains(&format!("/security/sessions/{this}/end")));
    let bob_page = get(&s, "/security", Some(&bobs)).await;
    let bob_id = listed_sessions(&bob_page).remove(0);
    assert!(
        !listed.contains(&bob_id),
        "another user's sessions are not listed"
    );

    // Ending one needs the CSRF token, and ends only the user's own.
    let end_phone = format!("/security/sessions/{phone_id}/end");
    let r = post_form(&s, &end_phone, &mine, &[("csrf", "")]).await;
    assert_eq!(r.status, 403);
    assert_eq!(get(&s, "/security", Some(&phone)).await.status, 200);
    let r = post_form(
        &s,
        &format!("/security/sessions/{bob_id}/end"),
        &mine,
        &[("csrf", csrf.as_str())],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(get(&s, "/security", Some(&bobs)).await.status, 200);
    // With several server processes (PostgreSQL), another one serves the
    // phone's session until it is ended, and not a request longer.
    let elsewhere = match backend {
        Backend::Postgres => Some(s.another_process().await),
        Backend::Sqlite => None,
    };
    if let Some(base) = &elsewhere {
        assert_eq!(security_at(base, &phone).await, 200);
    }
    let r = post_form(&s, &end_phone, &mine, &[("csrf", csrf.as_str())]).await;
    assert_eq!(r.status, 303);
    assert_eq!(location(&r), "/security?notice=session_ended");
    // Ended at once: its cookie gets the "session ended" page.
    let ended = get(&s, "/security", Some(&phone)).await;
    assert_eq!(ended.status, 401);
    if let Some(base) = &elsewhere {
        assert_eq!(security_at(base, &phone).await, 401);
        assert_eq!(security_at(base, &mine).await, 200);
    }
    assert!(
        html(&ended).contains("Your session has ended"),
        "{}",
        html(&ended)
    );
    let page = get(&s, "/security?notice=session_ended", Some(&mine)).await;
    assert!(html(&page).contains("that session was ended"));
    assert!(!listed_sessions(&page).contains(phone_id));

    // After a security change, the page that confirms it offers to end the
    // other sessions.
    let changed = get(&s, "/security?notice=added", Some(&mine)).await;
    assert!(
        html(&changed).contains("id=\"end-others\""),
        "{}",
        html(&changed)
    );
    let quiet = get(&s, "/security", Some(&mine)).await;
    assert!(!html(&quiet).contains("id=\"end-others\""));
    let r = post_form(&s, "/security/sessions/end-others", &mine, &[]).await;
    assert_eq!(r.status, 403);
    assert_eq!(get(&s, "/security", Some(&third)).await.status, 200);
    // A link handed out and not opened yet ends with them.
    let unopened = link(&s, "alice").await;
    let r = post_form(
        &s,
        "/security/sessions/end-others",
        &mine,
        &[("csrf", csrf.as_str())],
    )
    .await;
    assert_eq!(location(&r), "/security?notice=others_ended");
    assert_eq!(get(&s, "/security", Some(&third)).await.status, 401);
    assert_eq!(open(&s, &unopened, None).await.0.status, 410);
    assert_eq!(get(&s, "/security", Some(&mine)).await.status, 200);
    assert_eq!(get(&s, "/security", Some(&bobs)).await.status, 200);
    let page = get(&s, "/security?notice=added", Some(&mine)).await;
    assert_eq!(listed_sessions(&page), [this.as_str()]);
    assert!(
        !html(&page).contains("id=\"end-others\""),
        "nothing left to end"
    );
    assert!(!html(&page).contains(third_id));

    // Each session ended is recorded, and shown in the activity.
    let events = s.get("/v1/users/alice/events?limit=200").await;
    let revoked: Vec<&serde_json::Value> = events
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "portal.session_revoked")
        .collect();
    assert_eq!(revoked.len(), 3, "{revoked:?}");
    assert!(revoked
        .iter()
        .all(|e| e["detail"]["by_session"] == this.as_str()));
    assert!(html(&page).contains("Security center session ended"));
}

on_both_backends!(
    portal_link_opens_once_and_expires,
    a_planted_cookie_is_never_adopted,
    changes_need_the_csrf_token_and_the_users_own_factor,
    an_authenticator_is_added_and_removed_only_after_a_step_up,
    adding_a_method_needs_a_step_up_that_rotates_the_session,
    the_security_center_lists_and_ends_sessions
);
