//! Twilio Verify's v2 API under `/twilio/v2`, so that an integrator moves
//! off Twilio by pointing its Twilio library at Countersign. The account
//! SID and auth token are the service's `AC…` SID and one of its API keys.
//! Requests are form-encoded and answers carry Twilio's field names, SIDs
//! and error codes; each handler parses, calls one use case of
//! [`countersign_app::twilio_verify`] and renders.

mod error;
mod resources;

use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use countersign_app::twilio_verify::{
    CheckTarget, CheckVerification, StartVerification, Verification,
};
use countersign_app::App;
use countersign_core::ids::ChallengeId;
use countersign_core::service::Service;
use countersign_core::transaction::Transaction;

pub use error::{codes, TwilioError, TwilioResult};

/// Where the surface is served: a Twilio library's `https://verify.twilio.com`
/// becomes `{public_url}/twilio`.
pub const PREFIX: &str = "/twilio/v2";

/// The routes of Twilio Verify v2 that Countersign speaks.
pub fn routes() -> Router<App> {
    let v2 = Router::new()
        .route("/Services/{service}", get(fetch_service))
        .route(
            "/Services/{service}/Verifications",
            post(create_verification),
        )
        .route(
            "/Services/{service}/Verifications/{verification}",
            get(fetch_verification).post(update_verification),
        )
        .route(
            "/Services/{service}/VerificationCheck",
            post(check_verification),
        )
        .fallback(|| async { TwilioError::not_found() })
        .method_not_allowed_fallback(|| async {
            TwilioError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                codes::METHOD_NOT_ALLOWED,
                "Method not allowed",
            )
        });
    Router::new().nest(PREFIX, v2)
}

/// The service whose `AC…` SID and API key are in HTTP Basic
/// authentication, as Twilio's libraries send them, and whose `VA…` SID
/// is the route's `{service}`.
pub struct TwilioService(pub Service);

impl FromRequestParts<App> for TwilioService {
    type Rejection = TwilioError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let (account, token) = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Basic ")
                    .or_else(|| v.strip_prefix("basic "))
            })
            .filter(|v| v.len() <= 512)
            .and_then(|v| {
                base64::engine::general_purpose::STANDARD
                    .decode(v.trim())
                    .ok()
            })
            .and_then(|v| String::from_utf8(v).ok())
            .and_then(|v| v.split_once(':').map(|(a, t)| (a.to_owned(), t.to_owned())))
            .ok_or_else(TwilioError::unauthenticated)?;
        let caller = app
            .caller_for_key(&token)
            .await?
            .ok_or_else(TwilioError::unauthenticated)?;
        if account != resources::account_sid(&caller.service.id) {
            return Err(TwilioError::unauthenticated());
        }
        match path_param(parts, app, "service")
            .await
            .and_then(|sid| resources::service_id(&sid))
        {
            Some(id) if id == caller.service.id => Ok(TwilioService(caller.service)),
            _ => Err(TwilioError::not_found()),
        }
    }
}

/// The challenge behind the route's `{verification}` SID.
pub struct VerificationSid(pub ChallengeId);

impl FromRequestParts<App> for VerificationSid {
    type Rejection = TwilioError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        path_param(parts, app, "verification")
            .await
            .and_then(|sid| resources::challenge_id(&sid))
            .map(VerificationSid)
            .ok_or_else(TwilioError::not_found)
    }
}

async fn path_param(parts: &mut Parts, app: &App, name: &str) -> Option<String> {
    let params = RawPathParams::from_request_parts(parts, app).await.ok()?;
    params
        .iter()
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// A form-encoded body, as Twilio's libraries send it. Parameters Twilio
/// has and Countersign does not use are ignored, as Twilio ignores
/// unknown ones.
struct Form(Vec<(String, String)>);

impl<S: Send + Sync> FromRequest<S> for Form {
    type Rejection = TwilioError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let body = axum::body::to_bytes(req.into_body(), crate::extract::MAX_BODY_BYTES)
            .await
            .map_err(|_| TwilioError::invalid("body", "larger than 64 KiB"))?;
        Ok(Form(
            form_urlencoded::parse(&body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        ))
    }
}

impl Form {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    fn required(&self, name: &str) -> TwilioResult<&str> {
        self.get(name)
            .ok_or_else(|| TwilioError::invalid(name, "required"))
    }

    /// `Amount` and `Payee`, the payment a PSD2 verification names.
    fn transaction(&self) -> TwilioResult<Option<Transaction>> {
        let (amount, payee) = (self.get("Amount"), self.get("Payee"));
        let Some(amount) = amount else {
            return match payee {
                Some(_) => Err(TwilioError::invalid("Amount", "required with Payee")),
                None => Ok(None),
            };
        };
        let (amount, currency) = resources::amount(amount).ok_or_else(|| {
            TwilioError::invalid(
                "Amount",
                "a number with its currency, such as €39.99 or 39.99 EUR",
            )
        })?;
        let transaction = Transaction {
            amount,
            currency,
            payee: Some(
                payee
                    .ok_or_else(|| TwilioError::invalid("Payee", "required with Amount"))?
                    .to_owned(),
            ),
            destination: None,
        };
        transaction
            .validate()
            .map_err(|e| TwilioError::invalid("Amount", e))?;
        Ok(Some(transaction))
    }
}

/// A resource answer: `201 Created` for a new one, `200` otherwise.
fn resource(status: StatusCode, body: serde_json::Value) -> Response {
    (status, Json(body)).into_response()
}

fn verification_answer(app: &App, status: StatusCode, v: &Verification) -> Response {
    resource(
        status,
        resources::verification(v, &app.config.public_url, app.now()),
    )
}

async fn fetch_service(State(app): State<App>, TwilioService(service): TwilioService) -> Response {
    resource(
        StatusCode::OK,
        resources::service(&service, &app.config.public_url),
    )
}

/// Starts a verification, or sends again on the one pending for `To`.
async fn create_verification(
    State(app): State<App>,
    TwilioService(service): TwilioService,
    form: Form,
) -> TwilioResult<Response> {
    let channel = form.required("Channel")?;
    let start = StartVerification {
        to: form.required("To")?.to_owned(),
        channel: resources::channel(channel)
            .ok_or_else(|| TwilioError::invalid("Channel", "sms, call or email"))?,
        locale: form.get("Locale").map(str::to_owned),
        sender_name: form.get("CustomFriendlyName").map(str::to_owned),
        transaction: form.transaction()?,
    };
    let v = app.start_verification(&service, start).await?;
    Ok(verification_answer(&app, StatusCode::CREATED, &v))
}

async fn fetch_verification(
    State(app): State<App>,
    TwilioService(service): TwilioService,
    VerificationSid(id): VerificationSid,
) -> TwilioResult<Response> {
    let v = app.verification(&service, &id).await?;
    Ok(verification_answer(&app, StatusCode::OK, &v))
}

/// `Status=canceled` or `Status=approved`.
async fn update_verification(
    State(app): State<App>,
    TwilioService(service): TwilioService,
    VerificationSid(id): VerificationSid,
    form: Form,
) -> TwilioResult<Response> {
    let v = match form.required("Status")? {
        "canceled" => app.cancel_verification(&service, &id).await?,
        "approved" => app.approve_verification(&service, &id).await?,
        _ => return Err(TwilioError::invalid("Status", "canceled or approved")),
    };
    Ok(verification_answer(&app, StatusCode::OK, &v))
}

async fn check_verification(
    State(app): State<App>,
    TwilioService(service): TwilioService,
    form: Form,
) -> TwilioResult<Response> {
    let target = match (form.get("VerificationSid"), form.get("To")) {
        (Some(sid), _) => CheckTarget::Verification(
            resources::challenge_id(sid).ok_or_else(TwilioError::not_found)?,
        ),
        (None, Some(to)) => CheckTarget::To(to.to_owned()),
        (None, None) => {
            return Err(TwilioError::invalid(
                "To",
                "To or VerificationSid is required",
            ))
        }
    };
    let check = CheckVerification {
        target,
        code: form.required("Code")?.to_owned(),
        transaction: form.transaction()?,
    };
    let v = app.check_verification(&service, check).await?;
    Ok(verification_answer(&app, StatusCode::OK, &v))
}
