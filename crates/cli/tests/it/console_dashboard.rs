//! The console's delivery and toll-fraud dashboard over HTTP: codes sent by
//! SMS and email, a delivery report and a failure, sends refused by the
//! country limit and the daily budget, and the numbers its tables then
//! show; who may see it (admin and auditor; support may not).

use countersign_core::dashboard::{DAYS, HOURS};
use countersign_core::limits::Cap;
use countersign_core::operator::Role;
use serde_json::json;

use crate::harness::{Backend, Response, TestServer, WEBHOOK_SECRET};
use crate::on_both_backends;

async fn get(s: &TestServer, path: &str, cookie: Option<&str>) -> Response {
    let mut req = reqwest::Client::new().get(format!("{}{path}", s.base));
    if let Some(cookie) = cookie {
        req = req.header("cookie", cookie);
    }
    Response::read(req.send().await.unwrap()).await
}

async fn dashboard(s: &TestServer, cookie: &str) -> String {
    let r = get(s, "/console/dashboard", Some(cookie)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body.as_str().unwrap().to_owned()
}

/// The text inside the tags of `html`, tags dropped.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// The rows of the table `id`: each row's header and its cells, as a
/// screen reader reads them.
fn table(html: &str, id: &str) -> Vec<(String, Vec<String>)> {
    let start = html
        .find(&format!("<table id=\"{id}\">"))
        .unwrap_or_else(|| panic!("a table {id}"));
    let body = &html[start..];
    let body = &body[body.find("<tbody>").unwrap()..body.find("</table>").unwrap()];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            let head = row.split("<th scope=\"row\">").nth(1).unwrap();
            let head = text(head.split("</th>").next().unwrap());
            let cells = row
                .split("<td>")
                .skip(1)
                .map(|cell| text(cell.split("</td>").next().unwrap()))
                .collect();
            (head, cells)
        })
        .collect()
}

/// The cells of the row named `name` in the table `id`.
fn row(html: &str, id: &str, name: &str) -> Vec<String> {
    let rows = table(html, id);
    rows.iter()
        .find(|(head, _)| head == name)
        .unwrap_or_else(|| panic!("a row {name} in {id}: {rows:?}"))
        .1
        .clone()
}

async fn send(s: &TestServer, user: &str, channel: &str) -> Response {
    let chl = s.challenge(user, "login").await;
    s.post(
        &format!("/v1/challenges/{chl}/send"),
        json!({ "channel": channel }),
    )
    .await
}

/// The message id of the last SMS the provider was asked to send.
fn last_sms(s: &TestServer) -> String {
    s.phone.last().json()["message_id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn report(s: &TestServer, message_id: &str, status: &str) {
    let body = json!({"message_id": message_id, "status": status});
    let r = s
        .webhook_post("/v1/delivery/status/sms", &body, WEBHOOK_SECRET, 0)
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
}

async fn the_dashboard_counts_sends_failures_refusals_and_the_budget(backend: Backend) {
    let s = TestServer::start_with(backend, |c| {
        c.limits.per_country = Cap {
            max: 2,
            window_seconds: 3600,
        };
        c.limits.daily_phone_budget = 3;
    })
    .await;
    for (user, phone) in [
        ("fr1", "+33612345601"),
        ("fr2", "+33612345602"),
        ("fr3", "+33612345603"),
        ("gb1", "+447911123456"),
        ("gb2", "+447911123457"),
    ] {
        s.put(
            &format!("/v1/users/{user}"),
            json!({"phone": phone, "email": format!("{user}@example.com")}),
        )
        .await;
    }
    assert_eq!(send(&s, "fr1", "sms").await.status, 202);
    let delivered = last_sms(&s);
    assert_eq!(send(&s, "fr2", "sms").await.status, 202);
    // A third SMS to France within the hour: the country limit.
    let r = send(&s, "fr3", "sms").await;
    r.assert_problem(429, "rate_limited");
    assert_eq!(r.body["limit"], "country");
    assert_eq!(send(&s, "fr3", "email").await.status, 202);
    assert_eq!(send(&s, "gb1", "sms").await.status, 202);
    let undelivered = last_sms(&s);
    // Three SMS and calls today: the budget is spent.
    let r = send(&s, "gb2", "voice").await;
    r.assert_problem(429, "rate_limited");
    assert_eq!(r.body["limit"], "daily_budget");
    assert_eq!(send(&s, "gb2", "email").await.status, 202);
    // Seven seconds later, the provider reports one delivered, one not.
    s.advance(7);
    report(&s, &delivered, "delivered").await;
    report(&s, &undelivered, "undelivered").await;

    let admin = s.console_cookie("Ann Admin", Role::Admin).await;
    let html = dashboard(&s, &admin).await;
    assert!(
        html.contains("href=\"/console/dashboard\""),
        "the nav links it"
    );
    let now = s.state.now();
    for (window, prefix) in [(HOURS, "hours"), (DAYS, "days")] {
        let sends = format!("{prefix}-sends");
        let current = window.name(window.bucket_of(now));
        assert_eq!(row(&html, &sends, &current), ["5", "1"], "{prefix}");
        assert_eq!(
            table(&html, &sends).len(),
            window.buckets as usize,
            "every {prefix} bucket has its row"
        );
        let channels = format!("{prefix}-channels");
        assert_eq!(row(&html, &channels, "SMS"), ["3", "1"]);
        assert_eq!(row(&html, &channels, "Voice"), ["0", "0"]);
        assert_eq!(row(&html, &channels, "Email"), ["2", "0"]);
        let countries = format!("{prefix}-countries");
        assert_eq!(
            table(&html, &countries),
            [
                ("+33 (FR)".to_owned(), vec!["2".to_owned(), "0".to_owned()]),
                ("+44 (GB)".to_owned(), vec!["1".to_owned(), "1".to_owned()]),
            ]
        );
        let refusals = format!("{prefix}-refusals");
        assert_eq!(row(&html, &refusals, "Per country"), ["1"]);
        assert_eq!(row(&html, &refusals, "Daily SMS and voice budget"), ["1"]);
        assert_eq!(row(&html, &refusals, "Per destination"), ["0"]);
    }
    // From creation to the delivery report: the seven seconds; the ones
    // only accepted were accepted at once (the test clock stood still).
    assert_eq!(
        row(&html, "provider-times", "SMS, delivered"),
        ["1", "7000", "7000"]
    );
    assert_eq!(
        row(&html, "provider-times", "SMS, accepted"),
        ["1", "0", "0"]
    );
    assert_eq!(
        row(&html, "provider-times", "Email, accepted"),
        ["2", "0", "0"]
    );
    let budget = format!("budget-{}", s.service_id);
    assert_eq!(
        row(&html, &budget, &DAYS.name(DAYS.bucket_of(now))),
        ["3", "100 %"]
    );
    assert!(html.contains("Acme Bank: SMS and calls per day"));
    assert!(html.contains("<svg class=\"chart\""), "charts are drawn");

    // An auditor sees it too; support is refused, and not offered it.
    let auditor = s.console_cookie("Ada Auditor", Role::Auditor).await;
    let seen = dashboard(&s, &auditor).await;
    assert_eq!(row(&seen, "days-channels", "SMS"), ["3", "1"]);
    let support = s.console_cookie("Sam Support", Role::Support).await;
    let r = get(&s, "/console/dashboard", Some(&support)).await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(!r.body.as_str().unwrap().contains("<table"));
    let users = get(&s, "/console/users", Some(&support)).await;
    assert_eq!(users.status, 200);
    assert!(!users.body.as_str().unwrap().contains("/console/dashboard"));
    // No session: sign in first.
    assert_eq!(get(&s, "/console/dashboard", None).await.status, 401);
}

on_both_backends!(the_dashboard_counts_sends_failures_refusals_and_the_budget);
