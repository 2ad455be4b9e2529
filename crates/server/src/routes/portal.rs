//! `/v1/users/{user_id}/portal-sessions`: the integrator, having signed its
//! user in, asks for a one-time link to the security center (`/security`).

use axum::body::Body;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_core::contact::normalize_locale;
use countersign_core::event::Event;
use countersign_core::portal::{token_hash, PortalSession};
use countersign_core::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, EndUserIp, ServiceAuth, MAX_BODY_BYTES};
use crate::routes::challenges::check_return_url;
use crate::routes::users::find_user;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePortalSession {
    /// Where the security center's "Back" link leads; must start with one
    /// of the service's `return_urls`.
    return_url: Option<String>,
    /// The pages' language (`en`, `fr`); default: the user's locale, then
    /// the browser's.
    locale: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PortalLinkView {
    /// Send the user here (a redirect or a link): it opens the security
    /// center once, until `expires_at`.
    pub url: String,
    /// The link must be opened before this (5 minutes); the session then
    /// lasts up to 30 minutes, 10 without activity.
    pub expires_at: Timestamp,
}

/// Every field is optional, so is the body: an empty one means defaults;
/// anything else is parsed as strictly as any JSON body.
async fn optional_body(request: Request) -> ApiResult<CreatePortalSession> {
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| ApiError::invalid_request("request body is larger than 64 KiB"))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(CreatePortalSession::default());
    }
    let request = Request::from_parts(parts, Body::from(bytes));
    let ApiJson(body) = ApiJson::<CreatePortalSession>::from_request(request, &()).await?;
    Ok(body)
}

/// Opens a security-center session for a user the integrator has signed
/// in: a one-time link, good for 5 minutes.
#[utoipa::path(post, path = "/v1/users/{user_id}/portal-sessions", tag = "portal",
    params(("user_id" = String, Path)),
    request_body = CreatePortalSession,
    responses((status = 201, body = PortalLinkView),
              (status = 400, description = "invalid_request, invalid_return_url"),
              (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn create_portal_session(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
    EndUserIp(ip): EndUserIp,
    request: Request,
) -> ApiResult<(StatusCode, Json<PortalLinkView>)> {
    let body = optional_body(request).await?;
    check_return_url(&service, body.return_url.as_deref())?;
    let locale = body
        .locale
        .as_deref()
        .map(normalize_locale)
        .transpose()
        .map_err(|_| {
            ApiError::invalid_request("locale: expected a language code such as en or fr-FR")
                .with("field", "locale")
        })?;
    let user = find_user(&state, &service.id, &user_id).await?;
    let now = state.now();
    let (session, token) = PortalSession::new(&service.id, &user.id, body.return_url, locale, now);
    let created = Event::new(
        &service.id,
        Some(&user.user_id),
        "portal.session_created",
        now,
        ip.as_deref(),
        json!({"session_id": session.id, "link_expires_at": session.link_expires_at}),
    );
    state
        .store
        .insert_portal_session(&session, &token_hash(&token), &[created])
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(PortalLinkView {
            url: format!(
                "{}/security/open/{token}",
                state.config.public_url.trim_end_matches('/')
            ),
            expires_at: session.link_expires_at,
        }),
    ))
}
