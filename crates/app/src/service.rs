//! The service's own settings: protections and policies per purpose.

use std::collections::BTreeMap;

use countersign_core::brand::{check_logo, Logo};
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
    /// `by` (an object: who, and why) joins its event.
    pub async fn change_settings(
        &self,
        service_id: &ServiceId,
        patch: &SettingsPatch,
        by: serde_json::Value,
    ) -> AppResult<ServiceView> {
        let mut details = json!({"purposes": patch.policies.keys().collect::<Vec<_>>()});
        crate::merge_detail(&mut details, by);
        self.rewrite_settings(
            service_id,
            |settings| Ok(settings.apply(patch)?),
            LogoChange::Keep,
            "service.settings_changed",
            details,
        )
        .await
    }

    /// Uploads the service's logo (PNG, JPEG or WebP: `content_type` is the
    /// upload's, checked against the bytes), replacing any other; audited
    /// as `service.logo_changed`.
    pub async fn set_logo(
        &self,
        service_id: &ServiceId,
        image: &[u8],
        content_type: &str,
    ) -> AppResult<ServiceView> {
        let logo = check_logo(image, content_type)?;
        let details = json!({"sha256": logo.sha256, "content_type": logo.content_type});
        self.rewrite_settings(
            service_id,
            |settings| {
                let mut next = settings.clone();
                next.brand.logo = Some(logo.clone());
                Ok(next)
            },
            LogoChange::Put(image),
            "service.logo_changed",
            details,
        )
        .await
    }

    /// Removes the service's logo (the pages show its name alone).
    pub async fn remove_logo(&self, service_id: &ServiceId) -> AppResult<ServiceView> {
        self.rewrite_settings(
            service_id,
            |settings| {
                let mut next = settings.clone();
                next.brand.logo = None;
                Ok(next)
            },
            LogoChange::Remove,
            "service.logo_changed",
            json!({"sha256": null}),
        )
        .await
    }

    /// The service's logo at `version` ([`Logo::version`]), for the pages:
    /// `None` when the service has no logo or another one now.
    pub async fn logo(
        &self,
        service_id: &str,
        version: &str,
    ) -> AppResult<Option<(Logo, Vec<u8>)>> {
        let Some(service) = self.store.service(service_id).await? else {
            return Ok(None);
        };
        let Some(logo) = service
            .settings
            .brand
            .logo
            .filter(|l| l.version() == version)
        else {
            return Ok(None);
        };
        Ok(self
            .store
            .service_logo(service_id)
            .await?
            .filter(|(sha256, _)| *sha256 == logo.sha256)
            .map(|(_, image)| (logo, image)))
    }

    /// The settings' compare-and-swap: `next` is applied to the settings as
    /// stored, again if another request changed them meanwhile, so that no
    /// change is lost; nothing is half-applied.
    async fn rewrite_settings(
        &self,
        service_id: &ServiceId,
        next: impl Fn(&ServiceSettings) -> AppResult<ServiceSettings>,
        logo: LogoChange<'_>,
        event: &str,
        details: serde_json::Value,
    ) -> AppResult<ServiceView> {
        for _ in 0..8 {
            let current = self
                .store
                .service(service_id)
                .await?
                .ok_or(AppError::NotFound(Missing::Service))?;
            let settings = next(&current.settings)?;
            let changed = Event::new(&current.id, None, event, self.now(), None, details.clone());
            let next = Service {
                settings,
                ..current.clone()
            };
            let events = [changed];
            let written = match logo {
                LogoChange::Keep => {
                    self.store
                        .update_service_settings(&next, &current.settings, &events)
                        .await?
                }
                LogoChange::Put(image) => {
                    self.store
                        .replace_service_logo(&next, &current.settings, Some(image), &events)
                        .await?
                }
                LogoChange::Remove => {
                    self.store
                        .replace_service_logo(&next, &current.settings, None, &events)
                        .await?
                }
            };
            if written {
                self.services.forget(&next.id);
                return Ok(ServiceView::of(next));
            }
        }
        Err(AppError::Busy(
            "the settings changed too often meanwhile; try again",
        ))
    }
}

/// What a settings change does to the logo's stored image.
#[derive(Clone, Copy)]
enum LogoChange<'a> {
    Keep,
    Put(&'a [u8]),
    Remove,
}
