//! The Standard Webhooks signature (standardwebhooks.com), on every webhook
//! Countersign sends (events to integrators, messages to the SMS/voice
//! gateway) and accepted on what the gateway sends back, so that both ends
//! verify with an off-the-shelf library instead of a format of our own:
//! `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature:
//! v1,<base64 of HMAC-SHA256 of "id.timestamp.body">`.
//!
//! A secret in the standard's form, `whsec_<base64>`, signs with the bytes
//! the base64 stands for; any other secret signs with its own bytes (its
//! standard form is then `whsec_` and the base64 of it), so secrets set
//! before this format keep working.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::phone::signature_header;

/// The standard's headers, lower case as HTTP/2 sends them.
pub const ID_HEADER: &str = "webhook-id";
pub const TIMESTAMP_HEADER: &str = "webhook-timestamp";
pub const SIGNATURE_HEADER: &str = "webhook-signature";

/// `request` with the headers of message `id` carrying `body`, sent at
/// `unix_seconds`: the standard's (signed when there is a `secret`), and,
/// deprecated for one release, `Countersign-Signature`.
pub(crate) fn sign(
    request: reqwest::RequestBuilder,
    id: &str,
    secret: Option<&str>,
    unix_seconds: u64,
    body: &str,
) -> reqwest::RequestBuilder {
    let request = request
        .header(ID_HEADER, id)
        .header(TIMESTAMP_HEADER, unix_seconds);
    let Some(secret) = secret else {
        return request;
    };
    request
        .header(
            SIGNATURE_HEADER,
            signature(&key(secret), id, unix_seconds, body.as_bytes()),
        )
        .header(
            "countersign-signature",
            signature_header(secret.as_bytes(), unix_seconds, body.as_bytes()),
        )
}

/// The HMAC key of a configured secret.
pub fn key(secret: &str) -> Vec<u8> {
    secret
        .strip_prefix("whsec_")
        .and_then(|b64| STANDARD.decode(b64).ok())
        .unwrap_or_else(|| secret.as_bytes().to_vec())
}

fn mac(key: &[u8], id: &str, timestamp: u64, body: &[u8]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key size");
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body);
    mac
}

/// The `webhook-signature` value for `body` sent as message `id` at
/// `timestamp`.
pub fn signature(key: &[u8], id: &str, timestamp: u64, body: &[u8]) -> String {
    format!(
        "v1,{}",
        STANDARD.encode(mac(key, id, timestamp, body).finalize().into_bytes())
    )
}

/// Checks a request's Standard Webhooks headers over `body`: one of the
/// space-separated `v1` signatures must match (compared in constant time)
/// and the timestamp be within `tolerance_seconds` of `now` (an old signed
/// body cannot be replayed later).
pub fn verify(
    key: &[u8],
    id: &str,
    timestamp: &str,
    signatures: &str,
    body: &[u8],
    now: u64,
    tolerance_seconds: u64,
) -> bool {
    let Ok(timestamp) = timestamp.trim().parse::<u64>() else {
        return false;
    };
    if now.abs_diff(timestamp) > tolerance_seconds {
        return false;
    }
    signatures
        .split(' ')
        .filter_map(|s| s.strip_prefix("v1,"))
        .filter_map(|b64| STANDARD.decode(b64).ok())
        .any(|given| mac(key, id, timestamp, body).verify_slice(&given).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the standard's reference libraries (their test
    /// suites sign this payload with this secret).
    #[test]
    fn the_reference_example_signs_the_same() {
        let key = key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        let body = br#"{"test": 2432232314}"#;
        assert_eq!(
            signature(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn a_signature_verifies_until_anything_changes() {
        let key = key("whsec_c2VjcmV0IGJ5dGVzIG9mIHRoZSBlbmRwb2ludA==");
        let sig = signature(&key, "evt_1", 1_700_000_000, b"{}");
        let ok = |id, ts, sigs: &str, body: &[u8], now| verify(&key, id, ts, sigs, body, now, 300);
        assert!(ok("evt_1", "1700000000", &sig, b"{}", 1_700_000_100));
        assert!(ok(
            "evt_1",
            "1700000000",
            &format!("v1,AAAA {sig}"),
            b"{}",
            1_700_000_000
        ));
        assert!(!ok("evt_2", "1700000000", &sig, b"{}", 1_700_000_000));
        assert!(!ok("evt_1", "1700000001", &sig, b"{}", 1_700_000_000));
        assert!(!ok("evt_1", "1700000000", &sig, b"{ }", 1_700_000_000));
        assert!(
            !ok("evt_1", "1700000000", &sig, b"{}", 1_700_000_301),
            "too old"
        );
        assert!(!ok("evt_1", "1700000000", "v1,", b"{}", 1_700_000_000));
        assert!(!ok("evt_1", "soon", &sig, b"{}", 1_700_000_000));
    }

    /// A secret set before this format signs with its own bytes.
    #[test]
    fn a_plain_secret_is_its_own_key() {
        assert_eq!(key("s3cret"), b"s3cret");
        assert_eq!(key("whsec_not base64!"), b"whsec_not base64!");
    }
}
