//! Releasing a withdrawal held after a security change, once the integrator
//! has reviewed the change (the hold also ends by itself when its period is
//! over).

use countersign_core::challenge::Challenge;
use countersign_core::ids::ServiceId;

use crate::views::ChallengeView;
use crate::{App, AppResult};

impl App {
    /// Releases a held challenge; `by` (an object: who, and why) is its
    /// `challenge.released` event's detail.
    pub async fn release_challenge(
        &self,
        service_id: &ServiceId,
        id: &str,
        by: serde_json::Value,
    ) -> AppResult<ChallengeView> {
        self.transition(service_id, id, Challenge::release, "challenge.released", by)
            .await
    }
}
