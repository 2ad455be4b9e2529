//! `/v1/challenges`: create, send a code, verify, read, cancel, release.
//! Each handler calls one use case of `countersign_app::challenges`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_app::challenges::answer::Answer;
use countersign_app::challenges::open::OpenChallenge;
use countersign_app::challenges::send::SendCode;
use countersign_app::views::{ChallengeView, SendView};
use countersign_app::App;

use crate::error::ApiResult;
use crate::extract::{ApiJson, ServiceAuth};

/// Asks a user to prove themselves for a purpose.
#[utoipa::path(post, path = "/v1/challenges", tag = "challenges",
    request_body = OpenChallenge,
    responses((status = 201, body = ChallengeView),
              (status = 404, description = "not_found: no such user"),
              (status = 422, description = "unknown_purpose, policy_unsatisfiable"),
              (status = 429, description = "locked; too_many_prompts (`limit`: `device` or `user`, with Retry-After): the user's trusted devices got as many approval prompts this hour as they may, and no other method can prove the request")),
    security(("api_key" = [])))]
pub async fn create_challenge(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    ApiJson(body): ApiJson<OpenChallenge>,
) -> ApiResult<(StatusCode, Json<ChallengeView>)> {
    let created = app.open_challenge(&service, body).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(get, path = "/v1/challenges/{id}", tag = "challenges",
    params(("id" = String, Path)),
    responses((status = 200, body = ChallengeView), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn get_challenge(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<ChallengeView>> {
    let c = app.challenge(&service.id, &id).await?;
    Ok(Json(app.challenge_view(&c).await?))
}

/// Sends a code by SMS, voice call or email. Answers 202 only once the
/// provider has accepted the message.
#[utoipa::path(post, path = "/v1/challenges/{id}/send", tag = "challenges",
    params(("id" = String, Path)),
    request_body = SendCode,
    responses((status = 202, body = SendView),
              (status = 404, description = "not_found"),
              (status = 409, description = "challenge_closed"), (status = 410, description = "expired"),
              (status = 422, description = "method_unavailable"),
              (status = 429, description = "resend_too_soon, rate_limited, locked"),
              (status = 502, description = "delivery_failed: the provider did not take the message")),
    security(("api_key" = [])))]
pub async fn send_code(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SendCode>,
) -> ApiResult<(StatusCode, Json<SendView>)> {
    let sent = app.send_code(&service, &id, body.channel).await?;
    Ok((StatusCode::ACCEPTED, Json(sent)))
}

/// Checks a code. Exactly one of many concurrent verifies of the same right
/// code approves.
#[utoipa::path(post, path = "/v1/challenges/{id}/verify", tag = "challenges",
    params(("id" = String, Path)),
    request_body = Answer,
    responses((status = 200, body = ChallengeView),
              (status = 404, description = "not_found"),
              (status = 409, description = "challenge_closed"), (status = 410, description = "expired"),
              (status = 422, description = "invalid_code (with attempts_left), method_unavailable"),
              (status = 429, description = "too_many_attempts, locked")),
    security(("api_key" = [])))]
pub async fn verify_code(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Answer>,
) -> ApiResult<Json<ChallengeView>> {
    Ok(Json(app.answer(&service, &id, body).await?))
}

/// Releases a withdrawal held after a security change, once the integrator
/// has reviewed the change.
#[utoipa::path(post, path = "/v1/challenges/{id}/release", tag = "challenges",
    params(("id" = String, Path)),
    responses((status = 200, body = ChallengeView),
              (status = 404, description = "not_found"),
              (status = 409, description = "not_held, challenge_closed"), (status = 410, description = "expired")),
    security(("api_key" = [])))]
pub async fn release_challenge(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<ChallengeView>> {
    Ok(Json(
        app.release_challenge(&service.id, &id, serde_json::json!({}))
            .await?,
    ))
}

#[utoipa::path(post, path = "/v1/challenges/{id}/cancel", tag = "challenges",
    params(("id" = String, Path)),
    responses((status = 200, body = ChallengeView), (status = 404, description = "not_found"),
              (status = 409, description = "challenge_closed"), (status = 410, description = "expired")),
    security(("api_key" = [])))]
pub async fn cancel_challenge(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<ChallengeView>> {
    Ok(Json(app.cancel_challenge(&service.id, &id).await?))
}
