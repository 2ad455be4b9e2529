//! Identifiers. Countersign's own are opaque, with a type prefix (`usr_`,
//! `chl_`, `svc_`, `fac_`, `apt_`, `msg_`, `evt_`); the integrator's user id
//! is theirs. Each kind has its own type, so that a challenge id can never
//! be passed where a factor id is expected.

use std::fmt;
use std::ops::Deref;

use rand::RngCore;
use serde::{Deserialize, Serialize};

use crate::Timestamp;

/// Declares an id type: a string of one shape, with its own name.
macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
        #[serde(transparent)]
        #[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// An id as stored or as written by Countersign, taken as it is.
            pub fn from_trusted(id: impl Into<String>) -> Self {
                $name(id.into())
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        #[cfg(feature = "rusqlite")]
        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        #[cfg(feature = "rusqlite")]
        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                String::column_result(value).map($name)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl From<$name> for serde_json::Value {
            fn from(id: $name) -> serde_json::Value {
                serde_json::Value::String(id.0)
            }
        }
    };
}

/// Declares an id type that Countersign makes, with its prefix.
macro_rules! prefixed_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        typed_id!($(#[$doc])* $name);

        impl $name {
            pub const PREFIX: &'static str = $prefix;

            /// A fresh id (see [`new_id`]).
            #[allow(clippy::new_without_default)]
            pub fn new() -> Self {
                $name(new_id($prefix))
            }

            /// A fresh id that sorts by creation time (see [`new_id_at`]).
            pub fn new_at(at: Timestamp) -> Self {
                $name(new_id_at($prefix, at))
            }

            /// The id `text` names, or `None` when it does not have the
            /// shape of one: such an id cannot exist.
            pub fn parse(text: &str) -> Option<Self> {
                is_id_of($prefix, text).then(|| $name(text.to_owned()))
            }
        }
    };
}

prefixed_id!(
    /// A service (tenant): `svc_…`.
    ServiceId,
    "svc"
);
prefixed_id!(
    /// A user's key inside Countersign: `usr_…`, never shown to integrators
    /// as their id (that is [`UserId`]).
    UserKey,
    "usr"
);
prefixed_id!(
    /// A challenge: `chl_…`.
    ChallengeId,
    "chl"
);
prefixed_id!(
    /// A factor (authenticator, token, passkey, device, recovery codes): `fac_…`.
    FactorId,
    "fac"
);
prefixed_id!(
    /// A support appointment: `apt_…`.
    AppointmentId,
    "apt"
);
prefixed_id!(
    /// One of a service's API keys (the key's id, not the key): `key_…`.
    ApiKeyId,
    "key"
);
prefixed_id!(
    /// A message sent by SMS, voice or email: `msg_…`.
    MessageId,
    "msg"
);
prefixed_id!(
    /// A webhook endpoint a service registered for its own events: `whk_…`.
    WebhookId,
    "whk"
);
typed_id!(
    /// The integrator's own id for a user: 1–128 characters of
    /// `[A-Za-z0-9._@:-]`.
    UserId
);

impl UserId {
    /// The id `text` names, or `None` when it is not a valid user id.
    pub fn parse(text: &str) -> Option<Self> {
        is_valid_external_user_id(text).then(|| UserId(text.to_owned()))
    }
}

/// A fresh identifier: the prefix, an underscore and 128 random bits in hex.
/// Random rather than sequential so that ids reveal neither volume nor order.
/// The bits come from the thread's CSPRNG (seeded and reseeded from the
/// operating system) rather than from a system call each: ids are not
/// secrets, and a verify makes several.
pub fn new_id(prefix: &str) -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("{prefix}_{}", crate::to_hex(bytes))
}

/// A fresh identifier of the same shape as [`new_id`]'s that sorts by
/// creation time: 48 bits of `at` in milliseconds, then 80 random bits.
/// For records written at a high rate (users, challenges, messages, events):
/// an index on such ids grows at its end, so a batch of inserts dirties one
/// page of it instead of one random page each. The order reveals only the
/// record's creation time, which the record itself shows; the 80 random bits
/// keep the id unguessable.
pub fn new_id_at(prefix: &str, at: Timestamp) -> String {
    let mut random = [0u8; 10];
    rand::thread_rng().fill_bytes(&mut random);
    let millis = u64::try_from(at.millis()).unwrap_or(0) & 0xFFFF_FFFF_FFFF;
    format!("{prefix}_{millis:012x}{}", crate::to_hex(random))
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

/// Whether free text shows as what it is: the one check of every display
/// string (names, labels, agents, transaction details). Refused: control
/// characters (NUL, escape sequences, line breaks), which no name or header
/// needs and PostgreSQL refuses, and characters that change what a reader
/// sees without being seen: bidirectional overrides and isolates (which can
/// reorder an IBAN or a name on screen) and zero-width or invisible
/// formatting characters (which make two different strings look alike).
pub fn is_printable(text: &str) -> bool {
    !text.chars().any(hides_or_reorders)
}

/// Why text that is not [`is_printable`] is refused, as error details say it.
pub const NOT_PRINTABLE: &str =
    "control, bidirectional-override and invisible (zero-width) characters are not allowed";

fn hides_or_reorders(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}')
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
    fn time_ordered_ids_sort_by_time_and_keep_the_shape() {
        let earlier = Timestamp::from_millis(1_764_480_000_000);
        let later = Timestamp::from_millis(1_764_480_000_001);
        let a = ChallengeId::new_at(earlier);
        let b = ChallengeId::new_at(later);
        assert!(a < b, "{a} sorts before {b}");
        assert_eq!(ChallengeId::parse(&a), Some(a.clone()));
        assert_ne!(ChallengeId::new_at(earlier), a);
        assert!(a.starts_with("chl_019ad3342000"), "{a}");
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
    fn typed_ids_parse_only_their_own_shape() {
        let id = ChallengeId::new();
        assert!(id.starts_with("chl_"));
        assert_eq!(ChallengeId::parse(&id), Some(id.clone()));
        assert_eq!(FactorId::parse(&id), None);
        assert_eq!(
            UserId::parse("alice@example.com").unwrap(),
            "alice@example.com"
        );
        assert_eq!(UserId::parse("has space"), None);
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{id}\""));
    }

    #[test]
    fn control_and_hidden_characters_are_not_printable() {
        assert!(is_printable("Alice Dupont-Müller"));
        assert!(!is_printable("a\u{0}b"));
        assert!(!is_printable("line\nbreak"));
        assert!(!is_printable("\u{1b}[31m"));
        for hidden in [
            "Alice\u{202E}ecilA",
            "Bob\u{200B}",
            "\u{FEFF}Carol",
            "A\u{2066}B\u{2069}",
            "Dan\u{2060}",
            "Eve\u{200F}",
        ] {
            assert!(!is_printable(hidden), "{hidden:?}");
        }
        assert!(
            is_printable("عبد الله"),
            "right-to-left text itself is fine"
        );
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
