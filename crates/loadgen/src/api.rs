//! The few Countersign API calls the load generator makes.

use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A client for one service of one server, with a keep-alive connection pool.
#[derive(Debug, Clone)]
pub struct Api {
    http: reqwest::Client,
    base: String,
}

impl Api {
    /// `base` is the server's URL (`http://127.0.0.1:8080`), `key` the
    /// service's API key. Keeps up to `connections` idle connections.
    pub fn new(base: &str, key: &str, connections: usize) -> Result<Api, String> {
        let mut auth =
            HeaderValue::from_str(&format!("Bearer {key}")).map_err(|e| format!("API key: {e}"))?;
        auth.set_sensitive(true);
        let http = reqwest::Client::builder()
            .default_headers(HeaderMap::from_iter([(AUTHORIZATION, auth)]))
            .pool_max_idle_per_host(connections)
            .tcp_nodelay(true)
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| format!("HTTP client: {e}"))?;
        Ok(Api {
            http,
            base: base.trim_end_matches('/').to_owned(),
        })
    }

    /// Waits until `GET /healthz` answers 200, for at most `patience`.
    pub async fn wait_healthy(&self, patience: Duration) -> Result<(), String> {
        let deadline = Instant::now() + patience;
        loop {
            match self.http.get(format!("{}/healthz", self.base)).send().await {
                Ok(r) if r.status().is_success() => return Ok(()),
                Ok(r) if Instant::now() >= deadline => {
                    return Err(format!("/healthz answered {}", r.status()))
                }
                Err(e) if Instant::now() >= deadline => {
                    return Err(format!("server not reachable: {e}"))
                }
                _ => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// `PUT /v1/users/{user_id}` with a phone number.
    pub async fn put_user(&self, user_id: &str, phone: &str) -> Result<(), String> {
        let r = self
            .http
            .put(format!("{}/v1/users/{user_id}", self.base))
            .json(&json!({ "phone": phone }))
            .send()
            .await;
        expect(r, &[StatusCode::CREATED, StatusCode::OK])
            .await
            .map(drop)
    }

    /// `POST /v1/challenges` for a login; returns the challenge id.
    pub async fn create_challenge(&self, user_id: &str) -> Result<String, String> {
        let r = self
            .http
            .post(format!("{}/v1/challenges", self.base))
            .json(&json!({ "user_id": user_id, "purpose": "login" }))
            .send()
            .await;
        let body = expect(r, &[StatusCode::CREATED]).await?;
        string_field(&body, "id")
    }

    /// `POST /v1/challenges/{id}/send` by SMS; returns the message id when
    /// the server gives it.
    pub async fn send_sms(&self, challenge_id: &str) -> Result<Option<String>, String> {
        let r = self
            .http
            .post(format!("{}/v1/challenges/{challenge_id}/send", self.base))
            .json(&json!({ "channel": "sms" }))
            .send()
            .await;
        let body = expect(r, &[StatusCode::ACCEPTED]).await?;
        Ok(body
            .get("message_id")
            .and_then(Value::as_str)
            .map(str::to_owned))
    }

    /// `POST /v1/challenges/{id}/verify` with the SMS code; succeeds only if
    /// the challenge comes back approved.
    pub async fn verify_sms(&self, challenge_id: &str, code: &str) -> Result<(), String> {
        let r = self
            .http
            .post(format!("{}/v1/challenges/{challenge_id}/verify", self.base))
            .json(&json!({ "method": "sms", "code": code }))
            .send()
            .await;
        let body = expect(r, &[StatusCode::OK]).await?;
        match body.get("status").and_then(Value::as_str) {
            Some("approved") => Ok(()),
            other => Err(format!("challenge status {other:?}, expected \"approved\"")),
        }
    }
}

/// The JSON body of a response with one of the `wanted` statuses; otherwise
/// an error naming the status and the problem's `code`.
async fn expect(
    result: reqwest::Result<reqwest::Response>,
    wanted: &[StatusCode],
) -> Result<Value, String> {
    let response = result.map_err(|e| format!("request failed: {e}"))?;
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|e| format!("HTTP {status}, body unreadable: {e}"))?;
    let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if wanted.contains(&status) {
        Ok(body)
    } else {
        let code = body.get("code").and_then(Value::as_str).unwrap_or("-");
        let detail = body.get("detail").and_then(Value::as_str).unwrap_or(&text);
        Err(format!("HTTP {status} {code}: {detail}"))
    }
}

fn string_field(body: &Value, name: &str) -> Result<String, String> {
    body.get(name)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| format!("response has no string field {name:?}"))
}
