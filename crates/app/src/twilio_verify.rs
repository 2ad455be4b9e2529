//! Twilio Verify's model on Countersign's challenges, for integrators who
//! move off Twilio by changing a base URL. Twilio keys a verification by
//! its destination (`To`) and knows no users, so each destination is an
//! implicit user of the service and a verification is that user's
//! `verify_contact` challenge. Everything behind it is Countersign's own:
//! the toll-fraud guard, cooldowns, attempts, localized messages, delivery
//! tracking, the audit log and webhooks.

use countersign_core::challenge::{Challenge, ChallengeContext, ChallengeError};
use countersign_core::contact::{normalize_email, normalize_phone};
use countersign_core::ids::{ChallengeId, ServiceId, UserId};
use countersign_core::message::MessageRecord;
use countersign_core::policy::Channel;
use countersign_core::service::Service;
use countersign_core::transaction::Transaction;
use sha2::{Digest, Sha256};

use crate::challenges::answer::Answer;
use crate::challenges::open::{check_context, Asker};
use crate::users::PutUser;
use crate::{App, AppError, AppResult, Missing};

/// The purpose of every verification: proving the destination is the
/// caller's, which is all Twilio Verify promises.
pub const PURPOSE: &str = "verify_contact";

/// The start of an implicit user's id, so that no id an integrator picked
/// is taken for one (and the reverse).
pub const IMPLICIT_USER_PREFIX: &str = "verify-to.";

/// Twilio's `POST …/Verifications`.
#[derive(Debug, Clone)]
pub struct StartVerification {
    /// A phone number in any international format, or an email address.
    pub to: String,
    pub channel: Channel,
    /// A BCP 47 tag: the language of the message.
    pub locale: Option<String>,
    /// `CustomFriendlyName`: the name the message gives instead of the
    /// service's.
    pub sender_name: Option<String>,
    /// `Amount` and `Payee`: the payment the code approves, named in the
    /// message.
    pub transaction: Option<Transaction>,
}

/// Which verification a check is about (`To` or `VerificationSid`).
#[derive(Debug, Clone)]
pub enum CheckTarget {
    To(String),
    Verification(ChallengeId),
}

/// Twilio's `POST …/VerificationCheck`.
#[derive(Debug, Clone)]
pub struct CheckVerification {
    pub target: CheckTarget,
    pub code: String,
    /// When given, must be the verification's own payment.
    pub transaction: Option<Transaction>,
}

/// A verification as it stands: its challenge and the messages sent for it.
#[derive(Debug, Clone)]
pub struct Verification {
    pub challenge: Challenge,
    pub messages: Vec<MessageRecord>,
}

impl Verification {
    /// The destination, as normalized (E.164 or a lowercase address).
    pub fn to(&self) -> &str {
        let d = &self.challenge.destinations;
        d.phone
            .as_deref()
            .or(d.email.as_deref())
            .unwrap_or_default()
    }

    /// The channel of the latest send (a verification none was sent for
    /// yet: the destination's usual one).
    pub fn channel(&self) -> Channel {
        self.messages
            .iter()
            .max_by_key(|m| m.created_at)
            .map_or_else(|| usual_channel(&self.challenge), |m| m.channel)
    }
}

/// The channel a destination is reached on when none is named.
fn usual_channel(c: &Challenge) -> Channel {
    if c.destinations.phone.is_some() {
        Channel::Sms
    } else {
        Channel::Email
    }
}

/// A destination, normalized for its channel: phone numbers for SMS and
/// calls, addresses for email.
fn destination(to: &str, channel: Channel) -> AppResult<String> {
    let normalized = if channel.uses_phone() {
        normalize_phone(to)
    } else {
        normalize_email(to)
    };
    normalized.map_err(|e| AppError::field("To", e.to_string()))
}

/// The destination `to` names, whichever kind it is.
fn any_destination(to: &str) -> AppResult<String> {
    let channel = if to.contains('@') {
        Channel::Email
    } else {
        Channel::Sms
    };
    destination(to, channel)
}

/// The implicit user of a destination. A digest, not the number or address
/// itself: user ids travel in events, webhooks and exports, and must not
/// carry personal data that erasing the user would have to chase.
pub fn implicit_user_id(service_id: &ServiceId, to: &str) -> UserId {
    let digest = Sha256::new()
        .chain_update(b"countersign/verify-to/v1|")
        .chain_update(service_id.as_bytes())
        .chain_update(b"|")
        .chain_update(to.as_bytes())
        .finalize();
    let hex = countersign_core::to_hex(digest);
    UserId::from_trusted(format!("{IMPLICIT_USER_PREFIX}{}", &hex[..32]))
}

impl App {
    /// Starts a verification of `To`, or sends again on the one still
    /// pending for it (as Twilio does): the implicit user is created or
    /// updated, then the code is handed to the provider.
    pub async fn start_verification(
        &self,
        service: &Service,
        start: StartVerification,
    ) -> AppResult<Verification> {
        let to = destination(&start.to, start.channel)?;
        let context = ChallengeContext {
            sender_name: start.sender_name,
            transaction: start.transaction,
            ..ChallengeContext::default()
        };
        check_context(&context)?;
        // Refused before anything is written: no user for a number the
        // toll-fraud guard keeps out.
        let phone = start.channel.uses_phone().then_some(to.as_str());
        if !self.deliverable_to(phone).contains(&start.channel) {
            return Err(AppError::challenge(
                ChallengeError::MethodNotAllowed(start.channel.method()),
                self.now(),
            ));
        }
        let user_id = implicit_user_id(&service.id, &to);
        let mut contact = PutUser {
            locale: start.locale.map(Some),
            ..PutUser::default()
        };
        if start.channel.uses_phone() {
            contact.phone = Some(Some(to));
        } else {
            contact.email = Some(Some(to));
        }
        self.put_user(service, &user_id, contact, None).await?;
        let user = self.user(&service.id, &user_id).await?;
        let pending = self
            .pending_verification(&user.id)
            .await?
            .filter(|c| c.context == context);
        let id = match pending {
            Some(c) => c.id,
            None => {
                let asker = Asker::Integrator { return_url: None };
                self.open_for(service, &user, PURPOSE, context, asker)
                    .await?
                    .challenge
                    .id
            }
        };
        self.send_code(service, &id, start.channel).await?;
        self.verification(service, &id).await
    }

    /// A verification by id: only a challenge the Twilio surface made.
    pub async fn verification(
        &self,
        service: &Service,
        id: &ChallengeId,
    ) -> AppResult<Verification> {
        let challenge = self.challenge(&service.id, id).await?;
        if challenge.purpose != PURPOSE || !challenge.user_id.starts_with(IMPLICIT_USER_PREFIX) {
            return Err(AppError::NotFound(Missing::Challenge));
        }
        let messages = self.store.messages(&challenge.id).await?;
        Ok(Verification {
            challenge,
            messages,
        })
    }

    /// `Status=canceled`: no code of it is good any more.
    pub async fn cancel_verification(
        &self,
        service: &Service,
        id: &ChallengeId,
    ) -> AppResult<Verification> {
        self.verification(service, id).await?;
        self.cancel_challenge(&service.id, id).await?;
        self.verification(service, id).await
    }

    /// `Status=approved`: the integrator proved the destination by other
    /// means. Recorded as `challenge.approved_by_integrator`.
    pub async fn approve_verification(
        &self,
        service: &Service,
        id: &ChallengeId,
    ) -> AppResult<Verification> {
        self.verification(service, id).await?;
        self.transition(
            &service.id,
            id,
            Challenge::approve_on_integrators_word,
            "challenge.approved_by_integrator",
            serde_json::json!({}),
        )
        .await?;
        self.verification(service, id).await
    }

    /// Checks a code. A wrong one leaves the verification pending (or
    /// failed, on the last attempt) and is not an error, as in Twilio.
    pub async fn check_verification(
        &self,
        service: &Service,
        check: CheckVerification,
    ) -> AppResult<Verification> {
        let current = match check.target {
            CheckTarget::Verification(id) => self.verification(service, &id).await?.challenge,
            CheckTarget::To(to) => {
                let user_id = implicit_user_id(&service.id, &any_destination(&to)?);
                let user = self
                    .user(&service.id, &user_id)
                    .await
                    .map_err(|e| match e {
                        AppError::NotFound(_) => AppError::NotFound(Missing::Challenge),
                        e => e,
                    })?;
                self.pending_verification(&user.id)
                    .await?
                    .ok_or(AppError::NotFound(Missing::Challenge))?
            }
        };
        if check
            .transaction
            .is_some_and(|t| current.context.transaction.as_ref() != Some(&t))
        {
            return Err(AppError::field(
                "Amount",
                "the amount and payee must be the verification's own",
            ));
        }
        let channel = current
            .channel_of_code(&check.code, &self.keys.ring())
            .unwrap_or_else(|| usual_channel(&current));
        let answer = Answer {
            method: channel.method(),
            code: Some(check.code),
            credential: None,
        };
        match self.answer(service, &current.id, answer).await {
            Ok(_) | Err(AppError::WrongCode { .. }) => {}
            Err(e) => return Err(e),
        }
        self.verification(service, &current.id).await
    }

    /// The user's newest pending verification.
    async fn pending_verification(
        &self,
        user: &countersign_core::ids::UserKey,
    ) -> AppResult<Option<Challenge>> {
        Ok(self
            .store
            .pending_challenges(user, self.now())
            .await?
            .into_iter()
            .filter(|c| c.purpose == PURPOSE)
            .max_by_key(|c| c.created_at))
    }
}
