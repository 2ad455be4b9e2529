//! The one place where errors become HTTP: RFC 9457 problem+json with a
//! stable `code` that clients branch on.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use countersign_core::challenge::ChallengeError;
use countersign_core::contact::ContactError;
use countersign_core::keyring::SealError;
use countersign_core::Timestamp;
use countersign_store::StoreError;
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
    pub fn from_challenge(e: ChallengeError, now: Timestamp) -> Self {
        let detail = e.to_string();
        match e {
            ChallengeError::UnknownPurpose(_) => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "unknown_purpose", "Unknown purpose", detail)
            }
            ChallengeError::PolicyUnsatisfiable(_) => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "policy_unsatisfiable",
                "No usable method",
                detail,
            ),
            ChallengeError::TransactionMismatch => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "transaction_mismatch",
                "Payment details differ",
                detail,
            ),
            ChallengeError::RiskTooHigh(risk) => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "risk_too_high",
                "Stronger method needed",
                detail,
            )
            .with("risk", serde_json::to_value(risk).unwrap_or_default()),
            ChallengeError::Closed(status) => {
                ApiError::new(StatusCode::CONFLICT, "challenge_closed", "Challenge closed", detail)
                    .with("challenge_status", status.as_str())
            }
            ChallengeError::Expired => ApiError::new(StatusCode::GONE, "expired", "Challenge expired", detail),
            ChallengeError::NotHeld => ApiError::new(StatusCode::CONFLICT, "not_held", "Not held", detail),
            ChallengeError::MethodNotAllowed(_) | ChallengeError::ContactChanged => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "method_unavailable",
                "Method not available",
                detail,
            ),
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

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        tracing::error!(error = %e, "storage failure");
        match e {
            StoreError::Database(countersign_store::SqlxError::PoolTimedOut) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
                "the database is not answering; try again shortly",
            ),
            _ => ApiError::internal(),
        }
    }
}

impl From<SealError> for ApiError {
    /// A seed that does not open is an operator's problem (a key file not
    /// copied after a rotation, or a damaged row), never the caller's.
    fn from(e: SealError) -> Self {
        tracing::error!(error = %e, "a sealed secret could not be opened");
        match e {
            SealError::UnknownKey(_) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "key_unavailable",
                "Key unavailable",
                "this server's key file lacks a key in use; the operator has been alerted",
            ),
            SealError::Corrupt => ApiError::internal(),
        }
    }
}

impl From<ContactError> for ApiError {
    fn from(e: ContactError) -> Self {
        let code = match e {
            ContactError::InvalidPhone => "invalid_phone",
            ContactError::InvalidEmail => "invalid_email",
            ContactError::InvalidLocale => "invalid_request",
        };
        let field = match e {
            ContactError::InvalidPhone => "phone",
            ContactError::InvalidEmail => "email",
            ContactError::InvalidLocale => "locale",
        };
        ApiError::new(
            StatusCode::BAD_REQUEST,
            code,
            "Invalid contact",
            format!("{field}: {e}"),
        )
        .with("field", field)
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
