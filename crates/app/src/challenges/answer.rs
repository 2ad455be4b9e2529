//! Answering a challenge: a code that was sent, an authenticator's or a
//! hardware token's code, a recovery code, or a passkey's assertion. Exactly
//! one of many concurrent right answers approves; every wrong one counts
//! toward the challenge's attempts and the user's lockout, in the same
//! transaction (and so does the `user.locked` event when it locks).

use countersign_core::challenge::{Challenge, ChallengeError, ChallengeStatus, VerifyOutcome};
use countersign_core::factor::{
    normalize_recovery_code, recovery_code_hash, Factor, FactorStatus, FactorType,
};
use countersign_core::keyring::key_id_of;
use countersign_core::lockout::LockoutPolicy;
use countersign_core::policy::Method;
use countersign_core::service::Service;
use countersign_core::Timestamp;
use countersign_store::{FactorUse, UserEffect};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use zeroize::Zeroizing;

use super::{event, only_events, Decided, Write};
use crate::users::locked_event;
use crate::views::ChallengeView;
use crate::{App, AppError, AppResult};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub method: Method,
    /// The code the user typed: sent by sms, voice or email, shown by an
    /// authenticator (totp, hotp), or one of the recovery codes.
    pub code: Option<String>,
    /// The browser's PublicKeyCredential as JSON (webauthn).
    #[schema(value_type = Option<Object>)]
    pub credential: Option<serde_json::Value>,
}

impl App {
    /// Checks an answer to the challenge `id` of `service`.
    pub async fn answer(
        &self,
        service: &Service,
        id: &str,
        answer: Answer,
    ) -> AppResult<ChallengeView> {
        let method = answer.method;
        match method {
            Method::Webauthn => return self.check_assertion(service, id, answer.credential).await,
            Method::Device => {
                return Err(AppError::challenge(
                    ChallengeError::MethodNotAllowed(method),
                    self.now(),
                ))
            }
            _ => {}
        }
        let Some(code) = answer.code else {
            return Err(AppError::field("code", "required for this method"));
        };
        if code.len() > 64 {
            return Err(AppError::field("code", "at most 64 characters"));
        }
        let factors = match method.channel() {
            Some(_) => Vec::new(),
            None => self.opened_factors(service, id, method).await?,
        };
        let now = self.now();
        let replayed = factors
            .iter()
            .find(|(f, seed)| seed.as_ref().is_some_and(|s| f.replays_code(s, &code, now)))
            .map(|(f, _)| f.id.clone());
        let alerts = self.alerts(service, id, replayed).await?;
        let wake = alerts.any();
        // A locked user is refused when the decision is saved (see
        // `Saved::UserLocked`), atomically with the lock itself.
        let lockout = service.settings.lockout;
        let app = self.clone();
        let decided = self
            .decide(&service.id, id, move |c, now, replayed| {
                let (outcome, factor_use) = match method.channel() {
                    Some(channel) => {
                        let issued = c.codes.iter().find(|i| i.channel == channel);
                        let keys = app
                            .keys
                            .ring_knowing(issued.and_then(|i| key_id_of(&i.hash)));
                        (c.verify_code(method, &code, &keys, now), None)
                    }
                    None => {
                        let used = (!replayed)
                            .then(|| factor_use(&factors, &code, now))
                            .flatten();
                        (c.verify_factor(method, used.is_some(), now), used)
                    }
                };
                let outcome = outcome.map_err(|e| AppError::challenge(e, now))?;
                let factor_id = factor_use.as_ref().map(|u| u.factor_id().to_owned());
                let mut write =
                    checked_write(c, method, outcome, factor_id.as_deref(), lockout, now);
                write.factor_use =
                    factor_use.filter(|_| matches!(outcome, VerifyOutcome::Accepted { .. }));
                alerts.apply(c, outcome, &mut write, now);
                Ok((outcome, write))
            })
            .await?;
        if wake {
            self.outbox.wake();
        }
        self.checked_answer(method, decided).await
    }

    /// The user's active factors for `method`, with their seeds opened once.
    async fn opened_factors(
        &self,
        service: &Service,
        id: &str,
        method: Method,
    ) -> AppResult<Vec<(Factor, Option<Zeroizing<Vec<u8>>>)>> {
        let c = self.challenge(&service.id, id).await?;
        let mut held = Vec::new();
        for f in self.store.factors(&c.user_pk).await? {
            if f.status == FactorStatus::Active && f.kind.method() == method {
                let seed = match f.kind {
                    FactorType::RecoveryCodes => None,
                    _ => Some(self.open_seed(&f)?),
                };
                held.push((f, seed));
            }
        }
        Ok(held)
    }

    /// Checks a passkey's or security key's assertion. A refused assertion
    /// uses up an attempt like a wrong code; a counter that went backwards
    /// is also recorded as a possible cloned key.
    async fn check_assertion(
        &self,
        service: &Service,
        id: &str,
        credential: Option<serde_json::Value>,
    ) -> AppResult<ChallengeView> {
        let credential =
            credential.ok_or_else(|| AppError::field("credential", "required for webauthn"))?;
        self.relying_party()?;
        let current = self.challenge(&service.id, id).await?;
        let factors = self.store.factors(&current.user_pk).await?;
        let alerts = self.alerts(service, id, None).await?;
        let wake = alerts.any();
        let lockout = service.settings.lockout;
        let app = self.clone();
        let decided = self
            .decide(&service.id, id, move |c, now, replayed| {
                let rp = app.relying_party()?;
                let checked = match (&c.webauthn, replayed) {
                    (Some(ask), false) => {
                        Some(rp.finish_authentication(&ask.state, &credential, &factors))
                    }
                    _ => None,
                };
                let used = match &checked {
                    Some(Ok(used)) => Some(FactorUse::Webauthn {
                        factor_id: used.factor_id.clone(),
                        params: serde_json::to_string(&used.params).expect("serialises"),
                        counter: used.counter,
                        now,
                    }),
                    _ => None,
                };
                let outcome = c
                    .verify_factor(Method::Webauthn, used.is_some(), now)
                    .map_err(|e| AppError::challenge(e, now))?;
                let factor_id = used.as_ref().map(|u| u.factor_id().to_owned());
                let mut write = checked_write(
                    c,
                    Method::Webauthn,
                    outcome,
                    factor_id.as_deref(),
                    lockout,
                    now,
                );
                write.factor_use = used;
                alerts.apply(c, outcome, &mut write, now);
                if let Some(Err(crate::webauthn::CeremonyError::PossibleClone)) = &checked {
                    write.events.push(event(
                        c,
                        "factor.possible_clone",
                        now,
                        json!({"method": "webauthn"}),
                    ));
                }
                Ok((outcome, write))
            })
            .await?;
        if wake {
            self.outbox.wake();
        }
        self.checked_answer(Method::Webauthn, decided).await
    }

    /// The answer to a checked verification: the challenge, or why not.
    pub(crate) async fn checked_answer(
        &self,
        method: Method,
        decided: Decided<VerifyOutcome>,
    ) -> AppResult<ChallengeView> {
        let now = self.now();
        let locked = |until| AppError::Locked { now, until };
        match (decided.out, decided.locked_until) {
            (VerifyOutcome::Accepted { approved }, _) => {
                self.metrics
                    .count_verification(if approved { "approved" } else { "accepted" });
                Ok(decided.view(now))
            }
            (VerifyOutcome::Rejected { attempts_left }, locked_until) => {
                self.metrics.count_verification("rejected");
                Err(match locked_until {
                    Some(until) => locked(until),
                    None => wrong_answer(method, attempts_left),
                })
            }
            (VerifyOutcome::Exhausted, locked_until) => {
                self.metrics.count_verification("exhausted");
                Err(locked_until.map_or(AppError::TooManyAttempts, locked))
            }
        }
    }
}

/// The factor use a typed code would make: the TOTP step or HOTP counter it
/// matches, or the recovery code it names (whether that code exists and is
/// unused is decided by the conditional update that spends it).
fn factor_use(
    factors: &[(Factor, Option<Zeroizing<Vec<u8>>>)],
    typed: &str,
    now: Timestamp,
) -> Option<FactorUse> {
    factors.iter().find_map(|(f, seed)| match seed {
        Some(seed) => f
            .match_code(seed, typed, now)
            .map(|moving_factor| FactorUse::Otp {
                factor_id: f.id.clone(),
                moving_factor,
                now,
            }),
        None => normalize_recovery_code(typed).map(|code| FactorUse::RecoveryCode {
            code_hash: recovery_code_hash(&f.id, &code),
            factor_id: f.id.clone(),
            now,
        }),
    })
}

/// What recording a checked answer (code, factor or device) writes: events,
/// and a success or failure for the user's lockout count.
pub(crate) fn checked_write(
    c: &Challenge,
    method: Method,
    outcome: VerifyOutcome,
    factor_id: Option<&str>,
    lockout: LockoutPolicy,
    now: Timestamp,
) -> Write {
    let failure = |events| failure_write(c, events, lockout, now);
    match outcome {
        VerifyOutcome::Accepted { approved } => {
            let destination = method
                .channel()
                .and_then(|ch| c.destinations.for_channel(ch))
                .map(str::to_owned);
            let phone_like = matches!(method, Method::Sms | Method::Voice);
            let mut events = vec![event(
                c,
                "challenge.method_verified",
                now,
                json!({"method": method, "factor_id": factor_id}),
            )];
            if approved && c.status == ChallengeStatus::Held {
                events.push(event(
                    c,
                    "challenge.held",
                    now,
                    json!({"methods": c.satisfied, "held_until": c.held_until}),
                ));
            } else if approved {
                events.push(event(
                    c,
                    "challenge.approved",
                    now,
                    json!({"methods": c.satisfied}),
                ));
            }
            Write {
                user: UserEffect::Success {
                    verified_email: destination.clone().filter(|_| method == Method::Email),
                    verified_phone: destination.filter(|_| phone_like),
                    approved,
                    now,
                },
                ..only_events(events)
            }
        }
        VerifyOutcome::Rejected { attempts_left } => failure(vec![event(
            c,
            "challenge.code_rejected",
            now,
            json!({"method": method, "attempts_left": attempts_left}),
        )]),
        VerifyOutcome::Exhausted => failure(vec![event(
            c,
            "challenge.failed",
            now,
            json!({"method": method, "reason": "too_many_attempts"}),
        )]),
    }
}

/// What a wrong answer writes: `events`, and a failure toward the user's
/// lockout.
pub(crate) fn failure_write(
    c: &Challenge,
    events: Vec<countersign_core::event::Event>,
    lockout: LockoutPolicy,
    now: Timestamp,
) -> Write {
    Write {
        user: UserEffect::Failure {
            lockout,
            now,
            locked: locked_event(&c.service_id, &c.user_id, c.context.ip.as_deref(), now),
            keyed: c.opened_with_key(),
        },
        ..only_events(events)
    }
}

/// A wrong answer: a refused WebAuthn assertion, or anything typed or picked.
fn wrong_answer(method: Method, attempts_left: u32) -> AppError {
    if method == Method::Webauthn {
        AppError::CredentialRefused {
            reason: "the passkey or security key's answer does not verify for this challenge"
                .into(),
            attempts_left: Some(attempts_left),
        }
    } else {
        AppError::WrongCode {
            attempts_left: Some(attempts_left),
        }
    }
}
