//! Releasing a withdrawal held after a security change, once the integrator
//! has reviewed the change (the hold also ends by itself when its period is
//! over).

use countersign_core::ids::ServiceId;
use serde_json::json;

use super::{event, Write};
use crate::views::ChallengeView;
use crate::{App, AppError, AppResult};

impl App {
    pub async fn release_challenge(
        &self,
        service_id: &ServiceId,
        id: &str,
    ) -> AppResult<ChallengeView> {
        let decided = self
            .decide(service_id, id, |c, now, _| {
                c.release(now).map_err(|e| AppError::challenge(e, now))?;
                Ok((
                    (),
                    Write::events(vec![event(c, "challenge.released", now, json!({}))]),
                ))
            })
            .await?;
        self.challenge_view(&decided.challenge).await
    }
}
