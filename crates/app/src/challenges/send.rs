//! Sending a code by SMS, voice call or email: issue it on the challenge
//! (with the send counters, atomically), hand it to the provider, and
//! record what the provider said together with its event.

use countersign_core::challenge::{Challenge, ChallengeError, OutgoingCode};
use countersign_core::contact::calling_code;
use countersign_core::ids::MessageId;
use countersign_core::limits::{ip_bucket, SendFacts};
use countersign_core::message::{DeliveryStatus, MessageRecord};
use countersign_core::policy::{Channel, Method};
use countersign_core::service::Service;
use countersign_core::user::User;
use countersign_delivery::OutboundMessage;
use countersign_i18n::message::{render, MessageParams};
use countersign_i18n::ServiceBrand;
use countersign_store::MessageUpdate;
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;

use super::call::GatedCall;
use super::{event, only_events, Write};
use crate::users::refuse_if_locked;
use crate::views::{masked_destination, SendView};
use crate::{App, AppError, AppResult};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendCode {
    pub channel: Channel,
}

impl App {
    /// Issues a code on `channel` and hands it to the provider: answers
    /// once the provider has accepted it, or with
    /// [`AppError::DeliveryFailed`] (naming the other ways).
    pub async fn send_code(
        &self,
        service: &Service,
        id: &str,
        channel: Channel,
    ) -> AppResult<SendView> {
        let current = self.challenge(&service.id, id).await?;
        let user = self.user(&service.id, &current.user_id).await?;
        refuse_if_locked(&user, self.now())?;
        current
            .ensure_still_reaches(channel, &user)
            .map_err(|e| AppError::challenge(e, self.now()))?;
        if !self
            .deliverable_to(current.destinations.phone.as_deref())
            .contains(&channel)
        {
            return Err(AppError::challenge(
                ChallengeError::MethodNotAllowed(channel.method()),
                self.now(),
            ));
        }
        let app = self.clone();
        let issued = self
            .decide(&service.id, id, move |c, now, _| {
                let this = &app;
                let outgoing = c
                    .begin_send(channel, &this.keys.ring(), now)
                    .map_err(|e| AppError::challenge(e, now))?;
                let message = MessageRecord {
                    id: MessageId::new_at(now),
                    challenge_id: c.id.clone(),
                    channel,
                    to: masked_destination(channel, &outgoing.to),
                    status: DeliveryStatus::Queued,
                    provider_ref: None,
                    attempts: 0,
                    error: None,
                    created_at: now,
                    updated_at: now,
                };
                let write = Write {
                    new_message: Some(message.clone()),
                    counters: this.send_counters(c, channel, &outgoing.to, now),
                    ..only_events(Vec::new())
                };
                Ok(((outgoing, message), write))
            })
            .await?;
        let (outgoing, message) = issued.out;
        self.hand_to_provider(service, &user, &issued.challenge, outgoing, message)
            .await
    }

    /// The send counters (destination, IP, country, daily budget) a code to
    /// `to` counts against.
    fn send_counters(
        &self,
        c: &Challenge,
        channel: Channel,
        to: &str,
        now: countersign_core::Timestamp,
    ) -> Vec<countersign_core::limits::CounterCheck> {
        let keys = self.keys.ring();
        let ip = c
            .context
            .ip
            .as_deref()
            .and_then(|ip| ip.parse().ok())
            .map(|ip| keys.pseudonym("ip", &ip_bucket(ip)));
        self.config.limits.checks(
            &SendFacts {
                service_id: &c.service_id,
                channel,
                destination: &keys.pseudonym("destination", to),
                ip: ip.as_deref(),
                calling_code: channel.uses_phone().then(|| calling_code(to)).flatten(),
            },
            now,
        )
    }

    /// Renders the message in the user's language, sends it, and records
    /// the provider's answer with its event in one transaction.
    async fn hand_to_provider(
        &self,
        service: &Service,
        user: &User,
        c: &Challenge,
        outgoing: OutgoingCode,
        message: MessageRecord,
    ) -> AppResult<SendView> {
        let channel = message.channel;
        let (outbound, gated) = self.outbound(service, user, c, &outgoing, &message);
        // The rest of a gated call must be there before the call starts;
        // if it cannot be kept, the code goes nowhere (a failed delivery).
        let kept = match gated {
            Some(g) => self.keep_gated_call(&service.id, g).await,
            None => Ok(()),
        };
        let report = match &kept {
            Ok(()) => self.delivery.send(&outbound).await,
            Err(e) => {
                tracing::warn!(error = %e, message_id = %message.id, "keeping a gated call failed");
                None
            }
        };
        let now = self.now();
        let (attempts, provider, outcome) = match report {
            Some(r) => (r.attempts, r.provider, r.outcome.map_err(|e| e.to_string())),
            None if kept.is_err() => (0, "none", Err("the call could not be prepared".to_owned())),
            None => (
                0,
                "none",
                Err("no provider is configured for this channel".to_owned()),
            ),
        };
        let reason = match outcome {
            Ok(receipt) => {
                let sent = event(
                    c,
                    "challenge.code_sent",
                    now,
                    json!({"channel": channel, "to": message.to, "provider": provider, "message_id": message.id}),
                );
                let update = MessageUpdate {
                    id: message.id.to_string(),
                    status: DeliveryStatus::Sent,
                    provider_ref: receipt.provider_ref,
                    attempts,
                    error: None,
                    now,
                };
                self.store.update_message(&update, &[sent]).await?;
                self.metrics.count_send(channel.as_str(), "sent");
                return Ok(SendView {
                    message_id: message.id,
                    channel,
                    to: message.to,
                    sent_at: outgoing.sent_at,
                    resend_available_at: outgoing.resend_available_at,
                });
            }
            Err(reason) => reason,
        };
        tracing::warn!(challenge_id = %c.id, message_id = %message.id, channel = channel.as_str(), provider, %reason, "delivery failed");
        self.metrics.count_send(channel.as_str(), "failed");
        let (message_id, sent_at) = (message.id.clone(), outgoing.sent_at);
        let failed = self
            .decide(&c.service_id, &c.id, move |c, now, _| {
                c.delivery_failed(channel, sent_at, now);
                let failed = event(
                    c,
                    "challenge.delivery_failed",
                    now,
                    json!({"channel": channel, "provider": provider, "message_id": message_id}),
                );
                let status = MessageUpdate {
                    id: message_id.to_string(),
                    status: DeliveryStatus::Failed,
                    provider_ref: None,
                    attempts,
                    error: Some(reason.clone()),
                    now,
                };
                let write = Write {
                    message_update: Some(status),
                    ..only_events(vec![failed])
                };
                Ok(((), write))
            })
            .await?;
        let c = failed.challenge;
        Err(AppError::DeliveryFailed {
            channel,
            alternatives: c
                .usable_methods()
                .into_iter()
                .filter(|m| *m != channel.method())
                .collect::<Vec<Method>>(),
            suggested: c.fallback_after(channel),
        })
    }

    /// The message for the provider: the code's text in the user's
    /// language, and where the provider reports on it. A voice call (but
    /// the dev console's) starts with a prompt to press a key; the rest of
    /// it, the code, waits sealed until then ([`GatedCall`]).
    fn outbound(
        &self,
        service: &Service,
        user: &User,
        c: &Challenge,
        outgoing: &OutgoingCode,
        message: &MessageRecord,
    ) -> (OutboundMessage, Option<GatedCall>) {
        let channel = message.channel;
        let ttl_minutes = u32::try_from(outgoing.sent_at.seconds_until(c.expires_at).div_ceil(60))
            .unwrap_or(u32::MAX);
        let sender = service.name_on(channel, c.context.sender_name.as_deref());
        let brand = ServiceBrand::of(service, &self.config.public_url);
        let rendered = render(
            channel,
            &MessageParams {
                service_name: &sender,
                purpose: &c.purpose,
                code: &outgoing.code,
                locale: user.locale.as_deref(),
                ttl_minutes,
                origin_host: self.config.public_host(),
                transaction: c.context.transaction.as_ref(),
                brand: &brand,
            },
        );
        let gated = rendered
            .call
            .filter(|_| self.delivery.gates_calls())
            .map(|prompt| {
                self.gated_call(
                    &message.id,
                    prompt,
                    &rendered.body,
                    rendered.speech_language,
                    c.expires_at,
                )
            });
        let (key_press, gated) = gated.unzip();
        let outbound = OutboundMessage {
            message_id: message.id.to_string(),
            channel,
            to: outgoing.to.clone(),
            subject: rendered.subject,
            body: rendered.body,
            html: rendered.html,
            code: outgoing.code.clone(),
            language: rendered.language.to_owned(),
            speech_language: rendered.speech_language.to_owned(),
            service_name: sender,
            status_callback: self.delivery.callback_auth(channel).map(|_| {
                format!(
                    "{}/v1/delivery/status/{}?message_id={}",
                    self.config.public_url.trim_end_matches('/'),
                    channel.as_str(),
                    message.id
                )
            }),
            key_press,
        };
        (outbound, gated)
    }
}
