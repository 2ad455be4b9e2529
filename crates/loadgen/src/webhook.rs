//! A stand-in SMS gateway: the server's `webhook` provider POSTs every message
//! here, and the code is kept so that the load generator can type it back.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde_json::Value;

/// Codes received so far, by message id and by destination (the latest one).
#[derive(Debug, Default)]
pub struct Codes {
    by_message: Mutex<HashMap<String, String>>,
    by_destination: Mutex<HashMap<String, String>>,
    received: AtomicU64,
}

impl Codes {
    /// The code of one message, once the gateway has seen it.
    pub fn for_message(&self, message_id: &str) -> Option<String> {
        lock(&self.by_message).get(message_id).cloned()
    }

    /// The latest code sent to a destination (E.164 number).
    pub fn for_destination(&self, to: &str) -> Option<String> {
        lock(&self.by_destination).get(to).cloned()
    }

    /// How many messages the gateway has accepted.
    pub fn received(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
    }

    fn record(&self, message_id: &str, to: &str, code: &str) {
        lock(&self.by_message).insert(message_id.to_owned(), code.to_owned());
        lock(&self.by_destination).insert(to.to_owned(), code.to_owned());
        self.received.fetch_add(1, Ordering::Relaxed);
    }
}

/// A poisoned map is still a good map: the data are plain strings.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Binds the gateway on `addr` and serves `POST /sms` (and `/voice`) in the
/// background. Returns the shared code book.
pub async fn start(addr: SocketAddr) -> std::io::Result<Arc<Codes>> {
    let codes = Arc::new(Codes::default());
    let app = Router::new()
        .route("/sms", post(receive))
        .route("/voice", post(receive))
        .with_state(codes.clone());
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            eprintln!("webhook receiver stopped: {e}");
        }
    });
    Ok(codes)
}

/// Accepts one message; 400 when a field the server must send is missing.
async fn receive(State(codes): State<Arc<Codes>>, Json(m): Json<Value>) -> StatusCode {
    let field = |name: &str| m.get(name).and_then(Value::as_str);
    match (field("message_id"), field("to"), field("code")) {
        (Some(id), Some(to), Some(code)) => {
            codes.record(id, to, code);
            StatusCode::OK
        }
        _ => StatusCode::BAD_REQUEST,
    }
}
