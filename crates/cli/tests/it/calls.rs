//! "Call me instead" and the voicemail attack: a call reads the code only
//! after someone pressed a key, at a URL good once, for that call only, and
//! only for the provider that signs its requests.

use countersign_delivery::twilio_signature;
use serde_json::{json, Value};

use crate::harness::{Backend, Response, TestServer, TWILIO_TOKEN, WEBHOOK_SECRET};
use crate::on_both_backends;

/// Registers alice and calls her with a login code: the challenge.
async fn call_alice(s: &TestServer) -> String {
    s.alice("alice").await;
    let chl = s.challenge("alice", "login").await;
    let r = s
        .post(
            &format!("/v1/challenges/{chl}/send"),
            json!({"channel": "voice"}),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    chl
}

/// What a TwiML document says aloud: its `<Say>` texts.
fn spoken(twiml: &str) -> String {
    twiml
        .split("<Say")
        .skip(1)
        .filter_map(|say| say.split_once('>')?.1.split_once("</Say>"))
        .map(|(text, _)| text)
        .collect::<Vec<_>>()
        .join(" ")
}

async fn a_call_reads_the_code_only_after_a_key(backend: Backend) {
    let s = TestServer::start(backend).await;
    let chl = call_alice(&s).await;
    let first = s.phone.last().form_field("Twiml");
    let action = s.last_call_action();
    assert!(
        first.starts_with("<Response><Gather numDigits=\"1\""),
        "{first}"
    );
    assert!(action.starts_with("https://verify.bank.test/v1/delivery/calls/msg_"));
    // Nothing a voicemail box could record holds a digit.
    let said = spoken(&first);
    assert!(!said.chars().any(|c| c.is_ascii_digit()), "{said}");
    assert!(said.contains("press any key"), "{said}");

    // Forged: another token's signature, no signature, or signed for
    // another call's URL (the URL is part of what Twilio signs).
    let pressed = [("CallSid", "CA42"), ("Digits", "1")];
    s.twilio_post(&action, &pressed, "not-the-token")
        .await
        .assert_problem(401, "invalid_signature");
    let path = action.trim_start_matches("https://verify.bank.test");
    let form = [
        ("CallSid".to_owned(), "CA42".to_owned()),
        ("Digits".to_owned(), "1".to_owned()),
    ];
    let elsewhere = twilio_signature(TWILIO_TOKEN, &format!("{action}x"), &form);
    for signature in [None, Some(elsewhere)] {
        let mut request = s
            .http
            .post(format!("{}{path}", s.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("CallSid=CA42&Digits=1");
        if let Some(signature) = signature {
            request = request.header("X-Twilio-Signature", signature);
        }
        Response::read(request.send().await.unwrap())
            .await
            .assert_problem(401, "invalid_signature");
    }
    // A guessed token for this call, correctly signed, finds nothing.
    let token = action.rsplit('/').next().unwrap();
    let guessed = action.replace(token, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    s.twilio_post(&guessed, &pressed, TWILIO_TOKEN)
        .await
        .assert_problem(404, "not_found");

    // No key pressed (the Gather timed out, or a voicemail): the call ends,
    // no code said.
    let r = s
        .twilio_post(&action, &[("CallSid", "CA42")], TWILIO_TOKEN)
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body, "<Response><Hangup/></Response>");

    // A key: the code, digit by digit, twice; it approves.
    let code = s.received_code("voice").await;
    let r = s.verify(&chl, "voice", &code).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    // The URL was good once.
    s.twilio_post(&action, &pressed, TWILIO_TOKEN)
        .await
        .assert_problem(404, "not_found");
}

async fn an_unanswered_call_expires_with_its_code(backend: Backend) {
    let s = TestServer::start(backend).await;
    call_alice(&s).await;
    let action = s.last_call_action();
    s.advance(601);
    s.twilio_post(
        &action,
        &[("CallSid", "CA42"), ("Digits", "1")],
        TWILIO_TOKEN,
    )
    .await
    .assert_problem(404, "not_found");
}

/// Posts the webhook gateway's key report to `url`, signed with `secret`.
async fn gateway_post(s: &TestServer, url: &str, body: Value, secret: &str) -> Response {
    let path = url.trim_start_matches("https://verify.bank.test");
    s.webhook_post(path, &body, secret, 0).await
}

async fn a_webhook_gateway_gets_the_code_only_after_a_key(backend: Backend) {
    let s = TestServer::start_with(backend, |c| {
        c.delivery.voice = c.delivery.sms.clone();
    })
    .await;
    let chl = call_alice(&s).await;
    let sent = s.phone.last().json();
    assert_eq!(sent["channel"], "voice");
    assert_eq!(sent["code"], "");
    let action = sent["key_press"]["action_url"].as_str().unwrap().to_owned();
    let said = format!("{} {}", sent["body"], sent["key_press"]["goodbye"]);
    assert!(!said.chars().any(|c| c.is_ascii_digit()), "{said}");
    assert!(said.contains("press any key"), "{said}");

    gateway_post(&s, &action, json!({"digits": "1"}), "not-the-secret")
        .await
        .assert_problem(401, "invalid_signature");
    let r = gateway_post(&s, &action, json!({"digits": ""}), WEBHOOK_SECRET).await;
    assert_eq!(r.body, json!({"hangup": true}));
    let r = gateway_post(&s, &action, json!({"digits": "5"}), WEBHOOK_SECRET).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["speech_language"], "en-US");
    let spoken: String = r.body["say"]
        .as_str()
        .unwrap()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let (code, again) = spoken.split_at(6);
    assert_eq!(code, again);
    let r = s.verify(&chl, "voice", code).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    gateway_post(&s, &action, json!({"digits": "5"}), WEBHOOK_SECRET)
        .await
        .assert_problem(404, "not_found");
}

on_both_backends!(
    a_call_reads_the_code_only_after_a_key,
    an_unanswered_call_expires_with_its_code,
    a_webhook_gateway_gets_the_code_only_after_a_key,
);
