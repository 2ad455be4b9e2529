//! Opening a challenge: the integrator's request, the security center's
//! step-up and a support call's join all come through [`App::open_for`], so
//! that every challenge offers the same methods, weighs the same risk
//! history and wakes the same waiting devices.

use countersign_core::challenge::{usual_places, Challenge, ChallengeContext, WebauthnAsk};
use countersign_core::event::Event;
use countersign_core::factor::{Factor, FactorStatus, FactorType};
use countersign_core::ids::{is_printable, NOT_PRINTABLE};
use countersign_core::limits::CounterCheck;
use countersign_core::policy::{is_valid_purpose_name, Channel, Method};
use countersign_core::service::Service;
use countersign_core::support::Appointment;
use countersign_core::user::User;
use countersign_core::Timestamp;
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;

use super::event;
use crate::users::{check_user_id, refuse_if_locked};
use crate::views::ChallengeView;
use crate::{App, AppError, AppResult};

/// The integrator asks a user to prove themselves.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenChallenge {
    pub user_id: String,
    /// `login`, `withdrawal`, `security_change`, `support_call`, `verify_contact`, or one of the service's own.
    #[schema(pattern = "^[a-z0-9_]{1,64}$")]
    pub purpose: String,
    #[serde(default)]
    pub context: ChallengeContext,
    /// Where the hosted page (`hosted_url`) sends the user when the
    /// challenge is decided; must start with one of the service's
    /// `return_urls`.
    pub return_url: Option<String>,
}

/// Who asked for a challenge: it decides where the hosted page returns to
/// and how the creation is recorded, nothing else.
pub(crate) enum Asker<'a> {
    /// The integrator, through the API.
    Integrator { return_url: Option<String> },
    /// The security center, before a change (back to its own page).
    StepUp { session_id: &'a str },
    /// A customer joining a support call: the ticket's email and an
    /// authenticator.
    Join { appointment: &'a Appointment },
}

/// A new challenge and its hosted page's token (known only now).
pub(crate) struct Opened {
    pub challenge: Challenge,
    pub page_token: String,
}

/// How many of a user's latest approvals tell where they usually are.
const RISK_HISTORY: u32 = 20;

/// Where the hosted page sends the user back after a security-center step-up.
pub const STEP_UP_RETURN: &str = "/security/step-up/done";

/// The methods a user's factors offer: active ones, and recovery codes only
/// while some are left.
pub(crate) fn enrolled_methods(factors: &[Factor]) -> Vec<Method> {
    factors
        .iter()
        .filter(|f| f.status == FactorStatus::Active && f.codes_left != Some(0))
        .map(|f| f.kind.method())
        .collect()
}

impl App {
    /// Asks a user to prove themselves for a purpose: the challenge, with
    /// the address of its hosted page (token included, which only this
    /// caller learns).
    pub async fn open_challenge(
        &self,
        service: &Service,
        request: OpenChallenge,
    ) -> AppResult<ChallengeView> {
        check_user_id(&request.user_id)?;
        if !is_valid_purpose_name(&request.purpose) {
            return Err(AppError::field(
                "purpose",
                "expected 1–64 characters of a-z 0-9 _",
            ));
        }
        check_context(&request.context)?;
        check_return_url(service, request.return_url.as_deref())?;
        let user = self.user(&service.id, &request.user_id).await?;
        let asker = Asker::Integrator {
            return_url: request.return_url,
        };
        let opened = self
            .open_for(service, &user, &request.purpose, request.context, asker)
            .await?;
        let mut view = self.challenge_view(&opened.challenge).await?;
        view.hosted_url = Some(format!(
            "{}{}",
            self.config.public_url.trim_end_matches('/'),
            page_path(&opened)
        ));
        Ok(view)
    }

    /// The one way a challenge is opened (see the module's comment).
    pub(crate) async fn open_for(
        &self,
        service: &Service,
        user: &User,
        purpose: &str,
        context: ChallengeContext,
        asker: Asker<'_>,
    ) -> AppResult<Opened> {
        let now = self.now();
        refuse_if_locked(user, now)?;
        let factors = self.store.factors(&user.id).await?;
        let enrolled = enrolled_methods(&factors);
        let history = match &asker {
            Asker::Join { .. } => Vec::new(),
            _ => usual_places(
                &self.store.recent_approved(&user.id, RISK_HISTORY).await?,
                &service.settings,
            ),
        };
        let open = |enrolled: &[Method]| match &asker {
            Asker::Join { appointment } => {
                let email_only: Vec<Channel> = self
                    .delivery
                    .channels()
                    .into_iter()
                    .filter(|c| *c == Channel::Email)
                    .collect();
                appointment.join_challenge(
                    user,
                    &service.settings,
                    &email_only,
                    enrolled,
                    context.clone(),
                    now,
                )
            }
            _ => Challenge::open(
                user,
                purpose,
                &service.settings,
                &self.deliverable_to(user.phone.as_deref()),
                enrolled,
                context.clone(),
                &history,
                now,
            ),
        };
        let mut c = open(&enrolled).map_err(|e| AppError::challenge(e, now))?;
        let mut events = Vec::new();
        if c.device_match.is_some() {
            if let Some(capped) = self.count_prompt(service, user, &factors, now).await? {
                // No prompt: the challenge goes on with the user's other
                // methods, or is refused if it has none.
                let refused = Event::new(
                    &service.id,
                    Some(&user.user_id),
                    "device.prompt_refused",
                    now,
                    context.ip.as_deref(),
                    json!({"purpose": purpose, "limit": capped.scope.as_str(), "until": capped.window_end}),
                );
                let others: Vec<Method> = enrolled
                    .iter()
                    .copied()
                    .filter(|m| *m != Method::Device)
                    .collect();
                let Ok(without_device) = open(&others) else {
                    self.store.insert_events(&[refused]).await?;
                    return Err(AppError::TooManyPrompts {
                        limit: capped.scope,
                        now,
                        until: capped.window_end,
                    });
                };
                c = without_device;
                events.push(refused);
            }
        }
        let page_token = c.issue_page_token();
        self.ask_webauthn(&mut c, &factors)?;
        let created = match asker {
            Asker::Integrator { return_url } => {
                c.return_url = return_url;
                event(
                    &c,
                    "challenge.created",
                    now,
                    json!({"risk": c.risk, "transaction": c.context.transaction}),
                )
            }
            Asker::StepUp { session_id } => {
                c.return_url = Some(STEP_UP_RETURN.to_owned());
                event(
                    &c,
                    "challenge.created",
                    now,
                    json!({"risk": c.risk, "portal_session": session_id}),
                )
            }
            Asker::Join { appointment } => event(
                &c,
                "support.join_started",
                now,
                json!({"appointment_id": appointment.id}),
            ),
        };
        events.push(created);
        self.store.insert_challenge(&c, &events).await?;
        if c.device_match.is_some() {
            self.device_waiters.notify(&c.user_pk);
            // Devices may wait on another process: tell them (best effort;
            // a device that misses it sees the request on its next poll).
            let signal = countersign_store::Signal::NewChallenge(c.user_pk.clone());
            if let Err(e) = self.store.announce(signal).await {
                tracing::warn!(error = %e, "announcing a challenge to other processes failed");
            }
        }
        Ok(Opened {
            challenge: c,
            page_token,
        })
    }

    /// Counts a prompt to the user's trusted devices against the caps per
    /// device and per user (atomically, so they hold across processes):
    /// the counter at its cap, if one is (then nothing is counted).
    async fn count_prompt(
        &self,
        service: &Service,
        user: &User,
        factors: &[Factor],
        now: Timestamp,
    ) -> AppResult<Option<CounterCheck>> {
        let devices: Vec<&str> = factors
            .iter()
            .filter(|f| f.kind == FactorType::Device && f.status == FactorStatus::Active)
            .map(|f| f.id.as_str())
            .collect();
        let checks = self
            .config
            .limits
            .prompt_checks(&service.id, &user.id, &devices, now);
        Ok(self
            .store
            .count_attempts(&checks)
            .await?
            .map(|i| checks[i].clone()))
    }

    /// Prepares the WebAuthn request of a challenge that offers passkeys or
    /// security keys.
    fn ask_webauthn(&self, c: &mut Challenge, factors: &[Factor]) -> AppResult<()> {
        if c.offered.contains(&Method::Webauthn) {
            c.webauthn = self
                .relying_party()?
                .start_authentication(factors)?
                .map(|ceremony| WebauthnAsk {
                    options: ceremony.options,
                    state: ceremony.state,
                });
        }
        Ok(())
    }
}

/// The hosted page of a new challenge, on this server, with its token.
pub(crate) fn page_path(opened: &Opened) -> String {
    format!("/verify/{}?t={}", opened.challenge.id, opened.page_token)
}

/// Refuses a return URL that does not start with one of the service's
/// registered ones: Countersign's pages never redirect anywhere else.
pub(crate) fn check_return_url(service: &Service, url: Option<&str>) -> AppResult<()> {
    match url {
        Some(url) if !service.settings.allows_return_url(url) => {
            Err(AppError::ReturnUrlNotRegistered)
        }
        _ => Ok(()),
    }
}

pub(crate) fn check_context(c: &ChallengeContext) -> AppResult<()> {
    let fields = [
        ("context.ip", &c.ip, 64),
        ("context.user_agent", &c.user_agent, 512),
        ("context.device_id", &c.device_id, 128),
        ("context.sender_name", &c.sender_name, 30),
    ];
    for (name, value, max) in fields {
        if value.as_ref().is_some_and(|v| v.len() > max) {
            return Err(AppError::field(name, format!("at most {max} characters")));
        }
        if value.as_ref().is_some_and(|v| !is_printable(v)) {
            return Err(AppError::field(name, NOT_PRINTABLE));
        }
    }
    if c.ip
        .as_deref()
        .is_some_and(|ip| ip.parse::<std::net::IpAddr>().is_err())
    {
        return Err(AppError::field(
            "context.ip",
            "expected an IPv4 or IPv6 address",
        ));
    }
    if c.country
        .as_deref()
        .is_some_and(|cc| cc.len() != 2 || !cc.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return Err(AppError::field(
            "context.country",
            "expected an ISO 3166 alpha-2 code such as FR",
        ));
    }
    if let Some(t) = &c.transaction {
        t.validate()
            .map_err(|e| AppError::InvalidTransaction(e.to_string()))?;
    }
    Ok(())
}
