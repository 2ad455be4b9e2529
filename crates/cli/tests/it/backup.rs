//! `countersign backup` and `restore`: a backup taken while the server keeps
//! writing is one consistent instant (its audit chains verify, a user's
//! authenticator still works on a server started from it), written mode
//! 0600 and never over a file; a restore never replaces a database in use,
//! nor one holding data without --force; PostgreSQL points at its tools.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use serde_json::{json, Value};

use crate::cli::countersign;
use crate::factors::{active_totp, now_secs, oathtool_totp};
use crate::harness::{eventually, postgres_url, Backend, TestServer};
use crate::readme::shell_blocks;

/// `countersign ARGS…` on `database` with `key_file`, run off the async
/// threads.
pub(crate) async fn run(database: &str, key_file: &Path, args: &[&str]) -> Output {
    let mut cmd = countersign();
    cmd.env("COUNTERSIGN_DATABASE", database)
        .env("COUNTERSIGN_KEY_FILE", key_file)
        .args(args);
    tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap()
}

fn succeeded(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub(crate) fn refused(out: &Output, because: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(stderr.contains(because), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_under_writes_restores_and_serves() {
    let mut s = TestServer::start(Backend::Sqlite).await;
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;

    // Another client keeps registering users and opening challenges.
    let stop = Arc::new(AtomicBool::new(false));
    let (started, done) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let writer = {
        let (stop, started, done) = (stop.clone(), started.clone(), done.clone());
        let (http, base, key) = (s.http.clone(), s.base.clone(), s.key.clone());
        tokio::spawn(async move {
            while !stop.load(Ordering::SeqCst) {
                let n = started.fetch_add(1, Ordering::SeqCst);
                let user = format!("bob{n}");
                let r = http
                    .put(format!("{base}/v1/users/{user}"))
                    .bearer_auth(&key)
                    .json(&json!({"email": format!("{user}@example.com")}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), 201);
                let r = http
                    .post(format!("{base}/v1/challenges"))
                    .bearer_auth(&key)
                    .json(&json!({"user_id": user, "purpose": "login"}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), 201);
                done.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    eventually("the other client writing", || async {
        done.load(Ordering::SeqCst) >= 5
    })
    .await;

    let key_file = s.dir.join("countersign.key");
    let key = key_file.as_path();
    let file = s.dir.join("backup.db");
    let path = file.to_str().unwrap();
    let users_before = done.load(Ordering::SeqCst) + 1;
    let report = succeeded(&run(&s.database, key, &["backup", path]).await);
    let begun = started.load(Ordering::SeqCst);
    let users_after = begun + 1;
    // One instant between the command's start and its end.
    let users = report["users"].as_u64().unwrap();
    assert!(
        (users_before..=users_after).contains(&users),
        "{users_before} ≤ {report} ≤ {users_after}"
    );
    assert_eq!(report["services"], 1);
    assert!(report["events"].as_u64().unwrap() > users, "{report}");
    assert_eq!(report["path"], path);
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(report["bytes"], meta.len());
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(report["note"].as_str().unwrap().contains("key file"));
    assert_eq!(report["key_file"], key.to_str().unwrap());

    // Never over an existing file.
    let bytes = std::fs::read(&file).unwrap();
    refused(
        &run(&s.database, key, &["backup", path]).await,
        "already exists",
    );
    assert_eq!(std::fs::read(&file).unwrap(), bytes);

    // Never into a database in use, even with --force.
    refused(
        &run(&s.database, key, &["restore", path]).await,
        "stop the server",
    );
    let forced = run(&s.database, key, &["restore", path, "--force"]).await;
    refused(&forced, "stop the server");

    let restored = format!("sqlite://{}", s.dir.join("restored.db").display());
    let back = succeeded(&run(&restored, key, &["restore", path]).await);
    for count in ["services", "users", "events"] {
        assert_eq!(back[count], report[count], "{back}");
    }
    refused(&run(&restored, key, &["restore", path]).await, "--force");
    // Again, with --force, over the database as a server leaves it (WAL).
    for _ in 0..2 {
        let audit = succeeded(&run(&restored, key, &["audit", "verify"]).await);
        assert_eq!(audit["intact"], true, "{audit}");
        assert_eq!(audit["events"], report["events"], "{audit}");
        succeeded(&run(&restored, key, &["restore", path, "--force"]).await);
    }

    // bob{begun} is registered after the backup: it is not in it.
    eventually("a user registered after the backup", || async {
        done.load(Ordering::SeqCst) > begun
    })
    .await;
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    // A server on the restored database, with the same key file: Alice's
    // authenticator app still proves her (next period: a code is good once).
    s.restart(|c| c.database = restored.clone()).await;
    s.advance(30);
    let chl = s.challenge("alice", "login").await;
    let code = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let r = s.verify(&chl, "totp", &code).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    assert_eq!(s.get(&format!("/v1/users/bob{begun}")).await.status, 404);
}

/// Runs `statement` on the suite's PostgreSQL server.
async fn on_postgres(statement: String) {
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&postgres_url())
        .await
        .unwrap();
    sqlx::query(&statement).execute(&mut conn).await.unwrap();
}

/// A new, empty PostgreSQL database: its URL and its name.
async fn new_postgres_database() -> (String, String) {
    let name = format!("cs_backup_{}", &countersign_core::ids::new_id("d")[2..]);
    on_postgres(format!("CREATE DATABASE {name}")).await;
    let admin = postgres_url();
    let (server, _) = admin.rsplit_once('/').unwrap();
    (format!("{server}/{name}"), name)
}

/// README's `pg_dump` and `pg_restore` lines, run as written while a server
/// runs on the database: the restored database verifies, and a server on
/// it with the same key file still takes Alice's authenticator.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_readme_commands_back_up_and_restore() {
    let ((source, source_name), (restored, restored_name)) =
        tokio::join!(new_postgres_database(), new_postgres_database());
    let mut s = TestServer::start_with(Backend::Postgres, |c| c.database = source.clone()).await;
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    let [commands] = &shell_blocks("### Backup and restore")[..] else {
        panic!("one shell block in README's \"Backup and restore\"");
    };
    let mut bash = std::process::Command::new("bash");
    bash.args(["-euc", commands])
        .current_dir(&s.dir)
        .env("DATABASE_URL", &source)
        .env("NEW_DATABASE_URL", &restored);
    let out = tokio::task::spawn_blocking(move || bash.output().unwrap())
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dump = std::fs::metadata(s.dir.join("countersign.dump")).unwrap();
    assert_eq!(dump.permissions().mode() & 0o777, 0o600);
    let key = s.dir.join("countersign.key");
    let audit = succeeded(&run(&restored, &key, &["audit", "verify"]).await);
    assert_eq!(audit["intact"], true, "{audit}");

    s.restart(|c| c.database = restored.clone()).await;
    s.advance(30);
    let chl = s.challenge("alice", "login").await;
    let code = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let r = s.verify(&chl, "totp", &code).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    drop(s);
    tokio::join!(
        on_postgres(format!("DROP DATABASE {source_name} WITH (FORCE)")),
        on_postgres(format!("DROP DATABASE {restored_name} WITH (FORCE)"))
    );
}

#[tokio::test]
async fn postgres_points_at_its_own_tools() {
    let dir = crate::harness::temp_dir("backup");
    let file = dir.join("backup.dump");
    let path = file.to_str().unwrap();
    let database = postgres_url();
    let key = dir.join("countersign.key");
    refused(
        &run(&database, &key, &["backup", path]).await,
        "pg_dump -Fc",
    );
    assert!(!file.exists());
    refused(
        &run(&database, &key, &["restore", path]).await,
        "pg_restore",
    );
    let _ = std::fs::remove_dir_all(Path::new(&dir));
}
