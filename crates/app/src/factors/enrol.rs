//! Enrolling a factor: a new authenticator (TOTP, seed shown once), an
//! imported hardware token (HOTP or TOTP with its seed), a passkey or
//! security key (pending until the browser's answer), or a trusted device
//! (its Ed25519 public key; it activates by signing a challenge). Recovery
//! codes are in [`super::recovery`].

use countersign_core::device::DeviceParams;
use countersign_core::factor::{Factor, FactorType, WebauthnKind, WebauthnParams};
use countersign_core::ids::{is_printable, NOT_PRINTABLE};
use countersign_core::otp::{
    base32_encode, new_seed, otpauth_uri, parse_seed, OtpAlgorithm, OtpKind, OtpParams,
    OtpSettingError,
};
use countersign_core::service::Service;
use countersign_core::user::User;
use countersign_store::StoreError;
use serde::Deserialize;
use utoipa::ToSchema;
use zeroize::Zeroizing;

use super::factor_event;
use crate::views::EnrolmentView;
use crate::{App, AppError, AppResult};

/// One body for every factor type; fields that do not apply to the type
/// are refused rather than ignored.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Enrolment {
    /// `totp`, `hotp`, `recovery_codes`, `webauthn` or `device`.
    #[serde(rename = "type")]
    #[schema(value_type = FactorType)]
    pub factor_type: String,
    pub label: Option<String>,
    /// 6 or 8 (totp, hotp).
    pub digits: Option<u32>,
    /// 30 or 60 seconds (totp).
    pub period: Option<u32>,
    pub algorithm: Option<OtpAlgorithm>,
    /// Base32 seed of a hardware token being imported (required for hotp,
    /// optional for totp; without it Countersign makes one).
    pub secret: Option<String>,
    /// The token's next counter (hotp import).
    pub counter: Option<u64>,
    /// `passkey` or `security_key` (webauthn).
    pub kind: Option<String>,
    /// Base64url Ed25519 public key (device).
    pub public_key: Option<String>,
}

impl Enrolment {
    /// Refuses each named field that is present: it does not apply to `kind`.
    fn refuse(&self, fields: &[&str], kind: &str) -> AppResult<()> {
        for &field in fields {
            let present = match field {
                "label" => self.label.is_some(),
                "digits" => self.digits.is_some(),
                "period" => self.period.is_some(),
                "algorithm" => self.algorithm.is_some(),
                "secret" => self.secret.is_some(),
                "counter" => self.counter.is_some(),
                "kind" => self.kind.is_some(),
                "public_key" => self.public_key.is_some(),
                _ => false,
            };
            if present {
                return Err(AppError::field(
                    field,
                    format!("does not apply to {kind} factors"),
                ));
            }
        }
        Ok(())
    }
}

/// The OATH token fields, which only TOTP and HOTP factors have.
const OATH_FIELDS: [&str; 5] = ["digits", "period", "algorithm", "secret", "counter"];

fn check_label(label: &Option<String>) -> AppResult<()> {
    match label {
        Some(l) if l.chars().count() > 64 || l.trim().is_empty() => {
            Err(AppError::field("label", "1–64 characters"))
        }
        Some(l) if !is_printable(l) => Err(AppError::field("label", NOT_PRINTABLE)),
        _ => Ok(()),
    }
}

fn setting_error(e: OtpSettingError) -> AppError {
    AppError::field(e.field(), &e)
}

impl App {
    /// Enrols a factor of any type for the user `user_id`.
    pub async fn enrol(
        &self,
        service: &Service,
        user_id: &str,
        body: Enrolment,
        ip: Option<&str>,
    ) -> AppResult<EnrolmentView> {
        let kind = FactorType::parse(&body.factor_type).ok_or_else(|| {
            AppError::field(
                "type",
                "expected totp, hotp, recovery_codes, webauthn or device",
            )
        })?;
        if kind != FactorType::Webauthn {
            body.refuse(&["kind"], kind.as_str())?;
        }
        if kind != FactorType::Device {
            body.refuse(&["public_key"], kind.as_str())?;
        }
        check_label(&body.label)?;
        let user = self.user(&service.id, user_id).await?;
        match kind {
            FactorType::Webauthn => {
                body.refuse(&OATH_FIELDS, "webauthn")?;
                let webauthn_kind = match body.kind.as_deref() {
                    Some("passkey") => WebauthnKind::Passkey,
                    Some("security_key") => WebauthnKind::SecurityKey,
                    _ => return Err(AppError::field("kind", "expected passkey or security_key")),
                };
                let (factor, options) = self
                    .start_webauthn(service, &user, webauthn_kind, body.label)
                    .await?;
                Ok(EnrolmentView {
                    options: Some(options),
                    ..EnrolmentView::of(&factor)
                })
            }
            FactorType::Device => self.enrol_device(service, &user, body).await,
            FactorType::RecoveryCodes => {
                body.refuse(&["label"], "recovery_codes")?;
                body.refuse(&OATH_FIELDS, "recovery_codes")?;
                let (factor, codes) = self.replace_recovery_codes(service, &user, ip).await?;
                Ok(EnrolmentView {
                    codes: Some(codes),
                    ..EnrolmentView::of(&factor)
                })
            }
            FactorType::Totp | FactorType::Hotp => {
                self.enrol_oath(service, &user, kind, body).await
            }
        }
    }

    async fn enrol_device(
        &self,
        service: &Service,
        user: &User,
        body: Enrolment,
    ) -> AppResult<EnrolmentView> {
        body.refuse(&OATH_FIELDS, "device")?;
        if body.label.is_none() {
            return Err(AppError::field(
                "label",
                "required: how the user will recognise this device",
            ));
        }
        let device = body
            .public_key
            .as_deref()
            .and_then(DeviceParams::enrol)
            .ok_or_else(|| {
                AppError::field(
                    "public_key",
                    "expected the base64url of a 32-byte Ed25519 public key",
                )
            })?;
        let factor = Factor::new_device(user, body.label, device, self.now());
        let event = factor_event(service, user, "factor.added", &factor, self.now());
        self.store
            .insert_factor(&factor, &[], &[event], None)
            .await?;
        Ok(EnrolmentView {
            activation_challenge: factor
                .device
                .as_ref()
                .map(|d| d.activation_challenge.clone()),
            ..EnrolmentView::of(&factor)
        })
    }

    async fn enrol_oath(
        &self,
        service: &Service,
        user: &User,
        kind: FactorType,
        body: Enrolment,
    ) -> AppResult<EnrolmentView> {
        if kind == FactorType::Totp {
            body.refuse(&["counter"], "totp")?;
        } else {
            body.refuse(&["period"], "hotp")?;
            if body.secret.is_none() {
                return Err(AppError::field(
                    "secret",
                    "required: the base32 seed of the token being imported",
                ));
            }
        }
        let params =
            OtpParams::new(body.algorithm, body.digits, body.period).map_err(setting_error)?;
        let imported = body
            .secret
            .as_deref()
            .map(|s| parse_seed(s).map(Zeroizing::new))
            .transpose()
            .map_err(setting_error)?;
        let counter = body.counter.unwrap_or(0);
        if counter > 1 << 52 {
            return Err(AppError::field("counter", "at most 2^52"));
        }
        let token = OathToken {
            kind,
            label: body.label,
            params,
            counter,
            generated: imported.is_none(),
            seed: imported.unwrap_or_else(|| Zeroizing::new(new_seed(params.algorithm))),
        };
        self.insert_oath_factor(service, user, token).await
    }

    /// A new authenticator app with a seed Countersign makes (the security
    /// center's "add an authenticator app").
    pub async fn enrol_authenticator_app(
        &self,
        service: &Service,
        user: &User,
    ) -> AppResult<EnrolmentView> {
        let params = OtpParams::default();
        let token = OathToken {
            kind: FactorType::Totp,
            label: None,
            params,
            counter: 0,
            generated: true,
            seed: Zeroizing::new(new_seed(params.algorithm)),
        };
        self.insert_oath_factor(service, user, token).await
    }

    /// Stores a pending TOTP or HOTP factor. A seed Countersign made is
    /// returned this once, for the user's app, as base32, an otpauth URI and
    /// a QR code; an imported one is already on its token and is not echoed
    /// back.
    async fn insert_oath_factor(
        &self,
        service: &Service,
        user: &User,
        token: OathToken,
    ) -> AppResult<EnrolmentView> {
        let keys = self.keys.ring();
        let now = self.now();
        let seed = &token.seed;
        let factor = Factor::new_otp(
            user,
            token.kind,
            token.label,
            token.params,
            token.counter,
            seed,
            |id| keys.seal(seed, id),
            now,
        );
        let event = factor_event(service, user, "factor.added", &factor, now);
        match self.store.insert_factor(&factor, &[], &[event], None).await {
            Err(StoreError::Conflict) => return Err(AppError::FactorExists),
            other => other?,
        }
        if !token.generated {
            return Ok(EnrolmentView::of(&factor));
        }
        let account = user
            .email
            .clone()
            .or_else(|| user.display_name.clone())
            .unwrap_or_else(|| user.user_id.to_string());
        let uri = otpauth_uri(OtpKind::Totp, seed, &service.name, &account, &token.params);
        Ok(EnrolmentView {
            secret: Some(base32_encode(seed)),
            qr_svg: Some(qr_svg(&uri)?),
            otpauth_uri: Some(uri),
            ..EnrolmentView::of(&factor)
        })
    }

    /// Starts registering a passkey or security key: a pending factor, and
    /// the options for the browser's `navigator.credentials.create()`.
    pub async fn start_webauthn(
        &self,
        service: &Service,
        user: &User,
        kind: WebauthnKind,
        label: Option<String>,
    ) -> AppResult<(Factor, serde_json::Value)> {
        let rp = self.relying_party()?;
        let existing = self.store.factors(&user.id).await?;
        let ceremony = rp.start_registration(kind, user, &existing)?;
        let factor = Factor::new_webauthn(
            user,
            label,
            WebauthnParams {
                kind,
                registration: Some(ceremony.state),
                credential: None,
                credential_id: None,
                transports: Vec::new(),
                backed_up: false,
            },
            self.now(),
        );
        let event = factor_event(service, user, "factor.added", &factor, self.now());
        self.store
            .insert_factor(&factor, &[], &[event], None)
            .await?;
        Ok((factor, ceremony.options))
    }
}

/// An OATH token being enrolled.
struct OathToken {
    kind: FactorType,
    label: Option<String>,
    params: OtpParams,
    counter: u64,
    seed: Zeroizing<Vec<u8>>,
    /// Made by Countersign (shown once), rather than imported.
    generated: bool,
}

fn qr_svg(uri: &str) -> AppResult<String> {
    let code = qrcode::QrCode::with_error_correction_level(uri, qrcode::EcLevel::M)
        .map_err(|_| AppError::Internal)?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}
