//! Trusted devices: a device where the user is already signed in lists the
//! requests waiting for them (long-polling) and approves, picking the
//! number the page shows, or denies one. Every call is signed by the
//! device's Ed25519 key; no service key is involved.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use countersign_core::challenge::{DeviceDecision, DeviceOutcome};
use countersign_core::device::{signed_request, DeviceHeader};
use countersign_core::factor::{Factor, FactorStatus, FactorType};
use countersign_core::ids::{ChallengeId, FactorId};
use countersign_core::policy::Method;
use countersign_core::transaction::Transaction;
use countersign_core::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::sync::Notify;
use utoipa::ToSchema;

use crate::challenges::answer::{checked_write, failure_write};
use crate::challenges::{event, only_events};
use crate::error::DeviceRefusal;
use crate::views::ChallengeView;
use crate::{App, AppError, AppResult, Missing};

/// The longest a device's long-poll waits for a request (the HTTP request
/// timeout must exceed it).
pub const LONG_POLL_MAX: Duration = Duration::from_secs(30);

/// Wakes devices waiting for a user's requests when a challenge is opened,
/// in this process or (PostgreSQL) in another one that signalled it
/// ([`crate::workers::signals`]): no waiter polls the database.
#[derive(Default)]
pub struct DeviceWaiters {
    by_user: Mutex<HashMap<String, Arc<Notify>>>,
}

impl DeviceWaiters {
    pub fn subscribe(&self, user_pk: &str) -> Arc<Notify> {
        let mut map = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, n| Arc::strong_count(n) > 1);
        map.entry(user_pk.to_owned()).or_default().clone()
    }

    /// How many devices are long-polling for this user's requests now.
    pub fn waiting(&self, user_pk: &str) -> usize {
        let map = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        map.get(user_pk).map_or(0, |n| Arc::strong_count(n) - 1)
    }

    pub fn notify(&self, user_pk: &str) {
        let map = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = map.get(user_pk) {
            n.notify_waiters();
        }
    }

    /// Wakes every waiting device: challenges may have been opened that no
    /// signal told of.
    pub fn notify_all(&self) {
        let map = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        for n in map.values() {
            n.notify_waiters();
        }
    }
}

/// A signed request from a device, as it arrived.
pub struct SignedRequest<'a> {
    pub method: &'a str,
    /// The path and query, as signed.
    pub target: &'a str,
    /// The `Countersign-Device` header, if any.
    pub header: Option<&'a str>,
    pub body: &'a [u8],
}

/// Where a request comes from, as the device shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestOrigin {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub created_at: Timestamp,
}

/// A request waiting for the user's decision on this device.
#[derive(Debug, Serialize, ToSchema)]
pub struct PendingRequest {
    pub challenge_id: ChallengeId,
    pub purpose: String,
    /// Pick the one the page shows.
    pub numbers: [u8; 3],
    pub context: RequestOrigin,
    /// The payment to show. Approving sends back the digest of what the
    /// device showed, which the device computes itself (see the README), so
    /// that an approval proves the details were displayed, not only fetched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction: Option<Transaction>,
    pub expires_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeviceResponse {
    /// The device answering (the one that signed the request).
    pub factor_id: FactorId,
    /// `approve` or `deny`.
    pub decision: String,
    /// The number the user picked (approve).
    pub number: Option<u8>,
    /// The `digest` of the pending request's `transaction` the device showed;
    /// required to approve a payment.
    pub transaction_digest: Option<String>,
}

fn refused(why: DeviceRefusal, detail: &'static str) -> AppError {
    AppError::DeviceRefused { why, detail }
}

impl App {
    /// Checks a device's signed request and returns its factor. The
    /// signature is remembered only once it verifies, so nobody can burn a
    /// device's signatures by replaying garbage.
    pub async fn authenticate_device(&self, request: &SignedRequest<'_>) -> AppResult<Factor> {
        let Some(value) = request.header else {
            return Err(refused(
                DeviceRefusal::Unsigned,
                "sign this request with the device key: Countersign-Device: <factor_id>.<unix_seconds>.<signature>",
            ));
        };
        let bad = || {
            refused(
                DeviceRefusal::BadSignature,
                "the device signature does not verify",
            )
        };
        let header = DeviceHeader::parse(value).ok_or_else(bad)?;
        let now = self.now();
        if !header.is_fresh(now) {
            return Err(refused(
                DeviceRefusal::BadSignature,
                "the signed time is more than 60 seconds from the server's clock",
            ));
        }
        let factor = self
            .store
            .factor(&header.factor_id)
            .await?
            .filter(|f| f.kind == FactorType::Device && f.status == FactorStatus::Active)
            .ok_or_else(bad)?;
        let device = factor.device.as_ref().ok_or_else(bad)?;
        let message = signed_request(
            request.method,
            request.target,
            header.unix_seconds,
            request.body,
        );
        if !device.verifies(&message, &header.signature) {
            return Err(bad());
        }
        // Fresh means within a minute of now: remembering it three minutes
        // past its time outlives every moment it could be accepted.
        let keep_until = now.plus(Duration::from_secs(180));
        if !self
            .store
            .claim_device_signature(&header.replay_key(), keep_until)
            .await?
        {
            return Err(refused(
                DeviceRefusal::Replayed,
                "this signature was already used; sign each request anew",
            ));
        }
        Ok(factor)
    }

    /// The requests waiting for this device's user. With `wait` (at most
    /// 30 s), answers as soon as one arrives, or after `wait` with an empty
    /// list, so a device needs one request per half minute.
    pub async fn pending_requests(
        &self,
        factor: &Factor,
        wait: Duration,
    ) -> AppResult<Vec<PendingRequest>> {
        let deadline = tokio::time::Instant::now() + wait.min(LONG_POLL_MAX);
        let waiters = self.device_waiters.subscribe(&factor.user_pk);
        loop {
            let notified = waiters.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let pending = self.pending_now(factor).await?;
            let now = tokio::time::Instant::now();
            if !pending.is_empty() || now >= deadline {
                return Ok(pending);
            }
            let _ = tokio::time::timeout_at(deadline, notified).await;
        }
    }

    async fn pending_now(&self, factor: &Factor) -> AppResult<Vec<PendingRequest>> {
        let now = self.now();
        Ok(self
            .store
            .pending_challenges(&factor.user_pk, now)
            .await?
            .into_iter()
            .filter(|c| c.usable_methods().contains(&Method::Device))
            .filter_map(|c| {
                let numbers = c.device_match?.choices;
                let transaction = c.context.transaction.clone();
                Some(PendingRequest {
                    challenge_id: c.id,
                    purpose: c.purpose,
                    numbers,
                    transaction,
                    context: RequestOrigin {
                        ip: c.context.ip,
                        user_agent: c.context.user_agent,
                        created_at: c.created_at,
                    },
                    expires_at: c.expires_at,
                })
            })
            .collect())
    }

    /// The user's answer on their device (`factor`, already authenticated):
    /// approve with the number the page shows, or deny. A wrong number
    /// counts as a failed attempt and ends the challenge.
    pub async fn respond_on_device(
        &self,
        factor: &Factor,
        challenge_id: &str,
        answer: DeviceResponse,
    ) -> AppResult<ChallengeView> {
        if answer.factor_id != factor.id {
            return Err(AppError::field(
                "factor_id",
                "must be the device that signed the request",
            ));
        }
        let decision = match (answer.decision.as_str(), answer.number) {
            ("approve", Some(number)) => DeviceDecision::Approve {
                number,
                transaction_digest: answer.transaction_digest,
            },
            ("approve", None) => return Err(AppError::field("number", "required to approve")),
            ("deny", _) => DeviceDecision::Deny,
            _ => return Err(AppError::field("decision", "expected approve or deny")),
        };
        let service = self
            .store
            .service(&factor.service_id)
            .await?
            .ok_or(AppError::NotFound(Missing::Challenge))?;
        let lockout = service.settings.lockout;
        let alerts = self.alerts(&service, challenge_id, None).await?;
        let wake = alerts.any();
        let factor = factor.clone();
        let decided = self
            .decide(
                &factor.service_id.clone(),
                challenge_id,
                move |c, now, _| {
                    if c.user_pk != factor.user_pk {
                        return Err(AppError::NotFound(Missing::Challenge));
                    }
                    let outcome = c
                        .respond_on_device(decision.clone(), now)
                        .map_err(|e| AppError::challenge(e, now))?;
                    let write = match outcome {
                        DeviceOutcome::Checked(checked) => {
                            let mut write = checked_write(
                                c,
                                Method::Device,
                                checked,
                                Some(&factor.id),
                                lockout,
                                now,
                            );
                            alerts.apply(c, checked, &mut write, now);
                            write
                        }
                        DeviceOutcome::Denied => only_events(vec![event(
                            c,
                            "challenge.denied",
                            now,
                            json!({"factor_id": factor.id}),
                        )]),
                        DeviceOutcome::WrongNumber => failure_write(
                            c,
                            vec![event(
                                c,
                                "challenge.failed",
                                now,
                                json!({"method": Method::Device, "factor_id": factor.id, "reason": "wrong_number"}),
                            )],
                            lockout,
                            now,
                        ),
                    };
                    Ok((outcome, write))
                },
            )
            .await?;
        if wake {
            self.outbox.wake();
        }
        match decided.out {
            DeviceOutcome::Checked(checked) => {
                let decided = crate::challenges::Decided {
                    challenge: decided.challenge,
                    out: checked,
                    locked_until: decided.locked_until,
                    messages: decided.messages,
                };
                self.checked_answer(Method::Device, decided).await
            }
            DeviceOutcome::Denied => {
                self.metrics.count_verification("denied");
                Ok(decided.view(self.now()))
            }
            DeviceOutcome::WrongNumber => {
                self.metrics.count_verification("wrong_number");
                let now = self.now();
                Err(match decided.locked_until {
                    Some(until) => AppError::Locked { now, until },
                    None => AppError::WrongNumber,
                })
            }
        }
    }
}
