//! Countersign's HTTP adapters: the REST API (`api/`) and the end users'
//! pages (`pages/`). Each handler parses its input, calls one use case of
//! the application (`countersign-app`) and renders the result.
#![forbid(unsafe_code)]

pub mod api;
pub mod error;
pub mod extract;
mod metrics;
pub mod pages;

use std::sync::Arc;

use countersign_app::{redact_url, App, Config, SetupError};
use countersign_core::SystemClock;

pub use api::app;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Setup(#[from] SetupError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },
}

/// `countersign serve`: listens until SIGINT or SIGTERM.
pub async fn serve(config: Config) -> Result<(), ServeError> {
    let listen = config.listen;
    let app = App::open(config, Arc::new(SystemClock)).await?;
    if app.config.dev {
        countersign_app::admin::ensure_demo_service(&app)
            .await
            .map_err(|source| SetupError::Store {
                url: redact_url(&app.config.database),
                source,
            })?;
    }
    let channels: Vec<&str> = app.delivery.channels().iter().map(|c| c.as_str()).collect();
    if channels.is_empty() {
        tracing::warn!(
            "no delivery provider is configured: no code can be sent by SMS, voice or email \
             (configure [delivery] or run with --dev)"
        );
    }
    tokio::spawn(app.clone().watch_key_file());
    tokio::spawn(app.clone().sweep_in_background());
    tokio::spawn(countersign_app::workers::outbox::run(app.clone()));
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|source| ServeError::Listen {
            addr: listen.to_string(),
            source,
        })?;
    tracing::info!(
        %listen,
        database = %redact_url(&app.config.database),
        dev = app.config.dev,
        channels = ?channels,
        "countersign is serving"
    );
    axum::serve(
        listener,
        api::app(app).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|source| ServeError::Listen {
        addr: listen.to_string(),
        source,
    })
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
