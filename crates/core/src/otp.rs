//! OATH one-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238), the codes of
//! authenticator apps and hardware tokens, and the `otpauth://` URI those apps
//! scan. Pure maths: the caller stores the moving factor (the last TOTP step
//! accepted, the next HOTP counter) and moves it forward atomically.

use hmac::{Hmac, Mac};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use utoipa::ToSchema;

use crate::Timestamp;

/// The HMAC hash of an OATH token. Authenticator apps default to SHA1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
pub enum OtpAlgorithm {
    #[default]
    #[serde(rename = "SHA1")]
    Sha1,
    #[serde(rename = "SHA256")]
    Sha256,
    #[serde(rename = "SHA512")]
    Sha512,
}

impl OtpAlgorithm {
    pub fn as_str(self) -> &'static str {
        match self {
            OtpAlgorithm::Sha1 => "SHA1",
            OtpAlgorithm::Sha256 => "SHA256",
            OtpAlgorithm::Sha512 => "SHA512",
        }
    }

    /// The seed length RFC 4226/6238 recommend: the hash's output size.
    pub fn seed_len(self) -> usize {
        match self {
            OtpAlgorithm::Sha1 => 20,
            OtpAlgorithm::Sha256 => 32,
            OtpAlgorithm::Sha512 => 64,
        }
    }

    pub fn parse(name: &str) -> Option<OtpAlgorithm> {
        match name.to_ascii_uppercase().replace('-', "").as_str() {
            "SHA1" => Some(OtpAlgorithm::Sha1),
            "SHA256" => Some(OtpAlgorithm::Sha256),
            "SHA512" => Some(OtpAlgorithm::Sha512),
            _ => None,
        }
    }
}

/// How a token makes its codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpParams {
    pub algorithm: OtpAlgorithm,
    pub digits: u32,
    /// TOTP step in seconds (unused by HOTP).
    pub period: u32,
}

/// A token setting that authenticator apps and tokens do not support.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OtpSettingError {
    #[error("expected 6 or 8")]
    Digits,
    #[error("expected 30 or 60")]
    Period,
    #[error("expected base32 (RFC 4648)")]
    NotBase32,
    #[error("expected 16 to 128 bytes (at least 128 bits, as RFC 4226 requires)")]
    SeedLength,
}

impl OtpSettingError {
    /// The request field the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            OtpSettingError::Digits => "digits",
            OtpSettingError::Period => "period",
            OtpSettingError::NotBase32 | OtpSettingError::SeedLength => "secret",
        }
    }
}

impl OtpParams {
    /// Parameters as given at enrolment or import, defaults filled in: SHA1,
    /// 6 digits, 30 s.
    pub fn new(
        algorithm: Option<OtpAlgorithm>,
        digits: Option<u32>,
        period: Option<u32>,
    ) -> Result<OtpParams, OtpSettingError> {
        let digits = digits.unwrap_or(6);
        if !matches!(digits, 6 | 8) {
            return Err(OtpSettingError::Digits);
        }
        let period = period.unwrap_or(30);
        if !matches!(period, 30 | 60) {
            return Err(OtpSettingError::Period);
        }
        Ok(OtpParams {
            algorithm: algorithm.unwrap_or_default(),
            digits,
            period,
        })
    }
}

/// A seed given for import: base32 of at least 128 bits.
pub fn parse_seed(text: &str) -> Result<Vec<u8>, OtpSettingError> {
    let seed = base32_decode(text).ok_or(OtpSettingError::NotBase32)?;
    if (16..=128).contains(&seed.len()) {
        Ok(seed)
    } else {
        Err(OtpSettingError::SeedLength)
    }
}

impl Default for OtpParams {
    fn default() -> Self {
        OtpParams {
            algorithm: OtpAlgorithm::Sha1,
            digits: 6,
            period: 30,
        }
    }
}

/// TOTP steps accepted on either side of the current one (clock drift).
pub const TOTP_DRIFT_STEPS: u64 = 1;
/// HOTP codes accepted ahead of the stored counter (button presses that
/// never reached us).
pub const HOTP_LOOK_AHEAD: u64 = 10;
/// How far ahead `resync` searches for two consecutive codes.
pub const HOTP_RESYNC_WINDOW: u64 = 100;

/// A keyed HMAC, ready to be cloned for each counter so the key schedule is
/// computed once per verification.
#[derive(Clone)]
enum KeyedMac {
    Sha1(Hmac<sha1::Sha1>),
    Sha256(Hmac<sha2::Sha256>),
    Sha512(Hmac<sha2::Sha512>),
}

impl KeyedMac {
    fn new(algorithm: OtpAlgorithm, secret: &[u8]) -> KeyedMac {
        const ANY_SIZE: &str = "HMAC takes any key size";
        match algorithm {
            OtpAlgorithm::Sha1 => KeyedMac::Sha1(Hmac::new_from_slice(secret).expect(ANY_SIZE)),
            OtpAlgorithm::Sha256 => KeyedMac::Sha256(Hmac::new_from_slice(secret).expect(ANY_SIZE)),
            OtpAlgorithm::Sha512 => KeyedMac::Sha512(Hmac::new_from_slice(secret).expect(ANY_SIZE)),
        }
    }

    /// The RFC 4226 value for `counter`: dynamic truncation, modulo 10^digits.
    fn code(&self, counter: u64, digits: u32) -> u32 {
        let message = counter.to_be_bytes();
        let truncate = |h: &[u8]| {
            let offset = usize::from(h[h.len() - 1] & 0x0f);
            u32::from_be_bytes([h[offset], h[offset + 1], h[offset + 2], h[offset + 3]])
                & 0x7fff_ffff
        };
        let binary = match self {
            KeyedMac::Sha1(m) => truncate(&m.clone().chain_update(message).finalize().into_bytes()),
            KeyedMac::Sha256(m) => {
                truncate(&m.clone().chain_update(message).finalize().into_bytes())
            }
            KeyedMac::Sha512(m) => {
                truncate(&m.clone().chain_update(message).finalize().into_bytes())
            }
        };
        binary % 10u32.pow(digits)
    }
}

/// The code for `counter`, zero-padded to `digits`.
pub fn hotp(secret: &[u8], counter: u64, params: &OtpParams) -> String {
    let value = KeyedMac::new(params.algorithm, secret).code(counter, params.digits);
    format!("{value:0width$}", width = params.digits as usize)
}

/// The TOTP time step that contains `now`.
pub fn totp_step(now: Timestamp, period: u32) -> u64 {
    u64::try_from(now.millis()).unwrap_or(0) / 1000 / u64::from(period.max(1))
}

/// The TOTP code at `now`.
pub fn totp(secret: &[u8], now: Timestamp, params: &OtpParams) -> String {
    hotp(secret, totp_step(now, params.period), params)
}

/// What the user typed as a number, when it has the token's length (spaces
/// and dashes allowed, as people copy codes).
fn typed_value(typed: &str, digits: u32) -> Option<u32> {
    crate::secret::normalize_typed_code(typed, digits).and_then(|c| c.parse().ok())
}

/// Finds the first counter in `range` whose code is `value`, comparing in
/// constant time.
fn find_counter(
    mac: &KeyedMac,
    value: u32,
    digits: u32,
    range: impl Iterator<Item = u64>,
) -> Option<u64> {
    range
        .into_iter()
        .find(|c| bool::from(mac.code(*c, digits).ct_eq(&value)))
}

/// The TOTP step a typed code belongs to, within ±[`TOTP_DRIFT_STEPS`] of
/// `now` and strictly after `last_step` (a code is good once).
pub fn match_totp(
    secret: &[u8],
    params: &OtpParams,
    typed: &str,
    now: Timestamp,
    last_step: u64,
) -> Option<u64> {
    let value = typed_value(typed, params.digits)?;
    let current = totp_step(now, params.period);
    let first = current.saturating_sub(TOTP_DRIFT_STEPS).max(last_step + 1);
    let mac = KeyedMac::new(params.algorithm, secret);
    find_counter(
        &mac,
        value,
        params.digits,
        first..=current + TOTP_DRIFT_STEPS,
    )
}

/// Whether a typed code is a replay: right for a TOTP step within
/// ±[`TOTP_DRIFT_STEPS`] of `now` that was already used (at or before
/// `last_step`). Nobody types an old code twice in normal use; someone who
/// saw or phished it might.
pub fn replays_totp(
    secret: &[u8],
    params: &OtpParams,
    typed: &str,
    now: Timestamp,
    last_step: u64,
) -> bool {
    let Some(value) = typed_value(typed, params.digits) else {
        return false;
    };
    let current = totp_step(now, params.period);
    let last = last_step.min(current + TOTP_DRIFT_STEPS);
    let mac = KeyedMac::new(params.algorithm, secret);
    find_counter(
        &mac,
        value,
        params.digits,
        current.saturating_sub(TOTP_DRIFT_STEPS)..=last,
    )
    .is_some()
}

/// The HOTP counter a typed code belongs to, from `counter` (the next
/// expected) up to [`HOTP_LOOK_AHEAD`] beyond it.
pub fn match_hotp(secret: &[u8], params: &OtpParams, typed: &str, counter: u64) -> Option<u64> {
    let value = typed_value(typed, params.digits)?;
    let mac = KeyedMac::new(params.algorithm, secret);
    find_counter(
        &mac,
        value,
        params.digits,
        counter..=counter + HOTP_LOOK_AHEAD,
    )
}

/// For a token that drifted far: the counter of `second` when `first` and
/// `second` are consecutive codes within [`HOTP_RESYNC_WINDOW`] of `counter`.
pub fn match_hotp_pair(
    secret: &[u8],
    params: &OtpParams,
    first: &str,
    second: &str,
    counter: u64,
) -> Option<u64> {
    let a = typed_value(first, params.digits)?;
    let b = typed_value(second, params.digits)?;
    let mac = KeyedMac::new(params.algorithm, secret);
    let mut from = counter;
    let end = counter + HOTP_RESYNC_WINDOW;
    while let Some(c) = find_counter(&mac, a, params.digits, from..=end) {
        if bool::from(mac.code(c + 1, params.digits).ct_eq(&b)) {
            return Some(c + 1);
        }
        from = c + 1;
    }
    None
}

/// A fresh random seed of the length the algorithm calls for.
pub fn new_seed(algorithm: OtpAlgorithm) -> Vec<u8> {
    let mut seed = vec![0u8; algorithm.seed_len()];
    rand::rngs::OsRng.fill_bytes(&mut seed);
    seed
}

/// Base32 (RFC 4648, no padding), the form authenticator apps show and take.
pub fn base32_encode(bytes: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(bytes)
}

/// Reads a base32 seed as people and token vendors write it: any case, with
/// spaces or dashes, padded or not.
pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '=')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    data_encoding::BASE32_NOPAD.decode(cleaned.as_bytes()).ok()
}

/// Which kind of token an `otpauth://` URI describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtpKind {
    Totp,
    Hotp { counter: u64 },
}

/// The Key URI that authenticator apps scan:
/// `otpauth://totp/Issuer:account?secret=…&issuer=Issuer&algorithm=…&digits=…&period=…`.
pub fn otpauth_uri(
    kind: OtpKind,
    secret: &[u8],
    issuer: &str,
    account: &str,
    params: &OtpParams,
) -> String {
    use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
    let enc = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
    let (kind_name, moving) = match kind {
        OtpKind::Totp => ("totp", format!("period={}", params.period)),
        OtpKind::Hotp { counter } => ("hotp", format!("counter={counter}")),
    };
    format!(
        "otpauth://{kind_name}/{}:{}?secret={}&issuer={}&algorithm={}&digits={}&{moving}",
        enc(issuer),
        enc(account),
        base32_encode(secret),
        enc(issuer),
        params.algorithm.as_str(),
        params.digits,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC_SEED_SHA1: &[u8] = b"12345678901234567890";
    const RFC_SEED_SHA256: &[u8] = b"12345678901234567890123456789012";
    const RFC_SEED_SHA512: &[u8] =
        b"1234567890123456789012345678901234567890123456789012345678901234";

    fn params(algorithm: OtpAlgorithm, digits: u32) -> OtpParams {
        OtpParams {
            algorithm,
            digits,
            period: 30,
        }
    }

    #[test]
    fn rfc4226_appendix_d_vectors() {
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489",
        ];
        for (counter, code) in expected.iter().enumerate() {
            assert_eq!(
                hotp(
                    RFC_SEED_SHA1,
                    counter as u64,
                    &params(OtpAlgorithm::Sha1, 6)
                ),
                *code
            );
        }
    }

    #[test]
    fn rfc6238_appendix_b_vectors_for_all_three_hashes() {
        // (unix time, SHA1, SHA256, SHA512), 8 digits, 30 s steps.
        let table = [
            (59u64, "94287082", "46119246", "90693936"),
            (1111111109, "07081804", "68084774", "25091201"),
            (1111111111, "14050471", "67062674", "99943326"),
            (1234567890, "89005924", "91819424", "93441116"),
            (2000000000, "69279037", "90698825", "38618901"),
            (20000000000, "65353130", "77737706", "47863826"),
        ];
        for (t, sha1, sha256, sha512) in table {
            let now = Timestamp(t as i64 * 1000);
            let cases = [
                (RFC_SEED_SHA1, OtpAlgorithm::Sha1, sha1),
                (RFC_SEED_SHA256, OtpAlgorithm::Sha256, sha256),
                (RFC_SEED_SHA512, OtpAlgorithm::Sha512, sha512),
            ];
            for (seed, algorithm, code) in cases {
                assert_eq!(
                    totp(seed, now, &params(algorithm, 8)),
                    code,
                    "{algorithm:?} at {t}"
                );
            }
        }
    }

    #[test]
    fn totp_accepts_one_step_of_drift_each_way_and_no_more() {
        let p = params(OtpAlgorithm::Sha1, 6);
        let now = Timestamp(1_900_000_000_000);
        let step = totp_step(now, 30);
        for (offset, accepted) in [(-2i64, false), (-1, true), (0, true), (1, true), (2, false)] {
            let s = (step as i64 + offset) as u64;
            let code = hotp(RFC_SEED_SHA1, s, &p);
            let found = match_totp(RFC_SEED_SHA1, &p, &code, now, 0);
            assert_eq!(found.is_some(), accepted, "offset {offset}");
            if accepted {
                assert_eq!(found, Some(s));
            }
        }
    }

    #[test]
    fn totp_refuses_a_step_at_or_before_the_last_accepted() {
        let p = params(OtpAlgorithm::Sha1, 6);
        let now = Timestamp(1_900_000_000_000);
        let step = totp_step(now, 30);
        let code = totp(RFC_SEED_SHA1, now, &p);
        assert_eq!(
            match_totp(RFC_SEED_SHA1, &p, &code, now, step - 1),
            Some(step)
        );
        assert_eq!(match_totp(RFC_SEED_SHA1, &p, &code, now, step), None);
        let previous = hotp(RFC_SEED_SHA1, step - 1, &p);
        assert_eq!(
            match_totp(RFC_SEED_SHA1, &p, &previous, now, step - 1),
            None
        );
    }

    #[test]
    fn totp_takes_codes_as_people_type_them() {
        let p = params(OtpAlgorithm::Sha1, 6);
        let now = Timestamp(1_900_000_000_000);
        let code = totp(RFC_SEED_SHA1, now, &p);
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(match_totp(RFC_SEED_SHA1, &p, &spaced, now, 0).is_some());
        assert!(match_totp(RFC_SEED_SHA1, &p, &code[..5], now, 0).is_none());
        assert!(match_totp(RFC_SEED_SHA1, &p, "abcdef", now, 0).is_none());
    }

    #[test]
    fn hotp_looks_ahead_ten_and_no_further() {
        let p = params(OtpAlgorithm::Sha1, 6);
        let code_at = |c| hotp(RFC_SEED_SHA1, c, &p);
        assert_eq!(match_hotp(RFC_SEED_SHA1, &p, &code_at(5), 5), Some(5));
        assert_eq!(match_hotp(RFC_SEED_SHA1, &p, &code_at(15), 5), Some(15));
        assert_eq!(match_hotp(RFC_SEED_SHA1, &p, &code_at(16), 5), None);
        assert_eq!(match_hotp(RFC_SEED_SHA1, &p, &code_at(4), 5), None);
    }

    #[test]
    fn hotp_resync_needs_two_consecutive_codes_in_the_window() {
        let p = params(OtpAlgorithm::Sha256, 8);
        let seed = RFC_SEED_SHA256;
        let code_at = |c| hotp(seed, c, &p);
        assert_eq!(
            match_hotp_pair(seed, &p, &code_at(80), &code_at(81), 0),
            Some(81)
        );
        assert_eq!(
            match_hotp_pair(seed, &p, &code_at(80), &code_at(82), 0),
            None
        );
        assert_eq!(
            match_hotp_pair(seed, &p, &code_at(150), &code_at(151), 0),
            None
        );
    }

    #[test]
    fn base32_round_trips_and_reads_human_forms() {
        let seed = new_seed(OtpAlgorithm::Sha1);
        assert_eq!(seed.len(), 20);
        let text = base32_encode(&seed);
        assert_eq!(base32_decode(&text).unwrap(), seed);
        assert_eq!(
            base32_decode("gezd gnbv-gy3t qojq").unwrap(),
            b"1234567890".to_vec()
        );
        assert_eq!(
            base32_decode("GEZDGNBVGY3TQOJQ======").unwrap(),
            b"1234567890".to_vec()
        );
        assert!(base32_decode("not base32!").is_none());
    }

    #[test]
    fn settings_are_checked() {
        assert_eq!(
            OtpParams::new(None, None, None).unwrap(),
            OtpParams::default()
        );
        assert_eq!(
            OtpParams::new(None, Some(7), None),
            Err(OtpSettingError::Digits)
        );
        assert_eq!(
            OtpParams::new(None, None, Some(45)),
            Err(OtpSettingError::Period)
        );
        assert_eq!(parse_seed("GEZDGNBV"), Err(OtpSettingError::SeedLength));
        assert_eq!(parse_seed("0189"), Err(OtpSettingError::NotBase32));
        assert_eq!(
            parse_seed("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").unwrap(),
            b"12345678901234567890".to_vec()
        );
    }

    #[test]
    fn otpauth_uri_follows_the_key_uri_format() {
        let uri = otpauth_uri(
            OtpKind::Totp,
            b"12345678901234567890",
            "Acme Bank",
            "alice@example.com",
            &params(OtpAlgorithm::Sha1, 6),
        );
        assert_eq!(
            uri,
            "otpauth://totp/Acme%20Bank:alice%40example%2Ecom?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme%20Bank&algorithm=SHA1&digits=6&period=30"
        );
        let hotp_uri = otpauth_uri(
            OtpKind::Hotp { counter: 7 },
            b"12345678901234567890",
            "Acme",
            "bob",
            &params(OtpAlgorithm::Sha1, 8),
        );
        assert!(hotp_uri.starts_with("otpauth://hotp/Acme:bob?"));
        assert!(hotp_uri.ends_with("&digits=8&counter=7"));
    }
}
