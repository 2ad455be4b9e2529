//! The `Countersign-Device` header of a trusted device's request, and the
//! signature check behind it (`App::authenticate_device` does these steps
//! around its store lookups). Input: the header value, a line break, the
//! request target, a line break, the body.
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use countersign_core::device::{signed_request, DeviceHeader, DeviceParams};
use countersign_core::Timestamp;
use ed25519_dalek::{Signer, SigningKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\n');
    let header = parts.next().unwrap_or_default();
    let target = parts.next().unwrap_or_default();
    let body = parts.next().unwrap_or_default().as_bytes();
    // A public key given at enrolment is outside input too.
    DeviceParams::enrol(target);
    let Some(parsed) = DeviceHeader::parse(header) else {
        return;
    };
    parsed.is_fresh(Timestamp(1_790_000_000_000));
    parsed.replay_key();

    let key = SigningKey::from_bytes(&[7; 32]);
    let device = DeviceParams {
        public_key: URL_SAFE_NO_PAD.encode(key.verifying_key().as_bytes()),
        activation_challenge: URL_SAFE_NO_PAD.encode([1; 32]),
    };
    let message = signed_request("POST", target, parsed.unix_seconds, body);
    device.verifies(&message, &parsed.signature);
    // What the device itself would send parses back to the same parts and
    // verifies.
    let signature = URL_SAFE_NO_PAD.encode(key.sign(&message).to_bytes());
    let header = format!("{}.{}.{signature}", parsed.factor_id, parsed.unix_seconds);
    let again = DeviceHeader::parse(&header).expect("a well-formed header parses");
    assert_eq!(again.factor_id, parsed.factor_id);
    assert_eq!(again.unix_seconds, parsed.unix_seconds);
    assert!(device.verifies(&message, &again.signature));
});
