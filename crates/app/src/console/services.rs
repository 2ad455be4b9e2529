//! Services from the console: each service's policies (an editor that
//! checks a draft as it is typed and previews what a user with given
//! methods would need), its return URLs, and its webhook endpoints with
//! their delivery logs and a replay. Saving goes through the API's own
//! `change_settings`, so the rules and the audit event are the API's.

use std::collections::BTreeMap;

use countersign_core::operator::Action;
use countersign_core::policy::{Method, PurposeClass, BUILT_IN_PURPOSES};
use countersign_core::service::{PurposePolicy, Service, ServiceSettings, SettingsPatch};
use countersign_core::webhook::ServiceWebhook;

use super::Console;
use crate::webhooks::DeliveryView;
use crate::{App, AppError, AppResult};

/// Deliveries shown per endpoint.
const DELIVERIES_SHOWN: u32 = 20;

/// A service as its console page shows it.
pub struct Desk {
    pub service: Service,
    /// The service's own policies, as the editor starts from them (the
    /// `policies` of `PATCH /v1/service`).
    pub policies_json: String,
    pub webhooks: Vec<(ServiceWebhook, Vec<DeliveryView>)>,
}

/// What one purpose would ask of a user, under a draft.
#[derive(Debug, serde::Serialize)]
pub struct PurposePreview {
    pub purpose: String,
    pub class: PurposeClass,
    /// Every group must be met, each by one of its methods.
    pub all_of: Vec<Vec<Method>>,
    /// Whether a user with the previewed methods could ever pass.
    pub passable: bool,
}

/// A draft, checked: what is wrong with it, or what it would ask.
#[derive(Debug, serde::Serialize)]
pub struct DraftCheck {
    pub error: Option<String>,
    pub preview: Vec<PurposePreview>,
}

/// The draft policies (`{"purpose": {"class"?, "all_of": […]}, …}`) as a
/// patch that makes them the service's own, and no other.
fn patch_of(
    settings: &ServiceSettings,
    draft: &str,
    return_urls: Option<Vec<String>>,
) -> AppResult<SettingsPatch> {
    let draft: BTreeMap<String, PurposePolicy> = if draft.trim().is_empty() {
        BTreeMap::new()
    } else {
        let value: serde_json::Value =
            serde_json::from_str(draft).map_err(|e| AppError::field("policies", e))?;
        countersign_core::json::from_value(value).map_err(|e| AppError::field("policies", e))?
    };
    let mut policies: BTreeMap<String, Option<PurposePolicy>> = settings
        .policies
        .keys()
        .map(|purpose| (purpose.clone(), None))
        .collect();
    policies.extend(draft.into_iter().map(|(purpose, p)| (purpose, Some(p))));
    Ok(SettingsPatch {
        policies,
        return_urls,
        ..SettingsPatch::default()
    })
}

/// Each purpose's policy under `settings`, for a user who has `methods`.
fn preview(settings: &ServiceSettings, methods: &[Method]) -> Vec<PurposePreview> {
    BUILT_IN_PURPOSES
        .iter()
        .map(|p| p.to_string())
        .chain(settings.policies.keys().cloned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter_map(|purpose| {
            let policy = settings.policy_for(&purpose)?;
            Some(PurposePreview {
                class: settings.class_of(&purpose),
                passable: policy.satisfiable_with(methods),
                all_of: policy.all_of.iter().map(|g| g.any_of.clone()).collect(),
                purpose,
            })
        })
        .collect()
}

impl App {
    /// Every service, by name.
    pub async fn console_services(&self, c: &Console) -> AppResult<Vec<Service>> {
        c.allow(Action::SeeServices, self.now())?;
        let mut services = self.store.services().await?;
        services.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(services)
    }

    /// One service: its policies, return URLs and webhook endpoints.
    pub async fn console_desk(&self, c: &Console, service_id: &str) -> AppResult<Desk> {
        c.allow(Action::SeeServices, self.now())?;
        let service = self.console_service(service_id).await?;
        let mut webhooks = Vec::new();
        for w in self.webhooks(&service.id).await? {
            let log = self
                .webhook_deliveries(&service.id, &w.id, DELIVERIES_SHOWN)
                .await?;
            webhooks.push((w, log));
        }
        let policies_json = serde_json::to_string_pretty(&service.settings.policies)
            .map_err(|_| AppError::Internal)?;
        Ok(Desk {
            service,
            policies_json,
            webhooks,
        })
    }

    /// Checks a draft of the service's policies as the API would, writing
    /// nothing, and previews each purpose for a user who has `methods`.
    pub async fn console_check_policies(
        &self,
        c: &Console,
        service_id: &str,
        draft: &str,
        methods: &[Method],
    ) -> AppResult<DraftCheck> {
        c.allow(Action::SeeServices, self.now())?;
        let service = self.console_service(service_id).await?;
        let checked = patch_of(&service.settings, draft, None)
            .and_then(|patch| Ok(service.settings.apply(&patch)?));
        Ok(match checked {
            Ok(next) => DraftCheck {
                error: None,
                preview: preview(&next, methods),
            },
            Err(e) => DraftCheck {
                error: Some(e.to_string()),
                preview: preview(&service.settings, methods),
            },
        })
    }

    /// Makes the draft the service's policies, and `return_urls` (one per
    /// line) its return URLs.
    pub async fn console_save_service(
        &self,
        c: &Console,
        service_id: &str,
        draft: &str,
        return_urls: &str,
    ) -> AppResult<()> {
        c.allow(Action::EditServices, self.now())?;
        let service = self.console_service(service_id).await?;
        let urls = return_urls
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        let patch = patch_of(&service.settings, draft, Some(urls))?;
        self.change_settings(&service.id, &patch, c.operator.acting(None))
            .await?;
        Ok(())
    }

    /// Sends one event to one of the service's endpoints again.
    pub async fn console_replay(
        &self,
        c: &Console,
        service_id: &str,
        webhook_id: &str,
        event_id: &str,
    ) -> AppResult<()> {
        c.allow(Action::EditServices, self.now())?;
        let service = self.console_service(service_id).await?;
        let by = crate::api_keys::By::Console(&c.operator);
        self.replay_webhook(&service.id, webhook_id, &[event_id.to_owned()], by)
            .await?;
        Ok(())
    }
}
