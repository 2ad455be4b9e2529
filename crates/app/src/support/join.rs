//! The customer's side of a verified call (no service key, limited by IP):
//! join with the appointment code, which opens a `support_call` challenge
//! and sends a code to the ticket's email; answer it; check that the agent
//! on the call is genuine.
//!
//! The join is a session: the browser that joined gets the challenge's own
//! token (as [`countersign_core::support::JOIN_COOKIE`]), and answering the
//! challenge or getting the room token from this side needs it. The ids
//! alone, which travel in events and webhooks, do neither.

use std::net::IpAddr;

use countersign_core::challenge::{Challenge, ChallengeContext};
use countersign_core::ids::{is_id_of, is_printable, AppointmentId};
use countersign_core::limits::{ip_bucket, Scope, SendFacts, SendLimits};
use countersign_core::policy::{Channel, Method};
use countersign_core::service::Service;
use countersign_core::support::{
    appointment_code_hash, normalize_appointment_code, Appointment, AppointmentStatus,
    TOKEN_AFTER_APPROVAL,
};
use countersign_core::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::appointment_event;
use super::appointments::AGENT_CODE_KEY;
use crate::challenges::answer::Answer;
use crate::challenges::open::Asker;
use crate::views::{ChallengeView, SendView};
use crate::{App, AppError, AppResult, Missing};

/// What a customer gets on joining: the challenge to pass, and where the
/// email code went.
#[derive(Debug, Serialize, ToSchema)]
pub struct JoinView {
    /// The `support_call` challenge.
    #[serde(flatten)]
    pub challenge: ChallengeView,
    pub email: SendView,
    pub appointment_id: AppointmentId,
    pub agent: String,
    pub starts_at: Timestamp,
}

/// A join: what the customer's page shows, and the session that only the
/// joining browser holds (for a cookie, never in a body a script reads).
pub struct Joined {
    pub view: JoinView,
    /// The join challenge's token.
    pub session: String,
    /// How long the session is of use: until the challenge expires, then
    /// the room token's window after an approval.
    pub session_ttl: std::time::Duration,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinAnswer {
    pub challenge_id: String,
    /// `totp`, `hotp`, `email` or `webauthn`.
    pub method: Method,
    pub code: Option<String>,
    /// The browser's PublicKeyCredential as JSON (webauthn).
    #[schema(value_type = Option<Object>)]
    pub credential: Option<serde_json::Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgentCheckResult {
    /// True when the code is the one this appointment's agent sees now.
    pub genuine: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
}

impl App {
    /// Counts one customer attempt from `ip`, refusing past the cap.
    async fn limit_attempts(&self, ip: Option<IpAddr>) -> AppResult<()> {
        let now = self.now();
        let keys = self.keys.ring();
        let ip = ip.map_or_else(
            || "unknown".to_owned(),
            |ip| keys.pseudonym("ip", &ip_bucket(ip)),
        );
        let mut checks = SendLimits {
            per_ip: self.config.support.attempts_per_ip,
            ..Default::default()
        }
        .checks(
            &SendFacts {
                service_id: "support-join",
                channel: Channel::Email,
                destination: "-",
                ip: Some(&ip),
                calling_code: None,
            },
            now,
        );
        checks.retain(|c| c.scope == Scope::Ip);
        if let Some(i) = self.store.count_attempts(&checks).await? {
            return Err(AppError::TooManyTries {
                now,
                until: checks[i].window_end,
            });
        }
        Ok(())
    }

    /// The appointment an appointment code names. Every try counts against
    /// the caller's IP; a wrong code says only "not found".
    async fn appointment_for_code(
        &self,
        ip: Option<IpAddr>,
        typed: &str,
    ) -> AppResult<(Appointment, Service)> {
        self.limit_attempts(ip).await?;
        let not_found = || AppError::NotFound(Missing::Appointment);
        let canonical = normalize_appointment_code(typed).ok_or_else(not_found)?;
        let appointment = self
            .store
            .appointment_by_code_hash(&appointment_code_hash(&canonical))
            .await?
            .ok_or_else(not_found)?;
        let service = self
            .store
            .service(&appointment.service_id)
            .await?
            .ok_or_else(not_found)?;
        Ok((appointment, service))
    }

    /// Starts the `support_call` challenge for an appointment code and sends
    /// the email code to the ticket's address; the challenge's token is the
    /// joining browser's session.
    pub async fn join_call(
        &self,
        ip: Option<IpAddr>,
        user_agent: Option<&str>,
        appointment_code: &str,
    ) -> AppResult<Joined> {
        let (appointment, service) = self.appointment_for_code(ip, appointment_code).await?;
        appointment.ensure_joinable(&self.config.support.join_window, self.now())?;
        let user = self.user(&service.id, &appointment.user_id).await?;
        let context = ChallengeContext {
            user_agent: user_agent
                .filter(|ua| is_printable(ua))
                .map(|ua| ua.chars().take(512).collect()),
            ..Default::default()
        };
        let asker = Asker::Join {
            appointment: &appointment,
        };
        let opened = self
            .open_for(&service, &user, "support_call", context, asker)
            .await?;
        let id = &opened.challenge.id;
        let email = self.send_code(&service, id, Channel::Email).await?;
        let fresh = self.challenge(&service.id, id).await?;
        let lifetime = fresh
            .expires_at
            .millis()
            .saturating_sub(self.now().millis());
        let session_ttl = std::time::Duration::from_millis(u64::try_from(lifetime).unwrap_or(0))
            + TOKEN_AFTER_APPROVAL;
        Ok(Joined {
            view: JoinView {
                challenge: self.challenge_view(&fresh).await?,
                email,
                appointment_id: appointment.id,
                agent: appointment.agent,
                starts_at: appointment.starts_at,
            },
            session: opened.page_token,
            session_ttl,
        })
    }

    /// A customer's challenge: one started by joining an appointment, asked
    /// for by the browser that joined (`session`, its cookie). A missing or
    /// wrong session is refused before anything is counted.
    pub(super) async fn joined_challenge(
        &self,
        id: &str,
        session: Option<&str>,
    ) -> AppResult<(Challenge, Service)> {
        let (c, service) = self.join_challenge(id).await?;
        if !session.is_some_and(|token| c.page_token_matches(token)) {
            return Err(AppError::NotJoinSession);
        }
        Ok((c, service))
    }

    /// A challenge started by joining an appointment, whoever asks.
    pub(super) async fn join_challenge(&self, id: &str) -> AppResult<(Challenge, Service)> {
        let not_found = || AppError::NotFound(Missing::Challenge);
        if !is_id_of("chl", id) {
            return Err(not_found());
        }
        let c = self
            .store
            .challenge_by_id(id)
            .await?
            .filter(|c| c.appointment_id.is_some())
            .ok_or_else(not_found)?;
        let service = self
            .store
            .service(&c.service_id)
            .await?
            .ok_or_else(not_found)?;
        Ok((c, service))
    }

    /// Checks the authenticator code or the email code of a join challenge
    /// for the browser that joined, with the same attempt limits as any
    /// challenge (its failures never lock the account for good: see
    /// [`countersign_core::lockout`]).
    pub async fn answer_join(
        &self,
        answer: JoinAnswer,
        session: Option<&str>,
    ) -> AppResult<ChallengeView> {
        let (c, service) = self.joined_challenge(&answer.challenge_id, session).await?;
        let answer = Answer {
            method: answer.method,
            code: answer.code,
            credential: answer.credential,
        };
        self.answer(&service, &c.id, answer).await
    }

    /// Is the person on the call really from support? The agent reads out
    /// their code; the customer checks it with their appointment code.
    pub async fn check_agent(
        &self,
        ip: Option<IpAddr>,
        appointment_code: &str,
        agent_code: &str,
    ) -> AppResult<AgentCheckResult> {
        let (appointment, _) = self.appointment_for_code(ip, appointment_code).await?;
        let keys = self.keys.ring().purpose_keys(AGENT_CODE_KEY);
        let keys: Vec<&[u8]> = keys.iter().map(|k| k.as_slice()).collect();
        let now = self.now();
        let genuine = appointment.status == AppointmentStatus::Scheduled
            && appointment.is_agent_code_under(&keys, agent_code, now);
        let checked = appointment_event(
            &appointment,
            "support.agent_checked",
            now,
            json!({"genuine": genuine}),
        );
        self.store.insert_events(&[checked]).await?;
        Ok(AgentCheckResult {
            genuine,
            agent: genuine.then(|| appointment.agent.clone()),
        })
    }
}
