//! Opaque identifiers with a type prefix (`usr_`, `chl_`, `svc_`, `evt_`, `msg_`).

use rand::RngCore;

/// A fresh identifier: the prefix, an underscore and 128 random bits in hex.
/// Random rather than sequential so that ids reveal neither volume nor order.
pub fn new_id(prefix: &str) -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{prefix}_{}", hex::encode(bytes))
}

/// Whether `id` has the shape of an id made by [`new_id`] with `prefix`.
/// Anything else cannot exist, so it is refused before it reaches the database.
pub fn is_id_of(prefix: &str, id: &str) -> bool {
    id.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('_'))
        .is_some_and(|hex| {
            hex.len() == 32 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        })
}

/// Whether free text is free of control characters (NUL, escape sequences,
/// line breaks), which no name or header needs and PostgreSQL refuses.
pub fn is_printable(text: &str) -> bool {
    !text.chars().any(char::is_control)
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
    fn ids_are_recognised_by_shape() {
        let id = new_id("chl");
        assert!(is_id_of("chl", &id));
        assert!(!is_id_of("evt", &id));
        assert!(!is_id_of("chl", "chl_\u{0}"));
        assert!(!is_id_of("chl", &id.to_uppercase()));
        assert!(!is_id_of("chl", &format!("{id}0")));
    }

    #[test]
    fn control_characters_are_not_printable() {
        assert!(is_printable("Alice Dupont-Müller"));
        assert!(!is_printable("a\u{0}b"));
        assert!(!is_printable("line\nbreak"));
        assert!(!is_printable("\u{1b}[31m"));
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
