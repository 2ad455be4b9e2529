//! Webhooks: every event reaches the integrator's endpoint, signed, in
//! order, at least once — also when the receiver was down and the server
//! restarted in between — with a delivery log and replays from the CLI.

use std::collections::HashSet;

use countersign_app::config::WebhookEndpoint;
use countersign_core::Clock;
use serde_json::{json, Value};

use crate::harness::{eventually, Backend, ProviderEndpoint, ProviderRequest, TestServer};
use crate::on_both_backends;

const SECRET: &str = "whsec_test";

pub(crate) async fn with_endpoint(b: Backend, events: &[&str]) -> (TestServer, ProviderEndpoint) {
    let receiver = ProviderEndpoint::default();
    let url = receiver.start().await;
    let events: Vec<String> = events.iter().map(|e| e.to_string()).collect();
    let s = TestServer::start_with(b, |c| {
        c.webhooks = vec![WebhookEndpoint {
            name: Some("crm".into()),
            url: format!("{url}/hooks"),
            secret: Some(SECRET.into()),
            events,
        }];
    })
    .await;
    (s, receiver)
}

/// The ids of the events that got a 2xx, in the order they arrived.
pub(crate) fn delivered(requests: &[ProviderRequest]) -> Vec<String> {
    requests
        .iter()
        .filter(|r| r.status == 200)
        .map(|r| r.json()["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Every chained event of the service, oldest first.
pub(crate) async fn logged_events(s: &TestServer) -> Vec<Value> {
    let chain = s.state.store.audit_chain(&s.service_id).await.unwrap();
    chain
        .events
        .into_iter()
        .map(|(e, _)| json!({"id": e.id, "type": e.kind}))
        .collect()
}

async fn delivered_after_an_outage_and_a_restart(b: Backend) {
    let (mut s, receiver) = with_endpoint(b, &[]).await;
    // Down: every delivery fails with 503.
    receiver.answer_always(Some(503));
    s.alice("alice").await;
    let first = s.challenge("alice", "login").await;
    receiver
        .wait_for("a failed delivery", |r| !r.is_empty())
        .await;
    eventually("the failure in the delivery log", || async {
        let log = s.state.store.webhook_deliveries("crm", 10).await.unwrap();
        log.iter().any(|d| d.status_code == Some(503))
    })
    .await;

    // Restart while the receiver is down; it comes back, and more happens
    // meanwhile.
    s.restart(|_| {}).await;
    receiver.answer_always(None);
    s.post(&format!("/v1/challenges/{first}/cancel"), json!({}))
        .await;
    s.challenge("alice", "login").await;
    // The retry is due 5 s after the failure, on the server's clock.
    s.advance(6);

    let expected = logged_events(&s).await;
    let expected_ids: Vec<String> = expected
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    let requests = receiver
        .wait_for("every event delivered", |r| {
            let ids: HashSet<String> = delivered(r).into_iter().collect();
            expected_ids.iter().all(|id| ids.contains(id))
        })
        .await;
    let ok = delivered(&requests);
    // Nothing lost, each exactly once, in the log's order.
    assert_eq!(ok, expected_ids, "delivered in order, once each");
    assert!(expected.iter().any(|e| e["type"] == "user.created"));
    assert!(expected.iter().any(|e| e["type"] == "challenge.cancelled"));

    for r in &requests {
        let body = r.json();
        // The same id in the header and the body, on every attempt.
        assert_eq!(
            r.headers["countersign-event-id"].to_str().unwrap(),
            body["id"].as_str().unwrap()
        );
        assert_eq!(body["service_id"], s.service_id.as_str());
        let signature = r.headers["countersign-signature"].to_str().unwrap();
        let now = u64::try_from(s.clock.now().millis() / 1000).unwrap();
        assert!(
            countersign_delivery::verify_signature_header(
                SECRET.as_bytes(),
                signature,
                r.body.as_bytes(),
                now,
                300
            ),
            "signed with the endpoint's secret"
        );
    }
    // The failed attempts were to the first event, which then went first.
    let first_event = &expected_ids[0];
    assert!(requests
        .iter()
        .filter(|r| r.status != 200)
        .all(|r| r.json()["id"] == first_event.as_str()));

    // The delivery log has the failures and the deliveries.
    eventually("every delivery in the log", || async {
        let log = s.state.store.webhook_deliveries("crm", 500).await.unwrap();
        log.iter().filter(|d| d.status_code == Some(200)).count() == expected_ids.len()
    })
    .await;
    let log = s.state.store.webhook_deliveries("crm", 500).await.unwrap();
    assert!(log
        .iter()
        .any(|d| d.status_code == Some(503) && &d.event_id == first_event));
    assert_eq!(
        log.iter().filter(|d| d.status_code == Some(200)).count(),
        expected_ids.len()
    );
}

/// An endpoint gets only the events it subscribed to.
async fn only_subscribed_events_are_sent(b: Backend) {
    let (s, receiver) = with_endpoint(b, &["challenge.approved", "user.security_*"]).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "email").await;
    s.verify(&id, "email", &code).await;
    crate::factors::active_totp(&s, "alice").await;
    let requests = receiver
        .wait_for("the approval and the hold", |r| r.len() >= 2)
        .await;
    let kinds: Vec<String> = requests
        .iter()
        .map(|r| r.json()["type"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kinds, ["challenge.approved", "user.security_hold"]);
    let approved = requests[0].json();
    assert_eq!(approved["user_id"], "alice");
    assert_eq!(
        approved["detail"]["methods"],
        json!(["email"]),
        "{approved}"
    );
}

/// The operator reads the delivery log and replays an event from the CLI:
/// same id and body, newly signed, logged as attempt 0.
async fn replayed_from_the_cli(b: Backend) {
    let (s, receiver) = with_endpoint(b, &[]).await;
    s.alice("alice").await;
    let delivered = receiver.wait_for("user.created", |r| !r.is_empty()).await;
    let event = delivered[0].json();
    let config = s.dir.join("cli.toml");
    std::fs::write(
        &config,
        format!(
            "database = \"{}\"\nkey_file = \"{}\"\n[[webhooks]]\nname = \"crm\"\nurl = \"{}\"\nsecret = \"{SECRET}\"\n",
            s.database,
            s.dir.join("countersign.key").display(),
            s.state.config.webhooks[0].url
        ),
    )
    .unwrap();
    let cli = |args: &[&str]| {
        crate::cli::countersign()
            .arg("--config")
            .arg(&config)
            .args(args)
            .output()
            .unwrap()
    };
    let before = receiver.all().len();
    let out = cli(&["webhook", "replay", "crm", event["id"].as_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = receiver.wait_for("the replay", |r| r.len() > before).await;
    assert_eq!(
        again[before].json(),
        event,
        "the same event, byte for byte in JSON"
    );

    let out = cli(&["webhook", "log", "crm"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The worker's delivery, and the replay (attempt 0).
    let attempts: Vec<(&Value, &Value)> = log
        .iter()
        .filter(|d| d["event_id"] == event["id"])
        .map(|d| (&d["attempt"], &d["status_code"]))
        .collect();
    assert!(attempts.contains(&(&json!(1), &json!(200))), "{log:?}");
    assert!(attempts.contains(&(&json!(0), &json!(200))), "{log:?}");

    let out = cli(&["webhook", "replay", "crm", "evt_nope"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no event \"evt_nope\""));
    let out = cli(&["webhook", "replay", "erp", event["id"].as_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no webhook endpoint named \"erp\""));
}

on_both_backends!(
    delivered_after_an_outage_and_a_restart,
    only_subscribed_events_are_sent,
    replayed_from_the_cli,
);

/// Three `serve` processes on one PostgreSQL, none polling: an event the
/// CLI writes beside them (a new API key) wakes their workers through
/// `LISTEN/NOTIFY`, and exactly one delivers it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_event_the_cli_writes_wakes_the_nodes_through_notify() {
    let receiver = ProviderEndpoint::default();
    let url = receiver.start().await;
    let mut s = TestServer::start_with(Backend::Postgres, |c| {
        c.webhooks = vec![WebhookEndpoint {
            name: Some("crm".into()),
            url: format!("{url}/hooks"),
            secret: Some(SECRET.into()),
            events: Vec::new(),
        }];
        // No timed look at all: only a signal can wake a worker.
        c.outbox_poll_ms = None;
    })
    .await;
    s.another_process().await;
    s.another_process().await;
    // The endpoint starts at the newest event: let a first one through.
    s.alice("alice").await;
    receiver
        .wait_for("the first event", |r| !r.is_empty())
        .await;
    let out = crate::cli::countersign()
        .env("COUNTERSIGN_DATABASE", &s.database)
        .env("COUNTERSIGN_KEY_FILE", s.dir.join("countersign.key"))
        .args(["service", "key", "create", "--service", "Acme Bank"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let is_new_key = |r: &ProviderRequest| r.json()["type"] == "service.api_key_created";
    let arrived = receiver
        .wait_for("the CLI's event", |r| r.iter().any(is_new_key))
        .await;
    assert_eq!(
        arrived.iter().filter(|r| is_new_key(r)).count(),
        1,
        "delivered once by one of the three nodes"
    );
}

/// Three nodes share the delivery: every event reaches the endpoint, the
/// first copies in chain order, and stopping a node mid-work loses nothing
/// (its lease runs out and another node carries on).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_nodes_deliver_in_order_and_lose_nothing_when_one_stops() {
    let (s, receiver) = with_endpoint(Backend::Postgres, &[]).await;
    let nodes = [s.another_node().await, s.another_node().await];
    let put = |base: &str, i: usize| {
        let request = s
            .http
            .put(format!("{base}/v1/users/u{i}"))
            .bearer_auth(&s.key)
            .json(&json!({"email": format!("u{i}@example.test")}))
            .send();
        async move { assert!(request.await.unwrap().status().is_success()) }
    };
    let bases = [&s.base, &nodes[0].base, &nodes[1].base];
    for i in 0..15 {
        put(bases[i % 3], i).await;
    }
    let [second, third] = nodes;
    third.stop().await;
    let bases = [&s.base, &second.base];
    for i in 15..30 {
        put(bases[i % 2], i).await;
    }
    // A lease the stopped node held runs out.
    s.advance(countersign_core::outbox::LEASE.as_secs() + 1);
    let logged: Vec<String> = logged_events(&s)
        .await
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(logged.len() >= 30, "{logged:?}");
    let firsts = |requests: &[ProviderRequest]| {
        let mut seen = HashSet::new();
        delivered(requests)
            .into_iter()
            .filter(|id| seen.insert(id.clone()))
            .collect::<Vec<_>>()
    };
    let arrived = receiver
        .wait_for("every event", |r| {
            let firsts = firsts(r);
            logged.iter().all(|id| firsts.contains(id))
        })
        .await;
    let firsts = firsts(&arrived);
    let in_chain: Vec<&String> = firsts.iter().filter(|id| logged.contains(id)).collect();
    assert_eq!(
        in_chain,
        logged.iter().collect::<Vec<_>>(),
        "first deliveries in chain order"
    );
}
