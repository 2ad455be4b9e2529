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
        })
    }
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

    /// Applies an update. A new address or number is unverified until proven.
    pub fn apply(&mut self, update: UserUpdate, now: Timestamp) -> Vec<ContactChange> {
        let mut changes = Vec::new();
        if let Some((from, to)) = apply_change(&mut self.email, update.email) {
            self.email_verified = false;
            changes.push(ContactChange::Email { from, to });
        }
        if let Some((from, to)) = apply_change(&mut self.phone, update.phone) {
            self.phone_verified = false;
            changes.push(ContactChange::Phone { from, to });
        }
        apply_change(&mut self.locale, update.locale);
        apply_change(&mut self.display_name, update.display_name);
        self.updated_at = now;
        changes
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
        let changes = u.apply(update, Timestamp(5));
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
        assert!(u.apply(update, Timestamp(5)).is_empty());
        assert!(u.phone_verified);
    }

    #[test]
    fn null_clears_a_field() {
        let mut u = verified_user();
        let changes = u.apply(
            UserUpdate {
                phone: Change::Clear,
                ..Default::default()
            },
            Timestamp(5),
        );
        assert_eq!(u.phone, None);
        assert_eq!(changes.len(), 1);
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
