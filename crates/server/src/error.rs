//! The one place where errors become HTTP: RFC 9457 problem+json with a
//! stable `code` that clients branch on. The application's errors are
//! mapped here, once ([`From<AppError>`]); the rest are the edge's own
//! (malformed requests, missing keys).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use countersign_app::error::DeviceRefusal;
use countersign_app::AppError;
use countersign_core::brand::{BrandError, LogoError};
use countersign_core::challenge::ChallengeError;
use countersign_core::contact::ContactError;
use countersign_core::limits::Scope;
use countersign_core::service::SettingsError;
use countersign_core::support::SupportError;
use countersign_core::Timestamp;
use serde_json::{json, Map, Value};

/// An error as the API reports it.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub title: &'static str,
    pub detail: String,
    pub extra: Map<String, Value>,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        code: &'static str,
        title: &'static str,
        detail: impl Into<String>,
    ) -> Self {
        ApiError {
            status,
            code,
            title,
            detail: detail.into(),
            extra: Map::new(),
            retry_after: None,
        }
    }

    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.extra.insert(key.to_owned(), value.into());
        self
    }

    /// A 429 that says when to come back, as `Retry-After` and `retry_after`.
    pub fn too_many(
        code: &'static str,
        title: &'static str,
        detail: impl Into<String>,
        now: Timestamp,
        until: Timestamp,
    ) -> Self {
        let seconds = now.seconds_until(until).max(1);
        let mut e = ApiError::new(StatusCode::TOO_MANY_REQUESTS, code, title, detail)
            .with("retry_after", seconds);
        e.retry_after = Some(seconds);
        e
    }

    pub fn invalid_request(detail: impl Into<String>) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Invalid request",
            detail,
        )
    }

    pub fn unauthorized() -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Unauthorized",
            "a valid service API key is required: Authorization: Bearer cs_live_…",
        )
    }

    pub fn not_found(what: &str) -> Self {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "Not found",
            format!("no such {what}"),
        )
    }

    pub fn locked(now: Timestamp, until: Timestamp) -> Self {
        ApiError::too_many(
            "locked",
            "Too many failed attempts",
            "this account is temporarily locked after too many failed attempts",
            now,
            until,
        )
    }

    pub fn internal() -> Self {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
            "something went wrong on our side; it has been logged",
        )
    }

    /// Maps a challenge rule to its contract code.
    fn from_challenge(e: ChallengeError, now: Timestamp) -> Self {
        let detail = e.to_string();
        let unprocessable = |code, title| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                code,
                title,
                detail.clone(),
            )
        };
        match e {
            ChallengeError::UnknownPurpose(_) => unprocessable("unknown_purpose", "Unknown purpose"),
            ChallengeError::PolicyUnsatisfiable(_) => {
                unprocessable("policy_unsatisfiable", "No usable method")
            }
            ChallengeError::TransactionMismatch => {
                unprocessable("transaction_mismatch", "Payment details differ")
            }
            ChallengeError::RiskTooHigh(risk) => {
                unprocessable("risk_too_high", "Stronger method needed")
                    .with("risk", serde_json::to_value(risk).unwrap_or_default())
            }
            ChallengeError::Closed(status) => {
                ApiError::new(StatusCode::CONFLICT, "challenge_closed", "Challenge closed", detail)
                    .with("challenge_status", status.as_str())
            }
            ChallengeError::Expired => {
                ApiError::new(StatusCode::GONE, "expired", "Challenge expired", detail)
            }
            ChallengeError::NotHeld => {
                ApiError::new(StatusCode::CONFLICT, "not_held", "Not held", detail)
            }
            ChallengeError::MethodNotAllowed(_) | ChallengeError::ContactChanged => {
                unprocessable("method_unavailable", "Method not available")
            }
            ChallengeError::ResendTooSoon { available_at } => {
                ApiError::too_many("resend_too_soon", "Too soon", detail, now, available_at)
                    .with("resend_available_at", available_at.to_rfc3339())
            }
            ChallengeError::SendLimitReached => ApiError::too_many(
                "rate_limited",
                "Too many codes",
                "this challenge has sent as many codes as it may; use another method or start a new challenge",
                now,
                now,
            ),
        }
    }
}

/// The one mapping of the application's errors to the API's problems.
impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        let detail = e.to_string();
        let status = |status, code, title| ApiError::new(status, code, title, detail.clone());
        let bad = |code, title| status(StatusCode::BAD_REQUEST, code, title);
        let unprocessable = |code, title| status(StatusCode::UNPROCESSABLE_ENTITY, code, title);
        match e {
            AppError::Invalid { field, detail } => {
                let e = ApiError::invalid_request(detail);
                match field {
                    Some(field) => e.with("field", field),
                    None => e,
                }
            }
            AppError::Contact(e) => {
                let field = e.field();
                let code = match e {
                    ContactError::InvalidPhone => "invalid_phone",
                    ContactError::InvalidEmail => "invalid_email",
                    ContactError::InvalidLocale | ContactError::NothingToVerify(_) => {
                        "invalid_request"
                    }
                };
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    code,
                    "Invalid contact",
                    format!("{field}: {e}"),
                )
                .with("field", field)
            }
            AppError::ReturnUrlNotRegistered => {
                bad("invalid_return_url", "Return URL not registered").with("field", "return_url")
            }
            AppError::InvalidTransaction(_) => bad("invalid_transaction", "Invalid transaction"),
            AppError::Settings(e) => settings_problem(e),
            AppError::Logo(e) => logo_problem(e),
            AppError::Article(e) => {
                let field = e.field();
                ApiError::invalid_request(format!("{field}: {e}")).with("field", field)
            }
            AppError::NotFound(what) => ApiError::not_found(what.as_str()),
            AppError::Challenge { error, now } => ApiError::from_challenge(error, now),
            AppError::Locked { now, until } => ApiError::locked(now, until),
            AppError::RateLimited {
                limit,
                detail,
                now,
                until,
            } => ApiError::too_many("rate_limited", "Too many codes", detail, now, until)
                .with("limit", limit.as_str()),
            AppError::TooManyPrompts { limit, now, until } => {
                ApiError::too_many("too_many_prompts", "Too many prompts", detail, now, until)
                    .with("limit", limit.as_str())
            }
            AppError::TooManyTries { now, until } => {
                ApiError::too_many("rate_limited", "Too many attempts", detail, now, until)
                    .with("limit", Scope::Ip.as_str())
            }
            AppError::WrongCode { attempts_left } => {
                with_attempts(unprocessable("invalid_code", "Wrong code"), attempts_left)
            }
            AppError::CredentialRefused { attempts_left, .. } => with_attempts(
                unprocessable("invalid_credential", "Credential refused"),
                attempts_left,
            ),
            AppError::WrongNumber => unprocessable("wrong_number", "Wrong number"),
            AppError::AttestationRefused(_) => {
                unprocessable("attestation_refused", "Authenticator not accepted")
            }
            AppError::TooManyAttempts => {
                let now = Timestamp(0);
                ApiError::too_many("too_many_attempts", "Too many attempts", detail, now, now)
                    .with("attempts_left", 0)
            }
            AppError::DeliveryFailed {
                channel,
                alternatives,
                suggested,
            } => status(StatusCode::BAD_GATEWAY, "delivery_failed", "Code not sent")
                .with("channel", channel.as_str())
                .with(
                    "alternatives",
                    alternatives.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
                )
                .with("suggested_method", suggested.map(|m| m.as_str())),
            AppError::FactorActive => {
                status(StatusCode::CONFLICT, "factor_active", "Already active")
            }
            AppError::FactorExists => status(
                StatusCode::CONFLICT,
                "factor_exists",
                "Token already enrolled",
            ),
            AppError::LastApiKey => status(StatusCode::CONFLICT, "last_api_key", "Last API key"),
            AppError::TooManyWebhooks { .. } => status(
                StatusCode::CONFLICT,
                "too_many_webhooks",
                "Too many webhook endpoints",
            ),
            AppError::EnrolmentExpired => status(StatusCode::GONE, "expired", "Enrolment expired"),
            AppError::NotResyncable => unprocessable("not_resyncable", "Cannot resynchronise"),
            AppError::WrongActivationSignature => {
                unprocessable("invalid_signature", "Wrong signature")
            }
            AppError::DeviceRefused { why, .. } => {
                let code = match why {
                    DeviceRefusal::Unsigned => "unauthorized",
                    DeviceRefusal::BadSignature => "invalid_signature",
                    DeviceRefusal::Replayed => "signature_replayed",
                };
                status(StatusCode::UNAUTHORIZED, code, "Device not authenticated")
            }
            AppError::CallbackSignature => status(
                StatusCode::UNAUTHORIZED,
                "invalid_signature",
                "Invalid signature",
            ),
            AppError::Support(e) => support_problem(e),
            AppError::NotVerified(_) => {
                status(StatusCode::CONFLICT, "not_verified", "Not verified")
            }
            AppError::VerificationTooOld => {
                status(StatusCode::GONE, "expired", "Verification too old")
            }
            AppError::NotJoinSession => status(
                StatusCode::FORBIDDEN,
                "not_join_session",
                "Not the browser that joined",
            ),
            AppError::SupportUnconfigured => status(
                StatusCode::SERVICE_UNAVAILABLE,
                "support_unconfigured",
                "Video calls not configured",
            ),
            AppError::WebauthnUnconfigured(_) => status(
                StatusCode::SERVICE_UNAVAILABLE,
                "webauthn_unconfigured",
                "Passkeys not configured",
            ),
            AppError::Console(countersign_core::operator::Refused::Role) => status(
                StatusCode::FORBIDDEN,
                "forbidden",
                "Not allowed for this role",
            ),
            AppError::Console(countersign_core::operator::Refused::StepUp) => status(
                StatusCode::FORBIDDEN,
                "step_up_required",
                "Confirm with your passkey first",
            ),
            AppError::Busy(_) => status(StatusCode::SERVICE_UNAVAILABLE, "busy", "Busy"),
            AppError::KeyUnavailable => status(
                StatusCode::SERVICE_UNAVAILABLE,
                "key_unavailable",
                "Key unavailable",
            ),
            AppError::Unavailable => status(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
            ),
            AppError::Overloaded => {
                let mut e =
                    status(StatusCode::SERVICE_UNAVAILABLE, "busy", "Busy").with("retry_after", 1);
                e.retry_after = Some(1);
                e
            }
            AppError::Internal => ApiError::internal(),
        }
    }
}

fn with_attempts(e: ApiError, attempts_left: Option<u32>) -> ApiError {
    match attempts_left {
        Some(n) => e.with("attempts_left", n),
        None => e,
    }
}

fn support_problem(e: SupportError) -> ApiError {
    let detail = e.to_string();
    match e {
        SupportError::TooEarly { opens_at } => {
            ApiError::new(StatusCode::CONFLICT, "too_early", "Too early", detail)
                .with("opens_at", opens_at.to_rfc3339())
        }
        SupportError::TooLate { closed_at } => {
            ApiError::new(StatusCode::GONE, "too_late", "Too late", detail)
                .with("closed_at", closed_at.to_rfc3339())
        }
        SupportError::Cancelled => ApiError::new(
            StatusCode::GONE,
            "appointment_cancelled",
            "Appointment cancelled",
            detail,
        ),
    }
}

fn logo_problem(e: LogoError) -> ApiError {
    let detail = e.to_string();
    match e {
        LogoError::TooLarge => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "logo_too_large",
            "Logo too large",
            detail,
        ),
        LogoError::NotAnImage | LogoError::TypeMismatch { .. } => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_logo",
            "Unsupported logo",
            detail,
        ),
        LogoError::BadSize { .. } => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "logo_size",
            "Logo size out of bounds",
            detail,
        ),
    }
}

fn settings_problem(e: SettingsError) -> ApiError {
    let detail = e.to_string();
    match e {
        SettingsError::OutOfRange { field, .. } => {
            ApiError::invalid_request(detail).with("field", field)
        }
        SettingsError::BadPurpose(p) => {
            ApiError::invalid_request(detail).with("field", format!("policies.{p}"))
        }
        SettingsError::ClassRequired(p) => ApiError::new(
            StatusCode::BAD_REQUEST,
            "purpose_class_required",
            "Purpose class required",
            detail,
        )
        .with("field", format!("policies.{p}.class")),
        SettingsError::BadClass { purpose, .. } => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_purpose_class",
            "Invalid purpose class",
            detail,
        )
        .with("field", format!("policies.{purpose}.class")),
        SettingsError::TooManyPurposes => {
            ApiError::invalid_request(detail).with("field", "policies")
        }
        SettingsError::BadReturnUrl(_) | SettingsError::TooManyReturnUrls => {
            ApiError::invalid_request(detail).with("field", "return_urls")
        }
        SettingsError::BadSmsName => ApiError::invalid_request(detail).with("field", "sms_name"),
        SettingsError::Brand(BrandError::LowContrast { ratio_x100, .. }) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "insufficient_contrast",
            "Colour fails WCAG AA contrast",
            detail,
        )
        .with("field", "brand.primary_color")
        .with("contrast", f64::from(ratio_x100) / 100.0),
        SettingsError::Brand(BrandError::BadColor(_)) => {
            ApiError::invalid_request(detail).with("field", "brand.primary_color")
        }
        SettingsError::Brand(BrandError::BadUrl(field)) => {
            ApiError::invalid_request(detail).with("field", format!("brand.{field}"))
        }
        SettingsError::Brand(BrandError::BadEmail) => {
            ApiError::invalid_request(detail).with("field", "brand.support_email")
        }
        SettingsError::InvalidPolicy { purpose, .. } => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_policy",
            "Invalid policy",
            detail,
        )
        .with("purpose", purpose),
        SettingsError::TooWeak(purpose) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "policy_too_weak",
            "Policy too weak",
            detail,
        )
        .with("purpose", purpose),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({
            "type": format!("urn:countersign:problem:{}", self.code),
            "title": self.title,
            "status": self.status.as_u16(),
            "detail": self.detail,
            "code": self.code,
        });
        if let Value::Object(map) = &mut body {
            map.extend(self.extra);
        }
        let mut response = (self.status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    /// A full write queue turns a request away with 503 and when to retry,
    /// never with a 500.
    #[test]
    fn an_overloaded_store_answers_503_with_retry_after() {
        let response = ApiError::from(AppError::Overloaded).into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()[header::RETRY_AFTER], "1");
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/problem+json"
        );
        let problem = ApiError::from(AppError::from(countersign_store::StoreError::Busy));
        assert_eq!(
            (problem.status, problem.code),
            (StatusCode::SERVICE_UNAVAILABLE, "busy")
        );
    }
}
