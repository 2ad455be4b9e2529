//! Durability: a server killed with SIGKILL in the middle of a write load
//! loses nothing it acknowledged. Every acknowledged write (a new user, a
//! cancelled challenge) is there after a restart on the same database, and
//! the audit chain still verifies.

use std::sync::{Arc, Mutex};

use serde_json::json;
use tokio::sync::Notify;

use crate::cli::Cluster;
use crate::harness::Backend;

/// Acknowledged writes after which the server is killed.
const KILL_AFTER: usize = 400;
/// Clients writing at once.
const CLIENTS: usize = 16;

/// What the clients were told was written.
#[derive(Default)]
struct Acknowledged {
    users: Vec<String>,
    /// Challenges whose cancellation was answered 200.
    cancelled: Vec<String>,
}

async fn kill_9_loses_no_acknowledged_write(backend: Backend) {
    let mut cluster = Cluster::on(backend, &[]).await;
    cluster.serve(1);
    let base = cluster.base(0).to_owned();
    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    let enough = Arc::new(Notify::new());
    let mut clients = Vec::new();
    for client in 0..CLIENTS {
        let (http, key, base) = (cluster.http.clone(), cluster.api_key.clone(), base.clone());
        let (acknowledged, enough) = (acknowledged.clone(), enough.clone());
        clients.push(tokio::spawn(async move {
            for n in 0.. {
                let user = format!("u{client}-{n}");
                let Ok(r) = http
                    .put(format!("{base}/v1/users/{user}"))
                    .bearer_auth(&key)
                    .json(&json!({"email": format!("{user}@example.com")}))
                    .send()
                    .await
                else {
                    return; // the server is gone
                };
                if r.status() != 201 {
                    return;
                }
                let Ok(r) = http
                    .post(format!("{base}/v1/challenges"))
                    .bearer_auth(&key)
                    .json(&json!({"user_id": user, "purpose": "login"}))
                    .send()
                    .await
                else {
                    acknowledged.lock().unwrap().users.push(user);
                    return;
                };
                let id = match r.json::<serde_json::Value>().await {
                    Ok(c) => c["id"].as_str().unwrap_or_default().to_owned(),
                    Err(_) => String::new(),
                };
                let cancelled = http
                    .post(format!("{base}/v1/challenges/{id}/cancel"))
                    .bearer_auth(&key)
                    .send()
                    .await
                    .is_ok_and(|r| r.status() == 200);
                let mut acked = acknowledged.lock().unwrap();
                acked.users.push(user);
                if cancelled {
                    acked.cancelled.push(id);
                }
                if acked.users.len() == KILL_AFTER {
                    enough.notify_one();
                }
            }
        }));
    }
    enough.notified().await;
    // SIGKILL while the clients keep writing.
    cluster.servers[0].child.kill().unwrap();
    cluster.servers[0].child.wait().unwrap();
    for c in clients {
        c.await.unwrap();
    }
    cluster.servers.clear();
    cluster.serve(1);

    let acked = std::mem::take(&mut *acknowledged.lock().unwrap());
    assert!(acked.users.len() >= KILL_AFTER);
    for user in &acked.users {
        let r = cluster
            .http
            .get(format!("{}/v1/users/{user}", cluster.base(0)))
            .bearer_auth(&cluster.api_key)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "acknowledged user {user} was lost");
    }
    for id in &acked.cancelled {
        let r = cluster
            .http
            .get(format!("{}/v1/challenges/{id}", cluster.base(0)))
            .bearer_auth(&cluster.api_key)
            .send()
            .await
            .unwrap();
        let c: serde_json::Value = r.json().await.unwrap();
        assert_eq!(
            c["status"], "cancelled",
            "acknowledged cancel of {id} was lost"
        );
    }
    let verified = cluster
        .command()
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(
        verified.status.success(),
        "{}{}",
        String::from_utf8_lossy(&verified.stdout),
        String::from_utf8_lossy(&verified.stderr)
    );
}

crate::on_both_backends!(kill_9_loses_no_acknowledged_write);

/// The SQLite writer remembers each service's audit-chain head; a CLI
/// command writing events while the server runs must not fork the chain.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_written_by_the_cli_beside_a_running_server_keep_the_chain_whole() {
    let mut cluster = Cluster::on(Backend::Sqlite, &[]).await;
    cluster.serve(1);
    let put = |user: &'static str| {
        cluster
            .http
            .put(format!("{}/v1/users/{user}", cluster.base(0)))
            .bearer_auth(&cluster.api_key)
            .json(&json!({"email": format!("{user}@example.com")}))
            .send()
    };
    assert_eq!(put("before").await.unwrap().status(), 201);
    let csv = cluster.dir.join("tokens.csv");
    std::fs::write(
        &csv,
        "user_id,type,secret,digits,period,counter,algorithm,label\n\
         imported,totp,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,6,30,,SHA1,\n",
    )
    .unwrap();
    let imported = cluster
        .command()
        .args(["token", "import", "--service", "Acme Bank"])
        .arg(&csv)
        .output()
        .unwrap();
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert_eq!(put("after").await.unwrap().status(), 201);
    let verified = cluster
        .command()
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(
        verified.status.success(),
        "{}{}",
        String::from_utf8_lossy(&verified.stdout),
        String::from_utf8_lossy(&verified.stderr)
    );
}
