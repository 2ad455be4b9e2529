//! `/v1/service`: the calling service and the policies in force.

use std::collections::BTreeMap;

use axum::Json;
use countersign_core::policy::{Policy, BUILT_IN_PURPOSES};
use countersign_core::service::ServiceSettings;
use countersign_core::Timestamp;
use serde::Serialize;
use utoipa::ToSchema;

use crate::extract::ServiceAuth;

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
    let purposes = BUILT_IN_PURPOSES
        .iter()
        .map(|p| p.to_string())
        .chain(service.settings.policies.keys().cloned());
    let policies = purposes
        .filter_map(|p| service.settings.policy_for(&p).map(|policy| (p, policy)))
        .collect();
    Json(ServiceView {
        id: service.id,
        name: service.name,
        created_at: service.created_at,
        settings: service.settings,
        policies,
    })
}
