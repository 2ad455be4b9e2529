//! The operator console's use cases: operators added from the command line
//! enrol a passkey through a one-time link and sign in with it; a session
//! (a cookie) then lets them find users and see what the security center
//! would show, and — as their role allows, after a step-up with their
//! passkey — unlock a user, release a held withdrawal, remove a method or
//! end a user's security-center sessions. Each change is the same write
//! the API makes, with an event that names the operator and their reason.
//! Roles are decided by [`countersign_core::operator::check`], here only.

use countersign_core::challenge::{Challenge, ChallengeStatus};
use countersign_core::contact::{normalize_email, normalize_phone};
use countersign_core::event::Event;
use countersign_core::factor::Factor;
use countersign_core::ids::{new_id, ServiceId};
use countersign_core::operator::{
    check, check_name, Action, ConsoleSession, Operator, OperatorPasskey, Role, CEREMONY_TTL,
    ENROLMENT_TTL, IDLE_TIMEOUT, STEP_UP_TTL,
};
use countersign_core::portal::{is_token_shaped, new_token, token_hash, PortalSession};
use countersign_core::service::Service;
use countersign_core::user::User;
use countersign_core::Timestamp;
use countersign_store::{Store, StoreError, UserLookup};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::{App, AppError, AppResult, Missing};

pub mod help;
pub mod services;
pub mod support;

/// Users a search shows at most.
pub const FOUND_MAX: u32 = 50;
/// Events a user's page shows.
const EVENTS_SHOWN: u32 = 50;
/// Recent approved challenges read to find the held ones.
const RECENT_READ: u32 = 50;
/// Longest reason an operator may give.
pub const REASON_MAX: usize = 500;

/// An operator just added, with their one-time enrolment link.
pub struct NewOperator {
    pub operator: Operator,
    pub link: String,
    pub expires_at: Timestamp,
}

/// Adds an operator with `role`; the link (to hand to them, once) enrols
/// their passkey within [`ENROLMENT_TTL`].
pub async fn add_operator(
    store: &dyn Store,
    public_url: &str,
    name: &str,
    role: Role,
    now: Timestamp,
) -> AppResult<NewOperator> {
    let name = check_name(name).map_err(|e| AppError::field("name", e))?;
    let operator = Operator {
        id: new_id("opr"),
        name,
        role,
        created_at: now,
        enrolled_at: None,
        last_sign_in_at: None,
    };
    let token = new_token();
    let expires_at = now.plus(ENROLMENT_TTL);
    match store
        .insert_operator(&operator, &token_hash(&token), expires_at)
        .await
    {
        Err(StoreError::Conflict) => {
            return Err(AppError::field("name", "an operator has this name already"))
        }
        written => written?,
    }
    tracing::info!(operator = %operator.name, role = operator.role.as_str(), "operator added");
    Ok(NewOperator {
        link: format!("{}/console/enrol/{token}", public_url.trim_end_matches('/')),
        operator,
        expires_at,
    })
}

/// Removes the operator named `name`; their sessions end at once.
pub async fn remove_operator(store: &dyn Store, name: &str) -> AppResult<()> {
    if !store.delete_operator(name.trim()).await? {
        return Err(AppError::NotFound(Missing::Operator));
    }
    tracing::info!(operator = %name.trim(), "operator removed");
    Ok(())
}

/// Ends a user's lockout, with `by` (who, and why) in its `user.unlocked`
/// event: the console's and the command line's one way to do it.
pub async fn unlock_user(
    store: &dyn Store,
    user: &User,
    by: Value,
    now: Timestamp,
) -> AppResult<()> {
    let event = Event::new(
        &user.service_id,
        Some(&user.user_id),
        "user.unlocked",
        now,
        None,
        by,
    );
    store.unlock_user(user, &event).await?;
    Ok(())
}

/// A signed-in operator's live session.
pub struct Console {
    pub operator: Operator,
    pub session: ConsoleSession,
    /// The hash of the cookie this request came with: a step-up replaces
    /// exactly this one.
    cookie_hash: String,
}

impl Console {
    /// Whether the operator's role allows `action` (for what a page offers;
    /// each use case checks again).
    pub fn may(&self, action: Action) -> bool {
        self.operator.role.may(action)
    }

    /// Whether changes are allowed now, without a new step-up.
    pub fn stepped_up(&self, now: Timestamp) -> bool {
        self.session.stepped_up(now)
    }

    pub(crate) fn allow(&self, action: Action, now: Timestamp) -> AppResult<()> {
        check(&self.operator, &self.session, action, now).map_err(AppError::Console)
    }
}

/// A new console session: the operator, and the cookie's value.
pub struct SignedIn {
    pub operator: Operator,
    pub cookie: String,
}

/// A passkey ceremony begun: its id (sent back to finish it) and the
/// options for the browser.
#[derive(Debug, Serialize)]
pub struct Prompt {
    pub ceremony: String,
    pub options: Value,
}

/// A ceremony's server-side state: what it is for, and webauthn-rs's state.
#[derive(Serialize, Deserialize)]
#[serde(tag = "for", rename_all = "snake_case")]
enum Purpose {
    Enrolment { operator_id: String, state: Value },
    SignIn { state: Value },
    StepUp { session_id: String, state: Value },
}

/// A user as the console shows them.
pub struct Dossier {
    pub service: Service,
    pub user: User,
    /// Active and pending methods.
    pub factors: Vec<Factor>,
    /// Withdrawals held after a security change.
    pub held: Vec<Challenge>,
    /// Live security-center sessions.
    pub sessions: Vec<PortalSession>,
    pub events: Vec<Event>,
}

/// A user a search found, with their service's name.
pub struct Found {
    pub user: User,
    pub service: String,
}

/// Why the operator acts: required for every change, kept in its event.
fn reason(text: &str) -> AppResult<String> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > REASON_MAX {
        return Err(AppError::field(
            "reason",
            format!("say why, in 1 to {REASON_MAX} characters"),
        ));
    }
    if !countersign_core::ids::is_printable(text) {
        return Err(AppError::field(
            "reason",
            countersign_core::ids::NOT_PRINTABLE,
        ));
    }
    Ok(text.to_owned())
}

impl App {
    async fn begin_ceremony(&self, purpose: Purpose, options: Value) -> AppResult<Prompt> {
        let id = new_token();
        let now = self.now();
        let state = serde_json::to_string(&purpose).map_err(|_| AppError::Internal)?;
        self.store
            .insert_console_ceremony(&token_hash(&id), &state, now, now.plus(CEREMONY_TTL))
            .await?;
        Ok(Prompt {
            ceremony: id,
            options,
        })
    }

    /// The ceremony `id`, taken (once).
    async fn take_ceremony(&self, id: &str) -> AppResult<Purpose> {
        let refused = || AppError::CredentialRefused {
            reason: "this passkey request is over; start again".into(),
            attempts_left: None,
        };
        if !is_token_shaped(id) {
            return Err(refused());
        }
        let state = self
            .store
            .take_console_ceremony(&token_hash(id), self.now())
            .await?
            .ok_or_else(refused)?;
        serde_json::from_str(&state).map_err(|_| refused())
    }

    /// The operator a live enrolment link is for (`None`: unknown, used or
    /// expired).
    pub async fn enrolment(&self, token: &str) -> AppResult<Option<Operator>> {
        if !is_token_shaped(token) {
            return Ok(None);
        }
        Ok(self
            .store
            .operator_by_enrolment(&token_hash(token), self.now())
            .await?)
    }

    /// Begins registering the passkey of the operator the link is for.
    pub async fn start_enrolment(&self, token: &str) -> AppResult<Prompt> {
        let operator = self
            .enrolment(token)
            .await?
            .ok_or(AppError::NotFound(Missing::Operator))?;
        let ceremony = self
            .relying_party()?
            .start_operator_registration(&operator.id, &operator.name)?;
        let purpose = Purpose::Enrolment {
            operator_id: operator.id,
            state: ceremony.state,
        };
        self.begin_ceremony(purpose, ceremony.options).await
    }

    /// Registers the passkey and spends the link, signing the operator in.
    pub async fn finish_enrolment(
        &self,
        token: &str,
        ceremony: &str,
        credential: &Value,
    ) -> AppResult<SignedIn> {
        let Purpose::Enrolment { operator_id, state } = self.take_ceremony(ceremony).await? else {
            return Err(AppError::invalid("not an enrolment"));
        };
        let (credential_id, passkey) = self
            .relying_party()?
            .finish_operator_registration(&state, credential)?;
        let now = self.now();
        let key = OperatorPasskey {
            credential_id,
            operator_id: operator_id.clone(),
            passkey,
            created_at: now,
            last_used_at: Some(now),
        };
        let session = ConsoleSession::new(&operator_id, now);
        let cookie = new_token();
        let enrolled = is_token_shaped(token)
            && self
                .store
                .enrol_operator(
                    &token_hash(token),
                    now,
                    &key,
                    &session,
                    &token_hash(&cookie),
                )
                .await?;
        if !enrolled {
            return Err(AppError::NotFound(Missing::Operator));
        }
        let operator = self
            .store
            .operators()
            .await?
            .into_iter()
            .find(|o| o.id == operator_id)
            .ok_or(AppError::NotFound(Missing::Operator))?;
        tracing::info!(operator = %operator.name, "operator enrolled a passkey");
        Ok(SignedIn { operator, cookie })
    }

    /// Begins a sign-in: any of this site's passkeys may answer.
    pub async fn start_console_sign_in(&self) -> AppResult<Prompt> {
        let ceremony = self.relying_party()?.start_discoverable()?;
        let purpose = Purpose::SignIn {
            state: ceremony.state,
        };
        self.begin_ceremony(purpose, ceremony.options).await
    }

    /// The operator's passkey that `credential` names, checked against the
    /// ceremony's `state`, brought up to date.
    async fn asserted(&self, state: &Value, credential: &Value) -> AppResult<OperatorPasskey> {
        let rp = self.relying_party()?;
        let refused = || AppError::CredentialRefused {
            reason: "this passkey is not an operator's".into(),
            attempts_left: None,
        };
        let (operator_id, credential_id) = rp.identify_operator(credential)?;
        let mut key = self
            .store
            .operator_passkey(&credential_id)
            .await?
            .filter(|k| k.operator_id == operator_id)
            .ok_or_else(refused)?;
        key.passkey = rp.finish_operator_assertion(state, credential, &key.passkey)?;
        key.last_used_at = Some(self.now());
        Ok(key)
    }

    /// Finishes a sign-in with an operator's passkey: a new session.
    pub async fn finish_console_sign_in(
        &self,
        ceremony: &str,
        credential: &Value,
    ) -> AppResult<SignedIn> {
        let Purpose::SignIn { state } = self.take_ceremony(ceremony).await? else {
            return Err(AppError::invalid("not a sign-in"));
        };
        let key = self.asserted(&state, credential).await?;
        let session = ConsoleSession::new(&key.operator_id, self.now());
        let cookie = new_token();
        let operator = self
            .store
            .sign_in_operator(&key, &session, &token_hash(&cookie))
            .await?
            .ok_or(AppError::NotFound(Missing::Operator))?;
        tracing::info!(operator = %operator.name, "operator signed in");
        Ok(SignedIn { operator, cookie })
    }

    /// The live console session of `cookie`, marked as seen.
    pub async fn console(&self, cookie: &str) -> AppResult<Option<Console>> {
        let now = self.now();
        let cookie_hash = token_hash(cookie);
        Ok(self
            .store
            .console_session(&cookie_hash, now, now.minus(IDLE_TIMEOUT))
            .await?
            .map(|(session, operator)| Console {
                operator,
                session,
                cookie_hash,
            }))
    }

    /// Begins a step-up: the signed-in operator's passkey again.
    pub async fn start_console_step_up(&self, c: &Console) -> AppResult<Prompt> {
        let ceremony = self.relying_party()?.start_discoverable()?;
        let purpose = Purpose::StepUp {
            session_id: c.session.id.clone(),
            state: ceremony.state,
        };
        self.begin_ceremony(purpose, ceremony.options).await
    }

    /// Finishes a step-up with the session's operator's own passkey:
    /// changes are allowed for [`STEP_UP_TTL`], under a new cookie (its
    /// value returned; the one the session had stops working).
    pub async fn finish_console_step_up(
        &self,
        c: &Console,
        ceremony: &str,
        credential: &Value,
    ) -> AppResult<String> {
        let Purpose::StepUp { session_id, state } = self.take_ceremony(ceremony).await? else {
            return Err(AppError::invalid("not a step-up"));
        };
        let key = self.asserted(&state, credential).await?;
        let refused = || AppError::CredentialRefused {
            reason: "confirm with your own passkey, in this session".into(),
            attempts_left: None,
        };
        if session_id != c.session.id || key.operator_id != c.operator.id {
            return Err(refused());
        }
        let cookie = new_token();
        let until = self.now().plus(STEP_UP_TTL);
        if !self
            .store
            .step_up_console_session(
                &c.session.id,
                &c.cookie_hash,
                &token_hash(&cookie),
                until,
                &key,
            )
            .await?
        {
            return Err(refused());
        }
        Ok(cookie)
    }

    /// Signs out.
    pub async fn console_sign_out(&self, c: &Console) -> AppResult<()> {
        Ok(self.store.delete_console_session(&c.session.id).await?)
    }

    /// Users whose id, email address or phone number is `query`, in every
    /// service.
    pub async fn find_users(&self, c: &Console, query: &str) -> AppResult<Vec<Found>> {
        c.allow(Action::SeeUsers, self.now())?;
        let query = query.trim();
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let email = normalize_email(query).ok();
        let phone = normalize_phone(query).ok();
        let lookup = UserLookup {
            user_id: query,
            email: email.as_deref(),
            phone: phone.as_deref(),
        };
        let users = self.store.find_users(lookup, FOUND_MAX).await?;
        let services = self.store.services().await?;
        Ok(users
            .into_iter()
            .map(|user| Found {
                service: services
                    .iter()
                    .find(|s| s.id == user.service_id)
                    .map_or_else(String::new, |s| s.name.clone()),
                user,
            })
            .collect())
    }

    /// What the console shows of a user.
    pub async fn dossier(
        &self,
        c: &Console,
        service_id: &str,
        user_id: &str,
    ) -> AppResult<Dossier> {
        let now = self.now();
        c.allow(Action::SeeUsers, now)?;
        let service = self.console_service(service_id).await?;
        let user = self.user(&service.id, user_id).await?;
        let factors = self.store.factors(&user.id).await?;
        let held = self
            .store
            .recent_approved(&user.id, RECENT_READ)
            .await?
            .into_iter()
            .filter(|ch| ch.status_at(now) == ChallengeStatus::Held)
            .collect();
        let sessions = self
            .store
            .user_portal_sessions(&user.id, now, countersign_core::portal::idle_cutoff(now))
            .await?;
        let events = self
            .store
            .events(&service.id, &user.user_id, EVENTS_SHOWN, None)
            .await?;
        Ok(Dossier {
            service,
            user,
            factors,
            held,
            sessions,
            events,
        })
    }

    pub(crate) async fn console_service(&self, service_id: &str) -> AppResult<Service> {
        let id = ServiceId::parse(service_id).ok_or(AppError::NotFound(Missing::Service))?;
        self.store
            .service(&id)
            .await?
            .ok_or(AppError::NotFound(Missing::Service))
    }

    /// Ends a user's lockout after failed attempts.
    pub async fn console_unlock(
        &self,
        c: &Console,
        service_id: &str,
        user_id: &str,
        why: &str,
    ) -> AppResult<()> {
        c.allow(Action::Unlock, self.now())?;
        let why = reason(why)?;
        let service = self.console_service(service_id).await?;
        let user = self.user(&service.id, user_id).await?;
        unlock_user(
            self.store.as_ref(),
            &user,
            c.operator.acting(Some(&why)),
            self.now(),
        )
        .await
    }

    /// Releases a withdrawal of the user's held after a security change.
    pub async fn console_release(
        &self,
        c: &Console,
        service_id: &str,
        user_id: &str,
        challenge_id: &str,
        why: &str,
    ) -> AppResult<()> {
        c.allow(Action::ReleaseHold, self.now())?;
        let why = reason(why)?;
        let service = self.console_service(service_id).await?;
        let user = self.user(&service.id, user_id).await?;
        // Only this user's challenge: the page that asks names the user.
        let theirs = self
            .store
            .challenge(&service.id, challenge_id)
            .await?
            .is_some_and(|ch| ch.user_pk == user.id);
        if !theirs {
            return Err(AppError::NotFound(Missing::Challenge));
        }
        self.release_challenge(&service.id, challenge_id, c.operator.acting(Some(&why)))
            .await?;
        Ok(())
    }

    /// Removes one of a user's methods (with the hold and notices any
    /// removal brings).
    pub async fn console_remove_method(
        &self,
        c: &Console,
        service_id: &str,
        user_id: &str,
        factor_id: &str,
        why: &str,
    ) -> AppResult<()> {
        c.allow(Action::RemoveMethod, self.now())?;
        let why = reason(why)?;
        let service = self.console_service(service_id).await?;
        let user = self.user(&service.id, user_id).await?;
        let factor = self.own_factor(&user, factor_id).await?;
        self.remove_factor(
            &service,
            &user,
            &factor,
            None,
            c.operator.acting(Some(&why)),
        )
        .await
    }

    /// Ends all of a user's security-center sessions.
    pub async fn console_end_sessions(
        &self,
        c: &Console,
        service_id: &str,
        user_id: &str,
        why: &str,
    ) -> AppResult<usize> {
        c.allow(Action::EndSessions, self.now())?;
        let why = reason(why)?;
        let service = self.console_service(service_id).await?;
        let user = self.user(&service.id, user_id).await?;
        let mut detail = c.operator.acting(Some(&why));
        detail["all_others"] = json!(true);
        let revoked = Event::new(
            &service.id,
            Some(&user.user_id),
            "portal.session_revoked",
            self.now(),
            None,
            detail,
        );
        // No session is kept: "" is no session's id.
        let ended = self
            .store
            .revoke_portal_sessions(&user.id, "", None, &revoked)
            .await?;
        Ok(ended.len())
    }

    /// Every service's audit chain, checked.
    pub async fn console_audit(&self, c: &Console) -> AppResult<Vec<crate::audit::ChainCheck>> {
        c.allow(Action::SeeAudit, self.now())?;
        crate::audit::verify_chains(self.store.as_ref(), None)
            .await
            .map_err(|_| AppError::Internal)
    }

    /// A service's audit chain as JSON Lines (as `countersign audit export`
    /// prints it).
    pub async fn console_audit_export(
        &self,
        c: &Console,
        service_id: &str,
    ) -> AppResult<(Service, String)> {
        c.allow(Action::SeeAudit, self.now())?;
        let service = self.console_service(service_id).await?;
        let chain = self.store.audit_chain(&service.id).await?;
        let mut lines = String::new();
        for (event, link) in &chain.events {
            lines.push_str(&crate::audit::export_line(event, link).to_string());
            lines.push('\n');
        }
        Ok((service, lines))
    }
}
