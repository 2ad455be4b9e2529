//! Security-relevant events, kept per service and shown to integrators.
//!
//! What an event says about a person (the integrator's user id, the IP
//! address and the personal part of its detail) can be erased when the
//! user is deleted, while the audit chain still verifies: the chain covers
//! a salted digest of those fields, not the fields ([`Personal`]).

use rand::RngCore;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use crate::ids::new_id_at;
use crate::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Event {
    pub id: String,
    #[serde(skip)]
    pub service_id: String,
    /// The integrator's user id; kept after the user is deleted (a
    /// tombstone) until the deletion's erasure removes it.
    #[serde(skip)]
    pub user_id: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub at: Timestamp,
    pub ip: Option<String>,
    /// Erased events keep only the keys of [`PUBLIC_DETAIL_KEYS`].
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
    /// `true` once the user was deleted and this event's personal data
    /// erased (absent otherwise).
    #[serde(
        rename = "erased",
        serialize_with = "Personal::serialize_erased",
        skip_serializing_if = "Personal::is_kept",
        skip_deserializing
    )]
    #[schema(value_type = Option<bool>)]
    pub personal: Personal,
}

/// How an event keeps what it says about a person, which decides what the
/// audit chain covers (see [`crate::audit::chain_hash`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Personal {
    /// Written before erasure existed (migration 0021): the chain covers
    /// the personal fields themselves, so they cannot be erased without
    /// breaking it. Retention prunes them like any event.
    #[default]
    Inline,
    /// The chain covers `SHA-256(salt, user id, IP, personal detail)`
    /// instead of the fields. The salt (128 random bits, hex) is what
    /// makes the digest useless for guessing: an IP address or a masked
    /// phone number has few enough values to try them all against an
    /// unsalted hash.
    Salted(String),
    /// Erased: the personal fields and the salt are gone; the digest (hex)
    /// stays, so the chain still verifies.
    Erased(String),
}

/// Detail keys that never hold personal data, kept when an event is
/// erased. Any other key is treated as personal: a key added later is
/// erased until someone decides it may stay.
pub const PUBLIC_DETAIL_KEYS: &[&str] = &[
    "all_others",
    "appointment_id",
    "attempts_left",
    "because",
    "by",
    "by_key_id",
    "by_session",
    "challenge_id",
    "channel",
    "factor_id",
    "factor_type",
    "field",
    "genuine",
    "held_until",
    "id",
    "key_id",
    "limit",
    "link_expires_at",
    "message_id",
    "method",
    "methods",
    "portal_session",
    "prefix",
    "provider",
    "purpose",
    "purposes",
    "reason",
    "reported_by",
    "session_id",
    "status",
    "ticket_id",
    "until",
    "withdrawals_held_until",
];

fn is_public_key(key: &str) -> bool {
    PUBLIC_DETAIL_KEYS.binary_search(&key).is_ok()
}

impl Personal {
    /// A fresh salt from the operating system's CSPRNG (through the
    /// thread's generator, which it seeds).
    pub fn salted() -> Personal {
        let mut salt = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut salt);
        Personal::Salted(crate::to_hex(salt))
    }

    /// The stored salt, if the fields are kept under one.
    pub fn salt(&self) -> Option<&str> {
        match self {
            Personal::Salted(salt) => Some(salt),
            _ => None,
        }
    }

    /// The stored digest, once erased.
    pub fn erased_digest(&self) -> Option<&str> {
        match self {
            Personal::Erased(digest) => Some(digest),
            _ => None,
        }
    }

    /// From the two stored columns (salt, digest): both empty for events
    /// written before erasure existed.
    pub fn from_columns(salt: Option<String>, digest: Option<String>) -> Personal {
        match (salt, digest) {
            (Some(salt), _) => Personal::Salted(salt),
            (None, Some(digest)) => Personal::Erased(digest),
            (None, None) => Personal::Inline,
        }
    }

    fn is_kept(&self) -> bool {
        !matches!(self, Personal::Erased(_))
    }

    fn serialize_erased<S: Serializer>(_: &Personal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(true)
    }
}

/// The keys of a detail object that are public (`true`) or personal
/// (`false`), serialised without copying the object. A detail that is not
/// an object is personal as a whole.
pub(crate) struct DetailPart<'a>(pub &'a serde_json::Value, pub bool);

impl Serialize for DetailPart<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let DetailPart(detail, public) = *self;
        match detail.as_object() {
            Some(map) => {
                let mut out = s.serialize_map(None)?;
                for (k, v) in map.iter().filter(|(k, _)| is_public_key(k) == public) {
                    out.serialize_entry(k, v)?;
                }
                out.end()
            }
            None if public => s.serialize_none(),
            None => detail.serialize(s),
        }
    }
}

/// `SHA-256` of the salt and the personal fields, in hex: what the chain
/// covers in their place.
pub(crate) fn personal_digest(salt: &str, event: &Event) -> String {
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    h.update(b"\n");
    let fields = (&event.user_id, &event.ip, DetailPart(&event.detail, false));
    // Strings and JSON values always serialise.
    h.update(serde_json::to_vec(&fields).unwrap_or_default());
    crate::to_hex(h.finalize())
}

impl Event {
    pub fn new(
        service_id: &str,
        user_id: Option<&str>,
        kind: &str,
        at: Timestamp,
        ip: Option<&str>,
        detail: serde_json::Value,
    ) -> Event {
        Event {
            id: new_id_at("evt", at),
            service_id: service_id.to_owned(),
            user_id: user_id.map(str::to_owned),
            kind: kind.to_owned(),
            at,
            ip: ip.map(str::to_owned),
            detail,
            personal: Personal::salted(),
        }
    }

    /// The same event about something else: a new id and salt, and `value`
    /// as `key` in its detail. One template then records each of several
    /// things a single request did (each session it ended).
    pub fn about(&self, key: &str, value: &str) -> Event {
        let mut detail = self.detail.clone();
        if let Some(map) = detail.as_object_mut() {
            map.insert(key.to_owned(), serde_json::Value::from(value));
        }
        Event {
            id: new_id_at("evt", self.at),
            detail,
            personal: Personal::salted(),
            ..self.clone()
        }
    }

    /// Erases what the event says about a person: the user id, the IP
    /// address and every detail key not in [`PUBLIC_DETAIL_KEYS`], with the
    /// salt, keeping the digest the chain covers. False (and nothing
    /// changed) for an event already erased or written before erasure
    /// existed.
    pub fn erase(&mut self) -> bool {
        let Personal::Salted(salt) = &self.personal else {
            return false;
        };
        let digest = personal_digest(salt, self);
        self.detail = match self.detail.as_object() {
            Some(map) => serde_json::Value::Object(
                map.iter()
                    .filter(|(k, _)| is_public_key(k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            ),
            None => serde_json::Value::Null,
        };
        self.user_id = None;
        self.ip = None;
        self.personal = Personal::Erased(digest);
        true
    }
}
