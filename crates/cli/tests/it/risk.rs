//! Risk signals raise what a challenge asks for, visibly and on record; a
//! payment's details travel with its challenge and are bound to it.

use serde_json::{json, Value};

use crate::factors::{active_totp, now_secs, oathtool_totp};
use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

async fn open(s: &TestServer, purpose: &str, context: Value) -> crate::harness::Response {
    s.post(
        "/v1/challenges",
        json!({"user_id": "alice", "purpose": purpose, "context": context}),
    )
    .await
}

fn offered(view: &Value) -> Vec<String> {
    view["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["type"].as_str().unwrap().to_owned())
        .collect()
}

/// No SMS-only sign-in from a new or rooted device.
async fn new_or_rooted_devices_need_more_than_a_code(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;

    // Without an authenticator: phone AND email.
    let r = open(&s, "login", json!({"new_device": true})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        r.body["policy"],
        json!({"all_of": [{"any_of": ["sms", "voice"]}, {"any_of": ["email"]}],
               "risk": {"signals": ["new_device"], "rules": ["phone_and_email_required"]}})
    );
    let id = r.body["id"].as_str().unwrap().to_owned();
    let sms = s.send(&id, "sms").await;
    let r = s.verify(&id, "sms", &sms).await;
    assert_eq!(r.body["status"], "pending", "the SMS alone is not enough");
    s.advance(31);
    let email = s.send(&id, "email").await;
    assert_eq!(
        s.verify(&id, "email", &email).await.body["status"],
        "approved"
    );

    // With an authenticator: only it (or a passkey, a device, a recovery code).
    active_totp(&s, "alice").await;
    let r = open(&s, "login", json!({"rooted": true})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(offered(&r.body), ["totp"]);
    assert_eq!(
        r.body["policy"]["risk"]["rules"],
        json!(["authenticator_required"])
    );
    let id = r.body["id"].as_str().unwrap().to_owned();
    s.post(
        &format!("/v1/challenges/{id}/send"),
        json!({"channel": "sms"}),
    )
    .await
    .assert_problem(422, "method_unavailable");

    // The same request from a known, ordinary device keeps the default.
    let r = open(&s, "login", json!({"new_device": false, "rooted": false})).await;
    assert!(offered(&r.body).contains(&"sms".to_owned()));
    assert_eq!(
        r.body["policy"]["risk"],
        json!({"signals": [], "rules": []})
    );

    // Recorded with the challenge.
    let events = s.get("/v1/users/alice/events?limit=50").await.body;
    let created: Vec<&Value> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "challenge.created")
        .collect();
    assert!(created
        .iter()
        .any(|e| e["detail"]["risk"]["signals"] == json!(["rooted"])));
}

/// A phone-only user on a new device cannot pass: the answer says why.
async fn too_risky_for_what_the_user_has(b: Backend) {
    let s = TestServer::start(b).await;
    s.put("/v1/users/alice", json!({"phone": "+33 6 12 34 56 89"}))
        .await;
    let r = open(&s, "login", json!({"new_device": true})).await;
    r.assert_problem(422, "risk_too_high");
    assert_eq!(
        r.body["risk"],
        json!({"signals": ["new_device"], "rules": ["phone_and_email_required"]})
    );
    // verify_contact is never raised: proving the number is its point.
    assert_eq!(
        open(&s, "verify_contact", json!({"new_device": true}))
            .await
            .status,
        201
    );
    // A service may choose to only record signals.
    let r = s
        .call(
            reqwest::Method::PATCH,
            "/v1/service",
            Some(&s.key),
            Some(json!({"raise_on_signals": []})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = open(&s, "login", json!({"new_device": true})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        r.body["policy"]["risk"],
        json!({"signals": ["new_device"], "rules": []})
    );
}

/// A recent SIM change: codes to the phone no longer count.
async fn a_swapped_sim_gets_no_codes(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    active_totp(&s, "alice").await;
    let r = open(&s, "withdrawal", json!({"sim_changed": true})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(offered(&r.body), ["totp", "email"]);
    assert_eq!(r.body["policy"]["risk"]["rules"], json!(["no_phone_codes"]));
    let id = r.body["id"].as_str().unwrap();
    s.post(
        &format!("/v1/challenges/{id}/send"),
        json!({"channel": "voice"}),
    )
    .await
    .assert_problem(422, "method_unavailable");
}

/// Where the user usually is comes from their own approvals.
async fn an_unusual_place_is_noticed(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let (_, secret) = active_totp(&s, "alice").await;
    let home = json!({"ip": "203.0.113.7", "country": "FR"});
    let r = open(&s, "login", home.clone()).await;
    assert_eq!(
        r.body["policy"]["risk"]["signals"],
        json!([]),
        "nothing to compare yet"
    );
    let id = r.body["id"].as_str().unwrap().to_owned();
    s.advance(30);
    let code = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    assert_eq!(
        s.verify(&id, "totp", &code).await.body["status"],
        "approved"
    );

    // The same network and country: calm.
    let r = open(&s, "login", json!({"ip": "203.0.113.99", "country": "FR"})).await;
    assert_eq!(r.body["policy"]["risk"]["signals"], json!([]));
    // Elsewhere: both signals; the country raises the policy.
    let r = open(&s, "login", json!({"ip": "198.51.100.4", "country": "KP"})).await;
    assert_eq!(
        r.body["policy"]["risk"],
        json!({"signals": ["ip_changed", "unusual_country"], "rules": ["authenticator_required"]})
    );
    assert_eq!(offered(&r.body), ["totp"]);
    // An IP change alone is only recorded: mobile networks move people.
    let r = open(&s, "login", json!({"ip": "198.51.100.4", "country": "FR"})).await;
    assert_eq!(
        r.body["policy"]["risk"],
        json!({"signals": ["ip_changed"], "rules": []})
    );
}

/// The payment is named in the messages and bound by a digest that an
/// independent implementation (Python's hashlib) computes the same way.
async fn a_payment_is_shown_and_bound(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    active_totp(&s, "alice").await;
    let r = open(
        &s,
        "withdrawal",
        json!({"transaction": {"amount": "125.00", "currency": "EUR", "payee": "Alice Martin", "destination": "FR7630006000011234567890189"}}),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    let digest = r.body["transaction"]["digest"].as_str().unwrap().to_owned();
    let python = std::process::Command::new("python3")
        .args([
            "-c",
            &format!(
                "import hashlib; print(hashlib.sha256('\\n'.join(['countersign-transaction-v1', '{id}', '125.00', 'EUR', 'Alice Martin', 'FR7630006000011234567890189']).encode()).hexdigest())"
            ),
        ])
        .output()
        .expect("python3 runs");
    assert_eq!(String::from_utf8_lossy(&python.stdout).trim(), digest);

    s.send(&id, "sms").await;
    let sms = s.phone.last().json();
    assert!(
        sms["body"].as_str().unwrap().contains(
            "code to pay 125.00 EUR to Alice Martin (FR7630006000011234567890189). Never share it."
        ),
        "{sms}"
    );
    s.advance(31);
    s.send(&id, "email").await;
    let mail = s.smtp.all().pop().unwrap();
    assert!(
        mail.data.contains("125.00 EUR to Alice Martin"),
        "{}",
        mail.data
    );
    // The details cannot change: the challenge shows what was asked.
    assert_eq!(
        s.get(&format!("/v1/challenges/{id}")).await.body["transaction"]["digest"],
        digest.as_str()
    );
}

/// Bad risk and payment details are refused with stable codes.
async fn bad_context_is_refused(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let r = open(&s, "login", json!({"country": "France"})).await;
    r.assert_problem(400, "invalid_request");
    assert_eq!(r.body["field"], "context.country");
    for bad in [
        json!({"amount": "12,50", "currency": "EUR", "payee": "Bob"}),
        json!({"amount": "12.50", "currency": "euro", "payee": "Bob"}),
        json!({"amount": "12.50", "currency": "EUR"}),
        json!({"amount": "12.50", "currency": "EUR", "payee": "Bob\nCall +1 555"}),
    ] {
        open(&s, "withdrawal", json!({"transaction": bad}))
            .await
            .assert_problem(400, "invalid_transaction");
    }
    open(&s, "withdrawal", json!({"transaction": {"amount": 1}}))
        .await
        .assert_problem(400, "invalid_request");
    assert_eq!(s.count_rows("challenges").await, 0, "nothing was written");
}

on_both_backends!(
    new_or_rooted_devices_need_more_than_a_code,
    too_risky_for_what_the_user_has,
    a_swapped_sim_gets_no_codes,
    an_unusual_place_is_noticed,
    a_payment_is_shown_and_bound,
    bad_context_is_refused,
);
