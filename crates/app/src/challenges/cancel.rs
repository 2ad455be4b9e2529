//! Cancelling a challenge: the integrator's call, or the user's "this
//! wasn't me" on the hosted page.

use countersign_core::ids::ServiceId;
use serde_json::json;

use super::{event, Write};
use crate::views::ChallengeView;
use crate::{App, AppError, AppResult};

impl App {
    pub async fn cancel_challenge(
        &self,
        service_id: &ServiceId,
        id: &str,
    ) -> AppResult<ChallengeView> {
        let decided = self
            .decide(service_id, id, |c, now, _| {
                c.cancel(now).map_err(|e| AppError::challenge(e, now))?;
                Ok((
                    (),
                    Write::events(vec![event(c, "challenge.cancelled", now, json!({}))]),
                ))
            })
            .await?;
        self.challenge_view(&decided.challenge).await
    }
}
