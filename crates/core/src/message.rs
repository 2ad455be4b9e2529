//! Messages as records: a message's journey (its delivery status) and what
//! is kept of one (never the code). What a message says is rendered by
//! countersign-i18n, in the user's language.

use crate::ids::{ChallengeId, MessageId};
use crate::policy::Channel;

/// Where a message is in its journey, as far as Countersign knows.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Handed to no provider yet.
    Queued,
    /// Accepted by the provider.
    Sent,
    Delivered,
    /// The provider refused it or could not be reached.
    Failed,
    Undelivered,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Queued => "queued",
            DeliveryStatus::Sent => "sent",
            DeliveryStatus::Delivered => "delivered",
            DeliveryStatus::Failed => "failed",
            DeliveryStatus::Undelivered => "undelivered",
        }
    }

    /// Failed and undelivered messages never reached the user.
    pub fn is_failure(self) -> bool {
        matches!(self, DeliveryStatus::Failed | DeliveryStatus::Undelivered)
    }

    /// The statuses a message may move to this one from. Reports arrive out
    /// of order; a later stage is never overwritten by an earlier one, and a
    /// final verdict (delivered, failed, undelivered) never changes.
    pub fn may_follow(self) -> &'static [DeliveryStatus] {
        match self {
            DeliveryStatus::Queued => &[],
            DeliveryStatus::Sent => &[DeliveryStatus::Queued],
            _ => &[DeliveryStatus::Queued, DeliveryStatus::Sent],
        }
    }

    /// A Twilio `MessageStatus` or `CallStatus`, as its status callbacks
    /// report it.
    pub fn from_twilio(status: &str) -> Option<DeliveryStatus> {
        Some(match status {
            "accepted" | "scheduled" | "queued" => DeliveryStatus::Queued,
            "sending" | "sent" | "initiated" | "ringing" | "in-progress" => DeliveryStatus::Sent,
            "delivered" | "read" | "completed" => DeliveryStatus::Delivered,
            "undelivered" | "busy" | "no-answer" => DeliveryStatus::Undelivered,
            "failed" | "canceled" => DeliveryStatus::Failed,
            _ => return None,
        })
    }

    pub fn parse(s: &str) -> Option<DeliveryStatus> {
        [
            DeliveryStatus::Queued,
            DeliveryStatus::Sent,
            DeliveryStatus::Delivered,
            DeliveryStatus::Failed,
            DeliveryStatus::Undelivered,
        ]
        .into_iter()
        .find(|d| d.as_str() == s)
    }
}

/// Escapes text for HTML or XML element content and attribute values,
/// for markup built outside a template: TwiML, and the help center's
/// search highlights (the pages themselves are askama templates).
pub fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// One message sent for a challenge: the delivery record, without the code.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct MessageRecord {
    pub id: MessageId,
    #[serde(skip)]
    pub challenge_id: ChallengeId,
    pub channel: Channel,
    /// The masked destination.
    pub to: String,
    pub status: DeliveryStatus,
    /// The provider's own id for the message, when it gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_ref: Option<String>,
    pub attempts: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub created_at: crate::Timestamp,
    pub updated_at: crate::Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_reports_only_move_forward() {
        use DeliveryStatus::*;
        assert!(Delivered.may_follow().contains(&Sent));
        assert!(!Sent.may_follow().contains(&Delivered));
        assert!(!Failed.may_follow().contains(&Delivered));
        assert!(Queued.may_follow().is_empty());
        assert_eq!(
            DeliveryStatus::from_twilio("undelivered"),
            Some(Undelivered)
        );
        assert_eq!(DeliveryStatus::from_twilio("no-answer"), Some(Undelivered));
        assert_eq!(DeliveryStatus::from_twilio("completed"), Some(Delivered));
        assert_eq!(DeliveryStatus::from_twilio("ringing"), Some(Sent));
        assert_eq!(DeliveryStatus::from_twilio("exploded"), None);
        assert!(Undelivered.is_failure() && Failed.is_failure() && !Delivered.is_failure());
    }
}
