//! `/v1/webauthn/sign-ins`: usernameless sign-in with a passkey. The
//! integrator asks for options without knowing who is signing in; the
//! browser offers the site's passkeys; the answer says which user it was.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_core::event::Event;
use countersign_core::ids::{is_id_of, new_id};
use countersign_core::Timestamp;
use countersign_store::FactorUse;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ServiceAuth};
use crate::routes::factors::ceremony_error;
use crate::state::AppState;

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

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignInFinish {
    /// The browser's PublicKeyCredential as JSON.
    #[schema(value_type = Object)]
    credential: serde_json::Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignedIn {
    /// The integrator's id of the user who signed in.
    pub user_id: String,
    pub factor_id: String,
}

/// Starts a usernameless sign-in.
#[utoipa::path(post, path = "/v1/webauthn/sign-ins", tag = "webauthn",
    responses((status = 201, body = SignInStart), (status = 503, description = "webauthn_unconfigured")),
    security(("api_key" = [])))]
pub async fn start_sign_in(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
) -> ApiResult<(StatusCode, Json<SignInStart>)> {
    let ceremony = state
        .relying_party()?
        .start_discoverable()
        .map_err(ceremony_error)?;
    let id = new_id("wsi");
    let expires_at = state
        .now()
        .plus(std::time::Duration::from_secs(SIGN_IN_SECONDS));
    state
        .store
        .insert_ceremony(&id, &service.id, &ceremony.state.to_string(), expires_at)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(SignInStart {
            id,
            options: ceremony.options,
            expires_at,
        }),
    ))
}

/// Finishes a usernameless sign-in: which user's passkey answered. Each
/// sign-in is finished once.
#[utoipa::path(post, path = "/v1/webauthn/sign-ins/{id}/finish", tag = "webauthn",
    params(("id" = String, Path)),
    request_body = SignInFinish,
    responses((status = 200, body = SignedIn),
              (status = 404, description = "not_found: unknown, used or expired sign-in"),
              (status = 422, description = "invalid_credential")),
    security(("api_key" = [])))]
pub async fn finish_sign_in(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SignInFinish>,
) -> ApiResult<Json<SignedIn>> {
    let rp = state.relying_party()?;
    if !is_id_of("wsi", &id) {
        return Err(ApiError::not_found("sign-in"));
    }
    let now = state.now();
    let ceremony = state
        .store
        .take_ceremony(&id, &service.id, now)
        .await?
        .ok_or_else(|| ApiError::not_found("sign-in"))?;
    let ceremony: serde_json::Value =
        serde_json::from_str(&ceremony).map_err(|_| ApiError::internal())?;
    let refused = || {
        ceremony_error(crate::webauthn::CeremonyError::Refused(
            "no passkey of this service answered".into(),
        ))
    };
    let user_pk = rp.identify(&body.credential).map_err(ceremony_error)?;
    let user = state
        .store
        .user_by_pk(&user_pk)
        .await?
        .filter(|u| u.service_id == service.id)
        .ok_or_else(refused)?;
    let factors = state.store.factors(&user.id).await?;
    let used = rp
        .finish_discoverable(&ceremony, &body.credential, &factors)
        .map_err(ceremony_error)?;
    let signed_in = Event::new(
        &service.id,
        Some(&user.user_id),
        "webauthn.signed_in",
        now,
        None,
        json!({"factor_id": used.factor_id}),
    );
    let applied = state
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
        return Err(ceremony_error(
            crate::webauthn::CeremonyError::PossibleClone,
        ));
    }
    Ok(Json(SignedIn {
        user_id: user.user_id,
        factor_id: used.factor_id,
    }))
}
