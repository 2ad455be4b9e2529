//! The help center: the articles API, the pages (search, categories,
//! pagination, languages, view counts), the landing page that links to
//! them, and `countersign articles import`.

use futures::future::join_all;
use serde_json::{json, Value};

use crate::cli::countersign;
use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

/// A page as a browser gets it: status, content type, HTML.
pub(crate) async fn page(
    s: &TestServer,
    path: &str,
    accept_language: &str,
) -> (u16, String, String) {
    let r = s
        .http
        .get(format!("{}{path}", s.base))
        .header("accept-language", accept_language)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let ct = r.headers()["content-type"].to_str().unwrap().to_owned();
    (status, ct, r.text().await.unwrap())
}

/// The titles of the listed articles, in order, as HTML.
fn listed_titles(html: &str) -> Vec<String> {
    let Some(list) = html.split("<ol class=\"articles\"").nth(1) else {
        return Vec::new();
    };
    let list = list.split("</ol>").next().unwrap();
    list.split("<strong>")
        .skip(1)
        .map(|rest| rest.split("</strong>").next().unwrap().to_owned())
        .collect()
}

async fn views(s: &TestServer, locale: &str, slug: &str) -> u64 {
    let r = s.get(&format!("/v1/help/articles/{locale}/{slug}")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body["views"].as_u64().unwrap()
}

async fn put_article(s: &TestServer, locale: &str, slug: &str, body: Value) -> Value {
    let r = s
        .put(&format!("/v1/help/articles/{locale}/{slug}"), body)
        .await;
    assert!(r.status == 201 || r.status == 200, "{}", r.body);
    r.body
}

async fn the_articles_api(backend: Backend) {
    let s = TestServer::start(backend).await;
    // A new service comes with the starter articles, in every language.
    for locale in ["en", "fr", "de", "es", "pt", "it", "nl"] {
        let r = s.get(&format!("/v1/help/articles?locale={locale}")).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["total"], 5, "{}", r.body);
        assert!(
            r.body["articles"][0].get("body").is_none(),
            "lists carry no body"
        );
    }

    let r = s
        .put(
            "/v1/help/articles/EN/welcome",
            json!({"title": "Welcome", "category": "announcements", "body": "Hello **there**."}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["locale"], "en");
    assert_eq!(r.body["slug"], "welcome");
    assert_eq!(r.body["views"], 0);
    assert_eq!(
        r.body["published_at"], "2030-03-17T17:46:40Z",
        "published now"
    );
    s.advance(60);
    let r = s
        .put(
            "/v1/help/articles/en/welcome",
            json!({"title": "Welcome!", "category": "announcements", "body": "Hello again."}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["title"], "Welcome!");
    assert_eq!(
        r.body["published_at"], "2030-03-17T17:46:40Z",
        "kept when left out"
    );
    assert_eq!(r.body["updated_at"], "2030-03-17T17:47:40Z");
    let r = s.get("/v1/help/articles/en/welcome").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["body"], "Hello again.");
    assert_eq!(r.body["category"], "announcements");

    let r = s
        .get("/v1/help/articles?locale=en&category=announcements")
        .await;
    assert_eq!(r.body["total"], 1, "{}", r.body);
    assert_eq!(r.body["articles"][0]["slug"], "welcome");
    let r = s.get("/v1/help/articles?locale=en&limit=2&offset=5").await;
    assert_eq!(r.body["total"], 6);
    assert_eq!(r.body["articles"].as_array().unwrap().len(), 1);
    assert_eq!(
        (r.body["limit"].clone(), r.body["offset"].clone()),
        (json!(2), json!(5))
    );
    let r = s.get("/v1/help/articles").await;
    assert_eq!(r.body["total"], 36, "every locale");

    // A body of 100 KB is accepted (more than other routes take).
    let big = "x".repeat(100 * 1024);
    let r = s
        .put(
            "/v1/help/articles/en/big",
            json!({"title": "Big", "category": "faq", "body": big}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);

    // Bad input: 400 naming the field, nothing written.
    let rows = s.count_rows("help_articles").await;
    let good = json!({"title": "T", "category": "faq", "body": "B"});
    let with = |key: &str, value: Value| {
        let mut b = good.clone();
        b[key] = value;
        b
    };
    for (path, body, field) in [
        ("/v1/help/articles/en/Bad_Slug", good.clone(), "slug"),
        (
            "/v1/help/articles/en/x",
            with("category", json!("news")),
            "category",
        ),
        ("/v1/help/articles/en/x", with("title", json!("")), "title"),
        (
            "/v1/help/articles/en/x",
            with("title", json!("a\u{7}b")),
            "title",
        ),
        (
            "/v1/help/articles/en/x",
            with("title", json!("t".repeat(201))),
            "title",
        ),
        (
            "/v1/help/articles/en/x",
            with("body", json!("x".repeat(100 * 1024 + 1))),
            "body",
        ),
        ("/v1/help/articles/english/x", good.clone(), "locale"),
        (
            "/v1/help/articles/en/x",
            with("published_at", json!("tomorrow")),
            "published_at",
        ),
        ("/v1/help/articles/en/x", with("author", json!("me")), ""),
        (
            "/v1/help/articles/en/x",
            json!({"title": "T", "body": "B"}),
            "",
        ),
    ] {
        let r = s.put(path, body).await;
        r.assert_problem(400, "invalid_request");
        if !field.is_empty() {
            assert_eq!(r.body["field"], field, "{}", r.body);
        }
    }
    let r = s
        .put(
            "/v1/help/articles/en/x",
            with("body", json!("x".repeat(140 * 1024))),
        )
        .await;
    r.assert_problem(400, "invalid_request");
    for query in [
        "limit=0",
        "limit=101",
        "category=news",
        "locale=e",
        "offset=-1",
        "sort=x",
    ] {
        s.get(&format!("/v1/help/articles?{query}"))
            .await
            .assert_problem(400, "invalid_request");
    }
    assert_eq!(s.count_rows("help_articles").await, rows, "nothing written");

    // Unknown articles, other services, no key.
    s.get("/v1/help/articles/en/nope")
        .await
        .assert_problem(404, "not_found");
    s.delete("/v1/help/articles/en/nope")
        .await
        .assert_problem(404, "not_found");
    let other = s.second_service_key().await;
    s.call(
        reqwest::Method::GET,
        "/v1/help/articles/en/welcome",
        Some(&other),
        None,
    )
    .await
    .assert_problem(404, "not_found");
    let r = s
        .call(
            reqwest::Method::DELETE,
            "/v1/help/articles/en/welcome",
            Some(&other),
            None,
        )
        .await;
    r.assert_problem(404, "not_found");
    s.call(reqwest::Method::GET, "/v1/help/articles", None, None)
        .await
        .assert_problem(401, "unauthorized");

    let r = s.delete("/v1/help/articles/en/welcome").await;
    assert_eq!(r.status, 204);
    s.get("/v1/help/articles/en/welcome")
        .await
        .assert_problem(404, "not_found");

    // The OpenAPI document describes the routes.
    let doc = s.get("/v1/openapi.json").await.body;
    assert!(doc["paths"]["/v1/help/articles/{locale}/{slug}"]["put"].is_object());
    assert!(doc["paths"]["/v1/help/articles"]["get"].is_object());
}

async fn the_help_center_pages(backend: Backend) {
    let s = TestServer::start(backend).await;
    let svc = s.service_id.clone();

    // The list, in English: every starter article, "All" is the current tab.
    let (status, ct, html) = page(&s, &format!("/help/{svc}"), "en-GB").await;
    assert_eq!(status, 200);
    assert_eq!(ct, "text/html; charset=utf-8");
    assert!(html.contains("<h1>Help center</h1>"), "{html}");
    assert!(html.contains("Acme Bank"));
    assert!(html.contains("Showing 1–5 of 5 articles"), "{html}");
    assert!(html.contains(&format!(
        "href=\"/help/{svc}?lang=en\" aria-current=\"page\">All<"
    )));
    assert!(html.contains("<label for=\"help-search\">"));
    assert!(html.contains("role=\"search\""));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing from elsewhere"
    );

    // Search: the right article first, the match marked, the query escaped.
    let (_, _, html) = page(&s, &format!("/help/{svc}?lang=en&q=SMS+code"), "").await;
    let titles = listed_titles(&html);
    assert_eq!(
        titles[0], "What to do when an <mark>SMS</mark> <mark>code</mark> doesn&#39;t arrive",
        "{html}"
    );
    assert!(html.contains("Results for “SMS code”"));
    let (_, _, html) = page(&s, &format!("/help/{svc}?lang=en&q=security+key"), "").await;
    assert!(
        listed_titles(&html)[0].contains("Passkeys and <mark>security</mark> <mark>keys</mark>"),
        "{html}"
    );
    let (_, _, html) = page(&s, &format!("/help/{svc}?lang=en&q=SIM+swap"), "").await;
    assert!(listed_titles(&html)[0].contains("takeover"), "{html}");
    let (_, _, html) = page(
        &s,
        &format!("/help/{svc}?lang=en&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        "",
    )
    .await;
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("value=\"&#60;script&#62;alert(1)&#60;/script&#62;\""));
    assert!(html.contains("No article matches your search"));

    // Categories and pagination: 12 announcements, 10 per page.
    for i in 0..12 {
        s.advance(1);
        put_article(
            &s,
            "en",
            &format!("news-{i:02}"),
            json!({"title": format!("Release note {i}"), "category": "announcements", "body": format!("What changed in release {i}.")}),
        )
        .await;
    }
    let list = format!("/help/{svc}?lang=en&category=announcements");
    let (_, _, html) = page(&s, &list, "").await;
    assert!(html.contains("Showing 1–10 of 12 articles"), "{html}");
    assert!(html.contains("category=announcements\" aria-current=\"page\">Announcements<"));
    assert_eq!(listed_titles(&html)[0], "Release note 11", "newest first");
    assert!(html.contains("Page 1 of 2"));
    assert!(html.contains("rel=\"next\""));
    let (_, _, html) = page(&s, &format!("{list}&page=2"), "").await;
    assert!(html.contains("Showing 11–12 of 12 articles"), "{html}");
    assert_eq!(listed_titles(&html).len(), 2);
    for odd in [
        "page=abc",
        "page=99999999999999999999",
        "page=0",
        "category=nope",
    ] {
        let (status, _, _) = page(&s, &format!("/help/{svc}?lang=en&{odd}"), "").await;
        assert_eq!(status, 200, "{odd}");
    }
    let (_, _, html) = page(&s, &format!("/help/{svc}?lang=en&category=faq"), "").await;
    assert!(html.contains("Showing 1–3 of 3 articles"), "{html}");
    let (_, _, html) = page(
        &s,
        &format!("/help/{svc}?lang=en&category=faq&q=release"),
        "",
    )
    .await;
    assert!(
        html.contains("No article matches"),
        "search stays in the category"
    );
    let (_, _, html) = page(&s, &format!("/help/{svc}?lang=en&q=release+7"), "").await;
    assert_eq!(
        listed_titles(&html)[0],
        "<mark>Release</mark> note <mark>7</mark>",
        "{html}"
    );

    // An article: rendered, dated, counted once per view, atomically.
    let article = format!("/help/{svc}/sms-code-not-received?lang=en");
    let (status, _, html) = page(&s, &article, "").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("<h1>What to do when an SMS code doesn&#39;t arrive</h1>"),
        "{html}"
    );
    assert!(html.contains("<h2>Wait for the countdown, then resend</h2>"));
    assert!(
        html.contains("Published <time datetime=\"2030-03-17\">17 March 2030</time>"),
        "{html}"
    );
    assert_eq!(views(&s, "en", "sms-code-not-received").await, 1);
    join_all((0..8).map(|_| page(&s, &article, ""))).await;
    assert_eq!(views(&s, "en", "sms-code-not-received").await, 9);

    // French: the interface and the articles.
    let (_, _, html) = page(&s, &format!("/help/{svc}"), "fr-FR,fr;q=0.9").await;
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(html.contains("<h1>Centre d&#39;aide</h1>"), "{html}");
    assert!(html.contains("Articles 1 à 5 sur 5"), "{html}");
    assert!(html.contains("Que faire quand un code par SMS n&#39;arrive pas"));
    let (_, _, html) = page(&s, &format!("/help/{svc}?lang=fr&q=securite"), "en").await;
    assert!(
        listed_titles(&html)[0].contains("<mark>sécurité</mark>"),
        "accents folded: {html}"
    );
    let (_, _, html) = page(
        &s,
        &format!("/help/{svc}/sms-code-not-received?lang=fr"),
        "",
    )
    .await;
    assert!(html.contains("<h1>Que faire quand un code par SMS n&#39;arrive pas</h1>"));
    assert_eq!(views(&s, "fr", "sms-code-not-received").await, 1);
    // An article only in English is shown in English, said so.
    let (status, _, html) = page(&s, &format!("/help/{svc}/news-03?lang=fr"), "").await;
    assert_eq!(status, 200);
    assert!(html.contains("<article lang=\"en\">"), "{html}");
    assert!(html.contains("Cet article n&#39;existe pas encore en français."));

    // Brazilian Portuguese pages show the articles filed under "pt".
    let (_, _, html) = page(&s, &format!("/help/{svc}"), "pt-BR,pt;q=0.9").await;
    assert!(html.contains("<html lang=\"pt-BR\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("<h1>Central de ajuda</h1>"), "{html}");
    assert!(html.contains("O que fazer quando o código por SMS não chega"));
    assert!(!html.contains("lang=\"pt\""), "same language: {html}");
    let (_, _, html) = page(
        &s,
        &format!("/help/{svc}/sms-code-not-received?lang=pt-BR"),
        "",
    )
    .await;
    assert!(html.contains("<h1>O que fazer quando o código por SMS não chega</h1>"));
    assert_eq!(views(&s, "pt", "sms-code-not-received").await, 1);

    // A service without French articles falls back to English ones.
    let other_key = s.second_service_key().await;
    let other = s
        .call(reqwest::Method::GET, "/v1/service", Some(&other_key), None)
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for slug in [
        "sms-code-not-received",
        "authenticator-apps",
        "passkeys-and-security-keys",
        "protect-your-account",
        "verified-support-video-call",
    ] {
        let r = s
            .call(
                reqwest::Method::DELETE,
                &format!("/v1/help/articles/fr/{slug}"),
                Some(&other_key),
                None,
            )
            .await;
        assert_eq!(r.status, 204);
    }
    let (_, _, html) = page(&s, &format!("/help/{other}?lang=fr"), "").await;
    assert!(html.contains("<h1>Centre d&#39;aide</h1>"));
    assert!(
        html.contains("<ol class=\"articles\" lang=\"en\">"),
        "{html}"
    );
    assert!(html.contains("Authenticator apps"));

    // Drafts, scheduled articles and raw HTML.
    put_article(
        &s,
        "en",
        "draft",
        json!({"title": "Draft", "category": "faq", "body": "Soon.", "published_at": null}),
    )
    .await;
    put_article(
        &s,
        "en",
        "later",
        json!({"title": "Later", "category": "faq", "body": "<script>alert(1)</script>\n\n[x](javascript:alert(1)) and <img src=x onerror=alert(1)>", "published_at": "2030-03-18T00:00:00Z"}),
    )
    .await;
    let (missing, _, missing_html) = page(&s, &format!("/help/{svc}/draft?lang=en"), "").await;
    assert_eq!(missing, 404);
    assert_eq!(
        page(&s, &format!("/help/{svc}/later?lang=en"), "").await.0,
        404
    );
    s.advance(24 * 3600);
    let (status, _, html) = page(&s, &format!("/help/{svc}/later?lang=en"), "").await;
    assert_eq!(status, 200);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("<a href=\"#\">x</a>"), "{html}");
    assert!(
        !html.contains("<script>alert") && !html.contains("<img"),
        "{html}"
    );

    // Unknown services get the same 404 page as unknown articles: no hint.
    for path in [
        "/help/svc_unknown".to_owned(),
        "/help/svc_unknown/sms-code-not-received".to_owned(),
        format!("/help/{svc}/no-such-article"),
        format!("/help/{svc}/Bad%20Slug"),
        "/help/%00%FF".to_owned(),
        format!("/help/{}", "x".repeat(500)),
    ] {
        let (status, ct, html) = page(&s, &format!("{path}?lang=en"), "").await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(ct, "text/html; charset=utf-8", "{path}");
        assert_eq!(html, missing_html, "{path}");
        assert!(html.contains("Page not found"));
    }
}

/// `countersign articles import`: every file checked before anything is
/// written, each file reported, the starter set refreshed, and a service
/// created by the CLI gets the starter articles.
async fn the_cli_imports_articles(backend: Backend) {
    let s = TestServer::start(backend).await;
    let dir = s.dir.join("articles");
    std::fs::create_dir_all(dir.join("en")).unwrap();
    std::fs::create_dir_all(dir.join("fr")).unwrap();
    let file = |locale: &str, title: &str, category: &str| {
        format!("---\ntitle: {title}\ncategory: {category}\nslug: fees\nlocale: {locale}\npublished_at: 2030-01-02\n---\n## Fees\n\nNo fee.\n")
    };
    std::fs::write(dir.join("en/fees.md"), file("en", "Fees", "faq")).unwrap();
    std::fs::write(dir.join("fr/fees.md"), file("fr", "Frais", "faq")).unwrap();
    std::fs::write(
        dir.join("fr/bad.md"),
        file("fr", "Mauvais", "news").replace("slug: fees", "slug: bad"),
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "not an article").unwrap();
    let import = |service: &str| {
        countersign()
            .env("COUNTERSIGN_DATABASE", &s.database)
            .args(["articles", "import", "--service", service])
            .arg(&dir)
            .output()
            .unwrap()
    };
    let before = s.count_rows("help_articles").await;
    let out = import("Acme Bank");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("fr/bad.md: category: unknown category \"news\"")
            && stderr.contains("nothing was imported"),
        "{stderr}"
    );
    assert_eq!(
        s.count_rows("help_articles").await,
        before,
        "nothing written"
    );

    std::fs::remove_file(dir.join("fr/bad.md")).unwrap();
    let out = import("Acme Bank");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0],
        json!({"file": "en/fees.md", "locale": "en", "slug": "fees", "status": "created"})
    );
    assert_eq!(lines[1]["file"], "fr/fees.md");
    assert_eq!(
        lines[2],
        json!({"service": "Acme Bank", "imported": 2, "created": 2, "updated": 0})
    );
    let r = s.get("/v1/help/articles/fr/fees").await;
    assert_eq!(r.body["title"], "Frais");
    assert_eq!(r.body["published_at"], "2030-01-02T00:00:00Z");

    // Again, by service id, with a change: updated, views kept.
    page(&s, &format!("/help/{}/fees?lang=en", s.service_id), "").await;
    std::fs::write(dir.join("en/fees.md"), file("en", "Fees and limits", "faq")).unwrap();
    let out = import(&s.service_id);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"created\":0,\"imported\":2"));
    let r = s.get("/v1/help/articles/en/fees").await;
    assert_eq!(r.body["title"], "Fees and limits");
    assert_eq!(r.body["views"], 1);

    // The starter set, refreshed from the repository's help/ folder.
    let starters = concat!(env!("CARGO_MANIFEST_DIR"), "/../../help");
    let out = countersign()
        .args(["--database", &s.database])
        .args(["articles", "import", starters, "--service", "Acme Bank"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("\"created\":0,\"imported\":35,\"service\":\"Acme Bank\",\"updated\":35"));

    let unknown = import("Nobody Inc");
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no service named \"Nobody Inc\""));

    // `service create` gives the new service the starter articles.
    let out = countersign()
        .env("COUNTERSIGN_DATABASE", &s.database)
        .env("COUNTERSIGN_KEY_FILE", s.dir.join("countersign.key"))
        .args(["service", "create", "Fresh Co"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let created: Value = serde_json::from_slice(&out.stdout).unwrap();
    let (status, _, html) = page(
        &s,
        &format!("/help/{}?lang=fr", created["id"].as_str().unwrap()),
        "",
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("Articles 1 à 5 sur 5"), "{html}");
}

/// `GET /`: the support center and the help centers with something
/// published, as a page (by language) or as JSON for an API client.
async fn the_landing_page(backend: Backend) {
    let s = TestServer::start(backend).await;
    let acme = s.service_id.clone();
    // Another service whose only article is scheduled: nothing public yet.
    let other_key = s.second_service_key().await;
    let other_call = |method: reqwest::Method, path: &str| {
        s.http
            .request(method, format!("{}{path}", s.base))
            .bearer_auth(&other_key)
    };
    let listed: Value = other_call(reqwest::Method::GET, "/v1/help/articles?limit=100")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for a in listed["articles"].as_array().unwrap() {
        let path = format!(
            "/v1/help/articles/{}/{}",
            a["locale"].as_str().unwrap(),
            a["slug"].as_str().unwrap()
        );
        let r = other_call(reqwest::Method::DELETE, &path)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204, "{path}");
    }
    let r = other_call(reqwest::Method::PUT, "/v1/help/articles/en/soon")
        .json(&json!({"title": "Soon", "category": "faq", "body": "Later.", "published_at": "2031-01-01T00:00:00Z"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let other = other_call(reqwest::Method::GET, "/v1/service")
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let (status, ct, html) = page(&s, "/", "en-GB,en;q=0.9").await;
    assert_eq!((status, ct.as_str()), (200, "text/html; charset=utf-8"));
    assert!(html.contains("<h1>Help and support</h1>"), "{html}");
    assert!(
        html.contains("<a href=\"/support?lang=en\"><strong>Support center</strong>"),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<a href=\"/help/{acme}?lang=en\"><strong>Acme Bank</strong>"
        )),
        "{html}"
    );
    assert!(
        !html.contains(&other) && !html.contains("Other Co"),
        "nothing published: not listed"
    );
    // Every link leads to a page.
    for link in html
        .split("href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
    {
        let (status, _, _) = page(&s, &link.replace("&#38;", "&"), "en").await;
        assert_eq!(status, 200, "{link}");
    }
    let (_, _, html) = page(&s, "/", "fr-FR,fr;q=0.9").await;
    assert!(html.contains("<h1>Aide et assistance</h1>"), "{html}");
    assert!(
        html.contains(&format!("href=\"/help/{acme}?lang=fr\"")),
        "{html}"
    );
    // The browser's preferences go by q-value, not by their order, and a
    // regional variant falls back to its language.
    let (_, _, html) = page(&s, "/", "en;q=0.3, sv-FI, fr-CA;q=0.8").await;
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"), "{html}");
    let (_, _, html) = page(&s, "/", "de-CH, fr;q=0.8").await;
    assert!(html.contains("<html lang=\"de\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("<h1>Hilfe und Support</h1>"), "{html}");
    let (_, _, html) = page(&s, "/", "fr;q=0, en-GB;q=0.5").await;
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"), "{html}");

    // An API client gets the same links, absolute, and the contract.
    let json_for = |accept: &'static str| {
        let s = &s;
        async move {
            let r = s
                .http
                .get(format!("{}/", s.base))
                .header("accept", accept)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
            assert!(r.headers()["vary"].to_str().unwrap().contains("Accept"));
            assert_eq!(r.headers()["content-type"], "application/json");
            r.json::<Value>().await.unwrap()
        }
    };
    let center = |id: &str, name: &str| json!({"service_id": id, "name": name, "url": format!("https://verify.bank.test/help/{id}")});
    assert_eq!(
        json_for("application/json").await,
        json!({
            "support_center": "https://verify.bank.test/support",
            "help_centers": [center(&acme, "Acme Bank")],
            "openapi": "https://verify.bank.test/v1/openapi.json",
        })
    );
    // Once its article is out, the other help center is listed too, by name.
    s.advance(30_000_000);
    let found = json_for("text/html;q=0.5, application/json").await;
    assert_eq!(
        found["help_centers"],
        json!([center(&acme, "Acme Bank"), center(&other, "Other Co")])
    );
    let (_, _, html) = page(&s, "/", "en").await;
    assert!(
        html.contains(&format!(
            "<a href=\"/help/{other}?lang=en\"><strong>Other Co</strong>"
        )),
        "{html}"
    );

    // A name is shown as text, never as markup.
    let (odd, _) = countersign_app::admin::create_service(
        s.state.store.as_ref(),
        "Tom & <b>Jerry</b>",
        s.state.now(),
    )
    .await
    .unwrap();
    let (_, _, html) = page(&s, "/", "en").await;
    assert!(
        html.contains(&format!(
            "<a href=\"/help/{}?lang=en\"><strong>Tom &#38; &#60;b&#62;Jerry&#60;/b&#62;</strong>",
            odd.id
        )),
        "{html}"
    );
    assert!(!html.contains("<b>Jerry"));
}

on_both_backends!(
    the_articles_api,
    the_help_center_pages,
    the_cli_imports_articles,
    the_landing_page
);
