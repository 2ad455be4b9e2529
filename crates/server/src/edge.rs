//! The server's edge: accepting connections so that slow, idle or too many
//! clients cannot take the server away from everyone else. `axum::serve`
//! has no header-read timeout and no connection limit (a client sending a
//! byte a second was never cut off, and 300 idle sockets under
//! `ulimit -n 256` made every `accept` fail), so connections are accepted
//! here and handed to hyper's HTTP/1.1 server with those limits.
//!
//! HTTP/1.1 only: hyper's header-read timeout exists for HTTP/1, and the
//! HTTP/2 preface detection before it would have none. TLS and HTTP/2 to
//! browsers belong to the reverse proxy in front.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request};
use axum::Router;
use countersign_app::config::HttpConfig;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// File descriptors kept for everything but client connections: the
/// database pool, SQLite's files, outgoing HTTP and SMTP, the listeners.
const RESERVED_FDS: u64 = 128;

/// How connections are limited (from `[http]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    pub header_read_timeout: Duration,
    pub max_connections: usize,
}

impl ConnectionLimits {
    pub fn from_config(http: &HttpConfig) -> ConnectionLimits {
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(http.header_read_timeout_seconds),
            max_connections: http.max_connections,
        }
    }

    /// Raises the open-files limit to its ceiling, as most servers do, and
    /// lowers `max_connections` to what that limit leaves after
    /// [`RESERVED_FDS`]: past it, connections wait to be accepted instead of
    /// every `accept` (and every database connection) failing.
    pub fn within_open_files_limit(self) -> ConnectionLimits {
        let limit = match rlimit::increase_nofile_limit(u64::MAX) {
            Ok(limit) => limit,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the open-files limit");
                return self;
            }
        };
        let budget =
            usize::try_from(limit.saturating_sub(RESERVED_FDS).max(1)).unwrap_or(usize::MAX);
        if budget < self.max_connections {
            tracing::warn!(
                open_files_limit = limit,
                max_connections = budget,
                configured = self.max_connections,
                "http.max_connections lowered to fit the open-files limit (raise it with ulimit -n or LimitNOFILE)"
            );
        }
        ConnectionLimits {
            max_connections: self.max_connections.min(budget),
            ..self
        }
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then stops
/// accepting and waits for the requests in flight. Each request carries the
/// TCP peer as `ConnectInfo<SocketAddr>`, as with `axum::serve`.
pub async fn serve_http(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        // Counted from when the connection waits for a request head: a new
        // connection and a kept-alive one alike.
        .header_read_timeout(limits.header_read_timeout)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        // A free slot first: at the limit, connections wait in the
        // kernel's backlog and hold none of this process's descriptors.
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = tower::service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(request)
        });
        let connection = graceful
            .watch(http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service)));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(%peer, error = %e, "connection ended");
            }
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

/// A failed `accept`: a connection reset before it was taken is nothing;
/// anything else (out of descriptors) is logged, and the loop waits a
/// moment instead of spinning on it.
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        e.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!(error = %e, "accept failed");
    tokio::time::sleep(Duration::from_millis(100)).await;
}
