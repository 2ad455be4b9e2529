//! A service's own webhook endpoints: registered through the API, they get
//! that service's events only (the operator's `[[webhooks]]` get every
//! service's). Each has a Standard Webhooks secret, made here from the
//! CSPRNG, sealed with the master key and shown once; public addresses
//! only, unless the operator allows private ones. Registering and removing
//! one are audit events.

use countersign_core::event::Event;
use countersign_core::ids::{ServiceId, WebhookId};
use countersign_core::secret::new_webhook_secret;
use countersign_core::webhook::{check_pattern, ServiceWebhook, MAX_PATTERNS, MAX_PER_SERVICE};
use countersign_store::WebhookDelivery;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::admin::AdminError;
use crate::api_keys::By;
use crate::config::WebhookEndpoint;
use crate::{App, AppError, AppResult, Missing};

/// Longest endpoint URL accepted.
const MAX_URL: usize = 2048;

/// A new endpoint, with its secret: the only place it is ever shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedWebhook {
    #[serde(flatten)]
    pub webhook: ServiceWebhook,
    /// Signs every delivery (`webhook-signature`); verify with any Standard
    /// Webhooks library. Shown only here: it is stored sealed.
    pub secret: String,
}

/// One attempt to deliver one event to the endpoint.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryView {
    pub id: String,
    pub event_id: String,
    /// 1 and up for the worker's attempts, 0 for a replay.
    pub attempt: u32,
    /// The endpoint's HTTP status, when it answered.
    pub status_code: Option<u16>,
    pub error: Option<String>,
    pub at: countersign_core::Timestamp,
}

impl From<WebhookDelivery> for DeliveryView {
    fn from(d: WebhookDelivery) -> DeliveryView {
        DeliveryView {
            id: d.id,
            event_id: d.event_id,
            attempt: d.attempt,
            status_code: d.status_code,
            error: d.error,
            at: d.at,
        }
    }
}

fn views(deliveries: Vec<WebhookDelivery>) -> Vec<DeliveryView> {
    deliveries.into_iter().map(DeliveryView::from).collect()
}

fn invalid(field: &str, detail: String) -> AppError {
    AppError::Invalid {
        field: Some(field.to_owned()),
        detail,
    }
}

impl App {
    /// Registers an endpoint for the service's events (`events`: type
    /// patterns, none for every event).
    pub async fn create_webhook(
        &self,
        service_id: &ServiceId,
        url: &str,
        events: Vec<String>,
        by: By<'_>,
    ) -> AppResult<CreatedWebhook> {
        if url.len() > MAX_URL {
            return Err(invalid("url", format!("at most {MAX_URL} characters")));
        }
        self.service_poster
            .check_target(url)
            .map_err(|e| invalid("url", e))?;
        if events.len() > MAX_PATTERNS {
            return Err(invalid(
                "events",
                format!("at most {MAX_PATTERNS} patterns"),
            ));
        }
        for pattern in &events {
            check_pattern(pattern).map_err(|e| invalid("events", e))?;
        }
        let now = self.now();
        let webhook = ServiceWebhook {
            id: WebhookId::new_at(now),
            service_id: service_id.clone(),
            url: url.to_owned(),
            events,
            created_at: now,
        };
        let secret = new_webhook_secret();
        let sealed = self
            .keys
            .ring()
            .seal(secret.as_bytes(), webhook.id.as_str());
        let created = audit(&webhook, "service.webhook_created", by, now);
        if !self
            .store
            .insert_service_webhook(&webhook, &sealed, MAX_PER_SERVICE, &[created])
            .await?
        {
            return Err(AppError::TooManyWebhooks {
                limit: MAX_PER_SERVICE,
            });
        }
        self.outbox.wake();
        Ok(CreatedWebhook { webhook, secret })
    }

    /// The service's endpoints, oldest first (never their secrets).
    pub async fn webhooks(&self, service_id: &ServiceId) -> AppResult<Vec<ServiceWebhook>> {
        Ok(self.store.service_webhooks(service_id).await?)
    }

    /// Removes an endpoint: nothing more goes to it.
    pub async fn delete_webhook(
        &self,
        service_id: &ServiceId,
        id: &str,
        by: By<'_>,
    ) -> AppResult<()> {
        let webhook = self.webhook(service_id, id).await?;
        let deleted = audit(&webhook, "service.webhook_deleted", by, self.now());
        if self
            .store
            .delete_service_webhook(service_id, id, &[deleted])
            .await?
        {
            Ok(())
        } else {
            Err(AppError::NotFound(Missing::Webhook))
        }
    }

    /// An endpoint's latest delivery attempts, newest first.
    pub async fn webhook_deliveries(
        &self,
        service_id: &ServiceId,
        id: &str,
        limit: u32,
    ) -> AppResult<Vec<DeliveryView>> {
        let webhook = self.webhook(service_id, id).await?;
        Ok(views(
            self.store
                .webhook_deliveries(webhook.id.as_str(), limit)
                .await?,
        ))
    }

    /// Sends the service's events `event_ids` to the endpoint again;
    /// audited as `service.webhook_replayed` (which events, and `by` whom).
    pub async fn replay_webhook(
        &self,
        service_id: &ServiceId,
        id: &str,
        event_ids: &[String],
        by: By<'_>,
    ) -> AppResult<Vec<DeliveryView>> {
        let webhook = self.webhook(service_id, id).await?;
        let endpoint = crate::workers::outbox::service_endpoints(self)
            .await?
            .into_iter()
            .find(|e: &WebhookEndpoint| e.name.as_deref() == Some(id))
            .ok_or(AppError::NotFound(Missing::Webhook))?;
        let replayed = crate::workers::outbox::replay(
            self.store.as_ref(),
            &self.service_poster,
            &endpoint,
            event_ids,
            Some(service_id.as_str()),
            self.now(),
        )
        .await
        .map(views);
        if replayed.is_ok() {
            let mut event = audit(&webhook, "service.webhook_replayed", by, self.now());
            event.detail["event_ids"] = json!(event_ids);
            self.store.insert_events(&[event]).await?;
        }
        replayed.map_err(|e| match e {
            AdminError::Refused(detail) => invalid("event_ids", detail),
            AdminError::Store(e) => e.into(),
            other => AppError::Invalid {
                field: None,
                detail: other.to_string(),
            },
        })
    }

    async fn webhook(&self, service_id: &ServiceId, id: &str) -> AppResult<ServiceWebhook> {
        self.store
            .service_webhooks(service_id)
            .await?
            .into_iter()
            .find(|w| w.id.as_str() == id)
            .ok_or(AppError::NotFound(Missing::Webhook))
    }
}

/// The audit event of a change to an endpoint: its id and host (a URL may
/// carry a token), and who made it.
fn audit(
    webhook: &ServiceWebhook,
    kind: &str,
    by: By<'_>,
    now: countersign_core::Timestamp,
) -> Event {
    let host = countersign_core::webhook::url_host(&webhook.url);
    let mut detail = json!({"webhook_id": webhook.id, "host": host, "events": webhook.events});
    crate::merge_detail(&mut detail, by.who());
    Event::new(&webhook.service_id, None, kind, now, None, detail)
}
