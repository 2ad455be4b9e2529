//! The binary as operators run it: `countersign service create`, `serve`
//! from a config file and from the environment, errors for bad config, and
//! two `serve` processes sharing one PostgreSQL database.

use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use futures::future::join_all;
use serde_json::{json, Value};

use crate::harness::{
    drop_schema, fresh_database, temp_dir, Backend, ProviderEndpoint, TestServer,
};

pub(crate) fn countersign() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_countersign"));
    // Only what the test sets: no stray COUNTERSIGN_* from the caller.
    for (k, _) in std::env::vars() {
        if k.starts_with("COUNTERSIGN_") {
            c.env_remove(k);
        }
    }
    c.env("COUNTERSIGN_LOG", "info");
    // Several servers run at once: each takes a free port for /metrics.
    c.env("COUNTERSIGN_METRICS_LISTEN", "127.0.0.1:0");
    c
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A `serve` process, killed when dropped.
pub(crate) struct Serving {
    pub(crate) child: Child,
    pub(crate) base: String,
    /// What it logged up to the line that says it is serving.
    pub(crate) startup: Vec<String>,
    pub(crate) logs: mpsc::Receiver<String>,
}

impl Serving {
    /// Every log line written so far.
    fn logs(&self) -> String {
        self.logs.try_iter().collect::<Vec<_>>().join("\n")
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `serve` and waits for the log line that says it is listening.
pub(crate) fn serve(mut cmd: Command, port: u16) -> Serving {
    serve_with(&mut cmd, port, &[])
}

pub(crate) fn serve_with(cmd: &mut Command, port: u16, flags: &[&str]) -> Serving {
    let mut child = cmd
        .arg("serve")
        .args(flags)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line);
        }
    });
    let mut seen = Vec::new();
    loop {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) if line.contains("countersign is serving") => {
                seen.push(line);
                break;
            }
            Ok(line) => seen.push(line),
            Err(_) => panic!("serve did not start: {seen:#?}"),
        }
    }
    Serving {
        child,
        base: format!("http://127.0.0.1:{port}"),
        startup: seen,
        logs: rx,
    }
}

fn create_service(cmd: &mut Command, name: &str) -> Value {
    let out = cmd.args(["service", "create", name]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Several `serve` processes on one fresh database (PostgreSQL unless told
/// otherwise) and one key file, with one service; everything is removed
/// when dropped.
pub(crate) struct Cluster {
    pub(crate) dir: std::path::PathBuf,
    database: String,
    env: Vec<(String, String)>,
    pub(crate) api_key: String,
    pub(crate) servers: Vec<Serving>,
    pub(crate) http: reqwest::Client,
}

impl Cluster {
    /// A database with the service "Acme Bank"; `env` is added to every
    /// command (providers, limits).
    async fn new(env: &[(&str, String)]) -> Cluster {
        Cluster::on(Backend::Postgres, env).await
    }

    /// The same, on `backend`.
    pub(crate) async fn on(backend: Backend, env: &[(&str, String)]) -> Cluster {
        let dir = temp_dir("cli-cluster");
        let database = fresh_database(backend, &dir).await;
        let mut cluster = Cluster {
            env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .chain([
                    ("COUNTERSIGN_DATABASE".into(), database.clone()),
                    (
                        "COUNTERSIGN_KEY_FILE".into(),
                        dir.join("shared.key").display().to_string(),
                    ),
                    ("COUNTERSIGN_LOG".into(), "debug".into()),
                ])
                .collect(),
            dir,
            database,
            api_key: String::new(),
            servers: Vec::new(),
            http: reqwest::Client::new(),
        };
        cluster.api_key = create_service(&mut cluster.command(), "Acme Bank")["api_key"]
            .as_str()
            .unwrap()
            .to_owned();
        cluster
    }

    /// The binary with this cluster's environment, for CLI commands.
    pub(crate) fn command(&self) -> Command {
        let mut cmd = countersign();
        cmd.envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        cmd
    }

    pub(crate) fn serve(&mut self, count: usize) {
        for _ in 0..count {
            let port = free_port();
            let mut cmd = self.command();
            cmd.env("COUNTERSIGN_LISTEN", format!("127.0.0.1:{port}"));
            self.servers.push(serve(cmd, port));
        }
    }

    pub(crate) fn base(&self, i: usize) -> &str {
        &self.servers[i % self.servers.len()].base
    }

    /// A POST with the service key to server `i` (round robin).
    fn post(
        &self,
        i: usize,
        path: &str,
        body: Value,
    ) -> impl std::future::Future<Output = reqwest::Result<reqwest::Response>> {
        self.http
            .post(format!("{}{path}", self.base(i)))
            .bearer_auth(&self.api_key)
            .json(&body)
            .send()
    }

    async fn post_json(&self, i: usize, path: &str, body: Value) -> Value {
        self.post(i, path, body)
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    async fn put_user(&self, user: &str, body: Value) {
        let r = self
            .http
            .put(format!("{}/v1/users/{user}", self.base(0)))
            .bearer_auth(&self.api_key)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
    }

    /// Creates a login challenge through server `i`.
    async fn challenge(&self, i: usize, user: &str) -> String {
        let r = self
            .post_json(
                i,
                "/v1/challenges",
                json!({"user_id": user, "purpose": "login"}),
            )
            .await;
        r["id"].as_str().unwrap().to_owned()
    }

    fn logs(&self) -> String {
        self.servers.iter().map(Serving::logs).collect()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.servers.clear();
        drop_schema(&self.database);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_create_then_serve_from_a_config_file() {
    let dir = temp_dir("cli");
    let port = free_port();
    let config = dir.join("countersign.toml");
    std::fs::write(
        &config,
        format!(
            "listen = \"127.0.0.1:{port}\"\ndatabase = \"sqlite://{db}\"\nkey_file = \"{key}\"\ndev = true\n",
            db = dir.join("cs.db").display(),
            key = dir.join("cs.key").display()
        ),
    )
    .unwrap();
    let created = create_service(countersign().arg("--config").arg(&config), "Acme Bank");
    assert!(created["id"].as_str().unwrap().starts_with("svc_"));
    assert_eq!(created["name"], "Acme Bank");
    let key = created["api_key"].as_str().unwrap().to_owned();
    assert!(key.starts_with("cs_live_"));

    let dup = countersign()
        .arg("--config")
        .arg(&config)
        .args(["service", "create", "Acme Bank"])
        .output()
        .unwrap();
    assert!(!dup.status.success());
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));
    let list = countersign()
        .arg("--config")
        .arg(&config)
        .args(["service", "list"])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&list.stdout);
    assert!(
        listed.contains("Acme Bank") && !listed.contains(&key),
        "{listed}"
    );

    let mut cmd = countersign();
    cmd.arg("--config").arg(&config);
    let server = serve(cmd, port);
    let http = reqwest::Client::new();
    let r = http
        .put(format!("{}/v1/users/alice", server.base))
        .bearer_auth(&key)
        .json(&json!({"email": "alice@example.com"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let r = http
        .post(format!("{}/v1/challenges", server.base))
        .bearer_auth(&key)
        .json(&json!({"user_id": "alice", "purpose": "login"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201, "dev mode offers email through the console");

    // A second server on the same database with another key file is refused.
    let mut other = countersign()
        .arg("--config")
        .arg(&config)
        .env("COUNTERSIGN_KEY_FILE", dir.join("other.key"))
        .env("COUNTERSIGN_LISTEN", format!("127.0.0.1:{}", free_port()))
        .arg("serve")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = other.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        let _ = tx.send(text);
    });
    let refused = rx.recv_timeout(Duration::from_secs(30));
    let _ = other.kill();
    let status = other.wait().unwrap();
    let text = refused.expect("a server with the wrong key must stop at once");
    assert!(!status.success());
    assert!(
        text.contains("does not hold the key this database was set up with"),
        "{text}"
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The README's first command and walk-through: `serve --dev` in an empty
/// folder creates its database, key and a demo service, and prints messages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dev_mode_runs_the_readme_walkthrough() {
    let dir = temp_dir("cli-dev");
    let port = free_port();
    let mut cmd = countersign();
    cmd.current_dir(&dir)
        .env("COUNTERSIGN_LISTEN", format!("127.0.0.1:{port}"));
    let server = serve_with(&mut cmd, port, &["--dev"]);
    assert!(dir.join("countersign.db").exists() && dir.join("countersign.key").exists());
    let key = server
        .startup
        .iter()
        .find_map(|l| l.split("export CS_KEY=").nth(1))
        .expect("the demo key is printed")
        .trim()
        .to_owned();
    let http = reqwest::Client::new();
    let call = |path: &str, body: Value| {
        http.post(format!("{}{path}", server.base))
            .bearer_auth(&key)
            .json(&body)
            .send()
    };
    let put = http
        .put(format!("{}/v1/users/alice", server.base))
        .bearer_auth(&key)
        .json(&json!({"phone": "+33 6 12 34 56 89", "email": "alice@example.com", "locale": "en"}))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 201);
    let created: Value = call(
        "/v1/challenges",
        json!({"user_id": "alice", "purpose": "login"}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let id = created["id"].as_str().unwrap();
    let sent = call(
        &format!("/v1/challenges/{id}/send"),
        json!({"channel": "sms"}),
    )
    .await
    .unwrap();
    assert_eq!(sent.status(), 202);
    // The console shows the message, ending with the "@host #code" line.
    let code = loop {
        let line = server
            .logs
            .recv_timeout(Duration::from_secs(30))
            .expect("the message is printed");
        if let Some(code) = line.split(" #").nth(1).filter(|c| c.len() == 6) {
            break code.to_owned();
        }
    };
    let verified: Value = call(
        &format!("/v1/challenges/{id}/verify"),
        json!({"method": "sms", "code": code}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(verified["status"], "approved");

    // The walk-through's authenticator app, its codes made by oathtool.
    let enrolled: Value = call("/v1/users/alice/factors", json!({"type": "totp"}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let secret = enrolled["secret"].as_str().unwrap();
    assert!(enrolled["otpauth_uri"]
        .as_str()
        .unwrap()
        .starts_with("otpauth://totp/Demo:alice%40example%2Ecom?"));
    let oathtool = |offset: i64| {
        let at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64
            + offset;
        let out = std::process::Command::new("oathtool")
            .args(["--totp", "-b", "--now", &format!("@{at}"), secret])
            .output()
            .expect("oathtool is installed by .ci/install-test-tools");
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    };
    let activated = call(
        &format!(
            "/v1/users/alice/factors/{}/activate",
            enrolled["id"].as_str().unwrap()
        ),
        json!({"code": oathtool(0)}),
    )
    .await
    .unwrap();
    assert_eq!(activated.status(), 200);
    let withdrawal: Value = call(
        "/v1/challenges",
        json!({"user_id": "alice", "purpose": "withdrawal"}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let id = withdrawal["id"].as_str().unwrap();
    // The next step's code: the one used to activate is spent.
    let verified: Value = call(
        &format!("/v1/challenges/{id}/verify"),
        json!({"method": "totp", "code": oathtool(30)}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(verified["satisfied"], json!(["totp"]), "{verified}");
    assert_eq!(verified["status"], "pending");
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--help` names each option's default and the variable that sets it;
/// `countersign help CMD` is the same help (the help centers' articles are
/// `countersign articles`).
#[test]
fn help_shows_every_default_and_its_environment_variable() {
    let run = |args: &[&str]| {
        let out = countersign().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let serve = run(&["serve", "--help"]);
    for (option, expected) in [
        (
            "--listen <ADDR>",
            "[default: 127.0.0.1:8080] [env: COUNTERSIGN_LISTEN=]",
        ),
        (
            "--database <URL>",
            "[default: sqlite://countersign.db] [env: COUNTERSIGN_DATABASE=]",
        ),
        ("--dev", "[env: COUNTERSIGN_DEV=]"),
        (
            "--config <FILE>",
            "[default: ./countersign.toml when it exists]",
        ),
    ] {
        let line = serve
            .lines()
            .find(|l| l.trim_start().starts_with(option))
            .unwrap_or_else(|| panic!("{option} missing from:\n{serve}"));
        assert!(line.ends_with(expected), "{line}");
    }
    assert!(
        serve.contains("COUNTERSIGN_DELIVERY__SMS__KIND=webhook"),
        "how any other setting is set: {serve}"
    );
    assert_eq!(run(&["help", "serve"]), serve);
    assert!(run(&["help", "articles", "import"])
        .contains("Usage: countersign articles import [OPTIONS] --service <SERVICE> <DIR>"));
    assert!(run(&["webhook", "log", "--help"]).contains("[default: 50]"));
    let enroll = run(&["device", "enroll", "--help"]);
    assert!(
        enroll.contains("[env: COUNTERSIGN_API_KEY]")
            && enroll.contains("[default: countersign-device.json]"),
        "{enroll}"
    );

    // The device client's variable is not a setting: it breaks no command.
    let dir = temp_dir("cli-api-key-env");
    let out = countersign()
        .env("COUNTERSIGN_API_KEY", "cs_live_x")
        .arg("--database")
        .arg(format!("sqlite://{}", dir.join("cs.db").display()))
        .args(["service", "list"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `serve --listen --database --dev` win over the environment, which wins
/// over the file; dev mode prints the new service's help center, which the
/// landing page lists too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flags_win_over_the_environment_and_the_file() {
    let dir = temp_dir("cli-flags");
    let db = |name: &str| format!("sqlite://{}", dir.join(name).display());
    let config = dir.join("countersign.toml");
    std::fs::write(
        &config,
        format!(
            "listen = \"127.0.0.1:{}\"\ndatabase = \"{}\"\nkey_file = \"{}\"\n",
            free_port(),
            db("file.db"),
            dir.join("cs.key").display()
        ),
    )
    .unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut cmd = countersign();
    cmd.arg("--config")
        .arg(&config)
        .env("COUNTERSIGN_LISTEN", format!("127.0.0.1:{}", free_port()))
        .env("COUNTERSIGN_DATABASE", db("env.db"))
        .env("COUNTERSIGN_PUBLIC_URL", &base);
    let listen = format!("127.0.0.1:{port}");
    let database = db("flag.db");
    let server = serve_with(
        &mut cmd,
        port,
        &["--listen", &listen, "--database", &database, "--dev"],
    );
    assert!(dir.join("flag.db").exists());
    assert!(!dir.join("env.db").exists() && !dir.join("file.db").exists());
    let help_center = server
        .startup
        .iter()
        .find_map(|l| l.split("Its help center: ").nth(1))
        .unwrap_or_else(|| panic!("the help center is printed: {:#?}", server.startup))
        .trim()
        .to_owned();
    assert!(
        help_center.starts_with(&format!("{base}/help/svc_")),
        "{help_center}"
    );
    let http = reqwest::Client::new();
    let page = http.get(&help_center).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("<p class=\"eyebrow\">Demo</p>"));
    let landing = http.get(&base).send().await.unwrap().text().await.unwrap();
    let path = help_center.strip_prefix(&base).unwrap();
    assert!(
        landing.contains(&format!("href=\"{path}?lang=en\"")),
        "{landing}"
    );

    // Other commands take --database too.
    let out = countersign()
        .args(["--database", &database, "service", "list"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"name\":\"Demo\""));
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_configuration_is_refused_with_the_key_named() {
    let dir = temp_dir("cli-bad");
    let config = dir.join("bad.toml");
    for (file, env, expected) in [
        ("listen = \"nowhere\"\n", None, "listen"),
        (
            "listen = \"127.0.0.1:1\"\nlisten_port = 3\n",
            None,
            "listen_port",
        ),
        ("", Some(("COUNTERSIGN_DATABASE", "mysql://x")), "database"),
        ("[delivery.sms]\nkind = \"log\"\n", None, "dev = true"),
        (
            "[delivery.email]\nkind = \"smtp\"\nhost = \"smtp.example.com\"\ntls = \"none\"\nusername = \"u\"\npassword = \"p\"\nfrom = \"a@b.c\"\n",
            None,
            "in clear",
        ),
        (
            "[delivery.email]\nkind = \"smtp\"\nhost = \"h\"\nport = \"x\"\nfrom = \"a@b.c\"\n",
            None,
            "expected u16 for key \"delivery.email\"",
        ),
    ] {
        std::fs::write(
            &config,
            format!(
                "database = \"sqlite://{}\"\nkey_file = \"{}\"\n{file}",
                dir.join("db").display(),
                dir.join("k").display()
            ),
        )
        .unwrap();
        let mut cmd = countersign();
        cmd.arg("--config").arg(&config).arg("serve");
        if let Some((k, v)) = env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{file} should be refused");
        assert!(
            stderr.contains(expected),
            "{file}: expected {expected:?} in {stderr}"
        );
    }
    let missing = countersign()
        .args(["--config", "/nonexistent/countersign.toml", "serve"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Two server processes on one PostgreSQL database: the same code is good
/// once across both. Their debug logs hold neither the code nor the key.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_on_one_postgres_approve_a_code_once() {
    let phone = ProviderEndpoint::default();
    let phone_url = phone.start().await;
    let mut cluster = Cluster::new(&[
        ("COUNTERSIGN_DELIVERY__SMS__KIND", "webhook".into()),
        ("COUNTERSIGN_DELIVERY__SMS__URL", format!("{phone_url}/sms")),
    ])
    .await;
    cluster.serve(2);
    cluster
        .put_user("alice", json!({"phone": "+33612345689"}))
        .await;
    let id = cluster.challenge(1, "alice").await;
    let r = cluster
        .post(
            0,
            &format!("/v1/challenges/{id}/send"),
            json!({"channel": "sms"}),
        )
        .await
        .unwrap();
    assert_eq!(r.status(), 202);
    let code = phone.last().json()["code"].as_str().unwrap().to_owned();
    let verifies = (0..32).map(|i| {
        cluster.post(
            i,
            &format!("/v1/challenges/{id}/verify"),
            json!({"method": "sms", "code": code}),
        )
    });
    let statuses: Vec<u16> = join_all(verifies)
        .await
        .into_iter()
        .map(|r| r.unwrap().status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        31,
        "{statuses:?}"
    );
    let logs = cluster.logs();
    assert!(logs.contains("/verify"), "the debug logs were read");
    assert!(!logs.contains(&code), "a code reached the logs");
    assert!(
        !logs.contains(&cluster.api_key[8..]),
        "the API key reached the logs"
    );
}

/// `countersign user unlock` lifts a lockout at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_operator_can_unlock_a_user() {
    let s = TestServer::start(Backend::Sqlite).await;
    s.alice("alice").await;
    for failures in [5, 5] {
        let id = s.challenge("alice", "login").await;
        for _ in 0..failures {
            s.verify(&id, "sms", "not-a-code").await;
        }
    }
    s.post(
        "/v1/challenges",
        json!({"user_id": "alice", "purpose": "login"}),
    )
    .await
    .assert_problem(429, "locked");
    let unlock = |user: &str| {
        countersign()
            .env("COUNTERSIGN_DATABASE", &s.database)
            .args(["user", "unlock", "--service", "Acme Bank", user])
            .output()
            .unwrap()
    };
    let out = unlock("alice");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"unlocked\":true"));
    s.challenge("alice", "login").await;
    assert!(s
        .event_types("alice")
        .await
        .contains(&"user.unlocked".to_owned()));
    let missing = unlock("nobody");
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no user \"nobody\""));
}

/// Operators import hardware tokens from a seed file and rotate the master
/// key while two servers run on one PostgreSQL: a bad file writes nothing, a
/// TOTP code is good once across both servers, and after the rotation both
/// servers still verify every token, without a restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_import_and_key_rotation_under_two_running_servers() {
    let mut cluster = Cluster::new(&[]).await;
    let seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    let bob_seed = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    let import = |cluster: &Cluster, csv: &str| {
        let path = cluster.dir.join("tokens.csv");
        std::fs::write(&path, csv).unwrap();
        cluster
            .command()
            .args(["token", "import", "--service", "Acme Bank"])
            .arg(&path)
            .output()
            .unwrap()
    };
    let bad = import(
        &cluster,
        &format!(
            "user_id,type,secret,digits,period,counter,algorithm,label\n\
         alice,totp,{seed},6,30,,SHA1,\n\
         bob,hotp,{bob_seed},7,,0,,YK-0042\n"
        ),
    );
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("line 3: digits"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    let good = import(
        &cluster,
        &format!(
            "user_id,type,secret,digits,period,counter,algorithm,label\n\
         # serial YK-0041\n\
         alice,totp,{seed},6,30,,SHA1,YK-0041\n\
         bob,hotp,{bob_seed},,,0,,YK-0042\n"
        ),
    );
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let report: Value = serde_json::from_slice(&good.stdout).unwrap();
    assert_eq!(report, json!({"imported": 2, "users_created": 2}));
    cluster.serve(2);
    let oathtool = |args: &[&str], seed: &str| {
        let out = Command::new("oathtool")
            .args(args)
            .arg(seed)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    };

    // One TOTP code, eight challenges on two servers: one approval.
    let mut ids = Vec::new();
    for i in 0..8 {
        ids.push(cluster.challenge(i, "alice").await);
    }
    let code = oathtool(&["--totp", "-b"], seed);
    let answers = join_all(ids.iter().enumerate().map(|(i, id)| {
        cluster.post(
            i,
            &format!("/v1/challenges/{id}/verify"),
            json!({"method": "totp", "code": code}),
        )
    }))
    .await;
    let statuses: Vec<u16> = answers
        .into_iter()
        .map(|r| r.unwrap().status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 422).count(),
        7,
        "{statuses:?}"
    );

    let rotated = cluster.command().args(["key", "rotate"]).output().unwrap();
    assert!(
        rotated.status.success(),
        "{}",
        String::from_utf8_lossy(&rotated.stderr)
    );
    let rotation: Value = serde_json::from_slice(&rotated.stdout).unwrap();
    assert_eq!(
        rotation,
        json!({"key_id": "k2", "resealed": 2, "older_keys": 1})
    );

    // Both servers, still running on the keys they started with, verify the
    // re-encrypted seeds.
    for server in 0..2 {
        let id = cluster.challenge(server, "bob").await;
        let code = oathtool(&["--hotp", "-b", "-c", &server.to_string()], bob_seed);
        let r = cluster
            .post(
                server,
                &format!("/v1/challenges/{id}/verify"),
                json!({"method": "hotp", "code": code}),
            )
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    }
    let logs = cluster.logs();
    assert!(logs.contains("key file re-read"), "{logs}");
    assert!(
        !logs.contains(seed) && !logs.contains(bob_seed),
        "a seed reached the logs"
    );
    // The same file again: those seeds are enrolled already.
    let again = import(
        &cluster,
        &format!(
            "user_id,type,secret,digits,period,counter,algorithm,label\n\
         carol,totp,{seed},6,30,,SHA1,\n"
        ),
    );
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already enrolled"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

/// The toll-fraud guard's counters live in the database: two server
/// processes on one PostgreSQL share them, even when sends race.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_share_the_send_limits() {
    let phone = ProviderEndpoint::default();
    let phone_url = phone.start().await;
    let mut cluster = Cluster::new(&[
        ("COUNTERSIGN_DELIVERY__SMS__KIND", "webhook".into()),
        ("COUNTERSIGN_DELIVERY__SMS__URL", format!("{phone_url}/sms")),
        (
            "COUNTERSIGN_LIMITS__PER_DESTINATION",
            "{max = 3, window_seconds = 3600}".into(),
        ),
    ])
    .await;
    cluster.serve(2);
    cluster
        .put_user("alice", json!({"phone": "+33612345689"}))
        .await;
    let mut ids = Vec::new();
    for i in 0..10 {
        ids.push(cluster.challenge(i, "alice").await);
    }
    let sends = ids.iter().enumerate().map(|(i, id)| {
        cluster.post(
            i,
            &format!("/v1/challenges/{id}/send"),
            json!({"channel": "sms"}),
        )
    });
    let statuses: Vec<u16> = join_all(sends)
        .await
        .into_iter()
        .map(|r| r.unwrap().status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 202).count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 429).count(),
        7,
        "{statuses:?}"
    );
    assert_eq!(
        phone.all().len(),
        3,
        "only three messages reached the provider"
    );
}

/// The reference device client against a real `serve`: enrol with the
/// service key, see the request with `watch --once`, approve it with the
/// number the page shows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_device_client_enrols_watches_and_approves() {
    let dir = temp_dir("cli-device");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let env = |cmd: &mut Command| {
        cmd.current_dir(&dir)
            .env("COUNTERSIGN_LISTEN", format!("127.0.0.1:{port}"));
    };
    let mut admin = countersign();
    env(&mut admin);
    let key = create_service(&mut admin, "Acme Bank")["api_key"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut cmd = countersign();
    env(&mut cmd);
    let server = serve_with(&mut cmd, port, &["--dev"]);
    let http = reqwest::Client::new();
    let r = http
        .put(format!("{base}/v1/users/alice"))
        .bearer_auth(&key)
        .json(&json!({"email": "alice@example.com"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let device = |args: &[&str]| {
        let mut cmd = countersign();
        env(&mut cmd);
        let out = cmd.arg("device").args(args).output().unwrap();
        assert!(
            out.status.success(),
            "device {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let enrolled: Value = serde_json::from_str(&device(&[
        "enroll",
        "--server",
        &base,
        "--api-key",
        &key,
        "--user",
        "alice",
        "--label",
        "Alice's laptop",
    ]))
    .unwrap();
    assert_eq!(enrolled["status"], "active");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("countersign-device.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "the device key file is private");
    }
    let created: Value = http
        .post(format!("{base}/v1/challenges"))
        .bearer_auth(&key)
        .json(&json!({"user_id": "alice", "purpose": "login", "context": {"ip": "203.0.113.9"}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap();
    let number = created["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["type"] == "device")
        .unwrap()["number"]
        .as_u64()
        .unwrap();
    let watched: Value =
        serde_json::from_str(device(&["watch", "--once"]).lines().next().unwrap()).unwrap();
    assert_eq!(watched["challenge_id"], id);
    assert_eq!(watched["context"]["ip"], "203.0.113.9");
    assert!(watched["numbers"]
        .as_array()
        .unwrap()
        .contains(&json!(number)));
    let approved: Value =
        serde_json::from_str(&device(&["approve", id, "--number", &number.to_string()])).unwrap();
    assert_eq!(approved["status"], "approved");
    let state: Value = http
        .get(format!("{base}/v1/challenges/{id}"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state["satisfied"], json!(["device"]));
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
