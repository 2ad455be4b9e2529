//! `countersign migrate-db`: a SQLite deployment copied into an empty
//! PostgreSQL database, then served from it with the same key file: a user
//! who enrolled an authenticator on SQLite signs in on PostgreSQL, the
//! audit chains verify and go on from their copied heads; a target that is
//! not empty, or URLs of the wrong engines, are refused without a write.

use std::process::Output;

use serde_json::{json, Value};

use crate::backup::{refused, run};
use crate::factors::{active_totp, now_secs, oathtool_totp};
use crate::harness::{eventually, fresh_database, Backend, ProviderEndpoint, TestServer};
use crate::webhooks::{delivered, logged_events, with_endpoint};

/// The standard output of a command that succeeded.
fn stdout(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// One column of every row of `table` on `database`, as text, in key order.
async fn column(database: &str, table: &str, column: &str) -> Vec<Option<String>> {
    let sql = format!("SELECT CAST({column} AS TEXT) FROM {table} ORDER BY 1");
    if database.starts_with("sqlite:") {
        let mut c = <sqlx::SqliteConnection as sqlx::Connection>::connect(database)
            .await
            .unwrap();
        sqlx::query_scalar(&sql).fetch_all(&mut c).await.unwrap()
    } else {
        let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(database)
            .await
            .unwrap();
        sqlx::query_scalar(&sql).fetch_all(&mut c).await.unwrap()
    }
}

/// Whether the webhook endpoint got every event of the chain, each once, in
/// order.
async fn all_delivered(s: &TestServer, receiver: &ProviderEndpoint) -> bool {
    let chain: Vec<Value> = logged_events(s)
        .await
        .iter()
        .map(|e| e["id"].clone())
        .collect();
    let ids: Vec<Value> = delivered(&receiver.all())
        .into_iter()
        .map(Value::from)
        .collect();
    ids == chain
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_sqlite_deployment_moves_to_postgres() {
    let (mut s, receiver) = with_endpoint(Backend::Sqlite, &[]).await;
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    s.alice("bob").await;
    let chl = s.challenge("bob", "login").await;
    let code = s.send(&chl, "sms").await;
    let r = s.verify(&chl, "sms", &code).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    s.advance(30);
    let used = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let login = s.challenge("alice", "login").await;
    let r = s.verify(&login, "totp", &used).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    s.challenge("bob", "login").await;

    // Every event so far reached the webhook endpoint.
    eventually("every event delivered", || all_delivered(&s, &receiver)).await;
    // The fingerprint of the key, as `serve` records it at its start.
    countersign_app::checked_keyring(&s.state.config, s.state.store.as_ref())
        .await
        .unwrap();
    let key_file = s.dir.join("countersign.key");
    let key = key_file.as_path();
    let sqlite = s.database.clone();
    let pg = fresh_database(Backend::Postgres, &s.dir).await;
    let migrate = |from: &str, to: &str| {
        let args = ["migrate-db", "--from", from, "--to", to].map(str::to_owned);
        let sqlite = sqlite.clone();
        async move {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            run(&sqlite, key, &args).await
        }
    };

    // Wrong engines: refused before anything is opened.
    refused(
        &migrate(&pg, &pg).await,
        "the source must be a sqlite://PATH URL",
    );
    refused(
        &migrate(&sqlite, &sqlite).await,
        "the target must be a postgres:// URL",
    );
    let missing = format!("sqlite://{}", s.dir.join("none.db").display());
    refused(&migrate(&missing, &pg).await, "no database at");
    refused(
        &migrate(
            &sqlite,
            "postgres://nobody@127.0.0.1:5432/test?sslmode=bogus",
        )
        .await,
        "the target database: database URL not understood",
    );
    assert!(!s.dir.join("none.db").exists());

    // The SQLite server is idle (stopping it would guarantee that): the
    // copy is its database as it stands.
    let out = migrate(&sqlite, &pg).await;
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let tables = report["tables"].as_array().unwrap();
    assert!(tables.len() >= 19, "{report}");
    for table in tables {
        let name = table["table"].as_str().unwrap();
        let rows = table["rows"].as_u64().unwrap();
        assert_eq!(rows, s.count_rows(name).await as u64, "{name}");
        assert_eq!(
            column(&pg, name, "count(*)").await,
            vec![Some(rows.to_string())],
            "{name}"
        );
    }
    let rows = |name: &str| {
        tables.iter().find(|t| t["table"] == name).unwrap()["rows"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(
        (rows("services"), rows("users"), rows("factors")),
        (1, 2, 1)
    );
    assert_eq!((rows("webhook_endpoints"), rows("webhook_cursors")), (1, 1));
    assert!(
        rows("challenges") >= 3 && rows("messages") >= 1 && rows("settings") >= 1,
        "{report}"
    );
    let head = rows("events");
    assert_eq!(report["services"][0]["service"], "Acme Bank");
    assert_eq!(report["services"][0]["intact"], true, "{report}");
    assert_eq!(report["services"][0]["events"].as_u64(), Some(head));
    assert!(report["note"].as_str().unwrap().contains("key file"));

    // Byte for byte: the sealed seed, the key's fingerprint, the chain.
    for (table, col) in [
        ("factors", "secret"),
        ("settings", "value"),
        ("events", "hash"),
        ("events", "prev_hash"),
        ("audit_heads", "hash"),
    ] {
        let (on_sqlite, on_pg) = (
            column(&sqlite, table, col).await,
            column(&pg, table, col).await,
        );
        assert!(!on_sqlite.is_empty(), "{table}.{col}");
        assert_eq!(on_sqlite, on_pg, "{table}.{col}");
    }
    // SQLite's 0/1 are PostgreSQL's booleans.
    let as_bool = |v: Vec<Option<String>>| -> Vec<bool> {
        v.into_iter()
            .map(|v| matches!(v.as_deref(), Some("1" | "true")))
            .collect()
    };
    let on_sqlite = as_bool(column(&sqlite, "users", "phone_verified").await);
    assert_eq!(on_sqlite, [false, true]);
    assert_eq!(
        as_bool(column(&pg, "users", "phone_verified").await),
        on_sqlite
    );
    let export = |database: String| async move {
        stdout(
            &run(
                &database,
                key,
                &["audit", "export", "--service", "Acme Bank"],
            )
            .await,
        )
    };
    let copied = export(pg.clone()).await;
    assert_eq!(copied, export(sqlite.clone()).await);

    // A second copy into it is refused and changes nothing.
    refused(&migrate(&sqlite, &pg).await, "the target is not empty");
    assert_eq!(export(pg.clone()).await, copied);
    assert_eq!(
        column(&pg, "users", "count(*)").await,
        vec![Some("2".to_owned())]
    );

    // Served from PostgreSQL with the same key file: alice's authenticator
    // works, and the code she used on SQLite is still spent.
    s.restart(|c| c.database = pg.clone()).await;
    s.database = pg.clone();
    s.backend = Backend::Postgres;
    countersign_app::checked_keyring(&s.state.config, s.state.store.as_ref())
        .await
        .unwrap();
    let mut other = s.state.config.clone();
    other.key_file = s.dir.join("other.key");
    let wrong = countersign_app::checked_keyring(&other, s.state.store.as_ref()).await;
    assert!(
        matches!(wrong, Err(countersign_app::SetupError::WrongKey(_))),
        "{wrong:?}"
    );
    let login = s.challenge("alice", "login").await;
    s.verify(&login, "totp", &used)
        .await
        .assert_problem(422, "invalid_code");
    s.advance(30);
    let next = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let r = s.verify(&login, "totp", &next).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);

    // The webhook endpoint gets the new events, and none of the copied
    // ones again: its position in the chain was copied.
    eventually("the new events delivered", || all_delivered(&s, &receiver)).await;

    // The new events link after the copied head.
    let verified: Value =
        serde_json::from_str(&stdout(&run(&pg, key, &["audit", "verify"]).await)).unwrap();
    assert_eq!(verified["intact"], true, "{verified}");
    assert!(verified["events"].as_u64().unwrap() > head, "{verified}");
    let chain: Vec<Value> = export(pg.clone())
        .await
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let last_copied = &chain[head as usize - 1];
    assert_eq!(last_copied["chain_seq"], json!(head));
    assert_eq!(chain[head as usize]["prev_hash"], last_copied["hash"]);
    assert_eq!(chain[head as usize]["chain_seq"], json!(head + 1));
}
