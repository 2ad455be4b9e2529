//! Cancelling a challenge: the integrator's call, or the user's "this
//! wasn't me" on the hosted page.

use countersign_core::challenge::Challenge;
use countersign_core::ids::ServiceId;

use crate::views::ChallengeView;
use crate::{App, AppResult};

impl App {
    pub async fn cancel_challenge(
        &self,
        service_id: &ServiceId,
        id: &str,
    ) -> AppResult<ChallengeView> {
        self.transition(
            service_id,
            id,
            Challenge::cancel,
            "challenge.cancelled",
            serde_json::json!({}),
        )
        .await
    }
}
