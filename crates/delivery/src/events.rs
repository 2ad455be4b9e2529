//! Webhooks to the integrator: each event POSTed as JSON and signed the
//! Standard Webhooks way, like the messages to the SMS/voice gateway, so
//! one off-the-shelf library verifies both.

use std::time::Duration;

use crate::phone::{check_url, without_url};
use crate::standard_webhooks;

/// Posts events; one client (and its connection pool) for every endpoint.
#[derive(Clone)]
pub struct EventPoster {
    http: reqwest::Client,
}

/// Why a webhook delivery failed: the receiver's status when it answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFailure {
    pub status: Option<u16>,
    pub reason: String,
}

impl EventPoster {
    pub fn new() -> Result<EventPoster, String> {
        // No redirects: an endpoint that moved is a configuration error to
        // see in the delivery log, not a reason to send events elsewhere.
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| e.to_string())?;
        Ok(EventPoster { http })
    }

    /// Checks an endpoint URL when the configuration is read.
    pub fn check_url(url: &str) -> Result<(), String> {
        check_url(url)
    }

    /// POSTs `body` with the Standard Webhooks headers (`webhook-id`: the
    /// event's id, `webhook-timestamp`: `unix_seconds`, and, when there is
    /// a secret, `webhook-signature`), and, deprecated, the older
    /// `Countersign-Event-Id` and `Countersign-Signature`; a 2xx answer is
    /// a delivery, anything else a failure to retry.
    pub async fn post(
        &self,
        url: &str,
        secret: Option<&str>,
        event_id: &str,
        body: &str,
        unix_seconds: u64,
    ) -> Result<u16, PostFailure> {
        let request = self
            .http
            .post(url)
            .header("content-type", "application/json")
            .header("countersign-event-id", event_id)
            .body(body.to_owned());
        let request = standard_webhooks::sign(request, event_id, secret, unix_seconds, body);
        let response = request.send().await.map_err(|e| PostFailure {
            status: None,
            reason: without_url(e),
        })?;
        let status = response.status();
        if status.is_success() {
            Ok(status.as_u16())
        } else {
            Err(PostFailure {
                status: Some(status.as_u16()),
                reason: format!("HTTP {status}"),
            })
        }
    }
}
