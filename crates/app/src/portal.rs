//! Portal sessions: the integrator, having signed its user in, asks for a
//! one-time link to the security center; the link opens a session (a
//! cookie); removing a method asks for a fresh step-up first.

use countersign_core::challenge::{ChallengeContext, ChallengeStatus};
use countersign_core::contact::normalize_locale;
use countersign_core::event::Event;
use countersign_core::factor::{Factor, FactorStatus};
use countersign_core::ids::is_id_of;
use countersign_core::portal::{
    idle_cutoff, is_token_shaped, new_token, token_hash, PortalSession, STEP_UP_TTL,
};
use countersign_core::service::Service;
use countersign_core::user::User;
use countersign_core::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

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
}

/// What a step-up asked for removal is waiting for.
pub enum StepUp {
    /// Removals are allowed now; this one waits for the user's confirmation.
    Passed {
        pending_removal: Option<Box<Factor>>,
    },
    /// Not the session's step-up, not approved, or spent already.
    Refused,
}

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
    /// brought: session fixation). `None` for an unknown, used or expired
    /// link.
    pub async fn open_portal_link(
        &self,
        token: &str,
        ip: Option<&str>,
    ) -> AppResult<Option<Opened>> {
        if !is_token_shaped(token) {
            return Ok(None);
        }
        let cookie = new_token();
        let now = self.now();
        let Some(session) = self
            .store
            .redeem_portal_link(&token_hash(token), &token_hash(&cookie), now)
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

    /// Starts the step-up a removal needs: a `security_change` challenge
    /// for the session's user, remembered with the factor to remove. Its
    /// hosted page (path and token) brings the user back to
    /// [`crate::challenges::open::STEP_UP_RETURN`].
    pub async fn begin_step_up(
        &self,
        p: &Portal,
        factor: &Factor,
        ip: Option<String>,
    ) -> AppResult<String> {
        let context = ChallengeContext {
            ip,
            ..ChallengeContext::default()
        };
        let asker = Asker::StepUp {
            session_id: &p.session.id,
        };
        let opened = self
            .open_for(&p.service, &p.user, "security_change", context, asker)
            .await?;
        self.store
            .begin_step_up(&p.session.id, &opened.challenge.id, &factor.id)
            .await?;
        Ok(page_path(&opened))
    }

    /// Back from the hosted page: the challenge must be the one this session
    /// started, for its user, approved, and not used before; then removals
    /// are allowed for [`STEP_UP_TTL`].
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
                && c.purpose == "security_change"
                && c.status_at(now) == ChallengeStatus::Approved
        });
        if !approved
            || !self
                .store
                .finish_step_up(&p.session.id, challenge_id, now.plus(STEP_UP_TTL))
                .await?
        {
            return Ok(StepUp::Refused);
        }
        let pending_removal = match p.session.pending_removal.as_deref() {
            Some(id) => self.own_factor(&p.user, id).await.ok().map(Box::new),
            None => None,
        };
        Ok(StepUp::Passed { pending_removal })
    }

    /// Ends a session (sign-out).
    pub async fn end_portal_session(&self, p: &Portal) -> AppResult<()> {
        Ok(self.store.delete_portal_session(&p.session.id).await?)
    }

    /// What the security center's first page shows: the user's active
    /// methods, and their latest `events`.
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
        Ok(Overview { factors, events })
    }
}
