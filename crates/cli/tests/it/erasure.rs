//! Erasure (GDPR): deleting a user erases what past events say about them —
//! their id, IP address, masked contacts, notified destinations — while
//! every audit chain still verifies and other users' events stay whole. A
//! deletion whose erasure a crash interrupted is finished by the purge.

use countersign_core::event::Event;
use serde_json::{json, Value};

use crate::cli::countersign;
use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

on_both_backends!(
    deleting_a_user_erases_their_personal_data_and_the_chain_still_verifies,
    an_erasure_a_crash_interrupted_is_finished_by_the_purge
);

/// `countersign audit <args>` on the server's database: its stdout, after
/// checking that it succeeded.
fn audit(s: &TestServer, args: &[&str]) -> String {
    let out = countersign()
        .env("COUNTERSIGN_DATABASE", &s.database)
        .arg("audit")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The chain as `audit export` prints it, after `audit verify` found it
/// intact.
fn verified_export(s: &TestServer) -> Vec<Value> {
    let report: Value =
        serde_json::from_str(&audit(s, &["verify", "--service", "Acme Bank"])).unwrap();
    assert_eq!(report["intact"], true, "{report}");
    audit(s, &["export", "--service", "Acme Bank"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A user who signs in by SMS and changes their phone (a masked `from`/`to`,
/// a hold, notices to their contacts): the ids of their events.
async fn active_user(s: &TestServer, user_id: &str) -> Vec<String> {
    s.alice(user_id).await;
    let opened = s
        .post(
            "/v1/challenges",
            json!({"user_id": user_id, "purpose": "login", "context": {"ip": "203.0.113.7"}}),
        )
        .await;
    assert_eq!(opened.status, 201, "{}", opened.body);
    let chl = opened.body["id"].as_str().unwrap().to_owned();
    let code = s.send(&chl, "sms").await;
    s.verify(&chl, "sms", &code).await;
    let changed = s
        .put(
            &format!("/v1/users/{user_id}"),
            json!({"phone": "+44 7911 123456", "display_name": "Alice Liddell"}),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    let events = s
        .get(&format!("/v1/users/{user_id}/events?limit=200"))
        .await;
    events
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn deleting_a_user_erases_their_personal_data_and_the_chain_still_verifies(b: Backend) {
    let s = TestServer::start(b).await;
    let alices = active_user(&s, "alice.liddell").await;
    let bobs_before = {
        active_user(&s, "bob").await;
        s.get("/v1/users/bob/events?limit=200").await.body
    };
    let before = verified_export(&s);
    let line_of =
        |export: &[Value], id: &str| export.iter().find(|l| l["id"] == id).cloned().unwrap();
    // What the log says about Alice before: her id, her IP, her masked
    // numbers and the contacts her notices went to.
    let sent = before
        .iter()
        .find(|l| l["user_id"] == "alice.liddell" && l["type"] == "challenge.code_sent")
        .unwrap();
    assert_eq!(sent["ip"], "203.0.113.7", "{sent}");
    assert!(
        sent["detail"]["to"].as_str().unwrap().contains("89"),
        "{sent}"
    );
    assert!(before
        .iter()
        .any(|l| l["user_id"] == "alice.liddell" && l["detail"]["notified"].is_array()));
    let pk = s.get("/v1/users/alice.liddell").await.body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let her_notices = format!("notices WHERE user_pk = '{pk}'");
    assert!(
        s.count_rows(&her_notices).await > 0,
        "the phone change wrote notices"
    );

    assert_eq!(s.delete("/v1/users/alice.liddell").await.status, 204);

    let after = verified_export(&s);
    assert_eq!(after.len(), before.len() + 1, "the tombstone, nothing lost");
    let tombstone = after.last().unwrap();
    assert_eq!(tombstone["type"], "user.deleted");
    for id in alices
        .iter()
        .chain([tombstone["id"].as_str().unwrap().to_owned()].iter())
    {
        let (was, now) = (before.iter().find(|l| l["id"] == *id), line_of(&after, id));
        assert_eq!(
            (&now["user_id"], &now["ip"]),
            (&Value::Null, &Value::Null),
            "{now}"
        );
        assert!(
            now["personal_salt"].is_null() && now["personal_digest"].is_string(),
            "{now}"
        );
        for personal in ["to", "from", "notified", "change", "risk"] {
            assert!(now["detail"].get(personal).is_none(), "{now}");
        }
        if let Some(was) = was {
            // What does not name her stays: the kind, the time, the
            // challenge, the channel, the chain.
            assert_eq!(
                (&now["type"], &now["at"], &now["hash"]),
                (&was["type"], &was["at"], &was["hash"])
            );
            for public in [
                "challenge_id",
                "purpose",
                "channel",
                "method",
                "field",
                "because",
            ] {
                assert_eq!(
                    now["detail"].get(public),
                    was["detail"].get(public),
                    "{public}: {now}"
                );
            }
        }
    }
    let text = after.iter().map(Value::to_string).collect::<String>();
    assert!(!text.contains("alice"), "no trace of her id");
    // (Bob has the same first number: only her lines are searched.)
    for line in after
        .iter()
        .filter(|l| alices.contains(&l["id"].as_str().unwrap().to_owned()))
    {
        let line = line.to_string();
        for trace in ["•• 89", "•• 56", "203.0.113.7", "@example.com", "Liddell"] {
            assert!(!line.contains(trace), "{trace} in {line}");
        }
    }
    // Her notices are gone with her; Bob's events are untouched.
    assert_eq!(s.count_rows(&her_notices).await, 0);
    assert!(s.count_rows("notices").await > 0, "Bob's stay");
    assert_eq!(
        s.get("/v1/users/bob/events?limit=200").await.body,
        bobs_before
    );
    assert_eq!(
        s.count_rows("erasures").await,
        0,
        "finished with the deletion"
    );
    // The API shows an erased event as such.
    let tombstone_id = tombstone["id"].as_str().unwrap();
    let stored = s.state.store.event(tombstone_id).await.unwrap().unwrap();
    assert_eq!(serde_json::to_value(&stored).unwrap()["erased"], true);
}

async fn an_erasure_a_crash_interrupted_is_finished_by_the_purge(b: Backend) {
    let s = TestServer::start(b).await;
    let alices = active_user(&s, "alice").await;
    // The deletion commits, and the process dies before erasing: the
    // store's deletion alone is exactly that state.
    let user = s
        .state
        .store
        .user(&s.service_id, "alice")
        .await
        .unwrap()
        .unwrap();
    let tombstone = Event::new(
        &s.service_id,
        Some("alice"),
        "user.deleted",
        s.state.now(),
        None,
        json!({"id": user.id}),
    );
    s.state
        .store
        .delete_user(&user, &tombstone)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.count_rows("erasures").await, 1);
    assert!(verified_export(&s).iter().any(|l| l["user_id"] == "alice"));

    let out = countersign()
        .env("COUNTERSIGN_DATABASE", &s.database)
        .env("COUNTERSIGN_KEY_FILE", s.dir.join("no.key"))
        .arg("purge")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["erased_events"], alices.len() + 1, "{report}");
    assert_eq!(s.count_rows("erasures").await, 0);
    let export = verified_export(&s);
    assert!(!export.iter().any(|l| l["user_id"] == "alice"
        || l["ip"].is_string() && alices.contains(&l["id"].as_str().unwrap().to_owned())));
}
