//! The background worker for what must happen at least once after a
//! request has returned: security notices to users, and webhooks to the
//! integrator. Both are written in the transaction of the change that
//! causes them (notices in their table, webhooks as the audit log itself),
//! so a crash or restart loses nothing; several `serve` processes share the
//! work through leases in the database.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use countersign_core::contact::{calling_code, region};
use countersign_core::event::Event;
use countersign_core::ids::new_id;
use countersign_core::limits::SendFacts;
use countersign_core::outbox::{backoff, MAX_ATTEMPTS};
use countersign_core::Timestamp;
pub use countersign_delivery::EventPoster;
use countersign_delivery::{DeliveryError, OutboundMessage};
use countersign_i18n::notice::render;
use countersign_i18n::ServiceBrand;
use countersign_store::{
    AfterDelivery, NoticeOutcome, NoticeRecord, WebhookClaim, WebhookDelivery,
};
use serde_json::json;
use tokio::sync::Notify;

use crate::config::WebhookEndpoint;
use crate::App as AppState;

/// Wakes the worker when this process has queued work, so that it goes out
/// at once instead of at the next poll.
#[derive(Default)]
pub struct Outbox {
    wake: Notify,
    /// Whether every write of events and notices, by any process, wakes
    /// the worker (PostgreSQL's signals are followed).
    signalled: AtomicBool,
}

impl Outbox {
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// From now on every write wakes the worker: it need not poll.
    pub fn follow_signals(&self) {
        self.signalled.store(true, Ordering::Relaxed);
    }

    /// The longest the worker waits without being woken.
    fn cap(&self, configured: Option<u64>) -> Option<Duration> {
        configured
            .map(Duration::from_millis)
            .or_else(|| (!self.signalled.load(Ordering::Relaxed)).then_some(WITHOUT_SIGNALS))
    }
}

/// Without signals (SQLite), a look every second picks up events that no
/// local wake announced, and the CLI's writes.
const WITHOUT_SIGNALS: Duration = Duration::from_secs(1);

/// Events read per query while catching up.
const BATCH: u32 = 100;

/// Runs until the task is dropped: a pass whenever woken (work written by
/// this process, or signalled by another: [`crate::workers::signals`]) and
/// when the next retry or lease falls due. It polls only where writes are
/// not signalled (SQLite, see [`Outbox::cap`]) or `outbox_poll_ms` caps the
/// wait (tests whose clock jumps).
pub async fn run(state: AppState) {
    loop {
        let cap = state.outbox.cap(state.config.outbox_poll_ms);
        let wait = match pass(&state).await {
            Ok(()) => until_due(&state).await,
            Err(e) => {
                tracing::warn!(error = %e, "outbox pass failed; trying again");
                Some(AFTER_FAILURE)
            }
        };
        let wait = match (wait, cap) {
            (Some(w), Some(c)) => Some(w.min(c)),
            (w, c) => w.or(c),
        };
        let woken = state.outbox.wake.notified();
        match wait {
            Some(wait) => {
                let _ = tokio::time::timeout(wait, woken).await;
            }
            None => woken.await,
        }
        // Under load every write wakes the worker (on PostgreSQL, every
        // process's): the wakes of a short while make one pass.
        tokio::time::sleep(GATHER_WAKES).await;
    }
}

/// How long a woken worker lets further wakes gather before its pass: at
/// most this much added latency for a notice or a webhook, and at most
/// four passes a second under load (a pass is several queries: at one
/// per 20 ms, two processes verified 23 % fewer codes on PostgreSQL).
const GATHER_WAKES: Duration = Duration::from_millis(250);

/// The wait before trying again after a failed pass or a failed look.
const AFTER_FAILURE: Duration = Duration::from_secs(1);

/// How long until the next retry or lease end (`None`: nothing pending).
/// Work already due that the last pass could not take waits a moment,
/// so that it is retried without spinning.
async fn until_due(state: &AppState) -> Option<Duration> {
    let mut endpoints: Vec<String> = state.config.webhooks.iter().map(|w| w.name()).collect();
    match state.store.all_service_webhooks().await {
        Ok(registered) => endpoints.extend(registered.into_iter().map(|(w, _)| w.id.to_string())),
        Err(e) => {
            tracing::warn!(error = %e, "reading the services' webhooks failed");
            return Some(AFTER_FAILURE);
        }
    }
    match state.store.next_outbox_due(&endpoints).await {
        Ok(due) => due.map(|at| {
            let ms = at.millis().saturating_sub(state.now().millis());
            u64::try_from(ms)
                .ok()
                .filter(|ms| *ms > 0)
                .map_or(AFTER_FAILURE, Duration::from_millis)
        }),
        Err(e) => {
            tracing::warn!(error = %e, "reading when the outbox is next due failed");
            Some(AFTER_FAILURE)
        }
    }
}

/// One look at everything due now.
pub async fn pass(state: &AppState) -> Result<(), countersign_store::StoreError> {
    // Events join their audit chains (PostgreSQL); a failure here must not
    // hold up the notices.
    if let Err(e) = state.store.seal_chains().await {
        tracing::warn!(error = %e, "sealing the audit chains failed; trying again");
    }
    loop {
        let due = state.store.claim_notices(state.now(), 20).await?;
        if due.is_empty() {
            break;
        }
        for notice in due {
            send_notice(state, notice).await?;
        }
    }
    for endpoint in &state.config.webhooks {
        state
            .store
            .register_webhook_endpoint(&endpoint.name(), state.now())
            .await?;
        deliver_backlog(state, &state.poster, endpoint).await?;
    }
    for endpoint in service_endpoints(state).await? {
        deliver_backlog(state, &state.service_poster, &endpoint).await?;
    }
    Ok(())
}

/// Delivers each service's events that `endpoint` has yet to receive.
async fn deliver_backlog(
    state: &AppState,
    poster: &EventPoster,
    endpoint: &WebhookEndpoint,
) -> Result<(), countersign_store::StoreError> {
    for service_id in state
        .store
        .webhook_backlog(&endpoint.name(), state.now())
        .await?
    {
        if let Some(claim) = state
            .store
            .claim_webhook(&endpoint.name(), &service_id, state.now())
            .await?
        {
            let result = deliver_events(state, poster, endpoint, claim.clone()).await;
            state.store.release_webhook(&claim).await?;
            result?;
        }
    }
    Ok(())
}

/// The endpoints services registered, named by their id, with their
/// secrets opened: their only cursor is their own service's, so they get
/// that service's events alone. One whose secret does not open (a key
/// file missing the key it was sealed with) is skipped and logged.
pub(crate) async fn service_endpoints(
    state: &AppState,
) -> Result<Vec<WebhookEndpoint>, countersign_store::StoreError> {
    let keys = state.keys.ring();
    let registered = state.store.all_service_webhooks().await?;
    Ok(registered
        .into_iter()
        .filter_map(|(w, sealed)| match keys.open(&sealed, w.id.as_str()) {
            Ok(secret) => Some(WebhookEndpoint {
                name: Some(w.id.to_string()),
                url: w.url,
                secret: Some(String::from_utf8_lossy(&secret).into_owned()),
                events: w.events,
            }),
            Err(e) => {
                tracing::error!(webhook = %w.id, error = %e, "a webhook secret does not open; its events wait");
                None
            }
        })
        .collect())
}

async fn send_notice(
    state: &AppState,
    notice: NoticeRecord,
) -> Result<(), countersign_store::StoreError> {
    let service = state.store.service(&notice.service_id).await?;
    let service_name = service
        .as_ref()
        .map_or_else(String::new, |s| s.name_on(notice.channel, None));
    let brand = service.as_ref().map_or(ServiceBrand::NONE, |s| {
        ServiceBrand::of(s, &state.config.public_url)
    });
    let rendered = render(
        notice.channel,
        notice.locale.as_deref(),
        &service_name,
        &brand,
        &notice.content,
    );
    let message = OutboundMessage {
        message_id: notice.id.clone(),
        channel: notice.channel,
        to: notice.to.clone(),
        subject: rendered.subject,
        body: rendered.body,
        html: rendered.html,
        // A notice carries no code; webhook receivers send `body` as is.
        code: String::new(),
        language: rendered.locale.tag().to_owned(),
        // A call is read by a voice of its language: an Arabic notice by
        // an Arabic voice.
        speech_language: rendered.locale.language().speech.to_owned(),
        service_name,
        status_callback: None,
        key_press: None,
    };
    let now = state.now();
    let attempts = notice.attempts + 1;
    if let Some(refused) = toll_fraud_guard(state, &notice, now).await? {
        return finish(state, &notice, refused, now).await;
    }
    let outcome = match state.delivery.send(&message).await {
        None => NoticeOutcome::Failed {
            error: format!("no {} provider is configured", notice.channel.as_str()),
        },
        Some(report) => match report.outcome {
            Ok(_) => NoticeOutcome::Sent,
            Err(DeliveryError::Transient(error)) if attempts < MAX_ATTEMPTS => {
                NoticeOutcome::Retry {
                    at: now.plus(backoff(attempts)),
                    error,
                }
            }
            Err(DeliveryError::Transient(error) | DeliveryError::Refused(error)) => {
                NoticeOutcome::Failed { error }
            }
        },
    };
    finish(state, &notice, outcome, now).await
}

/// SMS notices cost money like codes do: the same country lists and the
/// same per-destination, per-country and daily budgets, counted
/// atomically, so that security changes made in a loop cannot be turned
/// into toll fraud. A refused notice is not retried; email notices still go.
async fn toll_fraud_guard(
    state: &AppState,
    notice: &NoticeRecord,
    now: Timestamp,
) -> Result<Option<NoticeOutcome>, countersign_store::StoreError> {
    if !notice.channel.uses_phone() {
        return Ok(None);
    }
    let limits = &state.config.limits;
    if !limits.phone_region_allowed(region(&notice.to).as_deref()) {
        return Ok(Some(NoticeOutcome::Failed {
            error: "country not allowed".into(),
        }));
    }
    let keys = state.keys.ring();
    let checks = limits.checks(
        &SendFacts {
            service_id: &notice.service_id,
            channel: notice.channel,
            destination: &keys.pseudonym("destination", &notice.to),
            ip: None,
            calling_code: calling_code(&notice.to),
        },
        now,
    );
    Ok(state
        .store
        .count_attempts(&checks)
        .await?
        .map(|i| NoticeOutcome::Failed {
            error: format!("send limit reached: {}", checks[i].scope.as_str()),
        }))
}

async fn finish(
    state: &AppState,
    notice: &NoticeRecord,
    outcome: NoticeOutcome,
    now: Timestamp,
) -> Result<(), countersign_store::StoreError> {
    let label = match &outcome {
        NoticeOutcome::Sent => "sent",
        NoticeOutcome::Retry { .. } => "retry",
        NoticeOutcome::Failed { .. } => "failed",
    };
    tracing::info!(notice = %notice.id, channel = notice.channel.as_str(), outcome = label, "security notice");
    state
        .metrics
        .notices
        .get_or_create(&crate::metrics::SendLabels {
            channel: notice.channel.as_str().to_owned(),
            outcome: label.to_owned(),
        })
        .inc();
    state.store.finish_notice(&notice.id, &outcome, now).await
}

/// The JSON an endpoint receives for one event (`erased` once the user
/// was deleted and the event's personal data erased).
pub fn event_body(event: &Event) -> String {
    let mut body = json!({
        "id": event.id,
        "type": event.kind,
        "service_id": event.service_id,
        "user_id": event.user_id,
        "at": event.at,
        "ip": event.ip,
        "detail": event.detail,
    });
    if event.personal.erased_digest().is_some() {
        body["erased"] = json!(true);
    }
    body.to_string()
}

/// Posts one event to one endpoint and says how it went, for the log.
/// `attempt` 0 marks a replay from the CLI.
pub async fn post_event(
    poster: &EventPoster,
    endpoint: &WebhookEndpoint,
    event: &Event,
    attempt: u32,
    now: Timestamp,
) -> WebhookDelivery {
    let unix = u64::try_from(now.millis() / 1000).unwrap_or(0);
    let result = poster
        .post(
            &endpoint.url,
            endpoint.secret.as_deref(),
            &event.id,
            &event_body(event),
            unix,
        )
        .await;
    let (status_code, error) = match result {
        Ok(status) => (Some(status), None),
        Err(f) => (f.status, Some(f.reason)),
    };
    WebhookDelivery {
        id: new_id("whd"),
        endpoint: endpoint.name().to_owned(),
        service_id: event.service_id.clone(),
        event_id: event.id.clone(),
        attempt,
        status_code,
        error,
        at: now,
    }
}

/// Delivers a service's events in order from the claim's position until
/// the end of the log or a failure (retried later, from the same event).
async fn deliver_events(
    state: &AppState,
    poster: &EventPoster,
    endpoint: &WebhookEndpoint,
    mut claim: WebhookClaim,
) -> Result<(), countersign_store::StoreError> {
    loop {
        let events = state
            .store
            .events_after(&claim.service_id, claim.delivered_seq, BATCH)
            .await?;
        let Some(last) = events.last().map(|(seq, _)| *seq) else {
            return Ok(());
        };
        for (seq, event) in events.into_iter().filter(|(_, e)| endpoint.wants(&e.kind)) {
            let attempt = claim.attempts + 1;
            let delivery = post_event(poster, endpoint, &event, attempt, state.now()).await;
            let next = if delivery.error.is_none() {
                AfterDelivery::Advance { seq }
            } else if attempt >= MAX_ATTEMPTS {
                AfterDelivery::GiveUp { seq }
            } else {
                AfterDelivery::RetryAt(state.now().plus(backoff(attempt)))
            };
            let outcome = match next {
                AfterDelivery::Advance { .. } => "delivered",
                AfterDelivery::GiveUp { .. } => "given_up",
                AfterDelivery::RetryAt(_) => "retry",
            };
            tracing::info!(
                endpoint = endpoint.name(),
                event = %event.id,
                attempt,
                status = ?delivery.status_code,
                outcome,
                "webhook"
            );
            state
                .metrics
                .webhook_deliveries
                .get_or_create(&crate::metrics::WebhookLabels {
                    endpoint: endpoint.name().to_owned(),
                    outcome: outcome.to_owned(),
                })
                .inc();
            if !state
                .store
                .after_webhook(&claim, Some(&delivery), next, state.now())
                .await?
            {
                return Ok(()); // another worker took over
            }
            match next {
                AfterDelivery::RetryAt(_) => return Ok(()),
                AfterDelivery::Advance { seq } | AfterDelivery::GiveUp { seq } => {
                    claim.delivered_seq = seq;
                    claim.attempts = 0;
                }
            }
        }
        // Events this endpoint does not want are passed over in one write.
        if claim.delivered_seq < last {
            if !state
                .store
                .after_webhook(
                    &claim,
                    None,
                    AfterDelivery::Advance { seq: last },
                    state.now(),
                )
                .await?
            {
                return Ok(());
            }
            claim.delivered_seq = last;
        }
    }
}

/// Delivers the events `ids` to `endpoint` again, outside the worker's
/// order (an operator's or a service's replay), and logs each attempt.
/// Refuses an event the endpoint does not subscribe to, and one of another
/// service than `only` when given. Answers the attempts, in order.
pub async fn replay(
    store: &dyn countersign_store::Store,
    poster: &EventPoster,
    endpoint: &WebhookEndpoint,
    ids: &[String],
    only: Option<&str>,
    now: Timestamp,
) -> Result<Vec<WebhookDelivery>, crate::admin::AdminError> {
    use crate::admin::AdminError;
    let mut deliveries = Vec::with_capacity(ids.len());
    for id in ids {
        let event = store
            .event(id)
            .await?
            .filter(|e| only.is_none_or(|s| e.service_id == s))
            .ok_or_else(|| AdminError::Refused(format!("no event {id:?}")))?;
        if !endpoint.wants(&event.kind) {
            return Err(AdminError::Refused(format!(
                "endpoint {:?} does not subscribe to {} events",
                endpoint.name(),
                event.kind
            )));
        }
        let delivery = post_event(poster, endpoint, &event, 0, now).await;
        store.log_webhook_delivery(&delivery).await?;
        deliveries.push(delivery);
    }
    Ok(deliveries)
}
