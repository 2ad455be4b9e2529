//! Webhook endpoints: where events are posted, and which. An endpoint a
//! service registers through the API receives that service's events only;
//! the operator's endpoints (`[[webhooks]]` in the configuration) receive
//! every service's.

use serde::Serialize;
use utoipa::ToSchema;

use crate::ids::{ServiceId, WebhookId};
use crate::Timestamp;

/// Endpoints a service may register at most.
pub const MAX_PER_SERVICE: usize = 10;
/// Event type patterns per endpoint at most.
pub const MAX_PATTERNS: usize = 50;

/// An endpoint a service registered for its own events. Its secret is
/// kept sealed apart and shown once, when it is created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ServiceWebhook {
    #[schema(value_type = String)]
    pub id: WebhookId,
    #[serde(skip)]
    pub service_id: ServiceId,
    pub url: String,
    /// Event types sent: exact (`challenge.approved`) or by prefix
    /// (`challenge.*`); empty sends every event.
    pub events: Vec<String>,
    pub created_at: Timestamp,
}

/// Whether an endpoint subscribed with `patterns` wants events of type
/// `kind`: every event when there is no pattern.
pub fn subscribed(patterns: &[String], kind: &str) -> bool {
    patterns.is_empty()
        || patterns
            .iter()
            .any(|pattern| match pattern.strip_suffix('*') {
                Some(prefix) => kind.starts_with(prefix),
                None => pattern == kind,
            })
}

/// The host (and port) of an endpoint URL, without the credentials,
/// path or query that may carry a token: what logs and events may show.
pub fn url_host(url: &str) -> Option<&str> {
    url.split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .map(|authority| authority.rsplit('@').next().unwrap_or(authority))
}

/// Why a pattern is refused: event types are lower-case words joined by
/// dots and underscores, a pattern one of them or a prefix ending in `*`.
pub fn check_pattern(pattern: &str) -> Result<(), String> {
    let name = pattern.strip_suffix('*').unwrap_or(pattern);
    let well_formed = !pattern.is_empty()
        && pattern.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
    if well_formed {
        Ok(())
    } else {
        Err(format!(
            "{pattern:?} is not an event type or a prefix ending in *"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_exactly_or_by_prefix() {
        let some = ["challenge.*".to_owned(), "user.security_hold".to_owned()];
        assert!(subscribed(&[], "challenge.approved"));
        assert!(subscribed(&some, "challenge.approved"));
        assert!(subscribed(&some, "user.security_hold"));
        assert!(!subscribed(&some, "user.created"));
        assert!(!subscribed(&some, "factor.added"));
    }

    #[test]
    fn only_event_types_and_prefixes_are_patterns() {
        for good in ["challenge.*", "user.security_hold", "*"] {
            assert_eq!(check_pattern(good), Ok(()), "{good}");
        }
        for bad in ["", "Challenge.*", "chal*lenge", "a b", &"x".repeat(65)] {
            assert!(check_pattern(bad).is_err(), "{bad}");
        }
    }
}
