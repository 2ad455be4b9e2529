//! Authenticator apps, hardware OATH tokens and recovery codes, end to end:
//! codes come from independent implementations (`oathtool`, `pyotp`) at the
//! server's manual clock, seeds never reach the database in clear, and a key
//! rotation loses nothing.

use std::process::Command;

use countersign_core::otp::{hotp, OtpAlgorithm, OtpParams};
use futures::future::join_all;
use serde_json::{json, Value};

use crate::harness::{Backend, Response, TestServer, T0};
use crate::on_both_backends;

/// The RFC 4226/6238 SHA1 seed, "12345678901234567890", in base32.
const RFC_SEED_B32: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/// Runs a command that CI installs; a missing tool fails the test loudly.
pub(crate) fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is required (.ci/run installs it): {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// `oathtool --totp` at unix time `at`.
pub(crate) fn oathtool_totp(secret: &str, at: i64, mode: &str, digits: u32, period: u32) -> String {
    run(
        "oathtool",
        &[
            &format!("--totp={mode}"),
            "-b",
            "-d",
            &digits.to_string(),
            "-s",
            &format!("{period}s"),
            "--now",
            &format!("@{at}"),
            secret,
        ],
    )
}

fn oathtool_hotp(secret: &str, counter: u64) -> String {
    run(
        "oathtool",
        &["--hotp", "-b", "-c", &counter.to_string(), secret],
    )
}

/// pyotp's code: `kind` is `TOTP(…).at(t)` or `HOTP(…).at(counter)`.
fn pyotp(kind: &str, secret: &str, digest: &str, digits: u32, extra: &str, at: i64) -> String {
    run(
        "python3",
        &[
            "-c",
            &format!(
                "import hashlib, pyotp; print(pyotp.{kind}('{secret}', digits={digits}, digest=hashlib.{digest}{extra}).at({at}))"
            ),
        ],
    )
}

/// The server's time in unix seconds.
pub(crate) fn now_secs(s: &TestServer) -> i64 {
    use countersign_core::Clock;
    s.clock.now().millis() / 1000
}

pub(crate) async fn enrol_totp(s: &TestServer, user: &str, body: Value) -> Value {
    let r = s.post(&format!("/v1/users/{user}/factors"), body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body
}

pub(crate) async fn activate(s: &TestServer, user: &str, factor: &str, code: &str) -> Response {
    s.post(
        &format!("/v1/users/{user}/factors/{factor}/activate"),
        json!({ "code": code }),
    )
    .await
}

/// Enrols an authenticator app for `user` and activates it with the code
/// an app would show now; returns (factor id, base32 secret).
pub(crate) async fn active_totp(s: &TestServer, user: &str) -> (String, String) {
    let f = enrol_totp(s, user, json!({"type": "totp", "label": "Phone"})).await;
    let secret = f["secret"].as_str().unwrap().to_owned();
    let id = f["id"].as_str().unwrap().to_owned();
    let code = oathtool_totp(&secret, now_secs(s), "SHA1", 6, 30);
    let r = activate(s, user, &id, &code).await;
    assert_eq!(r.status, 200, "{}", r.body);
    (id, secret)
}

async fn totp_enrolment_and_verification(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let f = enrol_totp(&s, "alice", json!({"type": "totp", "label": "Phone"})).await;
    assert_eq!(f["status"], "pending");
    assert_eq!(f["type"], "totp");
    let secret = f["secret"].as_str().unwrap();
    assert_eq!(secret.len(), 32, "160-bit seed in base32");
    let uri = f["otpauth_uri"].as_str().unwrap();
    assert!(
        uri.starts_with("otpauth://totp/Acme%20Bank:alice%40example%2Ecom?secret="),
        "{uri}"
    );
    assert!(uri.contains(&format!(
        "secret={secret}&issuer=Acme%20Bank&algorithm=SHA1&digits=6&period=30"
    )));
    assert!(f["qr_svg"].as_str().unwrap().contains("<svg"));
    let id = f["id"].as_str().unwrap();

    // Listed without its secret, and not yet offered to challenges.
    let user = s.get("/v1/users/alice").await;
    assert_eq!(user.body["factors"][0]["status"], "pending");
    assert!(!user.body.to_string().contains(secret));
    let listed = s.get("/v1/users/alice/factors").await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
    assert!(!listed.body.to_string().contains(secret));
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "withdrawal"}),
        )
        .await;
    r.assert_problem(422, "policy_unsatisfiable");

    // Activation: a wrong code is refused, the app's code accepted.
    let code = oathtool_totp(secret, now_secs(&s), "SHA1", 6, 30);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    activate(&s, "alice", id, wrong)
        .await
        .assert_problem(422, "invalid_code");
    let r = activate(&s, "alice", id, &code).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "active");
    activate(&s, "alice", id, &code)
        .await
        .assert_problem(409, "factor_active");

    // A withdrawal needs the authenticator AND an out-of-band code.
    let chl = s.challenge("alice", "withdrawal").await;
    let view = s.get(&format!("/v1/challenges/{chl}")).await;
    assert_eq!(view.body["methods"][0]["type"], "totp");
    // The activation code was used: the same step is not good again.
    s.verify(&chl, "totp", &code)
        .await
        .assert_problem(422, "invalid_code");
    s.advance(30);
    let next = pyotp("TOTP", secret, "sha1", 6, "", now_secs(&s));
    let r = s.verify(&chl, "totp", &next).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "pending");
    assert_eq!(r.body["satisfied"], json!(["totp"]));
    let sms = s.send(&chl, "sms").await;
    let r = s.verify(&chl, "sms", &sms).await;
    // Proven; held because the authenticator was just added (see holds.rs).
    assert_eq!(r.body["status"], "held", "{}", r.body);

    // Good once across challenges too.
    let login = s.challenge("alice", "login").await;
    s.verify(&login, "totp", &next)
        .await
        .assert_problem(422, "invalid_code");
    let events = s.event_types("alice").await;
    for kind in [
        "factor.added",
        "factor.activation_failed",
        "factor.activated",
    ] {
        assert!(events.contains(&kind.to_owned()), "{kind} in {events:?}");
    }
    let last_used = s.get("/v1/users/alice/factors").await.body[0]["last_used_at"].clone();
    assert!(last_used.is_string(), "{last_used}");
}

async fn totp_drift_window_edges(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let f = enrol_totp(
        &s,
        "alice",
        json!({"type": "totp", "algorithm": "SHA256", "digits": 8, "period": 60}),
    )
    .await;
    let secret = f["secret"].as_str().unwrap().to_owned();
    assert_eq!(secret.len(), 52, "256-bit seed for SHA256");
    let id = f["id"].as_str().unwrap().to_owned();
    let at = |offset_steps: i64| now_secs(&s) + offset_steps * 60;
    let code = |t: i64| pyotp("TOTP", &secret, "sha256", 8, ", interval=60", t);
    // Activate with the code one step behind (a slow phone clock).
    assert_eq!(
        oathtool_totp(&secret, at(-1), "SHA256", 8, 60),
        code(at(-1))
    );
    assert_eq!(activate(&s, "alice", &id, &code(at(-1))).await.status, 200);
    // Two steps ahead: outside the window; one step ahead: inside.
    let chl = s.challenge("alice", "login").await;
    s.verify(&chl, "totp", &code(at(2)))
        .await
        .assert_problem(422, "invalid_code");
    let r = s.verify(&chl, "totp", &code(at(1))).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    // Once a later step was accepted, earlier steps are refused even inside
    // the window.
    let chl = s.challenge("alice", "login").await;
    s.verify(&chl, "totp", &code(at(0)))
        .await
        .assert_problem(422, "invalid_code");
    s.advance(120);
    // Now two steps behind the clock: refused; the current one: accepted.
    s.verify(&chl, "totp", &code(at(-2)))
        .await
        .assert_problem(422, "invalid_code");
    let r = s.verify(&chl, "totp", &code(at(0))).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
}

async fn totp_replay_races_approve_once(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    s.advance(30);
    let code = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let mut challenges = Vec::new();
    for _ in 0..8 {
        challenges.push(s.challenge("alice", "login").await);
    }
    let answers = join_all(challenges.iter().map(|c| s.verify(c, "totp", &code))).await;
    let approved = answers.iter().filter(|r| r.status == 200).count();
    assert_eq!(approved, 1, "{answers:#?}");
    for r in answers.iter().filter(|r| r.status != 200) {
        r.assert_problem(422, "invalid_code");
    }
}

async fn hotp_import_look_ahead_and_resync(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let r = s
        .post(
            "/v1/users/alice/factors",
            json!({"type": "hotp", "secret": "gezd gnbv gy3t qojq gezd gnbv gy3t qojq", "label": "YubiKey 5 #123"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["status"], "pending");
    assert!(
        r.body.get("secret").is_none(),
        "an imported seed is not echoed"
    );
    let id = r.body["id"].as_str().unwrap().to_owned();
    // One seed, one factor: the same token cannot be enrolled again (its
    // codes would approve twice), for this user or another.
    s.put("/v1/users/bob", json!({})).await;
    for user in ["alice", "bob"] {
        s.post(
            &format!("/v1/users/{user}/factors"),
            json!({"type": "totp", "secret": RFC_SEED_B32}),
        )
        .await
        .assert_problem(409, "factor_exists");
    }
    assert_eq!(oathtool_hotp(RFC_SEED_B32, 0), "755224");
    assert_eq!(activate(&s, "alice", &id, "755224").await.status, 200);

    let code = |c: u64| oathtool_hotp(RFC_SEED_B32, c);
    let chl = s.challenge("alice", "login").await;
    // Counter is 1 now; 5 is within the look-ahead.
    let r = s.verify(&chl, "hotp", &code(5)).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    let chl = s.challenge("alice", "login").await;
    s.verify(&chl, "hotp", &code(3))
        .await
        .assert_problem(422, "invalid_code");
    // Counter is 6: 17 is beyond look-ahead (6..=16).
    s.verify(&chl, "hotp", &code(17))
        .await
        .assert_problem(422, "invalid_code");
    let resync_path = format!("/v1/users/alice/factors/{id}/resync");
    let resync = |a: u64, b: u64| s.post(&resync_path, json!({"codes": [code(a), code(b)]}));
    resync(50, 52).await.assert_problem(422, "invalid_code");
    resync(150, 151).await.assert_problem(422, "invalid_code");
    let r = resync(50, 51).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = s.verify(&chl, "hotp", &code(52)).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    assert!(s
        .event_types("alice")
        .await
        .contains(&"factor.resynced".to_owned()));
}

async fn recovery_codes_are_good_once(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let r = s
        .post("/v1/users/alice/factors", json!({"type": "recovery_codes"}))
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["status"], "active");
    let codes: Vec<String> = serde_json::from_value(r.body["codes"].clone()).unwrap();
    assert_eq!(codes.len(), 10);
    let listed = s.get("/v1/users/alice/factors").await;
    assert_eq!(listed.body[0]["codes_left"], 10);
    assert!(!listed.body.to_string().contains(&codes[0]));

    let chl = s.challenge("alice", "login").await;
    // Typed as people do: capitals, spaces instead of dashes.
    let typed = codes[0].to_uppercase().replace('-', " ");
    let r = s.verify(&chl, "recovery_code", &typed).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    let chl = s.challenge("alice", "login").await;
    s.verify(&chl, "recovery_code", &codes[0])
        .await
        .assert_problem(422, "invalid_code");
    assert_eq!(
        s.get("/v1/users/alice/factors").await.body[0]["codes_left"],
        9
    );

    // Regenerating replaces the whole set.
    let r = s
        .post("/v1/users/alice/factors", json!({"type": "recovery_codes"}))
        .await;
    let fresh: Vec<String> = serde_json::from_value(r.body["codes"].clone()).unwrap();
    s.verify(&chl, "recovery_code", &codes[1])
        .await
        .assert_problem(422, "invalid_code");
    let r = s.verify(&chl, "recovery_code", &fresh[9]).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    let listed = s.get("/v1/users/alice/factors").await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
    assert_eq!(listed.body[0]["codes_left"], 9);
    assert_eq!(s.count_rows("recovery_codes").await, 10);
    // Deleting the user deletes their factors and codes.
    assert_eq!(s.delete("/v1/users/alice").await.status, 204);
    assert_eq!(s.count_rows("factors").await, 0);
    assert_eq!(s.count_rows("recovery_codes").await, 0);
}

async fn key_rotation_keeps_every_factor(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let (_, totp_secret) = active_totp(&s, "alice").await;
    let r = s
        .post(
            "/v1/users/alice/factors",
            json!({"type": "hotp", "secret": RFC_SEED_B32}),
        )
        .await;
    let hotp_id = r.body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        activate(&s, "alice", &hotp_id, &oathtool_hotp(RFC_SEED_B32, 0))
            .await
            .status,
        200
    );
    let pending = enrol_totp(&s, "alice", json!({"type": "totp"})).await;
    let codes = s
        .post("/v1/users/alice/factors", json!({"type": "recovery_codes"}))
        .await
        .body["codes"]
        .clone();
    // An SMS code issued before the rotation.
    let before = s.challenge("alice", "login").await;
    let sms = s.send(&before, "sms").await;

    let rotation = countersign_app::admin::rotate_key(&s.state.config, s.state.store.as_ref())
        .await
        .unwrap();
    assert_eq!(rotation.key_id, "k2");
    assert_eq!(rotation.resealed, 3);
    assert_eq!(rotation.older_keys, 1);
    for (_, sealed) in s.state.store.sealed_secrets().await.unwrap() {
        assert!(sealed.starts_with("v1.k2."), "{sealed}");
    }

    // The running server has not re-read the key file: it does so when it
    // meets the new key id.
    let r = s.verify(&before, "sms", &sms).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    s.advance(30);
    for (method, code) in [
        (
            "totp",
            oathtool_totp(&totp_secret, now_secs(&s), "SHA1", 6, 30),
        ),
        ("hotp", oathtool_hotp(RFC_SEED_B32, 1)),
        ("recovery_code", codes[0].as_str().unwrap().to_owned()),
    ] {
        let chl = s.challenge("alice", "login").await;
        let r = s.verify(&chl, method, &code).await;
        assert_eq!(r.body["status"], "approved", "{method}: {}", r.body);
    }
    let pending_secret = pending["secret"].as_str().unwrap();
    let r = activate(
        &s,
        "alice",
        pending["id"].as_str().unwrap(),
        &oathtool_totp(pending_secret, now_secs(&s), "SHA1", 6, 30),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    // New seeds are sealed under the new key; a server restarted on the
    // rotated key file accepts the database.
    enrol_totp(&s, "alice", json!({"type": "totp"})).await;
    let sealed = s.state.store.sealed_secrets().await.unwrap();
    assert_eq!(sealed.len(), 4);
    assert!(sealed.iter().all(|(_, v)| v.starts_with("v1.k2.")));
    countersign_app::checked_keyring(&s.state.config, s.state.store.as_ref())
        .await
        .unwrap();
}

async fn no_seed_or_recovery_code_in_the_database(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let generated = enrol_totp(&s, "alice", json!({"type": "totp"})).await;
    let generated_secret = generated["secret"].as_str().unwrap().to_owned();
    s.post(
        "/v1/users/alice/factors",
        json!({"type": "hotp", "secret": RFC_SEED_B32}),
    )
    .await;
    let codes = s
        .post("/v1/users/alice/factors", json!({"type": "recovery_codes"}))
        .await
        .body["codes"]
        .clone();
    let dump = s.database_dump().await;
    assert!(
        dump.windows(4).any(|w| w == b"v1.k"),
        "the scan reads the sealed seeds"
    );
    let generated_seed = countersign_core::otp::base32_decode(&generated_secret).unwrap();
    let mut needles = vec![
        generated_secret.clone(),
        generated_secret.to_lowercase(),
        hex::encode(&generated_seed),
        RFC_SEED_B32.to_owned(),
        hex::encode(b"12345678901234567890"),
    ];
    for c in codes.as_array().unwrap() {
        let c = c.as_str().unwrap();
        needles.push(c.to_owned());
        needles.push(c.replace('-', ""));
    }
    for needle in &needles {
        assert!(
            !dump.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle} found in the database"
        );
    }
    assert!(
        !dump.windows(20).any(|w| w == b"12345678901234567890"),
        "raw seed bytes found"
    );
    assert!(
        !dump
            .windows(generated_seed.len())
            .any(|w| w == generated_seed.as_slice()),
        "raw generated seed found"
    );
}

async fn bad_factor_input_is_refused_without_a_write(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let cases = [
        (
            json!({"type": "sms_token"}),
            400,
            "invalid_request",
            Some("type"),
        ),
        (
            json!({"type": "totp", "digits": 7}),
            400,
            "invalid_request",
            Some("digits"),
        ),
        (
            json!({"type": "totp", "period": 45}),
            400,
            "invalid_request",
            Some("period"),
        ),
        (
            json!({"type": "totp", "algorithm": "MD5"}),
            400,
            "invalid_request",
            None,
        ),
        (
            json!({"type": "totp", "counter": 3}),
            400,
            "invalid_request",
            Some("counter"),
        ),
        (
            json!({"type": "totp", "secret": "not base32!"}),
            400,
            "invalid_request",
            Some("secret"),
        ),
        (
            json!({"type": "hotp", "secret": "GEZDGNBV"}),
            400,
            "invalid_request",
            Some("secret"),
        ),
        (
            json!({"type": "hotp"}),
            400,
            "invalid_request",
            Some("secret"),
        ),
        (
            json!({"type": "hotp", "secret": RFC_SEED_B32, "period": 30}),
            400,
            "invalid_request",
            Some("period"),
        ),
        (
            json!({"type": "totp", "label": "x".repeat(65)}),
            400,
            "invalid_request",
            Some("label"),
        ),
        (
            json!({"type": "totp", "label": "a\u{1b}[31m"}),
            400,
            "invalid_request",
            Some("label"),
        ),
        (
            json!({"type": "recovery_codes", "digits": 8}),
            400,
            "invalid_request",
            Some("digits"),
        ),
        (
            json!({"type": "totp", "colour": "red"}),
            400,
            "invalid_request",
            None,
        ),
        (
            json!({"type": "webauthn", "kind": "fingerprint"}),
            400,
            "invalid_request",
            Some("kind"),
        ),
        (
            json!({"type": "totp", "kind": "passkey"}),
            400,
            "invalid_request",
            Some("kind"),
        ),
        (
            json!({"type": "device"}),
            400,
            "invalid_request",
            Some("label"),
        ),
    ];
    for (body, status, code, field) in cases {
        let r = s.post("/v1/users/alice/factors", body.clone()).await;
        r.assert_problem(status, code);
        if let Some(field) = field {
            assert_eq!(r.body["field"], field, "{body}: {}", r.body);
        }
    }
    s.post("/v1/users/nobody/factors", json!({"type": "totp"}))
        .await
        .assert_problem(404, "not_found");
    s.post(
        "/v1/users/alice/factors",
        json!({"type": "hotp", "secret": RFC_SEED_B32, "counter": u64::MAX}),
    )
    .await
    .assert_problem(400, "invalid_request");
    assert_eq!(s.count_rows("factors").await, 0);

    let f = enrol_totp(&s, "alice", json!({"type": "totp"})).await;
    let id = f["id"].as_str().unwrap();
    activate(
        &s,
        "alice",
        "fac_00000000000000000000000000000000",
        "123456",
    )
    .await
    .assert_problem(404, "not_found");
    // Another user's path does not reach Alice's factor.
    s.put("/v1/users/bob", json!({})).await;
    activate(&s, "bob", id, "123456")
        .await
        .assert_problem(404, "not_found");
    s.delete(&format!("/v1/users/bob/factors/{id}"))
        .await
        .assert_problem(404, "not_found");
    activate(&s, "alice", "../../etc", "123456")
        .await
        .assert_problem(404, "not_found");
    s.post(
        &format!("/v1/users/alice/factors/{id}/activate"),
        json!({"code": 123456}),
    )
    .await
    .assert_problem(400, "invalid_request");
    let r = s
        .post(
            &format!("/v1/users/alice/factors/{id}/resync"),
            json!({"codes": ["123456"]}),
        )
        .await;
    r.assert_problem(400, "invalid_request");
    s.post(
        &format!("/v1/users/alice/factors/{id}/resync"),
        json!({"codes": ["123456", "654321"]}),
    )
    .await
    .assert_problem(422, "not_resyncable");
    // Another service sees nothing.
    let other = s.second_service_key().await;
    let r = s
        .call(
            reqwest::Method::GET,
            "/v1/users/alice/factors",
            Some(&other),
            None,
        )
        .await;
    r.assert_problem(404, "not_found");
    // A pending factor waits a day at most.
    s.advance(24 * 3600);
    activate(&s, "alice", id, "123456")
        .await
        .assert_problem(410, "expired");
    assert_eq!(
        s.delete(&format!("/v1/users/alice/factors/{id}"))
            .await
            .status,
        204
    );
    s.delete(&format!("/v1/users/alice/factors/{id}"))
        .await
        .assert_problem(404, "not_found");
    assert!(s
        .event_types("alice")
        .await
        .contains(&"factor.removed".to_owned()));
}

/// Guessing through activation counts towards the same lockout as guessing
/// in challenges.
async fn wrong_activation_codes_lock_the_user(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let f = enrol_totp(&s, "alice", json!({"type": "totp"})).await;
    let id = f["id"].as_str().unwrap();
    let secret = f["secret"].as_str().unwrap();
    let right = oathtool_totp(secret, now_secs(&s), "SHA1", 6, 30);
    let wrong = if right == "000000" {
        "111111"
    } else {
        "000000"
    };
    for _ in 0..9 {
        activate(&s, "alice", id, wrong)
            .await
            .assert_problem(422, "invalid_code");
    }
    activate(&s, "alice", id, wrong)
        .await
        .assert_problem(429, "locked");
    activate(&s, "alice", id, &right)
        .await
        .assert_problem(429, "locked");
}

on_both_backends!(
    totp_enrolment_and_verification,
    totp_drift_window_edges,
    totp_replay_races_approve_once,
    hotp_import_look_ahead_and_resync,
    recovery_codes_are_good_once,
    key_rotation_keeps_every_factor,
    no_seed_or_recovery_code_in_the_database,
    bad_factor_input_is_refused_without_a_write,
    wrong_activation_codes_lock_the_user,
);

/// Countersign's generator agrees with oathtool and pyotp on every hash,
/// length and period, at many times and counters.
#[test]
fn codes_agree_with_oathtool_and_pyotp() {
    let seeds = [
        ("SHA1", "sha1", OtpAlgorithm::Sha1, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
        (
            "SHA256",
            "sha256",
            OtpAlgorithm::Sha256,
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA",
        ),
        (
            "SHA512",
            "sha512",
            OtpAlgorithm::Sha512,
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA",
        ),
    ];
    let times = [
        59i64,
        1_111_111_109,
        1_234_567_890,
        T0.millis() / 1000,
        2_000_000_000,
    ];
    for (mode, digest, algorithm, secret) in seeds {
        let seed = countersign_core::otp::base32_decode(secret).unwrap();
        for digits in [6, 8] {
            for period in [30u32, 60] {
                let params = OtpParams {
                    algorithm,
                    digits,
                    period,
                };
                for t in times {
                    let ours = countersign_core::otp::totp(
                        &seed,
                        countersign_core::Timestamp(t * 1000),
                        &params,
                    );
                    assert_eq!(
                        ours,
                        oathtool_totp(secret, t, mode, digits, period),
                        "{mode} {digits} {period} {t}"
                    );
                    assert_eq!(
                        ours,
                        pyotp(
                            "TOTP",
                            secret,
                            digest,
                            digits,
                            &format!(", interval={period}"),
                            t
                        ),
                        "pyotp {mode} {digits} {period} {t}"
                    );
                }
            }
            for counter in [0u64, 1, 9, 1000, 123_456_789] {
                let ours = hotp(
                    &seed,
                    counter,
                    &OtpParams {
                        algorithm,
                        digits,
                        period: 30,
                    },
                );
                assert_eq!(
                    ours,
                    pyotp("HOTP", secret, digest, digits, "", counter as i64),
                    "pyotp HOTP {mode} {digits} {counter}"
                );
                if algorithm == OtpAlgorithm::Sha1 {
                    assert_eq!(
                        ours,
                        run(
                            "oathtool",
                            &[
                                "--hotp",
                                "-b",
                                "-d",
                                &digits.to_string(),
                                "-c",
                                &counter.to_string(),
                                secret
                            ]
                        )
                    );
                }
            }
        }
    }
}
