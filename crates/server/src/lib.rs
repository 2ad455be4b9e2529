//! Countersign's HTTP adapters: the REST API (`api/`), the end users'
//! pages (`pages/`) and Twilio Verify's API (`twilio/`). Each handler parses its input, calls one use case of
//! the application (`countersign-app`) and renders the result.
#![forbid(unsafe_code)]

pub mod api;
pub mod edge;
pub mod error;
pub mod extract;
mod metrics;
pub mod pages;
pub mod twilio;

use std::sync::Arc;

use countersign_app::config::{Finding, MetricsListen};
use countersign_app::{redact_url, App, Config, SetupError};
use countersign_core::SystemClock;

pub use api::{app, metrics_app};
pub use edge::{serve_http, ConnectionLimits};

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Setup(#[from] SetupError),
    #[error("refusing to start without --dev on insecure settings:{}", .0.iter().map(|f| format!("\n  - {f}")).collect::<String>())]
    Insecure(Vec<Finding>),
    #[error("{setting}: cannot listen on {addr}: {source}")]
    Listen {
        setting: &'static str,
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
}

/// `countersign serve`: listens until SIGINT or SIGTERM.
pub async fn serve(config: Config) -> Result<(), ServeError> {
    let listen = config.listen;
    let (refused, warned): (Vec<Finding>, Vec<Finding>) = config
        .insecure_settings()
        .into_iter()
        .partition(|f| f.refuses() && !config.dev);
    if !refused.is_empty() {
        return Err(ServeError::Insecure(refused));
    }
    let app = App::open_serving(config, Arc::new(SystemClock)).await?;
    let services = app
        .store
        .services()
        .await
        .map_err(|source| SetupError::Store {
            url: redact_url(&app.config.database),
            source,
        })?;
    let long_lived = services
        .iter()
        .filter_map(|s| Finding::code_lifetime(&s.name, &s.settings));
    for finding in warned.into_iter().chain(long_lived) {
        tracing::warn!("insecure setting: {finding}");
    }
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
    tokio::spawn(countersign_app::workers::signals::run(app.clone()));
    let listener = bind("listen", listen).await?;
    let metrics = match app.config.metrics_listen {
        MetricsListen::At(addr) => Some(bind("metrics_listen", addr).await?),
        MetricsListen::Off => None,
    };
    let limits = ConnectionLimits::from_config(&app.config.http).within_open_files_limit();
    tracing::info!(
        %listen,
        // The address taken, when port 0 asked for a free one.
        metrics = %metrics
            .as_ref()
            .and_then(|m| m.local_addr().ok())
            .map_or("off".to_owned(), |addr| addr.to_string()),
        database = %redact_url(&app.config.database),
        dev = app.config.dev,
        channels = ?channels,
        max_connections = limits.max_connections,
        "countersign is serving"
    );
    if let Some(metrics) = metrics {
        // Ends with the process: it has no requests worth waiting for.
        tokio::spawn(edge::serve_http(
            metrics,
            api::metrics_app(app.clone()),
            limits,
            std::future::pending(),
        ));
    }
    edge::serve_http(listener, api::app(app), limits, shutdown_signal()).await;
    Ok(())
}

async fn bind(
    setting: &'static str,
    addr: std::net::SocketAddr,
) -> Result<tokio::net::TcpListener, ServeError> {
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Listen {
            setting,
            addr,
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
