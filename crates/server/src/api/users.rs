//! `/v1/users/{user_id}`: the integrator registers its users and their
//! contacts (`countersign_app::users`).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_app::users::PutUser;
use countersign_app::views::UserView;
use countersign_app::App;
use countersign_core::event::Event;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, EndUserIp, ServiceAuth};

/// Creates or updates a user.
///
/// A contact you have verified yourself (when migrating users) can be
/// vouched for with `email_verified` / `phone_verified`: it is verified as
/// if the user had passed a code, so security notices reach it, and the
/// user's events record `contact.verified` `by` `integrator`. A new address
/// or number, in a later update, is unverified again until proven.
#[utoipa::path(put, path = "/v1/users/{user_id}", tag = "users",
    params(("user_id" = String, Path, description = "The integrator's own user id")),
    request_body = PutUser,
    responses((status = 201, body = UserView, description = "Created"), (status = 200, body = UserView, description = "Updated"),
              (status = 400, description = "invalid_request (the field is named; `email_verified` / `phone_verified` \
                  for a contact the user will not have after the update), invalid_phone, invalid_email")),
    security(("api_key" = [])))]
pub async fn put_user(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
    EndUserIp(ip): EndUserIp,
    ApiJson(body): ApiJson<PutUser>,
) -> ApiResult<(StatusCode, Json<UserView>)> {
    let put = app
        .put_user(&service, &user_id, body, ip.as_deref())
        .await?;
    let status = if put.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(put.user)))
}

#[utoipa::path(get, path = "/v1/users/{user_id}", tag = "users",
    params(("user_id" = String, Path)),
    responses((status = 200, body = UserView), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn get_user(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
) -> ApiResult<Json<UserView>> {
    Ok(Json(app.user_view(&service.id, &user_id).await?))
}

/// Removes the user with their factors, challenges, sessions and security
/// notices, and erases their personal data from past events (user id, IP,
/// masked contacts; the events stay in the audit chain marked `erased`).
#[utoipa::path(delete, path = "/v1/users/{user_id}", tag = "users",
    params(("user_id" = String, Path)),
    responses((status = 204), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn delete_user(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
) -> ApiResult<StatusCode> {
    app.delete_user(&service.id, &user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EventsQuery {
    /// 1–200, default 50.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
    /// An event id: only events older than it.
    before: Option<String>,
}

/// The user's security events, newest first.
#[utoipa::path(get, path = "/v1/users/{user_id}/events", tag = "users",
    params(("user_id" = String, Path), EventsQuery),
    responses((status = 200, body = Vec<Event>), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn list_events(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
    query: Result<Query<EventsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<Event>>> {
    let Query(q) =
        query.map_err(|e| ApiError::invalid_request(format!("query: {}", e.body_text())))?;
    let limit = q.limit.unwrap_or(50);
    let events = app
        .user_events(&service.id, &user_id, limit, q.before.as_deref())
        .await?;
    Ok(Json(events))
}
