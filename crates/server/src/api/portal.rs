//! `/v1/users/{user_id}/portal-sessions`: the integrator, having signed its
//! user in, asks for a one-time link to the security center (`/security`).

use axum::body::Body;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_app::portal::{CreatePortalSession, PortalLinkView};
use countersign_app::App;

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, EndUserIp, ServiceAuth, MAX_BODY_BYTES};

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
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
    EndUserIp(ip): EndUserIp,
    request: Request,
) -> ApiResult<(StatusCode, Json<PortalLinkView>)> {
    let body = optional_body(request).await?;
    let link = app
        .create_portal_session(&service, &user_id, body, ip.as_deref())
        .await?;
    Ok((StatusCode::CREATED, Json(link)))
}
