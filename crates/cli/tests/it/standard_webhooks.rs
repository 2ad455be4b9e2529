//! Standard Webhooks: the reference libraries (PyPI and npm
//! `standardwebhooks`, run by crates/cli/tests/webhooks/verify.{py,mjs})
//! verify the events Countersign posts to an integrator and the messages
//! it posts to the SMS gateway, and refuse a tampered body or an old
//! timestamp; a delivery report the libraries sign as a gateway is
//! accepted, and refused once tampered with.

use std::time::Duration;

use countersign_app::config::WebhookEndpoint;
use countersign_core::{Clock, SystemClock};
use serde_json::{json, Value};

use crate::harness::{Backend, ProviderEndpoint, ProviderRequest, TestServer, WEBHOOK_SECRET};

/// The integrator's endpoint secret, in the standard's form.
const HOOK_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn python_library() {
    the_reference_library_verifies_what_we_send_and_signs_what_we_accept("python3", "verify.py")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn node_library() {
    the_reference_library_verifies_what_we_send_and_signs_what_we_accept("node", "verify.mjs")
        .await;
}

/// A case for the library: a secret, and a request as received.
fn case(secret: &str, r: &ProviderRequest, body: &str) -> Value {
    let header = |name: &str| r.headers[name].to_str().unwrap().to_owned();
    json!({
        "secret": secret,
        "headers": {
            "webhook-id": header("webhook-id"),
            "webhook-timestamp": header("webhook-timestamp"),
            "webhook-signature": header("webhook-signature"),
        },
        "body": body,
    })
}

async fn the_reference_library_verifies_what_we_send_and_signs_what_we_accept(
    program: &str,
    script: &str,
) {
    let receiver = ProviderEndpoint::default();
    let url = receiver.start().await;
    let s = TestServer::start_with(Backend::Sqlite, |c| {
        c.webhooks = vec![WebhookEndpoint {
            name: Some("crm".into()),
            url: format!("{url}/hooks"),
            secret: Some(HOOK_SECRET.into()),
            events: vec!["challenge.*".into()],
        }];
    })
    .await;
    // The libraries check timestamps against the real clock.
    s.clock.set(SystemClock.now());
    s.alice("alice").await;
    let chl = s.challenge("alice", "login").await;
    let code = s.send(&chl, "sms").await;
    s.verify(&chl, "sms", &code).await;
    let fresh = receiver
        .wait_for("created, sent, verified, approved", |r| r.len() >= 4)
        .await;
    // Ten minutes ago, as the libraries see it: too old.
    s.clock
        .set(SystemClock.now().minus(Duration::from_secs(600)));
    s.challenge("alice", "login").await;
    let all = receiver
        .wait_for("one more", |r| r.len() > fresh.len())
        .await;
    let old = all.last().unwrap();
    let sms = s.phone.last();
    assert_eq!(
        sms.headers["webhook-id"],
        sms.json()["message_id"].as_str().unwrap()
    );

    let mut cases: Vec<Value> = fresh
        .iter()
        .map(|r| case(HOOK_SECRET, r, &r.body))
        .collect();
    let expected_ok = cases.len() + 1;
    cases.push(case(WEBHOOK_SECRET, &sms, &sms.body));
    let tampered = fresh[0].body.replace("challenge.", "challenge.x");
    cases.push(case(HOOK_SECRET, &fresh[0], &tampered));
    cases.push(case(HOOK_SECRET, old, &old.body));
    cases.push(case(
        "whsec_c2VjcmV0IGJ5dGVzIG9mIHRoZSBlbmRwb2ludA==",
        &fresh[0],
        &fresh[0].body,
    ));
    let report = json!({"message_id": sms.json()["message_id"], "status": "delivered"}).to_string();
    let job = json!({
        "cases": cases,
        "sign": {"secret": WEBHOOK_SECRET, "id": "rpt_1", "body": report},
    });
    let out = run(program, script, &job).await;
    let verified: Vec<bool> = serde_json::from_value(out["verified"].clone()).unwrap();
    let mut expected = vec![true; expected_ok];
    expected.extend([false, false, false]);
    assert_eq!(
        verified, expected,
        "fresh events and the SMS verify; tampered, old and foreign-key ones do not"
    );

    // A report the library signed as a gateway is accepted; the same
    // headers over another body are not.
    s.clock.set(SystemClock.now());
    let post = |body: String| {
        let mut request = s
            .http
            .post(format!("{}/v1/delivery/status/sms", s.base))
            .header("content-type", "application/json")
            .body(body);
        for (name, value) in out["signed"].as_object().unwrap() {
            request = request.header(name.as_str(), value.as_str().unwrap());
        }
        request.send()
    };
    let refused = post(report.replace("delivered", "failed")).await.unwrap();
    assert_eq!(refused.status(), 401);
    let accepted = post(report).await.unwrap();
    assert_eq!(accepted.status(), 204, "{}", accepted.text().await.unwrap());
}

/// Runs the library's script with `job` on stdin; its JSON answer.
async fn run(program: &str, script: &str, job: &Value) -> Value {
    use tokio::io::AsyncWriteExt;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/webhooks");
    let mut child = tokio::process::Command::new(program)
        .arg(script)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} (.ci/install-test-tools installs it): {e}"));
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(job.to_string().as_bytes()).await.unwrap();
    drop(stdin);
    let out = child.wait_with_output().await.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}
