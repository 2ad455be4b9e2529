//! Every class of bad input gets 400 with a stable code and the field named,
//! and writes nothing.

use reqwest::Method;
use serde_json::json;

use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

on_both_backends!(
    malformed_requests_are_refused_and_write_nothing,
    invalid_contacts_are_refused_and_write_nothing,
    arrays_in_place_of_objects_are_refused_and_write_nothing,
    rewritten_phones_and_hidden_characters_are_refused_and_write_nothing
);

/// Rows in every table, to show that a refused request wrote nothing.
async fn snapshot(s: &TestServer) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in ["services", "users", "challenges", "messages", "events"] {
        counts.push(s.count_rows(table).await);
    }
    counts
}

async fn raw(
    s: &TestServer,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> crate::harness::Response {
    let mut req = s
        .http
        .request(method, format!("{}{path}", s.base))
        .bearer_auth(&s.key)
        .body(body);
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    let body = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
    crate::harness::Response {
        status,
        headers,
        body,
    }
}

/// Method, path, content type, body, and the field `detail` must name.
type Case<'a> = (Method, String, Option<&'a str>, Vec<u8>, Option<&'a str>);

async fn malformed_requests_are_refused_and_write_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let before = snapshot(&s).await;
    let json_ct = Some("application/json");
    let verify = format!("/v1/challenges/{id}/verify");
    let cases: Vec<Case> = vec![
        // Malformed JSON.
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            b"{\"user_id\": \"alice\",".to_vec(),
            None,
        ),
        (
            Method::PUT,
            "/v1/users/bob".into(),
            json_ct,
            b"not json".to_vec(),
            None,
        ),
        (
            Method::POST,
            verify.clone(),
            json_ct,
            b"{\"method\":\"sms\",\"code\":\"1\"} trailing".to_vec(),
            None,
        ),
        // Unknown fields, at the top and nested.
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            br#"{"user_id":"alice","purpose":"login","amount":5}"#.to_vec(),
            Some("amount"),
        ),
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            br#"{"user_id":"alice","purpose":"login","context":{"ipp":"1.2.3.4"}}"#.to_vec(),
            Some("context.ipp"),
        ),
        (
            Method::PUT,
            "/v1/users/bob".into(),
            json_ct,
            br#"{"mail":"bob@example.com"}"#.to_vec(),
            Some("mail"),
        ),
        // Wrong types and values.
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            br#"{"user_id":42,"purpose":"login"}"#.to_vec(),
            Some("user_id"),
        ),
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            br#"{"user_id":"alice","purpose":"login","context":{"rooted":"yes"}}"#.to_vec(),
            Some("context.rooted"),
        ),
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            br#"{"user_id":"alice","purpose":"login","context":{"ip":"not-an-ip"}}"#.to_vec(),
            Some("context.ip"),
        ),
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            br#"{"user_id":"alice","purpose":"Log In"}"#.to_vec(),
            Some("purpose"),
        ),
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            br#"{"user_id":"has space","purpose":"login"}"#.to_vec(),
            Some("user_id"),
        ),
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            br#"{"purpose":"login"}"#.to_vec(),
            None,
        ),
        (
            Method::POST,
            format!("/v1/challenges/{id}/send"),
            json_ct,
            br#"{"channel":"fax"}"#.to_vec(),
            Some("channel"),
        ),
        (
            Method::POST,
            verify.clone(),
            json_ct,
            br#"{"method":"sms","code":123456}"#.to_vec(),
            Some("code"),
        ),
        (
            Method::POST,
            verify.clone(),
            json_ct,
            br#"{"method":"sms"}"#.to_vec(),
            Some("code"),
        ),
        (
            Method::PUT,
            "/v1/users/bob".into(),
            json_ct,
            br#"{"display_name":["a"]}"#.to_vec(),
            Some("display_name"),
        ),
        (
            Method::PUT,
            format!("/v1/users/{}", "x".repeat(129)),
            json_ct,
            b"{}".to_vec(),
            Some("user_id"),
        ),
        // Missing body, wrong content type, oversized body.
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            Vec::new(),
            None,
        ),
        (
            Method::POST,
            "/v1/challenges".into(),
            Some("application/x-www-form-urlencoded"),
            b"user_id=alice&purpose=login".to_vec(),
            None,
        ),
        (
            Method::PUT,
            "/v1/users/bob".into(),
            json_ct,
            format!("{{\"display_name\":\"{}\"}}", "a".repeat(70_000)).into_bytes(),
            None,
        ),
    ];
    for (method, path, ct, body, field) in cases {
        let shown = String::from_utf8_lossy(&body[..body.len().min(80)]).into_owned();
        let r = raw(&s, method, &path, ct, body).await;
        assert_eq!(r.status, 400, "{path} {shown}: {}", r.body);
        assert_eq!(r.body["code"], "invalid_request", "{shown}");
        if let Some(field) = field {
            assert!(
                r.body["detail"].as_str().unwrap().contains(field),
                "{shown}: detail should name {field}: {}",
                r.body
            );
        }
    }
    // NUL and other control characters, which PostgreSQL refuses to store.
    s.get("/v1/challenges/%00")
        .await
        .assert_problem(404, "not_found");
    s.get("/v1/challenges/chl_%00")
        .await
        .assert_problem(404, "not_found");
    s.get("/v1/users/alice/events?before=%00")
        .await
        .assert_problem(400, "invalid_request");
    s.put("/v1/users/bob", json!({"display_name": "a\u{0}b"}))
        .await
        .assert_problem(400, "invalid_request");
    s.put("/v1/users/bob", json!({"email": "\"a\u{0}\"@example.com"}))
        .await
        .assert_problem(400, "invalid_email");
    s.post(
        "/v1/challenges",
        json!({"user_id": "alice", "purpose": "login", "context": {"user_agent": "x\u{0}"}}),
    )
    .await
    .assert_problem(400, "invalid_request");
    let r = s.get("/v1/users/alice/events?limit=0").await;
    r.assert_problem(400, "invalid_request");
    s.get("/v1/users/alice/events?limit=abc")
        .await
        .assert_problem(400, "invalid_request");
    s.get("/v1/users/bob")
        .await
        .assert_problem(404, "not_found");
    assert_eq!(
        snapshot(&s).await,
        before,
        "a refused request wrote something"
    );
    assert_eq!(
        s.get(&format!("/v1/challenges/{id}")).await.body["attempts_left"],
        5
    );
}

async fn invalid_contacts_are_refused_and_write_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let before = snapshot(&s).await;
    for (body, code) in [
        (json!({"phone": "0612345689"}), "invalid_phone"),
        (json!({"phone": "+33 6 12"}), "invalid_phone"),
        (
            json!({"email": "alice@", "phone": "+33612345689"}),
            "invalid_email",
        ),
        (json!({"email": "alice@localhost"}), "invalid_email"),
        (
            json!({"locale": "klingon-language-tag-x"}),
            "invalid_request",
        ),
    ] {
        s.put("/v1/users/bob", body.clone())
            .await
            .assert_problem(400, code);
        // An update with one bad field changes none of the others.
        let mut update = body.clone();
        update["display_name"] = json!("Mallory");
        s.put("/v1/users/alice", update)
            .await
            .assert_problem(400, code);
    }
    assert_eq!(snapshot(&s).await, before);
    let alice = s.get("/v1/users/alice").await;
    assert_eq!(alice.body["display_name"], json!(null));
    assert_eq!(alice.body["phone"], "+33612345689");
}

/// serde alone reads a JSON array into a struct field by field: `[null]`
/// would clear an email and `["alice","login",{},null]` open a challenge.
/// Every object of a body, at the top or nested, must be a JSON object.
async fn arrays_in_place_of_objects_are_refused_and_write_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    let alice = s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let service = s.get("/v1/service").await.body;
    let before = snapshot(&s).await;
    let json_ct = Some("application/json");
    let cases: Vec<Case> = vec![
        (Method::PUT, "/v1/users/alice".into(), json_ct, br#"[null]"#.to_vec(), None),
        (Method::PUT, "/v1/users/alice".into(), json_ct, br#"[]"#.to_vec(), None),
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            br#"["alice","login",{},null]"#.to_vec(),
            None,
        ),
        // Nested: the context, and the transaction inside it.
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            br#"{"user_id":"alice","purpose":"login","context":["203.0.113.7"]}"#.to_vec(),
            Some("context"),
        ),
        (
            Method::POST,
            "/v1/challenges".into(),
            json_ct,
            br#"{"user_id":"alice","purpose":"withdrawal","context":{"transaction":["5.00","EUR"]}}"#
                .to_vec(),
            Some("context.transaction"),
        ),
        (
            Method::POST,
            format!("/v1/challenges/{id}/verify"),
            json_ct,
            br#"["sms","123456"]"#.to_vec(),
            None,
        ),
        (
            Method::POST,
            format!("/v1/challenges/{id}/send"),
            json_ct,
            br#"["email"]"#.to_vec(),
            None,
        ),
        (
            Method::POST,
            "/v1/users/alice/factors".into(),
            json_ct,
            br#"["recovery_codes"]"#.to_vec(),
            None,
        ),
        (Method::PATCH, "/v1/service".into(), json_ct, br#"[8]"#.to_vec(), None),
    ];
    for (method, path, ct, body, field) in cases {
        let shown = String::from_utf8_lossy(&body).into_owned();
        let r = raw(&s, method, &path, ct, body).await;
        assert_eq!(r.status, 400, "{path} {shown}: {}", r.body);
        assert_eq!(r.body["code"], "invalid_request", "{shown}");
        let detail = r.body["detail"].as_str().unwrap();
        assert!(
            detail.contains("invalid type: sequence"),
            "{shown}: {detail}"
        );
        if let Some(field) = field {
            assert!(
                detail.contains(field),
                "{shown}: detail should name {field}: {detail}"
            );
        }
    }
    assert_eq!(
        snapshot(&s).await,
        before,
        "a refused request wrote something"
    );
    assert_eq!(s.get("/v1/users/alice").await.body, alice, "alice changed");
    let c = s.get(&format!("/v1/challenges/{id}")).await.body;
    assert_eq!(c["attempts_left"], 5);
    assert_eq!(
        s.get("/v1/service").await.body,
        service,
        "the settings changed"
    );
}

/// A phone number the parser would change without a word (keypad letters
/// read as digits, an extension dropped) is refused: the code would go to
/// another number than the one typed. Display strings that hide or reorder
/// text (bidirectional overrides and isolates, zero-width characters) are
/// refused wherever a name or label is shown. Nothing is written.
async fn rewritten_phones_and_hidden_characters_are_refused_and_write_nothing(b: Backend) {
    let s = TestServer::start_with(b, |c| {
        c.support.jwt_secret = Some("jitsi-app-secret-for-tests".into());
        c.support.video_base_url = Some("https://meet.bank.test".into());
    })
    .await;
    s.alice("alice").await;
    let before = counts(&s).await;
    for phone in [
        "+1-800-FLOWERS",
        "+1 800 356 9377 ext. 123",
        "+1 415 555 2671 x12",
        "+1 415 555 2671;ext=12",
        "tel:+1-415-555-2671",
    ] {
        s.put("/v1/users/bob", json!({"phone": phone}))
            .await
            .assert_problem(400, "invalid_phone");
        s.put(
            "/v1/users/alice",
            json!({"phone": phone, "display_name": "Alice"}),
        )
        .await
        .assert_problem(400, "invalid_phone");
    }
    let later = countersign_core::Timestamp(crate::harness::T0.millis() + 3_600_000).to_rfc3339();
    for hidden in [
        "Alice\u{202E}ecilA",
        "Bob\u{200B}",
        "\u{FEFF}Carol",
        "Dan \u{2066}X\u{2069}",
        "Eve\u{2060}",
    ] {
        let cases = [
            (
                "/v1/users/bob",
                json!({"display_name": hidden}),
                "display_name",
                true,
            ),
            (
                "/v1/users/alice",
                json!({"display_name": hidden}),
                "display_name",
                true,
            ),
            (
                "/v1/users/alice/factors",
                json!({"type": "totp", "label": hidden}),
                "label",
                false,
            ),
            (
                "/v1/support/appointments",
                json!({"user_id": "alice", "ticket_id": "T-1", "contact_email": "a@example.com",
                       "agent": hidden, "starts_at": later}),
                "agent",
                false,
            ),
            (
                "/v1/support/appointments",
                json!({"user_id": "alice", "ticket_id": hidden, "contact_email": "a@example.com",
                       "agent": "Bob", "starts_at": later}),
                "ticket_id",
                false,
            ),
        ];
        for (path, body, field, put) in cases {
            let r = if put {
                s.put(path, body).await
            } else {
                s.post(path, body).await
            };
            r.assert_problem(400, "invalid_request");
            assert_eq!(r.body["field"], field, "{hidden:?}: {}", r.body);
        }
    }
    assert_eq!(
        counts(&s).await,
        before,
        "a refused request wrote something"
    );
    let alice = s.get("/v1/users/alice").await;
    assert_eq!(alice.body["display_name"], json!(null));
    assert_eq!(alice.body["phone"], "+33612345689");
}

/// [`snapshot`], with the tables of methods and appointments.
async fn counts(s: &TestServer) -> Vec<i64> {
    let mut counts = snapshot(s).await;
    for table in ["factors", "appointments"] {
        counts.push(s.count_rows(table).await);
    }
    counts
}
