//! Security notices: when a method is added or removed, a contact changes or
//! recovery codes are replaced, every verified contact point hears about it
//! (the old one too, after a change), so that the real owner learns of a
//! takeover while the withdrawal hold still protects the money. Alerts
//! (an authenticator code used twice; a sign-in from a new device or
//! country, when the service asks for them) reach the same contacts.

use serde::{Deserialize, Serialize};

use crate::factor::FactorType;
use crate::policy::Channel;
use crate::user::User;
use crate::Timestamp;

/// What changed on the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum SecurityChange {
    FactorAdded {
        factor: FactorType,
    },
    FactorRemoved {
        factor: FactorType,
    },
    EmailChanged,
    PhoneChanged,
    RecoveryCodesRegenerated,
    /// Alert: an authenticator app's code was typed again after it had been
    /// used; someone else may be reading the user's codes.
    TotpReplayed,
    /// Alert: a sign-in was approved from a device the integrator had not
    /// seen, or a country the user was not approved from lately.
    RiskySignIn {
        new_device: bool,
        new_country: bool,
    },
}

impl SecurityChange {
    /// The name events use for it (`user.security_hold`'s `because`).
    pub fn kind(self) -> &'static str {
        match self {
            SecurityChange::FactorAdded { .. } => "factor_added",
            SecurityChange::FactorRemoved { .. } => "factor_removed",
            SecurityChange::EmailChanged | SecurityChange::PhoneChanged => "contact_changed",
            SecurityChange::RecoveryCodesRegenerated => "recovery_codes_regenerated",
            SecurityChange::TotpReplayed => "totp_replayed",
            SecurityChange::RiskySignIn { .. } => "risky_sign_in",
        }
    }

    /// Alerts tell of something seen, not of a change made: they hold
    /// nothing and have their own subject.
    pub fn is_alert(self) -> bool {
        matches!(
            self,
            SecurityChange::TotpReplayed | SecurityChange::RiskySignIn { .. }
        )
    }
}

/// Everything a notice says, fixed when the change happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeContent {
    #[serde(flatten)]
    pub change: SecurityChange,
    pub at: Timestamp,
    /// The end user's IP, when the integrator passed it.
    pub ip: Option<String>,
    /// Until when withdrawals are held, if they are.
    pub held_until: Option<Timestamp>,
}

/// Where notices about a change go: every verified contact the user had
/// before or has after it, once each. A new, unverified address gets none:
/// it may be the attacker's.
pub fn recipients(before: &User, after: &User) -> Vec<(Channel, String)> {
    let mut to = Vec::new();
    for u in [after, before] {
        if let Some(email) = u.email.as_ref().filter(|_| u.email_verified) {
            to.push((Channel::Email, email.clone()));
        }
        if let Some(phone) = u.phone.as_ref().filter(|_| u.phone_verified) {
            to.push((Channel::Sms, phone.clone()));
        }
    }
    let mut unique = Vec::new();
    for r in to {
        if !unique.contains(&r) {
            unique.push(r);
        }
    }
    unique
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-26 01:10:00 UTC
    const AT: Timestamp = Timestamp(1_795_655_400_000);

    fn user(email: (&str, bool), phone: (&str, bool)) -> User {
        let mut u = User::new(
            &crate::ids::ServiceId::from_trusted("svc_1"),
            &crate::ids::UserId::from_trusted("alice"),
            AT,
        );
        u.email = Some(email.0.into());
        u.email_verified = email.1;
        u.phone = Some(phone.0.into());
        u.phone_verified = phone.1;
        u
    }

    #[test]
    fn every_verified_contact_before_and_after_is_told_once() {
        let before = user(("old@example.com", true), ("+33612345689", true));
        let mut after = before.clone();
        after.email = Some("new@example.com".into());
        after.email_verified = false;
        assert_eq!(
            recipients(&before, &after),
            vec![
                (Channel::Sms, "+33612345689".to_owned()),
                (Channel::Email, "old@example.com".to_owned()),
            ]
        );
        let unverified = user(("a@example.com", false), ("+33612345689", false));
        assert!(recipients(&unverified, &unverified).is_empty());
    }

    fn content() -> NoticeContent {
        NoticeContent {
            change: SecurityChange::FactorAdded {
                factor: FactorType::Totp,
            },
            at: AT,
            ip: Some("203.0.113.7".into()),
            held_until: Some(AT.plus(std::time::Duration::from_secs(86_400))),
        }
    }

    #[test]
    fn content_round_trips_as_stored() {
        let json = serde_json::to_value(content()).unwrap();
        assert_eq!(json["change"], "factor_added");
        assert_eq!(json["factor"], "totp");
        let back: NoticeContent = serde_json::from_value(json).unwrap();
        assert_eq!(back, content());
    }
}
