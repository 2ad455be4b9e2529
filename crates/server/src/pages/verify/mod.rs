//! The hosted verification page (`hosted_url`): where an integrator sends a
//! user to meet a challenge without building screens of its own.
//!
//! Server-rendered forms that work without JavaScript (send a code, type
//! it, pick another way), with `verify.js` adding the resend countdown,
//! passkeys and the wait for an approval on a trusted device. The page acts
//! through the same functions as the API, so every rule (attempts,
//! cooldowns, limits, lockout) holds here too. The challenge id in the
//! address is the capability (128 random bits, good for the challenge's ten
//! minutes); once the challenge is decided the user goes back to the
//! challenge's `return_url`, which the service registered beforehand:
//! never anywhere else.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use countersign_core::challenge::{Challenge, ChallengeStatus};
use countersign_core::policy::{Channel, Method};
use countersign_core::service::Service;
use serde::Deserialize;
use serde_json::json;

use countersign_app::challenges::answer::Answer;
use countersign_app::App;

use crate::error::ApiError;
use crate::extract::ApiJson;

mod page;

use self::page::{State as PageState, VerifyPage};
use super::{
    content_policy, page_with_script, plain_page, texts, unavailable, Family, LangQuery, Shown,
};
use countersign_i18n::Texts;

/// The challenge of a page's address and its service, or `None` for the
/// one 404 page (a malformed or unknown id alike).
/// Only with the page's token (see [`Challenge::page_token_matches`]): the
/// cookie set on the first visit, or `token` from that visit's link.
async fn find(
    app: &App,
    id: &str,
    headers: &HeaderMap,
    token: Option<&str>,
) -> Result<Option<(Challenge, Service)>, ApiError> {
    let Some(token) = token
        .map(str::to_owned)
        .or_else(|| page_cookie(app, id, headers))
    else {
        return Ok(None);
    };
    Ok(app.hosted_challenge(id, &token).await?)
}

/// The cookie that carries the page token after the first visit: one per
/// challenge (its id in the name, see [`countersign_core::cookie::Cookies`]), unreadable by scripts,
/// sent on top-level navigations (`Lax`) so the link from the integrator's
/// site works.
fn page_cookie_name(id: &str) -> String {
    format!("cs_verify_{id}")
}

fn page_cookie(state: &App, id: &str, headers: &HeaderMap) -> Option<String> {
    let cookies = state.config.cookies();
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| cookies.value(&page_cookie_name(id), v))
        .map(str::to_owned)
}

/// The first visit: the token moves from the address (where it could end
/// up in history or logs) into the cookie, and the browser comes back
/// without it.
fn keep_token(state: &App, id: &str, token: &str, lang: Option<&str>) -> Response {
    let cookie = state.config.cookies().set(
        &page_cookie_name(id),
        token,
        std::time::Duration::from_secs(3600),
        "Lax",
    );
    let target = match lang {
        Some(l) if l.len() <= 8 && l.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') => {
            format!("/verify/{id}?lang={l}")
        }
        _ => format!("/verify/{id}"),
    };
    let mut response = Redirect::to(&target).into_response();
    if let Ok(value) = cookie.parse() {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        axum::http::HeaderValue::from_static("no-referrer"),
    );
    response
}

/// The page's language: the user's locale, else `?lang=`, else the
/// browser's.
async fn language(state: &App, c: &Challenge, q: &LangQuery, headers: &HeaderMap) -> Texts {
    let locale = state.user_locale(&c.user_pk).await;
    texts(locale.as_deref(), q.lang.as_deref(), headers)
}

/// Where the user goes once the challenge is decided: the registered
/// return URL with the outcome, or this page (which then shows it).
fn after_decision(c: &Challenge, status: ChallengeStatus, t: Texts) -> String {
    match &c.return_url {
        Some(url) => {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}challenge_id={}&status={}", c.id, status.as_str())
        }
        None => format!("/verify/{}?lang={}", c.id, t.lang()),
    }
}

fn not_found(t: Texts) -> Response {
    plain_page(
        t,
        Family::Verify(None),
        StatusCode::NOT_FOUND,
        "verify-not-found-title",
        "verify-not-found-lead",
    )
}

#[derive(Debug, Default, Deserialize)]
struct PageQuery {
    lang: Option<String>,
    /// The way the user chose ("sms", "totp", …).
    with: Option<String>,
    /// The page token, on the link the integrator hands out.
    t: Option<String>,
}

async fn hosted_page(
    State(state): State<App>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    let lang_q = LangQuery {
        lang: q.lang.clone(),
    };
    match find(&state, &id, &headers, q.t.as_deref()).await {
        Ok(Some(_)) if q.t.is_some() => keep_token(
            &state,
            &id,
            q.t.as_deref().unwrap_or_default(),
            q.lang.as_deref(),
        ),
        Ok(Some((c, service))) => {
            let t = language(&state, &c, &lang_q, &headers).await;
            let chosen = q.with.as_deref().and_then(method_named);
            render(&state, &c, &service, t, chosen, None).await
        }
        Ok(None) => not_found(texts(None, lang_q.lang.as_deref(), &headers)),
        Err(_) => unavailable(
            texts(None, lang_q.lang.as_deref(), &headers),
            Family::Verify(None),
        ),
    }
}

fn method_named(name: &str) -> Option<Method> {
    Method::ALL.into_iter().find(|m| m.as_str() == name)
}

/// Renders the page for the challenge as it is now, with `error` (what went
/// wrong with the user's last action) on top; answers with the error's
/// status so that the failure is visible to machines too.
async fn render(
    state: &App,
    c: &Challenge,
    service: &Service,
    t: Texts,
    chosen: Option<Method>,
    error: Option<&Shown>,
) -> Response {
    let family = Family::Verify(Some(service));
    let Ok(v) = state.challenge_view(c).await else {
        return unavailable(t, family);
    };
    let state_shown = if v.status == ChallengeStatus::Pending {
        PageState::Pending(page::pending(t, &v, chosen, state.now()))
    } else {
        let back = c
            .return_url
            .is_some()
            .then(|| after_decision(c, v.status, t));
        PageState::Finished(page::finished(&v, back))
    };
    let content = VerifyPage {
        t,
        id: c.id.as_str(),
        service: &service.name,
        purpose: &c.purpose,
        payment: v.transaction.as_ref().map(|tx| &tx.details),
        error: error.map(|e| page::error(t, e)),
        done: &v.satisfied,
        state: state_shown,
    };
    let scripts: &[&str] = if v.methods.iter().any(|m| m.kind == Method::Webauthn) {
        &["/assets/webauthn.js", "/assets/verify.js"]
    } else {
        &["/assets/verify.js"]
    };
    let mut response = page_with_script(t, family, &t.get("verify-title"), &content, scripts, &[]);
    if let Some(origin) = c.return_url.as_deref().and_then(origin_of) {
        // Verify and cancel redirect there: a form target for the browser.
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            content_policy(family, Some(&origin)),
        );
    }
    if let Some(e) = error {
        *response.status_mut() = e.status;
    }
    response
}

/// `https://bank.example:8443` of `https://bank.example:8443/verified?x`;
/// `None` for a path on this server.
fn origin_of(url: &str) -> Option<String> {
    let scheme_end = url.find("://")? + 3;
    let host_end = url[scheme_end..]
        .find(['/', '?'])
        .map_or(url.len(), |i| scheme_end + i);
    Some(url[..host_end].to_owned())
}

#[derive(Debug, Deserialize)]
struct SendForm {
    channel: Channel,
}

#[derive(Debug, Deserialize)]
struct CodeForm {
    method: Method,
    code: String,
}

/// Refuses a form posted from another site: the page's forms come from this
/// server's own origin (the public URL, or the WebAuthn origin the browser
/// uses).
fn same_origin(state: &App, headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        // Browsers send Origin on every cross-site POST; its absence is a
        // same-site navigation or a non-browser client.
        return true;
    };
    [&state.config.public_url, &state.config.webauthn.origin]
        .iter()
        .any(|own| origin_of(own).as_deref() == Some(origin))
}

fn forbidden(t: Texts) -> Response {
    let mut response = not_found(t);
    *response.status_mut() = StatusCode::FORBIDDEN;
    response
}

async fn send_from_page(
    State(state): State<App>,
    Path(id): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
    Form(form): Form<SendForm>,
) -> Response {
    let t = texts(None, q.lang.as_deref(), &headers);
    if !same_origin(&state, &headers) {
        return forbidden(t);
    }
    let (c, service) = match find(&state, &id, &headers, None).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(t),
        Err(_) => return unavailable(t, Family::Verify(None)),
    };
    let t = language(&state, &c, &q, &headers).await;
    match state.send_code(&service, &id, form.channel).await {
        Ok(_) => Redirect::to(&format!(
            "/verify/{id}?with={}&lang={}",
            form.channel.as_str(),
            t.lang()
        ))
        .into_response(),
        Err(e) => {
            let c = reload(&state, &c).await;
            let shown = Shown::from(e);
            let chosen = Some(form.channel.method());
            render(&state, &c, &service, t, chosen, Some(&shown)).await
        }
    }
}

/// The challenge as stored now (after an action changed it), or as it was.
async fn reload(state: &App, c: &Challenge) -> Challenge {
    state
        .challenge(&c.service_id, &c.id)
        .await
        .unwrap_or_else(|_| c.clone())
}

async fn code_from_page(
    State(state): State<App>,
    Path(id): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Response {
    let t = texts(None, q.lang.as_deref(), &headers);
    if !same_origin(&state, &headers) {
        return forbidden(t);
    }
    let (c, service) = match find(&state, &id, &headers, None).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(t),
        Err(_) => return unavailable(t, Family::Verify(None)),
    };
    let t = language(&state, &c, &q, &headers).await;
    let answer = Answer {
        method: form.method,
        code: Some(form.code),
        credential: None,
    };
    match state.answer(&service, &id, answer).await {
        // Where to go depends only on the outcome and the return URL, which
        // never changes: no need to read the challenge again.
        Ok(v) => Redirect::to(&next_url(&c, v.status, t)).into_response(),
        Err(e) => {
            let c = reload(&state, &c).await;
            let shown = Shown::from(e);
            render(&state, &c, &service, t, Some(form.method), Some(&shown)).await
        }
    }
}

#[derive(Debug, Deserialize)]
struct PasskeyAnswer {
    credential: serde_json::Value,
}

/// The passkey's answer, from the script: JSON in, JSON out, with where to
/// go next.
async fn passkey_from_page(
    State(state): State<App>,
    Path(id): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<PasskeyAnswer>,
) -> Response {
    let t = texts(None, q.lang.as_deref(), &headers);
    if !same_origin(&state, &headers) {
        return forbidden(t);
    }
    let (c, service) = match find(&state, &id, &headers, None).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(t),
        Err(e) => return e.into_response(),
    };
    let t = language(&state, &c, &q, &headers).await;
    let answer = Answer {
        method: Method::Webauthn,
        code: None,
        credential: Some(body.credential),
    };
    match state.answer(&service, &id, answer).await {
        Ok(v) => {
            Json(json!({"status": v.status, "next": next_url(&c, v.status, t)})).into_response()
        }
        // The script shows `message` (in the page's language).
        Err(e) => {
            let shown = Shown::from(e);
            let message = page::error(t, &shown);
            let code = shown.problem.code;
            (
                shown.status,
                Json(json!({"code": code, "message": message})),
            )
                .into_response()
        }
    }
}

fn next_url(c: &Challenge, status: ChallengeStatus, t: Texts) -> String {
    if status == ChallengeStatus::Pending {
        format!("/verify/{}?lang={}", c.id, t.lang())
    } else {
        after_decision(c, status, t)
    }
}

/// For the script waiting on a device approval: the status and, once it is
/// decided, where to go.
async fn state_for_page(
    State(state): State<App>,
    Path(id): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let t = texts(None, q.lang.as_deref(), &headers);
    match find(&state, &id, &headers, None).await {
        Ok(Some((c, _))) => {
            let status = c.status_at(state.now());
            Json(json!({
                "status": status,
                "satisfied": c.satisfied.len(),
                "next": next_url(&c, status, t),
            }))
            .into_response()
        }
        Ok(None) => not_found(t),
        Err(e) => e.into_response(),
    }
}

async fn cancel_from_page(
    State(state): State<App>,
    Path(id): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let t = texts(None, q.lang.as_deref(), &headers);
    if !same_origin(&state, &headers) {
        return forbidden(t);
    }
    let (c, service) = match find(&state, &id, &headers, None).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(t),
        Err(_) => return unavailable(t, Family::Verify(None)),
    };
    let t = language(&state, &c, &q, &headers).await;
    match state.cancel_challenge(&service.id, &id).await {
        Ok(_) => Redirect::to(&after_decision(&c, ChallengeStatus::Cancelled, t)).into_response(),
        Err(e) => render(&state, &c, &service, t, None, Some(&Shown::from(e))).await,
    }
}

pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/verify/{id}", get(hosted_page))
        .route("/verify/{id}/send", post(send_from_page))
        .route("/verify/{id}/code", post(code_from_page))
        .route("/verify/{id}/passkey", post(passkey_from_page))
        .route("/verify/{id}/state", get(state_for_page))
        .route("/verify/{id}/cancel", post(cancel_from_page))
}
