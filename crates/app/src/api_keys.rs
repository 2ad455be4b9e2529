//! A service's API keys: create one (shown once), list them, revoke one.
//! A service has several so that a key can be replaced without downtime:
//! create the new key, deploy it, revoke the old one; both work meanwhile.
//! The REST API (`/v1/service/keys`, called with one of the service's keys)
//! and the CLI (`countersign service key …`) call these functions, which
//! record an audit event for each creation and revocation.

use countersign_core::event::Event;
use countersign_core::ids::{ApiKeyId, ServiceId};
use countersign_core::secret::{api_key_hash, new_api_key};
use countersign_core::service::ApiKey;
use countersign_core::Timestamp;
use countersign_store::{Revoked, Store};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::{AppError, AppResult, Missing};

/// Who acts on a service's keys and webhook endpoints, as the audit event
/// says.
#[derive(Debug, Clone, Copy)]
pub enum By<'a> {
    /// A request authenticated with this key of the service.
    Api(&'a ApiKeyId),
    /// The operator, with the CLI.
    Operator,
    /// An operator in the console.
    Console(&'a countersign_core::operator::Operator),
}

impl By<'_> {
    /// The event's words for who acted: `by`, and what names them.
    pub fn who(self) -> serde_json::Value {
        match self {
            By::Api(with) => json!({"by": "api", "by_key_id": with}),
            By::Operator => json!({"by": "operator"}),
            By::Console(operator) => operator.acting(None),
        }
    }

    fn detail(self, key: &ApiKey) -> serde_json::Value {
        let mut detail = json!({"key_id": key.id, "prefix": key.prefix});
        crate::merge_detail(&mut detail, self.who());
        detail
    }
}

/// A new key, with the key itself: the only place it is ever shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedKey {
    #[serde(flatten)]
    pub key: ApiKey,
    /// The key, for `Authorization: Bearer …`. Shown only here: only its
    /// SHA-256 is stored.
    pub api_key: String,
}

/// Creates a key for the service.
pub async fn create(
    store: &dyn Store,
    service_id: &ServiceId,
    by: By<'_>,
    now: Timestamp,
) -> AppResult<CreatedKey> {
    let secret = new_api_key();
    let key = ApiKey::new(service_id, &secret, now);
    let created = Event::new(
        service_id,
        None,
        "service.api_key_created",
        now,
        None,
        by.detail(&key),
    );
    store
        .insert_api_key(&key, &api_key_hash(&secret), &[created])
        .await?;
    Ok(CreatedKey {
        key,
        api_key: secret,
    })
}

/// The service's keys, oldest first (never the keys themselves).
pub async fn list(store: &dyn Store, service_id: &ServiceId) -> AppResult<Vec<ApiKey>> {
    Ok(store.api_keys(service_id).await?)
}

/// Revokes one of the service's keys: from the moment this returns, it
/// authenticates nothing, in any process. The service's last key is kept
/// ([`AppError::LastApiKey`]): a service without a key could not create one.
pub async fn revoke(
    store: &dyn Store,
    service_id: &ServiceId,
    key_id: &str,
    by: By<'_>,
    now: Timestamp,
) -> AppResult<ApiKey> {
    let missing = || AppError::NotFound(Missing::ApiKey);
    let key_id = ApiKeyId::parse(key_id).ok_or_else(missing)?;
    let key = list(store, service_id)
        .await?
        .into_iter()
        .find(|k| k.id == key_id)
        .ok_or_else(missing)?;
    let revoked = Event::new(
        service_id,
        None,
        "service.api_key_revoked",
        now,
        None,
        by.detail(&key),
    );
    match store
        .revoke_api_key(service_id, &key_id, &[revoked])
        .await?
    {
        Revoked::Done => Ok(key),
        Revoked::Missing => Err(missing()),
        Revoked::LastKey => Err(AppError::LastApiKey),
    }
}
