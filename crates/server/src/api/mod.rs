//! The HTTP surface: the router, the OpenAPI document, and the operator
//! endpoints (`/healthz`, `/readyz`; `/metrics` on a listener of its own).

pub mod challenges;
pub mod delivery;
pub mod devices;
mod doc;
pub mod factors;
pub mod help;
pub mod portal;
pub mod service;
pub mod support;
pub mod users;
pub mod webauthn;
pub mod webhooks;

use axum::extract::State;
use axum::http::{header, HeaderMap, Method, StatusCode, Uri};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{middleware, Router};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::ApiError;
use countersign_app::App;

use crate::metrics;

#[derive(OpenApi)]
#[openapi(
    info(title = "Countersign", description = "Account security: prove that the person at the keyboard owns the account."),
    modifiers(&ApiKeyScheme),
    tags((name = "users"), (name = "factors"), (name = "challenges"), (name = "service"), (name = "delivery"), (name = "devices"), (name = "support"), (name = "webauthn"), (name = "help"), (name = "portal"))
)]
struct ApiDoc;

struct ApiKeyScheme;

impl Modify for ApiKeyScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "device_signature",
            SecurityScheme::ApiKey(utoipa::openapi::security::ApiKey::Header(
                utoipa::openapi::security::ApiKeyValue::with_description(
                    "Countersign-Device",
                    "<factor_id>.<unix_seconds>.<base64url Ed25519 signature of METHOD\\nPATH\\nunix_seconds\\nhex(SHA-256(body))>",
                ),
            )),
        );
    }
}

/// The API's routes, each with its part of the OpenAPI document.
fn api_routes() -> OpenApiRouter<App> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(
            users::put_user,
            users::get_user,
            users::delete_user
        ))
        .routes(routes!(users::list_events))
        .routes(routes!(factors::create_factor, factors::list_factors))
        .routes(routes!(factors::activate_factor))
        .routes(routes!(factors::resync_factor))
        .routes(routes!(factors::delete_factor))
        .routes(routes!(portal::create_portal_session))
        .routes(routes!(challenges::create_challenge))
        .routes(routes!(challenges::get_challenge))
        .routes(routes!(challenges::send_code))
        .routes(routes!(challenges::verify_code))
        .routes(routes!(challenges::cancel_challenge))
        .routes(routes!(challenges::release_challenge))
        .routes(routes!(service::get_service, service::patch_service))
        .routes(routes!(service::create_key, service::list_keys))
        .routes(routes!(service::revoke_key))
        .routes(routes!(service::put_logo, service::delete_logo))
        .routes(routes!(webhooks::create_webhook, webhooks::list_webhooks))
        .routes(routes!(webhooks::delete_webhook))
        .routes(routes!(webhooks::list_deliveries))
        .routes(routes!(webhooks::replay))
        .routes(routes!(delivery::delivery_status))
        .routes(routes!(delivery::call_key_pressed))
        .routes(routes!(devices::pending_requests))
        .routes(routes!(devices::device_response))
        .routes(routes!(
            support::book_appointment,
            support::list_appointments
        ))
        .routes(routes!(support::get_appointment))
        .routes(routes!(support::cancel_appointment))
        .routes(routes!(support::reschedule_appointment))
        .routes(routes!(support::agent_code))
        .routes(routes!(support::join))
        .routes(routes!(support::join_verify))
        .routes(routes!(support::room_token))
        .routes(routes!(support::agent_check))
        .routes(routes!(webauthn::start_sign_in))
        .routes(routes!(webauthn::finish_sign_in))
        .routes(routes!(help::list_articles))
        .routes(routes!(
            help::put_article,
            help::get_article,
            help::delete_article
        ))
}

/// The OpenAPI document served at `/v1/openapi.json`.
pub fn openapi() -> serde_json::Value {
    document(api_routes().split_for_parts().1)
}

/// The generated document, completed by [`doc::complete`].
fn document(generated: utoipa::openapi::OpenApi) -> serde_json::Value {
    let mut document = serde_json::to_value(generated).expect("the OpenAPI document serialises");
    doc::complete(&mut document);
    document
}

/// The whole application, ready to serve. Tests call this with their own
/// state (clock, database, providers).
pub fn app(state: App) -> Router {
    let (api, generated) = api_routes().split_for_parts();
    let openapi_json = serde_json::to_string_pretty(&document(generated))
        .expect("the OpenAPI document serialises");
    api.route(
        "/v1/openapi.json",
        get(move || async move { ([(header::CONTENT_TYPE, "application/json")], openapi_json) }),
    )
    .merge(crate::pages::routes())
    .merge(crate::twilio::routes())
    .route("/healthz", get(|| async { "ok" }))
    .route("/readyz", get(readyz))
    .fallback(unknown_route)
    .method_not_allowed_fallback(|uri: Uri, headers: HeaderMap| async move {
        if is_page_path(uri.path()) {
            let accept_language = headers.get(header::ACCEPT_LANGUAGE).cloned();
            return crate::pages::refused_page(
                &uri,
                accept_language,
                StatusCode::METHOD_NOT_ALLOWED,
            );
        }
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "Method not allowed",
            "this route does not take that method",
        )
        .into_response()
    })
    .layer(middleware::from_fn_with_state(state.clone(), deadline))
    .layer(middleware::from_fn_with_state(
        state.clone(),
        wake_outbox_after_writes,
    ))
    .layer(middleware::from_fn(typed_errors_everywhere))
    .layer(middleware::from_fn_with_state(
        state.clone(),
        metrics::track,
    ))
    .layer(tower_http::catch_panic::CatchPanicLayer::custom(|_| {
        ApiError::internal().into_response()
    }))
    .layer(tower_http::trace::TraceLayer::new_for_http())
    .with_state(state)
}

/// An address no route answers: problem+json for the API (`/v1/…`) and
/// the operator's `/metrics` (clients and tooling read the `code`), the
/// not-found page for everything else (a browser's address bar).
async fn unknown_route(uri: Uri, headers: HeaderMap) -> axum::response::Response {
    let path = uri.path();
    if path == "/v1" || path.starts_with("/v1/") || path == "/metrics" {
        ApiError::not_found("route").into_response()
    } else {
        crate::pages::unknown_page(&uri, &headers)
    }
}

/// Turns any error answer that is not already typed (an extractor's
/// plain-text rejection, a wrong method) into what its reader expects:
/// problem+json for the API, so that clients always get a `code`; an HTML
/// page, in the user's language, for a browser's address. Error pages of
/// the end users' pages (HTML) and the Twilio surface's errors (JSON in
/// Twilio's shape) are left as they are.
async fn typed_errors_everywhere(
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let page = is_page_path(request.uri().path()).then(|| {
        (
            request.uri().clone(),
            request.headers().get(header::ACCEPT_LANGUAGE).cloned(),
        )
    });
    let response = next.run(request).await;
    let status = response.status();
    let is_typed = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|ct| {
            ct.as_bytes().starts_with(b"application/problem+json")
                || ct.as_bytes().starts_with(b"application/json")
                || ct.as_bytes().starts_with(b"text/html")
        });
    if is_typed || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    if let Some((uri, accept_language)) = page {
        return crate::pages::refused_page(&uri, accept_language, status);
    }
    if status.is_client_error() {
        ApiError::invalid_request(format!("the request was refused: {status}")).into_response()
    } else {
        ApiError::internal().into_response()
    }
}

/// Whether `path` is one a browser opens (a page, its forms), as opposed
/// to the API's, the operator's and the Twilio surface's.
fn is_page_path(path: &str) -> bool {
    let api = ["/v1", "/twilio"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")));
    !(api || matches!(path, "/metrics" | "/healthz" | "/readyz"))
}

/// Wakes this process's outbox worker after every request that may have
/// written events or notices (any method but `GET` and `HEAD`): its
/// connections do not announce them through the database (see
/// [`countersign_store::connect_server`]). Wakes gather, so this costs
/// nothing under load.
async fn wake_outbox_after_writes(
    State(state): State<App>,
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let reads_only = matches!(*request.method(), Method::GET | Method::HEAD);
    let response = next.run(request).await;
    if !reads_only {
        state.outbox.wake();
    }
    response
}

async fn readyz(State(state): State<App>) -> Result<&'static str, ApiError> {
    state.store.ping().await.map_err(|e| {
        tracing::warn!(error = %e, "readiness check failed");
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "Not ready",
            "the database does not answer",
        )
    })?;
    Ok("ready")
}

/// `/metrics` alone, for its own listener (`metrics_listen`): counters of
/// routes, outcomes and providers are for the operator, not the internet.
pub fn metrics_app(state: App) -> Router {
    Router::new()
        .route("/metrics", get(render_metrics))
        .fallback(|| async { ApiError::not_found("route") })
        .with_state(state)
}

/// The whole-request timeout (`http.request_timeout_seconds`): body, work
/// and answer. It exceeds a device's long-poll, which waits on purpose; a
/// request cut off here leaves nothing half written, as each use case
/// writes in one transaction.
async fn deadline(
    State(state): State<App>,
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let limit = std::time::Duration::from_secs(state.config.http.request_timeout_seconds);
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            "Request timed out",
            format!("the request took longer than {} s", limit.as_secs()),
        )
        .into_response(),
    }
}

async fn render_metrics(State(state): State<App>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.render(),
    )
}
