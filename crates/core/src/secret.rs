//! Secrets: one-time codes, API keys and how they are kept (hashed, compared
//! in constant time). Every random byte comes from the operating system's CSPRNG.

use base64::Engine;
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

/// Prefix of every service API key, so that secret scanners can spot a leaked key.
pub const API_KEY_PREFIX: &str = "cs_live_";

/// A new API key: the prefix and 256 random bits, base64url.
pub fn new_api_key() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill(&mut bytes);
    format!(
        "{API_KEY_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// The part of an API key shown in lists: the prefix and 6 of its 43
/// random characters (36 of 256 bits), enough to tell keys apart and
/// nothing that helps to guess one.
pub fn api_key_prefix(key: &str) -> String {
    key.chars().take(API_KEY_PREFIX.len() + 6).collect()
}

/// A bearer token for a browser: 256 random bits, base64url. Stored only
/// as [`token_hash`].
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A webhook signing secret in the Standard Webhooks form: `whsec_` and
/// the base64 of 256 random bits.
pub fn new_webhook_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill(&mut bytes);
    format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// Hex SHA-256 of a token: enough for 256 random bits.
pub fn token_hash(token: &str) -> String {
    use sha2::Digest;
    crate::to_hex(sha2::Sha256::digest(token.as_bytes()))
}

/// How an API key is stored and looked up. A plain SHA-256 is enough: the key
/// has 256 bits of entropy, so there is nothing to brute-force.
pub fn api_key_hash(key: &str) -> String {
    crate::to_hex(Sha256::digest(key.as_bytes()))
}

/// A one-time code of `digits` decimal digits, uniformly distributed.
pub fn new_numeric_code(digits: u32) -> String {
    let mut rng = rand::rngs::OsRng;
    (0..digits)
        .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
        .collect()
}

/// Crockford's base32 alphabet: no I, L, O or U to misread.
const GROUPED_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// A random code of `len` characters (5 bits each) from Crockford's base32,
/// in groups of four for reading aloud: `7kq2-9xmd-4tpr`.
pub fn new_grouped_code(len: usize) -> String {
    let mut rng = rand::rngs::OsRng;
    let chars: Vec<char> = (0..len)
        .map(|_| char::from(GROUPED_ALPHABET[rng.gen_range(0..32)]))
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A grouped code as typed, in canonical form: any case, spaces and dashes
/// dropped, the letters people confuse with digits read as digits. `None`
/// unless it has `len` characters of the alphabet.
pub fn normalize_grouped_code(typed: &str, len: usize) -> Option<String> {
    let canonical: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_lowercase() {
            'o' => '0',
            'i' | 'l' => '1',
            other => other,
        })
        .collect();
    (canonical.len() == len && canonical.bytes().all(|b| GROUPED_ALPHABET.contains(&b)))
        .then_some(canonical)
}

/// What a user typed, cleaned of the spaces and dashes people add when they
/// copy a code ("123 456", "123-456"). `None` when it cannot be a code.
pub fn normalize_typed_code(input: &str, digits: u32) -> Option<String> {
    let cleaned: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    (cleaned.len() == digits as usize && cleaned.bytes().all(|b| b.is_ascii_digit()))
        .then_some(cleaned)
}

/// Equality that takes the same time wherever the inputs differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

/// HMAC-SHA256(master, label): one independent 256-bit key per purpose.
pub fn derive_key(master: &[u8], label: &[u8]) -> [u8; 32] {
    let mut mac = HmacSha256::new_from_slice(master).expect("HMAC takes any key size");
    mac.update(label);
    mac.finalize().into_bytes().into()
}

/// HMAC-SHA256 as lowercase hex: the signature format of outgoing webhooks.
pub fn hmac_sha256_hex(key: &[u8], message: &[u8]) -> String {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes any key size");
    mac.update(message);
    crate::to_hex(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_the_requested_length_and_only_digits() {
        for digits in [6, 8] {
            let c = new_numeric_code(digits);
            assert_eq!(c.len(), digits as usize);
            assert!(c.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn codes_cover_every_digit_in_every_position() {
        // 2000 codes: the chance that a fair generator misses a digit in one
        // of six positions is below 1e-80.
        let mut seen = [[false; 10]; 6];
        for _ in 0..2000 {
            for (i, b) in new_numeric_code(6).bytes().enumerate() {
                seen[i][(b - b'0') as usize] = true;
            }
        }
        assert!(seen.iter().all(|pos| pos.iter().all(|d| *d)));
    }

    #[test]
    fn typed_codes_are_cleaned_of_spaces_and_dashes() {
        assert_eq!(
            normalize_typed_code(" 123 456 ", 6).as_deref(),
            Some("123456")
        );
        assert_eq!(
            normalize_typed_code("123-456", 6).as_deref(),
            Some("123456")
        );
        assert_eq!(normalize_typed_code("12345", 6), None);
        assert_eq!(normalize_typed_code("12345a", 6), None);
        assert_eq!(normalize_typed_code("１２３４５６", 6), None);
    }

    #[test]
    fn api_keys_are_long_prefixed_and_hash_stably() {
        let k = new_api_key();
        assert!(k.starts_with(API_KEY_PREFIX));
        assert_eq!(k.len(), API_KEY_PREFIX.len() + 43);
        assert_eq!(api_key_hash(&k), api_key_hash(&k));
        assert_ne!(api_key_hash(&k), api_key_hash(&new_api_key()));
        assert_eq!(api_key_prefix(&k).len(), API_KEY_PREFIX.len() + 6);
        assert!(k.starts_with(&api_key_prefix(&k)));
    }

    #[test]
    fn hmac_matches_rfc4231_case_2() {
        assert_eq!(
            hmac_sha256_hex(b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
