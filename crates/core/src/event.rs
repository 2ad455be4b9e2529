//! Security-relevant events, kept per service and shown to integrators.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ids::new_id_at;
use crate::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Event {
    pub id: String,
    #[serde(skip)]
    pub service_id: String,
    /// The integrator's user id; kept after the user is deleted (a tombstone).
    #[serde(skip)]
    pub user_id: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub at: Timestamp,
    pub ip: Option<String>,
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
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
        }
    }

    /// The same event about something else: a new id, and `value` as
    /// `key` in its detail. One template then records each of several
    /// things a single request did (each session it ended).
    pub fn about(&self, key: &str, value: &str) -> Event {
        let mut detail = self.detail.clone();
        if let Some(map) = detail.as_object_mut() {
            map.insert(key.to_owned(), serde_json::Value::from(value));
        }
        Event {
            id: new_id_at("evt", self.at),
            detail,
            ..self.clone()
        }
    }
}
