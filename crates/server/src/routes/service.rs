//! `/v1/service`: the calling service and the policies in force.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use countersign_core::event::Event;
use countersign_core::policy::{Policy, BUILT_IN_PURPOSES};
use countersign_core::service::{Service, ServiceSettings, SettingsError, SettingsPatch};
use countersign_core::Timestamp;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ServiceAuth};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceView {
    id: String,
    name: String,
    created_at: Timestamp,
    settings: ServiceSettings,
    /// The policy in force for every purpose, built-in or the service's own.
    policies: BTreeMap<String, Policy>,
}

#[utoipa::path(get, path = "/v1/service", tag = "service",
    responses((status = 200, body = ServiceView), (status = 401, description = "unauthorized")),
    security(("api_key" = [])))]
pub async fn get_service(ServiceAuth(service): ServiceAuth) -> Json<ServiceView> {
    Json(ServiceView::of(service))
}

/// Changes the service's protections and policies: per purpose, groups of
/// methods that must all be met (any one method per group). Withdrawals and
/// security changes can never be met by SMS, voice or email alone.
#[utoipa::path(patch, path = "/v1/service", tag = "service",
    request_body = SettingsPatch,
    responses((status = 200, body = ServiceView),
              (status = 400, description = "invalid_request (the field is named)"),
              (status = 422, description = "invalid_policy, policy_too_weak")),
    security(("api_key" = [])))]
pub async fn patch_service(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    ApiJson(patch): ApiJson<SettingsPatch>,
) -> ApiResult<Json<ServiceView>> {
    for _ in 0..8 {
        let current = state
            .store
            .service(&service.id)
            .await?
            .ok_or_else(|| ApiError::not_found("service"))?;
        let settings = current.settings.apply(&patch).map_err(settings_error)?;
        let changed = Event::new(
            &current.id,
            None,
            "service.settings_changed",
            state.now(),
            None,
            json!({"purposes": patch.policies.keys().collect::<Vec<_>>()}),
        );
        let next = Service {
            settings,
            ..current.clone()
        };
        if state
            .store
            .update_service_settings(&next, &current.settings, &[changed])
            .await?
        {
            state.services.forget(&next.id);
            return Ok(Json(ServiceView::of(next)));
        }
    }
    Err(ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        "Busy",
        "the settings changed too often meanwhile; try again",
    ))
}

fn settings_error(e: SettingsError) -> ApiError {
    let detail = e.to_string();
    match e {
        SettingsError::OutOfRange { field, .. } => {
            ApiError::invalid_request(detail).with("field", field)
        }
        SettingsError::BadPurpose(p) => {
            ApiError::invalid_request(detail).with("field", format!("policies.{p}"))
        }
        SettingsError::TooManyPurposes => {
            ApiError::invalid_request(detail).with("field", "policies")
        }
        SettingsError::BadReturnUrl(_) | SettingsError::TooManyReturnUrls => {
            ApiError::invalid_request(detail).with("field", "return_urls")
        }
        SettingsError::InvalidPolicy { purpose, .. } => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_policy",
            "Invalid policy",
            detail,
        )
        .with("purpose", purpose),
        SettingsError::TooWeak(purpose) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "policy_too_weak",
            "Policy too weak",
            detail,
        )
        .with("purpose", purpose),
    }
}

impl ServiceView {
    fn of(service: Service) -> ServiceView {
        let purposes = BUILT_IN_PURPOSES
            .iter()
            .map(|p| p.to_string())
            .chain(service.settings.policies.keys().cloned());
        let policies = purposes
            .filter_map(|p| service.settings.policy_for(&p).map(|policy| (p, policy)))
            .collect();
        ServiceView {
            id: service.id,
            name: service.name,
            created_at: service.created_at,
            settings: service.settings,
            policies,
        }
    }
}
