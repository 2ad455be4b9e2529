//! `POST /v1/delivery/status/{channel}`: providers report what became of a
//! message (queued, sent, delivered, failed, undelivered). A failed SMS is
//! shown on its challenge at once, its code withdrawn and the cooldown lifted,
//! so the user can switch to a call or an email without waiting.
//!
//! Authenticated by the provider's own signature: the webhook provider's
//! `Countersign-Signature` over the JSON body (its `secret`), Twilio's
//! `X-Twilio-Signature` over the callback URL and form (its auth token).

use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use countersign_core::message::DeliveryStatus;
use countersign_core::policy::Channel;
use countersign_delivery::{twilio_signature, verify_signature_header, CallbackAuth};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult};
use countersign_app::{App, AppError, Missing};

/// How far a signed callback's time may be from the server's.
const SIGNATURE_TOLERANCE_SECONDS: u64 = 300;

/// The webhook provider's report, signed like the messages it receives.
#[derive(Debug, Deserialize, ToSchema)]
pub struct WebhookReport {
    /// The `message_id` Countersign sent.
    message_id: String,
    /// `queued`, `sent`, `delivered`, `failed` or `undelivered`.
    status: String,
    /// The provider's reason for a failure.
    error: Option<String>,
}

fn invalid_signature() -> ApiError {
    AppError::CallbackSignature.into()
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Records a provider's delivery report.
#[utoipa::path(post, path = "/v1/delivery/status/{channel}", tag = "delivery",
    params(("channel" = String, Path, description = "sms or voice")),
    request_body(content = WebhookReport, description = "JSON from the webhook provider (Countersign-Signature), or Twilio's StatusCallback form (X-Twilio-Signature, ?message_id=)"),
    responses((status = 204, description = "Recorded (or already known)"),
              (status = 400, description = "invalid_request"),
              (status = 401, description = "invalid_signature"),
              (status = 404, description = "not_found: no such message, or this channel sends no callbacks")))]
pub async fn delivery_status(
    State(app): State<App>,
    Path(channel): Path<String>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let channel = match channel.as_str() {
        "sms" => Channel::Sms,
        "voice" => Channel::Voice,
        _ => return Err(AppError::NotFound(Missing::Route).into()),
    };
    let auth = app
        .delivery
        .callback_auth(channel)
        .ok_or(AppError::NotFound(Missing::Route))?;
    let report = match auth {
        CallbackAuth::Webhook(secret) => {
            let now = u64::try_from(app.now().millis() / 1000).unwrap_or(0);
            webhook_report(&secret, &headers, &body, now)?
        }
        CallbackAuth::Twilio(token) => {
            let url = format!(
                "{}{}",
                app.config.public_url.trim_end_matches('/'),
                uri.path_and_query().map_or("", |p| p.as_str())
            );
            twilio_report(&token, &url, &uri, &headers, &body)?
        }
    };
    let (message_id, status, error) = report;
    app.record_delivery_report(channel, &message_id, status, error.as_deref())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What a provider reported: the message, its status, and the reason for
/// a failure.
pub type Report = (String, DeliveryStatus, Option<String>);

/// The webhook provider's report, signed with its secret over the JSON body
/// (`Countersign-Signature`, at most five minutes old). Public, like
/// `twilio_report`, because these parse what anyone on the internet can
/// send: the fuzz target `delivery_callback` drives them as the handler does.
pub fn webhook_report(
    secret: &str,
    headers: &HeaderMap,
    body: &[u8],
    now: u64,
) -> ApiResult<Report> {
    let signed = header(headers, "countersign-signature").is_some_and(|h| {
        verify_signature_header(secret.as_bytes(), h, body, now, SIGNATURE_TOLERANCE_SECONDS)
    });
    if !signed {
        return Err(invalid_signature());
    }
    let report: WebhookReport = serde_json::from_slice(body)
        .map_err(|e| ApiError::invalid_request(format!("body: {e}")))?;
    let status = DeliveryStatus::parse(&report.status).ok_or_else(|| {
        ApiError::invalid_request("status: expected queued, sent, delivered, failed or undelivered")
            .with("field", "status")
    })?;
    Ok((report.message_id, status, report.error))
}

/// Twilio's StatusCallback form, signed with the auth token over the
/// callback URL and the form (`X-Twilio-Signature`); the message id is in
/// the callback's query.
pub fn twilio_report(
    token: &str,
    url: &str,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> ApiResult<Report> {
    let form: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let expected = twilio_signature(token, url, &form);
    let signed = header(headers, "x-twilio-signature").is_some_and(|h| {
        countersign_core::secret::constant_time_eq(h.as_bytes(), expected.as_bytes())
    });
    if !signed {
        return Err(invalid_signature());
    }
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let message_id = uri
        .query()
        .into_iter()
        .flat_map(|q| form_urlencoded::parse(q.as_bytes()))
        .find(|(k, _)| k == "message_id")
        .map(|(_, v)| v.into_owned())
        .ok_or_else(|| ApiError::invalid_request("message_id: required in the query"))?;
    let reported = field("MessageStatus")
        .or_else(|| field("CallStatus"))
        .unwrap_or_default();
    let status = DeliveryStatus::from_twilio(&reported)
        .ok_or_else(|| ApiError::invalid_request(format!("unknown Twilio status {reported:?}")))?;
    let error = field("ErrorCode").map(|code| format!("Twilio error {code}"));
    Ok((message_id, status, error))
}
