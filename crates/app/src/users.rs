//! Users: the integrator registers them and their contacts, reads them,
//! deletes them, and reads their security events. A contact change is a
//! security change (hold and notices, see [`crate::security_change`]).

use countersign_core::contact::{mask_email, mask_phone};
use countersign_core::event::Event;
use countersign_core::ids::{is_id_of, is_printable, ServiceId, UserId, NOT_PRINTABLE};
use countersign_core::notice::SecurityChange;
use countersign_core::service::Service;
use countersign_core::user::{Change, ContactChange, ContactField, User, UserUpdate};
use countersign_core::Timestamp;
use countersign_store::{LockedEvent, StoreError};
use serde::{Deserialize, Deserializer};
use serde_json::json;
use utoipa::ToSchema;

use crate::security_change::SecurityChanged;
use crate::views::UserView;
use crate::{App, AppError, AppResult, Missing};

/// Absent → `None` (keep), `null` → `Some(None)` (clear), value → `Some(Some(v))`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

fn change(field: Option<Option<String>>) -> Change<String> {
    match field {
        None => Change::Keep,
        Some(None) => Change::Clear,
        Some(Some(v)) => Change::Set(v),
    }
}

/// A user's profile: fields left out are kept; `null` clears one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutUser {
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    /// Any international format; stored as E.164.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub phone: Option<Option<String>>,
    /// A BCP 47 language tag: `en`, `fr-FR`, `zh-Hant-TW`.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 35,
             pattern = r"^\s*[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*\s*$")]
    pub locale: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub display_name: Option<Option<String>>,
    /// `true`: you have verified the email yourself (after this update), so
    /// Countersign treats it as if the user had passed a code, and security
    /// notices reach it. Recorded as a `contact.verified` event `by`
    /// `integrator`. `false` or absent asserts nothing: a verified address
    /// stays verified until it changes. A later new address is unverified
    /// again.
    #[serde(default)]
    pub email_verified: bool,
    /// As `email_verified`, for the phone number.
    #[serde(default)]
    pub phone_verified: bool,
}

impl PutUser {
    /// Checks and normalises the body: what the API's `PUT` and an import
    /// line both go through.
    pub(crate) fn into_update(self) -> AppResult<UserUpdate> {
        let display_name = change(self.display_name);
        check_display_name(&display_name)?;
        let update = UserUpdate::parse(
            change(self.email),
            change(self.phone),
            change(self.locale),
            display_name,
        )?;
        Ok(UserUpdate {
            email_verified: self.email_verified,
            phone_verified: self.phone_verified,
            ..update
        })
    }
}

/// What a `PUT` of one user writes: the user as read (`None`: to be
/// created) and as it will be, with the events and a security change's
/// consequences.
pub(crate) struct UserWrite {
    pub before: Option<User>,
    pub user: User,
    pub events: Vec<Event>,
    pub changed: Option<SecurityChanged>,
}

/// Whether a PUT created the user or updated it.
pub struct PutOutcome {
    pub created: bool,
    pub user: UserView,
}

/// The integrator's user id, checked.
pub(crate) fn check_user_id(user_id: &str) -> AppResult<UserId> {
    UserId::parse(user_id).ok_or_else(|| {
        AppError::field(
            "user_id",
            "expected 1–128 characters of A-Z a-z 0-9 . _ @ : -",
        )
    })
}

/// The `user.locked` event a failure records if it locks the user (the
/// store adds until when).
pub(crate) fn locked_event(
    service_id: &ServiceId,
    user_id: &UserId,
    ip: Option<&str>,
    now: Timestamp,
) -> LockedEvent {
    LockedEvent(Event::new(
        service_id,
        Some(user_id),
        "user.locked",
        now,
        ip,
        json!({}),
    ))
}

/// Refuses a user who is locked out now.
pub(crate) fn refuse_if_locked(user: &User, now: Timestamp) -> AppResult<()> {
    match user.locked_until {
        Some(until) if user.is_locked(now) => Err(AppError::Locked { now, until }),
        _ => Ok(()),
    }
}

fn check_display_name(name: &Change<String>) -> AppResult<()> {
    if let Change::Set(name) = name {
        if !is_printable(name) {
            return Err(AppError::field("display_name", NOT_PRINTABLE));
        }
        if name.chars().count() > 128 {
            return Err(AppError::field("display_name", "at most 128 characters"));
        }
    }
    Ok(())
}

impl App {
    /// A user of the service by the integrator's id.
    pub async fn user(&self, service_id: &ServiceId, user_id: &str) -> AppResult<User> {
        check_user_id(user_id)?;
        self.store
            .user(service_id, user_id)
            .await?
            .ok_or(AppError::NotFound(Missing::User))
    }

    /// Creates or updates a user. Two creates may race: the loser finds the
    /// user and updates it instead.
    pub async fn put_user(
        &self,
        service: &Service,
        user_id: &str,
        put: PutUser,
        ip: Option<&str>,
    ) -> AppResult<PutOutcome> {
        let user_id = check_user_id(user_id)?;
        let update = put.into_update()?;
        for _ in 0..2 {
            let found = self.store.user(&service.id, &user_id).await?;
            let write = self.user_write(service, &user_id, found, update.clone(), ip, json!({}))?;
            let Some(before) = &write.before else {
                match self.store.insert_user(&write.user, &write.events).await {
                    Ok(()) => {
                        return Ok(PutOutcome {
                            created: true,
                            user: UserView::new(write.user, &[]),
                        })
                    }
                    Err(StoreError::Conflict) => continue,
                    Err(e) => return Err(e.into()),
                }
            };
            let security = write.changed.as_ref().map(|c| &c.write);
            self.store
                .update_user(before, &write.user, &write.events, security)
                .await?;
            if let Some(c) = &write.changed {
                self.security_written(c);
            }
            let factors = self.store.factors(&write.user.id).await?;
            return Ok(PutOutcome {
                created: false,
                user: UserView::new(write.user, &factors),
            });
        }
        Err(AppError::Internal)
    }

    /// What applying `update` to the user `found` (or to a new user,
    /// whose `user.created` event carries `created_detail`) writes. A
    /// changed contact is a security change; a vouched one is recorded.
    pub(crate) fn user_write(
        &self,
        service: &Service,
        user_id: &UserId,
        found: Option<User>,
        update: UserUpdate,
        ip: Option<&str>,
        created_detail: serde_json::Value,
    ) -> AppResult<UserWrite> {
        let now = self.now();
        let Some(before) = found else {
            let mut user = User::new(&service.id, user_id, now);
            let applied = user.apply(update, now)?;
            let created = Event::new(
                &service.id,
                Some(user_id),
                "user.created",
                now,
                None,
                created_detail,
            );
            let mut events = vec![created];
            events.extend(vouched_events(
                &service.id,
                &user,
                &applied.vouched,
                now,
                ip,
            ));
            return Ok(UserWrite {
                before: None,
                user,
                events,
                changed: None,
            });
        };
        let mut user = before.clone();
        let applied = user.apply(update, now)?;
        let mut events = contact_events(&service.id, &user.user_id, &applied.changes, now);
        events.extend(vouched_events(
            &service.id,
            &user,
            &applied.vouched,
            now,
            ip,
        ));
        let security: Vec<SecurityChange> = applied
            .changes
            .iter()
            .map(|c| match c {
                ContactChange::Email { .. } => SecurityChange::EmailChanged,
                ContactChange::Phone { .. } => SecurityChange::PhoneChanged,
            })
            .collect();
        let changed = (!security.is_empty())
            .then(|| self.security_changed(service, &before, &user, &security, ip));
        if let Some(c) = &changed {
            events.extend(c.events.iter().cloned());
        }
        Ok(UserWrite {
            before: Some(before),
            user,
            events,
            changed,
        })
    }

    pub async fn user_view(&self, service_id: &ServiceId, user_id: &str) -> AppResult<UserView> {
        let user = self.user(service_id, user_id).await?;
        let factors = self.store.factors(&user.id).await?;
        Ok(UserView::new(user, &factors))
    }

    /// Removes the user, their factors, challenges, sessions and notices,
    /// and erases what past events say about them (the log keeps a
    /// tombstone, erased with the rest: see [`crate::erasure`]). The
    /// deletion stands even if erasing fails half-way: the next retention
    /// pass finishes it.
    pub async fn delete_user(&self, service_id: &ServiceId, user_id: &str) -> AppResult<()> {
        let user = self.user(service_id, user_id).await?;
        let tombstone = Event::new(
            service_id,
            Some(user_id),
            "user.deleted",
            self.now(),
            None,
            json!({"id": user.id}),
        );
        let Some(erasure) = self.store.delete_user(&user, &tombstone).await? else {
            return Err(AppError::NotFound(Missing::User));
        };
        if let Err(e) = crate::erasure::erase(self.store.as_ref(), &erasure).await {
            tracing::warn!(error = %e, "erasing a deleted user's events failed; the retention pass will finish it");
        }
        Ok(())
    }

    /// A user's security events, newest first: `limit` (1–200) of them,
    /// older than the event `before` if given.
    pub async fn user_events(
        &self,
        service_id: &ServiceId,
        user_id: &str,
        limit: u32,
        before: Option<&str>,
    ) -> AppResult<Vec<Event>> {
        if before.is_some_and(|b| !is_id_of("evt", b)) {
            return Err(AppError::field("before", "expected an event id (evt_…)"));
        }
        if !(1..=200).contains(&limit) {
            return Err(AppError::field("limit", "expected 1 to 200"));
        }
        self.user(service_id, user_id).await?;
        Ok(self
            .store
            .events(service_id, user_id, limit, before)
            .await?)
    }
}

/// `contact.verified` events for the contacts the integrator vouched for
/// (`by: integrator`, unlike a code passed, which records
/// `challenge.method_verified`).
fn vouched_events(
    service_id: &ServiceId,
    user: &User,
    vouched: &[ContactField],
    now: Timestamp,
    ip: Option<&str>,
) -> Vec<Event> {
    vouched
        .iter()
        .map(|field| {
            let to = match field {
                ContactField::Email => user.email.as_deref().map(mask_email),
                ContactField::Phone => user.phone.as_deref().map(mask_phone),
            };
            Event::new(
                service_id,
                Some(&user.user_id),
                "contact.verified",
                now,
                ip,
                json!({"field": field.as_str(), "to": to, "by": "integrator"}),
            )
        })
        .collect()
}

fn contact_events(
    service_id: &ServiceId,
    user_id: &str,
    changes: &[ContactChange],
    now: Timestamp,
) -> Vec<Event> {
    changes
        .iter()
        .map(|c| {
            let (field, from, to) = match c {
                ContactChange::Email { from, to } => (
                    "email",
                    from.as_deref().map(mask_email),
                    to.as_deref().map(mask_email),
                ),
                ContactChange::Phone { from, to } => (
                    "phone",
                    from.as_deref().map(mask_phone),
                    to.as_deref().map(mask_phone),
                ),
            };
            Event::new(
                service_id,
                Some(user_id),
                "contact.changed",
                now,
                None,
                json!({"field": field, "from": from, "to": to}),
            )
        })
        .collect()
}
