//! End users as an integrator registers them, and what a change to their
//! contact points means.

use serde::Serialize;
use utoipa::ToSchema;

use crate::contact::{self, ContactError};
use crate::ids::{ServiceId, UserId, UserKey};
use crate::lockout::is_locked;
use crate::Timestamp;

/// A user as the API shows it; the fields marked `skip` are Countersign's
/// own bookkeeping and never leave the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct User {
    /// Countersign's own id (`usr_…`).
    pub id: UserKey,
    #[serde(skip)]
    pub service_id: ServiceId,
    /// The integrator's id for this user.
    pub user_id: UserId,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub email_verified: bool,
    pub phone_verified: bool,
    pub locale: Option<String>,
    pub display_name: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(skip)]
    pub failed_attempts: u32,
    #[serde(skip)]
    pub locked_until: Option<Timestamp>,
    /// After a security change, withdrawals are held until then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_hold_until: Option<Timestamp>,
}

/// A field of a `PUT`: absent leaves it alone, `null` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Change<T> {
    #[default]
    Keep,
    Clear,
    Set(T),
}

/// A `PUT /v1/users/{id}` body, already validated.
#[derive(Debug, Clone, Default)]
pub struct UserUpdate {
    pub email: Change<String>,
    pub phone: Change<String>,
    pub locale: Change<String>,
    pub display_name: Change<String>,
    /// The integrator vouches for the email (after this update) as if the
    /// user had passed a code: an imported user's verified contacts hear
    /// about security changes from the start. `false` vouches for nothing;
    /// only a new address makes a verified one unverified, and that is
    /// noticed by the old one.
    pub email_verified: bool,
    /// As `email_verified`, for the phone number.
    pub phone_verified: bool,
}

impl UserUpdate {
    /// Validates and normalises raw input; the first bad field wins.
    pub fn parse(
        email: Change<String>,
        phone: Change<String>,
        locale: Change<String>,
        display_name: Change<String>,
    ) -> Result<UserUpdate, ContactError> {
        Ok(UserUpdate {
            email: map_change(email, contact::normalize_email)?,
            phone: map_change(phone, contact::normalize_phone)?,
            locale: map_change(locale, contact::normalize_locale)?,
            display_name,
            email_verified: false,
            phone_verified: false,
        })
    }
}

/// A contact point a user can have, by its field name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactField {
    Email,
    Phone,
}

impl ContactField {
    pub fn as_str(self) -> &'static str {
        match self {
            ContactField::Email => "email",
            ContactField::Phone => "phone",
        }
    }
}

/// What an update did that is worth recording.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Contacts that changed: security changes.
    pub changes: Vec<ContactChange>,
    /// Contacts the integrator vouched for that were not verified before.
    pub vouched: Vec<ContactField>,
}

fn map_change<E>(
    c: Change<String>,
    f: impl FnOnce(&str) -> Result<String, E>,
) -> Result<Change<String>, E> {
    Ok(match c {
        Change::Keep => Change::Keep,
        Change::Clear => Change::Clear,
        Change::Set(v) => Change::Set(f(&v)?),
    })
}

/// What a `PUT` changed that matters for security.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactChange {
    Email {
        from: Option<String>,
        to: Option<String>,
    },
    Phone {
        from: Option<String>,
        to: Option<String>,
    },
}

impl User {
    pub fn new(service_id: &ServiceId, user_id: &UserId, now: Timestamp) -> User {
        User {
            id: UserKey::new_at(now),
            service_id: service_id.clone(),
            user_id: user_id.clone(),
            email: None,
            phone: None,
            email_verified: false,
            phone_verified: false,
            locale: None,
            display_name: None,
            created_at: now,
            updated_at: now,
            failed_attempts: 0,
            locked_until: None,
            security_hold_until: None,
        }
    }

    /// Applies an update. A new address or number is unverified until
    /// proven, by a code or by the integrator vouching for it in the same
    /// update. Vouching for a contact the user will not have is refused,
    /// before anything changes.
    pub fn apply(&mut self, update: UserUpdate, now: Timestamp) -> Result<Applied, ContactError> {
        let will_have = |current: &Option<String>, change: &Change<String>| match change {
            Change::Keep => current.is_some(),
            Change::Clear => false,
            Change::Set(_) => true,
        };
        if update.email_verified && !will_have(&self.email, &update.email) {
            return Err(ContactError::NothingToVerify(ContactField::Email));
        }
        if update.phone_verified && !will_have(&self.phone, &update.phone) {
            return Err(ContactError::NothingToVerify(ContactField::Phone));
        }
        let mut applied = Applied::default();
        if let Some((from, to)) = apply_change(&mut self.email, update.email) {
            self.email_verified = false;
            applied.changes.push(ContactChange::Email { from, to });
        }
        if let Some((from, to)) = apply_change(&mut self.phone, update.phone) {
            self.phone_verified = false;
            applied.changes.push(ContactChange::Phone { from, to });
        }
        if update.email_verified && !self.email_verified {
            self.email_verified = true;
            applied.vouched.push(ContactField::Email);
        }
        if update.phone_verified && !self.phone_verified {
            self.phone_verified = true;
            applied.vouched.push(ContactField::Phone);
        }
        apply_change(&mut self.locale, update.locale);
        apply_change(&mut self.display_name, update.display_name);
        self.updated_at = now;
        Ok(applied)
    }

    pub fn is_locked(&self, now: Timestamp) -> bool {
        is_locked(self.locked_until, now)
    }
}

/// Sets the field; returns (old, new) when the value really changed.
fn apply_change(
    field: &mut Option<String>,
    change: Change<String>,
) -> Option<(Option<String>, Option<String>)> {
    let new = match change {
        Change::Keep => return None,
        Change::Clear => None,
        Change::Set(v) => Some(v),
    };
    if *field == new {
        return None;
    }
    let old = std::mem::replace(field, new.clone());
    Some((old, new))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verified_user() -> User {
        let mut u = User::new(
            &crate::ids::ServiceId::from_trusted("svc_1"),
            &crate::ids::UserId::from_trusted("alice"),
            Timestamp(0),
        );
        u.email = Some("alice@example.com".into());
        u.phone = Some("+33612345689".into());
        u.email_verified = true;
        u.phone_verified = true;
        u
    }

    #[test]
    fn a_new_email_is_unverified_and_reported() {
        let mut u = verified_user();
        let update = UserUpdate::parse(
            Change::Set("bob@Example.org".into()),
            Change::Keep,
            Change::Keep,
            Change::Keep,
        )
        .unwrap();
        let changes = u.apply(update, Timestamp(5)).unwrap().changes;
        assert_eq!(u.email.as_deref(), Some("bob@example.org"));
        assert!(!u.email_verified);
        assert!(u.phone_verified);
        assert_eq!(
            changes,
            vec![ContactChange::Email {
                from: Some("alice@example.com".into()),
                to: Some("bob@example.org".into())
            }]
        );
    }

    #[test]
    fn the_same_value_again_changes_nothing() {
        let mut u = verified_user();
        let update = UserUpdate::parse(
            Change::Keep,
            Change::Set("+33 6 12 34 56 89".into()),
            Change::Keep,
            Change::Keep,
        )
        .unwrap();
        assert_eq!(u.apply(update, Timestamp(5)).unwrap(), Applied::default());
        assert!(u.phone_verified);
    }

    #[test]
    fn null_clears_a_field() {
        let mut u = verified_user();
        let applied = u
            .apply(
                UserUpdate {
                    phone: Change::Clear,
                    ..Default::default()
                },
                Timestamp(5),
            )
            .unwrap();
        assert_eq!(u.phone, None);
        assert_eq!(applied.changes.len(), 1);
    }

    #[test]
    fn a_vouched_contact_is_verified_even_when_it_is_new_and_only_then() {
        let mut u = verified_user();
        u.email_verified = false;
        let applied = u
            .apply(
                UserUpdate {
                    phone: Change::Set("+33612345601".into()),
                    email_verified: true,
                    phone_verified: true,
                    ..Default::default()
                },
                Timestamp(5),
            )
            .unwrap();
        assert!(u.email_verified && u.phone_verified);
        assert_eq!(applied.vouched, [ContactField::Email, ContactField::Phone]);
        assert_eq!(applied.changes.len(), 1, "the new number is still a change");

        // A later new number is unverified again; vouching again for a
        // verified address records nothing.
        let applied = u
            .apply(
                UserUpdate {
                    phone: Change::Set("+33612345602".into()),
                    email_verified: true,
                    ..Default::default()
                },
                Timestamp(6),
            )
            .unwrap();
        assert!(!u.phone_verified);
        assert!(applied.vouched.is_empty());
    }

    #[test]
    fn vouching_for_a_contact_the_user_will_not_have_changes_nothing() {
        let mut u = verified_user();
        u.phone_verified = false;
        let before = u.clone();
        let clear_and_vouch = UserUpdate {
            phone: Change::Clear,
            phone_verified: true,
            ..Default::default()
        };
        assert_eq!(
            u.apply(clear_and_vouch, Timestamp(5)),
            Err(ContactError::NothingToVerify(ContactField::Phone))
        );
        assert_eq!(u, before);
        let mut bare = User::new(&before.service_id, &before.user_id, Timestamp(0));
        let vouch = UserUpdate {
            email_verified: true,
            ..Default::default()
        };
        assert_eq!(
            bare.apply(vouch, Timestamp(5)),
            Err(ContactError::NothingToVerify(ContactField::Email))
        );
    }

    #[test]
    fn invalid_input_is_refused_before_anything_changes() {
        assert_eq!(
            UserUpdate::parse(
                Change::Set("ok@example.com".into()),
                Change::Set("12".into()),
                Change::Keep,
                Change::Keep
            )
            .unwrap_err(),
            ContactError::InvalidPhone
        );
    }
}
