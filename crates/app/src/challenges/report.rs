//! A provider's delivery report (its signature already checked by the
//! adapter): the message's status moves forward, and a failure is written on
//! the challenge at once (code withdrawn, cooldown lifted), so the user can
//! switch to a call or an email without waiting.

use countersign_core::message::DeliveryStatus;
use countersign_core::policy::Channel;
use serde_json::json;

use super::{event, only_events};
use crate::{App, AppError, AppResult, Missing};

impl App {
    pub async fn record_delivery_report(
        &self,
        channel: Channel,
        message_id: &str,
        status: DeliveryStatus,
        error: Option<&str>,
    ) -> AppResult<()> {
        let error = error.map(|e| e.chars().take(200).collect::<String>());
        let Some((message, service_id)) = self.store.message(message_id).await? else {
            return Err(AppError::NotFound(Missing::Message));
        };
        if message.channel != channel {
            return Err(AppError::NotFound(Missing::Message));
        }
        let now = self.now();
        let changed = self
            .store
            .report_delivery(message_id, status, error.as_deref(), now)
            .await?;
        self.metrics
            .count_delivery_report(channel.as_str(), status.as_str());
        if changed && status.is_failure() {
            tracing::warn!(
                message_id,
                channel = channel.as_str(),
                status = status.as_str(),
                "provider reports the message was not delivered"
            );
            let challenge_id = message.challenge_id.clone();
            self.decide(&service_id, &challenge_id, move |c, now, _| {
                c.delivery_failed(channel, message.created_at, now);
                let failed = event(
                    c,
                    "challenge.delivery_failed",
                    now,
                    json!({"channel": channel, "message_id": message.id, "status": status.as_str(), "reported_by": "provider"}),
                );
                Ok(((), only_events(vec![failed])))
            })
            .await?;
        }
        Ok(())
    }
}
