//! The README's walkthrough ("Try a whole challenge") run as written: its
//! shell blocks, pasted in order into one bash, against `countersign serve
//! --dev` started by the test. The test does only what the README asks of
//! the reader: it runs the `export CS_KEY=…` line the server prints, sets
//! `CS` to the server's address (a free port, not 8080), and types each
//! code the console shows when a block asks for it (`read`, on bash's
//! standard input). And `countersign openapi` prints what the server serves.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

use crate::cli::{countersign, free_port, serve_with};
use crate::harness::{fresh_database, temp_dir, Backend, TestServer};
use crate::on_both_backends;

on_both_backends!(the_walkthrough_runs_as_written);

/// The shell blocks of README's section `heading` ("## Title"), in order.
pub(crate) fn shell_blocks(heading: &str) -> Vec<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let section = readme
        .split(&format!("\n{heading}\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("README has a {heading:?} section"));
    let level = heading.split(' ').next().unwrap();
    let section = section.split(&format!("\n{level} ")).next().unwrap();
    section
        .split("```sh\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap().to_owned())
        .collect()
}

/// The shell blocks of README's "## Try a whole challenge", in order.
fn walkthrough() -> String {
    let blocks = shell_blocks("## Try a whole challenge");
    assert!(
        blocks.len() >= 2,
        "the walkthrough's shell blocks: {blocks:?}"
    );
    blocks.concat()
}

/// Waits (at most 60 s) for the next console line for which `code` finds a
/// code, as the reader watches the console.
fn code_on_console(logs: &mpsc::Receiver<String>, code: impl Fn(&str) -> Option<String>) -> String {
    loop {
        let line = logs
            .recv_timeout(Duration::from_secs(60))
            .expect("the server console shows the code");
        if let Some(code) = code(&line) {
            return code;
        }
    }
}

async fn the_walkthrough_runs_as_written(b: Backend) {
    let dir = temp_dir("readme");
    let database = fresh_database(b, &dir).await;
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut cmd = countersign();
    cmd.current_dir(&dir)
        .env("COUNTERSIGN_LISTEN", format!("127.0.0.1:{port}"))
        .env("COUNTERSIGN_DATABASE", &database)
        .env("COUNTERSIGN_KEY_FILE", dir.join("countersign.key"))
        .env("COUNTERSIGN_PUBLIC_URL", &base);
    let server = serve_with(&mut cmd, port, &["--dev"]);
    let export = server
        .startup
        .iter()
        .map(|l| l.trim())
        .find(|l| l.starts_with("export CS_KEY=cs_live_"))
        .unwrap_or_else(|| panic!("dev mode prints the key: {:#?}", server.startup))
        .to_owned();

    let mut bash = Command::new("bash")
        .arg("-c")
        .arg(format!("{export}\n{}", walkthrough()))
        .env("CS", &base)
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut keyboard = bash.stdin.take().unwrap();
    // "123456 is your Demo code to sign in…"
    let sms = code_on_console(&server.logs, |line| {
        line.contains(" is your Demo code ")
            .then(|| line[..6].to_owned())
    });
    writeln!(keyboard, "{sms}").unwrap();
    // "…your code to approve a withdrawal is: 1, 2, 3, 4, 5, 6. Again…"
    let call = code_on_console(&server.logs, |line| {
        let spoken = line.split("approve a withdrawal is: ").nth(1)?;
        Some(
            spoken
                .split('.')
                .next()?
                .chars()
                .filter(char::is_ascii_digit)
                .collect(),
        )
    });
    assert_eq!(call.len(), 6, "{call}");
    writeln!(keyboard, "{call}").unwrap();
    drop(keyboard);
    let out = bash.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(!stdout.contains("missing:"), "{stdout}");

    // What the reader sees, answer by answer.
    let answers: Vec<Value> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let find = |what: &str, test: &dyn Fn(&Value) -> bool| {
        answers
            .iter()
            .find(|a| test(a))
            .unwrap_or_else(|| panic!("{what} in:\n{stdout}\n{stderr}"))
            .clone()
    };
    find("the user", &|a| a["user_id"] == "alice");
    let too_soon = find("call me instead refused", &|a| {
        a["code"] == "resend_too_soon"
    });
    assert_eq!(too_soon["status"], 429);
    assert!(too_soon["resend_available_at"].is_string());
    find("the login approved by SMS", &|a| {
        a["purpose"] == "login"
            && a["status"] == "approved"
            && a["satisfied"] == serde_json::json!(["sms"])
    });
    find("the app active", &|a| {
        a["id"].as_str().is_some_and(|id| id.starts_with("fac_")) && a["status"] == "active"
    });
    find("the app's step", &|a| {
        a["purpose"] == "withdrawal" && a["satisfied"] == serde_json::json!(["totp"])
    });
    let held = find("the withdrawal held", &|a| a["status"] == "held");
    assert_eq!(held["satisfied"], serde_json::json!(["totp", "voice"]));
    assert!(held["held_until"].is_string());
    find("the withdrawal released", &|a| {
        a["purpose"] == "withdrawal" && a["status"] == "approved"
    });
    assert!(
        !answers
            .iter()
            .any(|a| a["status"] == 422 || a["status"] == 404),
        "a refused step: {stdout}"
    );

    // The hosted page, as a browser opens it: the token moves into a
    // cookie, and the page opens with it.
    let hosted = stdout.lines().last().unwrap();
    assert!(
        hosted.starts_with(&format!("{base}/verify/chl_")),
        "{stdout}"
    );
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = browser.get(hosted).send().await.unwrap();
    assert_eq!(r.status(), 303);
    let cookie = r.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    let page = browser
        .get(format!("{base}{location}"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    drop(server);
    crate::harness::drop_schema(&database);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn countersign_openapi_prints_the_served_document() {
    let s = TestServer::start(Backend::Sqlite).await;
    let served: Value = s.get("/v1/openapi.json").await.body;
    let out = countersign()
        .arg("openapi")
        .current_dir(&s.dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, served);
    assert!(printed["paths"]["/v1/challenges"].is_object());
}
