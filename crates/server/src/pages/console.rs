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
    let s = signed(app, headers).await?;
    if body.len() > MAX_FORM_BYTES {
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
            stepped_up: s.console.stepped_up(now),
        }
    }
}

#[derive(Template)]
#[template(path = "console/sign_in.html")]
struct SignInPage {
    t: Texts,
}

/// `/console`: the sign-in page, or the users page when signed in.
async fn home(State(app): State<App>, headers: HeaderMap) -> Response {
    match signed(&app, &headers).await {
        Ok(_) => see_other("/console/users"),
        Err(Refusal::NoSession) => {
            let t = texts();
            console_page(&t.get("console-sign-in-title"), &SignInPage { t })
        }
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Finish {
    ceremony: String,
    credential: Value,
}

fn prompt(p: Prompt) -> Response {
    Json(json!({"ceremony": p.ceremony, "options": p.options})).into_response()
}

/// A new session's cookie, and where the script goes next.
fn signed_in(app: &App, done: SignedIn) -> Response {
    let response = Json(json!({"next": "/console/users"})).into_response();
    with_cookie(response, &session_cookie(app, &done.cookie))
}

async fn sign_in_start(State(app): State<App>) -> Response {
    match app.start_console_sign_in().await {
        Ok(p) => prompt(p),
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn sign_in_finish(State(app): State<App>, Json(f): Json<Finish>) -> Response {
    match app.finish_console_sign_in(&f.ceremony, &f.credential).await {
        Ok(done) => signed_in(&app, done),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// The enrolment link: its token moves into a short-lived cookie, and the
/// browser to the enrolment page (the token leaves the address bar and
/// the history).
async fn enrol_link(State(app): State<App>, Path(token): Path<String>) -> Response {
    if !is_token_shaped(&token) {
        return see_other("/console/enrol");
    }
    let cookie = app
        .config
        .cookies()
        .set(ENROL_COOKIE, &token, ENROLMENT_TTL, "Strict");
    with_cookie(see_other("/console/enrol"), &cookie)
}

#[derive(Template)]
#[template(path = "console/enrol.html")]
struct EnrolPage {
    t: Texts,
    name: String,
    role: &'static str,
}

async fn enrol_page(State(app): State<App>, headers: HeaderMap) -> Response {
    let t = texts();
    let token = cookie_of(app.config.cookies(), ENROL_COOKIE, &headers).unwrap_or_default();
    match app.enrolment(token).await {
        Ok(Some(operator)) => console_page(
            &t.get("console-enrol-title"),
            &EnrolPage {
                t,
                name: operator.name,
                role: operator.role.as_str(),
            },
        ),
        Ok(None) => message_page(
            t,
            Family::Console,
            StatusCode::NOT_FOUND,
            &t.get("console-enrol-gone-title"),
            &t.get("console-enrol-gone-lead"),
            None,
        ),
        Err(e) => Refusal::Failed(e).into_response(),
    }
}

async fn enrol_start(State(app): State<App>, headers: HeaderMap) -> Response {
    let token = cookie_of(app.config.cookies(), ENROL_COOKIE, &headers).unwrap_or_default();
    match app.start_enrolment(token).await {
        Ok(p) => prompt(p),
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn enrol_finish(
    State(app): State<App>,
    headers: HeaderMap,
    Json(f): Json<Finish>,
) -> Response {
    let token = cookie_of(app.config.cookies(), ENROL_COOKIE, &headers).unwrap_or_default();
    match app
        .finish_enrolment(token, &f.ceremony, &f.credential)
        .await
    {
        Ok(done) => {
            let forget =
                app.config
                    .cookies()
                    .set(ENROL_COOKIE, "", std::time::Duration::ZERO, "Strict");
            with_cookie(signed_in(&app, done), &forget)
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn step_up_start(State(app): State<App>, headers: HeaderMap) -> Response {
    let result = async {
        let s = signed_json(&app, &headers).await?;
        Ok::<_, Refusal>(app.start_console_step_up(&s.console).await?)
    }
    .await;
    match result {
        Ok(p) => prompt(p),
        Err(e) => e.into_problem(),
    }
}

/// A passed step-up: the new cookie, and the CSRF token that goes with it
/// (the page's forms take it before they are sent).
async fn step_up_finish(
    State(app): State<App>,
    headers: HeaderMap,
    Json(f): Json<Finish>,
) -> Response {
    let result = async {
        let s = signed_json(&app, &headers).await?;
        Ok::<_, Refusal>(
            app.finish_console_step_up(&s.console, &f.ceremony, &f.credential)
                .await?,
        )
    }
    .await;
    match result {
        Ok(cookie) => with_cookie(
            Json(json!({"csrf": csrf_token(&cookie)})).into_response(),
            &session_cookie(&app, &cookie),
        ),
        Err(e) => e.into_problem(),
    }
}

async fn sign_out(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    let result = async {
        let (s, _) = signed_form(&app, &headers, &body).await?;
        app.console_sign_out(&s.console).await?;
        Ok::<_, Refusal>(())
    }
    .await;
    match result {
        Ok(()) => with_cookie(
            see_other("/console"),
            &app.config
                .cookies()
                .set(COOKIE_NAME, "", std::time::Duration::ZERO, "Strict"),
        ),
        Err(e) => e.into_response(),
    }
}

/// One user in the search results.
struct FoundLine {
    /// The user's page.
    href: String,
    service: String,
    user_id: String,
    email: Option<String>,
    phone: Option<String>,
}

#[derive(Template)]
#[template(path = "console/users.html")]
struct UsersPage<'a> {
    t: Texts,
    nav: Nav,
    query: &'a str,
    found: Option<Vec<FoundLine>>,
}

#[derive(Deserialize)]
struct Search {
    q: Option<String>,
}

/// Contacts as the role may see them: in full, or masked.
fn shown(s: &Signed, email: Option<&str>, phone: Option<&str>) -> (Option<String>, Option<String>) {
    if s.console.may(Action::SeeContacts) {
        (email.map(str::to_owned), phone.map(str::to_owned))
    } else {
        (email.map(mask_email), phone.map(mask_phone))
    }
}

async fn users(State(app): State<App>, headers: HeaderMap, Query(q): Query<Search>) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let query = q.q.unwrap_or_default();
        let found = if query.trim().is_empty() {
            None
        } else {
            let found: Vec<Found> = app.find_users(&s.console, &query).await?;
            Some(
                found
                    .into_iter()
                    .map(|f| {
                        let (email, phone) =
                            shown(&s, f.user.email.as_deref(), f.user.phone.as_deref());
                        FoundLine {
                            href: user_path(&f.user.service_id, &f.user.user_id),
                            service: f.service,
                            user_id: f.user.user_id.to_string(),
                            email,
                            phone,
                        }
                    })
                    .collect(),
            )
        };
        let t = texts();
        Ok::<_, Refusal>(console_page(
            &t.get("console-users-title"),
            &UsersPage {
                t,
                nav: Nav::of(&s, app.now()),
                query: &query,
                found,
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

struct MethodLine {
    id: String,
    kind: &'static str,
    strength: &'static str,
    label: Option<String>,
    status: &'static str,
}

struct HeldLine {
    id: String,
    purpose: String,
    until: Option<Timestamp>,
}

struct EventLine {
    at: Timestamp,
    kind: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "console/user.html")]
struct UserPage {
    t: Texts,
    nav: Nav,
    /// `/console/users/{service}/{user}`: the forms post below it.
    base: String,
    user_id: String,
    service: String,
    contacts_masked: bool,
    email: Option<String>,
    phone: Option<String>,
    email_verified: bool,
    phone_verified: bool,
    methods: Vec<MethodLine>,
    locked_until: Option<Timestamp>,
    hold_until: Option<Timestamp>,
    held: Vec<HeldLine>,
    sessions: usize,
    events: Vec<EventLine>,
    /// Which changes the role allows.
    may_unlock: bool,
    may_release: bool,
    may_remove: bool,
    may_end: bool,
    done: Option<String>,
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

fn user_page(s: &Signed, d: Dossier, done: Option<String>, now: Timestamp) -> Response {
    let (email, phone) = shown(s, d.user.email.as_deref(), d.user.phone.as_deref());
    let c = &s.console;
    let page = UserPage {
        t: texts(),
        nav: Nav::of(s, now),
        base: user_path(&d.service.id, &d.user.user_id),
        user_id: d.user.user_id.to_string(),
        service: d.service.name.clone(),
        contacts_masked: !c.may(Action::SeeContacts),
        email,
        phone,
        email_verified: d.user.email_verified,
        phone_verified: d.user.phone_verified,
        methods: d
            .factors
            .iter()
            .map(|f| {
                let kind = MethodKind::of(f);
                MethodLine {
                    id: f.id.to_string(),
                    kind: kind.as_str(),
                    strength: kind.strength().as_str(),
                    label: f.label.clone(),
                    status: f.status.as_str(),
                }
            })
            .collect(),
        locked_until: d.user.locked_until.filter(|until| *until > now),
        hold_until: d.user.security_hold_until.filter(|until| *until > now),
        held: d
            .held
            .iter()
            .map(|ch| HeldLine {
                id: ch.id.to_string(),
                purpose: ch.purpose.clone(),
                until: ch.held_until,
            })
            .collect(),
        sessions: d.sessions.len(),
        events: d
            .events
            .iter()
            .map(|e| EventLine {
                at: e.at,
                kind: e.kind.clone(),
                detail: e.detail.to_string(),
            })
            .collect(),
        may_unlock: c.may(Action::Unlock),
        may_release: c.may(Action::ReleaseHold),
        may_remove: c.may(Action::RemoveMethod),
        may_end: c.may(Action::EndSessions),
        done: done.filter(|d| ["unlocked", "released", "removed", "ended"].contains(&d.as_str())),
    };
    let title = page
        .t
        .msg("console-user-title")
        .arg("user", &page.user_id)
        .to_string();
    console_page(&title, &page)
}

/// A user's page: `/console/users/{service}/{user}`, the user id
/// percent-encoded (ids may hold `@` and `:`).
fn user_path(service_id: &str, user_id: &str) -> String {
    let user: String = form_urlencoded::byte_serialize(user_id.as_bytes()).collect();
    format!("/console/users/{service_id}/{user}")
}

async fn user(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, user_id)): Path<(String, String)>,
    Query(done): Query<Done>,
) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let d = app.dossier(&s.console, &service_id, &user_id).await?;
        Ok::<_, Refusal>(user_page(&s, d, done.done, app.now()))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// What a change form asks.
#[derive(Clone, Copy)]
enum Change {
    Unlock,
    Release,
    Remove,
    EndSessions,
}

impl Change {
    fn done(self) -> &'static str {
        match self {
            Change::Unlock => "unlocked",
            Change::Release => "released",
            Change::Remove => "removed",
            Change::EndSessions => "ended",
        }
    }
}

/// A change form: checked (session, CSRF), made by its use case (role,
/// step-up, reason), then back to the user's page.
async fn change(
    app: &App,
    headers: &HeaderMap,
    body: &Bytes,
    service_id: &str,
    user_id: &str,
    what: Change,
    item: &str,
) -> Response {
    let result = async {
        let (s, fields) = signed_form(app, headers, body).await?;
        let why = field(&fields, "reason");
        let c = &s.console;
        match what {
            Change::Unlock => app.console_unlock(c, service_id, user_id, why).await?,
            Change::Release => {
                app.console_release(c, service_id, user_id, item, why)
                    .await?
            }
            Change::Remove => {
                app.console_remove_method(c, service_id, user_id, item, why)
                    .await?
            }
            Change::EndSessions => {
                app.console_end_sessions(c, service_id, user_id, why)
                    .await?;
            }
        }
        Ok::<_, Refusal>(see_other(&format!(
            "{}?done={}",
            user_path(service_id, user_id),
            what.done()
        )))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn unlock(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, user_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    change(
        &app,
        &headers,
        &body,
        &service_id,
        &user_id,
        Change::Unlock,
        "",
    )
    .await
}

async fn end_sessions(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, user_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let what = Change::EndSessions;
    change(&app, &headers, &body, &service_id, &user_id, what, "").await
}

async fn remove_method(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, user_id, factor)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    let what = Change::Remove;
    change(&app, &headers, &body, &service_id, &user_id, what, &factor).await
}

async fn release(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, user_id, challenge)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    let what = Change::Release;
    change(
        &app,
        &headers,
        &body,
        &service_id,
        &user_id,
        what,
        &challenge,
    )
    .await
}

struct ChainLine {
    service_id: String,
    service: String,
    intact: bool,
    events: u64,
    problem: Option<String>,
}

#[derive(Template)]
#[template(path = "console/audit.html")]
struct AuditPage {
    t: Texts,
    nav: Nav,
    chains: Vec<ChainLine>,
}

async fn audit(State(app): State<App>, headers: HeaderMap) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let checks = app.console_audit(&s.console).await?;
        let services = app.store.services().await.map_err(AppError::from)?;
        let chains = checks
            .into_iter()
            .map(|c| ChainLine {
                service_id: services
                    .iter()
                    .find(|s| s.name == c.service)
                    .map_or_else(String::new, |s| s.id.to_string()),
                service: c.service,
                intact: c.intact,
                events: c.events.unwrap_or(0),
                problem: c.problem,
            })
            .collect();
        let t = texts();
        Ok::<_, Refusal>(console_page(
            &t.get("console-audit-title"),
            &AuditPage {
                t,
                nav: Nav::of(&s, app.now()),
                chains,
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// A service's chain as a JSON Lines download.
async fn audit_export(
    State(app): State<App>,
    headers: HeaderMap,
    Path(service_id): Path<String>,
) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        Ok::<_, Refusal>(app.console_audit_export(&s.console, &service_id).await?)
    }
    .await;
    match result {
        Ok((service, lines)) => (
            [
                (header::CONTENT_TYPE, "application/jsonl".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"audit-{}.jsonl\"", service.id),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            ],
            lines,
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/console", get(home))
        .route("/console/sign-in/start", post(sign_in_start))
        .route("/console/sign-in/finish", post(sign_in_finish))
        .route("/console/enrol/{token}", get(enrol_link))
        .route("/console/enrol", get(enrol_page))
        .route("/console/enrol/start", post(enrol_start))
        .route("/console/enrol/finish", post(enrol_finish))
        .route("/console/step-up/start", post(step_up_start))
        .route("/console/step-up/finish", post(step_up_finish))
        .route("/console/sign-out", post(sign_out))
        .route("/console/users", get(users))
        .route("/console/users/{service_id}/{user_id}", get(user))
        .route("/console/users/{service_id}/{user_id}/unlock", post(unlock))
        .route(
            "/console/users/{service_id}/{user_id}/end-sessions",
            post(end_sessions),
        )
        .route(
            "/console/users/{service_id}/{user_id}/methods/{factor_id}/remove",
            post(remove_method),
        )
        .route(
            "/console/users/{service_id}/{user_id}/held/{challenge_id}/release",
            post(release),
        )
        .route("/console/audit", get(audit))
        .route("/console/audit/{service_id}", get(audit_export))
}
