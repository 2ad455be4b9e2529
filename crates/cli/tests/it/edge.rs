//! The server's edge: slow and idle clients are cut off, connections beyond
//! the limit wait without starving new clients, the client's address is
//! read from a forwarding header only when a trusted proxy sent it, and
//! `/metrics` answers on its own listener only.

use std::time::Duration;

use countersign_core::limits::Cap;
use serde_json::json;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;

use crate::cli::{countersign, free_port, serve_with};
use crate::harness::{temp_dir, Backend, Response, TestServer};
use crate::on_both_backends;

on_both_backends!(per_ip_limits_count_the_client_behind_a_trusted_proxy);

/// A server whose connections wait `header_seconds` for a request's headers
/// and of which `max_connections` are served at once.
async fn edge_server(header_seconds: u64, max_connections: usize) -> TestServer {
    TestServer::start_with(Backend::Sqlite, |c| {
        c.http.header_read_timeout_seconds = header_seconds;
        c.http.max_connections = max_connections;
    })
    .await
}

async fn connect(s: &TestServer) -> TcpStream {
    TcpStream::connect(s.base.trim_start_matches("http://"))
        .await
        .unwrap()
}

/// Reads until the server closes the connection (end of stream or reset),
/// failing after `within`; returns what it answered.
async fn until_closed(stream: &mut (impl AsyncRead + Unpin), within: Duration) -> String {
    let mut answer = Vec::new();
    let mut buf = [0u8; 1024];
    loop {
        match tokio::time::timeout(within, stream.read(&mut buf)).await {
            Err(_) => panic!("the server kept the connection open for {within:?}"),
            Ok(Ok(0)) | Ok(Err(_)) => return String::from_utf8_lossy(&answer).into_owned(),
            Ok(Ok(n)) => answer.extend_from_slice(&buf[..n]),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_client_trickling_its_headers_is_cut_off_at_the_header_timeout() {
    let s = edge_server(1, 64).await;
    let stream = connect(&s).await;
    let (mut reader, mut writer) = stream.into_split();
    let started = Instant::now();
    // One byte every 100 ms, for ten times longer than the timeout.
    let trickle = tokio::spawn(async move {
        let head = b"GET /healthz HTTP/1.1\r\nHost: countersign.test\r\nX-Slow: ";
        for byte in head.iter().chain(std::iter::repeat(&b'a')).take(100) {
            if writer.write_all(&[*byte]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    let answer = until_closed(&mut reader, Duration::from_secs(5)).await;
    let elapsed = started.elapsed();
    trickle.abort();
    assert!(
        elapsed >= Duration::from_millis(900) && elapsed < Duration::from_secs(3),
        "cut off after {elapsed:?}, expected the 1 s header timeout"
    );
    assert!(!answer.contains(" 200 "), "{answer}");
    // The server still serves others.
    let r = s
        .http
        .get(format!("{}/healthz", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn idle_connections_beyond_the_limit_wait_and_are_closed_so_new_clients_are_served() {
    let s = edge_server(1, 4).await;
    let mut idle = Vec::new();
    for _ in 0..12 {
        idle.push(connect(&s).await);
    }
    let started = Instant::now();
    let r = tokio::time::timeout(
        Duration::from_secs(15),
        s.http.get(format!("{}/healthz", s.base)).send(),
    )
    .await
    .expect("a new client is served while idle connections hold every slot")
    .unwrap();
    assert_eq!(r.status(), 200);
    // It waited for slots: four at a time, each idle one held for 1 s.
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "served after {:?}: the limit of 4 connections did not hold",
        started.elapsed()
    );
    for stream in &mut idle {
        until_closed(stream, Duration::from_secs(10)).await;
    }
}

/// A wrong appointment code from `client`, through a proxy at 127.0.0.1
/// that says so in `X-Forwarded-For`.
async fn join_from(s: &TestServer, forwarded_for: &str) -> Response {
    let r = s
        .http
        .post(format!("{}/v1/support/appointments/join", s.base))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({"appointment_code": "aaaa-aaaa-aaaa"}))
        .send()
        .await
        .unwrap();
    Response::read(r).await
}

async fn per_ip_limits_count_the_client_behind_a_trusted_proxy(b: Backend) {
    let start = |trusted: &'static str| {
        TestServer::start_with(b, move |c| {
            c.support.jwt_secret = Some("a-jitsi-app-secret-of-32-bytes-or-more".into());
            c.support.video_base_url = Some("https://meet.bank.test".into());
            c.support.attempts_per_ip = Cap {
                max: 2,
                window_seconds: 900,
            };
            c.trusted_proxies = vec![trusted.parse().unwrap()];
        })
    };
    // The test's requests come from 127.0.0.1: a trusted proxy here.
    let s = start("127.0.0.0/8").await;
    for _ in 0..2 {
        join_from(&s, "203.0.113.1, 198.51.100.1")
            .await
            .assert_problem(404, "not_found");
    }
    join_from(&s, "198.51.100.1")
        .await
        .assert_problem(429, "rate_limited");
    // Another customer behind the same proxy has attempts of their own,
    // whatever the first one writes further left.
    join_from(&s, "198.51.100.1, 198.51.100.2")
        .await
        .assert_problem(404, "not_found");
    drop(s);

    // From a peer that is not a trusted proxy, the header is the client's
    // own words: every request counts against the peer.
    let s = start("10.0.0.0/8").await;
    join_from(&s, "198.51.100.1")
        .await
        .assert_problem(404, "not_found");
    join_from(&s, "198.51.100.2")
        .await
        .assert_problem(404, "not_found");
    join_from(&s, "198.51.100.3")
        .await
        .assert_problem(429, "rate_limited");
}

/// `/metrics` is served on `metrics_listen` (port 0 here: the address taken
/// is logged), not on the API's listener; `off` serves it nowhere.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_answer_on_their_own_listener_only() {
    let dir = temp_dir("edge-metrics");
    let port = free_port();
    let mut cmd = countersign();
    cmd.current_dir(&dir)
        .env("COUNTERSIGN_LISTEN", format!("127.0.0.1:{port}"));
    let server = serve_with(&mut cmd, port, &["--dev"]);
    let serving = server.startup.last().unwrap();
    let metrics = serving
        .split("metrics=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("the metrics address is logged: {serving}"));
    assert!(metrics.starts_with("127.0.0.1:"), "{serving}");
    let http = reqwest::Client::new();
    let r = http
        .get(format!("http://{metrics}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("# EOF"));
    let r = http
        .get(format!("{}/metrics", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404, "no metrics on the API's listener");
    drop(server);

    let port = free_port();
    let mut cmd = countersign();
    cmd.current_dir(&dir)
        .env("COUNTERSIGN_LISTEN", format!("127.0.0.1:{port}"))
        .env("COUNTERSIGN_METRICS_LISTEN", "off");
    let server = serve_with(&mut cmd, port, &["--dev"]);
    assert!(
        server.startup.last().unwrap().contains("metrics=off"),
        "{:?}",
        server.startup
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Without `--dev`, `serve` names each dangerous setting and stops before
/// it opens anything; with `--dev` it starts and warns about each.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn insecure_settings_stop_serve_unless_dev() {
    let dir = temp_dir("edge-insecure");
    let port = free_port();
    let command = || {
        let mut cmd = countersign();
        cmd.current_dir(&dir)
            .env("COUNTERSIGN_LISTEN", format!("127.0.0.1:{port}"))
            .env("COUNTERSIGN_PUBLIC_URL", "http://verify.bank.example")
            .env("COUNTERSIGN_SUPPORT__JWT_SECRET", "only-20-bytes-long..");
        cmd
    };
    let out = command().arg("serve").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("refusing to start without --dev")
            && stderr.contains("public_url \"http://verify.bank.example\" is plain http")
            && stderr.contains("support.jwt_secret is 20 bytes"),
        "{stderr}"
    );
    assert!(
        !dir.join("countersign.db").exists(),
        "nothing was opened or written"
    );

    let server = serve_with(&mut command(), port, &["--dev"]);
    let startup = server.startup.join("\n");
    for named in [
        "insecure setting: public_url",
        "insecure setting: support.jwt_secret",
    ] {
        assert!(startup.contains(named), "{named} missing from {startup}");
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The audit's case: under `ulimit -n 256`, 300 idle sockets made every
/// `accept` fail. Now the connection limit fits the open-files limit
/// (256 less 128 kept for the rest), the surplus waits in the backlog,
/// the idle ones are closed at the header timeout, and a new client is
/// served.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_hundred_idle_sockets_under_ulimit_256_do_not_stop_the_server() {
    let dir = temp_dir("edge-nofile");
    let port = free_port();
    let mut cmd = std::process::Command::new("sh");
    cmd.args(["-c", "ulimit -n 256 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_countersign"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("COUNTERSIGN_LOG", "info")
        .env("COUNTERSIGN_METRICS_LISTEN", "off")
        .env("COUNTERSIGN_LISTEN", format!("127.0.0.1:{port}"))
        .env("COUNTERSIGN_HTTP__HEADER_READ_TIMEOUT_SECONDS", "1")
        .current_dir(&dir);
    let server = serve_with(&mut cmd, port, &["--dev"]);
    let serving = server.startup.last().unwrap();
    assert!(serving.contains("max_connections=128"), "{serving}");
    let mut idle = Vec::new();
    for _ in 0..300 {
        idle.push(TcpStream::connect(("127.0.0.1", port)).await.unwrap());
    }
    let r = tokio::time::timeout(
        Duration::from_secs(30),
        reqwest::get(format!("{}/healthz", server.base)),
    )
    .await
    .expect("a new client is served behind 300 idle sockets")
    .unwrap();
    assert_eq!(r.status(), 200);
    drop(idle);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
