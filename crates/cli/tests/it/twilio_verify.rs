//! The Twilio Verify surface (`/twilio/v2`), driven by Twilio's own client
//! libraries (Python from PyPI, Node from npm; `.ci/install-test-tools`
//! installs both), pointed at the server through their custom-HTTP-client
//! hook. The scripts in `crates/cli/tests/twilio/` run the scenario and ask
//! this test for each code, which it reads from its SMS and voice
//! receivers. Bad input and bad credentials are also probed directly.

use std::path::Path;
use std::process::Stdio;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::harness::{Backend, Response, TestServer};
use crate::on_both_backends;

/// The service's Twilio SIDs: `AC…` (the account) and `VA…`.
fn sids(s: &TestServer) -> (String, String) {
    let hex = s.service_id.strip_prefix("svc_").unwrap();
    (format!("AC{hex}"), format!("VA{hex}"))
}

fn scripts() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/twilio"))
}

/// Runs one client script against `s`, answering its requests for codes;
/// what it printed when done.
async fn drive(s: &TestServer, program: &str, script: &str, numbers: &[&str]) -> Value {
    let (account, service) = sids(s);
    let mut child = tokio::process::Command::new(program)
        .arg(script)
        .current_dir(scripts())
        .env("COUNTERSIGN_TWILIO_BASE", format!("{}/twilio", s.base))
        .env("COUNTERSIGN_ACCOUNT_SID", &account)
        .env("COUNTERSIGN_AUTH_TOKEN", &s.key)
        .env("COUNTERSIGN_SERVICE_SID", &service)
        .env("COUNTERSIGN_NUMBERS", numbers.join(","))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("{program} runs (.ci/install-test-tools): {e}"));
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut done = None;
    while let Some(line) = lines.next_line().await.unwrap() {
        let said: Value =
            serde_json::from_str(&line).unwrap_or_else(|_| panic!("{script} printed {line:?}"));
        if let Some(channel) = said["need_code"].as_str() {
            let ours = if channel == "call" { "voice" } else { channel };
            let code = s.received_code(ours).await;
            stdin
                .write_all(format!("{code}\n").as_bytes())
                .await
                .unwrap();
        } else {
            done = Some(said["done"].clone());
        }
    }
    let out = child.wait_with_output().await.unwrap();
    assert!(
        out.status.success(),
        "{script} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    done.unwrap_or_else(|| panic!("{script} ended without finishing"))
}

/// The attempts a verification allows: the service's setting. The last
/// wrong one is answered with Twilio's 60202.
async fn attempts_allowed(s: &TestServer) -> u32 {
    let store = s.state.store.as_ref();
    let service = store.service(&s.service_id).await.unwrap().unwrap();
    service.settings.max_attempts
}

/// One library's scenario on a fresh server, then what the audit log and
/// the native API say of it.
async fn library(backend: Backend, program: &str, script: &str, numbers: &[&str]) {
    let s = TestServer::start(backend).await;
    let done = drive(&s, program, script, numbers).await;
    assert_eq!(
        done["wrong_codes_before_limit"],
        attempts_allowed(&s).await - 1
    );
    audited(&s, numbers).await;
}

async fn python_library(backend: Backend) {
    let numbers = [
        "+33612340001",
        "+33612340002",
        "+33612340003",
        "+33612340004",
    ];
    library(backend, "python3", "verify_client.py", &numbers).await;
}

async fn node_library(backend: Backend) {
    let numbers = [
        "+33612340011",
        "+33612340012",
        "+33612340013",
        "+33612340014",
    ];
    library(backend, "node", "verify_client.mjs", &numbers).await;
}

/// Behind the compatible surface, the audit log is Countersign's: each
/// destination is a user whose events tell what happened.
async fn audited(s: &TestServer, numbers: &[&str]) {
    let service = countersign_core::ids::ServiceId::from_trusted(s.service_id.clone());
    let events = |n: usize| {
        let user = countersign_app::twilio_verify::implicit_user_id(&service, numbers[n]);
        async move { s.event_types(&user).await }
    };
    let approved = events(0).await;
    assert!(
        approved.contains(&"challenge.approved".to_owned()),
        "{approved:?}"
    );
    // The approved code proved the number.
    let user = countersign_app::twilio_verify::implicit_user_id(&service, numbers[0]);
    let profile = s.get(&format!("/v1/users/{user}")).await;
    assert_eq!(profile.body["phone_verified"], true, "{}", profile.body);
    let exhausted = events(1).await;
    assert!(
        exhausted.contains(&"challenge.failed".to_owned()),
        "{exhausted:?}"
    );
    let cancelled = events(2).await;
    assert!(
        cancelled.contains(&"challenge.cancelled".to_owned()),
        "{cancelled:?}"
    );
}

/// A form POST (or a GET without a body) to the Twilio surface.
async fn twilio(
    s: &TestServer,
    method: reqwest::Method,
    path: &str,
    auth: Option<(&str, &str)>,
    form: &[(&str, &str)],
) -> Response {
    let mut req = s
        .http
        .request(method, format!("{}/twilio/v2{path}", s.base));
    if let Some((user, password)) = auth {
        req = req.basic_auth(user, Some(password));
    }
    if !form.is_empty() {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        req = req
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
    }
    Response::read(req.send().await.unwrap()).await
}

fn assert_twilio_error(r: &Response, status: u16, code: u64) {
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(r.headers["content-type"], "application/json", "{}", r.body);
    assert_eq!(r.body["code"], code, "{}", r.body);
    assert_eq!(r.body["status"], status, "{}", r.body);
    assert!(r.body["message"].as_str().is_some_and(|m| !m.is_empty()));
}

async fn bad_input_and_credentials(backend: Backend) {
    let s = TestServer::start_with(backend, |c| {
        c.limits.denied_countries = vec!["KP".into()];
    })
    .await;
    let (account, service) = sids(&s);
    let auth = Some((account.as_str(), s.key.as_str()));
    let create = format!("/Services/{service}/Verifications");
    let post = reqwest::Method::POST;

    // Credentials: none, a wrong token, another service's account SID.
    let r = twilio(
        &s,
        reqwest::Method::GET,
        &format!("/Services/{service}"),
        None,
        &[],
    )
    .await;
    assert_twilio_error(&r, 401, 20003);
    let wrong_token = Some((account.as_str(), "cs_live_wrong"));
    let r = twilio(
        &s,
        post.clone(),
        &create,
        wrong_token,
        &[("To", "+33612340021"), ("Channel", "sms")],
    )
    .await;
    assert_twilio_error(&r, 401, 20003);
    let other_key = s.second_service_key().await;
    let r = twilio(
        &s,
        post.clone(),
        &create,
        Some((account.as_str(), &other_key)),
        &[("To", "+33612340021"), ("Channel", "sms")],
    )
    .await;
    assert_twilio_error(&r, 401, 20003);
    // Another service's SID, with this service's credentials.
    let r = twilio(
        &s,
        reqwest::Method::GET,
        &format!("/Services/VA{}", "1".repeat(32)),
        auth,
        &[],
    )
    .await;
    assert_twilio_error(&r, 404, 20404);

    // Parameters.
    for (form, what) in [
        (vec![("Channel", "sms")], "no To"),
        (vec![("To", "+33612340021")], "no Channel"),
        (
            vec![("To", "+33612340021"), ("Channel", "whatsapp")],
            "a channel we do not offer",
        ),
        (vec![("To", "12"), ("Channel", "sms")], "a malformed number"),
        (
            vec![("To", "not-an-address"), ("Channel", "email")],
            "a malformed address",
        ),
        (
            vec![
                ("To", "+33612340021"),
                ("Channel", "sms"),
                ("Amount", "lots"),
            ],
            "a malformed amount",
        ),
        (
            vec![
                ("To", "+33612340021"),
                ("Channel", "sms"),
                ("Amount", "€10"),
            ],
            "an amount without payee",
        ),
        (
            vec![
                ("To", "+33612340021"),
                ("Channel", "sms"),
                ("Locale", "not a locale!"),
            ],
            "a malformed locale",
        ),
        (
            vec![
                ("To", "+33612340021"),
                ("Channel", "sms"),
                ("CustomFriendlyName", &"x".repeat(31)),
            ],
            "a long friendly name",
        ),
    ] {
        let r = twilio(&s, post.clone(), &create, auth, &form).await;
        assert_eq!(r.status, 400, "{what}: {}", r.body);
        assert_twilio_error(&r, 400, 60200);
    }
    let check = format!("/Services/{service}/VerificationCheck");
    let r = twilio(&s, post.clone(), &check, auth, &[("Code", "123456")]).await;
    assert_twilio_error(&r, 400, 60200);
    let r = twilio(
        &s,
        post.clone(),
        &check,
        auth,
        &[("To", "+33612340099"), ("Code", "123456")],
    )
    .await;
    assert_twilio_error(&r, 404, 20404);
    for sid in ["VE123", "VEzz", "XX0123456789abcdef0123456789abcdef"] {
        let r = twilio(
            &s,
            reqwest::Method::GET,
            &format!("{create}/{sid}"),
            auth,
            &[],
        )
        .await;
        assert_twilio_error(&r, 404, 20404);
    }
    // Routes and methods Twilio does not have here.
    let r = twilio(&s, reqwest::Method::GET, "/Services", auth, &[]).await;
    assert_twilio_error(&r, 404, 20404);
    let r = twilio(
        &s,
        reqwest::Method::DELETE,
        &format!("/Services/{service}"),
        auth,
        &[],
    )
    .await;
    assert_twilio_error(&r, 405, 20004);
    // Nothing above wrote a user or a challenge.
    assert_eq!(s.count_rows("users").await, 0);
    assert_eq!(s.count_rows("challenges").await, 0);

    // The toll-fraud guard: a denied country is Twilio's 60410, and no
    // message leaves.
    let r = twilio(
        &s,
        post.clone(),
        &create,
        auth,
        &[("To", "+850 2 123 4567"), ("Channel", "sms")],
    )
    .await;
    assert_twilio_error(&r, 403, 60410);
    assert!(s.phone.all().is_empty());
    assert_eq!(s.count_rows("users").await, 0);

    // A second send at once waits for the cooldown: 60203 with Retry-After.
    let to = [("To", "+33612340021"), ("Channel", "sms")];
    let r = twilio(&s, post.clone(), &create, auth, &to).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let r = twilio(&s, post.clone(), &create, auth, &to).await;
    assert_twilio_error(&r, 429, 60203);
    assert!(r.headers.contains_key("retry-after"));
    // After it, the same verification is sent again (Twilio's resend).
    s.advance(31);
    let again = twilio(&s, post.clone(), &create, auth, &to).await;
    assert_eq!(again.status, 201, "{}", again.body);
    assert_eq!(
        again.body["send_code_attempts"].as_array().unwrap().len(),
        2
    );

    // Approved on the integrator's word, and audited as such.
    let sid = again.body["sid"].as_str().unwrap();
    let r = twilio(
        &s,
        post.clone(),
        &format!("{create}/{sid}"),
        auth,
        &[("Status", "approved")],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "approved");
    assert_eq!(r.body["valid"], true);
    let service_id = countersign_core::ids::ServiceId::from_trusted(s.service_id.clone());
    let user = countersign_app::twilio_verify::implicit_user_id(&service_id, "+33612340021");
    let events = s.event_types(&user).await;
    assert!(
        events.contains(&"challenge.approved_by_integrator".to_owned()),
        "{events:?}"
    );
    let r = twilio(
        &s,
        post.clone(),
        &format!("{create}/{sid}"),
        auth,
        &[("Status", "pending")],
    )
    .await;
    assert_twilio_error(&r, 400, 60200);
    // The native API does not reach into the Twilio surface's users'
    // verifications, nor the reverse.
    s.alice("alice").await;
    let native = s.challenge("alice", "login").await;
    let hex = native.strip_prefix("chl_").unwrap();
    let r = twilio(
        &s,
        reqwest::Method::GET,
        &format!("{create}/VE{hex}"),
        auth,
        &[],
    )
    .await;
    assert_twilio_error(&r, 404, 20404);
}

on_both_backends!(python_library, node_library, bad_input_and_credentials);
