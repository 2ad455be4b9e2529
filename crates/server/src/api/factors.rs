//! `/v1/users/{user_id}/factors`: enrol, activate, resynchronise, list and
//! remove factors (`countersign_app::factors`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_app::factors::activate::Activation;
use countersign_app::factors::enrol::Enrolment;
use countersign_app::views::{EnrolmentView, FactorView};
use countersign_app::App;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::ApiResult;
use crate::extract::{ApiJson, EndUserIp, ServiceAuth};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResyncFactor {
    /// Two consecutive codes from the token.
    codes: Vec<String>,
}

/// Enrols a factor: a new authenticator (TOTP, seed shown once), an imported
/// hardware token (HOTP or TOTP with its seed), a new set of recovery codes,
/// a passkey or security key, or a trusted device (its Ed25519 public key;
/// it activates by signing the returned `activation_challenge`).
#[utoipa::path(post, path = "/v1/users/{user_id}/factors", tag = "factors",
    params(("user_id" = String, Path)),
    request_body = Enrolment,
    responses((status = 201, body = EnrolmentView),
              (status = 400, description = "invalid_request (the field is named)"),
              (status = 404, description = "not_found"),
              (status = 409, description = "factor_exists: a token with this seed is already enrolled in this service"),
              (status = 422, description = "invalid_credential, attestation_refused (webauthn)"),
              (status = 503, description = "webauthn_unconfigured")),
    security(("api_key" = [])))]
pub async fn create_factor(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
    EndUserIp(ip): EndUserIp,
    ApiJson(body): ApiJson<Enrolment>,
) -> ApiResult<(StatusCode, Json<EnrolmentView>)> {
    let enrolled = app.enrol(&service, &user_id, body, ip.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(enrolled)))
}

#[utoipa::path(get, path = "/v1/users/{user_id}/factors", tag = "factors",
    params(("user_id" = String, Path)),
    responses((status = 200, body = Vec<FactorView>), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn list_factors(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
) -> ApiResult<Json<Vec<FactorView>>> {
    Ok(Json(app.factors(&service.id, &user_id).await?))
}

/// Activates a pending factor with its first proof.
#[utoipa::path(post, path = "/v1/users/{user_id}/factors/{factor_id}/activate", tag = "factors",
    params(("user_id" = String, Path), ("factor_id" = String, Path)),
    request_body = Activation,
    responses((status = 200, body = FactorView),
              (status = 404, description = "not_found"),
              (status = 409, description = "factor_active: already active"),
              (status = 410, description = "expired: pending for more than 24 hours; enrol again"),
              (status = 422, description = "invalid_code"),
              (status = 429, description = "locked")),
    security(("api_key" = [])))]
pub async fn activate_factor(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path((user_id, factor_id)): Path<(String, String)>,
    EndUserIp(ip): EndUserIp,
    ApiJson(body): ApiJson<Activation>,
) -> ApiResult<Json<FactorView>> {
    let (user, factor) = app.user_factor(&service.id, &user_id, &factor_id).await?;
    let active = app
        .activate(&service, &user, factor, body, ip.as_deref())
        .await?;
    Ok(Json(active))
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
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path((user_id, factor_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<ResyncFactor>,
) -> ApiResult<Json<FactorView>> {
    let resynced = app
        .resync(&service, &user_id, &factor_id, &body.codes)
        .await?;
    Ok(Json(resynced))
}

/// Removes a factor; a security change.
#[utoipa::path(delete, path = "/v1/users/{user_id}/factors/{factor_id}", tag = "factors",
    params(("user_id" = String, Path), ("factor_id" = String, Path)),
    responses((status = 204), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn delete_factor(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path((user_id, factor_id)): Path<(String, String)>,
    EndUserIp(ip): EndUserIp,
) -> ApiResult<StatusCode> {
    let (user, factor) = app.user_factor(&service.id, &user_id, &factor_id).await?;
    app.remove_factor(
        &service,
        &user,
        &factor,
        ip.as_deref(),
        serde_json::json!({}),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
