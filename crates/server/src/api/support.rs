//! `/v1/support/appointments`: verified video calls with customer support
//! (`countersign_app::support`). The support team uses the service key; the
//! customer has none and is limited by IP. The join sets the customer's
//! join session cookie ([`countersign_core::support::JOIN_COOKIE`]); the
//! customer's answers and room token need it.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use countersign_app::support::appointments::{AgentCode, BookAppointment};
use countersign_app::support::join::{AgentCheckResult, JoinAnswer, JoinView};
use countersign_app::support::room::{RoomCaller, RoomToken};
use countersign_app::support::AppointmentView;
use countersign_app::views::ChallengeView;
use countersign_app::App;
use countersign_core::support::JOIN_COOKIE;
use countersign_core::Timestamp;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ClientIp, JoinSession, ServiceAuth};

/// Books a verified video call.
#[utoipa::path(post, path = "/v1/support/appointments", tag = "support",
    request_body = BookAppointment,
    responses((status = 201, body = AppointmentView, description = "With appointment_code, shown only here"),
              (status = 400, description = "invalid_request, invalid_email"),
              (status = 404, description = "not_found: no such user")),
    security(("api_key" = [])))]
pub async fn book_appointment(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    ApiJson(body): ApiJson<BookAppointment>,
) -> ApiResult<(StatusCode, Json<AppointmentView>)> {
    let booked = app
        .book_appointment(&service, body, serde_json::json!({}))
        .await?;
    Ok((StatusCode::CREATED, Json(booked)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AppointmentFilter {
    user_id: Option<String>,
    agent: Option<String>,
}

/// A user's or an agent's appointments, by start time.
#[utoipa::path(get, path = "/v1/support/appointments", tag = "support",
    params(AppointmentFilter),
    responses((status = 200, body = Vec<AppointmentView>), (status = 400, description = "invalid_request: give user_id or agent"),
              (status = 404, description = "not_found: no such user")),
    security(("api_key" = [])))]
pub async fn list_appointments(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    query: Result<Query<AppointmentFilter>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<AppointmentView>>> {
    let Query(q) =
        query.map_err(|e| ApiError::invalid_request(format!("query: {}", e.body_text())))?;
    let list = app
        .appointments(&service.id, q.user_id.as_deref(), q.agent.as_deref())
        .await?;
    Ok(Json(list))
}

#[utoipa::path(get, path = "/v1/support/appointments/{id}", tag = "support",
    params(("id" = String, Path)),
    responses((status = 200, body = AppointmentView), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn get_appointment(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<AppointmentView>> {
    Ok(Json(app.appointment_of(&service.id, &id).await?))
}

#[utoipa::path(post, path = "/v1/support/appointments/{id}/cancel", tag = "support",
    params(("id" = String, Path)),
    responses((status = 200, body = AppointmentView), (status = 404, description = "not_found"),
              (status = 410, description = "appointment_cancelled: already")),
    security(("api_key" = [])))]
pub async fn cancel_appointment(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<AppointmentView>> {
    Ok(Json(app.cancel_appointment(&service.id, &id).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reschedule {
    starts_at: Timestamp,
}

/// Moves the call. The appointment code stays; a verification made before
/// does not carry over.
#[utoipa::path(post, path = "/v1/support/appointments/{id}/reschedule", tag = "support",
    params(("id" = String, Path)),
    request_body = Reschedule,
    responses((status = 200, body = AppointmentView), (status = 404, description = "not_found"),
              (status = 410, description = "appointment_cancelled")),
    security(("api_key" = [])))]
pub async fn reschedule_appointment(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Reschedule>,
) -> ApiResult<Json<AppointmentView>> {
    let moved = app
        .reschedule_appointment(&service.id, &id, body.starts_at)
        .await?;
    Ok(Json(moved))
}

/// The code the agent reads out so the customer can check, in the support
/// center, that the agent is genuine.
#[utoipa::path(get, path = "/v1/support/appointments/{id}/agent-code", tag = "support",
    params(("id" = String, Path)),
    responses((status = 200, body = AgentCode), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn agent_code(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<AgentCode>> {
    Ok(Json(app.agent_code(&service.id, &id).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    appointment_code: String,
}

/// Customer side (no service key): starts the `support_call` challenge for
/// an appointment code and sends the email code to the ticket's address.
/// Sets the join session cookie (`cs_support`: HttpOnly, SameSite=Strict,
/// Secure over https, path `/v1/support/appointments`) that this browser's
/// answers and room token need.
#[utoipa::path(post, path = "/v1/support/appointments/join", tag = "support",
    request_body = JoinRequest,
    responses((status = 201, body = JoinView, description = "With the join session in Set-Cookie",
               headers(("set-cookie" = String, description = "cs_support: the join session"))),
              (status = 404, description = "not_found: no such appointment code (nothing more is said)"),
              (status = 409, description = "too_early (opens_at)"),
              (status = 410, description = "too_late, appointment_cancelled"),
              (status = 422, description = "policy_unsatisfiable: the account has no authenticator"),
              (status = 429, description = "rate_limited (per IP), locked")))]
pub async fn join(
    State(app): State<App>,
    ClientIp(ip): ClientIp,
    headers: axum::http::HeaderMap,
    ApiJson(body): ApiJson<JoinRequest>,
) -> ApiResult<Response> {
    let user_agent = headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    let joined = app
        .join_call(ip, user_agent, &body.appointment_code)
        .await?;
    let cookie =
        app.config
            .cookies()
            .set(JOIN_COOKIE, &joined.session, joined.session_ttl, "Strict");
    let mut response = (StatusCode::CREATED, Json(joined.view)).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(response)
}

/// Customer side: checks the authenticator code or the email code of a
/// join challenge, for the browser that joined (its `cs_support` cookie),
/// with the same attempt limits as any challenge.
#[utoipa::path(post, path = "/v1/support/appointments/join/verify", tag = "support",
    request_body = JoinAnswer,
    responses((status = 200, body = ChallengeView),
              (status = 403, description = "not_join_session: not the browser that joined (nothing counted)"),
              (status = 404, description = "not_found"),
              (status = 409, description = "challenge_closed"), (status = 410, description = "expired"),
              (status = 422, description = "invalid_code (attempts_left)"),
              (status = 429, description = "too_many_attempts, locked")))]
pub async fn join_verify(
    State(app): State<App>,
    JoinSession(session): JoinSession,
    ApiJson(body): ApiJson<JoinAnswer>,
) -> ApiResult<Json<ChallengeView>> {
    Ok(Json(app.answer_join(body, session.as_deref()).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    challenge_id: String,
}

/// Once the join challenge is approved, a short-lived room token, for 10
/// minutes after the approval: to the browser that joined and passed the
/// check (its `cs_support` cookie), or to the integrator (service key).
/// Records that the customer was verified, and how.
#[utoipa::path(post, path = "/v1/support/appointments/{id}/token", tag = "support",
    params(("id" = String, Path)),
    request_body = TokenRequest,
    responses((status = 200, body = RoomToken),
              (status = 401, description = "unauthorized: a wrong service key"),
              (status = 403, description = "not_join_session: neither the browser that joined nor the service key"),
              (status = 404, description = "not_found"),
              (status = 409, description = "not_verified: the challenge is not approved; too_early"),
              (status = 410, description = "too_late, appointment_cancelled, expired (approved over 10 minutes ago)"),
              (status = 503, description = "support_unconfigured: no [support] jwt_secret / video_base_url")),
    security((), ("api_key" = [])))]
pub async fn room_token(
    State(app): State<App>,
    service: Option<ServiceAuth>,
    JoinSession(session): JoinSession,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TokenRequest>,
) -> ApiResult<Json<RoomToken>> {
    let caller = match &service {
        Some(ServiceAuth(service)) => RoomCaller::Service(service),
        None => RoomCaller::Customer {
            session: session.as_deref(),
        },
    };
    Ok(Json(app.room_token(&id, &body.challenge_id, caller).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgentCheck {
    appointment_code: String,
    agent_code: String,
}

/// Customer side: is the person on the call really from support?
#[utoipa::path(post, path = "/v1/support/agent-check", tag = "support",
    request_body = AgentCheck,
    responses((status = 200, body = AgentCheckResult),
              (status = 404, description = "not_found: no such appointment code"),
              (status = 429, description = "rate_limited (per IP)")))]
pub async fn agent_check(
    State(app): State<App>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<AgentCheck>,
) -> ApiResult<Json<AgentCheckResult>> {
    let checked = app
        .check_agent(ip, &body.appointment_code, &body.agent_code)
        .await?;
    Ok(Json(checked))
}
