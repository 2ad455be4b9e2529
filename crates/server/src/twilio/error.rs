//! Errors as Twilio's libraries expect them: a JSON body with Twilio's
//! numeric `code`, a `message`, `more_info` and the HTTP `status`. Mapped
//! here once from the application's errors.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use countersign_app::AppError;
use countersign_core::challenge::{ChallengeError, ChallengeStatus};
use countersign_core::limits::Scope;
use serde_json::json;

use crate::error::ApiError;

/// An error in Twilio's shape.
#[derive(Debug)]
pub struct TwilioError {
    pub status: StatusCode,
    pub code: u32,
    pub message: String,
    pub retry_after: Option<u64>,
}

/// Twilio's codes that its libraries and integrators branch on.
pub mod codes {
    pub const AUTHENTICATE: u32 = 20003;
    pub const NOT_FOUND: u32 = 20404;
    pub const METHOD_NOT_ALLOWED: u32 = 20004;
    pub const TOO_MANY_REQUESTS: u32 = 20429;
    pub const INTERNAL: u32 = 20500;
    pub const UNAVAILABLE: u32 = 20503;
    pub const INVALID_PARAMETER: u32 = 60200;
    pub const MAX_CHECK_ATTEMPTS: u32 = 60202;
    pub const MAX_SEND_ATTEMPTS: u32 = 60203;
    pub const BLOCKED: u32 = 60410;
}

pub type TwilioResult<T> = Result<T, TwilioError>;

impl TwilioError {
    pub fn new(status: StatusCode, code: u32, message: impl Into<String>) -> Self {
        TwilioError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    pub fn invalid(parameter: &str, why: impl std::fmt::Display) -> Self {
        TwilioError::new(
            StatusCode::BAD_REQUEST,
            codes::INVALID_PARAMETER,
            format!("Invalid parameter `{parameter}`: {why}"),
        )
    }

    pub fn not_found() -> Self {
        TwilioError::new(
            StatusCode::NOT_FOUND,
            codes::NOT_FOUND,
            "The requested resource was not found",
        )
    }

    pub fn unauthenticated() -> Self {
        TwilioError::new(
            StatusCode::UNAUTHORIZED,
            codes::AUTHENTICATE,
            "Authenticate: the account SID and auth token (a Countersign API key of the service) do not match",
        )
    }

    /// Any other error of the API, by its HTTP status, with its detail.
    fn by_status(e: ApiError) -> Self {
        let code = match e.status.as_u16() {
            401 => codes::AUTHENTICATE,
            404 | 410 => codes::NOT_FOUND,
            429 => codes::TOO_MANY_REQUESTS,
            502 | 503 => codes::UNAVAILABLE,
            500..=599 => codes::INTERNAL,
            _ => codes::INVALID_PARAMETER,
        };
        let status = match e.status.as_u16() {
            410 => StatusCode::NOT_FOUND,
            409 | 422 => StatusCode::BAD_REQUEST,
            _ => e.status,
        };
        TwilioError {
            status,
            code,
            message: e.detail,
            retry_after: e.retry_after,
        }
    }
}

impl From<AppError> for TwilioError {
    fn from(e: AppError) -> Self {
        let twilio = twilio_code(&e);
        let api = ApiError::from(e);
        match twilio {
            Some((status, code, title)) => TwilioError {
                status,
                code,
                message: format!("{title}: {}", api.detail),
                retry_after: api.retry_after,
            },
            None => TwilioError::by_status(api),
        }
    }
}

/// The errors Twilio has a code of its own for.
fn twilio_code(e: &AppError) -> Option<(StatusCode, u32, &'static str)> {
    use ChallengeError as C;
    let not_found = (
        StatusCode::NOT_FOUND,
        codes::NOT_FOUND,
        "The requested resource was not found",
    );
    let max_checks = (
        StatusCode::TOO_MANY_REQUESTS,
        codes::MAX_CHECK_ATTEMPTS,
        "Max check attempts reached",
    );
    let max_sends = (
        StatusCode::TOO_MANY_REQUESTS,
        codes::MAX_SEND_ATTEMPTS,
        "Max send attempts reached",
    );
    let blocked = (
        StatusCode::FORBIDDEN,
        codes::BLOCKED,
        "Verification delivery attempt was blocked",
    );
    Some(match e {
        AppError::Challenge { error, .. } => match error {
            C::Closed(ChallengeStatus::Failed) => max_checks,
            // Twilio forgets a verification once it is over.
            C::Closed(_) | C::Expired => not_found,
            C::SendLimitReached | C::ResendTooSoon { .. } => max_sends,
            C::MethodNotAllowed(_) => blocked,
            _ => return None,
        },
        AppError::NotFound(_) => not_found,
        AppError::TooManyAttempts | AppError::Locked { .. } | AppError::TooManyTries { .. } => {
            max_checks
        }
        AppError::RateLimited {
            limit: Scope::Country | Scope::DailyBudget,
            ..
        } => blocked,
        AppError::RateLimited { .. } => max_sends,
        _ => return None,
    })
}

impl IntoResponse for TwilioError {
    fn into_response(self) -> Response {
        let body = json!({
            "code": self.code,
            "message": self.message,
            "more_info": format!("https://www.twilio.com/docs/errors/{}", self.code),
            "status": self.status.as_u16(),
        });
        let mut response = (self.status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
