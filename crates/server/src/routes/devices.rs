//! Trusted devices: a device where the user is already signed in lists the
//! requests waiting for them and approves (picking the number the page shows)
//! or denies one. Every call is signed by the device's Ed25519 key
//! (`Countersign-Device` header, see `countersign_core::device`); no service
//! key is involved.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, Method as HttpMethod, StatusCode};
use axum::Json;
use countersign_core::challenge::{DeviceDecision, DeviceOutcome};
use countersign_core::device::{signed_request, DeviceHeader, DEVICE_HEADER};
use countersign_core::factor::{Factor, FactorStatus, FactorType};
use countersign_core::policy::Method;
use countersign_core::transaction::Transaction;
use countersign_core::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::sync::Notify;
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult};
use crate::routes::challenges::{
    checked_answer, checked_write, event, update_challenge, view, Write,
};
use crate::state::AppState;
use crate::views::ChallengeView;

/// Wakes devices waiting for a user's requests when a challenge is created in
/// this process; waiters also look at the database every second, for
/// challenges created by other processes.
#[derive(Default)]
pub struct DeviceWaiters {
    by_user: Mutex<HashMap<String, Arc<Notify>>>,
}

impl DeviceWaiters {
    fn subscribe(&self, user_pk: &str) -> Arc<Notify> {
        let mut map = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, n| Arc::strong_count(n) > 1);
        map.entry(user_pk.to_owned()).or_default().clone()
    }

    /// How many devices are long-polling for this user's requests now.
    pub fn waiting(&self, user_pk: &str) -> usize {
        let map = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        map.get(user_pk).map_or(0, |n| Arc::strong_count(n) - 1)
    }

    pub fn notify(&self, user_pk: &str) {
        let map = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = map.get(user_pk) {
            n.notify_waiters();
        }
    }
}

fn refused(code: &'static str, detail: &str) -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        code,
        "Device not authenticated",
        detail,
    )
}

/// Checks a device's signed request and returns its factor. The signature
/// is remembered only once it verifies, so nobody can burn a device's
/// signatures by replaying garbage.
async fn authenticate(
    state: &AppState,
    method: &HttpMethod,
    path: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> ApiResult<Factor> {
    let Some(value) = headers.get(DEVICE_HEADER).and_then(|v| v.to_str().ok()) else {
        return Err(refused(
            "unauthorized",
            "sign this request with the device key: Countersign-Device: <factor_id>.<unix_seconds>.<signature>",
        ));
    };
    let bad = || refused("invalid_signature", "the device signature does not verify");
    let header = DeviceHeader::parse(value).ok_or_else(bad)?;
    let now = state.now();
    if !header.is_fresh(now) {
        return Err(refused(
            "invalid_signature",
            "the signed time is more than 60 seconds from the server's clock",
        ));
    }
    let factor = state
        .store
        .factor(&header.factor_id)
        .await?
        .filter(|f| f.kind == FactorType::Device && f.status == FactorStatus::Active)
        .ok_or_else(bad)?;
    let device = factor.device.as_ref().ok_or_else(bad)?;
    let message = signed_request(method.as_str(), path, header.unix_seconds, body);
    if !device.verifies(&message, &header.signature) {
        return Err(bad());
    }
    // Fresh means within a minute of now: remembering it three minutes past
    // its time outlives every moment it could be accepted.
    let keep_until = now.plus(std::time::Duration::from_secs(180));
    if !state
        .store
        .claim_device_signature(&header.replay_key(), keep_until)
        .await?
    {
        return Err(refused(
            "signature_replayed",
            "this signature was already used; sign each request anew",
        ));
    }
    Ok(factor)
}

/// Where a request comes from, as the device shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestOrigin {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub created_at: Timestamp,
}

/// A request waiting for the user's decision on this device.
#[derive(Debug, Serialize, ToSchema)]
pub struct PendingRequest {
    pub challenge_id: String,
    pub purpose: String,
    /// Pick the one the page shows.
    pub numbers: [u8; 3],
    pub context: RequestOrigin,
    /// The payment to show. Approving sends back the digest of what the
    /// device showed, which the device computes itself (see the README), so
    /// that an approval proves the details were displayed, not only fetched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction: Option<Transaction>,
    pub expires_at: Timestamp,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PendingQuery {
    /// Long-poll: wait up to this many seconds (at most 30) for a request.
    wait: Option<u64>,
    /// Any value: makes each poll's signature unique (signatures are good once).
    #[allow(dead_code)]
    nonce: Option<String>,
}

async fn pending_for(state: &AppState, factor: &Factor) -> ApiResult<Vec<PendingRequest>> {
    let now = state.now();
    Ok(state
        .store
        .pending_challenges(&factor.user_pk, now)
        .await?
        .into_iter()
        .filter(|c| c.usable_methods().contains(&Method::Device))
        .filter_map(|c| {
            let numbers = c.device_match?.choices;
            let transaction = c.context.transaction.clone();
            Some(PendingRequest {
                challenge_id: c.id,
                purpose: c.purpose,
                numbers,
                transaction,
                context: RequestOrigin {
                    ip: c.context.ip,
                    user_agent: c.context.user_agent,
                    created_at: c.created_at,
                },
                expires_at: c.expires_at,
            })
        })
        .collect())
}

/// The requests waiting for this device's user. With `wait`, answers as soon
/// as one arrives (or after `wait` seconds with an empty list), so a device
/// needs one request per half minute, not a poll per second.
#[utoipa::path(get, path = "/v1/devices/{factor_id}/pending", tag = "devices",
    params(("factor_id" = String, Path), PendingQuery),
    responses((status = 200, body = Vec<PendingRequest>),
              (status = 401, description = "unauthorized, invalid_signature, signature_replayed"),
              (status = 404, description = "not_found: the path names another device")),
    security(("device_signature" = [])))]
pub async fn pending_requests(
    State(state): State<AppState>,
    Path(factor_id): Path<String>,
    query: Result<Query<PendingQuery>, axum::extract::rejection::QueryRejection>,
    method: HttpMethod,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> ApiResult<Json<Vec<PendingRequest>>> {
    let Query(q) =
        query.map_err(|e| ApiError::invalid_request(format!("query: {}", e.body_text())))?;
    let target = uri.path_and_query().map_or(uri.path(), |p| p.as_str());
    let factor = authenticate(&state, &method, target, &headers, b"").await?;
    if factor.id != factor_id {
        return Err(ApiError::not_found("device"));
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(q.wait.unwrap_or(0).min(30));
    let waiters = state.device_waiters.subscribe(&factor.user_pk);
    loop {
        let notified = waiters.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let pending = pending_for(&state, &factor).await?;
        let now = tokio::time::Instant::now();
        if !pending.is_empty() || now >= deadline {
            return Ok(Json(pending));
        }
        let next_look = (now + Duration::from_secs(1)).min(deadline);
        let _ = tokio::time::timeout_at(next_look, notified).await;
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeviceResponse {
    /// The device answering (the one that signed the request).
    factor_id: String,
    /// `approve` or `deny`.
    decision: String,
    /// The number the user picked (approve).
    number: Option<u8>,
    /// The `digest` of the pending request's `transaction` the device showed;
    /// required to approve a payment.
    transaction_digest: Option<String>,
}

/// The user's answer on their device: approve with the number the page
/// shows, or deny. A wrong number counts as a failed attempt.
#[utoipa::path(post, path = "/v1/challenges/{id}/device-response", tag = "devices",
    params(("id" = String, Path)),
    request_body = DeviceResponse,
    responses((status = 200, body = ChallengeView, description = "approved, still pending, or denied"),
              (status = 400, description = "invalid_request"),
              (status = 401, description = "unauthorized, invalid_signature, signature_replayed"),
              (status = 404, description = "not_found: no such challenge for this device's user"),
              (status = 409, description = "challenge_closed"), (status = 410, description = "expired"),
              (status = 422, description = "invalid_code (wrong number, with attempts_left), method_unavailable"),
              (status = 429, description = "too_many_attempts, locked")),
    security(("device_signature" = [])))]
pub async fn device_response(
    State(state): State<AppState>,
    Path(id): Path<String>,
    method: HttpMethod,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<ChallengeView>> {
    if body.len() > 64 * 1024 {
        return Err(ApiError::invalid_request("body: at most 64 KiB"));
    }
    let target = uri.path_and_query().map_or(uri.path(), |p| p.as_str());
    let factor = authenticate(&state, &method, target, &headers, &body).await?;
    let answer: DeviceResponse = serde_json::from_slice(&body)
        .map_err(|e| ApiError::invalid_request(format!("body: {e}")))?;
    if answer.factor_id != factor.id {
        return Err(ApiError::invalid_request(
            "factor_id: must be the device that signed the request",
        )
        .with("field", "factor_id"));
    }
    let decision = match (answer.decision.as_str(), answer.number) {
        ("approve", Some(number)) => DeviceDecision::Approve {
            number,
            transaction_digest: answer.transaction_digest,
        },
        ("approve", None) => {
            return Err(
                ApiError::invalid_request("number: required to approve").with("field", "number")
            )
        }
        ("deny", _) => DeviceDecision::Deny,
        _ => {
            return Err(
                ApiError::invalid_request("decision: expected approve or deny")
                    .with("field", "decision"),
            )
        }
    };
    let service = state
        .store
        .service(&factor.service_id)
        .await?
        .ok_or_else(|| ApiError::not_found("challenge"))?;
    let lockout = service.settings.lockout;
    let (c, outcome, locked_until) =
        update_challenge(&state, &factor.service_id, &id, |c, now, _| {
            if c.user_pk != factor.user_pk {
                return Err(ApiError::not_found("challenge"));
            }
            let outcome = c
                .respond_on_device(decision.clone(), now)
                .map_err(|e| ApiError::from_challenge(e, now))?;
            let write = match outcome {
                DeviceOutcome::Checked(checked) => {
                    checked_write(c, Method::Device, checked, Some(&factor.id), lockout, now)
                }
                DeviceOutcome::Denied => Write::events(vec![event(
                    c,
                    "challenge.denied",
                    now,
                    json!({"factor_id": factor.id}),
                )]),
            };
            Ok((outcome, write))
        })
        .await?;
    match outcome {
        DeviceOutcome::Checked(checked) => {
            checked_answer(&state, &c, Method::Device, checked, locked_until).await
        }
        DeviceOutcome::Denied => {
            state.metrics.count_verification("denied");
            Ok(Json(view(&state, &c).await?))
        }
    }
}
