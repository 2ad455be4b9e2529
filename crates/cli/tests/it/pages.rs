//! The pages as a user sees them from outside: a header that names where
//! they are, an HTML page (in their language) for an address that leads
//! nowhere or a request a page refuses while the API keeps answering
//! problem+json, the support center's
//! way to the help centers, the help list's dates and views, and masked
//! phone numbers that never break across lines.

use serde_json::json;

use crate::harness::{Backend, TestServer};
use crate::help::page;
use crate::on_both_backends;

on_both_backends!(
    every_page_names_where_the_user_is,
    unknown_addresses_get_a_page_and_the_api_problem_json,
    the_support_center_leads_to_the_help_centers,
    the_help_list_shows_dates_and_views,
    a_masked_phone_number_stays_on_one_line
);

/// The page's `<header>`.
pub(crate) fn header(html: &str) -> &str {
    let start = html.find("<header>").expect("a header");
    let end = html.find("</header>").expect("a header");
    &html[start..end + "</header>".len()]
}

/// A hosted verification page for a new challenge of alice's, as a
/// browser sees it after following the link (`rest`: `?lang=en`…).
async fn hosted_page(s: &TestServer, rest: &str) -> (u16, String) {
    let h = crate::hosted::open(s, json!({"user_id": "alice", "purpose": "login"})).await;
    crate::hosted::page(s, &h, rest).await
}

async fn every_page_names_where_the_user_is(b: Backend) {
    let s = TestServer::start(b).await;
    let svc = s.service_id.clone();
    s.alice("alice").await;

    let (_, _, html) = page(&s, "/", "en").await;
    assert_eq!(
        header(&html),
        "<header><a href=\"/?lang=en\">Help and support</a></header>"
    );
    for path in ["/support", "/support/join", "/support/check-agent"] {
        let (status, _, html) = page(&s, path, "en").await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(
            header(&html),
            "<header><a href=\"/support?lang=en\">Support center</a></header>",
            "{path}"
        );
    }
    let help_header =
        format!("<header><a href=\"/help/{svc}?lang=en\">Acme Bank help center</a></header>");
    for path in [
        format!("/help/{svc}"),
        format!("/help/{svc}/sms-code-not-received"),
    ] {
        let (status, _, html) = page(&s, &path, "en").await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(header(&html), help_header, "{path}");
    }
    let (_, _, html) = page(&s, &format!("/help/{svc}"), "fr").await;
    assert_eq!(
        header(&html),
        format!("<header><a href=\"/help/{svc}?lang=fr\">Centre d&#39;aide Acme Bank</a></header>")
    );

    // The hosted verification page names the service asking, and leads
    // nowhere else.
    let (status, html) = hosted_page(&s, "?lang=en").await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(
        header(&html),
        "<header><span>Secure verification for Acme Bank</span></header>"
    );
    let (status, html) = hosted_page(&s, "?lang=fr").await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(
        header(&html),
        "<header><span>Vérification sécurisée pour Acme Bank</span></header>"
    );
    let (status, _, html) = page(&s, "/verify/chl_unknown?lang=en", "").await;
    assert_eq!(status, 404);
    assert_eq!(
        header(&html),
        "<header><span>Secure verification</span></header>"
    );

    // The security center, with and without a session.
    let cookie = crate::portal::session(&s, "alice").await;
    let r = crate::portal::get(&s, "/security", Some(&cookie)).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        header(crate::portal::html(&r)),
        "<header><a href=\"/security\">Acme Bank security center</a></header>"
    );
    let r = crate::portal::get(&s, "/security", None).await;
    assert_eq!(r.status, 401);
    assert_eq!(
        header(crate::portal::html(&r)),
        "<header><a href=\"/security\">Security center</a></header>"
    );
}

async fn unknown_addresses_get_a_page_and_the_api_problem_json(b: Backend) {
    let s = TestServer::start(b).await;
    let svc = s.service_id.clone();

    // `/` is a page (the landing page), never JSON, for a browser.
    let (status, ct, html) = page(&s, "/", "en").await;
    assert_eq!((status, ct.as_str()), (200, "text/html; charset=utf-8"));
    assert!(html.contains("<h1>Help and support</h1>"), "{html}");

    // An unknown address, `/help` without a service, an unknown help
    // center or article: the same page, in the browser's language.
    let (status, ct, missing) = page(&s, "/nothing-here", "en-GB").await;
    assert_eq!((status, ct.as_str()), (404, "text/html; charset=utf-8"));
    assert!(missing.contains("<h1>Page not found</h1>"), "{missing}");
    assert!(
        missing.contains("<a class=\"button\" href=\"/?lang=en\">Go to help and support</a>"),
        "{missing}"
    );
    for path in [
        "/help".to_owned(),
        "/help/".to_owned(),
        "/support/nothing".to_owned(),
        "/assets/nothing.js".to_owned(),
        "/help/svc_unknown".to_owned(),
        format!("/help/{svc}/no-such-article"),
    ] {
        let (status, ct, html) = page(&s, &path, "en").await;
        assert_eq!(
            (status, ct.as_str()),
            (404, "text/html; charset=utf-8"),
            "{path}"
        );
        assert_eq!(html, missing, "{path}");
    }
    let (status, _, html) = page(&s, "/nothing-here", "fr-FR,fr;q=0.9").await;
    assert_eq!(status, 404);
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("<h1>Page introuvable</h1>"), "{html}");
    let (_, _, html) = page(&s, "/help?lang=fr", "en").await;
    assert!(html.contains("<h1>Page introuvable</h1>"), "{html}");

    // An unknown verification link: its own page, in words.
    let (status, ct, html) = page(&s, "/verify/chl_unknown", "en").await;
    assert_eq!((status, ct.as_str()), (404, "text/html; charset=utf-8"));
    assert!(html.contains("<h1>Verification not found</h1>"), "{html}");

    // The API, and the operator's /metrics on the API's listener, keep
    // answering problem+json.
    for path in [
        "/v1/nothing-here",
        "/v1",
        "/v1/help/nothing/at/all",
        "/metrics",
    ] {
        let r = s
            .http
            .get(format!("{}{path}", s.base))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(
            r.headers()["content-type"],
            "application/problem+json",
            "{path}"
        );
        let body: serde_json::Value = r.json().await.unwrap();
        assert_eq!(body["code"], "not_found", "{path}");
    }

    // A wrong method on a page's address is a page too (405, in the
    // browser's language); on the API's, problem+json.
    for path in ["/support", "/", "/help/x/y"] {
        let r = s
            .http
            .post(format!("{}{path}", s.base))
            .header("accept-language", "de")
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        assert_eq!(
            r.headers()["content-type"],
            "text/html; charset=utf-8",
            "{path}"
        );
        let html = r.text().await.unwrap();
        assert_eq!(status, 405, "{path}: {html}");
        assert!(html.contains("<html lang=\"de\""), "{path}: {html}");
        assert!(
            html.contains("Diese Seite konnte die Anfrage nicht bearbeiten."),
            "{path}: {html}"
        );
    }
    // A form a page cannot read: a page with the status that says why.
    let r = s
        .http
        .post(format!("{}/verify/chl_unknown/code?lang=fr", s.base))
        .header("content-type", "text/plain")
        .body("code=123456")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 415);
    assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
    let html = r.text().await.unwrap();
    assert!(
        html.contains("pas pu traiter cette demande. Revenez en arrière"),
        "{html}"
    );
    s.call(reqwest::Method::PUT, "/v1/service/keys", Some(&s.key), None)
        .await
        .assert_problem(405, "method_not_allowed");
}

async fn the_support_center_leads_to_the_help_centers(b: Backend) {
    let s = TestServer::start(b).await;
    let svc = s.service_id.clone();
    let (status, _, html) = page(&s, "/support", "en").await;
    assert_eq!(status, 200);
    let link = format!("<a href=\"/help/{svc}?lang=en\"><strong>Acme Bank</strong>");
    assert!(html.contains(&link), "{html}");
    let (status, _, help) = page(&s, &format!("/help/{svc}?lang=en"), "").await;
    assert_eq!(status, 200);
    assert!(help.contains("<h1>Help center</h1>"), "{help}");
    let (_, _, html) = page(&s, "/support", "fr").await;
    assert!(html.contains("<h2>Centres d&#39;aide</h2>"), "{html}");
    assert!(
        html.contains(&format!(
            "<a href=\"/help/{svc}?lang=fr\"><strong>Acme Bank</strong>"
        )),
        "{html}"
    );

    // Without anything published, no help center is offered.
    let listed = s.get("/v1/help/articles?limit=100").await;
    for a in listed.body["articles"].as_array().unwrap() {
        let path = format!(
            "/v1/help/articles/{}/{}",
            a["locale"].as_str().unwrap(),
            a["slug"].as_str().unwrap()
        );
        let r = s
            .call(reqwest::Method::DELETE, &path, Some(&s.key), None)
            .await;
        assert_eq!(r.status, 204, "{path}");
    }
    let (_, _, html) = page(&s, "/support", "en").await;
    assert!(!html.contains(&format!("/help/{svc}")), "{html}");
    assert!(html.contains("No help center is published yet."), "{html}");
}

/// The list item of the article titled `title` on a help center page.
fn list_item<'a>(html: &'a str, title: &str) -> &'a str {
    let at = html
        .find(&format!("<strong>{title}</strong>"))
        .unwrap_or_else(|| panic!("{title} not listed: {html}"));
    let start = html[..at].rfind("<li>").unwrap();
    let end = at + html[at..].find("</li>").unwrap();
    &html[start..end]
}

async fn the_help_list_shows_dates_and_views(b: Backend) {
    let s = TestServer::start(b).await;
    let svc = s.service_id.clone();
    let article =
        |title: &str| json!({"title": title, "category": "faq", "body": "How to read the dates."});
    let r = s.put("/v1/help/articles/en/dates", article("Dates")).await;
    assert_eq!(r.status, 201, "{}", r.body);
    // Two days on, it changes: published and updated on different days.
    s.advance(2 * 24 * 3600);
    let r = s
        .put("/v1/help/articles/en/dates", article("Dates and views"))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);

    let list = format!("/help/{svc}?lang=en");
    let (_, _, html) = page(&s, &list, "").await;
    let item = list_item(&html, "Dates and views");
    assert!(
        item.contains(
            "Published <time datetime=\"2030-03-17\">17 March 2030</time> · Updated <time datetime=\"2030-03-19\">19 March 2030</time> · 0 views"
        ),
        "{item}"
    );
    // A starter article, published when the service was made, unchanged.
    let (_, _, html) = page(&s, &list, "").await;
    let starter = list_item(&html, "Authenticator apps");
    assert!(
        starter.contains("Published <time datetime=\"2030-03-17\">17 March 2030</time> · 0 views"),
        "{starter}"
    );

    // Each reading of the article counts, and the list shows it.
    let read = format!("/help/{svc}/dates?lang=en");
    assert_eq!(page(&s, &read, "").await.0, 200);
    let (_, _, html) = page(&s, &list, "").await;
    assert!(
        list_item(&html, "Dates and views").contains("· 1 view</span>"),
        "{html}"
    );
    futures::future::join_all((0..4).map(|_| page(&s, &read, ""))).await;
    let (_, _, html) = page(&s, &list, "").await;
    assert!(
        list_item(&html, "Dates and views").contains("· 5 views</span>"),
        "{html}"
    );
    // Search results show them too.
    let (_, _, html) = page(&s, &format!("{list}&q=dates"), "").await;
    assert!(html.contains("· 5 views</span>"), "{html}");

    // In French, with the French words and date.
    let (_, _, html) = page(&s, &format!("/help/{svc}?lang=fr"), "").await;
    let views = s.get("/v1/help/articles/fr/authenticator-apps").await;
    assert_eq!(views.status, 200, "{}", views.body);
    let title = views.body["title"].as_str().unwrap().replace('\'', "&#39;");
    let item = list_item(&html, &title);
    assert!(
        item.contains("Publié le <time datetime=\"2030-03-17\">17 mars 2030</time> · 0 lecture"),
        "{item}"
    );
}

async fn a_masked_phone_number_stays_on_one_line(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let (status, html) = hosted_page(&s, "?lang=en&with=sms").await;
    assert_eq!(status, 200, "{html}");
    let unbroken = "+33\u{a0}6\u{a0}••\u{a0}••\u{a0}••\u{a0}89";
    assert!(html.contains(unbroken), "{html}");
    assert!(!html.contains("+33 6"), "{html}");

    // The security center's contacts too.
    let cookie = crate::portal::session(&s, "alice").await;
    let r = crate::portal::get(&s, "/security", Some(&cookie)).await;
    let html = crate::portal::html(&r);
    assert!(html.contains(unbroken), "{html}");
    assert!(!html.contains("+33 6"), "{html}");
}
