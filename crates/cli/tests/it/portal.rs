//! The security center, through portal sessions: the one-time link, the
//! session cookie and its flags, session fixation, CSRF, another user's
//! factor, adding an authenticator, and removing it only after a step-up.

use countersign_core::portal::{csrf_token, new_token};
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

async fn get(s: &TestServer, path: &str, cookie: Option<&str>) -> Response {
    let mut req = browser().get(format!("{}{path}", s.base));
    if let Some(c) = cookie {
        req = req.header(COOKIE, format!("__Host-cs_portal={c}"));
    }
    Response::read(req.send().await.unwrap()).await
}

async fn post_form(s: &TestServer, path: &str, cookie: &str, form: &[(&str, &str)]) -> Response {
    let body: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let r = browser()
        .post(format!("{}{path}", s.base))
        .header(COOKIE, format!("__Host-cs_portal={cookie}"))
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
    let cookie = r
        .headers
        .get(SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("__Host-cs_portal="))
        .map(|v| v.split(';').next().unwrap().to_owned());
    (r, cookie)
}

async fn session(s: &TestServer, user_id: &str) -> String {
    let path = link(s, user_id).await;
    let (r, cookie) = open(s, &path, None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    cookie.expect("a session cookie")
}

fn html(r: &Response) -> &str {
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
        }
    }
    // The JSON calls of the passkey page want the header.
    let r = browser()
        .post(format!("{}/security/webauthn", s.base))
        .header(COOKIE, format!("__Host-cs_portal={cookie}"))
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

async fn an_authenticator_is_added_and_removed_only_after_a_step_up(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let cookie = session(&s, "alice").await;
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
        "href=\"otpauth://totp/Acme%20Bank:alice%40example%2Ecom?secret={secret}&amp;"
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

    // Removing it: first a step-up, and nothing removed yet.
    let remove = format!("/security/methods/{id}/remove");
    let r = post_form(&s, &remove, &cookie, &[("csrf", csrf.as_str())]).await;
    assert_eq!(r.status, 303);
    let to = location(&r);
    let (challenge, token) = to
        .strip_prefix("/verify/")
        .and_then(|rest| rest.split_once("?t="))
        .expect(&to);
    assert_eq!(token.len(), 43, "the hosted page's token: {to}");
    let challenge = challenge.to_owned();
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
    let confirm = get(&s, &done, Some(&cookie)).await;
    assert_eq!(confirm.status, 200, "{}", html(&confirm));
    assert!(html(&confirm).contains(&format!("action=\"{remove}\"")));
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

on_both_backends!(
    portal_link_opens_once_and_expires,
    a_planted_cookie_is_never_adopted,
    changes_need_the_csrf_token_and_the_users_own_factor,
    an_authenticator_is_added_and_removed_only_after_a_step_up
);
