//! Challenges: asking a user to prove themselves, and everything that
//! happens to that request. One file per use case:
//! [`open`] (create), [`send`] (a code by SMS, voice or email), [`answer`]
//! (verify a code, a factor, a passkey or a device's response), [`cancel`],
//! [`release`] (a held withdrawal), [`report`] (a provider's delivery
//! report). This module holds what they share: the conditional save that
//! decides again after a lost race.

pub mod alerts;
pub mod answer;
pub mod call;
pub mod cancel;
pub mod hosted;
pub mod open;
pub mod release;
pub mod report;
pub mod send;

use countersign_core::challenge::{Challenge, ChallengeError};
use countersign_core::contact::region;
use countersign_core::event::Event;
use countersign_core::ids::{is_id_of, ServiceId};
use countersign_core::limits::{CounterCheck, Scope};
use countersign_core::message::MessageRecord;
use countersign_core::policy::Channel;
use countersign_core::Timestamp;
use std::sync::{Arc, Mutex};

use countersign_store::{Decide, Decided as StoreDecided, Decision, Saved, UserEffect};
use serde_json::json;

use crate::views::ChallengeView;
use crate::{App, AppError, AppResult, Missing};

/// What a decision writes besides the challenge itself.
pub(crate) type Write = Decision;

/// A decision that writes only `events`.
pub(crate) fn only_events(events: Vec<Event>) -> Write {
    Decision {
        events,
        user: UserEffect::None,
        new_message: None,
        message_update: None,
        factor_use: None,
        counters: Vec::new(),
        security: None,
    }
}

/// A challenge as saved, with what the decision returned, when a failure
/// locked the user until when, and the challenge's messages.
pub(crate) struct Decided<T> {
    pub challenge: Challenge,
    pub out: T,
    pub locked_until: Option<Timestamp>,
    pub messages: Vec<MessageRecord>,
}

impl<T> Decided<T> {
    /// What the API shows of the challenge as decided, with no read.
    pub fn view(&self, now: Timestamp) -> ChallengeView {
        ChallengeView::new(&self.challenge, self.messages.clone(), now)
    }
}

/// What a decision made where the challenge is gave back: its result, and
/// the counters it asked for (to name the one a refusal is about).
type Outcome<T> = Option<AppResult<(T, Vec<CounterCheck>)>>;

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

    /// Loads the challenge, lets `decide` change it, and saves it with
    /// what it decided, in one unit of work where the challenge is (see
    /// [`countersign_store::Store::decide_challenge`]); a lost race is
    /// decided again on the fresh state. An `Err` from `decide` aborts
    /// without writing. `decide` is told when the factor use it asked for
    /// was taken by another request (a replayed code): it must then decide
    /// as if the code were wrong.
    pub(crate) async fn decide<T: Send + 'static>(
        &self,
        service_id: &ServiceId,
        id: &str,
        mut decide: impl FnMut(&mut Challenge, Timestamp, bool) -> AppResult<(T, Write)>
            + Send
            + 'static,
    ) -> AppResult<Decided<T>> {
        if !is_id_of("chl", id) {
            return Err(AppError::NotFound(Missing::Challenge));
        }
        let now = self.now();
        let outcome: Arc<Mutex<Outcome<T>>> = Arc::new(Mutex::new(None));
        let kept = outcome.clone();
        let in_store: Decide = Box::new(move |c, replayed| {
            let (result, decision) = match decide(c, now, replayed) {
                Ok((out, write)) => (Ok((out, write.counters.clone())), Some(write)),
                Err(e) => (Err(e), None),
            };
            *kept.lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
            decision
        });
        let decided = self
            .store
            .decide_challenge(service_id, id, in_store)
            .await?;
        let outcome = outcome.lock().unwrap_or_else(|e| e.into_inner()).take();
        let (challenge, saved, messages) = match decided {
            StoreDecided::Missing => return Err(AppError::NotFound(Missing::Challenge)),
            StoreDecided::Refused => {
                return Err(outcome.and_then(Result::err).unwrap_or(AppError::Internal))
            }
            StoreDecided::Saved {
                challenge,
                saved,
                messages,
            } => (*challenge, saved, messages),
        };
        let (out, counters) = outcome.ok_or(AppError::Internal)??;
        match saved {
            Saved::Done { locked_until } => Ok(Decided {
                challenge,
                out,
                locked_until,
                messages,
            }),
            Saved::UserLocked => {
                let user = self.user(service_id, &challenge.user_id).await?;
                Err(AppError::Locked {
                    now: self.now(),
                    until: user.locked_until.unwrap_or(now),
                })
            }
            Saved::LimitReached(i) => {
                let check = &counters[i];
                let refused = event(
                    &challenge,
                    "challenge.send_refused",
                    now,
                    json!({"reason": "rate_limited", "limit": check.scope.as_str()}),
                );
                self.store.insert_events(&[refused]).await?;
                self.metrics.count_rate_limited(check.scope.as_str());
                Err(rate_limited(check.scope, now, check.window_end))
            }
            Saved::Conflict | Saved::Replayed => Err(AppError::Busy(
                "too many simultaneous changes to this challenge; try again",
            )),
        }
    }

    /// Moves the challenge on with `change` (cancel, release) and records
    /// it as `kind`: the view after.
    pub(crate) async fn transition(
        &self,
        service_id: &ServiceId,
        id: &str,
        change: fn(&mut Challenge, Timestamp) -> Result<(), ChallengeError>,
        kind: &'static str,
        detail: serde_json::Value,
    ) -> AppResult<ChallengeView> {
        let decided = self
            .decide(service_id, id, move |c, now, _| {
                change(c, now).map_err(|e| AppError::challenge(e, now))?;
                Ok(((), only_events(vec![event(c, kind, now, detail.clone())])))
            })
            .await?;
        Ok(decided.view(self.now()))
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
        Scope::Device | Scope::User => "to this user's devices",
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
