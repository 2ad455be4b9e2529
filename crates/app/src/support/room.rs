//! The room token: once the join challenge is approved, a short-lived JWT
//! for the video room (Jitsi Meet checks it). Records that the customer was
//! verified, and how. Given to the browser that joined and passed the check
//! (its join session), or to the integrator (its service key), for
//! [`TOKEN_AFTER_APPROVAL`] after the approval; never for the ids alone.

use countersign_core::challenge::ChallengeStatus;
use countersign_core::service::Service;
use countersign_core::support::{RoomClaims, TOKEN_AFTER_APPROVAL};
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

/// Who asks for a room token.
pub enum RoomCaller<'a> {
    /// The integrator, with its service key.
    Service(&'a Service),
    /// The customer's browser, with its join session (cookie), if any.
    Customer { session: Option<&'a str> },
}

impl App {
    pub async fn room_token(
        &self,
        appointment_id: &str,
        challenge_id: &str,
        caller: RoomCaller<'_>,
    ) -> AppResult<RoomToken> {
        let (c, service) = match caller {
            RoomCaller::Service(asker) => {
                let (c, service) = self.join_challenge(challenge_id).await?;
                if service.id != asker.id {
                    return Err(AppError::NotFound(Missing::Challenge));
                }
                (c, service)
            }
            RoomCaller::Customer { session } => {
                self.joined_challenge(challenge_id, session).await?
            }
        };
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
        let fresh = c
            .closed_at
            .is_some_and(|at| now < at.plus(TOKEN_AFTER_APPROVAL));
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
            join_url: self
                .room_url(&a.room)
                .ok_or(AppError::SupportUnconfigured)?,
            token,
            expires_at: Timestamp(claims.exp * 1000),
        })
    }
}
