//! The security center (`/security`): where a signed-in user sees the ways
//! they prove it is them, adds an authenticator app, a passkey or a
//! security key, gets new recovery codes, removes a method (each change
//! after a step-up verification on the hosted page, which rotates the
//! session's cookie), reviews recent activity, and sees and ends their
//! sessions.
//!
//! It is reached through a portal session (see
//! [`countersign_core::portal`]): the integrator's one-time link sets the
//! session cookie, then every page reads it. Every change is a POST that
//! carries the session's CSRF token (a form field, or `X-CSRF-Token` for the
//! passkey script's JSON calls); a missing or wrong one gets 403 and
//! changes nothing. Changes go through the same functions as the API, so
//! holds and security notices follow.

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use countersign_app::factors::activate::Activation;
use countersign_app::portal::{Confirm, Portal as Session, StepUp};
use countersign_app::{App, AppError, Missing};
use countersign_core::factor::{Factor, FactorType};
use countersign_core::portal::{
    clear_cookie, cookie_value, csrf_matches, csrf_token, set_cookie, MethodKind, Pending,
    SESSION_TTL,
};
use countersign_core::service::Service;
use serde::Deserialize;

mod overview;
mod passkeys;
mod sessions;

use askama::Template;
use countersign_i18n::Texts;

use super::{message_page, page, texts, Family, Shown, Trouble};
use crate::error::ApiError;
use crate::extract::ClientIp;
/// Largest form or JSON body the security center takes.
const MAX_FORM_BYTES: usize = 64 * 1024;
/// Events read to find the recent activity shown.
const ACTIVITY_READ: u32 = 50;
/// Recent activity entries shown.
const ACTIVITY_SHOWN: usize = 10;

/// Everything a request in a live session works with.
struct Portal {
    /// The session, its user and service.
    live: Session,
    /// The cookie's value: the key of the CSRF token.
    cookie: String,
    t: Texts,
}

impl std::ops::Deref for Portal {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.live
    }
}

impl Portal {
    fn texts(&self) -> Texts {
        self.t
    }

    /// The pages' header: the security center of the session's service.
    fn family(&self) -> Family<'_> {
        Family::Security(Some(&self.service))
    }

    /// Where a refusal of this session's requests is shown.
    fn seen(&self) -> Seen {
        Seen {
            t: self.t,
            service: Some(self.service.clone()),
        }
    }

    /// The token every form of the security center carries.
    fn csrf(&self) -> String {
        csrf_token(&self.cookie)
    }
}

/// The language of a session's pages: the integrator's choice, the user's
/// locale, then the browser's.
fn lang_of(locale: Option<&str>, headers: &HeaderMap) -> Texts {
    texts(locale, None, headers)
}

/// A page with a title and a paragraph (message ids), and a link back to
/// the security center, of the session's service when it is known.
fn message(w: &Seen, status: StatusCode, title: &str, lead: &str) -> Response {
    let t = w.t;
    let back = t.get("security-back");
    message_page(
        t,
        Family::Security(w.service.as_ref()),
        status,
        &t.get(title),
        &t.get(lead),
        Some(("/security", &back)),
    )
}

fn no_session(t: Texts) -> Response {
    message_page(
        t,
        Family::Security(None),
        StatusCode::UNAUTHORIZED,
        &t.get("security-session-title"),
        &t.get("security-session-lead"),
        None,
    )
}

/// What went wrong, as a page: what the user can do about it.
fn failed(w: &Seen, e: &Shown) -> Response {
    let (title, lead) = match e.trouble {
        Trouble::Unsatisfiable => ("error-title", "security-unsatisfiable-lead"),
        Trouble::Locked => ("error-title", "security-locked-lead"),
        Trouble::Expired => ("error-title", "security-expired-lead"),
        Trouble::NotFound => ("security-not-found-title", "security-not-found-lead"),
        _ => ("error-title", "security-error-lead"),
    };
    message(w, e.status, title, lead)
}

/// Where a refusal is shown: in the page's language, and once the session
/// is known, under its service's name and brand.
#[derive(Clone)]
struct Seen {
    t: Texts,
    service: Option<Service>,
}

impl Seen {
    /// Before a session is found.
    fn nowhere(t: Texts) -> Seen {
        Seen { t, service: None }
    }
}

/// Why a request was refused, before or after its session was found.
enum Refusal {
    NoSession(Texts),
    Csrf(Seen),
    NotFound(Seen),
    /// A change asked without a fresh step-up, where none can be begun
    /// (the passkey script's JSON call).
    StepUpRequired(Seen),
    Failed(Seen, Shown),
}

impl Refusal {
    fn failed(w: Seen) -> impl Fn(AppError) -> Refusal {
        move |e| match e {
            AppError::NotFound(Missing::Factor) => Refusal::NotFound(w.clone()),
            e => Refusal::Failed(w.clone(), Shown::from(e)),
        }
    }
}

impl Refusal {
    /// For the passkey script's JSON calls: problem+json.
    fn into_problem(self) -> Response {
        match self {
            Refusal::NoSession(_) => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "No session",
                "the security center session has ended; open it again from the app",
            ),
            Refusal::Csrf(_) => ApiError::new(
                StatusCode::FORBIDDEN,
                "csrf_failed",
                "Request not checked",
                "the X-CSRF-Token header is missing or wrong",
            ),
            Refusal::NotFound(_) => ApiError::not_found("factor"),
            Refusal::StepUpRequired(_) => ApiError::new(
                StatusCode::FORBIDDEN,
                "step_up_required",
                "Verification needed",
                "adding a method needs a fresh step-up: POST /security/step-up first",
            ),
            Refusal::Failed(_, e) => e.problem,
        }
        .into_response()
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::NoSession(t) => no_session(t),
            Refusal::Csrf(w) => message(
                &w,
                StatusCode::FORBIDDEN,
                "security-csrf-title",
                "security-csrf-lead",
            ),
            Refusal::NotFound(w) => message(
                &w,
                StatusCode::NOT_FOUND,
                "security-not-found-title",
                "security-not-found-lead",
            ),
            Refusal::StepUpRequired(w) => message(
                &w,
                StatusCode::FORBIDDEN,
                "security-step-up-first-title",
                "security-step-up-first-lead",
            ),
            Refusal::Failed(w, e) => failed(&w, &e),
        }
    }
}

/// The live session of a request's cookie, with its user and service.
async fn portal(app: &App, headers: &HeaderMap) -> Result<Portal, Refusal> {
    let fallback = lang_of(None, headers);
    let Some(cookie) = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| cookie_value(app.config.cookies(), h))
    else {
        return Err(Refusal::NoSession(fallback));
    };
    let live = app
        .portal(cookie)
        .await
        .map_err(Refusal::failed(Seen::nowhere(fallback)))?
        .ok_or(Refusal::NoSession(fallback))?;
    let t = lang_of(
        live.session
            .locale
            .as_deref()
            .or(live.user.locale.as_deref()),
        headers,
    );
    Ok(Portal {
        live,
        cookie: cookie.to_owned(),
        t,
    })
}

/// The session of a form post whose `csrf` field is right, and the form.
async fn portal_form(
    state: &App,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<(Portal, Vec<(String, String)>), Refusal> {
    let p = portal(state, headers).await?;
    if body.len() > MAX_FORM_BYTES {
        return Err(Refusal::Csrf(p.seen()));
    }
    let fields: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let presented = field(&fields, "csrf").unwrap_or_default();
    if !csrf_matches(&p.cookie, presented) {
        return Err(Refusal::Csrf(p.seen()));
    }
    Ok((p, fields))
}

/// The session of a JSON call whose `X-CSRF-Token` header is right.
async fn portal_json(state: &App, headers: &HeaderMap) -> Result<Portal, Refusal> {
    let p = portal(state, headers).await?;
    let presented = headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !csrf_matches(&p.cookie, presented) {
        return Err(Refusal::Csrf(p.seen()));
    }
    Ok(p)
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// One of the session user's factors, by the id in an address.
async fn own_factor(app: &App, p: &Portal, id: &str) -> Result<Factor, Refusal> {
    app.own_factor(&p.user, id)
        .await
        .map_err(Refusal::failed(p.seen()))
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

/// Gives the browser the session cookie `cookie`.
fn set_session_cookie(state: &App, response: &mut Response, cookie: &str) {
    if let Ok(v) = HeaderValue::from_str(&set_cookie(state.config.cookies(), cookie, SESSION_TTL)) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
}

/// A change that needs a fresh step-up: `None` when the session passed
/// one lately (go ahead), else the step-up begun for `pending` and the
/// redirect to its hosted page, which brings the user back to
/// [`step_up_done`].
async fn step_up_first(
    state: &App,
    p: &Portal,
    pending: Pending,
    ip: Option<String>,
) -> Result<Option<Response>, Refusal> {
    if p.session.stepped_up(state.now()) {
        return Ok(None);
    }
    let hosted = state
        .begin_step_up(p, pending, ip)
        .await
        .map_err(Refusal::failed(p.seen()))?;
    Ok(Some(see_other(&hosted)))
}

/// `GET /security/open/{token}`: redeems the integrator's one-time link
/// and gives the browser a new session cookie (never one it brought:
/// session fixation). The answer moves on to `/security` with a `Refresh`
/// rather than a redirect: the navigation then starts from this site, so
/// the browser sends the SameSite=Strict cookie even when the link was
/// followed from the integrator's site (a cross-site redirect chain would
/// not carry it).
async fn open_link(
    State(state): State<App>,
    path: Result<Path<String>, PathRejection>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
) -> Response {
    let fallback = lang_of(None, &headers);
    let gone = || {
        message_page(
            fallback,
            Family::Security(None),
            StatusCode::GONE,
            &fallback.get("security-link-title"),
            &fallback.get("security-link-lead"),
            None,
        )
    };
    let Ok(Path(token)) = path else {
        return gone();
    };
    let ip = ip.map(|ip| ip.to_canonical().to_string());
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    let opened = match state
        .open_portal_link(&token, ip.as_deref(), user_agent)
        .await
    {
        Ok(Some(opened)) => opened,
        Ok(None) => return gone(),
        Err(e) => return failed(&Seen::nowhere(fallback), &Shown::from(e)),
    };
    let (redeemed, user, cookie) = (opened.session, opened.user, opened.cookie);
    let t = lang_of(
        redeemed.locale.as_deref().or(user.locale.as_deref()),
        &headers,
    );
    let go_on = t.get("security-continue");
    let mut response = message_page(
        t,
        Family::Security(None),
        StatusCode::OK,
        &t.get("security-opening-title"),
        &t.get("security-opening-lead"),
        Some(("/security", &go_on)),
    );
    set_session_cookie(&state, &mut response, &cookie);
    let headers = response.headers_mut();
    headers.insert("refresh", HeaderValue::from_static("0; url=/security"));
    // The address holds the link's token: never send it on, not even to
    // this site's own pages.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

#[derive(Debug, Default, Deserialize)]
struct OverviewQuery {
    notice: Option<String>,
}

/// `GET /security`: the account's methods with their strength, contacts,
/// trusted devices, recovery codes and recent activity.
async fn overview(
    State(state): State<App>,
    query: Result<Query<OverviewQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let p = portal(&state, &headers).await?;
    let t = p.texts();
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let overview = state
        .security_overview(&p, ACTIVITY_READ)
        .await
        .map_err(Refusal::failed(p.seen()))?;
    // After a security change, the notice offers to end the other sessions.
    let (notice, changed) = match q.notice.as_deref() {
        Some("added") => (Some("security-notice-added"), true),
        Some("removed") => (Some("security-notice-removed"), true),
        Some("session_ended") => (Some("security-notice-session-ended"), false),
        Some("others_ended") => (Some("security-notice-others-ended"), false),
        _ => (None, false),
    };
    let content = overview::render(&p, &overview, notice, changed);
    Ok(page(t, p.family(), &t.get("security-title"), &content))
}

/// `POST /security/totp`: a new authenticator app, after a fresh step-up
/// (else the step-up begins). The page shows its key (QR code, base32,
/// otpauth link) this once; `page` sends `no-store`.
async fn start_totp(
    State(state): State<App>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Refusal> {
    let (p, _) = portal_form(&state, &headers, &body).await?;
    let ip = ip.map(|ip| ip.to_canonical().to_string());
    let adding = Pending::Addition(MethodKind::AuthenticatorApp);
    if let Some(step_up) = step_up_first(&state, &p, adding, ip).await? {
        return Ok(step_up);
    }
    let view = state
        .enrol_authenticator_app(&p.service, &p.user)
        .await
        .map_err(Refusal::failed(p.seen()))?;
    let t = p.texts();
    let secret = view.secret.unwrap_or_default();
    let grouped: Vec<String> = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    let svg = view.qr_svg.unwrap_or_default();
    let content = TotpPage {
        t,
        csrf: p.csrf(),
        factor_id: view.factor.id.to_string(),
        wrong_code: false,
        key: Some(TotpKey {
            // The QR code's SVG, drawn by the qrcode crate from the key
            // (its modules carry the data; no text from anyone).
            qr_svg: svg.find("<svg").map_or("", |i| &svg[i..]).to_owned(),
            grouped: grouped.join(" "),
            uri: view.otpauth_uri.unwrap_or_default(),
        }),
    };
    Ok(page(t, p.family(), &t.get("security-totp-title"), &content))
}

/// The page that adds an authenticator app: its key this once, and the
/// form for its first code (again after a wrong one, without the key).
#[derive(Template)]
#[template(path = "security/totp.html")]
struct TotpPage {
    t: Texts,
    csrf: String,
    factor_id: String,
    wrong_code: bool,
    key: Option<TotpKey>,
}

struct TotpKey {
    qr_svg: String,
    /// The base32 key in groups of four.
    grouped: String,
    /// `otpauth://…`, for an app on this device.
    uri: String,
}

/// `POST /security/totp/{id}/activate`: the first code from the app.
async fn activate_totp(
    State(state): State<App>,
    Path(id): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Refusal> {
    let (p, fields) = portal_form(&state, &headers, &body).await?;
    let factor = own_factor(&state, &p, &id).await?;
    if factor.kind != FactorType::Totp {
        return Err(Refusal::NotFound(p.seen()));
    }
    let proof = Activation {
        code: Some(field(&fields, "code").unwrap_or_default().to_owned()),
        ..Activation::default()
    };
    let ip = ip.map(|ip| ip.to_canonical().to_string());
    match state
        .activate(&p.service, &p.user, factor, proof, ip.as_deref())
        .await
    {
        Ok(_) => Ok(see_other("/security?notice=added")),
        Err(AppError::WrongCode { .. }) => {
            let t = p.texts();
            let content = TotpPage {
                t,
                csrf: p.csrf(),
                factor_id: id,
                wrong_code: true,
                key: None,
            };
            let mut response = page(t, p.family(), &t.get("security-totp-title"), &content);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(Refusal::failed(p.seen())(e)),
    }
}

/// `POST /security/recovery-codes`: a new set after a fresh step-up (else
/// the step-up begins), shown this once (`page` sends `no-store`); the old
/// set stops working. The page offers to end the other sessions.
async fn new_recovery_codes(
    State(state): State<App>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Refusal> {
    let (p, _) = portal_form(&state, &headers, &body).await?;
    let ip = ip.map(|ip| ip.to_canonical().to_string());
    let adding = Pending::Addition(MethodKind::RecoveryCodes);
    if let Some(step_up) = step_up_first(&state, &p, adding, ip.clone()).await? {
        return Ok(step_up);
    }
    let (_, codes) = state
        .replace_recovery_codes(&p.service, &p.user, ip.as_deref())
        .await
        .map_err(Refusal::failed(p.seen()))?;
    let t = p.texts();
    let content = CodesPage {
        t,
        csrf: p.csrf(),
        codes,
        others: sessions::others(&state, &p).await?,
    };
    Ok(page(
        t,
        p.family(),
        &t.get("security-codes-title"),
        &content,
    ))
}

/// New recovery codes, shown this once, and the offer to end the other
/// sessions.
#[derive(Template)]
#[template(path = "security/codes.html")]
struct CodesPage {
    t: Texts,
    csrf: String,
    codes: Vec<String>,
    others: usize,
}

/// `POST /security/methods/{id}/remove`: removes a method after a fresh
/// step-up (else the step-up begins).
async fn remove_method(
    State(state): State<App>,
    Path(id): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Refusal> {
    let (p, _) = portal_form(&state, &headers, &body).await?;
    let factor = own_factor(&state, &p, &id).await?;
    let ip = ip.map(|ip| ip.to_canonical().to_string());
    let removing = Pending::Removal(factor.id.to_string());
    if let Some(step_up) = step_up_first(&state, &p, removing, ip.clone()).await? {
        return Ok(step_up);
    }
    state
        .remove_factor(
            &p.service,
            &p.user,
            &factor,
            ip.as_deref(),
            serde_json::json!({}),
        )
        .await
        .map_err(Refusal::failed(p.seen()))?;
    Ok(see_other("/security?notice=removed"))
}

/// `POST /security/step-up` (form: `for` = `passkey` or `security_key`):
/// begins the step-up that adding a passkey or a security key needs (the
/// page that adds one is a GET, which changes nothing); back to that page
/// when the session passed one lately.
async fn step_up(
    State(state): State<App>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Refusal> {
    let (p, fields) = portal_form(&state, &headers, &body).await?;
    let kind = field(&fields, "for")
        .and_then(MethodKind::addable)
        .filter(|k| matches!(k, MethodKind::Passkey | MethodKind::SecurityKey))
        .ok_or(Refusal::NotFound(p.seen()))?;
    let ip = ip.map(|ip| ip.to_canonical().to_string());
    if let Some(step_up) = step_up_first(&state, &p, Pending::Addition(kind), ip).await? {
        return Ok(step_up);
    }
    Ok(see_other(&passkeys::page_path(kind)))
}

#[derive(Debug, Default, Deserialize)]
struct StepUpQuery {
    challenge_id: Option<String>,
}

/// `GET /security/step-up/done?challenge_id=…`: back from the hosted page.
/// The challenge must be the one this session started, for its user,
/// approved, and not used before; then changes are allowed for
/// `STEP_UP_TTL`, the browser gets the session's new cookie (the old one
/// stops working), and the change the user asked for waits for their
/// confirmation (a state change is never made by a GET).
async fn step_up_done(
    State(state): State<App>,
    query: Result<Query<StepUpQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let mut p = portal(&state, &headers).await?;
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let step_up = state
        .finish_step_up(&p, q.challenge_id.as_deref())
        .await
        .map_err(Refusal::failed(p.seen()))?;
    let StepUp::Passed { cookie, confirm } = step_up else {
        return Ok(message(
            &p.seen(),
            StatusCode::FORBIDDEN,
            "security-step-up-title",
            "security-step-up-lead",
        ));
    };
    // The forms of the page below carry the new cookie's CSRF token.
    p.cookie = cookie;
    let mut response = match confirm {
        None => see_other("/security"),
        Some(Confirm::Removal(factor)) => confirm_removal(&p, &factor),
        Some(Confirm::Addition(kind)) => confirm_addition(&p, kind),
    };
    set_session_cookie(&state, &mut response, &p.cookie);
    Ok(response)
}

/// What a passed step-up waits for: the user's go-ahead.
enum Confirming<'a> {
    /// Remove this factor (id, kind, label).
    Removal(&'a str, MethodKind, Option<&'a str>),
    Addition(MethodKind),
}

/// Where an addition goes on.
enum Onwards {
    /// The page that adds a passkey or a security key.
    Link(String),
    /// The POST that makes an authenticator app or recovery codes.
    Form(&'static str),
}

/// The page that asks the user to confirm the change after a step-up (a
/// state change is never made by a GET).
#[derive(Template)]
#[template(path = "security/confirm.html")]
struct ConfirmPage<'a> {
    t: Texts,
    csrf: String,
    confirm: Confirming<'a>,
}

impl ConfirmPage<'_> {
    fn next_step(&self, kind: &MethodKind) -> Onwards {
        match kind {
            MethodKind::Passkey | MethodKind::SecurityKey => {
                Onwards::Link(passkeys::page_path(*kind))
            }
            MethodKind::RecoveryCodes => Onwards::Form("/security/recovery-codes"),
            _ => Onwards::Form("/security/totp"),
        }
    }
}

fn confirm_removal(p: &Portal, factor: &Factor) -> Response {
    let t = p.texts();
    let content = ConfirmPage {
        t,
        csrf: p.csrf(),
        confirm: Confirming::Removal(
            factor.id.as_str(),
            MethodKind::of(factor),
            factor.label.as_deref(),
        ),
    };
    page(t, p.family(), &t.get("security-confirm-title"), &content)
}

fn confirm_addition(p: &Portal, kind: MethodKind) -> Response {
    let t = p.texts();
    let content = ConfirmPage {
        t,
        csrf: p.csrf(),
        confirm: Confirming::Addition(kind),
    };
    page(t, p.family(), &t.get("security-confirm-title"), &content)
}

/// `POST /security/sign-out`: ends the session and clears the cookie.
async fn sign_out(
    State(state): State<App>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Refusal> {
    let (p, _) = portal_form(&state, &headers, &body).await?;
    state
        .end_portal_session(&p)
        .await
        .map_err(Refusal::failed(p.seen()))?;
    let t = p.texts();
    let back_to_app = t.get("security-back-to-app");
    let back = p
        .session
        .return_url
        .as_deref()
        .map(|u| (u, back_to_app.as_str()));
    let mut response = message_page(
        t,
        Family::Security(Some(&p.service)),
        StatusCode::OK,
        &t.get("security-signed-out-title"),
        &t.get("security-signed-out-lead"),
        back,
    );
    if let Ok(v) = HeaderValue::from_str(&clear_cookie(state.config.cookies())) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(response)
}

/// The security center's pages, its JSON calls and its script.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/security", get(overview))
        .route("/security/open/{token}", get(open_link))
        .route("/security/totp", post(start_totp))
        .route("/security/totp/{id}/activate", post(activate_totp))
        .route(
            "/security/webauthn",
            get(passkeys::page).post(passkeys::start),
        )
        .route("/security/webauthn/{id}/activate", post(passkeys::finish))
        .route("/security/recovery-codes", post(new_recovery_codes))
        .route("/security/methods/{id}/remove", post(remove_method))
        .route("/security/step-up", post(step_up))
        .route("/security/step-up/done", get(step_up_done))
        .route("/security/sessions/{id}/end", post(sessions::end_one))
        .route("/security/sessions/end-others", post(sessions::end_others))
        .route("/security/sign-out", post(sign_out))
        .route(
            "/assets/security.js",
            get(|| async {
                super::asset(
                    "text/javascript; charset=utf-8",
                    include_str!("../../../assets/security.js"),
                )
            }),
        )
}
