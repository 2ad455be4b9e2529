//! The operator console (`/console`): operators sign in with their passkey
//! (enrolled through the link `countersign operator add` prints), find
//! users, see their methods, locks, holds, sessions and events, and — as
//! their role allows, after confirming with their passkey — unlock them,
//! release a held withdrawal, remove a method or end their sessions. The
//! audit page shows each chain's status and exports it as JSON Lines.
//!
//! Each handler parses, calls one use case of `countersign_app::console`
//! (which checks the role and the step-up), and renders. The session is a
//! Strict, HttpOnly `__Host-cs_console` cookie; forms carry its CSRF token,
//! the passkey script's JSON calls send it as `X-CSRF-Token`. The console
//! speaks English (its words are in `countersign-i18n`'s `console/en.ftl`).
//!
//! One file per part: `sign_in.rs` (sign-in, enrolment, step-up, sign-out),
//! `users.rs`, `support.rs` (support calls), `services.rs`, `audit.rs`,
//! `dashboard.rs`;
//! this one holds what they share.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use countersign_app::console::{Console, Dossier, Found, Prompt, SignedIn};
use countersign_app::{App, AppError};
use countersign_core::contact::{mask_email, mask_phone};
use countersign_core::cookie::Cookies;
use countersign_core::operator::{Action, Refused, COOKIE_NAME, ENROLMENT_TTL, SESSION_TTL};
use countersign_core::portal::{csrf_matches, csrf_token, is_token_shaped, MethodKind};
use countersign_core::Timestamp;
use countersign_i18n::{Locale, Texts};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{message_page, page_with_script, Family};
use crate::error::ApiError;

/// The cookie that carries an enrolment link's token from the link to the
/// enrolment page (so the token leaves the address bar at once).
const ENROL_COOKIE: &str = "cs_console_enrol";
/// Largest form the console takes.
const MAX_FORM_BYTES: usize = 16 * 1024;

/// The console's words: English.
fn texts() -> Texts {
    Locale::DEFAULT.texts()
}

fn cookie_of<'h>(cookies: Cookies, base: &str, headers: &'h HeaderMap) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| cookies.token(base, h))
}

/// A request in a live session: the session and its cookie's value.
struct Signed {
    console: Console,
    cookie: String,
}

impl Signed {
    fn csrf(&self) -> String {
        csrf_token(&self.cookie)
    }
}

/// Why a console request was refused, as a page (or, for the passkey
/// script, problem+json).
enum Refusal {
    NoSession,
    Csrf,
    Failed(AppError),
}

impl From<AppError> for Refusal {
    fn from(e: AppError) -> Refusal {
        Refusal::Failed(e)
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let t = texts();
        let back = ("/console/users", "console-back");
        let (status, title, lead, back) = match self {
            Refusal::NoSession => (
                StatusCode::UNAUTHORIZED,
                "console-session-title",
                t.get("console-session-lead"),
                ("/console", "console-sign-in-again"),
            ),
            Refusal::Csrf => (
                StatusCode::FORBIDDEN,
                "console-csrf-title",
                t.get("console-csrf-lead"),
                back,
            ),
            Refusal::Failed(e) => {
                let (title, lead) = match &e {
                    AppError::Console(Refused::Role) => {
                        ("console-forbidden-title", t.get("console-forbidden-lead"))
                    }
                    AppError::Console(Refused::StepUp) => {
                        ("console-step-up-title", t.get("console-step-up-lead"))
                    }
                    AppError::NotFound(_) => {
                        ("console-not-found-title", t.get("console-not-found-lead"))
                    }
                    // The detail names the field and what it needs.
                    AppError::Invalid { detail, .. } => ("console-invalid-title", detail.clone()),
                    AppError::Challenge { error, .. } => ("console-error-title", error.to_string()),
                    _ => ("console-error-title", t.get("console-error-lead")),
                };
                (ApiError::from(e).status, title, lead, back)
            }
        };
        message_page(
            t,
            Family::Console,
            status,
            &t.get(title),
            &lead,
            Some((back.0, &t.get(back.1))),
        )
    }
}

impl Refusal {
    /// For the passkey script: problem+json.
    fn into_problem(self) -> Response {
        match self {
            Refusal::NoSession => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "No session",
                "the console session has ended; sign in again",
            ),
            Refusal::Csrf => ApiError::new(
                StatusCode::FORBIDDEN,
                "csrf_failed",
                "Request not checked",
                "the X-CSRF-Token header is missing or wrong",
            ),
            Refusal::Failed(e) => ApiError::from(e),
        }
        .into_response()
    }
}

/// The live session of a request's cookie.
async fn signed(app: &App, headers: &HeaderMap) -> Result<Signed, Refusal> {
    let cookie = cookie_of(app.config.cookies(), COOKIE_NAME, headers).ok_or(Refusal::NoSession)?;
    let console = app.console(cookie).await?.ok_or(Refusal::NoSession)?;
    Ok(Signed {
        console,
        cookie: cookie.to_owned(),
    })
}

/// The session of a form whose `csrf` field is right, and the form.
async fn signed_form(
    app: &App,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<(Signed, Vec<(String, String)>), Refusal> {
    signed_form_of(app, headers, body, MAX_FORM_BYTES).await
}

/// [`signed_form`] for a form that may be larger (an article's).
async fn signed_form_of(
    app: &App,
    headers: &HeaderMap,
    body: &Bytes,
    max_bytes: usize,
) -> Result<(Signed, Vec<(String, String)>), Refusal> {
    let s = signed(app, headers).await?;
    if body.len() > max_bytes {
        return Err(Refusal::Csrf);
    }
    let fields: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    if !csrf_matches(&s.cookie, field(&fields, "csrf")) {
        return Err(Refusal::Csrf);
    }
    Ok((s, fields))
}

/// The session of a JSON call whose `X-CSRF-Token` is right.
async fn signed_json(app: &App, headers: &HeaderMap) -> Result<Signed, Refusal> {
    let s = signed(app, headers).await?;
    let presented = headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !csrf_matches(&s.cookie, presented) {
        return Err(Refusal::Csrf);
    }
    Ok(s)
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn see_other(location: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, location.to_owned()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
    )
        .into_response()
}

fn with_cookie(mut response: Response, set_cookie: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(set_cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

fn session_cookie(app: &App, value: &str) -> String {
    app.config
        .cookies()
        .set(COOKIE_NAME, value, SESSION_TTL, "Strict")
}

/// A console page: the frame with the console's script.
fn console_page(title: &str, content: &impl Template) -> Response {
    let t = texts();
    let messages = [
        ("working", t.get("console-working")),
        ("cancelled", t.get("console-cancelled")),
        ("refused", t.get("console-refused")),
        ("policy-ok", t.get("console-policy-ok")),
    ];
    page_with_script(
        t,
        Family::Console,
        title,
        content,
        &["/assets/webauthn.js", "/assets/console.js"],
        &messages,
    )
}

/// The navigation and who is signed in, atop every signed-in page.
struct Nav {
    name: String,
    role: &'static str,
    csrf: String,
    audit: bool,
    calls: bool,
    dashboard: bool,
    services: bool,
    help: bool,
    /// Changes need no new step-up for now (the script goes straight on).
    stepped_up: bool,
}

impl Nav {
    fn of(s: &Signed, now: Timestamp) -> Nav {
        Nav {
            name: s.console.operator.name.clone(),
            role: s.console.operator.role.as_str(),
            csrf: s.csrf(),
            audit: s.console.may(Action::SeeAudit),
            calls: s.console.may(Action::SeeSupportCalls),
            dashboard: s.console.may(Action::SeeDashboard),
            services: s.console.may(Action::SeeServices),
            help: s.console.may(Action::EditHelp),
            stepped_up: s.console.stepped_up(now),
        }
    }
}

mod audit;
mod dashboard;
mod help;
mod services;
mod sign_in;
mod support;
mod users;

pub(super) fn routes() -> Router<App> {
    Router::new()
        .merge(sign_in::routes())
        .merge(users::routes())
        .merge(support::routes())
        .merge(audit::routes())
        .merge(dashboard::routes())
        .merge(services::routes())
        .merge(help::routes())
}
