//! The audit log is tamper-evident: `countersign audit verify` finds an
//! edited, a deleted and a truncated event; `audit export` gives the chain.

use serde_json::{json, Value};

use crate::cli::countersign;
use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

async fn tampering_is_detected(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    for _ in 0..2 {
        let chl = s.challenge("alice", "login").await;
        let code = s.send(&chl, "sms").await;
        s.verify(&chl, "sms", &code).await;
    }
    let audit = |args: &[&str]| {
        countersign()
            .env("COUNTERSIGN_DATABASE", &s.database)
            .arg("audit")
            .args(args)
            .output()
            .unwrap()
    };
    let out = audit(&["verify"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["intact"], true, "{report}");
    let events = report["events"].as_u64().unwrap();
    assert!(events >= 7, "{report}");
    let export = audit(&["export", "--service", "Acme Bank"]);
    let lines: Vec<Value> = String::from_utf8(export.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, events);
    assert_eq!(lines[1]["prev_hash"], lines[0]["hash"]);

    // Someone with database access rewrites history…
    s.sql("UPDATE events SET detail = '{\"forged\":true}' WHERE chain_seq = 3")
        .await;
    let out = audit(&["verify"]);
    assert!(!out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["intact"], false);
    assert!(
        report["problem"]
            .as_str()
            .unwrap()
            .contains("#3) was changed"),
        "{report}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("tampered"));

    // …or deletes an event…
    let fresh = TestServer::start(backend).await;
    fresh.alice("alice").await;
    fresh.challenge("alice", "login").await;
    fresh.challenge("alice", "login").await;
    let verify_fresh = || {
        let out = countersign()
            .env("COUNTERSIGN_DATABASE", &fresh.database)
            .args(["audit", "verify", "--service", "Acme Bank"])
            .output()
            .unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    // Intact first (on PostgreSQL this also seals the new events into the
    // chain, which happens within a second anyway).
    assert_eq!(verify_fresh()["intact"], json!(true));
    fresh.sql("DELETE FROM events WHERE chain_seq = 2").await;
    let report = verify_fresh();
    assert!(
        report["problem"]
            .as_str()
            .unwrap()
            .contains("missing before #3"),
        "{report}"
    );
    // …or the newest ones.
    fresh.sql("DELETE FROM events WHERE chain_seq >= 2").await;
    let report = verify_fresh();
    assert!(
        report["problem"]
            .as_str()
            .unwrap()
            .contains("newest events were removed"),
        "{report}"
    );
    assert_eq!(json!(report["intact"]), json!(false));
}

on_both_backends!(tampering_is_detected);
