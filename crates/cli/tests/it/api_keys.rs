//! A service's API keys over HTTP and from the CLI: create (shown once),
//! list (never the keys), revoke; old and new keys both work during a
//! rotation, a revoked key is refused at once, by every server process, and
//! the last key is never revoked by accident. Each creation and revocation
//! is an audit event.

use reqwest::Method;
use serde_json::{json, Value};

use crate::cli::Cluster;
use crate::harness::{Backend, TestServer, T0};
use crate::on_both_backends;

on_both_backends!(
    keys_rotate_without_downtime_and_a_revoked_key_is_refused,
    a_key_revoked_through_one_server_is_refused_by_the_other_at_once
);

/// The service's events of `kind`, oldest first, from its audit chain.
async fn service_events(s: &TestServer, kind: &str) -> Vec<Value> {
    s.state.store.seal_chains().await.unwrap();
    let chain = s.state.store.audit_chain(&s.service_id).await.unwrap();
    chain
        .events
        .into_iter()
        .filter(|(e, _)| e.kind == kind)
        .map(|(e, _)| e.detail)
        .collect()
}

async fn keys_rotate_without_downtime_and_a_revoked_key_is_refused(b: Backend) {
    let s = TestServer::start(b).await;
    let as_key = |key: &str, method: Method, path: &str| {
        let (key, path) = (key.to_owned(), path.to_owned());
        let s = &s;
        async move { s.call(method, &path, Some(&key), None).await }
    };
    let old = s.key.clone();
    let listed = s.get("/v1/service/keys").await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    let keys = listed.body.as_array().unwrap();
    assert_eq!(keys.len(), 1);
    let old_id = keys[0]["id"].as_str().unwrap().to_owned();
    assert!(old_id.starts_with("key_"), "{old_id}");
    assert!(old.starts_with(keys[0]["prefix"].as_str().unwrap()));
    assert_eq!(
        keys[0]["prefix"].as_str().unwrap().len(),
        "cs_live_".len() + 6
    );
    assert_eq!(keys[0]["created_at"], T0.to_rfc3339());
    assert_eq!(
        keys[0]["last_used_at"],
        T0.to_rfc3339(),
        "this request used it"
    );
    assert!(!listed.body.to_string().contains(&old["cs_live_".len()..]));

    // A new key: shown once, and both keys work meanwhile.
    let created = s.post("/v1/service/keys", json!({})).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let new = created.body["api_key"].as_str().unwrap().to_owned();
    let new_id = created.body["id"].as_str().unwrap().to_owned();
    assert!(new.starts_with(created.body["prefix"].as_str().unwrap()));
    assert_eq!(created.body["last_used_at"], Value::Null);
    for key in [&old, &new] {
        assert_eq!(as_key(key, Method::GET, "/v1/service").await.status, 200);
    }
    let listed = s.get("/v1/service/keys").await.body;
    assert_eq!(listed.as_array().unwrap().len(), 2);
    for secret in [&old, &new] {
        assert!(!listed.to_string().contains(&secret["cs_live_".len()..]));
    }

    // `last_used_at` moves at most once a minute: no write per request.
    let last_used = |listed: &Value, id: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["id"] == id)
            .map(|k| k["last_used_at"].clone())
            .unwrap()
    };
    s.advance(30);
    as_key(&new, Method::GET, "/v1/service").await;
    let listed = s.get("/v1/service/keys").await.body;
    assert_eq!(last_used(&listed, &new_id), T0.to_rfc3339());
    s.advance(31);
    as_key(&new, Method::GET, "/v1/service").await;
    let listed = s.get("/v1/service/keys").await.body;
    let minute_later = countersign_core::Timestamp(T0.millis() + 61_000).to_rfc3339();
    assert_eq!(last_used(&listed, &new_id), minute_later);

    // Revoked with the new key: the old one is refused from the next request.
    let revoked = as_key(&new, Method::DELETE, &format!("/v1/service/keys/{old_id}")).await;
    assert_eq!(revoked.status, 200, "{}", revoked.body);
    assert_eq!(revoked.body["id"], old_id.as_str());
    as_key(&old, Method::GET, "/v1/service")
        .await
        .assert_problem(401, "unauthorized");
    as_key(&old, Method::GET, "/v1/service/keys")
        .await
        .assert_problem(401, "unauthorized");
    assert_eq!(as_key(&new, Method::GET, "/v1/service").await.status, 200);

    // The last key stays, with a clear error; unknown keys are not found.
    as_key(&new, Method::DELETE, &format!("/v1/service/keys/{new_id}"))
        .await
        .assert_problem(409, "last_api_key");
    assert_eq!(as_key(&new, Method::GET, "/v1/service").await.status, 200);
    for id in [old_id.as_str(), "key_nope", "%00"] {
        as_key(&new, Method::DELETE, &format!("/v1/service/keys/{id}"))
            .await
            .assert_problem(404, "not_found");
    }
    // Another service neither sees nor revokes this service's keys.
    let other = s.second_service_key().await;
    let theirs = as_key(&other, Method::GET, "/v1/service/keys").await.body;
    assert_eq!(theirs.as_array().unwrap().len(), 1);
    assert!(!theirs.to_string().contains(&new_id));
    as_key(
        &other,
        Method::DELETE,
        &format!("/v1/service/keys/{new_id}"),
    )
    .await
    .assert_problem(404, "not_found");
    assert_eq!(as_key(&new, Method::GET, "/v1/service").await.status, 200);

    // Audited: which key, created or revoked by which key.
    let created = service_events(&s, "service.api_key_created").await;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["key_id"], new_id.as_str());
    assert_eq!(created[0]["by"], "api");
    assert_eq!(created[0]["by_key_id"], old_id.as_str());
    let revoked = service_events(&s, "service.api_key_revoked").await;
    assert_eq!(revoked.len(), 1, "refused revocations record nothing");
    assert_eq!(revoked[0]["key_id"], old_id.as_str());
    assert_eq!(revoked[0]["by_key_id"], new_id.as_str());
    assert!(!format!("{created:?}{revoked:?}").contains(&new["cs_live_".len()..]));
}

/// Runs the CLI with the cluster's environment; its stdout lines as JSON.
fn cli(cluster: &Cluster, args: &[&str]) -> Result<Vec<Value>, String> {
    let out = cluster.command().args(args).output().unwrap();
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect())
}

/// Two `serve` processes on one database: a key revoked through one (or
/// from the CLI) is refused by the other on the very next request, even
/// though the other served it a moment before.
async fn a_key_revoked_through_one_server_is_refused_by_the_other_at_once(b: Backend) {
    let mut cluster = Cluster::on(b, &[]).await;
    cluster.serve(2);
    let status = |i: usize, key: &str, method: Method, path: &str| {
        let req = cluster
            .http
            .request(method, format!("{}{path}", cluster.base(i)))
            .bearer_auth(key);
        async move { req.send().await.unwrap().status().as_u16() }
    };
    let old = cluster.api_key.clone();
    for i in 0..2 {
        assert_eq!(status(i, &old, Method::GET, "/v1/service").await, 200);
    }

    // Rotation from the CLI: the new key works on both servers at once.
    let created = cli(
        &cluster,
        &["service", "key", "create", "--service", "Acme Bank"],
    )
    .unwrap();
    let new = created[0]["api_key"].as_str().unwrap().to_owned();
    for i in 0..2 {
        assert_eq!(status(i, &new, Method::GET, "/v1/service").await, 200);
    }
    let listed = cli(
        &cluster,
        &["service", "key", "list", "--service", "Acme Bank"],
    )
    .unwrap();
    assert_eq!(listed.len(), 2);
    let old_id = listed
        .iter()
        .find(|k| old.starts_with(k["prefix"].as_str().unwrap()))
        .map(|k| k["id"].as_str().unwrap().to_owned())
        .unwrap();
    for secret in [&old, &new] {
        assert!(!format!("{listed:?}").contains(&secret["cs_live_".len()..]));
    }

    // Revoked through server 0: server 1, which served the key just
    // before, refuses it on the next request.
    let r = cluster
        .http
        .delete(format!("{}/v1/service/keys/{old_id}", cluster.base(0)))
        .bearer_auth(&new)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    for i in [1, 0] {
        assert_eq!(status(i, &old, Method::GET, "/v1/service").await, 401);
    }

    // A key created through server 1 and revoked from the CLI: refused by
    // both servers at once. The last key cannot be revoked.
    let third: Value = cluster
        .http
        .post(format!("{}/v1/service/keys", cluster.base(1)))
        .bearer_auth(&new)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let (third_key, third_id) = (
        third["api_key"].as_str().unwrap(),
        third["id"].as_str().unwrap(),
    );
    assert_eq!(status(0, third_key, Method::GET, "/v1/service").await, 200);
    let revoked = cli(
        &cluster,
        &[
            "service",
            "key",
            "revoke",
            "--service",
            "Acme Bank",
            third_id,
        ],
    )
    .unwrap();
    assert_eq!(revoked[0]["revoked"], true);
    for i in 0..2 {
        assert_eq!(status(i, third_key, Method::GET, "/v1/service").await, 401);
    }
    let new_id = cli(
        &cluster,
        &["service", "key", "list", "--service", "Acme Bank"],
    )
    .unwrap()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let refused = cli(
        &cluster,
        &[
            "service",
            "key",
            "revoke",
            "--service",
            "Acme Bank",
            &new_id,
        ],
    )
    .unwrap_err();
    assert!(refused.contains("last API key"), "{refused}");
    assert_eq!(status(1, &new, Method::GET, "/v1/service").await, 200);

    // The audit log says who did what.
    let events = cli(&cluster, &["audit", "export", "--service", "Acme Bank"]).unwrap();
    let by: Vec<(String, String)> = events
        .iter()
        .filter(|e| e["type"].as_str().unwrap().starts_with("service.api_key_"))
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_owned(),
                e["detail"]["by"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("service.api_key_created", "operator"),
        ("service.api_key_revoked", "api"),
        ("service.api_key_created", "api"),
        ("service.api_key_revoked", "operator"),
    ];
    assert_eq!(
        by,
        expected.map(|(t, b)| (t.to_owned(), b.to_owned())).to_vec()
    );
}
