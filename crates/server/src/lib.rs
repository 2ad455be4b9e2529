//! Countersign's HTTP server: thin handlers over the domain (`countersign-core`),
//! the storage (`countersign-store`) and delivery (`countersign-delivery`).
#![forbid(unsafe_code)]

pub mod admin;
pub mod config;
pub mod error;
pub mod extract;
pub mod help;
pub mod keys;
pub mod metrics;
pub mod outbox;
pub mod pages;
pub mod routes;
pub mod state;
pub mod views;
pub mod webauthn;

use std::sync::Arc;

use countersign_core::{Clock, SystemClock};
use countersign_delivery::{Delivery, SetupError};
use countersign_store::StoreError;

pub use config::Config;
pub use routes::app;
pub use state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Key(#[from] keys::KeyError),
    #[error("database {url}: {source}")]
    Store { url: String, source: StoreError },
    #[error(transparent)]
    Delivery(#[from] SetupError),
    #[error(
        "key file {0} does not hold the key this database was set up with; \
         every server sharing a database needs a copy of the same key file"
    )]
    WrongKey(String),
    #[error("{0}")]
    Webauthn(String),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },
}

/// Opens the database (migrating it), loads the master key and builds the
/// providers: everything the server needs, with the clock given.
pub async fn build_state(config: Config, clock: Arc<dyn Clock>) -> Result<AppState, ServeError> {
    let store = countersign_store::connect(&config.database)
        .await
        .map_err(|source| ServeError::Store {
            url: redact_url(&config.database),
            source,
        })?;
    let keyring = checked_keyring(&config, store.as_ref()).await?;
    let delivery = Delivery::from_config(&config.delivery, config.dev)?;
    let state = AppState::new(config, store, delivery, clock, keyring);
    if let Err(why) = &state.webauthn {
        return Err(ServeError::Webauthn(why.clone()));
    }
    Ok(state)
}

/// Loads the key file (creating it for a new installation) and checks it
/// against the database: the database remembers the fingerprint of its
/// current key (updated by `key rotate`), and a key file that does not hold
/// that key belongs to another installation.
pub async fn checked_keyring(
    config: &Config,
    store: &dyn countersign_store::Store,
) -> Result<countersign_core::keyring::Keyring, ServeError> {
    let keyring = keys::load_or_create(&config.key_file)?;
    let expected = store
        .claim_setting(MASTER_KEY_FINGERPRINT, keyring.current_fingerprint())
        .await
        .map_err(|source| ServeError::Store {
            url: redact_url(&config.database),
            source,
        })?;
    if keyring.has_fingerprint(&expected) {
        Ok(keyring)
    } else {
        Err(ServeError::WrongKey(config.key_file.display().to_string()))
    }
}

/// The setting that holds the current master key's fingerprint.
pub const MASTER_KEY_FINGERPRINT: &str = "master_key_fingerprint";

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

/// `countersign serve`: listens until SIGINT or SIGTERM.
pub async fn serve(config: Config) -> Result<(), ServeError> {
    let listen = config.listen;
    let state = build_state(config, Arc::new(SystemClock)).await?;
    if state.config.dev {
        admin::ensure_demo_service(&state)
            .await
            .map_err(|source| ServeError::Store {
                url: redact_url(&state.config.database),
                source,
            })?;
    }
    let channels: Vec<&str> = state
        .delivery
        .channels()
        .iter()
        .map(|c| c.as_str())
        .collect();
    if channels.is_empty() {
        tracing::warn!(
            "no delivery provider is configured: no code can be sent by SMS, voice or email \
             (configure [delivery] or run with --dev)"
        );
    }
    tokio::spawn(watch_key_file(state.clone()));
    tokio::spawn(sweep_in_background(state.clone()));
    tokio::spawn(outbox::run(state.clone()));
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|source| ServeError::Listen {
            addr: listen.to_string(),
            source,
        })?;
    tracing::info!(
        %listen,
        database = %redact_url(&state.config.database),
        dev = state.config.dev,
        channels = ?channels,
        "countersign is serving"
    );
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|source| ServeError::Listen {
        addr: listen.to_string(),
        source,
    })
}

/// Picks up a rotated key file within two seconds, so that new secrets are
/// sealed under the new key without a restart.
async fn watch_key_file(state: AppState) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(2));
    loop {
        tick.tick().await;
        state.keys.reload_if_changed();
    }
}

/// Deletes expired send counters, device signatures and ceremonies, and
/// month-old notices and webhook deliveries, every ten minutes.
async fn sweep_in_background(state: AppState) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        tick.tick().await;
        match state.store.sweep(state.now()).await {
            Ok(n) => tracing::debug!(rows = n, "expired counters and signatures swept"),
            Err(e) => tracing::warn!(error = %e, "sweep failed"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
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
