//! The console's help-center editor over HTTP: an admin writes a draft,
//! previews it, publishes and unpublishes it, edits and deletes it, and
//! the public help center shows exactly what was published, rendered as
//! the preview showed it; support and auditors are refused, as are forms
//! without their CSRF token and bad input, and none of them writes.

use countersign_core::operator::Role;
use reqwest::Method;

use crate::console::{console, csrf, page};
use crate::harness::{Backend, Response, TestServer};
use crate::on_both_backends;

const BODY: &str = "## Steps\n\nOpen **Settings**, then *Passkeys*.\n\n<script>alert(1)</script>\n";

/// The editor's preview of `body`, with `cookie` and `token` as the
/// `X-CSRF-Token` header.
async fn preview(s: &TestServer, cookie: &str, token: Option<&str>, body: &str) -> Response {
    let mut req = reqwest::Client::new()
        .post(format!("{}/console/help/preview", s.base))
        .header("cookie", cookie)
        .json(&serde_json::json!({ "body": body }));
    if let Some(token) = token {
        req = req.header("x-csrf-token", token);
    }
    Response::read(req.send().await.unwrap()).await
}

/// A public help-center page, as a reader gets it.
async fn public(s: &TestServer, path: &str) -> Response {
    console(s, Method::GET, path, None, None).await
}

async fn post(s: &TestServer, path: &str, cookie: &str, form: &[(&str, &str)]) -> Response {
    console(s, Method::POST, path, Some(cookie), Some(form)).await
}

fn assert_back_to_list(r: &Response, s: &TestServer) {
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        r.headers["location"],
        format!("/console/help?service={}", s.service_id).as_str()
    );
}

/// The editor's list entry of the article `en/add-passkey`, if listed.
async fn entry(s: &TestServer, admin: &str) -> Option<String> {
    let list = format!("/console/help?service={}", s.service_id);
    page(s, &list, admin)
        .await
        .split("<li ")
        .find(|item| item.contains("/en/add-passkey\""))
        .map(str::to_owned)
}

async fn listed(s: &TestServer, admin: &str) -> bool {
    entry(s, admin).await.is_some()
}

/// A new article's form with `csrf`, one field (`name`) set to `value`.
fn article_form<'a>(csrf: &'a str, name: &str, value: &'a str) -> Vec<(&'static str, &'a str)> {
    let mut fields = vec![
        ("csrf", csrf),
        ("title", "Adding a passkey"),
        ("slug", "add-passkey"),
        ("locale", "en"),
        ("category", "faq"),
        ("body", "Hello"),
        ("published", "1"),
    ];
    for f in &mut fields {
        if f.0 == name {
            f.1 = value;
        }
    }
    fields
}

async fn an_admin_writes_previews_publishes_and_deletes_an_article(backend: Backend) {
    let s = TestServer::start(backend).await;
    let admin = s.console_cookie("Root Admin", Role::Admin).await;
    let list = format!("/console/help?service={}", s.service_id);
    let html = page(&s, &list, &admin).await;
    assert!(
        html.contains("Protecting your account from takeover"),
        "the starter articles"
    );
    assert!(!listed(&s, &admin).await);
    assert!(
        html.contains("href=\"/console/help\""),
        "the nav links the editor"
    );
    let token = csrf(&html);
    let new = format!("/console/help/{}/new", s.service_id);
    assert!(page(&s, &new, &admin).await.contains("<textarea"));

    // A draft: listed as such, not in the public help center.
    let r = post(
        &s,
        &new,
        &admin,
        &[
            ("csrf", &token),
            ("title", "Adding a passkey"),
            ("slug", "add-passkey"),
            ("locale", "en"),
            ("category", "faq"),
            ("body", &BODY.replace('\n', "\r\n")),
        ],
    )
    .await;
    assert_back_to_list(&r, &s);
    let draft = entry(&s, &admin).await.unwrap();
    assert!(
        draft.contains("Adding a passkey") && draft.contains("Draft"),
        "{draft}"
    );
    assert!(draft.contains("FAQ · en · add-passkey"), "{draft}");
    let center = format!("/help/{}", s.service_id);
    let reader = format!("/help/{}/add-passkey", s.service_id);
    let r = public(&s, &center).await;
    assert!(!r.body.as_str().unwrap().contains("Adding a passkey"));
    assert_eq!(public(&s, &reader).await.status, 404);

    // The preview: Markdown rendered, raw HTML shown as text; the editor
    // page opens with the same.
    let r = preview(&s, &admin, Some(&token), BODY).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let rendered = r.body["html"].as_str().unwrap().to_owned();
    assert!(rendered.contains("<strong>Settings</strong>"), "{rendered}");
    assert!(rendered.contains("&lt;script&gt;") && !rendered.contains("<script>"));
    let editor = format!("/console/help/{}/en/add-passkey", s.service_id);
    let html = page(&s, &editor, &admin).await;
    assert!(html.contains(&rendered), "{html}");

    // Published: the help center shows it, rendered as previewed.
    let publish = format!("{editor}/publish");
    let r = post(&s, &publish, &admin, &[("csrf", &token), ("publish", "1")]).await;
    assert_back_to_list(&r, &s);
    assert!(entry(&s, &admin).await.unwrap().contains("Published"));
    let r = public(&s, &reader).await;
    assert_eq!(r.status, 200);
    let shown = r.body.as_str().unwrap();
    assert!(
        shown.contains("Adding a passkey") && shown.contains(&rendered),
        "{shown}"
    );
    assert!(public(&s, &center)
        .await
        .body
        .as_str()
        .unwrap()
        .contains("Adding a passkey"));

    // Unpublished: gone from the help center again.
    let r = post(&s, &publish, &admin, &[("csrf", &token), ("publish", "0")]).await;
    assert_back_to_list(&r, &s);
    assert_eq!(public(&s, &reader).await.status, 404);

    // Edited and published from the editor.
    let r = post(
        &s,
        &editor,
        &admin,
        &[
            ("csrf", &token),
            ("title", "Adding a second passkey"),
            ("category", "announcements"),
            ("body", "Keep **two** passkeys."),
            ("published", "1"),
        ],
    )
    .await;
    assert_back_to_list(&r, &s);
    let shown = public(&s, &reader).await.body.as_str().unwrap().to_owned();
    assert!(shown.contains("Adding a second passkey"), "{shown}");
    assert!(shown.contains("<strong>two</strong>") && !shown.contains("Settings"));
    assert!(shown.contains("Announcements"));

    // A long article (larger than the console's other forms) is taken.
    let long = "Keep **two** passkeys.\n\n".repeat(2500);
    let r = post(
        &s,
        &editor,
        &admin,
        &[
            ("csrf", &token),
            ("title", "Adding a second passkey"),
            ("category", "announcements"),
            ("body", &long),
            ("published", "1"),
        ],
    )
    .await;
    assert_back_to_list(&r, &s);
    let shown = public(&s, &reader).await.body.as_str().unwrap().to_owned();
    assert_eq!(shown.matches("<strong>two</strong>").count(), 2500);

    // A second article at the same address is refused, the first kept.
    let r = post(
        &s,
        &new,
        &admin,
        &[
            ("csrf", &token),
            ("title", "Another"),
            ("slug", "add-passkey"),
            ("locale", "en"),
            ("category", "faq"),
            ("body", "x"),
        ],
    )
    .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(public(&s, &reader)
        .await
        .body
        .as_str()
        .unwrap()
        .contains("Adding a second passkey"));

    // Deleted.
    let r = post(&s, &format!("{editor}/delete"), &admin, &[("csrf", &token)]).await;
    assert_back_to_list(&r, &s);
    assert_eq!(public(&s, &reader).await.status, 404);
    let r = console(&s, Method::GET, &editor, Some(&admin), None).await;
    assert_eq!(r.status, 404);
    assert!(!listed(&s, &admin).await);

    // Each change is in the service's audit log, naming the operator.
    let export = format!("/console/audit/{}", s.service_id);
    let r = console(&s, Method::GET, &export, Some(&admin), None).await;
    let log = match &r.body {
        serde_json::Value::String(text) => text.clone(),
        one => one.to_string(),
    };
    let by_admin = |kind: &str| {
        log.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|e| e["type"] == kind && e["detail"]["operator"] == "Root Admin")
            .count()
    };
    assert!(by_admin("help.article_saved") >= 3, "{log}");
    assert_eq!(by_admin("help.article_deleted"), 1, "{log}");
}

async fn the_editor_refuses_other_roles_csrf_and_bad_input_and_writes_nothing(backend: Backend) {
    let s = TestServer::start(backend).await;
    let admin = s.console_cookie("Root Admin", Role::Admin).await;
    let list = format!("/console/help?service={}", s.service_id);
    let admin_token = csrf(&page(&s, &list, &admin).await);
    let new = format!("/console/help/{}/new", s.service_id);
    // Support and auditors: no editor, no preview, no change; and no link.
    for role in [Role::Support, Role::Auditor] {
        let cookie = s.console_cookie(role.as_str(), role).await;
        let users = page(&s, "/console/users", &cookie).await;
        assert!(!users.contains("href=\"/console/help\""), "{users}");
        let token = csrf(&users);
        for path in [list.as_str(), new.as_str()] {
            let r = console(&s, Method::GET, path, Some(&cookie), None).await;
            assert_eq!(r.status, 403, "{role:?} {path}");
        }
        let r = post(&s, &new, &cookie, &article_form(&token, "", "")).await;
        assert_eq!(r.status, 403);
        assert_eq!(preview(&s, &cookie, Some(&token), "*hi*").await.status, 403);
    }
    assert!(!listed(&s, &admin).await);

    // No CSRF token, or a wrong one: refused.
    let fields = article_form(&admin_token, "", "");
    assert_eq!(post(&s, &new, &admin, &fields[1..]).await.status, 403);
    let r = post(&s, &new, &admin, &article_form("forged", "", "")).await;
    assert_eq!(r.status, 403);
    assert_eq!(preview(&s, &admin, None, "*hi*").await.status, 403);
    assert_eq!(
        preview(&s, &admin, Some("forged"), "*hi*").await.status,
        403
    );
    assert!(!listed(&s, &admin).await);

    // Bad input: the refusal names what the field needs.
    let bad: [(&str, &str, &str); 4] = [
        ("slug", "Add Passkey!", "a-z 0-9"),
        ("locale", "english", "language code"),
        ("category", "news", "unknown category"),
        ("title", " ", "1–200 characters"),
    ];
    for (name, value, said) in bad {
        let fields = article_form(&admin_token, name, value);
        let r = post(&s, &new, &admin, &fields).await;
        assert_eq!(r.status, 400, "{name}: {}", r.body);
        assert!(
            r.body.as_str().unwrap().contains(said),
            "{name}: {}",
            r.body
        );
    }
    let too_big = "a".repeat(countersign_core::help::MAX_BODY_BYTES + 1);
    let r = preview(&s, &admin, Some(&admin_token), &too_big).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(!listed(&s, &admin).await);
    assert_eq!(
        public(&s, &format!("/help/{}/add-passkey", s.service_id))
            .await
            .status,
        404
    );
}

on_both_backends!(
    an_admin_writes_previews_publishes_and_deletes_an_article,
    the_editor_refuses_other_roles_csrf_and_bad_input_and_writes_nothing,
);
