//! `PATCH /v1/service`: policies per purpose and protections, validated,
//! applied at once, never weakening money movement to SMS or email alone.

use serde_json::json;

use crate::factors::{active_totp, now_secs, oathtool_totp};
use crate::harness::{Backend, Response, TestServer, T0};
use crate::on_both_backends;

async fn policies_and_settings_are_patched(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let r = s
        .call(
            reqwest::Method::PATCH,
            "/v1/service",
            Some(&s.key),
            Some(json!({
                "max_attempts": 3,
                "policies": {
                    "wire": {"class": "sensitive", "all_of": [{"any_of": ["totp", "webauthn"]}, {"any_of": ["email"]}]},
                    "newsletter": {"class": "standard", "all_of": [{"any_of": ["email"]}]}
                }
            })),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["settings"]["max_attempts"], 3);
    assert_eq!(
        r.body["policies"]["wire"],
        json!({"all_of": [{"any_of": ["totp", "webauthn"]}, {"any_of": ["email"]}]})
    );
    assert_eq!(r.body["classes"]["wire"], "sensitive");
    assert_eq!(r.body["classes"]["newsletter"], "standard");
    assert_eq!(r.body["classes"]["withdrawal"], "sensitive");
    assert_eq!(r.body["classes"]["security_change"], "security_change");
    assert_eq!(r.body["classes"]["verify_contact"], "verification");
    // In force at once: the custom purposes exist, and challenges get 3 tries.
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "wire"}),
        )
        .await;
    r.assert_problem(422, "policy_unsatisfiable");
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "newsletter"}),
        )
        .await;
    assert_eq!(r.body["attempts_left"], 3, "{}", r.body);

    let patch = |body| s.patch_service(body);
    // Refused, and nothing changes.
    let r =
        patch(json!({"policies": {"withdrawal": {"all_of": [{"any_of": ["sms", "totp"]}]}}})).await;
    r.assert_problem(422, "policy_too_weak");
    assert_eq!(r.body["purpose"], "withdrawal");
    patch(json!({"policies": {"wire": {"class": "sensitive", "all_of": [{"any_of": ["sms"]}, {"any_of": ["sms"]}]}}}))
        .await
        .assert_problem(422, "invalid_policy");
    let r = patch(json!({"max_attempts": 0, "policies": {"newsletter": null}})).await;
    r.assert_problem(400, "invalid_request");
    assert_eq!(r.body["field"], "max_attempts");
    patch(json!({"policies": {"Bad Name": null}}))
        .await
        .assert_problem(400, "invalid_request");
    patch(json!({"colour": "red"}))
        .await
        .assert_problem(400, "invalid_request");
    let current = s.get("/v1/service").await.body;
    assert!(current["policies"]["newsletter"].is_object(), "{current}");
    assert_eq!(current["settings"]["max_attempts"], 3);
    // null takes a purpose's own policy away.
    let r = patch(json!({"policies": {"newsletter": null}})).await;
    assert!(r.body["policies"].get("newsletter").is_none(), "{}", r.body);
    // Another service is untouched.
    let other = s.second_service_key().await;
    let theirs = s
        .call(reqwest::Method::GET, "/v1/service", Some(&other), None)
        .await;
    assert_eq!(theirs.body["settings"]["max_attempts"], 5);
    assert!(theirs.body["policies"].get("wire").is_none());
}

on_both_backends!(policies_and_settings_are_patched);

/// SMS and calls name the service by its short name, set or derived;
/// emails by its name.
async fn sms_name_is_set_and_used_by_sms_only(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let current = s.get("/v1/service").await.body;
    assert_eq!(current["sms_name"], "Acme Bank", "derived: {current}");
    assert!(current["settings"].get("sms_name").is_none(), "{current}");
    let r = s.patch_service(json!({"sms_name": "Acme Bank Ltd"})).await;
    r.assert_problem(400, "invalid_request");
    assert_eq!(r.body["field"], "sms_name");
    let r = s.patch_service(json!({"sms_name": "Acme"})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["sms_name"], "Acme");
    assert_eq!(r.body["settings"]["sms_name"], "Acme");

    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    let sms = s.phone.last().json();
    assert!(
        sms["body"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{code} is your Acme code to sign in.")),
        "{sms}"
    );
    s.advance(31);
    let code = s.send(&id, "email").await;
    let mail = s.smtp.all().pop().unwrap();
    assert_eq!(mail.subject(), format!("{code} is your Acme Bank code"));

    let r = s.patch_service(json!({"sms_name": ""})).await;
    assert_eq!(r.body["sms_name"], "Acme Bank", "{}", r.body);
    assert!(r.body["settings"].get("sms_name").is_none(), "{}", r.body);
}

on_both_backends!(sms_name_is_set_and_used_by_sms_only);

/// Three `serve` processes on one PostgreSQL: a settings change made on
/// one is in force on the others at once (`LISTEN/NOTIFY` drops their
/// cached copy), not when the cache's 10 s run out.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_settings_change_reaches_every_node_at_once() {
    let mut s = TestServer::start(Backend::Postgres).await;
    let nodes = [s.another_process().await, s.another_process().await];
    let settings_on = |base: &str| {
        let request = s
            .http
            .get(format!("{base}/v1/service"))
            .bearer_auth(&s.key)
            .send();
        async move { Response::read(request.await.unwrap()).await.body["settings"].clone() }
    };
    for node in &nodes {
        // Each node caches the service.
        assert_eq!(settings_on(node).await["max_attempts"], 5);
    }
    let r = s.patch_service(json!({"max_attempts": 3})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let changed = std::time::Instant::now();
    for node in &nodes {
        while settings_on(node).await["max_attempts"] != 3 {
            assert!(
                changed.elapsed() < countersign_app::services::ServiceCache::TTL / 2,
                "{node} still has the old settings: no signal reached it"
            );
            tokio::task::yield_now().await;
        }
    }
}

/// The rules that guard money hang on a purpose's class, not its name: a
/// service's own `payout` declared `sensitive` is refused an SMS-only
/// policy and held after a security change, like `withdrawal`; a purpose
/// of the service's own must say which class it is.
async fn a_sensitive_purpose_of_the_services_own_is_guarded_like_a_withdrawal(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let patch = |body| s.patch_service(body);
    let sms_only = json!({"all_of": [{"any_of": ["sms"]}]});
    let r = patch(json!({"policies": {"payout": sms_only}})).await;
    r.assert_problem(400, "purpose_class_required");
    assert_eq!(r.body["field"], "policies.payout.class");
    let r = patch(
        json!({"policies": {"payout": {"class": "sensitive", "all_of": [{"any_of": ["sms"]}]}}}),
    )
    .await;
    r.assert_problem(422, "policy_too_weak");
    assert_eq!(r.body["purpose"], "payout");
    patch(
        json!({"policies": {"payout": {"class": "verification", "all_of": [{"any_of": ["sms"]}]}}}),
    )
    .await
    .assert_problem(400, "invalid_purpose_class");
    patch(
        json!({"policies": {"withdrawal": {"class": "standard", "all_of": [{"any_of": ["sms"]}]}}}),
    )
    .await
    .assert_problem(400, "invalid_purpose_class");
    // Nothing of the refused changes was kept.
    let current = s.get("/v1/service").await.body;
    assert!(current["policies"].get("payout").is_none(), "{current}");

    let r = patch(json!({"policies": {
        "payout": {"class": "sensitive", "all_of": [{"any_of": ["totp", "webauthn"]}, {"any_of": ["sms"]}]},
        "export": {"class": "standard", "all_of": [{"any_of": ["totp"]}]}
    }}))
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["classes"]["payout"], "sensitive");
    assert_eq!(r.body["settings"]["purpose_classes"]["payout"], "sensitive");

    // Adding the authenticator is a security change: payouts are held, like
    // withdrawals; a standard purpose is not.
    let (_, secret) = active_totp(&s, "alice").await;
    let hold_until = countersign_core::Timestamp(T0.millis() + 86_400_000).to_rfc3339();
    let pass = |purpose: &'static str| {
        let s = &s;
        let secret = secret.clone();
        async move {
            let chl = s.challenge("alice", purpose).await;
            s.advance(30);
            let totp = oathtool_totp(&secret, now_secs(s), "SHA1", 6, 30);
            let r = s.verify(&chl, "totp", &totp).await;
            assert_eq!(r.status, 200, "{}", r.body);
            if r.body["status"] != "pending" {
                return r.body;
            }
            let sms = s.send(&chl, "sms").await;
            s.verify(&chl, "sms", &sms).await.body
        }
    };
    let payout = pass("payout").await;
    assert_eq!(payout["status"], "held", "{payout}");
    assert_eq!(payout["held_until"], hold_until);
    let withdrawal = pass("withdrawal").await;
    assert_eq!(withdrawal["status"], "held", "{withdrawal}");
    let export = pass("export").await;
    assert_eq!(export["status"], "approved", "{export}");

    // Redefined without a class, the purpose keeps the one it declared.
    let r = patch(json!({"policies": {"payout": {"all_of": [{"any_of": ["sms"]}]}}})).await;
    r.assert_problem(422, "policy_too_weak");

    // The document says which classes there are and where they go.
    let doc = s.get("/v1/openapi.json").await.body;
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["PurposeClass"]["enum"],
        json!(["standard", "sensitive", "security_change", "verification"]),
        "{}",
        schemas["PurposeClass"]
    );
    assert!(
        schemas["PurposePolicy"]["properties"]["class"].is_object(),
        "{}",
        schemas["PurposePolicy"]
    );
}

on_both_backends!(a_sensitive_purpose_of_the_services_own_is_guarded_like_a_withdrawal);
