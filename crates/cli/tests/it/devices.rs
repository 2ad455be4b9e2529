//! Approval on a trusted device: enrolment by signature, number matching,
//! deny, and every way a device request can be wrong (bad or replayed
//! signature, stale time, another user's device), plus the long-poll.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use countersign_core::device::signed_request;
use countersign_core::limits::Cap;
use countersign_core::Clock;
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{json, Value};

use crate::harness::{Backend, Response, TestServer};
use crate::on_both_backends;

/// A device in the test: its key, and once enrolled its factor id.
struct TestDevice {
    key: SigningKey,
    factor_id: String,
}

impl TestDevice {
    /// Enrols and activates a device for `user`.
    async fn enrol(s: &TestServer, user: &str, seed: u8) -> TestDevice {
        let key = SigningKey::from_bytes(&[seed; 32]);
        let r = s
            .post(
                &format!("/v1/users/{user}/factors"),
                json!({"type": "device", "label": "Alice's phone", "public_key": URL_SAFE_NO_PAD.encode(key.verifying_key().to_bytes())}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body["status"], "pending");
        let factor_id = r.body["id"].as_str().unwrap().to_owned();
        let challenge = URL_SAFE_NO_PAD
            .decode(r.body["activation_challenge"].as_str().unwrap())
            .unwrap();
        let activate_path = format!("/v1/users/{user}/factors/{factor_id}/activate");
        let activate = |signature: Vec<u8>| {
            s.post(
                &activate_path,
                json!({"signature": URL_SAFE_NO_PAD.encode(signature)}),
            )
        };
        let impostor = SigningKey::from_bytes(&[seed.wrapping_add(1); 32]);
        activate(impostor.sign(&challenge).to_bytes().to_vec())
            .await
            .assert_problem(422, "invalid_signature");
        let r = activate(key.sign(&challenge).to_bytes().to_vec()).await;
        assert_eq!(r.body["status"], "active", "{}", r.body);
        TestDevice { key, factor_id }
    }

    /// The `Countersign-Device` header for a request signed `skew` seconds
    /// off the server's clock.
    fn header(&self, s: &TestServer, method: &str, path: &str, body: &[u8], skew: i64) -> String {
        let t = s.clock.now().millis() / 1000 + skew;
        let sig = self.key.sign(&signed_request(method, path, t, body));
        format!(
            "{}.{t}.{}",
            self.factor_id,
            URL_SAFE_NO_PAD.encode(sig.to_bytes())
        )
    }

    /// A request to `target` (path and query), signed as the device would
    /// unless `header` is given.
    async fn send(
        &self,
        s: &TestServer,
        method: &str,
        target: &str,
        body: Option<Value>,
        header: Option<String>,
    ) -> Response {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let header = header.unwrap_or_else(|| self.header(s, method, target, body.as_bytes(), 0));
        let url = format!("{}{target}", s.base);
        let request = if method == "GET" {
            s.http.get(url)
        } else {
            s.http
                .post(url)
                .header("content-type", "application/json")
                .body(body)
        };
        Response::read(
            request
                .header("Countersign-Device", header)
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    /// Lists pending requests; the nonce makes each poll's signature unique.
    async fn pending(&self, s: &TestServer) -> Response {
        let nonce = countersign_core::ids::new_id("n");
        self.send(
            s,
            "GET",
            &format!("/v1/devices/{}/pending?nonce={nonce}", self.factor_id),
            None,
            None,
        )
        .await
    }

    async fn respond(&self, s: &TestServer, challenge: &str, answer: Value) -> Response {
        let mut body = answer;
        body["factor_id"] = json!(self.factor_id);
        self.send(
            s,
            "POST",
            &format!("/v1/challenges/{challenge}/device-response"),
            Some(body),
            None,
        )
        .await
    }
}

fn device_number(view: &Value) -> u8 {
    view["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["type"] == "device")
        .and_then(|m| m["number"].as_u64())
        .unwrap_or_else(|| panic!("device offered with a number: {view}")) as u8
}

async fn approve_with_the_right_number_or_deny(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let device = TestDevice::enrol(&s, "alice", 7).await;
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "withdrawal", "context": {"ip": "203.0.113.7", "user_agent": "Firefox on Linux"}}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let chl = r.body["id"].as_str().unwrap().to_owned();
    let number = device_number(&r.body);

    // The device sees the request, where it comes from, and three numbers.
    let pending = device.pending(&s).await;
    assert_eq!(pending.status, 200, "{}", pending.body);
    let request = &pending.body[0];
    assert_eq!(request["challenge_id"], chl);
    assert_eq!(request["purpose"], "withdrawal");
    assert_eq!(request["context"]["ip"], "203.0.113.7");
    assert_eq!(request["context"]["user_agent"], "Firefox on Linux");
    assert!(request["context"]["created_at"].is_string());
    let numbers: Vec<u8> = serde_json::from_value(request["numbers"].clone()).unwrap();
    assert_eq!(numbers.len(), 3);
    assert!(numbers.contains(&number));

    // The right number proves the device.
    let r = device
        .respond(&s, &chl, json!({"decision": "approve", "number": number}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["satisfied"], json!(["device"]));
    assert_eq!(
        r.body["status"], "pending",
        "a withdrawal also needs a code"
    );
    assert_eq!(device.pending(&s).await.body, json!([]));
    let sms = s.send(&chl, "sms").await;
    // Proven; held a day because the device was just added.
    assert_eq!(s.verify(&chl, "sms", &sms).await.body["status"], "held");

    // "It's not me": the challenge is denied for good.
    let chl = s.challenge("alice", "login").await;
    let r = device.respond(&s, &chl, json!({"decision": "deny"})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "denied");
    assert_eq!(
        s.get(&format!("/v1/challenges/{chl}")).await.body["status"],
        "denied"
    );
    device
        .respond(&s, &chl, json!({"decision": "approve", "number": 42}))
        .await
        .assert_problem(409, "challenge_closed");
    let events = s.event_types("alice").await;
    for kind in ["factor.activated", "challenge.denied"] {
        assert!(events.contains(&kind.to_owned()), "{kind} in {events:?}");
    }
}

/// Push bombing: cycling the three numbers must not approve. A wrong number
/// ends the request (and counts as a failure); the right one afterwards
/// approves nothing, and a new request is needed.
async fn a_wrong_number_ends_the_request(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let device = TestDevice::enrol(&s, "alice", 7).await;
    let chl = s.challenge("alice", "login").await;
    let pending = device.pending(&s).await;
    let numbers: Vec<u8> = serde_json::from_value(pending.body[0]["numbers"].clone()).unwrap();
    let number = device_number(&s.get(&format!("/v1/challenges/{chl}")).await.body);
    let wrong = numbers.iter().copied().find(|n| *n != number).unwrap();

    let r = device
        .respond(&s, &chl, json!({"decision": "approve", "number": wrong}))
        .await;
    r.assert_problem(422, "wrong_number");
    let view = s.get(&format!("/v1/challenges/{chl}")).await.body;
    assert_eq!(view["status"], "failed", "{view}");
    assert_eq!(device.pending(&s).await.body, json!([]), "no longer shown");
    device
        .respond(&s, &chl, json!({"decision": "approve", "number": number}))
        .await
        .assert_problem(409, "challenge_closed");
    assert_eq!(
        s.get(&format!("/v1/challenges/{chl}")).await.body["status"],
        "failed"
    );
    let events = s
        .get("/v1/users/alice/events?limit=50")
        .await
        .body
        .as_array()
        .unwrap()
        .clone();
    let failed = events
        .iter()
        .find(|e| e["type"] == "challenge.failed")
        .expect("a challenge.failed event");
    assert_eq!(failed["detail"]["reason"], "wrong_number", "{failed}");
    assert_eq!(failed["detail"]["factor_id"], device.factor_id.as_str());

    // A new request, with new numbers, can be approved.
    let again = s.challenge("alice", "login").await;
    let number = device_number(&s.get(&format!("/v1/challenges/{again}")).await.body);
    let r = device
        .respond(&s, &again, json!({"decision": "approve", "number": number}))
        .await;
    assert_eq!(r.body["status"], "approved", "{}", r.body);
}

/// Push bombing: prompts to a user's devices are capped per hour. Past the
/// cap a challenge goes on without the device (the user's other methods
/// still work) or, with nothing else to offer, is refused with 429
/// `too_many_prompts`; the next window frees it.
/// A server that allows `per_device` prompts to a device and `per_user` to
/// a user's devices an hour, with Dave, who has only a trusted device.
async fn with_prompt_caps(
    backend: Backend,
    per_device: u32,
    per_user: u32,
) -> (TestServer, TestDevice) {
    let hourly = |max| Cap {
        max,
        window_seconds: 3600,
    };
    let s = TestServer::start_with(backend, |c| {
        c.limits.prompts_per_device = hourly(per_device);
        c.limits.prompts_per_user = hourly(per_user);
    })
    .await;
    s.put("/v1/users/dave", json!({})).await;
    let device = TestDevice::enrol(&s, "dave", 5).await;
    (s, device)
}

async fn prompts_to_devices_are_capped_per_hour(backend: Backend) {
    let (s, device) = with_prompt_caps(backend, 10, 2).await;
    s.alice("alice").await;
    let alices = TestDevice::enrol(&s, "alice", 6).await;

    // Dave has only his device: two prompts, then refused.
    let open = || {
        s.post(
            "/v1/challenges",
            json!({"user_id": "dave", "purpose": "login"}),
        )
    };
    for _ in 0..2 {
        let r = open().await;
        assert_eq!(r.status, 201, "{}", r.body);
        device_number(&r.body);
    }
    let r = open().await;
    r.assert_problem(429, "too_many_prompts");
    assert_eq!(r.body["limit"], "user");
    let retry_after = r.body["retry_after"].as_u64().unwrap();
    assert!((1..=3600).contains(&retry_after), "{}", r.body);
    assert_eq!(device.pending(&s).await.body.as_array().unwrap().len(), 2);
    let events = s.event_types("dave").await;
    assert!(
        events.contains(&"device.prompt_refused".to_owned()),
        "{events:?}"
    );
    // Alice's prompts are counted apart; past her cap her challenge goes on
    // with her other methods, without prompting her device.
    for _ in 0..2 {
        s.challenge("alice", "login").await;
    }
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "login"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let methods: Vec<&str> = r.body["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["type"].as_str().unwrap())
        .collect();
    assert!(!methods.contains(&"device"), "{methods:?}");
    assert!(methods.contains(&"sms"), "{methods:?}");
    assert_eq!(alices.pending(&s).await.body.as_array().unwrap().len(), 2);

    // The next window frees it.
    s.advance(retry_after);
    let r = open().await;
    assert_eq!(r.status, 201, "{}", r.body);
    device_number(&r.body);
}

/// The cap per device holds too, whatever the user's cap.
async fn prompts_are_capped_per_device(backend: Backend) {
    let (s, _) = with_prompt_caps(backend, 1, 10).await;
    s.challenge("dave", "login").await;
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "dave", "purpose": "login"}),
        )
        .await;
    r.assert_problem(429, "too_many_prompts");
    assert_eq!(r.body["limit"], "device");
}

async fn device_requests_must_be_signed_right(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    s.put("/v1/users/bob", json!({"email": "bob@example.com"}))
        .await;
    let alice = TestDevice::enrol(&s, "alice", 7).await;
    let bob = TestDevice::enrol(&s, "bob", 9).await;
    let chl = s.challenge("alice", "login").await;
    let path = format!("/v1/devices/{}/pending", alice.factor_id);

    let unsigned = Response::read(
        s.http
            .get(format!("{}{path}", s.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    unsigned.assert_problem(401, "unauthorized");
    alice
        .send(&s, "GET", &path, None, Some("fac_1.2.3".into()))
        .await
        .assert_problem(401, "invalid_signature");
    // Signed by another key in Alice's device's name.
    let forged = TestDevice {
        key: bob.key.clone(),
        factor_id: alice.factor_id.clone(),
    };
    forged
        .pending(&s)
        .await
        .assert_problem(401, "invalid_signature");
    // Signed two minutes ago, or for another path.
    let stale = alice.header(&s, "GET", &path, b"", -120);
    alice
        .send(&s, "GET", &path, None, Some(stale))
        .await
        .assert_problem(401, "invalid_signature");
    let elsewhere = alice.header(&s, "GET", "/v1/devices/other/pending", b"", 0);
    alice
        .send(&s, "GET", &path, None, Some(elsewhere))
        .await
        .assert_problem(401, "invalid_signature");
    // Each signature is good once.
    let header = alice.header(&s, "GET", &path, b"", 0);
    assert_eq!(
        alice
            .send(&s, "GET", &path, None, Some(header.clone()))
            .await
            .status,
        200
    );
    alice
        .send(&s, "GET", &path, None, Some(header))
        .await
        .assert_problem(401, "signature_replayed");
    // A body changed after signing.
    let respond_path = format!("/v1/challenges/{chl}/device-response");
    let signed_for = json!({"factor_id": alice.factor_id, "decision": "deny"}).to_string();
    let header = alice.header(&s, "POST", &respond_path, signed_for.as_bytes(), 0);
    alice
        .send(
            &s,
            "POST",
            &respond_path,
            Some(json!({"factor_id": alice.factor_id, "decision": "approve", "number": 10})),
            Some(header),
        )
        .await
        .assert_problem(401, "invalid_signature");

    // Bob's device sees none of Alice's requests and cannot answer them.
    assert_eq!(bob.pending(&s).await.body, json!([]));
    bob.respond(&s, &chl, json!({"decision": "deny"}))
        .await
        .assert_problem(404, "not_found");
    bob.send(&s, "GET", &path, None, None)
        .await
        .assert_problem(404, "not_found");
    // Bad answers.
    alice
        .respond(&s, &chl, json!({"decision": "maybe"}))
        .await
        .assert_problem(400, "invalid_request");
    alice
        .respond(&s, &chl, json!({"decision": "approve"}))
        .await
        .assert_problem(400, "invalid_request");
    let mut body = json!({"decision": "deny", "factor_id": bob.factor_id});
    let header = alice.header(&s, "POST", &respond_path, body.to_string().as_bytes(), 0);
    alice
        .send(&s, "POST", &respond_path, Some(body.take()), Some(header))
        .await
        .assert_problem(400, "invalid_request");
    assert_eq!(
        s.get(&format!("/v1/challenges/{chl}")).await.body["status"],
        "pending"
    );
    // Enrolment input.
    for (body, field) in [
        (
            json!({"type": "device", "label": "x", "public_key": "AAAA"}),
            "public_key",
        ),
        (
            json!({"type": "device", "public_key": URL_SAFE_NO_PAD.encode([1u8; 32])}),
            "label",
        ),
        (
            json!({"type": "device", "label": "x", "public_key": URL_SAFE_NO_PAD.encode(alice.key.verifying_key().to_bytes()), "digits": 6}),
            "digits",
        ),
    ] {
        let r = s.post("/v1/users/alice/factors", body).await;
        r.assert_problem(400, "invalid_request");
        assert_eq!(r.body["field"], field, "{}", r.body);
    }
}

/// A device's 30 s long-poll on the server at `waiting` (another node, or
/// the same), started once that server holds the request open: its answer
/// and when it came.
async fn held_long_poll(
    s: &TestServer,
    device: &TestDevice,
    waiting: (&str, &countersign_app::App),
) -> tokio::task::JoinHandle<(Response, std::time::Instant)> {
    let (base, node) = waiting;
    let user_pk = s.get("/v1/users/alice").await.body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let target = format!("/v1/devices/{}/pending?wait=30", device.factor_id);
    let header = device.header(s, "GET", &target, b"", 0);
    let request = s
        .http
        .get(format!("{base}{target}"))
        .header("Countersign-Device", header)
        .send();
    let poll = tokio::spawn(async move {
        let r = Response::read(request.await.unwrap()).await;
        (r, std::time::Instant::now())
    });
    while node.device_waiters.waiting(&user_pk) == 0 {
        assert!(!poll.is_finished(), "the poll answered before any request");
        tokio::task::yield_now().await;
    }
    poll
}

async fn a_waiting_device_hears_of_a_new_request_at_once(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let device = TestDevice::enrol(&s, "alice", 7).await;
    let poll = held_long_poll(&s, &device, (&s.base, &s.state)).await;
    let chl = s.challenge("alice", "login").await;
    let (r, _) = poll.await.unwrap();
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body[0]["challenge_id"], chl);
}

/// Three `serve` processes on one PostgreSQL: a device long-polling on one
/// hears of a challenge opened on another through `LISTEN/NOTIFY`, at once
/// rather than when its 30 s wait runs out (no process polls for it).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_device_waiting_on_one_node_hears_of_a_challenge_opened_on_another() {
    let s = TestServer::start(Backend::Postgres).await;
    let _third = s.another_node().await;
    let waiting = s.another_node().await;
    s.alice("alice").await;
    let device = TestDevice::enrol(&s, "alice", 9).await;
    let poll = held_long_poll(&s, &device, (&waiting.base, &waiting.state)).await;
    let chl = s.challenge("alice", "login").await;
    let opened = std::time::Instant::now();
    let (r, answered) = poll.await.unwrap();
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body[0]["challenge_id"], chl);
    let latency = answered.saturating_duration_since(opened);
    println!("challenge opened on one node to the device's answer on another: {latency:?}");
    assert!(
        latency < std::time::Duration::from_secs(5),
        "the waiter heard only after {latency:?}: no signal reached it"
    );
}

on_both_backends!(
    approve_with_the_right_number_or_deny,
    a_wrong_number_ends_the_request,
    prompts_to_devices_are_capped_per_hour,
    prompts_are_capped_per_device,
    device_requests_must_be_signed_right,
    a_waiting_device_hears_of_a_new_request_at_once,
);

/// Dynamic linking: the device shows the payment and approves exactly it;
/// an approval naming other details is refused without costing an attempt.
async fn a_device_approves_the_payment_it_shows(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let device = TestDevice::enrol(&s, "alice", 9).await;
    let payment = json!({"amount": "950.00", "currency": "EUR", "payee": "Bob Durand", "destination": "FR7630006000011234567890189"});
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "withdrawal", "context": {"transaction": payment}}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let chl = r.body["id"].as_str().unwrap().to_owned();
    let digest = r.body["transaction"]["digest"].as_str().unwrap().to_owned();
    let number = device_number(&r.body);

    let pending = device.pending(&s).await;
    let shown = &pending.body[0]["transaction"];
    assert_eq!(shown["amount"], "950.00");
    assert_eq!(shown["payee"], "Bob Durand");
    assert!(
        shown.get("digest").is_none(),
        "the device computes it from what it shows"
    );
    let shown: countersign_core::transaction::Transaction =
        serde_json::from_value(shown.clone()).unwrap();
    assert_eq!(
        shown.digest(&chl),
        digest,
        "the same digest as the integrator's"
    );

    for other in [json!(null), json!("0".repeat(64))] {
        let r = device
            .respond(
                &s,
                &chl,
                json!({"decision": "approve", "number": number, "transaction_digest": other}),
            )
            .await;
        r.assert_problem(422, "transaction_mismatch");
    }
    let r = device
        .respond(
            &s,
            &chl,
            json!({"decision": "approve", "number": number, "transaction_digest": digest}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["satisfied"], json!(["device"]));
    assert_eq!(r.body["attempts_left"], 5, "a mismatch is not a guess");
}

on_both_backends!(a_device_approves_the_payment_it_shows);

/// On the hosted page the user sees the number to pick; the page's state
/// (which its script polls) moves once the device approves.
async fn the_hosted_page_shows_the_number_and_follows_the_device(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let device = TestDevice::enrol(&s, "alice", 11).await;
    let r = s
        .post(
            "/v1/challenges",
            json!({"user_id": "alice", "purpose": "login"}),
        )
        .await;
    let chl = r.body["id"].as_str().unwrap().to_owned();
    let number = device_number(&r.body);
    let token = r.body["hosted_url"]
        .as_str()
        .unwrap()
        .rsplit("?t=")
        .next()
        .unwrap()
        .to_owned();
    let cookie = format!("__Host-cs_verify_{chl}={token}");
    let html = s
        .http
        .get(format!("{}/verify/{chl}?lang=en", s.base))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(&format!("pick the number {number}.")),
        "the device is the first way for this user: {html}"
    );
    let state = |s: &TestServer| {
        let url = format!("{}/verify/{chl}/state?lang=en", s.base);
        let request = s.http.get(url).header("cookie", &cookie);
        async move { request.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let before = state(&s).await;
    assert_eq!(before["status"], "pending");
    assert_eq!(before["satisfied"], 0);
    let r = device
        .respond(&s, &chl, json!({"decision": "approve", "number": number}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let after = state(&s).await;
    assert_eq!(after["status"], "approved");
    assert_eq!(after["next"], format!("/verify/{chl}?lang=en"));
}

on_both_backends!(the_hosted_page_shows_the_number_and_follows_the_device);
