//! `/v1/service/webhooks`: the calling service's own webhook endpoints,
//! which receive its events only, signed the Standard Webhooks way.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_app::api_keys::By;
use countersign_app::webhooks::{CreatedWebhook, DeliveryView};
use countersign_app::App;
use countersign_core::webhook::ServiceWebhook;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, KeyAuth, ServiceAuth};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewWebhook {
    /// `https://…` (or `http://`); a public address unless the operator
    /// allows private ones (`webhook_private_targets`).
    #[schema(max_length = 2048)]
    url: String,
    /// Event types to send: exact (`challenge.approved`) or by prefix
    /// (`challenge.*`); empty or absent sends every event.
    #[serde(default)]
    #[schema(max_items = 50)]
    events: Vec<String>,
}

/// Registers an endpoint for the calling service's events (at most 10).
/// It starts with the service's next event. Each delivery carries
/// `webhook-id` (the event's id), `webhook-timestamp` and
/// `webhook-signature` under the `secret` of this answer, which is shown
/// only here. Audited as `service.webhook_created`.
#[utoipa::path(post, path = "/v1/service/webhooks", tag = "service",
    request_body = NewWebhook,
    responses((status = 201, body = CreatedWebhook),
              (status = 400, description = "invalid_request (url, events)"),
              (status = 401, description = "unauthorized"),
              (status = 409, description = "too_many_webhooks")),
    security(("api_key" = [])))]
pub async fn create_webhook(
    State(app): State<App>,
    KeyAuth(caller): KeyAuth,
    ApiJson(new): ApiJson<NewWebhook>,
) -> ApiResult<(StatusCode, Json<CreatedWebhook>)> {
    let created = app
        .create_webhook(
            &caller.service.id,
            &new.url,
            new.events,
            By::Api(&caller.key.id),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The calling service's endpoints, oldest first (never their secrets).
#[utoipa::path(get, path = "/v1/service/webhooks", tag = "service",
    responses((status = 200, body = Vec<ServiceWebhook>), (status = 401, description = "unauthorized")),
    security(("api_key" = [])))]
pub async fn list_webhooks(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
) -> ApiResult<Json<Vec<ServiceWebhook>>> {
    Ok(Json(app.webhooks(&service.id).await?))
}

/// Removes an endpoint: nothing more is sent to it. Audited as
/// `service.webhook_deleted`.
#[utoipa::path(delete, path = "/v1/service/webhooks/{id}", tag = "service",
    params(("id" = String, Path, description = "The endpoint's id (`whk_…`)")),
    responses((status = 204), (status = 401, description = "unauthorized"),
              (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn delete_webhook(
    State(app): State<App>,
    KeyAuth(caller): KeyAuth,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    app.delete_webhook(&caller.service.id, &id, By::Api(&caller.key.id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DeliveriesQuery {
    /// 1–200, default 50.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
}

/// The endpoint's latest delivery attempts, newest first.
#[utoipa::path(get, path = "/v1/service/webhooks/{id}/deliveries", tag = "service",
    params(("id" = String, Path), DeliveriesQuery),
    responses((status = 200, body = Vec<DeliveryView>),
              (status = 400, description = "invalid_request"),
              (status = 401, description = "unauthorized"),
              (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn list_deliveries(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
    query: Result<Query<DeliveriesQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<DeliveryView>>> {
    let Query(q) =
        query.map_err(|e| ApiError::invalid_request(format!("query: {}", e.body_text())))?;
    let limit = q.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::invalid_request("limit: 1 to 200".to_owned()));
    }
    Ok(Json(app.webhook_deliveries(&service.id, &id, limit).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Replay {
    /// The service's events to send again, in this order (1–100).
    #[schema(min_items = 1, max_items = 100)]
    event_ids: Vec<String>,
}

/// Sends events of the calling service to the endpoint again, now (each
/// attempt is in the delivery log with `attempt` 0).
#[utoipa::path(post, path = "/v1/service/webhooks/{id}/replay", tag = "service",
    params(("id" = String, Path)),
    request_body = Replay,
    responses((status = 200, body = Vec<DeliveryView>),
              (status = 400, description = "invalid_request (an unknown event, or one the endpoint does not subscribe to)"),
              (status = 401, description = "unauthorized"),
              (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn replay(
    State(app): State<App>,
    KeyAuth(caller): KeyAuth,
    Path(id): Path<String>,
    ApiJson(replay): ApiJson<Replay>,
) -> ApiResult<Json<Vec<DeliveryView>>> {
    if replay.event_ids.is_empty() || replay.event_ids.len() > 100 {
        return Err(ApiError::invalid_request("event_ids: 1 to 100".to_owned()));
    }
    Ok(Json(
        app.replay_webhook(
            &caller.service.id,
            &id,
            &replay.event_ids,
            By::Api(&caller.key.id),
        )
        .await?,
    ))
}
