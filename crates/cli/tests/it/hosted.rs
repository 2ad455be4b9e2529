//! The hosted verification page over plain HTTP, as a browser without
//! JavaScript uses it: forms, redirects, errors in words, the return to the
//! integrator's registered URL and nowhere else.

use serde_json::json;

use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

pub(crate) const BACK: &str = "https://bank.example/verified";

/// A client that shows redirects instead of following them.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn with_return_url(b: Backend) -> TestServer {
    let s = TestServer::start(b).await;
    register_return_url(&s).await;
    s.alice("alice").await;
    s
}

/// Registers [`BACK`] as the service's return URL.
pub(crate) async fn register_return_url(s: &TestServer) {
    let r = s
        .call(
            reqwest::Method::PATCH,
            "/v1/service",
            Some(&s.key),
            Some(json!({"return_urls": [BACK]})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

/// A challenge's hosted page, as a browser holds it after the first visit.
pub(crate) struct Hosted {
    pub(crate) id: String,
    /// The page token from `hosted_url`, sent back as the page's cookie.
    token: String,
}

pub(crate) async fn open(s: &TestServer, body: serde_json::Value) -> Hosted {
    let r = s.post("/v1/challenges", body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    let url = r.body["hosted_url"].as_str().unwrap();
    let token = url
        .strip_prefix(&format!("https://verify.bank.test/verify/{id}?t="))
        .unwrap()
        .to_owned();
    Hosted { id, token }
}

impl Hosted {
    pub(crate) fn cookie(&self) -> String {
        format!("__Host-cs_verify_{}={}", self.id, self.token)
    }
}

/// GETs the page (`rest`: `?lang=en`…) with the page's cookie.
pub(crate) async fn page(s: &TestServer, h: &Hosted, rest: &str) -> (u16, String) {
    let r = browser()
        .get(format!("{}/verify/{}{rest}", s.base, h.id))
        .header("cookie", h.cookie())
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// POSTs one of the page's forms (`action`: `/send?lang=en`…).
pub(crate) async fn form(
    s: &TestServer,
    h: &Hosted,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    browser()
        .post(format!("{}/verify/{}{action}", s.base, h.id))
        .header("cookie", h.cookie())
        .form(fields)
        .send()
        .await
        .unwrap()
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_owned()
}

async fn a_code_typed_on_the_page_returns_to_the_integrator(b: Backend) {
    let s = with_return_url(b).await;
    let h = open(
        &s,
        json!({"user_id": "alice", "purpose": "login", "return_url": format!("{BACK}?order=42")}),
    )
    .await;
    let id = h.id.clone();
    // The link opens the page once: the token moves into a cookie for this
    // page only, and the address loses it.
    let r = browser()
        .get(format!("{}/verify/{id}?t={}&lang=en", s.base, h.token))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/verify/{id}?lang=en"));
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert_eq!(
        cookie,
        format!(
            "__Host-cs_verify_{id}={}; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure",
            h.token
        )
    );
    // Without it, or with the challenge id alone, the page does not open.
    let (status, _) = page(
        &s,
        &Hosted {
            id: id.clone(),
            token: id.clone(),
        },
        "",
    )
    .await;
    assert_eq!(status, 404);
    let r = browser()
        .get(format!("{}/verify/{id}", s.base))
        .header("cookie", h.cookie())
        .send()
        .await
        .unwrap();
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("form-action 'self' https://bank.example;"),
        "the verify form may redirect to the integrator, nowhere else: {csp}"
    );
    let (status, html) = page(&s, &h, "").await;
    assert_eq!(status, 200);
    assert!(html.contains("Acme Bank asks you to sign in."), "{html}");
    assert!(html.contains("Text me a code"), "{html}");
    assert!(!html.contains("+33612345689"), "destinations are masked");

    let r = form(&s, &h, "/send?lang=en", &[("channel", "sms")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/verify/{id}?with=sms&lang=en"));
    let (_, html) = page(&s, &h, "?with=sms&lang=en").await;
    assert!(
        html.contains("Enter the code sent to +33\u{a0}6\u{a0}••\u{a0}••\u{a0}••\u{a0}89"),
        "{html}"
    );
    assert!(
        html.contains("You can ask for a new code in 0:30."),
        "{html}"
    );
    assert!(html.contains("Didn&#39;t receive the code?"), "{html}");

    let r = form(
        &s,
        &h,
        "/code?lang=en",
        &[("method", "sms"), ("code", "000000")],
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("That code is not right. Attempts left: 4."),
        "{html}"
    );

    let code = s.received_code("sms").await;
    let r = form(
        &s,
        &h,
        "/code?lang=en",
        &[("method", "sms"), ("code", &code)],
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        location(&r),
        format!("{BACK}?order=42&challenge_id={id}&status=approved")
    );
    assert_eq!(
        s.get(&format!("/v1/challenges/{id}")).await.body["status"],
        "approved"
    );
    // Afterwards the page says so, with the way back.
    let (_, html) = page(&s, &h, "?lang=en").await;
    assert!(html.contains("You&#39;re verified."), "{html}");
}

/// Two steps (a withdrawal: authenticator AND a code), a payment shown, in
/// French, and "call me instead" only after the cooldown.
async fn a_withdrawal_in_french_with_call_me_instead(b: Backend) {
    let s = with_return_url(b).await;
    s.put("/v1/users/alice", json!({"locale": "fr-FR"})).await;
    let (_, secret) = crate::factors::active_totp(&s, "alice").await;
    let h = open(
        &s,
        json!({"user_id": "alice", "purpose": "withdrawal", "return_url": BACK,
               "context": {"transaction": {"amount": "125.00", "currency": "EUR", "payee": "Alice <Martin>"}}}),
    )
    .await;
    let id = h.id.clone();
    let (_, html) = page(&s, &h, "").await;
    assert!(
        html.contains("<html lang=\"fr\" dir=\"ltr\">"),
        "the user's language"
    );
    assert!(
        html.contains("Acme Bank vous demande d&#39;approuver un retrait."),
        "{html}"
    );
    assert!(html.contains("125.00 EUR"), "{html}");
    assert!(
        html.contains("Alice &#60;Martin&#62;"),
        "the payee is escaped: {html}"
    );

    s.advance(30);
    let code = crate::factors::oathtool_totp(&secret, crate::factors::now_secs(&s), "SHA1", 6, 30);
    let r = form(&s, &h, "/code", &[("method", "totp"), ("code", &code)]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        location(&r),
        format!("/verify/{id}?lang=fr"),
        "one more step"
    );
    let (_, html) = page(&s, &h, "?lang=fr").await;
    assert!(html.contains("Encore une étape"), "{html}");

    let r = form(&s, &h, "/send?lang=fr", &[("channel", "sms")]).await;
    assert_eq!(r.status(), 303);
    let r = form(&s, &h, "/send?lang=fr", &[("channel", "voice")]).await;
    assert_eq!(r.status(), 429, "not before the cooldown");
    assert!(r.text().await.unwrap().contains("Patientez un peu"));
    s.advance(31);
    let r = form(&s, &h, "/send?lang=fr", &[("channel", "voice")]).await;
    assert_eq!(r.status(), 303);
    let code = s.received_code("voice").await;
    let r = form(
        &s,
        &h,
        "/code?lang=fr",
        &[("method", "voice"), ("code", &code)],
    )
    .await;
    assert_eq!(r.status(), 303);
    // The authenticator was added just now: the withdrawal is held.
    assert_eq!(
        location(&r),
        format!("{BACK}?challenge_id={id}&status=held")
    );
}

/// Never an open redirect; never a form from another site; no hint about
/// which ids exist.
async fn the_page_cannot_be_turned_against_the_user(b: Backend) {
    let s = with_return_url(b).await;
    for evil in [
        "https://evil.example/verified",
        "https://bank.example/verified.evil.example",
        "https://bank.example.evil.example/verified",
        "javascript:alert(1)",
        "/relative",
    ] {
        let r = s
            .post(
                "/v1/challenges",
                json!({"user_id": "alice", "purpose": "login", "return_url": evil}),
            )
            .await;
        r.assert_problem(400, "invalid_return_url");
    }
    assert_eq!(s.count_rows("challenges").await, 0, "nothing was written");
    let r = s
        .call(
            reqwest::Method::PATCH,
            "/v1/service",
            Some(&s.key),
            Some(json!({"return_urls": ["http://bank.example/"]})),
        )
        .await;
    r.assert_problem(400, "invalid_request");
    assert_eq!(r.body["field"], "return_urls");

    let h = open(&s, json!({"user_id": "alice", "purpose": "login"})).await;
    let id = h.id.clone();
    let r = browser()
        .post(format!("{}/verify/{id}/send", s.base))
        .header("cookie", h.cookie())
        .header("origin", "https://evil.example")
        .form(&[("channel", "sms")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert!(s.phone.all().is_empty(), "nothing was sent");
    // Without a return URL the user stays on the page, which says the outcome.
    let r = form(&s, &h, "/cancel?lang=en", &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/verify/{id}?lang=en"));
    let (_, html) = page(&s, &h, "?lang=en").await;
    assert!(html.contains("This verification was cancelled."));

    for unknown in [
        "chl_00000000000000000000000000000000",
        "nope",
        "chl_'%3Cscript%3E",
    ] {
        let other = Hosted {
            id: unknown.to_owned(),
            token: h.token.clone(),
        };
        let (status, html) = page(&s, &other, "").await;
        assert_eq!(status, 404, "{unknown}");
        assert!(html.contains("This link is not valid"), "{html}");
    }
    let other = Hosted {
        id: "chl_00000000000000000000000000000000".into(),
        token: h.token.clone(),
    };
    let r = form(&s, &other, "/code", &[("method", "sms"), ("code", "1")]).await;
    assert_eq!(r.status(), 404);
}

on_both_backends!(
    a_code_typed_on_the_page_returns_to_the_integrator,
    a_withdrawal_in_french_with_call_me_instead,
    the_page_cannot_be_turned_against_the_user,
);
