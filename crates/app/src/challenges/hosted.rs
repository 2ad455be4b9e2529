//! The hosted verification page's access to its challenge: only with the
//! page's token (the link's, then the page cookie's), never with the
//! challenge id alone. A support join's challenge has no hosted page: its
//! token is the joining browser's session, for the support endpoints only.

use countersign_core::challenge::Challenge;
use countersign_core::ids::is_id_of;
use countersign_core::service::Service;

use crate::{App, AppResult};

impl App {
    /// The challenge a hosted page shows, with its service; `None` for a
    /// malformed or unknown id or a wrong token alike.
    pub async fn hosted_challenge(
        &self,
        id: &str,
        token: &str,
    ) -> AppResult<Option<(Challenge, Service)>> {
        if !is_id_of("chl", id) {
            return Ok(None);
        }
        let Some(c) = self.store.challenge_by_id(id).await? else {
            return Ok(None);
        };
        if c.appointment_id.is_some() || !c.page_token_matches(token) {
            return Ok(None);
        }
        let service = self.store.service(&c.service_id).await?;
        Ok(service.map(|s| (c, s)))
    }

    /// The language the user chose, if any (pages fall back to the
    /// browser's).
    pub async fn user_locale(&self, user_pk: &str) -> Option<String> {
        self.store
            .user_by_pk(user_pk)
            .await
            .ok()
            .flatten()
            .and_then(|u| u.locale)
    }
}
