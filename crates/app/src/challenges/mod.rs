//! Challenges: asking a user to prove themselves, and everything that
//! happens to that request. One file per use case:
//! [`open`] (create), [`send`] (a code by SMS, voice or email), [`answer`]
//! (verify a code, a factor, a passkey or a device's response), [`cancel`],
//! [`release`] (a held withdrawal), [`report`] (a provider's delivery
//! report). This module holds what they share: the conditional save that
//! decides again after a lost race.

pub mod answer;
pub mod cancel;
pub mod hosted;
pub mod open;
pub mod release;
pub mod report;
pub mod send;

use countersign_core::challenge::{Challenge, ChallengeError};
use countersign_core::contact::region;
use countersign_core::event::Event;
use countersign_core::ids::MessageId;
use countersign_core::ids::{is_id_of, ServiceId};
use countersign_core::limits::{CounterCheck, Scope};
use countersign_core::message::MessageRecord;
use countersign_core::policy::Channel;
use countersign_core::Timestamp;
use countersign_store::{ChallengeWrite, FactorUse, MessageUpdate, Saved, UserEffect};
use serde_json::json;

use crate::views::ChallengeView;
use crate::{App, AppError, AppResult, Missing};

/// What a decision writes besides the challenge itself.
pub(crate) struct Write {
    pub events: Vec<Event>,
    pub user: UserEffect,
    pub message: Option<MessageRecord>,
    /// A sent message's new status, recorded with the decision.
    pub message_status: Option<(MessageId, MessageStatus)>,
    pub factor_use: Option<FactorUse>,
    pub counters: Vec<CounterCheck>,
}

impl Write {
    pub fn events(events: Vec<Event>) -> Write {
        Write {
            events,
            user: UserEffect::None,
            message: None,
            message_status: None,
            factor_use: None,
            counters: Vec::new(),
        }
    }
}

/// What became of a sent message, as the provider said.
pub(crate) struct MessageStatus {
    pub status: countersign_core::message::DeliveryStatus,
    pub attempts: u32,
    pub error: Option<String>,
    pub now: Timestamp,
}

/// A challenge as saved, with what the decision returned and, when a
/// failure locked the user, until when.
pub(crate) struct Decided<T> {
    pub challenge: Challenge,
    pub out: T,
    pub locked_until: Option<Timestamp>,
}

/// Most times a decision is retried after losing a race before giving up.
const MAX_RACES: usize = 256;

impl App {
    /// A challenge of the service, by id; a malformed id cannot exist.
    pub async fn challenge(&self, service_id: &ServiceId, id: &str) -> AppResult<Challenge> {
        if !is_id_of("chl", id) {
            return Err(AppError::NotFound(Missing::Challenge));
        }
        self.store
            .challenge(service_id, id)
            .await?
            .ok_or(AppError::NotFound(Missing::Challenge))
    }

    /// What the API shows of a challenge: its state and its messages.
    pub async fn challenge_view(&self, c: &Challenge) -> AppResult<ChallengeView> {
        let messages = self.store.messages(&c.id).await?;
        Ok(ChallengeView::new(c, messages, self.now()))
    }

    /// Loads the challenge, lets `decide` change it, and saves it only if
    /// nobody else saved it meanwhile; otherwise decides again on the fresh
    /// state. An `Err` from `decide` aborts without writing. `decide` is
    /// told when the factor use it asked for was taken by another request
    /// (a replayed code): it must then decide as if the code were wrong.
    pub(crate) async fn decide<T>(
        &self,
        service_id: &ServiceId,
        id: &str,
        mut decide: impl FnMut(&mut Challenge, Timestamp, bool) -> AppResult<(T, Write)>,
    ) -> AppResult<Decided<T>> {
        let mut replayed = false;
        for _ in 0..MAX_RACES {
            let mut c = self.challenge(service_id, id).await?;
            let now = self.now();
            let (out, write) = decide(&mut c, now, replayed)?;
            let message_update = write.message_status.as_ref().map(|(id, s)| MessageUpdate {
                id,
                status: s.status,
                provider_ref: None,
                attempts: s.attempts,
                error: s.error.as_deref(),
                now: s.now,
            });
            let saved = self
                .store
                .save_challenge(
                    &c,
                    ChallengeWrite {
                        events: &write.events,
                        user: write.user,
                        new_message: write.message.as_ref(),
                        message_update: message_update.as_ref(),
                        factor_use: write.factor_use,
                        counters: &write.counters,
                    },
                )
                .await?;
            match saved {
                Saved::Done { locked_until } => {
                    c.version += 1;
                    return Ok(Decided {
                        challenge: c,
                        out,
                        locked_until,
                    });
                }
                Saved::UserLocked => {
                    let user = self.user(service_id, &c.user_id).await?;
                    let until = user.locked_until.unwrap_or(now);
                    return Err(AppError::Locked {
                        now: self.now(),
                        until,
                    });
                }
                Saved::Conflict => {}
                Saved::Replayed => replayed = true,
                Saved::LimitReached(i) => {
                    let check = &write.counters[i];
                    let refused = event(
                        &c,
                        "challenge.send_refused",
                        now,
                        json!({"reason": "rate_limited", "limit": check.scope.as_str()}),
                    );
                    self.store.insert_events(&[refused]).await?;
                    self.metrics.count_rate_limited(check.scope.as_str());
                    return Err(rate_limited(check.scope, now, check.window_end));
                }
            }
        }
        Err(AppError::Busy(
            "too many simultaneous changes to this challenge; try again",
        ))
    }

    /// Moves the challenge on with `change` (cancel, release) and records
    /// it as `kind`: the view after.
    pub(crate) async fn transition(
        &self,
        service_id: &ServiceId,
        id: &str,
        change: fn(&mut Challenge, Timestamp) -> Result<(), ChallengeError>,
        kind: &str,
    ) -> AppResult<ChallengeView> {
        let decided = self
            .decide(service_id, id, |c, now, _| {
                change(c, now).map_err(|e| AppError::challenge(e, now))?;
                Ok(((), Write::events(vec![event(c, kind, now, json!({}))])))
            })
            .await?;
        self.challenge_view(&decided.challenge).await
    }

    /// The channels that can reach this user: a provider is configured, and
    /// for SMS and voice the number's country is allowed.
    pub(crate) fn deliverable_to(&self, phone: Option<&str>) -> Vec<Channel> {
        let phone_allowed = phone.is_some_and(|p| {
            self.config
                .limits
                .phone_region_allowed(region(p).as_deref())
        });
        self.delivery
            .channels()
            .into_iter()
            .filter(|ch| !ch.uses_phone() || phone_allowed)
            .collect()
    }
}

fn rate_limited(scope: Scope, now: Timestamp, until: Timestamp) -> AppError {
    let what = match scope {
        Scope::Destination => "to this destination",
        Scope::Ip => "for this IP address",
        Scope::Country => "to this country",
        Scope::DailyBudget => "by SMS and voice today",
    };
    AppError::RateLimited {
        limit: scope,
        detail: format!("too many codes were sent {what}; try again later or use another method"),
        now,
        until,
    }
}

/// An event about a challenge, naming it and its purpose.
pub(crate) fn event(c: &Challenge, kind: &str, at: Timestamp, detail: serde_json::Value) -> Event {
    let mut detail = detail;
    if let serde_json::Value::Object(map) = &mut detail {
        map.insert("challenge_id".into(), c.id.clone().into());
        map.insert("purpose".into(), c.purpose.clone().into());
    }
    Event::new(
        &c.service_id,
        Some(&c.user_id),
        kind,
        at,
        c.context.ip.as_deref(),
        detail,
    )
}
