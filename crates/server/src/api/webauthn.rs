//! `/v1/webauthn/sign-ins`: usernameless sign-in with a passkey
//! (`countersign_app::sign_in`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_app::sign_in::{SignInStart, SignedIn};
use countersign_app::App;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::ApiResult;
use crate::extract::{ApiJson, ServiceAuth};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignInFinish {
    /// The browser's PublicKeyCredential as JSON.
    #[schema(value_type = Object)]
    credential: serde_json::Value,
}

/// Starts a usernameless sign-in.
#[utoipa::path(post, path = "/v1/webauthn/sign-ins", tag = "webauthn",
    responses((status = 201, body = SignInStart), (status = 503, description = "webauthn_unconfigured")),
    security(("api_key" = [])))]
pub async fn start_sign_in(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
) -> ApiResult<(StatusCode, Json<SignInStart>)> {
    Ok((
        StatusCode::CREATED,
        Json(app.start_sign_in(&service).await?),
    ))
}

/// Finishes a usernameless sign-in: which user's passkey answered. Each
/// sign-in is finished once.
#[utoipa::path(post, path = "/v1/webauthn/sign-ins/{id}/finish", tag = "webauthn",
    params(("id" = String, Path)),
    request_body = SignInFinish,
    responses((status = 200, body = SignedIn),
              (status = 404, description = "not_found: unknown, used or expired sign-in"),
              (status = 422, description = "invalid_credential")),
    security(("api_key" = [])))]
pub async fn finish_sign_in(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SignInFinish>,
) -> ApiResult<Json<SignedIn>> {
    let signed_in = app.finish_sign_in(&service, &id, &body.credential).await?;
    Ok(Json(signed_in))
}
