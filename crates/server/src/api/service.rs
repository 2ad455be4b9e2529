//! `/v1/service`: the calling service and the policies in force;
//! `/v1/service/keys`: its API keys; `/v1/service/logo`: its logo.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use countersign_app::api_keys::{self, By, CreatedKey};
use countersign_app::service::ServiceView;
use countersign_app::{App, AppError};
use countersign_core::brand::LogoError;
use countersign_core::service::{ApiKey, SettingsPatch};

use crate::error::ApiResult;
use crate::extract::{ApiJson, KeyAuth, ServiceAuth};

#[utoipa::path(get, path = "/v1/service", tag = "service",
    responses((status = 200, body = ServiceView), (status = 401, description = "unauthorized")),
    security(("api_key" = [])))]
pub async fn get_service(ServiceAuth(service): ServiceAuth) -> Json<ServiceView> {
    Json(ServiceView::of(service))
}

/// Changes the service's protections and policies: per purpose, groups of
/// methods that must all be met (any one method per group). Each purpose has
/// a class: built-in ones a fixed class, the service's own the one they
/// declare. A `sensitive` or `security_change` purpose can never be met by
/// SMS, voice or email alone; a `sensitive` one is held after a security
/// change.
#[utoipa::path(patch, path = "/v1/service", tag = "service",
    request_body = SettingsPatch,
    responses((status = 200, body = ServiceView),
              (status = 400, description = "invalid_request (the field is named), purpose_class_required (a new purpose of the service's own without `class`), invalid_purpose_class (another class for a built-in purpose, or `verification`)"),
              (status = 422, description = "invalid_policy, policy_too_weak")),
    security(("api_key" = [])))]
pub async fn patch_service(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    ApiJson(patch): ApiJson<SettingsPatch>,
) -> ApiResult<Json<ServiceView>> {
    Ok(Json(
        app.change_settings(&service.id, &patch, serde_json::json!({}))
            .await?,
    ))
}

/// Creates an API key for the calling service. The key is in this answer
/// only (only its SHA-256 is stored). To rotate: create, deploy the new key,
/// then revoke the old one; both work meanwhile. Audited as
/// `service.api_key_created`.
#[utoipa::path(post, path = "/v1/service/keys", tag = "service",
    responses((status = 201, body = CreatedKey), (status = 401, description = "unauthorized")),
    security(("api_key" = [])))]
pub async fn create_key(
    State(app): State<App>,
    KeyAuth(caller): KeyAuth,
) -> ApiResult<(StatusCode, Json<CreatedKey>)> {
    let created = api_keys::create(
        app.store.as_ref(),
        &caller.service.id,
        By::Api(&caller.key.id),
        app.now(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The calling service's API keys, oldest first: id, prefix, creation and
/// last use (to the minute), never the keys.
#[utoipa::path(get, path = "/v1/service/keys", tag = "service",
    responses((status = 200, body = Vec<ApiKey>), (status = 401, description = "unauthorized")),
    security(("api_key" = [])))]
pub async fn list_keys(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
) -> ApiResult<Json<Vec<ApiKey>>> {
    Ok(Json(api_keys::list(app.store.as_ref(), &service.id).await?))
}

/// Revokes one of the calling service's API keys (it may be the key of this
/// request): from the answer on, it gets 401 on every server process. The
/// last key is refused with 409 `last_api_key`. Audited as
/// `service.api_key_revoked`.
#[utoipa::path(delete, path = "/v1/service/keys/{id}", tag = "service",
    params(("id" = String, Path, description = "The key's id (`key_…`)")),
    responses((status = 200, body = ApiKey, description = "the revoked key"),
              (status = 401, description = "unauthorized"),
              (status = 404, description = "not_found"),
              (status = 409, description = "last_api_key: the service's last key")),
    security(("api_key" = [])))]
pub async fn revoke_key(
    State(app): State<App>,
    KeyAuth(caller): KeyAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<ApiKey>> {
    let revoked = api_keys::revoke(
        app.store.as_ref(),
        &caller.service.id,
        &id,
        By::Api(&caller.key.id),
        app.now(),
    )
    .await?;
    Ok(Json(revoked))
}

/// A logo's bytes, as the request body (not JSON).
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct LogoImage(pub Vec<u8>);

/// Uploads the service's logo, shown on its hosted page, security center,
/// help center and emails: the image itself as the body, with its
/// `Content-Type` (`image/png`, `image/jpeg` or `image/webp`; SVG is
/// refused, as it can carry script), at most 256 KiB, each side 16 to
/// 2048 pixels. It replaces any other logo; `settings.brand.logo`
/// describes it. Audited as `service.logo_changed`.
#[utoipa::path(put, path = "/v1/service/logo", tag = "service",
    request_body(content = LogoImage, content_type = "image/png", description = "The image (also `image/jpeg` or `image/webp`)"),
    responses((status = 200, body = ServiceView),
              (status = 401, description = "unauthorized"),
              (status = 413, description = "logo_too_large"),
              (status = 415, description = "unsupported_logo: not a PNG, JPEG or WebP image, or not the type `Content-Type` says"),
              (status = 422, description = "logo_size: a side outside 16 to 2048 pixels")),
    security(("api_key" = [])))]
pub async fn put_logo(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    headers: HeaderMap,
    image: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<ServiceView>> {
    let image = image.map_err(|_| AppError::Logo(LogoError::TooLarge))?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    Ok(Json(app.set_logo(&service.id, &image, content_type).await?))
}

/// Removes the service's logo: the pages show its name alone.
#[utoipa::path(delete, path = "/v1/service/logo", tag = "service",
    responses((status = 200, body = ServiceView), (status = 401, description = "unauthorized")),
    security(("api_key" = [])))]
pub async fn delete_logo(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
) -> ApiResult<Json<ServiceView>> {
    Ok(Json(app.remove_logo(&service.id).await?))
}
