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
use serde::Deserialize;

mod overview;
mod passkeys;
mod sessions;
mod texts;

use self::texts::{texts, Texts};
use super::{esc, page, Lang, LangQuery, Shown, Trouble};
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
    lang: Lang,
}

impl std::ops::Deref for Portal {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.live
    }
}

impl Portal {
    fn texts(&self) -> &'static Texts {
        texts(self.lang)
    }

    fn csrf(&self) -> String {
        csrf_token(&self.cookie)
    }

    /// The hidden field every form of the security center carries.
    fn csrf_field(&self) -> String {
        format!(
            "<input type=\"hidden\" name=\"csrf\" value=\"{}\">",
            self.csrf()
        )
    }
}

/// The language of a session's pages: the integrator's choice, the user's
/// locale, then the browser's.
fn lang_of(locale: Option<&str>, headers: &HeaderMap) -> Lang {
    Lang::pick(
        &LangQuery {
            lang: locale.map(str::to_owned),
        },
        headers,
    )
}

/// A page with a title and a paragraph, and a link back if given.
fn message(
    lang: Lang,
    status: StatusCode,
    title: &str,
    lead: &str,
    back: Option<(&str, &str)>,
) -> Response {
    let link = back
        .map(|(href, text)| {
            format!(
                "\n<p><a class=\"button\" href=\"{}\">{}</a></p>",
                esc(href),
                esc(text)
            )
        })
        .unwrap_or_default();
    let mut response = page(
        lang,
        title,
        &format!(
            "<h1>{}</h1>\n<p class=\"lead\">{}</p>{link}",
            esc(title),
            esc(lead)
        ),
    );
    *response.status_mut() = status;
    response
}

fn no_session(lang: Lang) -> Response {
    let t = texts(lang);
    message(
        lang,
        StatusCode::UNAUTHORIZED,
        t.session_title,
        t.session_lead,
        None,
    )
}

fn csrf_refused(lang: Lang) -> Response {
    let t = texts(lang);
    message(
        lang,
        StatusCode::FORBIDDEN,
        t.csrf_title,
        t.csrf_lead,
        Some(("/security", t.back)),
    )
}

fn not_found(lang: Lang) -> Response {
    let t = texts(lang);
    message(
        lang,
        StatusCode::NOT_FOUND,
        t.not_found_title,
        t.not_found_lead,
        Some(("/security", t.back)),
    )
}

/// What went wrong, as a page: what the user can do about it.
fn failed(lang: Lang, e: &Shown) -> Response {
    let t = texts(lang);
    let (title, lead) = match e.trouble {
        Trouble::Unsatisfiable => (t.error_title, t.unsatisfiable_lead),
        Trouble::Locked => (t.error_title, t.locked_lead),
        Trouble::Expired => (t.error_title, t.expired_lead),
        Trouble::NotFound => (t.not_found_title, t.not_found_lead),
        _ => (t.error_title, t.error_lead),
    };
    message(lang, e.status, title, lead, Some(("/security", t.back)))
}

/// Why a request was refused, before or after its session was found.
enum Refusal {
    NoSession(Lang),
    Csrf(Lang),
    NotFound(Lang),
    /// A change asked without a fresh step-up, where none can be begun
    /// (the passkey script's JSON call).
    StepUpRequired(Lang),
    Failed(Lang, Shown),
}

impl Refusal {
    fn failed(lang: Lang) -> impl Fn(AppError) -> Refusal {
        move |e| match e {
            AppError::NotFound(Missing::Factor) => Refusal::NotFound(lang),
            e => Refusal::Failed(lang, Shown::from(e)),
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
            Refusal::NoSession(lang) => no_session(lang),
            Refusal::Csrf(lang) => csrf_refused(lang),
            Refusal::NotFound(lang) => not_found(lang),
            Refusal::StepUpRequired(lang) => {
                let t = texts(lang);
                message(
                    lang,
                    StatusCode::FORBIDDEN,
                    t.step_up_first_title,
                    t.step_up_first_lead,
                    Some(("/security", t.back)),
                )
            }
            Refusal::Failed(lang, e) => failed(lang, &e),
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
        .map_err(Refusal::failed(fallback))?
        .ok_or(Refusal::NoSession(fallback))?;
    let lang = lang_of(
        live.session
            .locale
            .as_deref()
            .or(live.user.locale.as_deref()),
        headers,
    );
    Ok(Portal {
        live,
        cookie: cookie.to_owned(),
        lang,
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
        return Err(Refusal::Csrf(p.lang));
    }
    let fields: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let presented = field(&fields, "csrf").unwrap_or_default();
    if !csrf_matches(&p.cookie, presented) {
        return Err(Refusal::Csrf(p.lang));
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
        return Err(Refusal::Csrf(p.lang));
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
        .map_err(Refusal::failed(p.lang))
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
        .map_err(Refusal::failed(p.lang))?;
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
    let t = texts(fallback);
    let gone = || message(fallback, StatusCode::GONE, t.link_title, t.link_lead, None);
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
        Err(e) => return failed(fallback, &Shown::from(e)),
    };
    let (redeemed, user, cookie) = (opened.session, opened.user, opened.cookie);
    let lang = lang_of(
        redeemed.locale.as_deref().or(user.locale.as_deref()),
        &headers,
    );
    let t = texts(lang);
    let mut response = message(
        lang,
        StatusCode::OK,
        t.opening_title,
        t.opening_lead,
        Some(("/security", t.continue_label)),
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
        .map_err(Refusal::failed(p.lang))?;
    // After a security change, the notice offers to end the other sessions.
    let (notice, changed) = match q.notice.as_deref() {
        Some("added") => (Some(t.notice_added), true),
        Some("removed") => (Some(t.notice_removed), true),
        Some("session_ended") => (Some(t.notice_session_ended), false),
        Some("others_ended") => (Some(t.notice_others_ended), false),
        _ => (None, false),
    };
    let html = overview::render(&p, &overview, notice, changed);
    Ok(page(p.lang, t.title, &html))
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
        .map_err(Refusal::failed(p.lang))?;
    let t = p.texts();
    let secret = view.secret.unwrap_or_default();
    let grouped: Vec<String> = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    let svg = view.qr_svg.unwrap_or_default();
    let svg = svg.find("<svg").map_or("", |i| &svg[i..]);
    let html = format!(
        "<h1>{title}</h1>\n<p class=\"lead\">{scan}</p>\n\
         <div class=\"card\">\n<div class=\"qr\" role=\"img\" aria-label=\"{qr}\">{svg}</div>\n\
         <p>{key}</p>\n<p><code id=\"totp-secret\" class=\"secret\">{grouped}</code></p>\n\
         <p><a id=\"otpauth\" href=\"{uri}\">{open}</a></p>\n</div>\n{form}",
        title = esc(t.totp_title),
        scan = esc(t.totp_scan),
        qr = esc(t.totp_qr),
        key = esc(t.totp_key),
        grouped = esc(&grouped.join(" ")),
        uri = esc(&view.otpauth_uri.unwrap_or_default()),
        open = esc(t.totp_open),
        form = totp_form(&p, &view.factor.id, None),
    );
    Ok(page(p.lang, t.totp_title, &html))
}

/// The form that activates a new authenticator with its first code.
fn totp_form(p: &Portal, factor_id: &str, error: Option<&str>) -> String {
    let t = p.texts();
    let (invalid, error) = match error {
        Some(e) => (
            " aria-invalid=\"true\"",
            format!(
                "<p id=\"code-error\" class=\"status bad\" role=\"alert\">{}</p>\n",
                esc(e)
            ),
        ),
        None => ("", String::new()),
    };
    format!(
        "<form class=\"card\" method=\"post\" action=\"/security/totp/{id}/activate\">{csrf}\n\
         <label for=\"code\">{code}</label>\n\
         <input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" required maxlength=\"12\" aria-describedby=\"code-hint{err_ref}\"{invalid}>\n\
         <p id=\"code-hint\" class=\"hint\">{hint}</p>\n{error}\
         <button type=\"submit\">{activate}</button>\n</form>",
        id = esc(factor_id),
        csrf = p.csrf_field(),
        code = esc(t.totp_code),
        err_ref = if error.is_empty() { "" } else { " code-error" },
        hint = esc(t.totp_code_hint),
        activate = esc(t.activate),
    )
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
        return Err(Refusal::NotFound(p.lang));
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
            let html = format!(
                "<h1>{}</h1>\n{}",
                esc(t.totp_title),
                totp_form(&p, &id, Some(t.wrong_code))
            );
            let mut response = page(p.lang, t.totp_title, &html);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(Refusal::failed(p.lang)(e)),
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
        .map_err(Refusal::failed(p.lang))?;
    let t = p.texts();
    let items: String = codes
        .iter()
        .map(|c| format!("<li><code>{}</code></li>\n", esc(c)))
        .collect();
    let others = sessions::others(&state, &p).await?;
    let html = format!(
        "<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n<ol id=\"recovery-codes\" class=\"codes card\">\n{items}</ol>\n\
         {offer}<p><a class=\"button\" href=\"/security\">{done}</a></p>",
        title = esc(t.codes_title),
        lead = esc(t.codes_lead),
        offer = sessions::end_others_offer(&p, others),
        done = esc(t.done),
    );
    Ok(page(p.lang, t.codes_title, &html))
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
        .remove_factor(&p.service, &p.user, &factor, ip.as_deref())
        .await
        .map_err(Refusal::failed(p.lang))?;
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
        .ok_or(Refusal::NotFound(p.lang))?;
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
    let t = p.texts();
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let step_up = state
        .finish_step_up(&p, q.challenge_id.as_deref())
        .await
        .map_err(Refusal::failed(p.lang))?;
    let StepUp::Passed { cookie, confirm } = step_up else {
        return Ok(message(
            p.lang,
            StatusCode::FORBIDDEN,
            t.step_up_title,
            t.step_up_lead,
            Some(("/security", t.back)),
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

/// The page that asks the user to confirm a removal after a step-up (a
/// state change is never made by a GET).
fn confirm_removal(p: &Portal, factor: &Factor) -> Response {
    let t = p.texts();
    let name = t.kind(MethodKind::of(factor));
    let label = factor
        .label
        .as_deref()
        .map(|l| format!(" <span class=\"label\">{}</span>", esc(l)))
        .unwrap_or_default();
    let html = format!(
        "<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n<div class=\"card\">\n<p><strong>{name}</strong>{label}</p>\n\
         <form method=\"post\" action=\"/security/methods/{id}/remove\">{csrf}<button type=\"submit\">{remove}</button></form>\n\
         <p><a class=\"button secondary\" href=\"/security\">{cancel}</a></p>\n</div>",
        title = esc(t.confirm_title),
        lead = esc(t.confirm_lead),
        name = esc(name),
        id = esc(&factor.id),
        csrf = p.csrf_field(),
        remove = esc(t.remove),
        cancel = esc(t.cancel),
    );
    page(p.lang, t.confirm_title, &html)
}

/// The page that lets the user go on with an addition after a step-up:
/// a form for what a POST makes (an authenticator app, recovery codes),
/// a link to the page that adds a passkey or a security key.
fn confirm_addition(p: &Portal, kind: MethodKind) -> Response {
    let t = p.texts();
    let go = match kind {
        MethodKind::Passkey | MethodKind::SecurityKey => format!(
            "<p><a class=\"button\" href=\"{}\">{}</a></p>",
            esc(&passkeys::page_path(kind)),
            esc(t.continue_label)
        ),
        _ => format!(
            "<form method=\"post\" action=\"{}\">{}<button type=\"submit\">{}</button></form>",
            if kind == MethodKind::RecoveryCodes {
                "/security/recovery-codes"
            } else {
                "/security/totp"
            },
            p.csrf_field(),
            esc(t.continue_label)
        ),
    };
    let html = format!(
        "<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n<div class=\"card\">\n<p><strong>{name}</strong></p>\n{go}\n\
         <p><a class=\"button secondary\" href=\"/security\">{back}</a></p>\n</div>",
        title = esc(t.confirm_title),
        lead = esc(t.confirm_add_lead),
        name = esc(t.kind(kind)),
        back = esc(t.back),
    );
    page(p.lang, t.confirm_title, &html)
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
        .map_err(Refusal::failed(p.lang))?;
    let t = p.texts();
    let back = p.session.return_url.as_deref().map(|u| (u, t.back_to_app));
    let mut response = message(
        p.lang,
        StatusCode::OK,
        t.signed_out_title,
        t.signed_out_lead,
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
