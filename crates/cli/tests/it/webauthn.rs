//! Passkeys and security keys at the API, with software authenticators
//! (webauthn-authenticator-rs) standing in for the browser: registration of
//! both kinds, approving a challenge, usernameless sign-in, and every way an
//! answer can be wrong. The same ceremonies in a real browser are in
//! `browser.rs`.

use std::cell::RefCell;
use std::rc::Rc;

use der::{pem::LineEnding, EncodePem};
use serde_json::{json, Value};
use url::Url;
use webauthn_authenticator_rs::error::WebauthnCError;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_authenticator_rs::softtoken::{SoftToken, AAGUID as SOFTTOKEN_AAGUID};
use webauthn_authenticator_rs::{AuthenticatorBackendHashedClientData, WebauthnAuthenticator};
use webauthn_rs_proto::{
    AllowCredentials, CreationChallengeResponse, PublicKeyCredential,
    PublicKeyCredentialCreationOptions, PublicKeyCredentialRequestOptions,
    RegisterPublicKeyCredential, RequestChallengeResponse,
};

use crate::harness::{Backend, Response, TestServer};
use crate::on_both_backends;

/// A software authenticator the test can copy mid-way (a cloned key).
#[derive(Clone)]
struct Shared(Rc<RefCell<SoftToken>>);

impl AuthenticatorBackendHashedClientData for Shared {
    fn perform_register(
        &mut self,
        hash: Vec<u8>,
        options: PublicKeyCredentialCreationOptions,
        timeout: u32,
    ) -> Result<RegisterPublicKeyCredential, WebauthnCError> {
        self.0.borrow_mut().perform_register(hash, options, timeout)
    }
    fn perform_auth(
        &mut self,
        hash: Vec<u8>,
        options: PublicKeyCredentialRequestOptions,
        timeout: u32,
    ) -> Result<PublicKeyCredential, WebauthnCError> {
        self.0.borrow_mut().perform_auth(hash, options, timeout)
    }
}

fn origin(s: &TestServer) -> Url {
    Url::parse(&s.state.config.webauthn.origin).unwrap()
}

/// Starts a registration; returns the factor id and the creation options.
async fn start_registration(s: &TestServer, kind: &str) -> (String, CreationChallengeResponse) {
    let r = s
        .post(
            "/v1/users/alice/factors",
            json!({"type": "webauthn", "kind": kind, "label": format!("Alice's {kind}")}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["status"], "pending");
    let options: CreationChallengeResponse =
        serde_json::from_value(r.body["options"].clone()).unwrap();
    (r.body["id"].as_str().unwrap().to_owned(), options)
}

async fn activate(s: &TestServer, factor: &str, credential: Value) -> Response {
    s.post(
        &format!("/v1/users/alice/factors/{factor}/activate"),
        json!({ "credential": credential }),
    )
    .await
}

/// Registers a passkey made by a software authenticator; returns the factor id.
async fn register_passkey(s: &TestServer, key: &mut SoftPasskey) -> String {
    let (id, options) = start_registration(s, "passkey").await;
    let selection = options.public_key.authenticator_selection.clone().unwrap();
    assert!(selection.require_resident_key, "a passkey is discoverable");
    assert_eq!(
        serde_json::to_value(selection.user_verification).unwrap(),
        "required"
    );
    // The software authenticator keeps no resident keys: it is handed the
    // same request without that flag (the server cannot check residency).
    let mut for_soft = options;
    for_soft
        .public_key
        .authenticator_selection
        .as_mut()
        .unwrap()
        .require_resident_key = false;
    let credential = key.do_registration(origin(s), for_soft).unwrap();
    let r = activate(s, &id, serde_json::to_value(&credential).unwrap()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "active");
    assert_eq!(r.body["kind"], "passkey");
    id
}

/// The WebAuthn request of a new challenge.
async fn challenge_request(s: &TestServer, purpose: &str) -> (String, RequestChallengeResponse) {
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": purpose}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let method = r.body["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["type"] == "webauthn")
        .unwrap_or_else(|| panic!("webauthn offered: {}", r.body))
        .clone();
    (
        r.body["id"].as_str().unwrap().to_owned(),
        serde_json::from_value(method["options"].clone()).unwrap(),
    )
}

async fn verify(s: &TestServer, challenge: &str, credential: &PublicKeyCredential) -> Response {
    s.post(
        &format!("/v1/challenges/{challenge}/verify"),
        json!({"method": "webauthn", "credential": credential}),
    )
    .await
}

async fn a_passkey_registers_and_approves(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let mut key = SoftPasskey::new(true);
    let factor = register_passkey(&s, &mut key).await;

    let (chl, request) = challenge_request(&s, "login").await;
    assert_eq!(request.public_key.allow_credentials.len(), 1);
    let assertion = key.do_authentication(origin(&s), request).unwrap();
    let r = verify(&s, &chl, &assertion).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
    assert_eq!(r.body["satisfied"], json!(["webauthn"]));
    // The same assertion again: the challenge is closed; on another
    // challenge it answers the wrong question.
    verify(&s, &chl, &assertion)
        .await
        .assert_problem(409, "challenge_closed");
    let (other, _) = challenge_request(&s, "login").await;
    let r = verify(&s, &other, &assertion).await;
    r.assert_problem(422, "invalid_credential");
    assert_eq!(r.body["attempts_left"], 4);

    let listed = s.get("/v1/users/alice/factors").await.body;
    assert_eq!(listed[0]["id"], factor);
    assert!(listed[0]["last_used_at"].is_string(), "{listed}");
    assert_eq!(listed[0]["backed_up"], false);
    // Deleting it is a security change, and it is offered no more.
    assert_eq!(
        s.delete(&format!("/v1/users/alice/factors/{factor}"))
            .await
            .status,
        204
    );
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "login"}),
        )
        .await;
    assert!(
        !r.body["methods"].to_string().contains("webauthn"),
        "{}",
        r.body
    );
    assert!(s
        .event_types("alice")
        .await
        .contains(&"factor.removed".to_owned()));
}

async fn usernameless_sign_in(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let mut key = SoftPasskey::new(true);
    let factor = register_passkey(&s, &mut key).await;
    let (_, request) = challenge_request(&s, "login").await;
    let credential_id = request.public_key.allow_credentials[0].id.clone();
    let r = s.post("/v1/webauthn/sign-ins", json!({})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    let options: RequestChallengeResponse =
        serde_json::from_value(r.body["options"].clone()).unwrap();
    assert!(
        options.public_key.allow_credentials.is_empty(),
        "usernameless"
    );
    assert!(
        r.body["options"].get("mediation").is_none(),
        "a modal request"
    );
    // The software authenticator has no resident keys: it is told which key
    // to use, and the user handle a real one returns is added (it is not
    // signed).
    let mut for_soft = options;
    for_soft.public_key.allow_credentials = vec![AllowCredentials {
        type_: "public-key".into(),
        id: credential_id,
        transports: None,
    }];
    let mut assertion = key.do_authentication(origin(&s), for_soft).unwrap();
    let user_pk = s.get("/v1/users/alice").await.body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assertion.response.user_handle = Some(hex::decode(&user_pk[4..]).unwrap());
    let finish_path = format!("/v1/webauthn/sign-ins/{id}/finish");
    let finish = |body: Value| s.post(&finish_path, body);
    // A credential that does not parse, or a body that is an array, leaves
    // the sign-in usable for the real answer.
    finish(json!({"credential": {"id": "x"}}))
        .await
        .assert_problem(422, "invalid_credential");
    finish(json!([assertion]))
        .await
        .assert_problem(400, "invalid_request");
    let r = finish(json!({"credential": assertion})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body, json!({"user_id": "alice", "factor_id": factor}));
    // Finished once.
    finish(json!({"credential": assertion}))
        .await
        .assert_problem(404, "not_found");
    // Expired after five minutes.
    let r = s.post("/v1/webauthn/sign-ins", json!({})).await;
    let late = r.body["id"].as_str().unwrap().to_owned();
    s.advance(301);
    s.post(
        &format!("/v1/webauthn/sign-ins/{late}/finish"),
        json!({"credential": assertion}),
    )
    .await
    .assert_problem(404, "not_found");
    assert!(s
        .event_types("alice")
        .await
        .contains(&"webauthn.signed_in".to_owned()));
}

async fn security_keys_follow_the_attestation_policy(backend: Backend) {
    let (token, ca) = SoftToken::new(true).unwrap();
    let dir = crate::harness::temp_dir("wa-ca");
    let pem = dir.join("softtoken-ca.pem");
    std::fs::write(&pem, ca.to_pem(LineEnding::LF).unwrap()).unwrap();
    let trusted = |aaguid: String| {
        let pem = pem.clone();
        move |c: &mut countersign_app::Config| {
            c.webauthn.trusted_security_keys = vec![serde_json::from_value(json!({
                "ca_pem_file": pem, "aaguids": [aaguid], "description": "Test token"
            }))
            .unwrap()];
        }
    };
    // Another model of the same vendor is refused.
    let s = TestServer::start_with(
        backend,
        trusted("cb69481e-8ff7-4039-93ec-0a2729a154a8".into()),
    )
    .await;
    s.alice("alice").await;
    let token = Shared(Rc::new(RefCell::new(token)));
    let mut key = token.clone();
    let (id, options) = start_registration(&s, "security_key").await;
    assert!(
        options
            .public_key
            .extensions
            .as_ref()
            .is_none_or(|e| e.cred_protect.is_none()),
        "no credProtect: Chromium refuses it with userVerification=preferred"
    );
    let credential = key.do_registration(origin(&s), options).unwrap();
    let r = activate(&s, &id, serde_json::to_value(&credential).unwrap()).await;
    r.assert_problem(422, "attestation_refused");
    drop(s);

    // The listed model registers, approves, and a clone of it is caught.
    let s = TestServer::start_with(backend, trusted(SOFTTOKEN_AAGUID.to_string())).await;
    s.alice("alice").await;
    let (id, options) = start_registration(&s, "security_key").await;
    let credential = key.do_registration(origin(&s), options).unwrap();
    let r = activate(&s, &id, serde_json::to_value(&credential).unwrap()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["kind"], "security_key");
    // A copy of the key as it is now: same private key, same counter.
    let copy = SoftToken::from_cbor(&token.0.borrow().to_cbor().unwrap()).unwrap();
    let mut clone = Shared(Rc::new(RefCell::new(copy)));
    s.put("/v1/users/alice", json!({"phone": "+33612345689"}))
        .await;
    let (chl, request) = challenge_request(&s, "withdrawal").await;
    let assertion = key.do_authentication(origin(&s), request).unwrap();
    let r = verify(&s, &chl, &assertion).await;
    assert_eq!(r.body["satisfied"], json!(["webauthn"]), "{}", r.body);
    let (chl, request) = challenge_request(&s, "login").await;
    let cloned = clone.do_authentication(origin(&s), request).unwrap();
    verify(&s, &chl, &cloned)
        .await
        .assert_problem(422, "invalid_credential");
    assert!(s
        .event_types("alice")
        .await
        .contains(&"factor.possible_clone".to_owned()));
    let _ = std::fs::remove_dir_all(&dir);
}

async fn wrong_answers_are_refused(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    // A registration answered for another site (RP ID and origin).
    let mut key = SoftPasskey::new(true);
    let (id, options) = start_registration(&s, "passkey").await;
    let mut for_soft = options.clone();
    for_soft
        .public_key
        .authenticator_selection
        .as_mut()
        .unwrap()
        .require_resident_key = false;
    let mut elsewhere = for_soft.clone();
    elsewhere.public_key.rp.id = "evil.test".into();
    let forged = key
        .do_registration(Url::parse("https://evil.test").unwrap(), elsewhere)
        .unwrap();
    activate(&s, &id, serde_json::to_value(&forged).unwrap())
        .await
        .assert_problem(422, "invalid_credential");
    // Malformed credentials.
    for bad in [json!({"id": 1}), json!("text"), json!({})] {
        activate(&s, &id, bad)
            .await
            .assert_problem(422, "invalid_credential");
    }
    s.post(
        &format!("/v1/users/alice/factors/{id}/activate"),
        json!({"code": "123456"}),
    )
    .await
    .assert_problem(400, "invalid_request");
    // The real answer still works: nothing above consumed the ceremony.
    let credential = key.do_registration(origin(&s), for_soft).unwrap();
    assert_eq!(
        activate(&s, &id, serde_json::to_value(&credential).unwrap())
            .await
            .status,
        200
    );

    let (chl, request) = challenge_request(&s, "login").await;
    s.post(
        &format!("/v1/challenges/{chl}/verify"),
        json!({"method": "webauthn"}),
    )
    .await
    .assert_problem(400, "invalid_request");
    let r = s
        .post(
            &format!("/v1/challenges/{chl}/verify"),
            json!({"method": "webauthn", "credential": {"nonsense": true}}),
        )
        .await;
    r.assert_problem(422, "invalid_credential");
    assert_eq!(r.body["attempts_left"], 4);
    // An assertion for another origin.
    let evil = key
        .do_authentication(Url::parse("http://localhost:1").unwrap(), request.clone())
        .unwrap();
    verify(&s, &chl, &evil)
        .await
        .assert_problem(422, "invalid_credential");
    // An expired challenge.
    s.advance(601);
    let late = key.do_authentication(origin(&s), request).unwrap();
    verify(&s, &chl, &late).await.assert_problem(410, "expired");
    // Bad enrolment requests.
    for (body, field) in [
        (json!({"type": "webauthn"}), "kind"),
        (json!({"type": "webauthn", "kind": "fingerprint"}), "kind"),
        (
            json!({"type": "webauthn", "kind": "passkey", "digits": 6}),
            "digits",
        ),
    ] {
        let r = s.post("/v1/users/alice/factors", body).await;
        r.assert_problem(400, "invalid_request");
        assert_eq!(r.body["field"], field);
    }
}

/// A customer whose only authenticator is a passkey joins a verified
/// support call with it (and the email code).
async fn a_passkey_joins_a_support_call(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let mut key = SoftPasskey::new(true);
    register_passkey(&s, &mut key).await;
    let starts_at = countersign_core::Timestamp(crate::harness::T0.millis() + 600_000).to_rfc3339();
    let booked = s
        .post(
            "/v1/support/appointments",
            json!({"user_id": "alice", "ticket_id": "T-7", "contact_email": "alice@example.com",
                   "agent": "Bob", "starts_at": starts_at}),
        )
        .await;
    let code = booked.body["appointment_code"].as_str().unwrap();
    let customer = crate::support::Browser::new(&s);
    let r = customer
        .post(
            "/v1/support/appointments/join",
            json!({"appointment_code": code}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let method = r.body["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["type"] == "webauthn")
        .unwrap_or_else(|| panic!("a passkey is offered: {}", r.body))
        .clone();
    let request: RequestChallengeResponse =
        serde_json::from_value(method["options"].clone()).unwrap();
    let assertion = key.do_authentication(origin(&s), request).unwrap();
    let challenge = r.body["id"].as_str().unwrap();
    let answer = |body: Value| customer.post("/v1/support/appointments/join/verify", body);
    let r =
        answer(json!({"challenge_id": challenge, "method": "webauthn", "credential": assertion}))
            .await;
    assert_eq!(r.body["satisfied"], json!(["webauthn"]), "{}", r.body);
    let email = s.received_code("email").await;
    let r = answer(json!({"challenge_id": challenge, "method": "email", "code": email})).await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
}

on_both_backends!(
    a_passkey_joins_a_support_call,
    a_passkey_registers_and_approves,
    usernameless_sign_in,
    security_keys_follow_the_attestation_policy,
    wrong_answers_are_refused,
);
