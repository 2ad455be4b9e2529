//! The one error every use case returns. Adapters map it once each: to
//! problem+json for the API (`countersign-server`'s `api/errors.rs`), and to
//! a sentence in the user's language for the pages. Nothing downstream reads
//! a string code to decide what happened: it matches on these variants.

use countersign_core::challenge::ChallengeError;
use countersign_core::contact::ContactError;
use countersign_core::help::ArticleError;
use countersign_core::keyring::SealError;
use countersign_core::limits::Scope;
use countersign_core::policy::{Channel, Method};
use countersign_core::service::SettingsError;
use countersign_core::support::SupportError;
use countersign_core::Timestamp;
use countersign_store::StoreError;

pub type AppResult<T> = Result<T, AppError>;

/// What a `not_found` was looking for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    User,
    Challenge,
    Factor,
    Device,
    Appointment,
    Message,
    Service,
    SignIn,
    Article,
    ApiKey,
    Webhook,
    Operator,
    /// A route that exists only when a provider is configured.
    Route,
}

impl Missing {
    pub fn as_str(self) -> &'static str {
        match self {
            Missing::User => "user",
            Missing::Challenge => "challenge",
            Missing::Factor => "factor",
            Missing::Device => "device",
            Missing::Appointment => "appointment",
            Missing::Message => "message",
            Missing::Service => "service",
            Missing::SignIn => "sign-in",
            Missing::Article => "article",
            Missing::ApiKey => "API key",
            Missing::Webhook => "webhook endpoint",
            Missing::Operator => "operator",
            Missing::Route => "route",
        }
    }
}

/// Why a trusted device's signed request was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceRefusal {
    /// No `Countersign-Device` header.
    Unsigned,
    /// The signature does not verify, or its time is too far off.
    BadSignature,
    /// A signature used before.
    Replayed,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A malformed input, naming the field when there is one.
    #[error("{detail}")]
    Invalid {
        field: Option<String>,
        detail: String,
    },
    #[error(transparent)]
    Contact(#[from] ContactError),
    #[error("return_url must start with one of the service's return_urls (PATCH /v1/service)")]
    ReturnUrlNotRegistered,
    #[error("{0}")]
    InvalidTransaction(String),
    #[error("{0}")]
    Settings(#[from] SettingsError),
    #[error("{0}")]
    Article(#[from] ArticleError),
    #[error("{0}")]
    Logo(#[from] countersign_core::brand::LogoError),
    #[error("no such {}", .0.as_str())]
    NotFound(Missing),
    /// A challenge rule refused the request (as of `now`).
    #[error("{error}")]
    Challenge {
        error: ChallengeError,
        now: Timestamp,
    },
    #[error("this account is temporarily locked after too many failed attempts")]
    Locked { now: Timestamp, until: Timestamp },
    /// A send or attempt limit is reached until `until`.
    #[error("{detail}")]
    RateLimited {
        limit: Scope,
        detail: String,
        now: Timestamp,
        until: Timestamp,
    },
    /// Too many approval prompts to the user's trusted devices (`limit`:
    /// one device, or the user), and no other method to offer, until `until`.
    #[error("too many approval requests were sent to this user's devices, and no other method can prove this request; try again later")]
    TooManyPrompts {
        limit: Scope,
        now: Timestamp,
        until: Timestamp,
    },
    /// Too many appointment codes tried from one address, until `until`.
    #[error("too many appointment codes were tried from this address; try again later")]
    TooManyTries { now: Timestamp, until: Timestamp },
    /// A code (sent, from an authenticator, or a recovery code) is not
    /// right.
    #[error("the code is not right")]
    WrongCode { attempts_left: Option<u32> },
    /// A passkey's or security key's answer was refused.
    #[error("{reason}")]
    CredentialRefused {
        reason: String,
        attempts_left: Option<u32>,
    },
    #[error("{0}")]
    AttestationRefused(String),
    #[error("no attempt is left; this challenge has failed. Start a new one.")]
    TooManyAttempts,
    /// A trusted device picked a number other than the one shown.
    #[error("that is not the number shown; this request has failed. Start a new one.")]
    WrongNumber,
    #[error("the {} could not be sent; no code is on its way. Try another method.", .channel.as_str())]
    DeliveryFailed {
        channel: Channel,
        alternatives: Vec<Method>,
        suggested: Option<Method>,
    },
    #[error("this factor is already active")]
    FactorActive,
    #[error("a token with this seed is already enrolled in this service; one seed, one factor")]
    FactorExists,
    #[error("this is the service's last API key: revoking it would lock the service out; create a new key first")]
    LastApiKey,
    #[error("a service has at most {limit} webhook endpoints; remove one first")]
    TooManyWebhooks { limit: usize },
    #[error("this factor waited more than 24 hours for its first code; remove it and enrol again")]
    EnrolmentExpired,
    #[error("only an active hotp factor can be resynchronised")]
    NotResyncable,
    #[error("the signature is not the device's over the activation challenge")]
    WrongActivationSignature,
    #[error("{detail}")]
    DeviceRefused {
        why: DeviceRefusal,
        detail: &'static str,
    },
    #[error("the callback's signature does not verify")]
    CallbackSignature,
    #[error("{0}")]
    Support(#[from] SupportError),
    #[error("{0}")]
    NotVerified(&'static str),
    #[error("verify again to get a new room token")]
    VerificationTooOld,
    /// A customer-side call about a support join from a browser other than
    /// the one that joined (no join session cookie, or another one's).
    #[error("only the browser that joined this appointment (or the service key) may do this; join again with the appointment code")]
    NotJoinSession,
    #[error("the operator has not set [support] jwt_secret and video_base_url")]
    SupportUnconfigured,
    #[error("{0}")]
    WebauthnUnconfigured(String),
    /// The console refused a change: the operator's role does not allow
    /// it, or it needs a fresh step-up.
    #[error("{0}")]
    Console(#[from] countersign_core::operator::Refused),
    /// Too many concurrent changes to the same record.
    #[error("{0}")]
    Busy(&'static str),
    #[error("this server's key file lacks a key in use; the operator has been alerted")]
    KeyUnavailable,
    #[error("the database is not answering; try again shortly")]
    Unavailable,
    /// More writes are waiting than the database takes: try again in a
    /// second.
    #[error("the server is busy; try again in a second")]
    Overloaded,
    #[error("something went wrong on our side; it has been logged")]
    Internal,
}

impl AppError {
    /// An invalid field: `"{field}: {detail}"`.
    pub fn field(field: &str, detail: impl std::fmt::Display) -> AppError {
        AppError::Invalid {
            field: Some(field.to_owned()),
            detail: format!("{field}: {detail}"),
        }
    }

    /// An invalid input that is not one field.
    pub fn invalid(detail: impl Into<String>) -> AppError {
        AppError::Invalid {
            field: None,
            detail: detail.into(),
        }
    }

    pub fn challenge(error: ChallengeError, now: Timestamp) -> AppError {
        AppError::Challenge { error, now }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Busy => {
                tracing::warn!("write queue full: a request was turned away");
                AppError::Overloaded
            }
            StoreError::Database(countersign_store::SqlxError::PoolTimedOut)
            | StoreError::Stopped => {
                tracing::error!(error = %e, "storage unavailable");
                AppError::Unavailable
            }
            _ => {
                tracing::error!(error = %e, "storage failure");
                AppError::Internal
            }
        }
    }
}

impl From<SealError> for AppError {
    /// A seed that does not open is an operator's problem (a key file not
    /// copied after a rotation, or a damaged row), never the caller's.
    fn from(e: SealError) -> Self {
        tracing::error!(error = %e, "a sealed secret could not be opened");
        match e {
            SealError::UnknownKey(_) => AppError::KeyUnavailable,
            SealError::Corrupt => AppError::Internal,
        }
    }
}

impl From<crate::webauthn::CeremonyError> for AppError {
    /// A failed WebAuthn ceremony, as the contract names it.
    fn from(e: crate::webauthn::CeremonyError) -> Self {
        use crate::webauthn::CeremonyError;
        match e {
            CeremonyError::Untrusted(why) => AppError::AttestationRefused(why),
            CeremonyError::Refused(reason) => AppError::CredentialRefused {
                reason,
                attempts_left: None,
            },
            CeremonyError::PossibleClone => AppError::CredentialRefused {
                reason: "the authenticator's signature counter went backwards (a cloned key?)"
                    .into(),
                attempts_left: None,
            },
            CeremonyError::Internal(why) => {
                tracing::error!(%why, "WebAuthn");
                AppError::Internal
            }
        }
    }
}
