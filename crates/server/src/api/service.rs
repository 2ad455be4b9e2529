//! `/v1/service`: the calling service and the policies in force.

use axum::extract::State;
use axum::Json;
use countersign_app::service::ServiceView;
use countersign_app::App;
use countersign_core::service::SettingsPatch;

use crate::error::ApiResult;
use crate::extract::{ApiJson, ServiceAuth};

#[utoipa::path(get, path = "/v1/service", tag = "service",
    responses((status = 200, body = ServiceView), (status = 401, description = "unauthorized")),
    security(("api_key" = [])))]
pub async fn get_service(ServiceAuth(service): ServiceAuth) -> Json<ServiceView> {
    Json(ServiceView::of(service))
}

/// Changes the service's protections and policies: per purpose, groups of
/// methods that must all be met (any one method per group). Each purpose has
/// a class: built-in ones a fixed class, the service's own the one they
/// declare. A `sensitive` or `security_change` purpose can never be met by
/// SMS, voice or email alone; a `sensitive` one is held after a security
/// change.
#[utoipa::path(patch, path = "/v1/service", tag = "service",
    request_body = SettingsPatch,
    responses((status = 200, body = ServiceView),
              (status = 400, description = "invalid_request (the field is named), purpose_class_required (a new purpose of the service's own without `class`), invalid_purpose_class (another class for a built-in purpose, or `verification`)"),
              (status = 422, description = "invalid_policy, policy_too_weak")),
    security(("api_key" = [])))]
pub async fn patch_service(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    ApiJson(patch): ApiJson<SettingsPatch>,
) -> ApiResult<Json<ServiceView>> {
    Ok(Json(app.change_settings(&service.id, &patch).await?))
}
