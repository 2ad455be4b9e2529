//! Retention: ended challenges and their messages go once their retention
//! is over and live ones stay; old events are pruned behind a checkpoint,
//! `audit verify` still checks the rest from it and still finds tampering;
//! events a webhook endpoint has not delivered stay. Time passes on the
//! server's manual clock; `countersign purge` runs on the real one.

use std::time::Duration;

use countersign_app::config::WebhookEndpoint;
use countersign_core::event::Event;
use countersign_core::{Clock, SystemClock};
use serde_json::{json, Value};

use crate::cli::countersign;
use crate::harness::{eventually, Backend, ProviderEndpoint, TestServer};
use crate::on_both_backends;

const DAY: u64 = 86_400;

/// `countersign audit verify` on the server's database: its report of
/// `service`, and whether it exited 0.
fn audit_verify(s: &TestServer, service: &str) -> (Value, bool) {
    let out = countersign()
        .env("COUNTERSIGN_DATABASE", &s.database)
        .args(["audit", "verify", "--service", service])
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (report, out.status.success())
}

/// What `audit verify` finds wrong with "Acme Bank", which it must.
fn broken(s: &TestServer) -> String {
    let (report, ok) = audit_verify(s, "Acme Bank");
    assert!(!ok && report["intact"] == false, "{report}");
    report["problem"].as_str().unwrap().to_owned()
}

async fn old_challenges_go_and_live_ones_stay(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    // One approved by SMS (with its message), one cancelled.
    let approved = s.challenge("alice", "login").await;
    let sent = s
        .post(
            &format!("/v1/challenges/{approved}/send"),
            json!({"channel": "sms"}),
        )
        .await;
    assert_eq!(sent.status, 202, "{}", sent.body);
    let message_id = sent.body["message_id"].as_str().unwrap().to_owned();
    let code = s.received_code("sms").await;
    assert_eq!(s.verify(&approved, "sms", &code).await.status, 200);
    let cancelled = s.challenge("alice", "login").await;
    s.post(&format!("/v1/challenges/{cancelled}/cancel"), json!({}))
        .await;

    // 29 days on, everything is still there.
    s.advance(29 * DAY);
    let report = s.state.purge().await.unwrap();
    assert_eq!(report.purged.challenges, 0, "{report:?}");
    assert_eq!(
        s.get(&format!("/v1/challenges/{approved}")).await.status,
        200
    );

    // Past 30 days, the ended ones go with their message; one opened now
    // stays, pending.
    s.advance(2 * DAY);
    let live = s.challenge("alice", "login").await;
    let report = s.state.purge().await.unwrap();
    assert_eq!(
        (report.purged.challenges, report.purged.messages),
        (2, 1),
        "{report:?}"
    );
    for gone in [&approved, &cancelled] {
        assert_eq!(s.get(&format!("/v1/challenges/{gone}")).await.status, 404);
    }
    assert_eq!(s.state.store.message(&message_id).await.unwrap(), None);
    let r = s.get(&format!("/v1/challenges/{live}")).await;
    assert_eq!(r.body["status"], "pending", "{}", r.body);
    // The user and their events stay.
    assert!(s
        .event_types("alice")
        .await
        .contains(&"challenge.approved".to_owned()));
}

async fn old_events_are_pruned_and_the_rest_still_verifies(backend: Backend) {
    let s = TestServer::start_with(backend, |c| c.retention.events_days = Some(400)).await;
    s.alice("alice").await;
    s.challenge("alice", "login").await;
    s.advance(401 * DAY);
    s.challenge("alice", "login").await;
    s.state.store.seal_chains().await.unwrap();
    let before = s.state.store.audit_chain(&s.service_id).await.unwrap();

    let report = s.state.purge().await.unwrap();
    assert!(report.purged.events >= 2, "{report:?}");
    let after = s.state.store.audit_chain(&s.service_id).await.unwrap();
    let cut = report.purged.events as usize;
    assert_eq!(after.events, before.events[cut..]);
    assert!(after.events[0].0.at >= s.clock.now().minus(Duration::from_secs(400 * DAY)));

    let (report, ok) = audit_verify(&s, "Acme Bank");
    assert!(ok, "{report}");
    assert_eq!(report["intact"], true);
    assert_eq!(report["checkpoint"]["seq"], json!(cut));
    assert_eq!(report["events"], json!(after.events.len()));
    assert!(report["checkpoint"]["at"].is_string(), "{report}");
    // Nothing older is left to prune.
    assert_eq!(s.state.purge().await.unwrap().purged.events, 0);

    // Tampering with a kept event is still found…
    let first_kept = cut + 1;
    s.sql(&format!(
        "UPDATE events SET detail = '{{\"forged\":true}}' WHERE chain_seq = {first_kept}"
    ))
    .await;
    assert!(
        broken(&s).contains(&format!("#{first_kept}) was changed")),
        "{}",
        broken(&s)
    );
    // …and so is a kept event deleted behind the checkpoint's back.
    let fresh = TestServer::start_with(backend, |c| c.retention.events_days = Some(400)).await;
    fresh.alice("alice").await;
    fresh.advance(401 * DAY);
    fresh.challenge("alice", "login").await;
    fresh.challenge("alice", "login").await;
    fresh.state.store.seal_chains().await.unwrap();
    let cut = fresh.state.purge().await.unwrap().purged.events;
    assert!(audit_verify(&fresh, "Acme Bank").1);
    fresh
        .sql(&format!("DELETE FROM events WHERE chain_seq = {}", cut + 1))
        .await;
    assert!(
        broken(&fresh).contains(&format!("missing before #{}", cut + 2)),
        "{}",
        broken(&fresh)
    );
}

async fn undelivered_webhook_events_are_kept(backend: Backend) {
    let receiver = ProviderEndpoint::default();
    let url = receiver.start().await;
    let s = TestServer::start_with(backend, |c| {
        c.retention.events_days = Some(400);
        c.webhooks = vec![WebhookEndpoint {
            name: Some("crm".into()),
            url: format!("{url}/hooks"),
            secret: Some("whsec_test".into()),
            events: vec![],
        }];
    })
    .await;
    // The receiver is down.
    receiver.answer_always(Some(503));
    s.alice("alice").await;
    s.challenge("alice", "login").await;
    receiver
        .wait_for("a failed delivery", |r| !r.is_empty())
        .await;

    s.advance(401 * DAY);
    s.state.store.seal_chains().await.unwrap();
    let chain = s.state.store.audit_chain(&s.service_id).await.unwrap();
    let report = s.state.purge().await.unwrap();
    assert_eq!(report.purged.events, 0, "{report:?}");
    assert_eq!(
        s.state.store.audit_chain(&s.service_id).await.unwrap(),
        chain
    );

    // Back up: once every event is delivered, they go. A pass that began
    // while the receiver was down may still fail after this and wait its
    // backoff (up to an hour of the test's clock): the clock moves an hour
    // at each look, as time would, so that the retry always falls due.
    receiver.answer_always(None);
    let all = chain.events.len();
    // The delivery log is written with the endpoint's position.
    eventually("every event delivered", || async {
        s.advance(3600);
        let log = s.state.store.webhook_deliveries("crm", 100).await.unwrap();
        log.iter().filter(|d| d.status_code == Some(200)).count() >= all
    })
    .await;
    let report = s.state.purge().await.unwrap();
    assert_eq!(report.purged.events as usize, all, "{report:?}");
    let (report, ok) = audit_verify(&s, "Acme Bank");
    assert!(ok, "{report}");
    assert_eq!(report["checkpoint"]["seq"], json!(all));
}

/// `countersign purge` runs on the real clock: a service whose events are
/// 500 days old (by the real clock) loses them, the test service (whose
/// clock is years ahead) keeps its own.
async fn the_purge_command_prints_what_it_deleted(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let long_ago = SystemClock.now().minus(Duration::from_secs(500 * DAY));
    let (old, _) =
        countersign_app::admin::create_service(s.state.store.as_ref(), "Old Co", long_ago)
            .await
            .unwrap();
    let events: Vec<Event> = (0..3)
        .map(|_| Event::new(&old.id, None, "service.updated", long_ago, None, json!({})))
        .collect();
    s.state.store.insert_events(&events).await.unwrap();
    s.state.store.seal_chains().await.unwrap();
    let acme = s.state.store.audit_chain(&s.service_id).await.unwrap();

    let purge = |events_days: Option<&str>| {
        let mut cmd = countersign();
        // The master key is not needed.
        cmd.env("COUNTERSIGN_DATABASE", &s.database)
            .env("COUNTERSIGN_KEY_FILE", s.dir.join("no.key"))
            .arg("purge");
        if let Some(days) = events_days {
            cmd.env("COUNTERSIGN_RETENTION__EVENTS_DAYS", days);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!s.dir.join("no.key").exists());
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    // Events are kept for ever unless told otherwise.
    let report = purge(None);
    assert_eq!(report["events"], 0, "{report}");
    assert!(
        report["challenges"].is_u64() && report["batches"].is_u64(),
        "{report}"
    );
    let report = purge(Some("400"));
    assert_eq!(report["events"], 3, "{report}");
    let (report, ok) = audit_verify(&s, "Old Co");
    assert!(ok, "{report}");
    assert_eq!(report["checkpoint"]["seq"], 3);
    assert_eq!(report["events"], 0);
    assert_eq!(
        s.state.store.audit_chain(&s.service_id).await.unwrap(),
        acme
    );
    // A bad setting is refused with its name.
    let out = countersign()
        .env("COUNTERSIGN_DATABASE", &s.database)
        .env("COUNTERSIGN_RETENTION__EVENTS_DAYS", "0")
        .arg("purge")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("retention.events_days"));
}

on_both_backends!(
    old_challenges_go_and_live_ones_stay,
    old_events_are_pruned_and_the_rest_still_verifies,
    undelivered_webhook_events_are_kept,
    the_purge_command_prints_what_it_deleted,
);
