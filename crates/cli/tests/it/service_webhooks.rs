//! A service's own webhook endpoints (`/v1/service/webhooks`): each gets
//! its own service's events and never another tenant's, signed with the
//! secret shown once; bad input is refused with nothing written; private
//! addresses are refused unless the operator allows them.

use countersign_core::{Clock, Timestamp};
use countersign_delivery::standard_webhooks;
use serde_json::{json, Value};

use crate::harness::{Backend, ProviderEndpoint, ProviderRequest, Response, TestServer};
use crate::on_both_backends;

on_both_backends!(
    each_service_gets_its_own_events_and_no_other_tenants,
    bad_registrations_are_refused_and_write_nothing,
    private_addresses_are_refused_unless_the_operator_allows_them
);

/// A second tenant on the same server: its API key.
async fn second_service(s: &TestServer) -> String {
    let (_, key) = countersign_app::admin::create_service(
        s.state.store.as_ref(),
        "Beta Broker",
        s.clock.now(),
    )
    .await
    .unwrap();
    key
}

/// Registers an endpoint for the service of `key`.
async fn register(s: &TestServer, key: &str, body: Value) -> Response {
    s.call(
        reqwest::Method::POST,
        "/v1/service/webhooks",
        Some(key),
        Some(body),
    )
    .await
}

/// A user of the service of `key` opens and cancels a challenge: the ids
/// of the challenge's events as that service's log has them.
async fn activity(s: &TestServer, key: &str, user: &str) -> String {
    let put = s
        .call(
            reqwest::Method::PUT,
            &format!("/v1/users/{user}"),
            Some(key),
            Some(json!({"email": "someone@example.com"})),
        )
        .await;
    assert!(put.status == 201 || put.status == 200, "{}", put.body);
    let opened = s
        .call(
            reqwest::Method::POST,
            "/v1/challenges",
            Some(key),
            Some(json!({"user_id": user, "purpose": "login"})),
        )
        .await;
    assert_eq!(opened.status, 201, "{}", opened.body);
    let id = opened.body["id"].as_str().unwrap().to_owned();
    let path = format!("/v1/challenges/{id}/cancel");
    s.call(reqwest::Method::POST, &path, Some(key), Some(json!({})))
        .await;
    id
}

fn verified(r: &ProviderRequest, secret: &str, now: Timestamp) -> bool {
    let header = |name: &str| r.headers[name].to_str().unwrap();
    standard_webhooks::verify(
        &standard_webhooks::key(secret),
        header("webhook-id"),
        header("webhook-timestamp"),
        header("webhook-signature"),
        r.body.as_bytes(),
        u64::try_from(now.millis() / 1000).unwrap(),
        300,
    )
}

async fn each_service_gets_its_own_events_and_no_other_tenants(b: Backend) {
    let s = TestServer::start_with(b, |c| c.webhook_private_targets = true).await;
    let beta = second_service(&s).await;
    let (to_acme, to_beta) = (ProviderEndpoint::default(), ProviderEndpoint::default());
    let (acme_url, beta_url) = (to_acme.start().await, to_beta.start().await);
    let acme_hook = register(
        &s,
        &s.key,
        json!({"url": format!("{acme_url}/hooks"), "events": ["challenge.*"]}),
    )
    .await;
    assert_eq!(acme_hook.status, 201, "{}", acme_hook.body);
    let beta_hook = register(&s, &beta, json!({"url": format!("{beta_url}/hooks")})).await;
    assert_eq!(beta_hook.status, 201, "{}", beta_hook.body);
    let acme_secret = acme_hook.body["secret"].as_str().unwrap();
    assert!(acme_secret.starts_with("whsec_"));

    let acme_challenge = activity(&s, &s.key, "alice").await;
    let beta_challenge = activity(&s, &beta, "bob").await;
    let at_acme = to_acme
        .wait_for("Acme's challenge created and cancelled", |r| r.len() >= 2)
        .await;
    let at_beta = to_beta
        .wait_for("Beta's user, challenge created and cancelled", |r| {
            r.len() >= 3
        })
        .await;
    for r in &at_acme {
        let event = r.json();
        assert_eq!(event["service_id"], s.service_id.as_str(), "{event}");
        assert_eq!(event["detail"]["challenge_id"], acme_challenge.as_str());
        assert!(
            verified(r, acme_secret, s.clock.now()),
            "signed with Acme's secret"
        );
    }
    let beta_id = at_beta[0].json()["service_id"].clone();
    assert_ne!(beta_id, json!(s.service_id));
    for r in &at_beta {
        assert_eq!(r.json()["service_id"], beta_id);
        assert!(
            !verified(r, acme_secret, s.clock.now()),
            "Beta's own secret, not Acme's"
        );
    }
    assert!(at_beta
        .iter()
        .any(|r| r.json()["detail"]["challenge_id"] == beta_challenge.as_str()));

    // Listed without the secret; the delivery log; Beta cannot see, replay
    // to, or remove Acme's endpoint, nor replay Acme's events to its own.
    let id = acme_hook.body["id"].as_str().unwrap();
    let listed = s.get("/v1/service/webhooks").await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
    assert_eq!(listed.body[0]["id"], id);
    assert!(listed.body[0].get("secret").is_none());
    let log = s
        .get(&format!("/v1/service/webhooks/{id}/deliveries"))
        .await;
    assert!(
        log.body
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["status_code"] == 200),
        "{}",
        log.body
    );
    let (deliveries, endpoint) = (
        format!("/v1/service/webhooks/{id}/deliveries"),
        format!("/v1/service/webhooks/{id}"),
    );
    s.call(reqwest::Method::GET, &deliveries, Some(&beta), None)
        .await
        .assert_problem(404, "not_found");
    s.call(reqwest::Method::DELETE, &endpoint, Some(&beta), None)
        .await
        .assert_problem(404, "not_found");
    let beta_hook_id = beta_hook.body["id"].as_str().unwrap();
    let acme_event = at_acme[0].json()["id"].as_str().unwrap().to_owned();
    let beta_replay = format!("/v1/service/webhooks/{beta_hook_id}/replay");
    s.call(
        reqwest::Method::POST,
        &beta_replay,
        Some(&beta),
        Some(json!({"event_ids": [acme_event]})),
    )
    .await
    .assert_problem(400, "invalid_request");
    // Acme replays its own event: delivered again, logged as attempt 0.
    let replayed = s
        .post(
            &format!("/v1/service/webhooks/{id}/replay"),
            json!({"event_ids": [acme_event]}),
        )
        .await;
    assert_eq!(replayed.status, 200, "{}", replayed.body);
    assert_eq!(
        (
            replayed.body[0]["attempt"].clone(),
            replayed.body[0]["status_code"].clone()
        ),
        (json!(0), json!(200))
    );
    // The secrets are sealed with the master key: a key rotation reseals them.
    let sealed = s.state.store.sealed_secrets().await.unwrap();
    assert!(sealed
        .iter()
        .any(|(sealed_id, value)| sealed_id == id && !value.contains(acme_secret)));

    assert_eq!(
        s.delete(&format!("/v1/service/webhooks/{id}")).await.status,
        204
    );
    assert_eq!(s.get("/v1/service/webhooks").await.body, json!([]));
    assert_eq!(
        s.count_rows(&format!("webhook_cursors WHERE endpoint = '{id}'"))
            .await,
        0,
        "it holds back no pruning"
    );
    assert_eq!(
        s.count_rows("events WHERE kind = 'service.webhook_created'")
            .await,
        2
    );
    assert_eq!(
        s.count_rows("events WHERE kind = 'service.webhook_deleted'")
            .await,
        1
    );
}

async fn bad_registrations_are_refused_and_write_nothing(b: Backend) {
    let s = TestServer::start_with(b, |c| c.webhook_private_targets = true).await;
    for (body, field) in [
        (json!({"url": "ftp://hooks.example.com/x"}), "url"),
        (json!({"url": "not a url"}), "url"),
        (
            json!({"url": format!("https://example.com/{}", "x".repeat(2048))}),
            "url",
        ),
        (
            json!({"url": "https://example.com/", "events": ["Challenge.*"]}),
            "events",
        ),
        (
            json!({"url": "https://example.com/", "events": ["a b"]}),
            "events",
        ),
        (
            json!({"url": "https://example.com/", "events": vec!["user.*"; 51]}),
            "events",
        ),
    ] {
        let r = register(&s, &s.key, body.clone()).await;
        r.assert_problem(400, "invalid_request");
        assert!(r.body.to_string().contains(field), "{body}: {}", r.body);
    }
    for body in [
        json!(["https://example.com/"]),
        json!({"url": 5}),
        json!({"url": "https://example.com/", "secret": "mine"}),
    ] {
        register(&s, &s.key, body)
            .await
            .assert_problem(400, "invalid_request");
    }
    assert_eq!(s.count_rows("service_webhooks").await, 0);
    for i in 0..10 {
        assert_eq!(
            register(
                &s,
                &s.key,
                json!({"url": format!("https://example.com/{i}")})
            )
            .await
            .status,
            201
        );
    }
    register(&s, &s.key, json!({"url": "https://example.com/11"}))
        .await
        .assert_problem(409, "too_many_webhooks");
    assert_eq!(s.count_rows("service_webhooks").await, 10);
    s.delete("/v1/service/webhooks/whk_00000000000000000000000000000000")
        .await
        .assert_problem(404, "not_found");
    s.get("/v1/service/webhooks/nope/deliveries?limit=0")
        .await
        .assert_problem(400, "invalid_request");
    s.call(reqwest::Method::GET, "/v1/service/webhooks", None, None)
        .await
        .assert_problem(401, "unauthorized");
}

async fn private_addresses_are_refused_unless_the_operator_allows_them(b: Backend) {
    let s = TestServer::start(b).await;
    let receiver = ProviderEndpoint::default();
    let url = receiver.start().await;
    for literal in [
        url.clone(),
        "http://[::1]/x".into(),
        "http://169.254.169.254/latest".into(),
        "http://10.0.0.1/".into(),
    ] {
        register(&s, &s.key, json!({"url": literal}))
            .await
            .assert_problem(400, "invalid_request");
    }
    // A name is checked when it is resolved: `localhost` is accepted, and
    // every delivery to it fails without a connection.
    let port = url.rsplit(':').next().unwrap();
    let hook = register(
        &s,
        &s.key,
        json!({"url": format!("http://localhost:{port}/hooks")}),
    )
    .await;
    assert_eq!(hook.status, 201, "{}", hook.body);
    let id = hook.body["id"].as_str().unwrap().to_owned();
    activity(&s, &s.key, "alice").await;
    crate::harness::eventually("a refused delivery in the log", || async {
        let log = s
            .get(&format!("/v1/service/webhooks/{id}/deliveries"))
            .await;
        log.body.as_array().is_some_and(|l| !l.is_empty())
    })
    .await;
    let log = s
        .get(&format!("/v1/service/webhooks/{id}/deliveries"))
        .await;
    assert!(log.body[0]["status_code"].is_null(), "{}", log.body);
    assert_eq!(
        receiver.all().len(),
        0,
        "nothing reached the private address"
    );
}
