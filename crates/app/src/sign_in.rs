//! Usernameless sign-in with a passkey: the integrator asks for options
//! without knowing who is signing in; the browser offers the site's
//! passkeys; the answer says which user it was. Each sign-in is finished
//! once.

use countersign_core::event::Event;
use countersign_core::ids::{is_id_of, new_id, FactorId, UserId};
use countersign_core::service::Service;
use countersign_core::Timestamp;
use countersign_store::FactorUse;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::webauthn::CeremonyError;
use crate::{App, AppError, AppResult, Missing};

/// How long a sign-in's options stay good.
const SIGN_IN_SECONDS: u64 = 300;

#[derive(Debug, Serialize, ToSchema)]
pub struct SignInStart {
    /// Finish with this id.
    pub id: String,
    /// For `navigator.credentials.get()`: no credential listed, the browser
    /// offers the user's passkeys for this site.
    #[schema(value_type = Object)]
    pub options: serde_json::Value,
    pub expires_at: Timestamp,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignedIn {
    /// The integrator's id of the user who signed in.
    pub user_id: UserId,
    pub factor_id: FactorId,
}

impl App {
    pub async fn start_sign_in(&self, service: &Service) -> AppResult<SignInStart> {
        let ceremony = self.relying_party()?.start_discoverable()?;
        let id = new_id("wsi");
        let expires_at = self
            .now()
            .plus(std::time::Duration::from_secs(SIGN_IN_SECONDS));
        self.store
            .insert_ceremony(&id, &service.id, &ceremony.state.to_string(), expires_at)
            .await?;
        Ok(SignInStart {
            id,
            options: ceremony.options,
            expires_at,
        })
    }

    pub async fn finish_sign_in(
        &self,
        service: &Service,
        id: &str,
        credential: &serde_json::Value,
    ) -> AppResult<SignedIn> {
        let rp = self.relying_party()?;
        if !is_id_of("wsi", id) {
            return Err(AppError::NotFound(Missing::SignIn));
        }
        // A credential that does not even parse is refused before the
        // sign-in is taken: it leaves the ceremony usable for the real one.
        let user_pk = rp.identify(credential)?;
        let now = self.now();
        let ceremony = self
            .store
            .take_ceremony(id, &service.id, now)
            .await?
            .ok_or(AppError::NotFound(Missing::SignIn))?;
        let ceremony: serde_json::Value =
            serde_json::from_str(&ceremony).map_err(|_| AppError::Internal)?;
        let user = self
            .store
            .user_by_pk(&user_pk)
            .await?
            .filter(|u| u.service_id == service.id)
            .ok_or_else(|| {
                AppError::from(CeremonyError::Refused(
                    "no passkey of this service answered".into(),
                ))
            })?;
        let factors = self.store.factors(&user.id).await?;
        let used = rp.finish_discoverable(&ceremony, credential, &factors)?;
        let signed_in = Event::new(
            &service.id,
            Some(&user.user_id),
            "webauthn.signed_in",
            now,
            None,
            json!({"factor_id": used.factor_id}),
        );
        let applied = self
            .store
            .use_factor(
                FactorUse::Webauthn {
                    factor_id: used.factor_id.clone(),
                    params: serde_json::to_string(&used.params).expect("serialises"),
                    counter: used.counter,
                    now,
                },
                &[signed_in],
            )
            .await?;
        if !applied {
            return Err(CeremonyError::PossibleClone.into());
        }
        Ok(SignedIn {
            user_id: user.user_id,
            factor_id: used.factor_id,
        })
    }
}
