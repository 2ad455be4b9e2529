//! A service's brand, as its users see it: the logo uploaded through the
//! API and served by this binary, the colour (refused when users could not
//! read it), the support contact and privacy link, on the help center, the
//! security center and the hosted page; another service's pages only name
//! it. And every brand that would hurt users is refused with a
//! problem+json, writing nothing.

use base64::Engine;
use serde_json::json;
use sha2::Digest;

use crate::harness::{Backend, Response, TestServer};
use crate::on_both_backends;

on_both_backends!(
    a_service_brands_its_pages,
    a_brand_users_could_not_read_or_trust_is_refused
);

const LOGO: &[u8] = include_bytes!("fixtures/logo.png");

/// Uploads `image` as the calling service's logo.
async fn put_logo(s: &TestServer, key: &str, content_type: &str, image: Vec<u8>) -> Response {
    let r = s
        .http
        .put(format!("{}/v1/service/logo", s.base))
        .bearer_auth(key)
        .header("content-type", content_type)
        .body(image)
        .send()
        .await
        .unwrap();
    Response::read(r).await
}

/// A GET of this server's `path`, as a browser or mail client makes it.
async fn fetch(s: &TestServer, path: &str) -> reqwest::Response {
    s.http
        .get(format!("{}{path}", s.base))
        .send()
        .await
        .unwrap()
}

/// A page as a browser gets it: (status, Content-Security-Policy, HTML).
async fn page(s: &TestServer, path: &str, cookie: Option<&str>) -> (u16, String, String) {
    let mut request = s.http.get(format!("{}{path}", s.base));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let r = request.send().await.unwrap();
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    (r.status().as_u16(), csp, r.text().await.unwrap())
}

async fn a_service_brands_its_pages(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let r = s
        .patch_service(json!({"brand": {
            "primary_color": "#0B5CAD",
            "support_url": "https://bank.example/help",
            "privacy_url": "https://bank.example/privacy"
        }}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.body["settings"]["brand"],
        json!({"primary_color": "#0b5cad", "support_url": "https://bank.example/help", "privacy_url": "https://bank.example/privacy"})
    );

    let r = put_logo(&s, &s.key, "image/png", LOGO.to_vec()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let sha256 = hex::encode(sha2::Sha256::digest(LOGO));
    assert_eq!(
        r.body["settings"]["brand"]["logo"],
        json!({"content_type": "image/png", "width": 120, "height": 40, "sha256": sha256})
    );
    // The colour and links set before are kept.
    assert_eq!(r.body["settings"]["brand"]["primary_color"], "#0b5cad");

    // The logo, from this binary, cacheable for good at its address.
    let logo_path = format!("/brand/{}/logo/{}", s.service_id, &sha256[..16]);
    let r = fetch(&s, &logo_path).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "image/png");
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert!(r.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    assert_eq!(r.bytes().await.unwrap().as_ref(), LOGO);
    let stale = format!("/brand/{}/logo/0000000000000000", s.service_id);
    let r = fetch(&s, &stale).await;
    assert_eq!(r.status(), 404, "{:?}", r.text().await);

    // Every page of the service carries the brand: logo in the header,
    // colour (allowed by its hash, as the page's scripts are by origin),
    // support and privacy links in the footer.
    let style = ":root{--accent:#0b5cad}";
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style));
    let cookie = format!("__Host-cs_portal={}", s.portal_cookie("alice", None).await);
    let hosted = crate::hosted::open(&s, json!({"user_id": "alice", "purpose": "login"})).await;
    let (challenge, hosted) = (hosted.id.clone(), hosted.cookie());
    for (name, path, cookie) in [
        (
            "help center",
            format!("/help/{}?lang=en", s.service_id),
            None,
        ),
        (
            "help article",
            format!("/help/{}/sms-code-not-received?lang=en", s.service_id),
            None,
        ),
        (
            "security center",
            "/security".to_owned(),
            Some(cookie.as_str()),
        ),
        (
            "hosted page",
            format!("/verify/{challenge}?lang=en"),
            Some(hosted.as_str()),
        ),
    ] {
        let (status, csp, html) = page(&s, &path, cookie).await;
        assert_eq!(status, 200, "{name}: {html}");
        let header = crate::pages::header(&html);
        assert!(
            header.contains(&format!(r#"<img class="logo" src="{logo_path}" alt="">"#)),
            "{name}: {header}"
        );
        assert!(html.contains(&format!("<style>{style}</style>")), "{name}");
        assert!(
            csp.contains(&format!("style-src 'self' 'sha256-{hash}'")),
            "{name}: {csp}"
        );
        let footer = html.split("<footer>").nth(1).unwrap();
        assert!(
            footer.contains(r#"<a href="https://bank.example/help">Contact support</a>"#)
                && footer.contains(r#"<a href="https://bank.example/privacy">Privacy</a>"#)
                && !footer.contains("Countersign"),
            "{name}: {footer}"
        );
    }

    // Its emails carry the brand: an HTML part (read by an independent MIME
    // parser) with the logo from this server and the colour, and both
    // parts end with the same links.
    s.send(&challenge, "email").await;
    let mail = s.smtp.all().pop().unwrap();
    assert!(
        mail.header("Content-Type")
            .unwrap()
            .starts_with("multipart/alternative"),
        "{}",
        mail.data
    );
    let html = mail.html().expect("an HTML part");
    let logo_url = format!("{}{logo_path}", s.state.config.public_url);
    for part in [
        format!(r#"<img src="{logo_url}" alt="Acme Bank""#),
        "border-bottom:4px solid #0b5cad".to_owned(),
        r#"<a href="https://bank.example/privacy" style="color:#0b5cad">Privacy</a>"#.to_owned(),
    ] {
        assert!(html.contains(&part), "{part} missing from {html}");
    }
    assert!(
        mail.text().trim_end().ends_with(
            "\n\nHelp: https://bank.example/help\nPrivacy notice: https://bank.example/privacy"
        ),
        "{}",
        mail.text()
    );

    // A support address stands in for a support page.
    let r = s
        .patch_service(json!({"brand": {"support_url": "", "support_email": "help@bank.example"}}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let (_, _, html) = page(&s, &format!("/help/{}?lang=fr", s.service_id), None).await;
    assert!(
        html.contains(r#"<a href="mailto:help@bank.example">Contacter le support</a>"#),
        "{html}"
    );

    // Another service, without a brand: its pages name it and nothing
    // more; pages of no service are Countersign's.
    let other = s.second_service_key().await;
    let r = s
        .call(reqwest::Method::GET, "/v1/service", Some(&other), None)
        .await;
    let (other_id, other_name) = (
        r.body["id"].as_str().unwrap().to_owned(),
        r.body["name"].as_str().unwrap().to_owned(),
    );
    for (path, footer) in [
        (
            format!("/help/{other_id}?lang=en"),
            format!("<footer><span>{other_name}</span></footer>"),
        ),
        (
            "/support?lang=en".to_owned(),
            "<footer>Countersign</footer>".to_owned(),
        ),
    ] {
        let (status, csp, html) = page(&s, &path, None).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            !html.contains("<style>") && !html.contains("class=\"logo\""),
            "{path}"
        );
        assert!(csp.contains("style-src 'self';"), "{path}: {csp}");
        assert!(html.contains(&footer), "{path}: {html}");
    }

    // Removed: the pages show the name alone, the old address is gone.
    let r = s
        .call(
            reqwest::Method::DELETE,
            "/v1/service/logo",
            Some(&s.key),
            None,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body["settings"]["brand"].get("logo").is_none(),
        "{}",
        r.body
    );
    let r = fetch(&s, &logo_path).await;
    assert_eq!(r.status(), 404);
    let (_, _, html) = page(&s, &format!("/help/{}?lang=en", s.service_id), None).await;
    assert!(!crate::pages::header(&html).contains("<img"), "{html}");
    assert_eq!(s.count_rows("service_logos").await, 0);
}

async fn a_brand_users_could_not_read_or_trust_is_refused(backend: Backend) {
    let s = TestServer::start(backend).await;
    let before = s.get("/v1/service").await.body;
    let patch = |brand: serde_json::Value| {
        let s = &s;
        async move { s.patch_service(json!({ "brand": brand })).await }
    };
    // A colour white text cannot be read on: refused, with its contrast.
    let r = patch(json!({"primary_color": "#ffd700"})).await;
    r.assert_problem(422, "insufficient_contrast");
    assert_eq!(r.body["field"], "brand.primary_color");
    assert_eq!(r.body["contrast"], 1.4);
    assert!(
        r.body["detail"].as_str().unwrap().contains("4.5:1"),
        "{}",
        r.body
    );
    for (brand, field) in [
        (json!({"primary_color": "blue"}), "brand.primary_color"),
        (
            json!({"support_url": "http://bank.example/help"}),
            "brand.support_url",
        ),
        (
            json!({"privacy_url": "javascript:alert(1)"}),
            "brand.privacy_url",
        ),
        (
            json!({"privacy_url": "https://bank.example/\"><script>alert(1)</script>"}),
            "brand.privacy_url",
        ),
        (json!({"support_email": "nobody"}), "brand.support_email"),
    ] {
        let r = patch(brand.clone()).await;
        r.assert_problem(400, "invalid_request");
        assert_eq!(r.body["field"], field, "{brand}");
    }
    // The logo is set through its own endpoint only.
    patch(json!({"logo": {"content_type": "image/png", "width": 1, "height": 1, "sha256": "00"}}))
        .await
        .assert_problem(400, "invalid_request");

    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#.to_vec();
    put_logo(&s, &s.key, "image/svg+xml", svg)
        .await
        .assert_problem(415, "unsupported_logo");
    put_logo(&s, &s.key, "image/jpeg", LOGO.to_vec())
        .await
        .assert_problem(415, "unsupported_logo");
    let mut huge = LOGO.to_vec();
    huge.resize(300 * 1024, 0);
    put_logo(&s, &s.key, "image/png", huge)
        .await
        .assert_problem(413, "logo_too_large");
    // A PNG header that says 8×8 pixels.
    let mut tiny = LOGO[..16].to_vec();
    tiny.extend(8u32.to_be_bytes());
    tiny.extend(8u32.to_be_bytes());
    tiny.extend([8, 6, 0, 0, 0]);
    put_logo(&s, &s.key, "image/png", tiny)
        .await
        .assert_problem(422, "logo_size");
    let r = put_logo(&s, "cs_live_not-a-key", "image/png", LOGO.to_vec()).await;
    assert_eq!(r.status, 401, "{}", r.body);

    // Nothing was written.
    assert_eq!(s.get("/v1/service").await.body, before);
    assert_eq!(s.count_rows("service_logos").await, 0);
}
