//! The room token: once the join challenge is approved, a short-lived JWT
//! for the video room (Jitsi Meet checks it). Records that the customer was
//! verified, and how.

use countersign_core::challenge::ChallengeStatus;
use countersign_core::support::RoomClaims;
use countersign_core::Timestamp;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::appointment_event;
use crate::{App, AppError, AppResult, Missing};

/// A room token: where to join and the JWT Jitsi Meet checks.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoomToken {
    /// The room's address; the video client passes `token` to it (Jitsi:
    /// `?jwt=`), so the token stays out of logs of this answer.
    pub join_url: String,
    pub token: String,
    pub expires_at: Timestamp,
}

/// How long after approval a join challenge can still mint a room token.
const TOKEN_AFTER_APPROVAL_SECONDS: u64 = 600;

impl App {
    pub async fn room_token(
        &self,
        appointment_id: &str,
        challenge_id: &str,
    ) -> AppResult<RoomToken> {
        let (c, service) = self.join_challenge(challenge_id).await?;
        if c.appointment_id.as_deref() != Some(appointment_id) {
            return Err(AppError::NotFound(Missing::Challenge));
        }
        // After the lookups: an unknown appointment is 404 whatever the
        // configuration.
        let support = &self.config.support;
        let (Some(secret), Some(video)) = (&support.jwt_secret, &support.video_base_url) else {
            return Err(AppError::SupportUnconfigured);
        };
        let now = self.now();
        let fresh = c.closed_at.is_some_and(|at| {
            now < at.plus(std::time::Duration::from_secs(TOKEN_AFTER_APPROVAL_SECONDS))
        });
        match c.status_at(now) {
            ChallengeStatus::Approved if fresh => {}
            ChallengeStatus::Approved => return Err(AppError::VerificationTooOld),
            _ => return Err(AppError::NotVerified("the join challenge is not approved")),
        }
        let user = self.user(&service.id, &c.user_id).await?;
        let window = support.join_window;
        let satisfied = c.satisfied.clone();
        let joined_at = c.created_at;
        let a = self
            .change_appointment(&service.id, appointment_id, |a, now| {
                a.ensure_joinable(&window, now)?;
                if !a.join_counts(joined_at) {
                    return Err(AppError::NotVerified(
                        "the call was moved after this verification; join again",
                    ));
                }
                let first = a.customer_verified_at.is_none();
                a.record_verification(&satisfied, now);
                Ok(appointment_event(
                    a,
                    if first {
                        "support.customer_verified"
                    } else {
                        "support.room_token_issued"
                    },
                    now,
                    json!({"methods": satisfied, "challenge_id": c.id}),
                ))
            })
            .await?;
        let domain = video
            .split("://")
            .nth(1)
            .unwrap_or(video)
            .split('/')
            .next()
            .unwrap_or_default();
        let name = user
            .display_name
            .clone()
            .unwrap_or_else(|| user.user_id.to_string());
        let claims = RoomClaims::for_customer(&a, &name, &support.jwt_app_id, domain, &window, now);
        let token = jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            &claims,
            &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
        )
        .map_err(|_| AppError::Internal)?;
        Ok(RoomToken {
            join_url: format!("{}/{}", video.trim_end_matches('/'), a.room),
            token,
            expires_at: Timestamp(claims.exp * 1000),
        })
    }
}
