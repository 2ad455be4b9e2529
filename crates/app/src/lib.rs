//! Countersign's application layer: every use case, written once, owning its
//! unit of work. REST handlers, pages, the CLI and the background workers
//! all call these functions; none of them knows HTTP or HTML.
//!
//! [`App`] holds what the use cases share (store, delivery, keys, clock,
//! configuration). Each family of use cases adds methods to it from its own
//! module: `challenges/answer.rs` answers a challenge, `challenges/send.rs`
//! sends a code, `factors/enrol.rs` enrols a factor, and so on.
#![forbid(unsafe_code)]

pub mod admin;
pub mod api_keys;
pub mod audit;
pub mod backup;
pub mod challenges;
pub mod config;
pub mod console;
pub mod dashboard;
pub mod devices;
pub mod erasure;
pub mod error;
pub mod factors;
pub mod help;
pub mod help_import;
pub mod keys;
pub mod metrics;
pub mod migrate_db;
pub mod portal;
pub mod security_change;
pub mod service;
pub mod services;
pub mod sign_in;
pub mod support;
pub mod twilio_verify;
pub mod user_import;
pub mod users;
pub mod views;
pub mod webauthn;
pub mod webhooks;
pub mod workers;

use std::sync::Arc;

use countersign_core::keyring::Keyring;
use countersign_core::{Clock, Timestamp};
use countersign_delivery::{Delivery, EventPoster};
use countersign_store::{Store, StoreError};

pub use config::Config;
pub use error::{AppError, AppResult, Missing};

use crate::devices::DeviceWaiters;
use crate::keys::KeyFile;
use crate::metrics::Metrics;
use crate::services::ServiceCache;
use crate::webauthn::RelyingParty;
use crate::workers::outbox::Outbox;

/// The application: cheap to clone, shared by every caller.
#[derive(Clone)]
pub struct App(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub store: Arc<dyn Store>,
    pub delivery: Delivery,
    pub clock: Arc<dyn Clock>,
    /// The master keys, re-read when the key file is rotated.
    pub keys: KeyFile,
    pub metrics: Metrics,
    pub services: ServiceCache,
    /// Devices long-polling for their user's requests.
    pub device_waiters: DeviceWaiters,
    /// The WebAuthn relying party, or why `[webauthn]` could not make one.
    pub webauthn: Result<RelyingParty, String>,
    /// Wakes the notice and webhook worker.
    pub outbox: Outbox,
    /// Posts webhook events to the operator's endpoints.
    pub poster: EventPoster,
    /// Posts them to the endpoints services registered: public addresses
    /// only, unless `webhook_private_targets` says otherwise.
    pub service_poster: EventPoster,
}

impl std::ops::Deref for App {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl App {
    pub fn new(
        config: Config,
        store: Arc<dyn Store>,
        delivery: Delivery,
        clock: Arc<dyn Clock>,
        keyring: Keyring,
    ) -> App {
        let service_poster = if config.webhook_private_targets {
            EventPoster::new()
        } else {
            EventPoster::public_only()
        }
        .expect("an HTTP client without custom TLS always builds");
        App(Arc::new(Inner {
            keys: KeyFile::new(config.key_file.clone(), keyring),
            webauthn: RelyingParty::from_config(&config.webauthn),
            config,
            store,
            delivery,
            clock,
            metrics: Metrics::default(),
            services: ServiceCache::default(),
            device_waiters: DeviceWaiters::default(),
            outbox: Outbox::default(),
            poster: EventPoster::new().expect("an HTTP client without custom TLS always builds"),
            service_poster,
        }))
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// The relying party, or [`AppError::WebauthnUnconfigured`].
    pub fn relying_party(&self) -> AppResult<&RelyingParty> {
        self.webauthn
            .as_ref()
            .map_err(|why| AppError::WebauthnUnconfigured(why.clone()))
    }

    /// Opens the database (migrating it), loads the master key and builds
    /// the providers: everything the use cases need, with the clock given.
    pub async fn open(config: Config, clock: Arc<dyn Clock>) -> Result<App, SetupError> {
        Self::open_as(config, clock, false).await
    }

    /// [`App::open`] for a `serve` process, which wakes its own outbox
    /// worker after its writes instead of having the database announce
    /// them ([`countersign_store::connect_server`]).
    pub async fn open_serving(config: Config, clock: Arc<dyn Clock>) -> Result<App, SetupError> {
        Self::open_as(config, clock, true).await
    }

    async fn open_as(
        config: Config,
        clock: Arc<dyn Clock>,
        serving: bool,
    ) -> Result<App, SetupError> {
        let connected = if serving {
            countersign_store::connect_server(&config.database).await
        } else {
            countersign_store::connect(&config.database).await
        };
        let store = connected.map_err(|source| SetupError::Store {
            url: redact_url(&config.database),
            source,
        })?;
        let keyring = checked_keyring(&config, store.as_ref()).await?;
        let delivery = Delivery::from_config(&config.delivery, config.dev)?;
        let app = App::new(config, store, delivery, clock, keyring);
        if let Err(why) = &app.webauthn {
            return Err(SetupError::Webauthn(why.clone()));
        }
        Ok(app)
    }
}

/// Why the application could not be put together.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error(transparent)]
    Key(#[from] keys::KeyError),
    #[error("database {url}: {source}")]
    Store { url: String, source: StoreError },
    #[error(transparent)]
    Delivery(#[from] countersign_delivery::SetupError),
    #[error(
        "key file {0} does not hold the key this database was set up with; \
         every server sharing a database needs a copy of the same key file"
    )]
    WrongKey(String),
    #[error("{0}")]
    Webauthn(String),
}

/// Loads the key file (creating it for a new installation) and checks it
/// against the database: the database remembers the fingerprint of its
/// current key (updated by `key rotate`), and a key file that does not hold
/// that key belongs to another installation.
pub async fn checked_keyring(config: &Config, store: &dyn Store) -> Result<Keyring, SetupError> {
    let keyring = keys::load_or_create(&config.key_file)?;
    let expected = store
        .claim_setting(MASTER_KEY_FINGERPRINT, keyring.current_fingerprint())
        .await
        .map_err(|source| SetupError::Store {
            url: redact_url(&config.database),
            source,
        })?;
    if keyring.has_fingerprint(&expected) {
        Ok(keyring)
    } else {
        Err(SetupError::WrongKey(config.key_file.display().to_string()))
    }
}

/// The setting that holds the current master key's fingerprint.
pub const MASTER_KEY_FINGERPRINT: &str = "master_key_fingerprint";

/// `extra`'s keys added to the object `detail`: who did something, and
/// why, joins what an event already says.
pub(crate) fn merge_detail(detail: &mut serde_json::Value, extra: serde_json::Value) {
    if let (Some(detail), serde_json::Value::Object(extra)) = (detail.as_object_mut(), extra) {
        detail.extend(extra);
    }
}

/// A database URL without its password, for messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_passwords_are_redacted() {
        assert_eq!(
            super::redact_url("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(
            super::redact_url("sqlite://countersign.db"),
            "sqlite://countersign.db"
        );
    }
}
