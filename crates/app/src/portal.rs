//! Portal sessions: the integrator, having signed its user in, asks for a
//! one-time link to the security center; the link opens a session (a
//! cookie); adding or removing a method asks for a fresh step-up first, and
//! passing it rotates the session's cookie. A user sees their sessions and
//! ends them, one or all the others.

use countersign_core::challenge::{ChallengeContext, ChallengeError, ChallengeStatus};
use countersign_core::contact::normalize_locale;
use countersign_core::event::Event;
use countersign_core::factor::{Factor, FactorStatus};
use countersign_core::ids::is_id_of;
use countersign_core::portal::{
    coarse_ip, idle_cutoff, is_token_shaped, kept_user_agent, new_token, token_hash, MethodKind,
    Pending, PortalSession, STEP_UP_TTL,
};
use countersign_core::service::Service;
use countersign_core::user::User;
use countersign_core::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use countersign_store::OpenedFrom;

use crate::challenges::open::{check_return_url, page_path, Asker};
use crate::{App, AppError, AppResult};

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePortalSession {
    /// Where the security center's "Back" link leads; must start with one
    /// of the service's `return_urls`.
    pub return_url: Option<String>,
    /// The pages' language (`en`, `fr`); default: the user's locale, then
    /// the browser's.
    pub locale: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PortalLinkView {
    /// Send the user here (a redirect or a link): it opens the security
    /// center once, until `expires_at`.
    pub url: String,
    /// The link must be opened before this (5 minutes); the session then
    /// lasts up to 30 minutes, 10 without activity.
    pub expires_at: Timestamp,
}

/// A live security-center session, with its user and service.
pub struct Portal {
    pub session: PortalSession,
    pub user: User,
    pub service: Service,
}

/// A link redeemed: the session, its user, and the new cookie's value.
pub struct Opened {
    pub session: PortalSession,
    pub user: User,
    pub cookie: String,
}

/// The security center's overview of an account.
pub struct Overview {
    pub factors: Vec<Factor>,
    pub events: Vec<Event>,
    /// The user's live sessions, the latest used first (this one among them).
    pub sessions: Vec<PortalSession>,
}

/// The change a passed step-up was begun for, waiting for the user's
/// confirmation (a state change is never made by a GET).
pub enum Confirm {
    Removal(Box<Factor>),
    Addition(MethodKind),
}

/// What a step-up came back with.
pub enum StepUp {
    /// Changes are allowed now, under a new cookie (the one the session
    /// had no longer works); `confirm` is what the user asked for, if it is
    /// still there to do.
    Passed {
        cookie: String,
        confirm: Option<Confirm>,
    },
    /// Not the session's step-up, not approved, or spent already.
    Refused,
}

/// The purposes a step-up asks: `security_change`, or, for adding a first
/// method when the user has none that could meet it, `login` (NIST SP
/// 800-63B 6.1.2.1: binding another authenticator takes the strongest
/// check the user can pass; with codes sent by email or SMS alone, that is
/// one of those).
const STEP_UP: &str = "security_change";
const FIRST_METHOD_STEP_UP: &str = "login";

impl App {
    /// A one-time link (5 minutes) to the security center for a user the
    /// integrator has signed in.
    pub async fn create_portal_session(
        &self,
        service: &Service,
        user_id: &str,
        request: CreatePortalSession,
        ip: Option<&str>,
    ) -> AppResult<PortalLinkView> {
        check_return_url(service, request.return_url.as_deref())?;
        let locale = request
            .locale
            .as_deref()
            .map(normalize_locale)
            .transpose()
            .map_err(|_| {
                AppError::field("locale", "expected a language code such as en or fr-FR")
            })?;
        let user = self.user(&service.id, user_id).await?;
        let now = self.now();
        let (session, token) =
            PortalSession::new(&service.id, &user.id, request.return_url, locale, now);
        let created = Event::new(
            &service.id,
            Some(&user.user_id),
            "portal.session_created",
            now,
            ip,
            json!({"session_id": session.id, "link_expires_at": session.link_expires_at}),
        );
        self.store
            .insert_portal_session(&session, &token_hash(&token), &[created])
            .await?;
        Ok(PortalLinkView {
            url: format!(
                "{}/security/open/{token}",
                self.config.public_url.trim_end_matches('/')
            ),
            expires_at: session.link_expires_at,
        })
    }

    /// Redeems a link once, giving the browser a new cookie (never one it
    /// brought: session fixation). The session keeps the browser's
    /// `User-Agent` and coarse address, for the user's session list. `None`
    /// for an unknown, used or expired link.
    pub async fn open_portal_link(
        &self,
        token: &str,
        ip: Option<&str>,
        user_agent: Option<&str>,
    ) -> AppResult<Option<Opened>> {
        if !is_token_shaped(token) {
            return Ok(None);
        }
        let cookie = new_token();
        let now = self.now();
        let coarse = ip.and_then(|ip| ip.parse().ok()).map(coarse_ip);
        let user_agent = user_agent.and_then(kept_user_agent);
        let from = OpenedFrom {
            user_agent: user_agent.as_deref(),
            ip: coarse.as_deref(),
        };
        let Some(session) = self
            .store
            .redeem_portal_link(&token_hash(token), &token_hash(&cookie), now, from)
            .await?
        else {
            return Ok(None);
        };
        let Some(user) = self.store.user_by_pk(&session.user_pk).await? else {
            return Ok(None);
        };
        let opened = Event::new(
            &session.service_id,
            Some(&user.user_id),
            "portal.session_opened",
            now,
            ip,
            json!({"session_id": session.id}),
        );
        self.store.insert_events(&[opened]).await?;
        Ok(Some(Opened {
            session,
            user,
            cookie,
        }))
    }

    /// The live session whose cookie this is, marked as seen now.
    pub async fn portal(&self, cookie: &str) -> AppResult<Option<Portal>> {
        let now = self.now();
        let Some(session) = self
            .store
            .portal_session(&token_hash(cookie), now, idle_cutoff(now))
            .await?
        else {
            return Ok(None);
        };
        let Some(user) = self.store.user_by_pk(&session.user_pk).await? else {
            return Ok(None);
        };
        let Some(service) = self.store.service(&session.service_id).await? else {
            return Ok(None);
        };
        Ok(Some(Portal {
            session,
            user,
            service,
        }))
    }

    /// Starts the step-up a change needs: a `security_change` challenge for
    /// the session's user, remembered with the change (`pending`). Adding a
    /// first method, when the user has nothing that could meet
    /// `security_change`, asks a `login` challenge instead (see
    /// [`FIRST_METHOD_STEP_UP`]). The hosted page (path and token) brings the
    /// user back to [`crate::challenges::open::STEP_UP_RETURN`].
    pub async fn begin_step_up(
        &self,
        p: &Portal,
        pending: Pending,
        ip: Option<String>,
    ) -> AppResult<String> {
        let context = ChallengeContext {
            ip,
            ..ChallengeContext::default()
        };
        let open = |purpose: &'static str| {
            let asker = Asker::StepUp {
                session_id: &p.session.id,
            };
            self.open_for(&p.service, &p.user, purpose, context.clone(), asker)
        };
        let opened = match open(STEP_UP).await {
            Err(AppError::Challenge {
                error: ChallengeError::PolicyUnsatisfiable(_),
                ..
            }) if matches!(pending, Pending::Addition(_)) => open(FIRST_METHOD_STEP_UP).await?,
            opened => opened?,
        };
        self.store
            .begin_step_up(&p.session.id, &opened.challenge.id, &pending)
            .await?;
        Ok(page_path(&opened))
    }

    /// Back from the hosted page: the challenge must be the one this session
    /// started, for its user, approved, and not used before; then changes
    /// are allowed for [`STEP_UP_TTL`], and the session gets a new cookie
    /// (it gained privileges: a cookie seen before, by whoever, no longer
    /// opens it).
    pub async fn finish_step_up(
        &self,
        p: &Portal,
        challenge_id: Option<&str>,
    ) -> AppResult<StepUp> {
        let Some(challenge_id) = challenge_id.filter(|id| is_id_of("chl", id)) else {
            return Ok(StepUp::Refused);
        };
        if p.session.step_up_challenge.as_deref() != Some(challenge_id) {
            return Ok(StepUp::Refused);
        }
        let now = self.now();
        let challenge = self.store.challenge(&p.service.id, challenge_id).await?;
        let approved = challenge.is_some_and(|c| {
            c.user_pk == p.user.id
                && [STEP_UP, FIRST_METHOD_STEP_UP].contains(&c.purpose.as_str())
                && c.status_at(now) == ChallengeStatus::Approved
        });
        let cookie = new_token();
        if !approved
            || !self
                .store
                .finish_step_up(
                    &p.session.id,
                    challenge_id,
                    now.plus(STEP_UP_TTL),
                    &token_hash(&cookie),
                )
                .await?
        {
            return Ok(StepUp::Refused);
        }
        let confirm = match &p.session.pending {
            Some(Pending::Removal(id)) => self
                .own_factor(&p.user, id)
                .await
                .ok()
                .map(|f| Confirm::Removal(Box::new(f))),
            Some(Pending::Addition(kind)) => Some(Confirm::Addition(*kind)),
            None => None,
        };
        Ok(StepUp::Passed { cookie, confirm })
    }

    /// Ends a session (sign-out).
    pub async fn end_portal_session(&self, p: &Portal) -> AppResult<()> {
        Ok(self.store.delete_portal_session(&p.session.id).await?)
    }

    /// What the security center's first page shows: the user's active
    /// methods, their latest `events`, and their live sessions.
    pub async fn security_overview(&self, p: &Portal, events: u32) -> AppResult<Overview> {
        let factors = self
            .store
            .factors(&p.user.id)
            .await?
            .into_iter()
            .filter(|f| f.status == FactorStatus::Active)
            .collect();
        let events = self
            .store
            .events(&p.service.id, &p.user.user_id, events, None)
            .await?;
        let sessions = self.portal_sessions(p).await?;
        Ok(Overview {
            factors,
            events,
            sessions,
        })
    }

    /// The user's live sessions, the latest used first.
    pub async fn portal_sessions(&self, p: &Portal) -> AppResult<Vec<PortalSession>> {
        let now = self.now();
        Ok(self
            .store
            .user_portal_sessions(&p.user.id, now, idle_cutoff(now))
            .await?)
    }

    /// Ends the user's session `only`, or all their sessions but this one
    /// (`None`: what ASVS 3.3.3 offers after a security change), with links
    /// handed out and not opened yet. Each one ended is a
    /// `portal.session_revoked` event, written with it. They end for every
    /// server process at once: each request looks its session up in the
    /// database. Nothing happens when `only` is this session, another
    /// user's, or over already.
    pub async fn revoke_portal_sessions(
        &self,
        p: &Portal,
        only: Option<&str>,
        ip: Option<&str>,
    ) -> AppResult<()> {
        if only.is_some_and(|id| !is_id_of("pts", id)) {
            return Ok(());
        }
        let revoked = Event::new(
            &p.service.id,
            Some(&p.user.user_id),
            "portal.session_revoked",
            self.now(),
            ip,
            json!({"by_session": p.session.id, "all_others": only.is_none()}),
        );
        self.store
            .revoke_portal_sessions(&p.user.id, &p.session.id, only, &revoked)
            .await?;
        Ok(())
    }
}
