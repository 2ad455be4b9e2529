//! `/v1/users/{user_id}/factors`: enrol an authenticator app or a hardware
//! OATH token, activate it with its first code, resynchronise a drifted HOTP
//! token, replace recovery codes, list and remove factors.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_core::device::DeviceParams;
use countersign_core::event::Event;
use countersign_core::factor::{
    new_recovery_codes, normalize_recovery_code, recovery_code_hash, Factor, FactorStatus,
    FactorType, WebauthnKind, WebauthnParams,
};
use countersign_core::ids::{is_id_of, is_printable};
use countersign_core::keyring::key_id_of;
use countersign_core::notice::SecurityChange;
use countersign_core::otp::{
    base32_encode, new_seed, otpauth_uri, parse_seed, OtpAlgorithm, OtpKind, OtpParams,
    OtpSettingError,
};
use countersign_core::service::Service;
use countersign_core::user::User;
use countersign_core::Timestamp;
use countersign_store::{Saved, StoreError};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use zeroize::Zeroizing;

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, EndUserIp, ServiceAuth};
use crate::routes::users::{find_user, refuse_if_locked, security_changed, SecurityChanged};
use crate::state::AppState;
use crate::views::{EnrolmentView, FactorView};
use crate::webauthn::CeremonyError;

/// One body for every factor type; fields that do not apply to the type are
/// refused rather than ignored.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateFactor {
    /// `totp`, `hotp`, `recovery_codes` or `device`.
    #[serde(rename = "type")]
    factor_type: String,
    label: Option<String>,
    /// 6 or 8 (totp, hotp).
    digits: Option<u32>,
    /// 30 or 60 seconds (totp).
    period: Option<u32>,
    algorithm: Option<OtpAlgorithm>,
    /// Base32 seed of a hardware token being imported (required for hotp,
    /// optional for totp; without it Countersign makes one).
    secret: Option<String>,
    /// The token's next counter (hotp import).
    counter: Option<u64>,
    /// `passkey` or `security_key` (webauthn).
    kind: Option<String>,
    /// Base64url Ed25519 public key (device).
    public_key: Option<String>,
}

/// `code` for TOTP and HOTP; `signature` (base64url Ed25519 over the
/// activation challenge's bytes) for a device.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivateFactor {
    pub(crate) code: Option<String>,
    pub(crate) signature: Option<String>,
    /// The browser's PublicKeyCredential as JSON (webauthn).
    #[schema(value_type = Option<Object>)]
    pub(crate) credential: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResyncFactor {
    /// Two consecutive codes from the token.
    codes: Vec<String>,
}

fn field_error(field: &str, detail: &str) -> ApiError {
    ApiError::invalid_request(format!("{field}: {detail}")).with("field", field)
}

fn refuse(field: &str, present: bool, kind: &str) -> ApiResult<()> {
    if present {
        Err(field_error(
            field,
            &format!("does not apply to {kind} factors"),
        ))
    } else {
        Ok(())
    }
}

/// Refuses the OATH token fields for factors that have none.
fn refuse_oath_fields(body: &CreateFactor, kind: &str) -> ApiResult<()> {
    for (field, present) in [
        ("digits", body.digits.is_some()),
        ("period", body.period.is_some()),
        ("algorithm", body.algorithm.is_some()),
        ("secret", body.secret.is_some()),
        ("counter", body.counter.is_some()),
    ] {
        refuse(field, present, kind)?;
    }
    Ok(())
}

fn check_label(label: &Option<String>) -> ApiResult<()> {
    match label {
        Some(l) if l.chars().count() > 64 || l.trim().is_empty() => {
            Err(field_error("label", "1–64 characters"))
        }
        Some(l) if !is_printable(l) => {
            Err(field_error("label", "control characters are not allowed"))
        }
        _ => Ok(()),
    }
}

fn factor_active() -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        "factor_active",
        "Already active",
        "this factor is already active",
    )
}

/// A failed WebAuthn ceremony, as the contract names it.
pub(crate) fn ceremony_error(e: CeremonyError) -> ApiError {
    match e {
        CeremonyError::Untrusted(why) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "attestation_refused",
            "Authenticator not accepted",
            why,
        ),
        CeremonyError::Refused(why) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_credential",
            "Credential refused",
            why,
        ),
        CeremonyError::PossibleClone => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_credential",
            "Credential refused",
            "the authenticator's signature counter went backwards (a cloned key?)",
        ),
        CeremonyError::Internal(why) => {
            tracing::error!(%why, "WebAuthn");
            ApiError::internal()
        }
    }
}

fn setting_error(e: OtpSettingError) -> ApiError {
    field_error(e.field(), &e.to_string())
}

fn factor_event(service: &Service, user: &User, kind: &str, f: &Factor, now: Timestamp) -> Event {
    Event::new(
        &service.id,
        Some(&user.user_id),
        kind,
        now,
        None,
        json!({"factor_id": f.id, "factor_type": f.kind.as_str()}),
    )
}

/// Enrols a factor: a new authenticator (TOTP, seed shown once), an imported
/// hardware token (HOTP or TOTP with its seed), a new set of recovery codes,
/// or a trusted device (its Ed25519 public key; it activates by signing the
/// returned `activation_challenge`).
#[utoipa::path(post, path = "/v1/users/{user_id}/factors", tag = "factors",
    params(("user_id" = String, Path)),
    request_body = CreateFactor,
    responses((status = 201, body = EnrolmentView),
              (status = 400, description = "invalid_request (the field is named)"),
              (status = 404, description = "not_found"),
              (status = 422, description = "invalid_credential, attestation_refused (webauthn)"),
              (status = 503, description = "webauthn_unconfigured")),
    security(("api_key" = [])))]
pub async fn create_factor(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
    EndUserIp(ip): EndUserIp,
    ApiJson(body): ApiJson<CreateFactor>,
) -> ApiResult<(StatusCode, Json<EnrolmentView>)> {
    let kind = match FactorType::parse(&body.factor_type) {
        Some(k) => k,
        None => {
            return Err(field_error(
                "type",
                "expected totp, hotp, recovery_codes, webauthn or device",
            ))
        }
    };
    if kind != FactorType::Webauthn {
        refuse("kind", body.kind.is_some(), kind.as_str())?;
    }
    if kind != FactorType::Device {
        refuse("public_key", body.public_key.is_some(), kind.as_str())?;
    }
    check_label(&body.label)?;
    let user = find_user(&state, &service.id, &user_id).await?;
    let now = state.now();
    if kind == FactorType::Webauthn {
        refuse_oath_fields(&body, "webauthn")?;
        let webauthn_kind = match body.kind.as_deref() {
            Some("passkey") => WebauthnKind::Passkey,
            Some("security_key") => WebauthnKind::SecurityKey,
            _ => return Err(field_error("kind", "expected passkey or security_key")),
        };
        let (factor, options) =
            start_webauthn(&state, &service, &user, webauthn_kind, body.label).await?;
        return Ok((
            StatusCode::CREATED,
            Json(EnrolmentView {
                options: Some(options),
                ..EnrolmentView::of(&factor)
            }),
        ));
    }
    if kind == FactorType::Device {
        refuse_oath_fields(&body, "device")?;
        if body.label.is_none() {
            return Err(field_error(
                "label",
                "required: how the user will recognise this device",
            ));
        }
        let device = body
            .public_key
            .as_deref()
            .and_then(DeviceParams::enrol)
            .ok_or_else(|| {
                field_error(
                    "public_key",
                    "expected the base64url of a 32-byte Ed25519 public key",
                )
            })?;
        let factor = Factor::new_device(&user, body.label, device, now);
        let event = factor_event(&service, &user, "factor.added", &factor, now);
        state
            .store
            .insert_factor(&factor, &[], &[event], None)
            .await?;
        return Ok((
            StatusCode::CREATED,
            Json(EnrolmentView {
                activation_challenge: factor
                    .device
                    .as_ref()
                    .map(|d| d.activation_challenge.clone()),
                ..EnrolmentView::of(&factor)
            }),
        ));
    }
    if kind == FactorType::RecoveryCodes {
        for (field, present) in [
            ("label", body.label.is_some()),
            ("digits", body.digits.is_some()),
            ("period", body.period.is_some()),
            ("algorithm", body.algorithm.is_some()),
            ("secret", body.secret.is_some()),
            ("counter", body.counter.is_some()),
        ] {
            refuse(field, present, "recovery_codes")?;
        }
        let (factor, codes) =
            replace_recovery_codes(&state, &service, &user, ip.as_deref()).await?;
        return Ok((
            StatusCode::CREATED,
            Json(EnrolmentView {
                codes: Some(codes),
                ..EnrolmentView::of(&factor)
            }),
        ));
    }
    if kind == FactorType::Totp {
        refuse("counter", body.counter.is_some(), "totp")?;
    } else {
        refuse("period", body.period.is_some(), "hotp")?;
        if body.secret.is_none() {
            return Err(field_error(
                "secret",
                "required: the base32 seed of the token being imported",
            ));
        }
    }
    let params = OtpParams::new(body.algorithm, body.digits, body.period).map_err(setting_error)?;
    let imported = body
        .secret
        .as_deref()
        .map(|s| parse_seed(s).map(Zeroizing::new))
        .transpose()
        .map_err(setting_error)?;
    let generated = imported.is_none();
    let seed = imported.unwrap_or_else(|| Zeroizing::new(new_seed(params.algorithm)));
    let counter = body.counter.unwrap_or(0);
    if counter > 1 << 52 {
        return Err(field_error("counter", "at most 2^52"));
    }
    let view = insert_otp_factor(
        &state, &service, &user, kind, body.label, params, counter, seed, generated,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// Starts registering a passkey or security key: a pending factor, and the
/// options for the browser's `navigator.credentials.create()`.
pub(crate) async fn start_webauthn(
    state: &AppState,
    service: &Service,
    user: &User,
    kind: WebauthnKind,
    label: Option<String>,
) -> ApiResult<(Factor, serde_json::Value)> {
    let rp = state.relying_party()?;
    let existing = state.store.factors(&user.id).await?;
    let ceremony = rp
        .start_registration(kind, user, &existing)
        .map_err(ceremony_error)?;
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
        state.now(),
    );
    let event = factor_event(service, user, "factor.added", &factor, state.now());
    state
        .store
        .insert_factor(&factor, &[], &[event], None)
        .await?;
    Ok((factor, ceremony.options))
}

/// A new set of recovery codes, replacing any earlier set (a security
/// change when there was one): the factor and the codes, to show once.
pub(crate) async fn replace_recovery_codes(
    state: &AppState,
    service: &Service,
    user: &User,
    ip: Option<&str>,
) -> ApiResult<(Factor, Vec<String>)> {
    let factor = Factor::new_recovery_codes(user, state.now());
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes
        .iter()
        .filter_map(|c| normalize_recovery_code(c))
        .map(|c| recovery_code_hash(&factor.id, &c))
        .collect();
    let event = factor_event(service, user, "factor.added", &factor, state.now());
    let replaced = state
        .store
        .factors(&user.id)
        .await?
        .iter()
        .any(|f| f.kind == FactorType::RecoveryCodes);
    // A first set is a new way in (it meets `security_change`'s first
    // group) as much as a replaced one: both are security changes.
    let change = if replaced {
        SecurityChange::RecoveryCodesRegenerated
    } else {
        SecurityChange::FactorAdded {
            factor: FactorType::RecoveryCodes,
        }
    };
    let changed = security_changed(state, service, user, user, &[change], ip);
    state
        .store
        .insert_factor(
            &factor,
            &hashes,
            &changed.after(event),
            Some(&changed.write),
        )
        .await?;
    changed.written(state);
    Ok((factor, codes))
}

/// Stores a pending TOTP or HOTP factor. A seed Countersign made
/// (`generated`) is returned this once, for the user's app, as base32, an
/// otpauth URI and a QR code; an imported one is already on its token and
/// is not echoed back.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert_otp_factor(
    state: &AppState,
    service: &Service,
    user: &User,
    kind: FactorType,
    label: Option<String>,
    params: OtpParams,
    counter: u64,
    seed: Zeroizing<Vec<u8>>,
    generated: bool,
) -> ApiResult<EnrolmentView> {
    let keys = state.keys.ring();
    let now = state.now();
    let factor = Factor::new_otp(
        user,
        kind,
        label,
        params,
        counter,
        &seed,
        |id| keys.seal(&seed, id),
        now,
    );
    let event = factor_event(service, user, "factor.added", &factor, now);
    match state
        .store
        .insert_factor(&factor, &[], &[event], None)
        .await
    {
        Err(StoreError::Conflict) => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "factor_exists",
                "Token already enrolled",
                "a token with this seed is already enrolled in this service; one seed, one factor",
            ))
        }
        other => other?,
    }
    let (secret, uri, qr) = if generated {
        let account = user
            .email
            .clone()
            .or_else(|| user.display_name.clone())
            .unwrap_or_else(|| user.user_id.clone());
        let uri = otpauth_uri(OtpKind::Totp, &seed, &service.name, &account, &params);
        let qr = qr_svg(&uri)?;
        (Some(base32_encode(&seed)), Some(uri), Some(qr))
    } else {
        (None, None, None)
    };
    Ok(EnrolmentView {
        secret,
        otpauth_uri: uri,
        qr_svg: qr,
        ..EnrolmentView::of(&factor)
    })
}

fn qr_svg(uri: &str) -> ApiResult<String> {
    let code = qrcode::QrCode::with_error_correction_level(uri, qrcode::EcLevel::M)
        .map_err(|_| ApiError::internal())?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

#[utoipa::path(get, path = "/v1/users/{user_id}/factors", tag = "factors",
    params(("user_id" = String, Path)),
    responses((status = 200, body = Vec<FactorView>), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn list_factors(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
) -> ApiResult<Json<Vec<FactorView>>> {
    let user = find_user(&state, &service.id, &user_id).await?;
    let factors = state.store.factors(&user.id).await?;
    Ok(Json(factors.iter().map(FactorView::from).collect()))
}

async fn find_factor(
    state: &AppState,
    service: &Service,
    user_id: &str,
    factor_id: &str,
) -> ApiResult<(User, Factor)> {
    let user = find_user(state, &service.id, user_id).await?;
    if !is_id_of("fac", factor_id) {
        return Err(ApiError::not_found("factor"));
    }
    let factor = state
        .store
        .factors(&user.id)
        .await?
        .into_iter()
        .find(|f| f.id == factor_id)
        .ok_or_else(|| ApiError::not_found("factor"))?;
    Ok((user, factor))
}

/// The opened seed of an OATH factor, re-reading the key file first if the
/// seed was sealed under a key this process has not seen yet.
pub fn open_seed(state: &AppState, factor: &Factor) -> ApiResult<Zeroizing<Vec<u8>>> {
    let sealed = factor
        .sealed_secret
        .as_deref()
        .ok_or_else(ApiError::internal)?;
    state
        .keys
        .ring_knowing(key_id_of(sealed))
        .open(sealed, &factor.id)
        .map_err(ApiError::from)
}

/// A wrong code outside a challenge still counts towards the user's lockout,
/// so activation and resync cannot be used to guess codes.
async fn wrong_code(
    state: &AppState,
    service: &Service,
    user: &User,
    factor: &Factor,
    kind: &str,
) -> ApiError {
    let now = state.now();
    let event = factor_event(service, user, kind, factor, now);
    match state
        .store
        .record_failure(user, service.settings.lockout, now, &[event])
        .await
    {
        Ok(Saved::Done {
            locked_until: Some(until),
        }) => ApiError::locked(now, until),
        Ok(Saved::UserLocked) => ApiError::locked(now, user.locked_until.unwrap_or(now)),
        Ok(_) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_code",
            "Wrong code",
            "the code is not right",
        ),
        Err(e) => e.into(),
    }
}

/// Activates a pending TOTP or HOTP factor with a code from it, proving the
/// user's app or token was set up with the right seed.
#[utoipa::path(post, path = "/v1/users/{user_id}/factors/{factor_id}/activate", tag = "factors",
    params(("user_id" = String, Path), ("factor_id" = String, Path)),
    request_body = ActivateFactor,
    responses((status = 200, body = FactorView),
              (status = 404, description = "not_found"),
              (status = 409, description = "factor_active: already active"),
              (status = 410, description = "expired: pending for more than 24 hours; enrol again"),
              (status = 422, description = "invalid_code"),
              (status = 429, description = "locked")),
    security(("api_key" = [])))]
pub async fn activate_factor(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path((user_id, factor_id)): Path<(String, String)>,
    EndUserIp(ip): EndUserIp,
    ApiJson(body): ApiJson<ActivateFactor>,
) -> ApiResult<Json<FactorView>> {
    let (user, factor) = find_factor(&state, &service, &user_id, &factor_id).await?;
    activate(&state, &service, &user, factor, body, ip.as_deref())
        .await
        .map(Json)
}

/// Activates a pending factor with its proof (a code, a WebAuthn
/// credential, a device's signature); a security change.
pub(crate) async fn activate(
    state: &AppState,
    service: &Service,
    user: &User,
    factor: Factor,
    body: ActivateFactor,
    ip: Option<&str>,
) -> ApiResult<FactorView> {
    let added = SecurityChange::FactorAdded {
        factor: factor.kind,
    };
    let changed = security_changed(state, service, user, user, &[added], ip);
    let now = state.now();
    refuse_if_locked(user, now)?;
    if factor.status == FactorStatus::Active {
        return Err(factor_active());
    }
    if factor.activation_expired(now) {
        return Err(ApiError::new(
            StatusCode::GONE,
            "expired",
            "Enrolment expired",
            "this factor waited more than 24 hours for its first code; remove it and enrol again",
        ));
    }
    if let Some(webauthn) = &factor.webauthn {
        refuse("code", body.code.is_some(), "webauthn")?;
        refuse("signature", body.signature.is_some(), "webauthn")?;
        let credential = body.credential.ok_or_else(|| {
            field_error(
                "credential",
                "required: the browser's PublicKeyCredential as JSON",
            )
        })?;
        let registration = webauthn.registration.clone().unwrap_or_default();
        let params = state
            .relying_party()?
            .finish_registration(webauthn.kind, &registration, &credential)
            .map_err(ceremony_error)?;
        let mut active = factor.clone();
        active.webauthn = Some(params);
        let event = factor_event(service, user, "factor.activated", &factor, now);
        if !state
            .store
            .complete_registration(&active, now, &changed.after(event), Some(&changed.write))
            .await?
        {
            return Err(factor_active());
        }
        changed.written(state);
        active.status = FactorStatus::Active;
        active.last_used_at = Some(now);
        return Ok(FactorView::from(&active));
    }
    if let Some(device) = &factor.device {
        refuse("code", body.code.is_some(), "device")?;
        let signature = body
            .signature
            .ok_or_else(|| field_error("signature", "required for a device"))?;
        if !device.activation_signed(&signature) {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_signature",
                "Wrong signature",
                "the signature is not the device's over the activation challenge",
            ));
        }
        let event = factor_event(service, user, "factor.activated", &factor, now);
        if !state
            .store
            .advance_factor(&factor, 1, now, &changed.after(event), Some(&changed.write))
            .await?
        {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "factor_active",
                "Already active",
                "this factor is already active",
            ));
        }
        changed.written(state);
        let mut active = factor;
        active.status = FactorStatus::Active;
        active.last_used_at = Some(now);
        return Ok(FactorView::from(&active));
    }
    refuse("signature", body.signature.is_some(), factor.kind.as_str())?;
    let code = body
        .code
        .ok_or_else(|| field_error("code", "required for totp and hotp"))?;
    let seed = open_seed(state, &factor)?;
    let matched = (code.len() <= 64)
        .then(|| factor.match_code(&seed, &code, now))
        .flatten();
    let view = advance(
        state,
        service,
        user,
        factor,
        matched,
        ("factor.activated", "factor.activation_failed"),
        Some(&changed),
    )
    .await?;
    changed.written(state);
    Ok(view.0)
}

/// Moves a factor forward after a right code, or counts a wrong one.
async fn advance(
    state: &AppState,
    service: &Service,
    user: &User,
    mut factor: Factor,
    matched: Option<u64>,
    (done, failed): (&str, &str),
    security: Option<&SecurityChanged>,
) -> ApiResult<Json<FactorView>> {
    let now = state.now();
    let Some(moving) = matched else {
        return Err(wrong_code(state, service, user, &factor, failed).await);
    };
    let event = factor_event(service, user, done, &factor, now);
    let events = match security {
        Some(changed) => changed.after(event),
        None => vec![event],
    };
    if !state
        .store
        .advance_factor(&factor, moving, now, &events, security.map(|c| &c.write))
        .await?
    {
        // A racing request used this code (or activated the factor) first.
        return Err(wrong_code(state, service, user, &factor, failed).await);
    }
    factor.status = FactorStatus::Active;
    factor.moving_factor = moving;
    factor.last_used_at = Some(now);
    Ok(Json(FactorView::from(&factor)))
}

/// Resynchronises an HOTP token whose counter ran far ahead (button pressed
/// many times): two consecutive codes within the next 100.
#[utoipa::path(post, path = "/v1/users/{user_id}/factors/{factor_id}/resync", tag = "factors",
    params(("user_id" = String, Path), ("factor_id" = String, Path)),
    request_body = ResyncFactor,
    responses((status = 200, body = FactorView),
              (status = 400, description = "invalid_request"),
              (status = 404, description = "not_found"),
              (status = 422, description = "invalid_code, not_resyncable"),
              (status = 429, description = "locked")),
    security(("api_key" = [])))]
pub async fn resync_factor(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path((user_id, factor_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<ResyncFactor>,
) -> ApiResult<Json<FactorView>> {
    let [first, second] = body.codes.as_slice() else {
        return Err(field_error("codes", "expected two consecutive codes"));
    };
    let (user, factor) = find_factor(&state, &service, &user_id, &factor_id).await?;
    refuse_if_locked(&user, state.now())?;
    if factor.kind != FactorType::Hotp || factor.status != FactorStatus::Active {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_resyncable",
            "Cannot resynchronise",
            "only an active hotp factor can be resynchronised",
        ));
    }
    let seed = open_seed(&state, &factor)?;
    let matched = factor.match_resync(&seed, first, second);
    advance(
        &state,
        &service,
        &user,
        factor,
        matched,
        ("factor.resynced", "factor.resync_failed"),
        None,
    )
    .await
}

/// Removes a factor; a security change.
#[utoipa::path(delete, path = "/v1/users/{user_id}/factors/{factor_id}", tag = "factors",
    params(("user_id" = String, Path), ("factor_id" = String, Path)),
    responses((status = 204), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn delete_factor(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path((user_id, factor_id)): Path<(String, String)>,
    EndUserIp(ip): EndUserIp,
) -> ApiResult<StatusCode> {
    let (user, factor) = find_factor(&state, &service, &user_id, &factor_id).await?;
    remove_factor(&state, &service, &user, &factor, ip.as_deref()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a factor (404 if it is gone already); a security change.
pub(crate) async fn remove_factor(
    state: &AppState,
    service: &Service,
    user: &User,
    factor: &Factor,
    ip: Option<&str>,
) -> ApiResult<()> {
    let event = factor_event(service, user, "factor.removed", factor, state.now());
    let removed = SecurityChange::FactorRemoved {
        factor: factor.kind,
    };
    let changed = security_changed(state, service, user, user, &[removed], ip);
    if !state
        .store
        .delete_factor(factor, &changed.after(event), Some(&changed.write))
        .await?
    {
        return Err(ApiError::not_found("factor"));
    }
    changed.written(state);
    Ok(())
}
