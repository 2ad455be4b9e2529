//! Opaque identifiers with a type prefix (`usr_`, `chl_`, `svc_`, `evt_`, `msg_`).

use rand::RngCore;

/// A fresh identifier: the prefix, an underscore and 128 random bits in hex.
/// Random rather than sequential so that ids reveal neither volume nor order.
pub fn new_id(prefix: &str) -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{prefix}_{}", hex::encode(bytes))
}

/// The integrator's own user id: 1–128 characters of `[A-Za-z0-9._@:-]`.
pub fn is_valid_external_user_id(id: &str) -> bool {
    (1..=128).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'@' | b':' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_carry_their_prefix_and_differ() {
        let a = new_id("chl");
        let b = new_id("chl");
        assert!(a.starts_with("chl_"));
        assert_eq!(a.len(), 4 + 32);
        assert_ne!(a, b);
    }

    #[test]
    fn external_user_ids_follow_the_contract() {
        assert!(is_valid_external_user_id("alice@example.com"));
        assert!(is_valid_external_user_id("a.b_c:d-9"));
        assert!(!is_valid_external_user_id(""));
        assert!(!is_valid_external_user_id("has space"));
        assert!(!is_valid_external_user_id("slash/"));
        assert!(!is_valid_external_user_id(&"x".repeat(129)));
        assert!(is_valid_external_user_id(&"x".repeat(128)));
    }
}
