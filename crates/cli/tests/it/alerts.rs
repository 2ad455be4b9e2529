//! Security alerts: an authenticator code typed again after it was used is
//! recorded as `factor.totp_replayed` and told to the user like a security
//! change; a sign-in from a new device or country is told too, when the
//! service asks for it (off by default).

use serde_json::{json, Value};

use crate::factors::{active_totp, now_secs, oathtool_totp};
use crate::harness::{Backend, Mail, TestServer};
use crate::notices::verify_both_contacts;
use crate::on_both_backends;

const ALERT: &str = "Security alert on your Acme Bank account";

/// Alice's events of type `kind`, newest first.
async fn events_of(s: &TestServer, kind: &str) -> Vec<Value> {
    let r = s.get("/v1/users/alice/events?limit=200").await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == kind)
        .cloned()
        .collect()
}

fn alerts_to_alice(mails: &[Mail]) -> Vec<&Mail> {
    mails
        .iter()
        .filter(|m| m.to == ["<alice@example.com>"] && m.subject() == ALERT)
        .collect()
}

/// Signs alice in with her authenticator, in `context`, a step later.
async fn sign_in(s: &TestServer, secret: &str, context: Value) -> Value {
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "login", "context": context}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    s.advance(30);
    let code = oathtool_totp(secret, now_secs(s), "SHA1", 6, 30);
    let r = s.verify(&id, "totp", &code).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    r.body
}

async fn a_replayed_authenticator_code_alerts_the_user(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    verify_both_contacts(&s).await;
    let (factor, secret) = active_totp(&s, "alice").await;
    s.advance(30);
    let code = oathtool_totp(&secret, now_secs(&s), "SHA1", 6, 30);
    let first = s.challenge("alice", "login").await;
    assert_eq!(
        s.verify(&first, "totp", &code).await.body["status"],
        "approved"
    );

    // A plain wrong code is only a wrong code.
    let second = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "login", "context": {"ip": "198.51.100.4"}}),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
    s.verify(&second, "totp", &wrong)
        .await
        .assert_problem(422, "invalid_code");
    assert!(events_of(&s, "factor.totp_replayed").await.is_empty());

    // The used code again, within its window: refused, and on record.
    s.verify(&second, "totp", &code)
        .await
        .assert_problem(422, "invalid_code");
    let replays = events_of(&s, "factor.totp_replayed").await;
    assert_eq!(replays.len(), 1, "{replays:?}");
    assert_eq!(replays[0]["detail"]["factor_id"], factor.as_str());
    assert_eq!(replays[0]["detail"]["challenge_id"], second.as_str());
    assert_eq!(replays[0]["ip"], "198.51.100.4");
    let notified = replays[0]["detail"]["notified"].as_array().unwrap();
    assert_eq!(notified.len(), 2, "{notified:?}");
    assert_ne!(notified[0], "alice@example.com", "masked");
    assert_eq!(notified[1], "+33 6 •• •• •• 89");

    // The user hears of it by email (and SMS), like a security change.
    let mails = s
        .smtp
        .wait_for("the replay alert", |m| !alerts_to_alice(m).is_empty())
        .await;
    let alert = alerts_to_alice(&mails)[0].text();
    assert!(
        alert.contains("a code from your authenticator app was entered again"),
        "{alert}"
    );
    assert!(alert.contains("from IP address 198.51.100.4"), "{alert}");
    s.phone
        .wait_for("the SMS alert", |r| {
            r.iter().any(|r| {
                r.json()["body"]
                    .as_str()
                    .is_some_and(|b| b.contains("authenticator code reused"))
            })
        })
        .await;
}

async fn risky_sign_ins_alert_only_when_the_service_asks(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    verify_both_contacts(&s).await;
    let (_, secret) = active_totp(&s, "alice").await;

    // Off by default: a sign-in from a new device is approved quietly.
    let view = sign_in(&s, &secret, json!({"new_device": true})).await;
    assert_eq!(view["policy"]["risk"]["signals"], json!(["new_device"]));
    assert!(events_of(&s, "user.risky_sign_in").await.is_empty());

    let r = s
        .call(
            reqwest::Method::PATCH,
            "/v1/service",
            Some(&s.key),
            Some(json!({"notify_risky_sign_ins": true})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["settings"]["notify_risky_sign_ins"], true);

    // On: a calm sign-in tells nothing; one from a new device does.
    sign_in(&s, &secret, json!({})).await;
    assert!(events_of(&s, "user.risky_sign_in").await.is_empty());
    sign_in(&s, &secret, json!({"new_device": true})).await;
    let told = events_of(&s, "user.risky_sign_in").await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["detail"]["signals"], json!(["new_device"]));
    let mails = s
        .smtp
        .wait_for("the sign-in alert", |m| !alerts_to_alice(m).is_empty())
        .await;
    let alerts = alerts_to_alice(&mails);
    assert_eq!(alerts.len(), 1, "none for the sign-in made while off");
    let text = alerts[0].text();
    assert!(
        text.contains("someone signed in to your account from a new device."),
        "{text}"
    );
}

on_both_backends!(
    a_replayed_authenticator_code_alerts_the_user,
    risky_sign_ins_alert_only_when_the_service_asks,
);
