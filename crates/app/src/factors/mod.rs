//! Factors: the ways a user proves it is them besides codes that are sent.
//! One file per use case: [`enrol`] (authenticator apps, hardware tokens,
//! passkeys and security keys, trusted devices), [`recovery`] (a new set of
//! recovery codes), [`activate`] (the first proof), [`resync`] (a drifted
//! HOTP token), [`remove`].

pub mod activate;
pub mod enrol;
pub mod recovery;
pub mod remove;
pub mod resync;

use countersign_core::event::Event;
use countersign_core::factor::{Factor, FactorStatus};
use countersign_core::ids::{is_id_of, ServiceId};
use countersign_core::keyring::key_id_of;
use countersign_core::service::Service;
use countersign_core::user::User;
use countersign_core::Timestamp;
use countersign_store::Saved;
use serde_json::json;
use zeroize::Zeroizing;

use crate::security_change::SecurityChanged;
use crate::users::locked_event;
use crate::views::FactorView;
use crate::{App, AppError, AppResult, Missing};

/// An event about one of a user's factors.
pub(crate) fn factor_event(
    service: &Service,
    user: &User,
    kind: &str,
    f: &Factor,
    now: Timestamp,
) -> Event {
    Event::new(
        &service.id,
        Some(&user.user_id),
        kind,
        now,
        None,
        json!({"factor_id": f.id, "factor_type": f.kind.as_str()}),
    )
}

impl App {
    /// A user's factors, oldest first.
    pub async fn factors(
        &self,
        service_id: &ServiceId,
        user_id: &str,
    ) -> AppResult<Vec<FactorView>> {
        let user = self.user(service_id, user_id).await?;
        let factors = self.store.factors(&user.id).await?;
        Ok(factors.iter().map(FactorView::from).collect())
    }

    /// A user and one of their factors, by the integrator's user id.
    pub async fn user_factor(
        &self,
        service_id: &ServiceId,
        user_id: &str,
        factor_id: &str,
    ) -> AppResult<(User, Factor)> {
        let user = self.user(service_id, user_id).await?;
        let factor = self.own_factor(&user, factor_id).await?;
        Ok((user, factor))
    }

    /// One of the user's factors, by id.
    pub async fn own_factor(&self, user: &User, factor_id: &str) -> AppResult<Factor> {
        if !is_id_of("fac", factor_id) {
            return Err(AppError::NotFound(Missing::Factor));
        }
        self.store
            .factors(&user.id)
            .await?
            .into_iter()
            .find(|f| f.id == factor_id)
            .ok_or(AppError::NotFound(Missing::Factor))
    }

    /// The opened seed of an OATH factor, re-reading the key file first if
    /// the seed was sealed under a key this process has not seen yet.
    pub(crate) fn open_seed(&self, factor: &Factor) -> AppResult<Zeroizing<Vec<u8>>> {
        let sealed = factor.sealed_secret.as_deref().ok_or(AppError::Internal)?;
        Ok(self
            .keys
            .ring_knowing(key_id_of(sealed))
            .open(sealed, &factor.id)?)
    }

    /// A wrong code outside a challenge still counts towards the user's
    /// lockout, so activation and resync cannot be used to guess codes.
    async fn wrong_code(
        &self,
        service: &Service,
        user: &User,
        factor: &Factor,
        kind: &str,
    ) -> AppError {
        let now = self.now();
        let event = factor_event(service, user, kind, factor, now);
        match self
            .store
            .record_failure(
                user,
                service.settings.lockout,
                now,
                &[event],
                &locked_event(&service.id, &user.user_id, None, now),
            )
            .await
        {
            Ok(Saved::Done {
                locked_until: Some(until),
            }) => AppError::Locked { now, until },
            Ok(Saved::UserLocked) => AppError::Locked {
                now,
                until: user.locked_until.unwrap_or(now),
            },
            Ok(_) => AppError::WrongCode {
                attempts_left: None,
            },
            Err(e) => e.into(),
        }
    }

    /// Moves a factor forward after a right code (`matched`), or counts a
    /// wrong one: `done` and `failed` name the events.
    async fn advance(
        &self,
        service: &Service,
        user: &User,
        mut factor: Factor,
        matched: Option<u64>,
        (done, failed): (&str, &str),
        security: Option<&SecurityChanged>,
    ) -> AppResult<FactorView> {
        let now = self.now();
        let Some(moving) = matched else {
            return Err(self.wrong_code(service, user, &factor, failed).await);
        };
        let event = factor_event(service, user, done, &factor, now);
        let events = match security {
            Some(changed) => changed.after(event),
            None => vec![event],
        };
        if !self
            .store
            .advance_factor(&factor, moving, now, &events, security.map(|c| &c.write))
            .await?
        {
            // A racing request used this code (or activated the factor) first.
            return Err(self.wrong_code(service, user, &factor, failed).await);
        }
        if let Some(changed) = security {
            self.security_written(changed);
        }
        factor.status = FactorStatus::Active;
        factor.moving_factor = moving;
        factor.last_used_at = Some(now);
        Ok(FactorView::from(&factor))
    }
}
