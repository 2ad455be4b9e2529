//! Trusted devices: approving a request on a device where the user is
//! already signed in. The device holds an Ed25519 key; Countersign keeps the
//! public half and checks a signature on every request the device makes.
//!
//! A signed request is `Countersign-Device: <factor_id>.<unix_seconds>.<sig>`
//! where `sig` is the base64url Ed25519 signature of
//! `METHOD \n PATH \n unix_seconds \n hex(SHA-256(body))`, PATH being the
//! request target as sent (path and query). The time must be within
//! [`DEVICE_CLOCK_SKEW_SECONDS`] of the server's, and each signature is
//! accepted once: Ed25519 signatures are deterministic, so a device that
//! repeats a request within a second adds a `nonce` query parameter.
//!
//! Number matching stops "approve fatigue": the page shows a two-digit
//! number, and the device must pick it among three.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, VerifyingKey};
use rand::seq::SliceRandom;
use rand::Rng;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Timestamp;

/// How far a device's clock may be from the server's.
pub const DEVICE_CLOCK_SKEW_SECONDS: i64 = 60;

/// The name of the header a device signs its requests with.
pub const DEVICE_HEADER: &str = "Countersign-Device";

/// What a device factor stores: its public key, and until activation the
/// random challenge it must sign to prove it holds the private key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceParams {
    /// Base64url of the 32-byte Ed25519 public key.
    pub public_key: String,
    /// Base64url of 32 random bytes.
    pub activation_challenge: String,
}

impl DeviceParams {
    /// Checks a public key given at enrolment and makes the activation
    /// challenge. `None` when the key is not a valid Ed25519 point.
    pub fn enrol(public_key: &str) -> Option<DeviceParams> {
        parse_public_key(public_key)?;
        let mut challenge = [0u8; 32];
        rand::rngs::OsRng.fill(&mut challenge);
        Some(DeviceParams {
            public_key: public_key.to_owned(),
            activation_challenge: URL_SAFE_NO_PAD.encode(challenge),
        })
    }

    /// Whether `signature` (base64url) signs the activation challenge's bytes.
    pub fn activation_signed(&self, signature: &str) -> bool {
        let Ok(challenge) = URL_SAFE_NO_PAD.decode(&self.activation_challenge) else {
            return false;
        };
        self.verifies(&challenge, signature)
    }

    /// Whether `signature` (base64url) is this device's over `message`.
    pub fn verifies(&self, message: &[u8], signature: &str) -> bool {
        let (Some(key), Some(signature)) = (
            parse_public_key(&self.public_key),
            decode_signature(signature),
        ) else {
            return false;
        };
        key.verify_strict(message, &signature).is_ok()
    }
}

fn parse_public_key(encoded: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = URL_SAFE_NO_PAD.decode(encoded).ok()?.try_into().ok()?;
    let key = VerifyingKey::from_bytes(&bytes).ok()?;
    // A weak (small-order) key would accept forged signatures.
    (!key.is_weak()).then_some(key)
}

fn decode_signature(encoded: &str) -> Option<Signature> {
    let bytes: [u8; 64] = URL_SAFE_NO_PAD.decode(encoded).ok()?.try_into().ok()?;
    Some(Signature::from_bytes(&bytes))
}

/// The bytes a device signs for one request.
pub fn signed_request(method: &str, path: &str, unix_seconds: i64, body: &[u8]) -> Vec<u8> {
    format!(
        "{}\n{path}\n{unix_seconds}\n{}",
        method.to_ascii_uppercase(),
        crate::to_hex(Sha256::digest(body))
    )
    .into_bytes()
}

/// A parsed `Countersign-Device` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceHeader {
    pub factor_id: String,
    pub unix_seconds: i64,
    pub signature: String,
}

impl DeviceHeader {
    pub fn parse(value: &str) -> Option<DeviceHeader> {
        let mut parts = value.trim().splitn(3, '.');
        let factor_id = parts.next()?.to_owned();
        let unix_seconds = parts.next()?.parse().ok()?;
        let signature = parts.next()?.to_owned();
        crate::ids::is_id_of("fac", &factor_id).then_some(DeviceHeader {
            factor_id,
            unix_seconds,
            signature,
        })
    }

    /// Whether the signing time is close enough to `now`.
    pub fn is_fresh(&self, now: Timestamp) -> bool {
        (now.millis() / 1000)
            .checked_sub(self.unix_seconds)
            .is_some_and(|d| d.unsigned_abs() <= DEVICE_CLOCK_SKEW_SECONDS as u64)
    }

    /// The key under which this signature is remembered as used.
    pub fn replay_key(&self) -> String {
        crate::to_hex(Sha256::digest(self.signature.as_bytes()))
    }
}

/// The number the user sees on the page, hidden among two others for the
/// device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberMatch {
    /// Shown on the page (and in `methods` to the integrator).
    pub number: u8,
    /// Shown on the device, in random order; one of them is `number`.
    pub choices: [u8; 3],
}

impl NumberMatch {
    pub fn new() -> NumberMatch {
        let mut rng = rand::rngs::OsRng;
        let mut all: Vec<u8> = (10..=99).collect();
        all.shuffle(&mut rng);
        let mut choices = [all[0], all[1], all[2]];
        let number = choices[0];
        choices.shuffle(&mut rng);
        NumberMatch { number, choices }
    }
}

impl Default for NumberMatch {
    fn default() -> Self {
        NumberMatch::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::{Signer, SigningKey};

    fn device() -> (SigningKey, DeviceParams) {
        let key = SigningKey::from_bytes(&[9u8; 32]);
        let public = URL_SAFE_NO_PAD.encode(key.verifying_key().to_bytes());
        (key, DeviceParams::enrol(&public).unwrap())
    }

    fn sign(key: &SigningKey, message: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(key.sign(message).to_bytes())
    }

    #[test]
    fn activation_needs_the_private_key() {
        let (key, params) = device();
        let challenge = URL_SAFE_NO_PAD
            .decode(&params.activation_challenge)
            .unwrap();
        assert_eq!(challenge.len(), 32);
        assert!(params.activation_signed(&sign(&key, &challenge)));
        let other = SigningKey::from_bytes(&[8u8; 32]);
        assert!(!params.activation_signed(&sign(&other, &challenge)));
        assert!(!params.activation_signed(&sign(&key, b"something else")));
        assert!(!params.activation_signed("not base64!"));
    }

    #[test]
    fn bad_public_keys_are_refused() {
        assert!(DeviceParams::enrol("AAAA").is_none());
        assert!(DeviceParams::enrol(&URL_SAFE_NO_PAD.encode([0u8; 32])).is_none());
        assert!(DeviceParams::enrol("%%%").is_none());
    }

    #[test]
    fn a_request_signature_covers_method_path_time_and_body() {
        let (key, params) = device();
        let signed = signed_request("post", "/v1/challenges/chl_1/device-response", 100, b"{}");
        assert_eq!(
            String::from_utf8(signed.clone()).unwrap(),
            "POST\n/v1/challenges/chl_1/device-response\n100\n44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
        let signature = sign(&key, &signed);
        assert!(params.verifies(&signed, &signature));
        for other in [
            signed_request("GET", "/v1/challenges/chl_1/device-response", 100, b"{}"),
            signed_request("POST", "/v1/challenges/chl_2/device-response", 100, b"{}"),
            signed_request("POST", "/v1/challenges/chl_1/device-response", 101, b"{}"),
            signed_request("POST", "/v1/challenges/chl_1/device-response", 100, b"{ }"),
        ] {
            assert!(!params.verifies(&other, &signature));
        }
    }

    #[test]
    fn headers_parse_and_age() {
        let h =
            DeviceHeader::parse("fac_0123456789abcdef0123456789abcdef.1900000000.c2ln").unwrap();
        assert_eq!(h.unix_seconds, 1_900_000_000);
        assert!(h.is_fresh(Timestamp(1_900_000_060_000)));
        assert!(!h.is_fresh(Timestamp(1_900_000_061_000)));
        assert!(!h.is_fresh(Timestamp(1_899_999_939_000)));
        let extreme =
            DeviceHeader::parse("fac_0123456789abcdef0123456789abcdef.-9223372036854775808.c2ln")
                .unwrap();
        assert!(
            !extreme.is_fresh(Timestamp(1_900_000_000_000)),
            "no overflow"
        );
        assert!(DeviceHeader::parse("usr_1.1.c2ln").is_none());
        assert!(DeviceHeader::parse("fac_0123456789abcdef0123456789abcdef.x.c2ln").is_none());
    }

    #[test]
    fn number_matching_hides_the_number_among_three_distinct() {
        for _ in 0..200 {
            let m = NumberMatch::new();
            assert!(m.choices.contains(&m.number));
            assert!((10..=99).contains(&m.number));
            assert!(
                m.choices[0] != m.choices[1]
                    && m.choices[1] != m.choices[2]
                    && m.choices[0] != m.choices[2]
            );
        }
    }
}
