//! The challenge state machine: a user asked to prove themselves for one
//! purpose. It is `pending` until its policy is met (`approved`), its attempts
//! run out (`failed`), it is `cancelled`, or time runs out (`expired`).
//!
//! Everything here is pure: the caller loads a [`Challenge`], calls one of its
//! methods with the current time, and saves it back only if nobody else saved
//! it meanwhile (the `version` check). That is what makes a code good once
//! even when many requests race.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use utoipa::ToSchema;

use crate::device::NumberMatch;
use crate::ids::{AppointmentId, ChallengeId, ServiceId, UserId, UserKey};
use crate::keyring::Keyring;
use crate::policy::{Channel, Method, Policy};
use crate::risk::{self, RiskAssessment};
use crate::secret::{new_numeric_code, normalize_typed_code};
use crate::service::ServiceSettings;
use crate::transaction::Transaction;
use crate::user::User;
use crate::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChallengeStatus {
    Pending,
    Approved,
    Failed,
    Expired,
    Cancelled,
    Denied,
    /// The policy was met, but a recent security change holds the action
    /// until `held_until` (or until the integrator releases it).
    Held,
}

impl ChallengeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ChallengeStatus::Pending => "pending",
            ChallengeStatus::Approved => "approved",
            ChallengeStatus::Failed => "failed",
            ChallengeStatus::Expired => "expired",
            ChallengeStatus::Cancelled => "cancelled",
            ChallengeStatus::Denied => "denied",
            ChallengeStatus::Held => "held",
        }
    }
}

/// What the integrator tells us about the request being verified.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChallengeContext {
    /// The end user's IP address, as the integrator saw it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_device: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rooted: Option<bool>,
    /// ISO 3166 alpha-2 country of the IP, from the integrator's GeoIP or CDN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The carrier reported a recent SIM change for the user's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_changed: Option<bool>,
    /// The payment this challenge approves; every message shows it and the
    /// approval is bound to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction: Option<Transaction>,
    /// The name messages give instead of the service's (a brand or app
    /// name; Twilio Verify's `CustomFriendlyName`): at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_name: Option<String>,
}

/// The contexts that say where a user usually is: approvals of purposes
/// that risk can raise (by their class in `settings`), met with more than a
/// phone code. A `verify_contact` passed from a new country by whoever holds
/// the SIM must not make that country "usual".
pub fn usual_places(approved: &[Challenge], settings: &ServiceSettings) -> Vec<ChallengeContext> {
    approved
        .iter()
        .filter(|c| settings.class_of(&c.purpose).raised_by_risk())
        .filter(|c| {
            c.satisfied
                .iter()
                .any(|m| !matches!(m, Method::Sms | Method::Voice))
        })
        .map(|c| c.context.clone())
        .collect()
}

/// Where each channel's code goes, fixed when the challenge is created so that
/// a contact change halfway through cannot redirect a code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Destinations {
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl Destinations {
    pub fn for_channel(&self, channel: Channel) -> Option<&str> {
        if channel.uses_phone() {
            self.phone.as_deref()
        } else {
            self.email.as_deref()
        }
    }
}

/// A code that was sent, kept only as a keyed hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCode {
    pub channel: Channel,
    pub hash: String,
    pub issued_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DeliveryFailure {
    pub channel: Channel,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    pub id: ChallengeId,
    pub service_id: ServiceId,
    /// Countersign's user id (`usr_…`).
    pub user_pk: UserKey,
    /// The integrator's user id.
    pub user_id: UserId,
    pub purpose: String,
    pub status: ChallengeStatus,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub closed_at: Option<Timestamp>,
    pub policy: Policy,
    /// The policy's methods this user can use, strongest first.
    pub offered: Vec<Method>,
    pub satisfied: Vec<Method>,
    pub attempts_used: u32,
    pub max_attempts: u32,
    pub code_digits: u32,
    pub destinations: Destinations,
    pub codes: Vec<IssuedCode>,
    pub sends: u32,
    pub max_sends: u32,
    pub resend_cooldown_seconds: u32,
    pub next_send_at: Option<Timestamp>,
    pub context: ChallengeContext,
    pub delivery_failure: Option<DeliveryFailure>,
    /// The number to pick on a trusted device, when one is offered.
    #[serde(default)]
    pub device_match: Option<NumberMatch>,
    /// The WebAuthn request for this challenge, when a passkey or security
    /// key is offered: the options the browser gets and the state kept here.
    #[serde(default)]
    pub webauthn: Option<WebauthnAsk>,
    /// A security change's hold on this challenge (withdrawals only): once
    /// the policy is met it is `held` until then.
    #[serde(default)]
    pub held_until: Option<Timestamp>,
    /// The support appointment this challenge admits the customer to; its
    /// email code goes to the appointment's contact address.
    #[serde(default)]
    pub appointment_id: Option<AppointmentId>,
    /// The request's risk signals and the rules they applied to `policy`.
    #[serde(default)]
    pub risk: RiskAssessment,
    /// Where the hosted page sends the user once the challenge is decided:
    /// a registered return URL of the service, or a path on this server.
    #[serde(default)]
    pub return_url: Option<String>,
    /// Hash of the token of whoever opened the challenge: the hosted page's
    /// (the integrator hands it to its user), or for a support join the
    /// joining browser's session ([`crate::support::JOIN_COOKIE`]). What the
    /// token opens needs it, not the challenge id alone (ids travel in logs
    /// and webhooks).
    #[serde(default)]
    pub page_token_hash: Option<String>,
    /// Optimistic-concurrency version; bumped by every save.
    #[serde(skip)]
    pub version: i64,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ChallengeError {
    #[error("no policy is defined for purpose {0:?}")]
    UnknownPurpose(String),
    #[error("this user has no method that can meet the {0} policy")]
    PolicyUnsatisfiable(String),
    #[error("this request's risk signals need a method this user does not have")]
    RiskTooHigh(RiskAssessment),
    #[error("the challenge is already {}", .0.as_str())]
    Closed(ChallengeStatus),
    #[error("the challenge has expired")]
    Expired,
    #[error("{} is not a method this challenge can use now", .0.as_str())]
    MethodNotAllowed(Method),
    #[error("wait before sending another code")]
    ResendTooSoon { available_at: Timestamp },
    #[error("this challenge has sent as many codes as it may")]
    SendLimitReached,
    #[error("this contact has changed since the challenge was created; start a new challenge")]
    ContactChanged,
    #[error("this challenge is not held")]
    NotHeld,
    #[error("the approval names other payment details than this challenge; start a new challenge")]
    TransactionMismatch,
}

/// A code to deliver, produced by [`Challenge::begin_send`]. The code exists
/// in clear only here, on its way to the provider.
#[derive(Debug)]
pub struct OutgoingCode {
    pub channel: Channel,
    pub to: String,
    pub code: String,
    pub sent_at: Timestamp,
    pub resend_available_at: Timestamp,
}

/// A WebAuthn authentication request, as the WebAuthn library made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebauthnAsk {
    /// `{"publicKey":{…}}` for `navigator.credentials.get()`.
    pub options: serde_json::Value,
    /// The library's server-side state for checking the answer.
    pub state: serde_json::Value,
}

/// What the user decided on their trusted device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceDecision {
    /// "It's me": with the number the user picked and, for a payment, the
    /// digest of the details the device showed.
    Approve {
        number: u8,
        transaction_digest: Option<String>,
    },
    /// "It's not me".
    Deny,
}

/// What a device response did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceOutcome {
    /// Counted like a code: the right number.
    Checked(VerifyOutcome),
    /// A number other than the one shown: the challenge has failed for
    /// good. Leaving it pending would let whoever floods the device with
    /// prompts win by the user tapping numbers until one fits (one in three
    /// each time); a new challenge, with new numbers, is needed.
    WrongNumber,
    /// The user refused: the challenge is `denied` for good.
    Denied,
}

/// What a verify did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyOutcome {
    /// The code was right; the challenge is approved if nothing else remains.
    Accepted { approved: bool },
    /// Wrong code; this many attempts remain.
    Rejected { attempts_left: u32 },
    /// Wrong code and no attempt left: the challenge has failed for good.
    Exhausted,
}

impl Challenge {
    /// Opens a challenge for `user`, offering each policy method that the user
    /// has: codes Countersign can deliver (`deliverable` channels) and the
    /// methods of the user's active factors (`enrolled`). The request's risk
    /// signals, judged against the contexts of the user's recent approvals
    /// (`history`), may raise the policy.
    #[allow(clippy::too_many_arguments)]
    pub fn open(
        user: &User,
        purpose: &str,
        settings: &ServiceSettings,
        deliverable: &[Channel],
        enrolled: &[Method],
        context: ChallengeContext,
        history: &[ChallengeContext],
        now: Timestamp,
    ) -> Result<Challenge, ChallengeError> {
        let base = settings
            .policy_for(purpose)
            .ok_or_else(|| ChallengeError::UnknownPurpose(purpose.to_owned()))?;
        let destinations = Destinations {
            phone: user.phone.clone(),
            email: user.email.clone(),
        };
        let available: Vec<Method> = Method::ALL
            .into_iter()
            .filter(|m| match m.channel() {
                Some(ch) => deliverable.contains(&ch) && destinations.for_channel(ch).is_some(),
                None => enrolled.contains(m),
            })
            .collect();
        if !base.satisfiable_with(&available) {
            return Err(ChallengeError::PolicyUnsatisfiable(purpose.to_owned()));
        }
        let class = settings.class_of(purpose);
        let signals = risk::signals(&context, history);
        let (policy, rules) = if !class.raised_by_risk() {
            (base, Vec::new())
        } else {
            risk::raise(&base, &signals, &settings.raise_on_signals, &available)
        };
        let risk = RiskAssessment { signals, rules };
        // A raised policy that could not be met, or is not a valid policy,
        // refuses the request: risk never weakens what is asked.
        if !policy.satisfiable_with(&available) || policy.validate().is_err() {
            return Err(ChallengeError::RiskTooHigh(risk));
        }
        let offered: Vec<Method> = Method::ALL
            .into_iter()
            .filter(|m| available.contains(m) && policy.methods().any(|p| p == *m))
            .collect();
        let device_match = offered.contains(&Method::Device).then(NumberMatch::new);
        Ok(Challenge {
            id: ChallengeId::new_at(now),
            service_id: user.service_id.clone(),
            user_pk: user.id.clone(),
            user_id: user.user_id.clone(),
            purpose: purpose.to_owned(),
            status: ChallengeStatus::Pending,
            created_at: now,
            expires_at: now.plus(Duration::from_secs(u64::from(settings.code_ttl_seconds))),
            closed_at: None,
            policy,
            offered,
            satisfied: Vec::new(),
            attempts_used: 0,
            max_attempts: settings.max_attempts.max(1),
            code_digits: settings.code_digits.clamp(6, 10),
            destinations,
            codes: Vec::new(),
            sends: 0,
            max_sends: settings.max_sends.max(1),
            resend_cooldown_seconds: settings.resend_cooldown_seconds,
            next_send_at: None,
            context,
            delivery_failure: None,
            device_match,
            appointment_id: None,
            webauthn: None,
            held_until: user
                .security_hold_until
                .filter(|until| *until > now && class.held_after_security_change()),
            risk,
            return_url: None,
            page_token_hash: None,
            version: 0,
        })
    }

    /// Makes the token that opens this challenge's hosted page (or, for a
    /// support join, its session); only its hash is kept.
    pub fn issue_page_token(&mut self) -> String {
        let token = crate::secret::new_token();
        self.page_token_hash = Some(crate::secret::token_hash(&token));
        token
    }

    /// Whether the integrator opened this challenge with its service key:
    /// every challenge but a support join's, which a customer opens without
    /// one. Only failures on these can lock the user for good (see
    /// [`crate::lockout`]).
    pub fn opened_with_key(&self) -> bool {
        self.appointment_id.is_none()
    }

    /// Whether `token` is this challenge's page or session token (constant
    /// time).
    pub fn page_token_matches(&self, token: &str) -> bool {
        self.page_token_hash.as_deref().is_some_and(|hash| {
            crate::secret::constant_time_eq(
                hash.as_bytes(),
                crate::secret::token_hash(token).as_bytes(),
            )
        })
    }

    /// The status as of `now`: a pending challenge past its expiry is expired
    /// and a held one past its hold approved, whether or not anyone has
    /// written that down.
    pub fn status_at(&self, now: Timestamp) -> ChallengeStatus {
        match self.status {
            ChallengeStatus::Pending if now >= self.expires_at => ChallengeStatus::Expired,
            ChallengeStatus::Held if self.held_until.is_none_or(|until| now >= until) => {
                ChallengeStatus::Approved
            }
            status => status,
        }
    }

    /// Releases a held challenge early: the integrator reviewed the security
    /// change and lets the action go ahead.
    pub fn release(&mut self, now: Timestamp) -> Result<(), ChallengeError> {
        match self.status_at(now) {
            ChallengeStatus::Held => {
                self.status = ChallengeStatus::Approved;
                self.held_until = None;
                Ok(())
            }
            ChallengeStatus::Pending => Err(ChallengeError::NotHeld),
            ChallengeStatus::Expired => Err(ChallengeError::Expired),
            closed => Err(ChallengeError::Closed(closed)),
        }
    }

    pub fn attempts_left(&self) -> u32 {
        self.max_attempts.saturating_sub(self.attempts_used)
    }

    /// The groups of methods still to be met.
    pub fn remaining(&self) -> Vec<Vec<Method>> {
        self.policy
            .remaining(&self.satisfied)
            .into_iter()
            .map(|g| g.any_of.clone())
            .collect()
    }

    /// Offered methods that would still count towards approval.
    pub fn usable_methods(&self) -> Vec<Method> {
        self.offered
            .iter()
            .copied()
            .filter(|m| self.policy.still_needs(*m, &self.satisfied))
            .collect()
    }

    fn ensure_open(&self, now: Timestamp) -> Result<(), ChallengeError> {
        match self.status_at(now) {
            ChallengeStatus::Pending => Ok(()),
            ChallengeStatus::Expired => Err(ChallengeError::Expired),
            closed => Err(ChallengeError::Closed(closed)),
        }
    }

    fn ensure_usable(&self, method: Method) -> Result<(), ChallengeError> {
        if self.usable_methods().contains(&method) {
            Ok(())
        } else {
            Err(ChallengeError::MethodNotAllowed(method))
        }
    }

    /// The cooldown after the `sends`-th send: the base, doubled each time
    /// (30 s, 60 s, 120 s, …), at most an hour.
    pub fn cooldown_after(base_seconds: u32, sends: u32) -> Duration {
        let factor = 1u64 << sends.saturating_sub(1).min(16);
        Duration::from_secs((u64::from(base_seconds) * factor).min(3600))
    }

    /// Refuses a channel whose destination is no longer the user's contact: a
    /// replaced number or address must not receive codes any more.
    pub fn ensure_still_reaches(
        &self,
        channel: Channel,
        user: &User,
    ) -> Result<(), ChallengeError> {
        if self.appointment_id.is_some() {
            // The appointment's contact address, not the profile's.
            return Ok(());
        }
        let current = if channel.uses_phone() {
            &user.phone
        } else {
            &user.email
        };
        match self.destinations.for_channel(channel) {
            Some(to) if current.as_deref() != Some(to) => Err(ChallengeError::ContactChanged),
            _ => Ok(()),
        }
    }

    /// Issues a new code on `channel`, replacing that channel's previous code.
    /// The cooldown is shared by every channel, so "call me instead" waits too.
    pub fn begin_send(
        &mut self,
        channel: Channel,
        keys: &Keyring,
        now: Timestamp,
    ) -> Result<OutgoingCode, ChallengeError> {
        self.ensure_open(now)?;
        self.ensure_usable(channel.method())?;
        if let Some(available_at) = self.next_send_at.filter(|t| now < *t) {
            return Err(ChallengeError::ResendTooSoon { available_at });
        }
        if self.sends >= self.max_sends {
            return Err(ChallengeError::SendLimitReached);
        }
        let to = self
            .destinations
            .for_channel(channel)
            .ok_or(ChallengeError::MethodNotAllowed(channel.method()))?
            .to_owned();
        let code = new_numeric_code(self.code_digits);
        self.codes.retain(|c| c.channel != channel);
        self.codes.push(IssuedCode {
            channel,
            hash: keys.hash_code(&self.id, channel.as_str(), &code),
            issued_at: now,
        });
        self.sends += 1;
        let resend_available_at = now.plus(Self::cooldown_after(
            self.resend_cooldown_seconds,
            self.sends,
        ));
        self.next_send_at = Some(resend_available_at);
        self.delivery_failure = None;
        Ok(OutgoingCode {
            channel,
            to,
            code,
            sent_at: now,
            resend_available_at,
        })
    }

    /// Records that the code issued at `issued_at` on `channel` never reached
    /// the provider: the code is withdrawn and the user may pick another
    /// channel at once. The send still counts against the send limit.
    pub fn delivery_failed(&mut self, channel: Channel, issued_at: Timestamp, now: Timestamp) {
        let before = self.codes.len();
        self.codes
            .retain(|c| !(c.channel == channel && c.issued_at == issued_at));
        if self.codes.len() != before {
            self.next_send_at = Some(now);
            self.delivery_failure = Some(DeliveryFailure { channel, at: now });
        }
    }

    /// Checks a typed code for `method`. Every wrong code uses up an attempt,
    /// including one for a channel no code was sent on; the last one fails the
    /// challenge for good. A right code is consumed.
    pub fn verify_code(
        &mut self,
        method: Method,
        typed: &str,
        keys: &Keyring,
        now: Timestamp,
    ) -> Result<VerifyOutcome, ChallengeError> {
        self.ensure_open(now)?;
        self.ensure_usable(method)?;
        let channel = method
            .channel()
            .ok_or(ChallengeError::MethodNotAllowed(method))?;
        let matched = normalize_typed_code(typed, self.code_digits).is_some_and(|code| {
            self.codes.iter().any(|c| {
                c.channel == channel
                    && keys.code_matches(&self.id, channel.as_str(), &code, &c.hash)
            })
        });
        if matched {
            self.codes.retain(|c| c.channel != channel);
        }
        Ok(self.settle_attempt(method, matched, now))
    }

    /// The channel whose outstanding code `typed` is, if any, without using
    /// an attempt: for callers that, like Twilio Verify's, check a code
    /// without saying how it came. The newest code's channel otherwise, so
    /// that a wrong code still counts against the challenge.
    pub fn channel_of_code(&self, typed: &str, keys: &Keyring) -> Option<Channel> {
        let newest = self.codes.iter().max_by_key(|c| c.issued_at)?.channel;
        let Some(code) = normalize_typed_code(typed, self.code_digits) else {
            return Some(newest);
        };
        let matching = self
            .codes
            .iter()
            .find(|c| keys.code_matches(&self.id, c.channel.as_str(), &code, &c.hash));
        Some(matching.map_or(newest, |c| c.channel))
    }

    /// Records a check of a factor the user holds (TOTP, HOTP, recovery
    /// code), which the caller made against the factor: `matched` says whether
    /// it was right. Wrong answers use up attempts as wrong codes do.
    pub fn verify_factor(
        &mut self,
        method: Method,
        matched: bool,
        now: Timestamp,
    ) -> Result<VerifyOutcome, ChallengeError> {
        self.ensure_open(now)?;
        self.ensure_usable(method)?;
        if method.channel().is_some() {
            return Err(ChallengeError::MethodNotAllowed(method));
        }
        Ok(self.settle_attempt(method, matched, now))
    }

    /// Applies the user's answer on a trusted device. A wrong number uses up
    /// an attempt and ends the challenge as `failed` (someone approving
    /// blindly, see [`DeviceOutcome::WrongNumber`]); a denial closes it as
    /// `denied`.
    pub fn respond_on_device(
        &mut self,
        decision: DeviceDecision,
        now: Timestamp,
    ) -> Result<DeviceOutcome, ChallengeError> {
        self.ensure_open(now)?;
        self.ensure_usable(Method::Device)?;
        match decision {
            DeviceDecision::Deny => {
                self.close(ChallengeStatus::Denied, now);
                Ok(DeviceOutcome::Denied)
            }
            DeviceDecision::Approve {
                number,
                transaction_digest,
            } => {
                // The device must have shown exactly this payment.
                if let Some(t) = &self.context.transaction {
                    if transaction_digest.as_deref() != Some(t.digest(&self.id).as_str()) {
                        return Err(ChallengeError::TransactionMismatch);
                    }
                }
                if self.device_match.is_none_or(|m| m.number != number) {
                    self.attempts_used += 1;
                    self.close(ChallengeStatus::Failed, now);
                    return Ok(DeviceOutcome::WrongNumber);
                }
                Ok(DeviceOutcome::Checked(self.settle_attempt(
                    Method::Device,
                    true,
                    now,
                )))
            }
        }
    }

    fn settle_attempt(&mut self, method: Method, matched: bool, now: Timestamp) -> VerifyOutcome {
        if matched {
            return VerifyOutcome::Accepted {
                approved: self.satisfy(method, now),
            };
        }
        self.attempts_used += 1;
        if self.attempts_used >= self.max_attempts {
            self.close(ChallengeStatus::Failed, now);
            VerifyOutcome::Exhausted
        } else {
            VerifyOutcome::Rejected {
                attempts_left: self.attempts_left(),
            }
        }
    }

    /// What to offer a user whose code on `failed` did not arrive: a method
    /// that needs no delivery if they have one (authenticator, security key,
    /// device), else another route to them — a call after an SMS ("call me
    /// instead"), email after a call, SMS after an email.
    pub fn fallback_after(&self, failed: Channel) -> Option<Method> {
        let routes: [Method; 2] = match failed {
            Channel::Sms => [Method::Voice, Method::Email],
            Channel::Voice => [Method::Email, Method::Sms],
            Channel::Email => [Method::Sms, Method::Voice],
        };
        let usable = self.usable_methods();
        let undelivered = [Method::Webauthn, Method::Device, Method::Totp, Method::Hotp];
        undelivered
            .into_iter()
            .chain(routes)
            .find(|m| usable.contains(m))
    }

    /// Counts `method` as proven; approves when the policy is met.
    pub fn satisfy(&mut self, method: Method, now: Timestamp) -> bool {
        if !self.satisfied.contains(&method) {
            self.satisfied.push(method);
        }
        if self.policy.is_met(&self.satisfied) {
            let held = self.held_until.is_some_and(|until| now < until);
            self.close(
                if held {
                    ChallengeStatus::Held
                } else {
                    ChallengeStatus::Approved
                },
                now,
            );
            true
        } else {
            false
        }
    }

    /// Approves on the integrator's word, whatever the policy: a contact
    /// the integrator proved by other means (Twilio Verify's
    /// `Status=approved`). The caller decides where its word is enough; the
    /// Twilio surface takes it only for its own `verify_contact` challenges.
    pub fn approve_on_integrators_word(&mut self, now: Timestamp) -> Result<(), ChallengeError> {
        self.ensure_open(now)?;
        self.close(ChallengeStatus::Approved, now);
        Ok(())
    }

    pub fn cancel(&mut self, now: Timestamp) -> Result<(), ChallengeError> {
        self.ensure_open(now)?;
        self.close(ChallengeStatus::Cancelled, now);
        Ok(())
    }

    fn close(&mut self, status: ChallengeStatus, now: Timestamp) {
        self.status = status;
        self.closed_at = Some(now);
        self.codes.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Method::*;
    use crate::policy::PurposeClass;
    use crate::risk::{RiskRule, RiskSignal};

    const T0: Timestamp = Timestamp(1_800_000_000_000);

    fn keys() -> Keyring {
        crate::keyring::test_keyring()
    }

    fn user(phone: bool, email: bool) -> User {
        let mut u = User::new(
            &crate::ids::ServiceId::from_trusted("svc_1"),
            &crate::ids::UserId::from_trusted("alice"),
            T0,
        );
        if phone {
            u.phone = Some("+33612345689".into());
        }
        if email {
            u.email = Some("alice@example.com".into());
        }
        u
    }

    fn login(u: &User) -> Challenge {
        Challenge::open(
            u,
            "login",
            &ServiceSettings::default(),
            &Channel::ALL,
            &[],
            Default::default(),
            &[],
            T0,
        )
        .unwrap()
    }

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn opens_with_the_methods_the_user_has_strongest_first() {
        let c = login(&user(true, true));
        assert_eq!(c.offered, vec![Email, Sms, Voice]);
        assert_eq!(c.expires_at, T0.plus(secs(600)));
        assert_eq!(c.status, ChallengeStatus::Pending);
        let c = login(&user(false, true));
        assert_eq!(c.offered, vec![Email]);
    }

    #[test]
    fn undeliverable_channels_are_not_offered() {
        let c = Challenge::open(
            &user(true, true),
            "login",
            &ServiceSettings::default(),
            &[Channel::Email],
            &[],
            Default::default(),
            &[],
            T0,
        )
        .unwrap();
        assert_eq!(c.offered, vec![Email]);
    }

    #[test]
    fn refuses_a_policy_the_user_cannot_meet_or_an_unknown_purpose() {
        let u = user(true, true);
        let s = ServiceSettings::default();
        assert_eq!(
            Challenge::open(
                &u,
                "withdrawal",
                &s,
                &Channel::ALL,
                &[],
                Default::default(),
                &[],
                T0
            )
            .unwrap_err(),
            ChallengeError::PolicyUnsatisfiable("withdrawal".into())
        );
        assert_eq!(
            Challenge::open(
                &u,
                "nope",
                &s,
                &Channel::ALL,
                &[],
                Default::default(),
                &[],
                T0
            )
            .unwrap_err(),
            ChallengeError::UnknownPurpose("nope".into())
        );
        assert!(Challenge::open(
            &user(false, false),
            "login",
            &s,
            &Channel::ALL,
            &[],
            Default::default(),
            &[],
            T0
        )
        .is_err());
    }

    #[test]
    fn a_sent_code_approves_once() {
        let mut c = login(&user(true, true));
        let out = c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        assert_eq!(out.to, "+33612345689");
        assert_eq!(
            c.verify_code(Sms, &out.code, &keys(), T0.plus(secs(5))),
            Ok(VerifyOutcome::Accepted { approved: true })
        );
        assert_eq!(c.status, ChallengeStatus::Approved);
        assert!(c.codes.is_empty());
        assert_eq!(
            c.verify_code(Sms, &out.code, &keys(), T0.plus(secs(6))),
            Err(ChallengeError::Closed(ChallengeStatus::Approved))
        );
    }

    #[test]
    fn a_code_is_only_good_on_its_own_channel() {
        let mut c = login(&user(true, true));
        let out = c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        assert_eq!(
            c.verify_code(Email, &out.code, &keys(), T0),
            Ok(VerifyOutcome::Rejected { attempts_left: 4 })
        );
    }

    #[test]
    fn the_channel_of_a_typed_code_is_the_one_that_sent_it() {
        let mut c = login(&user(true, true));
        assert_eq!(c.channel_of_code("123456", &keys()), None);
        let sms = c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        let email = c
            .begin_send(Channel::Email, &keys(), T0.plus(secs(60)))
            .unwrap();
        assert_eq!(c.channel_of_code(&sms.code, &keys()), Some(Channel::Sms));
        assert_eq!(
            c.channel_of_code(&email.code, &keys()),
            Some(Channel::Email)
        );
        let wrong = (0..10)
            .map(|d| d.to_string().repeat(6))
            .find(|w| *w != sms.code && *w != email.code)
            .unwrap();
        // A wrong or malformed code is charged to the newest code's channel.
        assert_eq!(c.channel_of_code(&wrong, &keys()), Some(Channel::Email));
        assert_eq!(
            c.channel_of_code("not a code", &keys()),
            Some(Channel::Email)
        );
    }

    #[test]
    fn the_integrators_word_approves_only_an_open_challenge() {
        let mut c = login(&user(true, true));
        c.approve_on_integrators_word(T0).unwrap();
        assert_eq!(c.status, ChallengeStatus::Approved);
        assert_eq!(
            c.approve_on_integrators_word(T0),
            Err(ChallengeError::Closed(ChallengeStatus::Approved))
        );
        let mut late = login(&user(true, true));
        let after_expiry = late.expires_at.plus(secs(1));
        assert_eq!(
            late.approve_on_integrators_word(after_expiry),
            Err(ChallengeError::Expired)
        );
    }

    #[test]
    fn wrong_codes_use_up_attempts_then_fail_for_good() {
        let mut c = login(&user(true, true));
        let out = c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        let wrong = if out.code == "000000" {
            "111111"
        } else {
            "000000"
        };
        for left in (1..5).rev() {
            assert_eq!(
                c.verify_code(Sms, wrong, &keys(), T0),
                Ok(VerifyOutcome::Rejected {
                    attempts_left: left
                })
            );
        }
        assert_eq!(
            c.verify_code(Sms, wrong, &keys(), T0),
            Ok(VerifyOutcome::Exhausted)
        );
        assert_eq!(c.status, ChallengeStatus::Failed);
        assert_eq!(
            c.verify_code(Sms, &out.code, &keys(), T0),
            Err(ChallengeError::Closed(ChallengeStatus::Failed))
        );
    }

    #[test]
    fn malformed_input_costs_an_attempt_like_any_wrong_code() {
        let mut c = login(&user(true, true));
        c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        assert_eq!(
            c.verify_code(Sms, "abc", &keys(), T0),
            Ok(VerifyOutcome::Rejected { attempts_left: 4 })
        );
    }

    #[test]
    fn resending_never_resets_the_attempt_count() {
        let mut c = login(&user(true, true));
        c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        for _ in 0..3 {
            c.verify_code(Sms, "99999x", &keys(), T0).unwrap();
        }
        c.begin_send(Channel::Sms, &keys(), T0.plus(secs(30)))
            .unwrap();
        assert_eq!(c.attempts_left(), 2);
    }

    #[test]
    fn the_cooldown_grows_and_covers_channel_switches() {
        let mut c = login(&user(true, true));
        let first = c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        assert_eq!(first.resend_available_at, T0.plus(secs(30)));
        assert_eq!(
            c.begin_send(Channel::Voice, &keys(), T0.plus(secs(29)))
                .unwrap_err(),
            ChallengeError::ResendTooSoon {
                available_at: T0.plus(secs(30))
            }
        );
        let second = c
            .begin_send(Channel::Voice, &keys(), T0.plus(secs(30)))
            .unwrap();
        assert_eq!(second.resend_available_at, T0.plus(secs(90)));
        let third = c
            .begin_send(Channel::Email, &keys(), T0.plus(secs(90)))
            .unwrap();
        assert_eq!(third.resend_available_at, T0.plus(secs(210)));
    }

    #[test]
    fn a_resend_replaces_the_channel_code_but_keeps_others() {
        let mut c = login(&user(true, true));
        let sms1 = c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        let email = c
            .begin_send(Channel::Email, &keys(), T0.plus(secs(30)))
            .unwrap();
        let sms2 = c
            .begin_send(Channel::Sms, &keys(), T0.plus(secs(90)))
            .unwrap();
        let mut probe = c.clone();
        if sms1.code != sms2.code {
            assert!(matches!(
                probe.verify_code(Sms, &sms1.code, &keys(), T0.plus(secs(91))),
                Ok(VerifyOutcome::Rejected { .. })
            ));
        }
        let mut probe2 = c.clone();
        assert_eq!(
            probe2.verify_code(Email, &email.code, &keys(), T0.plus(secs(91))),
            Ok(VerifyOutcome::Accepted { approved: true })
        );
        assert_eq!(
            c.verify_code(Sms, &sms2.code, &keys(), T0.plus(secs(91))),
            Ok(VerifyOutcome::Accepted { approved: true })
        );
    }

    #[test]
    fn sends_are_capped() {
        let settings = ServiceSettings {
            code_ttl_seconds: 3600,
            ..Default::default()
        };
        let mut c = Challenge::open(
            &user(true, true),
            "login",
            &settings,
            &Channel::ALL,
            &[],
            Default::default(),
            &[],
            T0,
        )
        .unwrap();
        let mut t = T0;
        for _ in 0..5 {
            let out = c.begin_send(Channel::Sms, &keys(), t).unwrap();
            t = out.resend_available_at;
        }
        assert_eq!(
            c.begin_send(Channel::Sms, &keys(), t).unwrap_err(),
            ChallengeError::SendLimitReached
        );
    }

    #[test]
    fn expiry_closes_everything() {
        let mut c = login(&user(true, true));
        let out = c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        let late = T0.plus(secs(600));
        assert_eq!(c.status_at(late), ChallengeStatus::Expired);
        assert_eq!(
            c.verify_code(Sms, &out.code, &keys(), late),
            Err(ChallengeError::Expired)
        );
        assert_eq!(
            c.begin_send(Channel::Sms, &keys(), late).unwrap_err(),
            ChallengeError::Expired
        );
        assert_eq!(c.attempts_used, 0);
    }

    #[test]
    fn a_replaced_contact_receives_nothing() {
        let mut u = user(true, true);
        let c = login(&u);
        assert_eq!(c.ensure_still_reaches(Channel::Sms, &u), Ok(()));
        u.phone = Some("+447911123456".into());
        assert_eq!(
            c.ensure_still_reaches(Channel::Sms, &u),
            Err(ChallengeError::ContactChanged)
        );
        assert_eq!(
            c.ensure_still_reaches(Channel::Voice, &u),
            Err(ChallengeError::ContactChanged)
        );
        assert_eq!(c.ensure_still_reaches(Channel::Email, &u), Ok(()));
        u.email = None;
        assert_eq!(
            c.ensure_still_reaches(Channel::Email, &u),
            Err(ChallengeError::ContactChanged)
        );
    }

    #[test]
    fn a_failed_delivery_withdraws_the_code_and_lifts_the_cooldown() {
        let mut c = login(&user(true, true));
        let out = c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        c.delivery_failed(Channel::Sms, out.sent_at, T0.plus(secs(2)));
        assert!(c.codes.is_empty());
        assert_eq!(
            c.delivery_failure,
            Some(DeliveryFailure {
                channel: Channel::Sms,
                at: T0.plus(secs(2))
            })
        );
        c.begin_send(Channel::Voice, &keys(), T0.plus(secs(2)))
            .unwrap();
        assert_eq!(c.sends, 2);
    }

    #[test]
    fn a_stale_failure_report_does_not_touch_a_newer_code() {
        let mut c = login(&user(true, true));
        let first = c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        c.begin_send(Channel::Sms, &keys(), T0.plus(secs(30)))
            .unwrap();
        c.delivery_failed(Channel::Sms, first.sent_at, T0.plus(secs(31)));
        assert_eq!(c.codes.len(), 1);
        assert_eq!(c.delivery_failure, None);
    }

    #[test]
    fn all_of_policies_need_every_group() {
        let mut settings = ServiceSettings::default();
        settings
            .policies
            .insert("payout".into(), Policy::of(&[&[Email], &[Sms, Voice]]));
        let mut c = Challenge::open(
            &user(true, true),
            "payout",
            &settings,
            &Channel::ALL,
            &[],
            Default::default(),
            &[],
            T0,
        )
        .unwrap();
        let email = c.begin_send(Channel::Email, &keys(), T0).unwrap();
        assert_eq!(
            c.verify_code(Email, &email.code, &keys(), T0),
            Ok(VerifyOutcome::Accepted { approved: false })
        );
        assert_eq!(c.remaining(), vec![vec![Sms, Voice]]);
        assert_eq!(c.usable_methods(), vec![Sms, Voice]);
        assert_eq!(
            c.verify_code(Email, &email.code, &keys(), T0),
            Err(ChallengeError::MethodNotAllowed(Email))
        );
        let sms = c
            .begin_send(Channel::Sms, &keys(), T0.plus(secs(30)))
            .unwrap();
        assert_eq!(
            c.verify_code(Sms, &sms.code, &keys(), T0.plus(secs(31))),
            Ok(VerifyOutcome::Accepted { approved: true })
        );
    }

    #[test]
    fn enrolled_factors_are_offered_and_checked_like_codes() {
        let u = user(true, true);
        let s = ServiceSettings::default();
        let mut c = Challenge::open(
            &u,
            "withdrawal",
            &s,
            &Channel::ALL,
            &[Totp, RecoveryCode],
            Default::default(),
            &[],
            T0,
        )
        .unwrap();
        assert_eq!(c.offered, vec![Totp, Email, Sms, Voice]);
        assert_eq!(
            c.verify_factor(Totp, false, T0),
            Ok(VerifyOutcome::Rejected { attempts_left: 4 })
        );
        assert_eq!(
            c.verify_factor(Hotp, true, T0),
            Err(ChallengeError::MethodNotAllowed(Hotp))
        );
        assert_eq!(
            c.verify_factor(Sms, true, T0),
            Err(ChallengeError::MethodNotAllowed(Sms))
        );
        assert_eq!(
            c.verify_factor(Totp, true, T0),
            Ok(VerifyOutcome::Accepted { approved: false })
        );
        assert_eq!(c.remaining(), vec![vec![Email, Sms, Voice]]);
    }

    #[test]
    fn fallback_prefers_what_needs_no_delivery_then_another_route() {
        let c = login(&user(true, true));
        assert_eq!(c.fallback_after(Channel::Sms), Some(Voice));
        assert_eq!(c.fallback_after(Channel::Voice), Some(Email));
        assert_eq!(c.fallback_after(Channel::Email), Some(Sms));
        let phone_only = login(&user(true, false));
        assert_eq!(phone_only.fallback_after(Channel::Voice), Some(Sms));
        let with_app = Challenge::open(
            &user(true, true),
            "login",
            &ServiceSettings::default(),
            &Channel::ALL,
            &[Totp],
            Default::default(),
            &[],
            T0,
        )
        .unwrap();
        assert_eq!(with_app.fallback_after(Channel::Sms), Some(Totp));
        let email_only = login(&user(false, true));
        assert_eq!(email_only.fallback_after(Channel::Email), None);
    }

    #[test]
    fn a_device_approves_with_the_right_number_or_denies() {
        let open = || {
            Challenge::open(
                &user(true, true),
                "withdrawal",
                &ServiceSettings::default(),
                &Channel::ALL,
                &[Device],
                Default::default(),
                &[],
                T0,
            )
            .unwrap()
        };
        let approve = |number| DeviceDecision::Approve {
            number,
            transaction_digest: None,
        };
        // A wrong number ends the challenge: the right one cannot follow.
        let mut c = open();
        let m = c.device_match.unwrap();
        let wrong = m.choices.into_iter().find(|n| *n != m.number).unwrap();
        assert_eq!(
            c.respond_on_device(approve(wrong), T0),
            Ok(DeviceOutcome::WrongNumber)
        );
        assert_eq!((c.status, c.attempts_used), (ChallengeStatus::Failed, 1));
        assert_eq!(
            c.respond_on_device(approve(m.number), T0),
            Err(ChallengeError::Closed(ChallengeStatus::Failed))
        );
        let mut c = open();
        let m = c.device_match.unwrap();
        assert_eq!(
            c.respond_on_device(
                DeviceDecision::Approve {
                    number: m.number,
                    transaction_digest: None
                },
                T0
            ),
            Ok(DeviceOutcome::Checked(VerifyOutcome::Accepted {
                approved: false
            }))
        );
        assert_eq!(c.satisfied, vec![Device]);
        assert_eq!(
            c.respond_on_device(DeviceDecision::Deny, T0),
            Err(ChallengeError::MethodNotAllowed(Device)),
            "the device step is done"
        );
        let mut c = open();
        assert_eq!(
            c.respond_on_device(DeviceDecision::Deny, T0),
            Ok(DeviceOutcome::Denied)
        );
        assert_eq!(c.status, ChallengeStatus::Denied);
        assert_eq!(
            c.respond_on_device(
                DeviceDecision::Approve {
                    number: m.number,
                    transaction_digest: None
                },
                T0
            ),
            Err(ChallengeError::Closed(ChallengeStatus::Denied))
        );
        assert!(login(&user(true, true)).device_match.is_none());
    }

    #[test]
    fn a_device_approves_only_the_payment_it_showed() {
        let payment = Transaction {
            amount: "950.00".into(),
            currency: "EUR".into(),
            payee: Some("Bob".into()),
            destination: None,
        };
        let mut c = Challenge::open(
            &user(true, true),
            "withdrawal",
            &ServiceSettings::default(),
            &Channel::ALL,
            &[Device],
            ChallengeContext {
                transaction: Some(payment.clone()),
                ..Default::default()
            },
            &[],
            T0,
        )
        .unwrap();
        let number = c.device_match.unwrap().number;
        let mut other = payment.clone();
        other.amount = "9500.00".into();
        for shown in [None, Some(other.digest(&c.id))] {
            assert_eq!(
                c.respond_on_device(
                    DeviceDecision::Approve {
                        number,
                        transaction_digest: shown
                    },
                    T0
                ),
                Err(ChallengeError::TransactionMismatch)
            );
        }
        assert_eq!(c.attempts_used, 0);
        let approve = DeviceDecision::Approve {
            number,
            transaction_digest: Some(payment.digest(&c.id)),
        };
        assert!(matches!(
            c.respond_on_device(approve, T0),
            Ok(DeviceOutcome::Checked(VerifyOutcome::Accepted { .. }))
        ));
    }

    #[test]
    fn the_hosted_page_opens_with_its_token_only() {
        let mut c = login(&user(true, true));
        assert!(
            !c.page_token_matches(""),
            "no token issued: nothing opens it"
        );
        let token = c.issue_page_token();
        assert_eq!(token.len(), 43);
        assert!(c.page_token_matches(&token));
        assert!(!c.page_token_matches(&c.id.clone()));
        assert!(!c.page_token_matches(&token[1..]));
        assert_ne!(c.page_token_hash.as_deref(), Some(token.as_str()));
    }

    #[test]
    fn only_approvals_that_prove_more_than_a_phone_count_as_usual_places() {
        let approved = |purpose: &str, satisfied: &[Method], country: &str| {
            let mut c = login(&user(true, true));
            c.purpose = purpose.into();
            c.satisfied = satisfied.to_vec();
            c.context.country = Some(country.into());
            c
        };
        let history = [
            approved("verify_contact", &[Sms], "KP"),
            approved("login", &[Sms], "KP"),
            approved("support_call", &[Totp, Email], "KP"),
            approved("login", &[Totp], "FR"),
            approved("withdrawal", &[Webauthn, Sms], "BE"),
        ];
        let places: Vec<Option<String>> = usual_places(&history, &ServiceSettings::default())
            .into_iter()
            .map(|c| c.country)
            .collect();
        assert_eq!(places, [Some("FR".to_owned()), Some("BE".to_owned())]);
    }

    #[test]
    fn risk_signals_raise_the_policy_or_refuse_the_request() {
        let risky = ChallengeContext {
            new_device: Some(true),
            ..Default::default()
        };
        let open = |enrolled: &[Method]| {
            Challenge::open(
                &user(true, true),
                "login",
                &ServiceSettings::default(),
                &Channel::ALL,
                enrolled,
                risky.clone(),
                &[],
                T0,
            )
        };
        let c = open(&[Totp]).unwrap();
        assert_eq!(c.offered, vec![Totp]);
        assert_eq!(c.risk.signals, vec![RiskSignal::NewDevice]);
        assert_eq!(c.risk.rules, vec![RiskRule::AuthenticatorRequired]);
        // Without an authenticator: phone and email together.
        let c = open(&[]).unwrap();
        assert_eq!(c.policy, Policy::of(&[&[Sms, Voice], &[Email]]));
        // Phone only: refused, saying why.
        let phone_only = user(true, false);
        let refused = Challenge::open(
            &phone_only,
            "login",
            &ServiceSettings::default(),
            &Channel::ALL,
            &[],
            risky.clone(),
            &[],
            T0,
        )
        .unwrap_err();
        assert!(
            matches!(refused, ChallengeError::RiskTooHigh(r) if r.rules == vec![RiskRule::PhoneAndEmailRequired])
        );
        // verify_contact is never raised: proving the number is its point.
        let c = Challenge::open(
            &phone_only,
            "verify_contact",
            &ServiceSettings::default(),
            &Channel::ALL,
            &[],
            risky,
            &[],
            T0,
        )
        .unwrap();
        assert_eq!(c.risk.signals, vec![RiskSignal::NewDevice]);
        assert!(c.risk.rules.is_empty());
    }

    #[test]
    fn a_withdrawal_after_a_security_change_is_held_then_released() {
        let mut u = user(true, true);
        u.security_hold_until = Some(T0.plus(secs(86_400)));
        // The service's own purposes, held by their class, not their name.
        let mut settings = ServiceSettings::default();
        for (purpose, class) in [
            ("payout", PurposeClass::Sensitive),
            ("export", PurposeClass::Standard),
        ] {
            settings
                .policies
                .insert(purpose.into(), Policy::of(&[&[Totp], &[Sms]]));
            settings.purpose_classes.insert(purpose.into(), class);
        }
        let open = |purpose: &str, u: &User| {
            Challenge::open(
                u,
                purpose,
                &settings,
                &Channel::ALL,
                &[Totp],
                Default::default(),
                &[],
                T0,
            )
            .unwrap()
        };
        let mut c = open("withdrawal", &u);
        c.verify_factor(Totp, true, T0).unwrap();
        let sms = c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        assert_eq!(
            c.verify_code(Sms, &sms.code, &keys(), T0),
            Ok(VerifyOutcome::Accepted { approved: true })
        );
        assert_eq!(c.status_at(T0), ChallengeStatus::Held);
        assert_eq!(
            c.status_at(T0.plus(secs(86_400))),
            ChallengeStatus::Approved,
            "the hold ends"
        );
        c.release(T0.plus(secs(60))).unwrap();
        assert_eq!(c.status_at(T0.plus(secs(60))), ChallengeStatus::Approved);
        assert_eq!(
            c.release(T0),
            Err(ChallengeError::Closed(ChallengeStatus::Approved))
        );
        // A login is never held; a pending challenge cannot be released.
        let mut login = open("login", &u);
        assert_eq!(login.held_until, None);
        assert_eq!(login.release(T0), Err(ChallengeError::NotHeld));
        assert_eq!(open("security_change", &u).held_until, None);
        assert_eq!(open("payout", &u).held_until, u.security_hold_until);
        assert_eq!(open("export", &u).held_until, None);
    }

    #[test]
    fn cancel_closes_a_pending_challenge_only() {
        let mut c = login(&user(true, true));
        c.cancel(T0).unwrap();
        assert_eq!(c.status, ChallengeStatus::Cancelled);
        assert_eq!(
            c.cancel(T0),
            Err(ChallengeError::Closed(ChallengeStatus::Cancelled))
        );
    }

    #[test]
    fn state_survives_serialisation_without_clear_codes() {
        let mut c = login(&user(true, true));
        let out = c.begin_send(Channel::Sms, &keys(), T0).unwrap();
        let json = serde_json::to_string(&c).unwrap();
        assert!(!json.contains(&format!("\"{}\"", out.code)));
        let back: Challenge = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
    }
}
