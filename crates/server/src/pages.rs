//! The pages end users see, served by the same binary: the landing page
//! at `/` (landing.rs), the support center, with its self-service tools
//! "Join video call appointment" and "Check that an agent is genuine", and
//! each service's help center (help.rs).
//! Server-rendered from askama templates (`templates/`, escaped by the
//! engine), with a small script that calls the customer endpoints; every
//! word comes from countersign-i18n's Fluent files, in the language
//! [`texts`] picks. Nothing is loaded from elsewhere.

use askama::Template;
use axum::extract::Query;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use countersign_app::{App, AppError, Missing};
use countersign_core::challenge::ChallengeError;
use countersign_i18n::{negotiate, Texts};

use crate::error::ApiError;

mod help;
mod landing;
mod security;
mod verify;

/// What went wrong, as the pages tell a user: chosen once, here, by
/// matching the application's error (never by reading a string code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trouble {
    WrongCode,
    CredentialRefused,
    TooManyAttempts,
    ResendTooSoon,
    DeliveryFailed,
    RateLimited,
    Locked,
    MethodUnavailable,
    Expired,
    Closed,
    Unsatisfiable,
    NotFound,
    Other,
}

/// An application error as a page shows it: what went wrong, the attempts
/// left, and the API's status for it (so machines see the failure too).
struct Shown {
    trouble: Trouble,
    attempts_left: Option<u32>,
    status: axum::http::StatusCode,
    /// The API's answer, for the pages' own JSON calls.
    problem: ApiError,
}

impl From<AppError> for Shown {
    fn from(e: AppError) -> Shown {
        let trouble = match &e {
            AppError::WrongCode { .. } => Trouble::WrongCode,
            AppError::CredentialRefused { .. } => Trouble::CredentialRefused,
            AppError::TooManyAttempts => Trouble::TooManyAttempts,
            AppError::DeliveryFailed { .. } => Trouble::DeliveryFailed,
            AppError::RateLimited { .. }
            | AppError::TooManyPrompts { .. }
            | AppError::Challenge {
                error: ChallengeError::SendLimitReached,
                ..
            } => Trouble::RateLimited,
            AppError::Locked { .. } => Trouble::Locked,
            AppError::EnrolmentExpired => Trouble::Expired,
            AppError::NotFound(Missing::User | Missing::Factor | Missing::Challenge) => {
                Trouble::NotFound
            }
            AppError::Challenge { error, .. } => match error {
                ChallengeError::ResendTooSoon { .. } => Trouble::ResendTooSoon,
                ChallengeError::MethodNotAllowed(_) | ChallengeError::ContactChanged => {
                    Trouble::MethodUnavailable
                }
                ChallengeError::Expired => Trouble::Expired,
                ChallengeError::Closed(_) => Trouble::Closed,
                ChallengeError::PolicyUnsatisfiable(_) | ChallengeError::RiskTooHigh(_) => {
                    Trouble::Unsatisfiable
                }
                _ => Trouble::Other,
            },
            _ => Trouble::Other,
        };
        let attempts_left = match &e {
            AppError::WrongCode { attempts_left }
            | AppError::CredentialRefused { attempts_left, .. } => *attempts_left,
            AppError::TooManyAttempts => Some(0),
            _ => None,
        };
        let problem = ApiError::from(e);
        Shown {
            trouble,
            attempts_left,
            status: problem.status,
            problem,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// The page's language, the one way every page picks it: the user's
/// stored locale (when the page knows the user), else `?lang=`, else the
/// browser's `Accept-Language`.
fn texts(stored: Option<&str>, asked: Option<&str>, headers: &HeaderMap) -> Texts {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(stored, asked, accept).texts()
}

/// The frame every page shares: `content` is an askama template's output
/// (escaped there), the rest is escaped here.
#[derive(Template)]
#[template(path = "frame.html")]
struct Frame<'a> {
    t: Texts,
    title: &'a str,
    scripts: &'a [&'a str],
    /// `data-msg-*` attributes on `<body>`: texts the page's script shows.
    messages: &'a [(&'a str, String)],
    content: &'a str,
}

/// A page that says one thing, with a link onwards when there is one.
#[derive(Template)]
#[template(path = "message.html")]
struct Message<'a> {
    title: &'a str,
    lead: &'a str,
    /// (address, text)
    back: Option<(&'a str, &'a str)>,
}

/// A page that only says something (not found, unavailable), with `status`.
fn plain_page(t: Texts, status: StatusCode, title_id: &str, lead_id: &str) -> Response {
    message_page(t, status, &t.get(title_id), &t.get(lead_id), None)
}

/// [`Message`] as a page, with `status`.
fn message_page(
    t: Texts,
    status: StatusCode,
    title: &str,
    lead: &str,
    back: Option<(&str, &str)>,
) -> Response {
    let mut response = page_with_script(t, title, &Message { title, lead, back }, &[], &[]);
    *response.status_mut() = status;
    response
}

/// A page with the support center's script and its messages.
fn page(t: Texts, title: &str, content: &impl Template) -> Response {
    let messages: Vec<(&str, String)> = SUPPORT_SCRIPT_MESSAGES
        .iter()
        .map(|key| {
            let id = format!("support-msg-{key}");
            // The script fills in `{agent}` and `{n}` itself.
            let text = t
                .msg(&id)
                .arg("agent", "{agent}")
                .arg("n", "{n}")
                .to_string();
            (*key, text)
        })
        .collect();
    page_with_script(t, title, content, &["/assets/support.js"], &messages)
}

/// What the support center's script may show: `data-msg-<key>`, from
/// `support-msg-<key>`.
const SUPPORT_SCRIPT_MESSAGES: [&str; 18] = [
    "working",
    "verified",
    "genuine",
    "not-genuine",
    "not-found",
    "too-early",
    "too-late",
    "appointment-cancelled",
    "invalid-code",
    "attempts-left",
    "too-many-attempts",
    "rate-limited",
    "retry",
    "locked",
    "policy-unsatisfiable",
    "expired",
    "not-join-session",
    "error",
];

/// The frame around `content`, with the security headers pages need: no
/// framing (clickjacking), nothing but this server's own resources, and
/// `scripts` (this server's assets) loaded deferred.
fn page_with_script(
    t: Texts,
    title: &str,
    content: &impl Template,
    scripts: &[&str],
    messages: &[(&str, String)],
) -> Response {
    let html = content.render().and_then(|content| {
        Frame {
            t,
            title,
            scripts,
            messages,
            content: &content,
        }
        .render()
    });
    let Ok(html) = html else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, content_policy(None));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Addresses may carry capabilities (a hosted verification's challenge
    // id): never sent to another site. Same-origin requests keep their
    // Origin header, which the pages' forms are checked against.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Nothing but this server's own resources, no framing; forms post here
/// only, or also to `form_target` (an origin such as
/// `https://bank.example`): a form's redirect to the integrator's return
/// URL is a form target too.
fn content_policy(form_target: Option<&str>) -> HeaderValue {
    let policy = format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'{}; frame-ancestors 'none'; base-uri 'none'",
        form_target.map(|o| format!(" {o}")).unwrap_or_default()
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"))
}

/// A page of the support center whose words are all in its template.
macro_rules! support_page {
    ($name:ident, $path:literal, $handler:ident, $title:literal) => {
        #[derive(Template)]
        #[template(path = $path)]
        struct $name {
            t: Texts,
        }

        async fn $handler(Query(q): Query<LangQuery>, headers: HeaderMap) -> Response {
            let t = texts(None, q.lang.as_deref(), &headers);
            page(t, &t.get($title), &$name { t })
        }
    };
}

support_page!(
    SupportCenter,
    "support/center.html",
    support_center,
    "support-title"
);
support_page!(
    JoinPage,
    "support/join.html",
    join_page,
    "support-join-title"
);
support_page!(
    AgentCheckPage,
    "support/check.html",
    agent_check_page,
    "support-check-title"
);

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// The pages and their assets.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/", get(landing::landing))
        .route("/support", get(support_center))
        .route("/support/join", get(join_page))
        .route("/support/check-agent", get(agent_check_page))
        .merge(help::routes())
        .merge(security::routes())
        .merge(verify::routes())
        .route(
            "/assets/countersign.css",
            get(|| async {
                asset(
                    "text/css; charset=utf-8",
                    include_str!("../assets/countersign.css"),
                )
            }),
        )
        .route(
            "/assets/webauthn.js",
            get(|| async {
                asset(
                    "text/javascript; charset=utf-8",
                    include_str!("../assets/webauthn.js"),
                )
            }),
        )
        .route(
            "/assets/verify.js",
            get(|| async {
                asset(
                    "text/javascript; charset=utf-8",
                    include_str!("../assets/verify.js"),
                )
            }),
        )
        .route(
            "/assets/support.js",
            get(|| async {
                asset(
                    "text/javascript; charset=utf-8",
                    include_str!("../assets/support.js"),
                )
            }),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_support_script_has_every_message_it_shows() {
        let script = include_str!("../assets/support.js");
        for (key, camel) in [
            ("not-genuine", "msgNotGenuine"),
            ("attempts-left", "msgAttemptsLeft"),
            ("retry", "msgRetry"),
            ("working", "msgWorking"),
            ("verified", "msgVerified"),
            ("error", "msgError"),
        ] {
            assert!(SUPPORT_SCRIPT_MESSAGES.contains(&key), "{key}");
            assert!(script.contains(camel), "{camel}");
        }
        let en = negotiate(None, None, None).texts();
        let page = page(en, "t", &SupportCenter { t: en });
        assert_eq!(page.status(), StatusCode::OK);
    }

    #[test]
    fn the_page_language_comes_from_the_user_the_query_then_the_browser() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("en;q=0.5, fr-FR;q=0.9"),
        );
        let tag = |stored, asked, h: &HeaderMap| texts(stored, asked, h).locale().tag();
        assert_eq!(tag(None, None, &headers), "fr");
        assert_eq!(tag(None, Some("en"), &headers), "en");
        assert_eq!(tag(Some("fr-CA"), Some("en"), &headers), "fr");
        assert_eq!(tag(None, None, &HeaderMap::new()), "en");
    }
}
