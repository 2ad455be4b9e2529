//! `/v1/support/appointments`: verified video calls with customer support.
//!
//! The support team (service key) books, lists, reschedules and cancels
//! appointments and reads the agent's authenticity code. The customer (no
//! key, limited by IP) joins with the appointment code, proves the account
//! (authenticator) and the ticket's contact email (a code sent there), and
//! receives a short-lived room token for Jitsi Meet.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_core::challenge::{Challenge, ChallengeContext, ChallengeStatus};
use countersign_core::contact::normalize_email;
use countersign_core::event::Event;
use countersign_core::factor::FactorStatus;
use countersign_core::ids::{is_id_of, is_printable};
use countersign_core::limits::SendFacts;
use countersign_core::policy::{Channel, Method};
use countersign_core::service::Service;
use countersign_core::support::{
    appointment_code_hash, normalize_appointment_code, Appointment, AppointmentStatus, Booking,
    RoomClaims, SupportError,
};
use countersign_core::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ClientIp, ServiceAuth};
use crate::routes::challenges::{
    ask_webauthn, check_answer, deliver_code, event, view, VerifyCode,
};
use crate::routes::users::{check_user_id, find_user};
use crate::state::AppState;
use crate::views::{ChallengeView, SendView};

/// The agent's view of an appointment: when, who, and whether and how the
/// customer was verified. The appointment code is not in it (shown once).
#[derive(Debug, Serialize, ToSchema)]
pub struct AppointmentView {
    pub id: String,
    pub user_id: String,
    pub ticket_id: String,
    /// Masked: the agent knows it from the ticket.
    pub contact_email: String,
    pub agent: String,
    pub starts_at: Timestamp,
    pub room: String,
    pub status: AppointmentStatus,
    pub join_opens_at: Timestamp,
    pub join_closes_at: Timestamp,
    pub customer_verified_at: Option<Timestamp>,
    /// How the customer proved themselves (e.g. `["totp","email"]`).
    pub verified_methods: Vec<Method>,
    pub created_at: Timestamp,
    /// Only in the answer to a booking: give it to the customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appointment_code: Option<String>,
}

impl AppointmentView {
    fn new(state: &AppState, a: &Appointment, code: Option<String>) -> Self {
        let window = &state.config.support.join_window;
        AppointmentView {
            id: a.id.clone(),
            user_id: a.user_id.clone(),
            ticket_id: a.ticket_id.clone(),
            contact_email: countersign_core::contact::mask_email(&a.contact_email),
            agent: a.agent.clone(),
            starts_at: a.starts_at,
            room: a.room.clone(),
            status: a.status,
            join_opens_at: a.opens_at(window),
            join_closes_at: a.closes_at(window),
            customer_verified_at: a.customer_verified_at,
            verified_methods: a.verified_methods.clone(),
            created_at: a.created_at,
            appointment_code: code,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BookAppointment {
    user_id: String,
    /// The chat or ticket the call was booked from.
    ticket_id: String,
    /// The address the customer gave in that chat or ticket.
    contact_email: String,
    /// The agent's name or id, shown to the customer.
    agent: String,
    starts_at: Timestamp,
    /// The video room (1–64 of A-Z a-z 0-9 _ -); made up when absent.
    room: Option<String>,
}

fn field_text(field: &str, value: &str, max: usize) -> ApiResult<()> {
    if value.trim().is_empty() || value.chars().count() > max || !is_printable(value) {
        return Err(
            ApiError::invalid_request(format!("{field}: 1–{max} printable characters"))
                .with("field", field),
        );
    }
    Ok(())
}

fn support_error(e: SupportError) -> ApiError {
    let detail = e.to_string();
    match e {
        SupportError::TooEarly { opens_at } => {
            ApiError::new(StatusCode::CONFLICT, "too_early", "Too early", detail)
                .with("opens_at", opens_at.to_rfc3339())
        }
        SupportError::TooLate { closed_at } => {
            ApiError::new(StatusCode::GONE, "too_late", "Too late", detail)
                .with("closed_at", closed_at.to_rfc3339())
        }
        SupportError::Cancelled => ApiError::new(
            StatusCode::GONE,
            "appointment_cancelled",
            "Appointment cancelled",
            detail,
        ),
    }
}

/// Books a verified video call.
#[utoipa::path(post, path = "/v1/support/appointments", tag = "support",
    request_body = BookAppointment,
    responses((status = 201, body = AppointmentView, description = "With appointment_code, shown only here"),
              (status = 400, description = "invalid_request, invalid_email"),
              (status = 404, description = "not_found: no such user")),
    security(("api_key" = [])))]
pub async fn book_appointment(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    ApiJson(body): ApiJson<BookAppointment>,
) -> ApiResult<(StatusCode, Json<AppointmentView>)> {
    check_user_id(&body.user_id)?;
    field_text("ticket_id", &body.ticket_id, 128)?;
    field_text("agent", &body.agent, 128)?;
    if body.room.as_deref().is_some_and(|r| {
        !(1..=64).contains(&r.len())
            || !r
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    }) {
        return Err(
            ApiError::invalid_request("room: 1–64 characters of A-Z a-z 0-9 _ -")
                .with("field", "room"),
        );
    }
    let contact_email = normalize_email(&body.contact_email)?;
    let user = find_user(&state, &service.id, &body.user_id).await?;
    let now = state.now();
    let (appointment, code) = Appointment::book(
        &user,
        Booking {
            ticket_id: body.ticket_id,
            contact_email,
            agent: body.agent,
            starts_at: body.starts_at,
            room: body.room,
        },
        now,
    );
    let booked = appointment_event(&appointment, "support.appointment_booked", now, json!({}));
    state
        .store
        .insert_appointment(&appointment, &[booked])
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(AppointmentView::new(&state, &appointment, Some(code))),
    ))
}

fn appointment_event(
    a: &Appointment,
    kind: &str,
    at: Timestamp,
    detail: serde_json::Value,
) -> Event {
    let mut detail = detail;
    if let serde_json::Value::Object(map) = &mut detail {
        map.insert("appointment_id".into(), a.id.clone().into());
        map.insert("ticket_id".into(), a.ticket_id.clone().into());
    }
    Event::new(&a.service_id, Some(&a.user_id), kind, at, None, detail)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AppointmentFilter {
    user_id: Option<String>,
    agent: Option<String>,
}

/// A user's or an agent's appointments, by start time.
#[utoipa::path(get, path = "/v1/support/appointments", tag = "support",
    params(AppointmentFilter),
    responses((status = 200, body = Vec<AppointmentView>), (status = 400, description = "invalid_request: give user_id or agent")),
    security(("api_key" = [])))]
pub async fn list_appointments(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    query: Result<Query<AppointmentFilter>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<AppointmentView>>> {
    let Query(q) =
        query.map_err(|e| ApiError::invalid_request(format!("query: {}", e.body_text())))?;
    if q.user_id.is_none() && q.agent.is_none() {
        return Err(ApiError::invalid_request(
            "query: give user_id, agent or both",
        ));
    }
    let user_pk = match &q.user_id {
        Some(id) => Some(find_user(&state, &service.id, id).await?.id),
        None => None,
    };
    let list = state
        .store
        .appointments(&service.id, user_pk.as_deref(), q.agent.as_deref())
        .await?;
    Ok(Json(
        list.iter()
            .map(|a| AppointmentView::new(&state, a, None))
            .collect(),
    ))
}

async fn find_appointment(state: &AppState, service_id: &str, id: &str) -> ApiResult<Appointment> {
    if !is_id_of("apt", id) {
        return Err(ApiError::not_found("appointment"));
    }
    state
        .store
        .appointment(service_id, id)
        .await?
        .ok_or_else(|| ApiError::not_found("appointment"))
}

#[utoipa::path(get, path = "/v1/support/appointments/{id}", tag = "support",
    params(("id" = String, Path)),
    responses((status = 200, body = AppointmentView), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn get_appointment(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<AppointmentView>> {
    let a = find_appointment(&state, &service.id, &id).await?;
    Ok(Json(AppointmentView::new(&state, &a, None)))
}

/// Loads an appointment, lets `change` alter it, and saves it if nobody
/// else did meanwhile (else tries again on the fresh appointment).
async fn update_appointment(
    state: &AppState,
    service_id: &str,
    id: &str,
    mut change: impl FnMut(&mut Appointment, Timestamp) -> ApiResult<Event>,
) -> ApiResult<Appointment> {
    for _ in 0..16 {
        let mut a = find_appointment(state, service_id, id).await?;
        let now = state.now();
        let event = change(&mut a, now)?;
        if state.store.save_appointment(&a, &[event]).await? {
            a.version += 1;
            return Ok(a);
        }
    }
    Err(ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        "Busy",
        "too many simultaneous changes to this appointment; try again",
    ))
}

#[utoipa::path(post, path = "/v1/support/appointments/{id}/cancel", tag = "support",
    params(("id" = String, Path)),
    responses((status = 200, body = AppointmentView), (status = 404, description = "not_found"),
              (status = 410, description = "appointment_cancelled: already")),
    security(("api_key" = [])))]
pub async fn cancel_appointment(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<AppointmentView>> {
    let a = update_appointment(&state, &service.id, &id, |a, now| {
        a.cancel(now).map_err(support_error)?;
        Ok(appointment_event(
            a,
            "support.appointment_cancelled",
            now,
            json!({}),
        ))
    })
    .await?;
    Ok(Json(AppointmentView::new(&state, &a, None)))
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
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Reschedule>,
) -> ApiResult<Json<AppointmentView>> {
    let a = update_appointment(&state, &service.id, &id, |a, now| {
        let from = a.starts_at;
        a.reschedule(body.starts_at, now).map_err(support_error)?;
        Ok(appointment_event(
            a,
            "support.appointment_rescheduled",
            now,
            json!({"from": from, "to": body.starts_at}),
        ))
    })
    .await?;
    Ok(Json(AppointmentView::new(&state, &a, None)))
}

/// The code the agent reads out so the customer can check, in the support
/// center, that the agent is genuine.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgentCode {
    pub code: String,
    pub valid_until: Timestamp,
}

#[utoipa::path(get, path = "/v1/support/appointments/{id}/agent-code", tag = "support",
    params(("id" = String, Path)),
    responses((status = 200, body = AgentCode), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn agent_code(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<AgentCode>> {
    let a = find_appointment(&state, &service.id, &id).await?;
    let key = state.keys.ring().purpose_key("countersign/agent-code/v1");
    let (code, valid_until) = a.agent_code(&key, state.now());
    Ok(Json(AgentCode { code, valid_until }))
}

/// Counts one customer attempt from `ip`, refusing past the cap.
async fn limit_attempts(state: &AppState, ip: Option<std::net::IpAddr>) -> ApiResult<()> {
    let now = state.now();
    let keys = state.keys.ring();
    let ip = ip.map_or_else(
        || "unknown".to_owned(),
        |ip| keys.pseudonym("ip", &countersign_core::limits::ip_bucket(ip)),
    );
    let mut checks = countersign_core::limits::SendLimits {
        per_ip: state.config.support.attempts_per_ip,
        ..Default::default()
    }
    .checks(
        &SendFacts {
            service_id: "support-join",
            channel: Channel::Email,
            destination: "-",
            ip: Some(&ip),
            calling_code: None,
        },
        now,
    );
    checks.retain(|c| c.scope == countersign_core::limits::Scope::Ip);
    if let Some(i) = state.store.count_attempts(&checks).await? {
        return Err(ApiError::too_many(
            "rate_limited",
            "Too many attempts",
            "too many appointment codes were tried from this address; try again later",
            now,
            checks[i].window_end,
        )
        .with("limit", "ip"));
    }
    Ok(())
}

/// The appointment an appointment code names. Every try counts against the
/// caller's IP; a wrong code says only "not found".
async fn appointment_for_code(
    state: &AppState,
    ip: ClientIp,
    typed: &str,
) -> ApiResult<(Appointment, Service)> {
    limit_attempts(state, ip.0).await?;
    let not_found = || ApiError::not_found("appointment");
    let canonical = normalize_appointment_code(typed).ok_or_else(not_found)?;
    let appointment = state
        .store
        .appointment_by_code_hash(&appointment_code_hash(&canonical))
        .await?
        .ok_or_else(not_found)?;
    let service = state
        .store
        .service(&appointment.service_id)
        .await?
        .ok_or_else(not_found)?;
    Ok((appointment, service))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    appointment_code: String,
}

/// What a customer gets on joining: the challenge to pass, and where the
/// email code went.
#[derive(Debug, Serialize, ToSchema)]
pub struct JoinView {
    /// The `support_call` challenge.
    #[serde(flatten)]
    pub challenge: ChallengeView,
    pub email: SendView,
    pub appointment_id: String,
    pub agent: String,
    pub starts_at: Timestamp,
}

/// Customer side (no service key): starts the `support_call` challenge for
/// an appointment code and sends the email code to the ticket's address.
#[utoipa::path(post, path = "/v1/support/appointments/join", tag = "support",
    request_body = JoinRequest,
    responses((status = 201, body = JoinView),
              (status = 404, description = "not_found: no such appointment code (nothing more is said)"),
              (status = 409, description = "too_early (opens_at)"),
              (status = 410, description = "too_late, appointment_cancelled"),
              (status = 422, description = "policy_unsatisfiable: the account has no authenticator"),
              (status = 429, description = "rate_limited (per IP), locked")))]
pub async fn join(
    State(state): State<AppState>,
    ip: ClientIp,
    headers: axum::http::HeaderMap,
    ApiJson(body): ApiJson<JoinRequest>,
) -> ApiResult<(StatusCode, Json<JoinView>)> {
    let (appointment, service) = appointment_for_code(&state, ip, &body.appointment_code).await?;
    let now = state.now();
    appointment
        .ensure_joinable(&state.config.support.join_window, now)
        .map_err(support_error)?;
    let user = find_user(&state, &service.id, &appointment.user_id).await?;
    crate::routes::users::refuse_if_locked(&user, now)?;
    let factors = state.store.factors(&user.id).await?;
    let enrolled: Vec<Method> = factors
        .iter()
        .filter(|f| f.status == FactorStatus::Active)
        .map(|f| f.kind.method())
        .collect();
    let email_only: Vec<Channel> = state
        .delivery
        .channels()
        .into_iter()
        .filter(|c| *c == Channel::Email)
        .collect();
    let user_agent = headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .filter(|ua| is_printable(ua))
        .map(|ua| ua.chars().take(512).collect());
    let mut challenge: Challenge = appointment
        .join_challenge(
            &user,
            &service.settings,
            &email_only,
            &enrolled,
            ChallengeContext {
                user_agent,
                ..Default::default()
            },
            now,
        )
        .map_err(|e| ApiError::from_challenge(e, now))?;
    ask_webauthn(&state, &mut challenge, &factors)?;
    let started = event(
        &challenge,
        "support.join_started",
        now,
        json!({"appointment_id": appointment.id}),
    );
    state.store.insert_challenge(&challenge, &[started]).await?;
    let email = deliver_code(&state, &service, &challenge.id, Channel::Email).await?;
    let fresh = state
        .store
        .challenge(&service.id, &challenge.id)
        .await?
        .ok_or_else(ApiError::internal)?;
    Ok((
        StatusCode::CREATED,
        Json(JoinView {
            challenge: view(&state, &fresh).await?,
            email,
            appointment_id: appointment.id,
            agent: appointment.agent,
            starts_at: appointment.starts_at,
        }),
    ))
}

/// A customer's challenge: one started by joining an appointment.
async fn support_challenge(state: &AppState, id: &str) -> ApiResult<(Challenge, Service)> {
    let not_found = || ApiError::not_found("challenge");
    if !is_id_of("chl", id) {
        return Err(not_found());
    }
    let c = state
        .store
        .challenge_by_id(id)
        .await?
        .filter(|c| c.appointment_id.is_some())
        .ok_or_else(not_found)?;
    let service = state
        .store
        .service(&c.service_id)
        .await?
        .ok_or_else(not_found)?;
    Ok((c, service))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinAnswer {
    challenge_id: String,
    /// `totp`, `hotp`, `email` or `webauthn`.
    method: Method,
    code: Option<String>,
    /// The browser's PublicKeyCredential as JSON (webauthn).
    #[schema(value_type = Option<Object>)]
    credential: Option<serde_json::Value>,
}

/// Customer side: checks the authenticator code or the email code of a
/// join challenge, with the same attempt limits and lockout as any challenge.
#[utoipa::path(post, path = "/v1/support/appointments/join/verify", tag = "support",
    request_body = JoinAnswer,
    responses((status = 200, body = ChallengeView),
              (status = 404, description = "not_found"),
              (status = 409, description = "challenge_closed"), (status = 410, description = "expired"),
              (status = 422, description = "invalid_code (attempts_left)"),
              (status = 429, description = "too_many_attempts, locked")))]
pub async fn join_verify(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<JoinAnswer>,
) -> ApiResult<Json<ChallengeView>> {
    let (c, service) = support_challenge(&state, &body.challenge_id).await?;
    check_answer(
        &state,
        &service,
        &c.id,
        VerifyCode {
            method: body.method,
            code: body.code,
            credential: body.credential,
        },
    )
    .await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    challenge_id: String,
}

/// A room token: where to join and the JWT Jitsi Meet checks.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoomToken {
    /// The room's address; the video client passes `token` to it (Jitsi:
    /// `?jwt=`), so the token stays out of logs of this answer.
    pub join_url: String,
    pub token: String,
    pub expires_at: Timestamp,
}

/// How long after approval a join challenge can still mint a room token.
const TOKEN_AFTER_APPROVAL_SECONDS: u64 = 600;

/// Customer side: once the join challenge is approved, a short-lived room
/// token. Records that the customer was verified, and how.
#[utoipa::path(post, path = "/v1/support/appointments/{id}/token", tag = "support",
    params(("id" = String, Path)),
    request_body = TokenRequest,
    responses((status = 200, body = RoomToken),
              (status = 404, description = "not_found"),
              (status = 409, description = "not_verified: the challenge is not approved; too_early"),
              (status = 410, description = "too_late, appointment_cancelled, expired"),
              (status = 503, description = "support_unconfigured: no [support] jwt_secret / video_base_url")))]
pub async fn room_token(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TokenRequest>,
) -> ApiResult<Json<RoomToken>> {
    let support = &state.config.support;
    let (Some(secret), Some(video)) = (&support.jwt_secret, &support.video_base_url) else {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "support_unconfigured",
            "Video calls not configured",
            "the operator has not set [support] jwt_secret and video_base_url",
        ));
    };
    let (c, service) = support_challenge(&state, &body.challenge_id).await?;
    if c.appointment_id.as_deref() != Some(id.as_str()) {
        return Err(ApiError::not_found("challenge"));
    }
    let now = state.now();
    let fresh = c.closed_at.is_some_and(|at| {
        now < at.plus(std::time::Duration::from_secs(TOKEN_AFTER_APPROVAL_SECONDS))
    });
    match c.status_at(now) {
        ChallengeStatus::Approved if fresh => {}
        ChallengeStatus::Approved => {
            return Err(ApiError::new(
                StatusCode::GONE,
                "expired",
                "Verification too old",
                "verify again to get a new room token",
            ))
        }
        _ => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "not_verified",
                "Not verified yet",
                "the join challenge is not approved",
            ))
        }
    }
    let user = find_user(&state, &service.id, &c.user_id).await?;
    let window = support.join_window;
    let satisfied = c.satisfied.clone();
    let joined_at = c.created_at;
    let a = update_appointment(&state, &service.id, &id, |a, now| {
        a.ensure_joinable(&window, now).map_err(support_error)?;
        if !a.join_counts(joined_at) {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "not_verified",
                "Verify again",
                "the call was moved after this verification; join again",
            ));
        }
        let first = a.customer_verified_at.is_none();
        a.record_verification(&satisfied, now);
        Ok(appointment_event(
            a,
            if first {
                "support.customer_verified"
            } else {
                "support.room_token_issued"
            },
            now,
            json!({"methods": satisfied, "challenge_id": c.id}),
        ))
    })
    .await?;
    let domain = video
        .split("://")
        .nth(1)
        .unwrap_or(video)
        .split('/')
        .next()
        .unwrap_or_default();
    let name = user
        .display_name
        .clone()
        .unwrap_or_else(|| user.user_id.clone());
    let claims = RoomClaims::for_customer(&a, &name, &support.jwt_app_id, domain, &window, now);
    let token = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
    )
    .map_err(|_| ApiError::internal())?;
    Ok(Json(RoomToken {
        join_url: format!("{}/{}", video.trim_end_matches('/'), a.room),
        token,
        expires_at: Timestamp(claims.exp * 1000),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgentCheck {
    appointment_code: String,
    agent_code: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgentCheckResult {
    /// True when the code is the one this appointment's agent sees now.
    pub genuine: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
}

/// Customer side: is the person on the call really from support? The agent
/// reads out their code; the customer checks it here with their
/// appointment code.
#[utoipa::path(post, path = "/v1/support/agent-check", tag = "support",
    request_body = AgentCheck,
    responses((status = 200, body = AgentCheckResult),
              (status = 404, description = "not_found: no such appointment code"),
              (status = 429, description = "rate_limited (per IP)")))]
pub async fn agent_check(
    State(state): State<AppState>,
    ip: ClientIp,
    ApiJson(body): ApiJson<AgentCheck>,
) -> ApiResult<Json<AgentCheckResult>> {
    let (appointment, _) = appointment_for_code(&state, ip, &body.appointment_code).await?;
    let keys = state.keys.ring().purpose_keys("countersign/agent-code/v1");
    let keys: Vec<&[u8]> = keys.iter().map(|k| k.as_slice()).collect();
    let genuine = appointment.status == AppointmentStatus::Scheduled
        && appointment.is_agent_code_under(&keys, &body.agent_code, state.now());
    let now = state.now();
    let checked = appointment_event(
        &appointment,
        "support.agent_checked",
        now,
        json!({"genuine": genuine}),
    );
    state.store.insert_events(&[checked]).await?;
    Ok(Json(AgentCheckResult {
        genuine,
        agent: genuine.then(|| appointment.agent.clone()),
    }))
}
