//! `POST /v1/delivery/status/{channel}`: providers report what became of a
//! message (queued, sent, delivered, failed, undelivered). A failed SMS is
//! shown on its challenge at once, its code withdrawn and the cooldown lifted,
//! so the user can switch to a call or an email without waiting.
//!
//! `POST /v1/delivery/calls/{message_id}/{token}`: a call's key press (see
//! [`call_key_pressed`]).
//!
//! Authenticated by the provider's own signature: the webhook provider's
//! Standard Webhooks signature (or the deprecated `Countersign-Signature`)
//! over the JSON body (its `secret`), Twilio's
//! `X-Twilio-Signature` over the callback URL and form (its auth token).

use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use countersign_core::message::DeliveryStatus;
use countersign_core::policy::Channel;
use countersign_delivery::{
    standard_webhooks, twilio_signature, twiml, verify_signature_header, CallbackAuth,
};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult};
use crate::extract::parse_json;
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
    request_body(content = WebhookReport, description = "JSON from the webhook provider (Standard Webhooks headers, or the deprecated Countersign-Signature), or Twilio's StatusCallback form (X-Twilio-Signature, ?message_id=)"),
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
    check_signature(&app, &auth, &uri, &headers, &body)?;
    let (message_id, status, error) = match auth {
        CallbackAuth::Webhook(_) => webhook_report(&body)?,
        CallbackAuth::Twilio(_) => twilio_report(&uri, &body)?,
    };
    app.record_delivery_report(channel, &message_id, status, error.as_deref())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What a provider reported: the message, its status, and the reason for
/// a failure.
pub type Report = (String, DeliveryStatus, Option<String>);

/// Checks a provider's request to us: the webhook provider's Standard
/// Webhooks signature (`webhook-id`, `webhook-timestamp`,
/// `webhook-signature`) or, deprecated, its `Countersign-Signature`, over
/// the body (its secret, at most five minutes old), or Twilio's `X-Twilio-Signature` over our public URL of the
/// request and its form (the auth token).
fn check_signature(
    app: &App,
    auth: &CallbackAuth,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> ApiResult<()> {
    let signed = match auth {
        CallbackAuth::Webhook(secret) => {
            let now = u64::try_from(app.now().millis() / 1000).unwrap_or(0);
            let standard = |name| header(headers, name);
            match (
                standard(standard_webhooks::ID_HEADER),
                standard(standard_webhooks::TIMESTAMP_HEADER),
                standard(standard_webhooks::SIGNATURE_HEADER),
            ) {
                (Some(id), Some(timestamp), Some(signatures)) => standard_webhooks::verify(
                    &standard_webhooks::key(secret),
                    id,
                    timestamp,
                    signatures,
                    body,
                    now,
                    SIGNATURE_TOLERANCE_SECONDS,
                ),
                _ => header(headers, "countersign-signature").is_some_and(|h| {
                    verify_signature_header(
                        secret.as_bytes(),
                        h,
                        body,
                        now,
                        SIGNATURE_TOLERANCE_SECONDS,
                    )
                }),
            }
        }
        CallbackAuth::Twilio(token) => {
            let url = format!(
                "{}{}",
                app.config.public_url.trim_end_matches('/'),
                uri.path_and_query().map_or("", |p| p.as_str())
            );
            let expected = twilio_signature(token, &url, &form(body));
            header(headers, "x-twilio-signature").is_some_and(|h| {
                countersign_core::secret::constant_time_eq(h.as_bytes(), expected.as_bytes())
            })
        }
    };
    if signed {
        Ok(())
    } else {
        Err(invalid_signature())
    }
}

fn form(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

/// The webhook provider's report (JSON), once [`check_signature`] passed.
/// Public, like [`twilio_report`], because these parse what anyone on the
/// internet can send: the fuzz target `delivery_callback` drives them.
pub fn webhook_report(body: &[u8]) -> ApiResult<Report> {
    let report: WebhookReport = parse_json(body)?;
    let status = DeliveryStatus::parse(&report.status).ok_or_else(|| {
        ApiError::invalid_request("status: expected queued, sent, delivered, failed or undelivered")
            .with("field", "status")
    })?;
    Ok((report.message_id, status, report.error))
}

/// Twilio's StatusCallback form; the message id is in the callback's query.
pub fn twilio_report(uri: &axum::http::Uri, body: &[u8]) -> ApiResult<Report> {
    let form = form(body);
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

/// What the webhook provider posts to a call's `key_press.action_url`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct KeyPressReport {
    /// The key pressed; empty or absent when none was.
    #[serde(default)]
    digits: String,
}

/// The rest of a call, after its prompt: the provider posts the key the
/// person pressed (Twilio's `<Gather>` action, `Digits`; the webhook
/// provider's JSON, `digits`), signed like its status callbacks. With a
/// key, the answer reads the code, once; without, the call ends. The URL is
/// good for its call only.
#[utoipa::path(post, path = "/v1/delivery/calls/{message_id}/{token}", tag = "delivery",
    params(("message_id" = String, Path, description = "The call's message id"),
           ("token" = String, Path, description = "The call's single-use token")),
    request_body(content = KeyPressReport, description = "JSON from the webhook provider (Standard Webhooks headers or the deprecated Countersign-Signature, when it has a secret), or Twilio's Gather form (X-Twilio-Signature)"),
    responses((status = 200, description = "TwiML for Twilio; JSON `{\"say\", \"speech_language\"}` or `{\"hangup\": true}` for the webhook provider"),
              (status = 400, description = "invalid_request"),
              (status = 401, description = "invalid_signature"),
              (status = 404, description = "not_found: no such call, or its code was already read")))]
pub async fn call_key_pressed(
    State(app): State<App>,
    Path((message_id, token)): Path<(String, String)>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let auth = app.delivery.callback_auth(Channel::Voice);
    if let Some(auth) = &auth {
        check_signature(&app, auth, &uri, &headers, &body)?;
    }
    if let Some(CallbackAuth::Twilio(_)) = auth {
        let pressed = form(&body)
            .iter()
            .any(|(k, v)| k == "Digits" && !v.is_empty());
        let twiml = match app.answer_call(&message_id, &token, pressed).await? {
            Some(script) => twiml(&script.text, &script.speech_language),
            None => "<Response><Hangup/></Response>".to_owned(),
        };
        return Ok(([(header::CONTENT_TYPE, "application/xml")], twiml).into_response());
    }
    let report: KeyPressReport = serde_json::from_slice(&body)
        .map_err(|e| ApiError::invalid_request(format!("body: {e}")))?;
    let answer = match app
        .answer_call(&message_id, &token, !report.digits.is_empty())
        .await?
    {
        Some(script) => json!({"say": script.text, "speech_language": script.speech_language}),
        None => json!({"hangup": true}),
    };
    Ok(Json(answer).into_response())
}
