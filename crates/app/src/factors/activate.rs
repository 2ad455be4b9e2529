//! Activating a pending factor with its first proof: a code from the app or
//! token (the seed was set up right), the browser's answer for a passkey or
//! security key, or a device's signature over its activation challenge. A
//! new way in is a security change (hold and notices).

use countersign_core::factor::{Factor, FactorStatus};
use countersign_core::notice::SecurityChange;
use countersign_core::service::Service;
use countersign_core::user::User;
use serde::Deserialize;
use utoipa::ToSchema;

use super::factor_event;
use crate::security_change::SecurityChanged;
use crate::users::refuse_if_locked;
use crate::views::FactorView;
use crate::{App, AppError, AppResult};

/// `code` for TOTP and HOTP; `signature` (base64url Ed25519 over the
/// activation challenge's bytes) for a device; `credential` for WebAuthn.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Activation {
    pub code: Option<String>,
    pub signature: Option<String>,
    /// The browser's PublicKeyCredential as JSON (webauthn).
    #[schema(value_type = Option<Object>)]
    pub credential: Option<serde_json::Value>,
}

fn not_for(field: &str, present: bool, kind: &str) -> AppResult<()> {
    if present {
        Err(AppError::field(
            field,
            format!("does not apply to {kind} factors"),
        ))
    } else {
        Ok(())
    }
}

impl App {
    /// Activates a pending factor with its proof.
    pub async fn activate(
        &self,
        service: &Service,
        user: &User,
        factor: Factor,
        proof: Activation,
        ip: Option<&str>,
    ) -> AppResult<FactorView> {
        let added = SecurityChange::FactorAdded {
            factor: factor.kind,
        };
        let changed = self.security_changed(service, user, user, &[added], ip);
        let now = self.now();
        refuse_if_locked(user, now)?;
        if factor.status == FactorStatus::Active {
            return Err(AppError::FactorActive);
        }
        if factor.activation_expired(now) {
            return Err(AppError::EnrolmentExpired);
        }
        if factor.webauthn.is_some() {
            return self
                .activate_webauthn(service, user, factor, proof, &changed)
                .await;
        }
        if factor.device.is_some() {
            return self
                .activate_device(service, user, factor, proof, &changed)
                .await;
        }
        not_for("signature", proof.signature.is_some(), factor.kind.as_str())?;
        let code = proof
            .code
            .ok_or_else(|| AppError::field("code", "required for totp and hotp"))?;
        let seed = self.open_seed(&factor)?;
        let matched = (code.len() <= 64)
            .then(|| factor.match_code(&seed, &code, now))
            .flatten();
        self.advance(
            service,
            user,
            factor,
            matched,
            ("factor.activated", "factor.activation_failed"),
            Some(&changed),
        )
        .await
    }

    async fn activate_webauthn(
        &self,
        service: &Service,
        user: &User,
        factor: Factor,
        proof: Activation,
        changed: &SecurityChanged,
    ) -> AppResult<FactorView> {
        not_for("code", proof.code.is_some(), "webauthn")?;
        not_for("signature", proof.signature.is_some(), "webauthn")?;
        let credential = proof.credential.ok_or_else(|| {
            AppError::field(
                "credential",
                "required: the browser's PublicKeyCredential as JSON",
            )
        })?;
        let Some(webauthn) = &factor.webauthn else {
            return Err(AppError::Internal);
        };
        let registration = webauthn.registration.clone().unwrap_or_default();
        let params =
            self.relying_party()?
                .finish_registration(webauthn.kind, &registration, &credential)?;
        let now = self.now();
        let mut active = factor.clone();
        active.webauthn = Some(params);
        let event = factor_event(service, user, "factor.activated", &factor, now);
        let done = self
            .store
            .complete_registration(&active, now, &changed.after(event), Some(&changed.write))
            .await?;
        self.activated(active, done, changed)
    }

    /// The factor, active since now, once its activation was written
    /// (`done`); the security change's notices go out.
    fn activated(
        &self,
        mut factor: Factor,
        done: bool,
        changed: &SecurityChanged,
    ) -> AppResult<FactorView> {
        if !done {
            return Err(AppError::FactorActive);
        }
        self.security_written(changed);
        factor.status = FactorStatus::Active;
        factor.last_used_at = Some(self.now());
        Ok(FactorView::from(&factor))
    }

    async fn activate_device(
        &self,
        service: &Service,
        user: &User,
        factor: Factor,
        proof: Activation,
        changed: &SecurityChanged,
    ) -> AppResult<FactorView> {
        not_for("code", proof.code.is_some(), "device")?;
        let signature = proof
            .signature
            .ok_or_else(|| AppError::field("signature", "required for a device"))?;
        let signed = factor
            .device
            .as_ref()
            .is_some_and(|d| d.activation_signed(&signature));
        if !signed {
            return Err(AppError::WrongActivationSignature);
        }
        let now = self.now();
        let event = factor_event(service, user, "factor.activated", &factor, now);
        let done = self
            .store
            .advance_factor(&factor, 1, now, &changed.after(event), Some(&changed.write))
            .await?;
        self.activated(factor, done, changed)
    }
}
