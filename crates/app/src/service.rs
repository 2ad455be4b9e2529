//! The service's own settings: protections and policies per purpose.

use std::collections::BTreeMap;

use countersign_core::event::Event;
use countersign_core::ids::ServiceId;
use countersign_core::policy::{Policy, PurposeClass, BUILT_IN_PURPOSES};
use countersign_core::service::{Service, ServiceSettings, SettingsPatch};
use countersign_core::Timestamp;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::{App, AppError, AppResult, Missing};

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceView {
    id: ServiceId,
    name: String,
    /// How SMS and calls name the service: `settings.sms_name`, else one
    /// derived from `name`.
    #[schema(example = "Acme Bank")]
    sms_name: String,
    created_at: Timestamp,
    settings: ServiceSettings,
    /// The policy in force for every purpose, built-in or the service's own.
    policies: BTreeMap<String, Policy>,
    /// The class of every purpose, whose rules hold whatever its policy.
    classes: BTreeMap<String, PurposeClass>,
}

impl ServiceView {
    pub fn of(service: Service) -> ServiceView {
        let purposes = BUILT_IN_PURPOSES
            .iter()
            .map(|p| p.to_string())
            .chain(service.settings.policies.keys().cloned());
        let policies: BTreeMap<String, Policy> = purposes
            .filter_map(|p| service.settings.policy_for(&p).map(|policy| (p, policy)))
            .collect();
        let classes = policies
            .keys()
            .map(|p| (p.clone(), service.settings.class_of(p)))
            .collect();
        ServiceView {
            sms_name: service.sms_name(),
            id: service.id,
            name: service.name,
            created_at: service.created_at,
            settings: service.settings,
            policies,
            classes,
        }
    }
}

impl App {
    /// Changes the service's settings; a change made meanwhile by another
    /// request is never overwritten (the patch is applied again on it).
    pub async fn change_settings(
        &self,
        service_id: &ServiceId,
        patch: &SettingsPatch,
    ) -> AppResult<ServiceView> {
        for _ in 0..8 {
            let current = self
                .store
                .service(service_id)
                .await?
                .ok_or(AppError::NotFound(Missing::Service))?;
            let settings = current.settings.apply(patch)?;
            let changed = Event::new(
                &current.id,
                None,
                "service.settings_changed",
                self.now(),
                None,
                json!({"purposes": patch.policies.keys().collect::<Vec<_>>()}),
            );
            let next = Service {
                settings,
                ..current.clone()
            };
            if self
                .store
                .update_service_settings(&next, &current.settings, &[changed])
                .await?
            {
                self.services.forget(&next.id);
                return Ok(ServiceView::of(next));
            }
        }
        Err(AppError::Busy(
            "the settings changed too often meanwhile; try again",
        ))
    }
}
