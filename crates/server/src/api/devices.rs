//! Trusted devices (`countersign_app::devices`): every call is signed by
//! the device's Ed25519 key (`Countersign-Device` header); no service key
//! is involved.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, Method as HttpMethod};
use axum::Json;
use countersign_app::devices::{DeviceResponse, PendingRequest, SignedRequest};
use countersign_app::views::ChallengeView;
use countersign_app::{App, AppError, Missing};
use countersign_core::device::DEVICE_HEADER;
use countersign_core::factor::Factor;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::{ApiError, ApiResult};
use crate::extract::parse_json;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PendingQuery {
    /// Long-poll: wait up to this many seconds (at most 30) for a request.
    wait: Option<u64>,
    /// Any value: makes each poll's signature unique (signatures are good once).
    #[allow(dead_code)]
    nonce: Option<String>,
}

/// The device that signed this request.
async fn signed_by(
    app: &App,
    method: &HttpMethod,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Factor, AppError> {
    let request = SignedRequest {
        method: method.as_str(),
        target: uri.path_and_query().map_or(uri.path(), |p| p.as_str()),
        header: headers.get(DEVICE_HEADER).and_then(|v| v.to_str().ok()),
        body,
    };
    app.authenticate_device(&request).await
}

/// The requests waiting for this device's user. With `wait`, answers as soon
/// as one arrives (or after `wait` seconds with an empty list), so a device
/// needs one request per half minute, not a poll per second.
#[utoipa::path(get, path = "/v1/devices/{factor_id}/pending", tag = "devices",
    params(("factor_id" = String, Path), PendingQuery),
    responses((status = 200, body = Vec<PendingRequest>),
              (status = 401, description = "unauthorized, invalid_signature, signature_replayed"),
              (status = 404, description = "not_found: the path names another device")),
    security(("device_signature" = [])))]
pub async fn pending_requests(
    State(app): State<App>,
    Path(factor_id): Path<String>,
    query: Result<Query<PendingQuery>, axum::extract::rejection::QueryRejection>,
    method: HttpMethod,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> ApiResult<Json<Vec<PendingRequest>>> {
    let Query(q) =
        query.map_err(|e| ApiError::invalid_request(format!("query: {}", e.body_text())))?;
    let factor = signed_by(&app, &method, &uri, &headers, b"").await?;
    if factor.id != factor_id {
        return Err(AppError::NotFound(Missing::Device).into());
    }
    let wait = Duration::from_secs(q.wait.unwrap_or(0));
    Ok(Json(app.pending_requests(&factor, wait).await?))
}

/// The user's answer on their device: approve with the number the page
/// shows, or deny. A wrong number counts as a failed attempt and ends the
/// challenge (`failed`): a new challenge, with new numbers, is needed.
#[utoipa::path(post, path = "/v1/challenges/{id}/device-response", tag = "devices",
    params(("id" = String, Path)),
    request_body = DeviceResponse,
    responses((status = 200, body = ChallengeView, description = "approved, still pending (another group to meet), or denied"),
              (status = 400, description = "invalid_request"),
              (status = 401, description = "unauthorized, invalid_signature, signature_replayed"),
              (status = 404, description = "not_found: no such challenge for this device's user"),
              (status = 409, description = "challenge_closed"), (status = 410, description = "expired"),
              (status = 422, description = "wrong_number (the challenge has failed), transaction_mismatch, method_unavailable"),
              (status = 429, description = "too_many_attempts, locked")),
    security(("device_signature" = [])))]
pub async fn device_response(
    State(app): State<App>,
    Path(id): Path<String>,
    method: HttpMethod,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<ChallengeView>> {
    if body.len() > 64 * 1024 {
        return Err(ApiError::invalid_request("body: at most 64 KiB"));
    }
    let factor = signed_by(&app, &method, &uri, &headers, &body).await?;
    let answer: DeviceResponse = parse_json(&body)?;
    Ok(Json(app.respond_on_device(&factor, &id, answer).await?))
}
