//! Security changes are told to every verified contact point — by email to
//! a real SMTP server and by SMS to the provider endpoint — in the user's
//! language, with what changed, when, from where and what to do; the old
//! address hears of a change of address; an outage only delays a notice.

use serde_json::json;

use crate::harness::{Backend, Mail, ProviderRequest, TestServer};
use crate::on_both_backends;

/// Proves alice's phone and email with `verify_contact` challenges.
pub(crate) async fn verify_both_contacts(s: &TestServer) {
    for channel in ["sms", "email"] {
        let id = s.challenge("alice", "verify_contact").await;
        let code = s.send(&id, channel).await;
        assert_eq!(
            s.verify(&id, channel, &code).await.body["status"],
            "approved"
        );
    }
    let user = s.get("/v1/users/alice").await.body;
    assert_eq!(
        (
            user["phone_verified"].clone(),
            user["email_verified"].clone()
        ),
        (json!(true), json!(true))
    );
}

fn notice_sms(requests: &[ProviderRequest], words: &str) -> Option<serde_json::Value> {
    requests
        .iter()
        .map(ProviderRequest::json)
        .find(|m| m["code"] == "" && m["body"].as_str().unwrap_or_default().contains(words))
}

fn notice_mail<'a>(mails: &'a [Mail], to: &str, subject: &str) -> Option<&'a Mail> {
    mails
        .iter()
        .find(|m| m.to == [format!("<{to}>")] && m.subject() == subject)
}

async fn security_changes_reach_every_verified_contact(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    verify_both_contacts(&s).await;

    // An authenticator is added, from the user's IP as the integrator saw it.
    let enrolled = s
        .post("/v1/users/alice/factors", json!({"type": "totp"}))
        .await
        .body;
    let secret = enrolled["secret"].as_str().unwrap();
    let code = crate::factors::oathtool_totp(secret, crate::factors::now_secs(&s), "SHA1", 6, 30);
    let r = s
        .http
        .post(format!(
            "{}/v1/users/alice/factors/{}/activate",
            s.base,
            enrolled["id"].as_str().unwrap()
        ))
        .bearer_auth(&s.key)
        .header("Countersign-User-Ip", "203.0.113.7")
        .json(&json!({"code": code}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    let words = "authenticator app added";
    let sms = s
        .phone
        .wait_for("the SMS notice", |r| notice_sms(r, words).is_some())
        .await;
    let sms = notice_sms(&sms, words).unwrap();
    assert_eq!(sms["to"], "+33612345689");
    assert!(
        sms["body"]
            .as_str()
            .unwrap()
            .starts_with("Acme Bank: authenticator app added ("),
        "{sms}"
    );
    assert!(sms["body"]
        .as_str()
        .unwrap()
        .contains("Not you? Contact support now. Withdrawals held until"));
    let subject = "Security change on your Acme Bank account";
    let mails = s
        .smtp
        .wait_for("the email notice", |m| {
            notice_mail(m, "alice@example.com", subject).is_some()
        })
        .await;
    let text = notice_mail(&mails, "alice@example.com", subject)
        .unwrap()
        .text();
    assert!(
        text.contains(
            "from IP address 203.0.113.7, an authenticator app was added to your account."
        ),
        "{text}"
    );
    assert!(text.contains("withdrawals are on hold until"), "{text}");
    assert!(text.contains("If it was not you"), "{text}");

    // The email changes (and the language with it): the OLD, verified
    // address is told, in French; the new, unproven one is not.
    let r = s
        .put(
            "/v1/users/alice",
            json!({"email": "mallory@example.net", "locale": "fr-FR"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let subject_fr = "Modification de sécurité sur votre compte Acme Bank";
    let mails = s
        .smtp
        .wait_for("the notice to the old address", |m| {
            notice_mail(m, "alice@example.com", subject_fr).is_some()
        })
        .await;
    let text = notice_mail(&mails, "alice@example.com", subject_fr)
        .unwrap()
        .text();
    assert!(
        text.contains("l'adresse e-mail de votre compte a été modifiée"),
        "{text}"
    );
    let sms = s
        .phone
        .wait_for("the French SMS notice", |r| {
            notice_sms(r, "adresse e-mail modifiée").is_some()
        })
        .await;
    assert_eq!(
        notice_sms(&sms, "adresse e-mail modifiée").unwrap()["locale"],
        "fr"
    );
    assert!(
        s.smtp
            .all()
            .iter()
            .all(|m| m.to != ["<mallory@example.net>"]),
        "nothing went to the new, unverified address"
    );

    // The record says who was told (masked).
    let events = s.get("/v1/users/alice/events?limit=50").await.body;
    let holds: Vec<_> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "user.security_hold")
        .collect();
    assert_eq!(holds.len(), 2);
    assert_eq!(
        holds[1]["detail"]["change"],
        json!({"change": "factor_added", "factor": "totp"})
    );
    assert_eq!(holds[1]["ip"], "203.0.113.7");
    let told = holds[0]["detail"]["notified"].to_string();
    assert!(
        told.contains("a•••@example.com") && !told.contains("alice@example.com"),
        "{told}"
    );
}

/// Nobody verified: nobody is told (an unproven address may be the attacker's).
async fn unverified_contacts_are_not_told(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    crate::factors::active_totp(&s, "alice").await;
    let events = s.get("/v1/users/alice/events").await.body;
    let hold = events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "user.security_hold")
        .unwrap()
        .clone();
    assert_eq!(hold["detail"]["notified"], json!([]));
    assert_eq!(s.count_rows("notices").await, 0);
}

/// The SMS provider is down: the notice waits and goes out once it is back.
async fn a_notice_outlives_a_provider_outage(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "verify_contact").await;
    let code = s.send(&id, "sms").await;
    s.verify(&id, "sms", &code).await;
    s.phone.answer_next(&[503, 503, 503]);
    let before = s.phone.all().len();
    // A first set of recovery codes is a new way in: a security change.
    s.post("/v1/users/alice/factors", json!({"type": "recovery_codes"}))
        .await;
    // Three tries (the delivery's own retries), then a later retry.
    s.phone
        .wait_for("three failed tries", |r| r.len() >= before + 3)
        .await;
    s.advance(6);
    let words = "recovery codes added";
    let sms = s
        .phone
        .wait_for("the notice after the outage", |r| {
            r[before + 3..].iter().any(|r| {
                r.json()["body"]
                    .as_str()
                    .unwrap_or_default()
                    .contains(words)
            })
        })
        .await;
    let tries = sms
        .iter()
        .filter(|r| {
            r.json()["body"]
                .as_str()
                .unwrap_or_default()
                .contains(words)
        })
        .count();
    assert_eq!(tries, 4, "three failures, then the delivery");
}

/// The hold and the notices are written with the change itself: a change
/// that does not happen tells nobody and holds nothing.
async fn a_refused_change_tells_nobody(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    verify_both_contacts(&s).await;
    let enrolled = s
        .post("/v1/users/alice/factors", json!({"type": "totp"}))
        .await
        .body;
    let id = enrolled["id"].as_str().unwrap();
    let r = s
        .post(
            &format!("/v1/users/alice/factors/{id}/activate"),
            json!({"code": "000000"}),
        )
        .await;
    r.assert_problem(422, "invalid_code");
    s.delete("/v1/users/alice/factors/fac_00000000000000000000000000000000")
        .await
        .assert_problem(404, "not_found");
    // A malformed end-user IP is refused before anything happens.
    let r = s
        .http
        .delete(format!("{}/v1/users/alice/factors/{id}", s.base))
        .bearer_auth(&s.key)
        .header("Countersign-User-Ip", "203.0.113.7, 10.0.0.1")
        .send()
        .await
        .unwrap();
    let r = crate::harness::Response::read(r).await;
    r.assert_problem(400, "invalid_request");
    assert_eq!(r.body["field"], "Countersign-User-Ip");
    assert_eq!(
        s.count_rows("factors").await,
        1,
        "the factor is still there"
    );
    assert_eq!(s.count_rows("notices").await, 0);
    assert!(!s
        .event_types("alice")
        .await
        .contains(&"user.security_hold".to_owned()));
    assert!(s.get("/v1/users/alice").await.body["security_hold_until"].is_null());
    // The change that happens carries both, in the same write.
    crate::factors::active_totp(&s, "alice").await;
    assert_eq!(s.count_rows("notices").await, 2, "email and SMS");
    assert!(s.get("/v1/users/alice").await.body["security_hold_until"].is_string());
}

on_both_backends!(
    a_refused_change_tells_nobody,
    security_changes_reach_every_verified_contact,
    unverified_contacts_are_not_told,
    a_notice_outlives_a_provider_outage,
);
