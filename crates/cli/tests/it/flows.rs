//! Whole journeys: a user receives a code by SMS, by voice call or by email
//! and types it.

use countersign_core::secret::hmac_sha256_hex;
use serde_json::json;

use crate::harness::{Backend, TestServer, TWILIO_SID, TWILIO_TOKEN, WEBHOOK_SECRET};
use crate::on_both_backends;

on_both_backends!(
    sms_code_approves_a_login,
    call_me_instead_reads_the_code_aloud,
    email_code_approves_and_verifies_the_address,
    verify_contact_marks_the_phone_verified
);

async fn sms_code_approves_a_login(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "login", "context": {"ip": "203.0.113.7"}}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("chl_"));
    assert_eq!(r.body["status"], "pending");
    assert_eq!(r.body["attempts_left"], 5);
    let hosted = r.body["hosted_url"].as_str().unwrap();
    let token = hosted
        .strip_prefix(&format!("https://verify.bank.test/verify/{id}?t="))
        .unwrap_or_else(|| panic!("the hosted page with its token: {hosted}"));
    assert_eq!(token.len(), 43, "256 bits, base64url");
    assert!(
        s.get(&format!("/v1/challenges/{id}"))
            .await
            .body
            .get("hosted_url")
            .is_none(),
        "the token is shown once, never in a GET"
    );
    let methods = r.body["methods"].as_array().unwrap();
    let sms = methods.iter().find(|m| m["type"] == "sms").unwrap();
    assert_eq!(sms["to"], "+33 6 •• •• •• 89");
    let email = methods.iter().find(|m| m["type"] == "email").unwrap();
    assert_eq!(email["to"], "a•••@example.com");
    assert!(
        !r.body.to_string().contains("12 34 56"),
        "destination leaked: {}",
        r.body
    );

    let sent = s
        .post(
            &format!("/v1/challenges/{id}/send"),
            json!({"channel": "sms"}),
        )
        .await;
    assert_eq!(sent.status, 202, "{}", sent.body);
    assert_eq!(sent.body["channel"], "sms");
    assert_eq!(sent.body["to"], "+33 6 •• •• •• 89");
    assert_eq!(sent.body["resend_available_at"], "2030-03-17T17:47:10Z");

    // The provider got a signed request carrying the code, in the body only.
    let req = s.phone.last();
    assert_eq!(req.path, "/sms");
    let msg = req.json();
    assert_eq!(msg["to"], "+33612345689");
    assert_eq!(msg["channel"], "sms");
    let code = msg["code"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 6);
    assert!(msg["body"]
        .as_str()
        .unwrap()
        .starts_with(&format!("{code} is your Acme Bank code to sign in.")));
    assert!(msg["body"]
        .as_str()
        .unwrap()
        .ends_with(&format!("@verify.bank.test #{code}")));
    let header = req.headers["countersign-signature"]
        .to_str()
        .unwrap()
        .to_owned();
    let (t, v1) = header.split_once(",v1=").unwrap();
    let t = t.strip_prefix("t=").unwrap();
    assert_eq!(
        v1,
        hmac_sha256_hex(
            WEBHOOK_SECRET.as_bytes(),
            format!("{t}.{}", req.body).as_bytes()
        )
    );

    let wrong = if code == "000000" { "111111" } else { "000000" };
    s.verify(&id, "sms", wrong)
        .await
        .assert_problem(422, "invalid_code");
    let ok = s
        .verify(&id, "sms", &format!("{} {}", &code[..3], &code[3..]))
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.body["status"], "approved");
    assert_eq!(ok.body["satisfied"], json!(["sms"]));
    assert_eq!(ok.body["remaining"], json!([]));
    assert_eq!(ok.body["attempts_left"], 4);
    assert_eq!(ok.body["messages"][0]["status"], "sent");

    let user = s.get("/v1/users/alice").await;
    assert_eq!(user.body["phone_verified"], true);
    assert_eq!(user.body["email_verified"], false);
    assert_eq!(
        s.event_types("alice").await,
        [
            "user.created",
            "challenge.created",
            "challenge.code_sent",
            "challenge.code_rejected",
            "challenge.method_verified",
            "challenge.approved"
        ]
    );
    let events = s.get("/v1/users/alice/events?limit=1").await;
    assert_eq!(events.body[0]["ip"], "203.0.113.7");
}

async fn call_me_instead_reads_the_code_aloud(b: Backend) {
    let s = TestServer::start(b).await;
    s.put(
        "/v1/users/jean",
        json!({"phone": "+33612345689", "locale": "fr-FR"}),
    )
    .await;
    let id = s.challenge("jean", "login").await;
    s.send(&id, "sms").await;

    // "Call me instead" waits for the same cooldown as a resend.
    let early = s
        .post(
            &format!("/v1/challenges/{id}/send"),
            json!({"channel": "voice"}),
        )
        .await;
    early.assert_problem(429, "resend_too_soon");
    assert_eq!(early.headers["retry-after"], "30");
    assert_eq!(early.body["retry_after"], 30);

    s.advance(30);
    let r = s
        .post(
            &format!("/v1/challenges/{id}/send"),
            json!({"channel": "voice"}),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    let call = s.phone.last();
    assert_eq!(
        call.path,
        format!("/twilio/2010-04-01/Accounts/{TWILIO_SID}/Calls.json")
    );
    let auth = call.headers["authorization"].to_str().unwrap();
    use base64::Engine;
    assert_eq!(
        auth,
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD
                .encode(format!("{TWILIO_SID}:{TWILIO_TOKEN}"))
        )
    );
    assert_eq!(call.form_field("To"), "+33612345689");
    assert_eq!(call.form_field("From"), "+15005550006");
    // The call first asks for a key, in French, and says no code.
    let twiml = call.form_field("Twiml");
    assert!(
        twiml.starts_with("<Response><Gather numDigits=\"1\""),
        "{twiml}"
    );
    assert!(twiml.contains("<Say language=\"fr-FR\">Bonjour. Ici Acme Bank"));
    let said = s.press_key().await;
    assert!(
        said.starts_with("<Response><Say language=\"fr-FR\">"),
        "{said}"
    );
    let code: String = said.chars().filter(char::is_ascii_digit).take(6).collect();
    let spelled: Vec<String> = code.chars().map(String::from).collect();
    assert_eq!(
        said.matches(&spelled.join(", ")).count(),
        2,
        "digits read one by one, twice: {said}"
    );
    assert!(!twiml.contains(&spelled.join(", ")), "{twiml}");

    let ok = s.verify(&id, "voice", &code).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.body["status"], "approved");
}

async fn email_code_approves_and_verifies_the_address(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "email").await;
    let mail = s.smtp.all().pop().unwrap();
    assert_eq!(mail.to, ["<alice@example.com>"]);
    assert!(mail.from.contains("security@countersign.test"));
    assert_eq!(
        mail.header("Subject").unwrap(),
        format!("{code} is your Acme Bank code")
    );
    assert!(mail.data.contains(&code));
    let ok = s.verify(&id, "email", &code).await;
    assert_eq!(ok.body["status"], "approved", "{}", ok.body);
    assert_eq!(s.get("/v1/users/alice").await.body["email_verified"], true);
}

async fn verify_contact_marks_the_phone_verified(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "verify_contact").await;
    let code = s.send(&id, "sms").await;
    assert!(s.phone.last().json()["body"]
        .as_str()
        .unwrap()
        .contains("to confirm this contact"));
    assert_eq!(s.verify(&id, "sms", &code).await.body["status"], "approved");
    let user = s.get("/v1/users/alice").await;
    assert_eq!(
        (
            user.body["phone_verified"].as_bool(),
            user.body["email_verified"].as_bool()
        ),
        (Some(true), Some(false))
    );
}
