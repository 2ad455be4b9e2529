//! Text from outside, on every page, as text and never as markup: a
//! service's name, a user's display name, a method's label, an article's
//! title and body, a payment's payee and destination, a search, the
//! address's own parameters. The pages are askama templates that escape
//! whatever they are given; this checks it through the real server.

use serde_json::json;

use crate::harness::{Backend, TestServer};
use crate::hosted::{form, open, page as hosted_page, register_return_url, BACK};
use crate::on_both_backends;
use crate::portal::{get as portal_get, html, session};

/// Closes a quoted attribute, opens a script, an element with a handler,
/// and carries an entity that must not be decoded twice; 61 characters,
/// within every limit (a payee's is 64).
const HOSTILE: &str = r#"<script>alert(1)</script>"'><img src=x onerror=alert(2)>&amp;"#;

/// `HOSTILE` as the pages show it.
fn escaped() -> String {
    HOSTILE
        .replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// Nothing of `HOSTILE` reached the page as markup.
fn assert_inert(page: &str, html: &str) {
    for raw in ["<script>alert", "<img src=x", "onerror=alert(2)>", "\"'>"] {
        assert!(!html.contains(raw), "{page}: {raw:?} unescaped in\n{html}");
    }
}

/// `HOSTILE` is on the page, escaped.
fn assert_shown(page: &str, html: &str) {
    assert_inert(page, html);
    assert!(
        html.contains(&escaped()),
        "{page}: the text is shown, escaped:\n{html}"
    );
}

async fn hostile_text_is_shown_as_text_on_every_page(b: Backend) {
    let mut s = TestServer::start(b).await;
    let (service, key) =
        countersign_app::admin::create_service(s.state.store.as_ref(), HOSTILE, s.state.now())
            .await
            .unwrap();
    s.key = key;
    s.service_id = service.id.to_string();
    let svc = s.service_id.clone();
    register_return_url(&s).await;
    let r = s
        .put(
            "/v1/users/alice",
            json!({"phone": "+33 6 12 34 56 89", "email": "alice@example.com", "display_name": HOSTILE}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let f =
        crate::factors::enrol_totp(&s, "alice", json!({"type": "totp", "label": HOSTILE})).await;
    let secret = f["secret"].as_str().unwrap();
    let code = crate::factors::oathtool_totp(secret, crate::factors::now_secs(&s), "SHA1", 6, 30);
    let r = crate::factors::activate(&s, "alice", f["id"].as_str().unwrap(), &code).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = s
        .put(
            "/v1/help/articles/en/hostile",
            json!({"title": HOSTILE, "category": "faq", "body": HOSTILE}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);

    // The landing page lists the service's help center by name.
    let (status, _, landing) = crate::help::page(&s, "/", "en").await;
    assert_eq!(status, 200);
    assert_shown("landing", &landing);
    // The help center: the service's name, the article's title.
    let (status, _, center) = crate::help::page(&s, &format!("/help/{svc}?lang=en"), "").await;
    assert_eq!(status, 200);
    assert_shown("help center", &center);
    // A search for the text itself: echoed in the box and the heading.
    let search: String = form_urlencoded::byte_serialize(HOSTILE.as_bytes()).collect();
    let (status, _, found) =
        crate::help::page(&s, &format!("/help/{svc}?lang=en&q={search}"), "").await;
    assert_eq!(status, 200);
    assert_shown("help search", &found);
    let (status, _, article) =
        crate::help::page(&s, &format!("/help/{svc}/hostile?lang=en"), "").await;
    assert_eq!(status, 200);
    assert_shown("help article", &article);
    let (status, _, missing) =
        crate::help::page(&s, &format!("/help/{search}/{search}?lang={search}"), "").await;
    assert_eq!(status, 404);
    assert_inert("help 404", &missing);

    // The hosted page: the service in the lead, the payment's payee and
    // destination; after a wrong code; with hostile parameters.
    let h = open(
        &s,
        json!({"user_id": "alice", "purpose": "withdrawal", "return_url": BACK,
               "context": {"transaction": {"amount": "125.00", "currency": "EUR", "payee": HOSTILE, "destination": HOSTILE}}}),
    )
    .await;
    let (status, verify) = hosted_page(&s, &h, "?lang=en").await;
    assert_eq!(status, 200);
    assert_shown("hosted page", &verify);
    assert!(
        verify.matches(&escaped()).count() >= 3,
        "the service, the payee and the destination: {verify}"
    );
    let (_, odd) = hosted_page(&s, &h, &format!("?lang={search}&with={search}")).await;
    assert_shown("hosted page, odd parameters", &odd);
    let r = form(
        &s,
        &h,
        "/code?lang=en",
        &[("method", "totp"), ("code", "000000")],
    )
    .await;
    assert_eq!(r.status(), 422);
    assert_shown("hosted page, wrong code", &r.text().await.unwrap());
    let r = form(&s, &h, "/cancel?lang=en", &[]).await;
    assert_eq!(r.status(), 303);
    let (_, over) = hosted_page(&s, &h, "?lang=en").await;
    assert_shown("hosted page, cancelled", &over);

    // The security center: the service's name and the method's label.
    let cookie = session(&s, "alice").await;
    let r = portal_get(&s, "/security", Some(&cookie)).await;
    assert_eq!(r.status, 200);
    assert_shown("security center", html(&r));
    assert!(
        html(&r).matches(&escaped()).count() >= 3,
        "the service, the label and the button's name: {}",
        html(&r)
    );
    for path in [
        "/security/webauthn?kind=passkey".to_owned(),
        format!("/security/webauthn?kind={search}"),
        format!("/security/open/{search}"),
    ] {
        let r = portal_get(&s, &path, Some(&cookie)).await;
        assert_inert(&path, html(&r));
    }

    // The support center's pages take nothing but the language.
    for path in ["/support", "/support/join", "/support/check-agent"] {
        let (status, _, support) =
            crate::help::page(&s, &format!("{path}?lang={search}"), "").await;
        assert_eq!(status, 200);
        assert_inert(path, &support);
    }
}

on_both_backends!(hostile_text_is_shown_as_text_on_every_page);
