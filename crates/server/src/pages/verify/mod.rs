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
use countersign_core::Timestamp;
use serde::Deserialize;
use serde_json::json;

use countersign_app::challenges::answer::Answer;
use countersign_app::views::{ChallengeView, MethodView};
use countersign_app::App;

use crate::error::ApiError;
use crate::extract::ApiJson;

mod texts;

use self::texts::texts;
use super::{content_policy, esc, page_with_script, plain_page, Lang, LangQuery, Shown};

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

/// The page's language: `?lang=`, else the user's locale, else the browser's.
async fn language(state: &App, c: &Challenge, q: &LangQuery, headers: &HeaderMap) -> Lang {
    if q.lang.is_some() {
        return Lang::pick(q, headers);
    }
    let locale = state.user_locale(&c.user_pk).await;
    Lang::pick(&LangQuery { lang: locale }, headers)
}

/// Where the user goes once the challenge is decided: the registered
/// return URL with the outcome, or this page (which then shows it).
fn after_decision(c: &Challenge, status: ChallengeStatus, lang: Lang) -> String {
    match &c.return_url {
        Some(url) => {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}challenge_id={}&status={}", c.id, status.as_str())
        }
        None => format!("/verify/{}?lang={}", c.id, lang.code()),
    }
}

fn not_found(lang: Lang) -> Response {
    let t = texts(lang);
    plain_page(
        lang,
        StatusCode::NOT_FOUND,
        t.not_found_title,
        t.not_found_lead,
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
            let lang = language(&state, &c, &lang_q, &headers).await;
            let chosen = q.with.as_deref().and_then(method_named);
            render(&state, &c, &service, lang, chosen, None).await
        }
        Ok(None) => not_found(Lang::pick(&lang_q, &headers)),
        Err(e) => e.into_response(),
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
    lang: Lang,
    chosen: Option<Method>,
    error: Option<&Shown>,
) -> Response {
    let v = match state.challenge_view(c).await {
        Ok(v) => v,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let t = texts(lang);
    let mut html = format!(
        "<h1>{}</h1>\n<p class=\"lead\">{}</p>\n",
        esc(t.title),
        esc(&t
            .lead
            .replace("{service}", &service.name)
            .replace("{purpose}", t.purpose(&c.purpose)))
    );
    if let Some(tx) = &v.transaction {
        html.push_str(&format!(
            "<section class=\"card payment\" aria-labelledby=\"payment-title\">\n<h2 id=\"payment-title\">{}</h2>\n<dl>\n<dt>{}</dt><dd><strong>{} {}</strong></dd>\n",
            esc(t.payment),
            esc(t.amount),
            esc(&tx.details.amount),
            esc(&tx.details.currency)
        ));
        if let Some(p) = &tx.details.payee {
            html.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(t.payee), esc(p)));
        }
        if let Some(d) = &tx.details.destination {
            html.push_str(&format!(
                "<dt>{}</dt><dd class=\"mono\">{}</dd>\n",
                esc(t.destination),
                esc(d)
            ));
        }
        html.push_str("</dl>\n</section>\n");
    }
    if let Some(e) = error {
        html.push_str(&format!(
            "<p class=\"alert\" role=\"alert\">{}</p>\n",
            esc(&t.error(e))
        ));
    }
    if !v.satisfied.is_empty() {
        let done: Vec<String> = v
            .satisfied
            .iter()
            .map(|m| format!("<li>✓ {}: {}</li>", esc(t.done), esc(t.method(*m))))
            .collect();
        html.push_str(&format!("<ul class=\"done\">{}</ul>\n", done.join("")));
    }
    if v.status == ChallengeStatus::Pending {
        html.push_str(&pending_section(c, &v, service, lang, chosen, state.now()));
    } else {
        html.push_str(&finished_section(c, &v, service, lang));
    }
    let scripts: &[&str] = if v.methods.iter().any(|m| m.kind == Method::Webauthn) {
        &["/assets/webauthn.js", "/assets/verify.js"]
    } else {
        &["/assets/verify.js"]
    };
    let mut response = page_with_script(lang, t.title, &html, scripts);
    if let Some(origin) = c.return_url.as_deref().and_then(origin_of) {
        // Verify and cancel redirect there: a form target for the browser.
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            content_policy(Some(&origin)),
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

fn finished_section(c: &Challenge, v: &ChallengeView, service: &Service, lang: Lang) -> String {
    let t = texts(lang);
    let text = t
        .finished
        .iter()
        .find(|(s, _)| *s == v.status)
        .map_or("", |(_, text)| *text)
        .replace("{service}", &service.name)
        .replace(
            "{until}",
            &v.held_until.map(|h| h.to_rfc3339()).unwrap_or_default(),
        );
    let class = if matches!(v.status, ChallengeStatus::Approved | ChallengeStatus::Held) {
        "ok"
    } else {
        "bad"
    };
    let mut html = format!(
        "<section class=\"card\">\n<p class=\"status {class}\" role=\"status\">{}</p>\n",
        esc(&text)
    );
    if c.return_url.is_some() {
        html.push_str(&format!(
            "<a class=\"button\" href=\"{}\">{}</a>\n",
            esc(&after_decision(c, v.status, lang)),
            esc(&t.back_to.replace("{service}", &service.name))
        ));
    }
    html.push_str("</section>\n");
    html
}

/// The way to show first: the one the user chose, else the channel of the
/// latest code sent, else the strongest way offered.
fn first_way(v: &ChallengeView, chosen: Option<Method>) -> Option<Method> {
    let usable = |m: Method| v.methods.iter().any(|mv| mv.kind == m);
    chosen
        .filter(|m| usable(*m))
        .or_else(|| {
            v.messages
                .iter()
                .rev()
                .map(|msg| msg.channel.method())
                .find(|m| usable(*m))
        })
        .or_else(|| v.methods.first().map(|m| m.kind))
}

fn pending_section(
    c: &Challenge,
    v: &ChallengeView,
    service: &Service,
    lang: Lang,
    chosen: Option<Method>,
    now: Timestamp,
) -> String {
    let t = texts(lang);
    let l = lang.code();
    let mut html = String::new();
    if !v.satisfied.is_empty() {
        html.push_str(&format!("<p>{}</p>\n", esc(t.next_step)));
    }
    let Some(first) = first_way(v, chosen) else {
        return html;
    };
    let sent: Vec<Channel> = v.messages.iter().map(|m| m.channel).collect();
    let first_view = v.methods.iter().find(|m| m.kind == first);
    html.push_str("<section class=\"card\" aria-labelledby=\"way-title\">\n");
    html.push_str(&format!(
        "<h2 id=\"way-title\">{}</h2>\n",
        esc(t.method(first))
    ));
    match first {
        Method::Webauthn => {
            let options = first_view
                .and_then(|m| m.options.as_ref())
                .map(|o| o.to_string())
                .unwrap_or_default();
            html.push_str(&format!(
                "<p class=\"hint\">{}</p>\n<script type=\"application/json\" id=\"webauthn-options\">{}</script>\n\
                 <button type=\"button\" id=\"use-passkey\" data-challenge=\"{id}\">{}</button>\n",
                esc(t.passkey_hint),
                // JSON inside <script>: `<` is escaped so that no text can close the tag.
                options.replace('<', "\\u003c"),
                esc(t.passkey),
                id = c.id
            ));
        }
        Method::Device => {
            let number = first_view.and_then(|m| m.number).unwrap_or_default();
            html.push_str(&format!(
                "<p class=\"number\" aria-label=\"{number}\">{number}</p>\n<p>{}</p>\n\
                 <p class=\"status\" role=\"status\" aria-live=\"polite\" id=\"device-wait\" data-poll=\"/verify/{id}/state?lang={l}\" data-satisfied=\"{done}\">{}</p>\n\
                 <a class=\"button secondary\" href=\"/verify/{id}?with=device&amp;lang={l}\">{}</a>\n",
                esc(&t
                    .device
                    .replace("{service}", &service.name)
                    .replace("{number}", &number.to_string())),
                esc(t.device_waiting),
                esc(t.device_check),
                id = c.id,
                done = v.satisfied.len()
            ));
        }
        m => match m.channel() {
            Some(ch) if !sent.contains(&ch) => html.push_str(&send_form(c, ch, v, lang)),
            _ => html.push_str(&code_form(c, m, first_view, lang)),
        },
    }
    if let Some(ch) = first.channel().filter(|ch| sent.contains(ch)) {
        html.push_str(&resend_note(v, now, lang));
        html.push_str(&format!(
            "<details class=\"alternatives\" open>\n<summary>{}</summary>\n",
            esc(t.not_received)
        ));
        html.push_str(&other_ways(c, v, Some(ch), first, lang));
        html.push_str("</details>\n");
    } else if v.methods.len() > 1 {
        html.push_str(&format!(
            "<details class=\"alternatives\">\n<summary>{}</summary>\n",
            esc(t.other_ways)
        ));
        html.push_str(&other_ways(c, v, None, first, lang));
        html.push_str("</details>\n");
    }
    html.push_str("</section>\n");
    html.push_str(&format!(
        "<form method=\"post\" action=\"/verify/{id}/cancel?lang={l}\" class=\"quiet\">\n\
         <button type=\"submit\" class=\"link\">{}</button>\n</form>\n",
        esc(t.cancel),
        id = c.id
    ));
    html
}

/// "You can ask for a new code in 0:27", counted down by the script from
/// the seconds left on the server's clock (the browser's may be wrong).
fn resend_note(v: &ChallengeView, now: Timestamp, lang: Lang) -> String {
    let t = texts(lang);
    let left = v.resend_available_at.map_or(0, |at| now.seconds_until(at));
    let text = if left == 0 {
        t.resend_ready.to_owned()
    } else {
        t.resend_wait
            .replace("{time}", &format!("{}:{:02}", left / 60, left % 60))
    };
    format!(
        "<p class=\"hint\" id=\"resend\" data-seconds=\"{left}\" data-wait=\"{}\" data-ready=\"{}\" aria-live=\"polite\">{}</p>\n",
        esc(t.resend_wait),
        esc(t.resend_ready),
        esc(&text)
    )
}

fn send_form(c: &Challenge, ch: Channel, v: &ChallengeView, lang: Lang) -> String {
    let t = texts(lang);
    let to = v
        .methods
        .iter()
        .find(|m| m.kind == ch.method())
        .and_then(|m| m.to.clone())
        .unwrap_or_default();
    format!(
        "<p>{}</p>\n<form method=\"post\" action=\"/verify/{id}/send?lang={l}\">\n\
         <input type=\"hidden\" name=\"channel\" value=\"{ch}\">\n\
         <button type=\"submit\" data-wait-resend>{}</button>\n</form>\n",
        esc(&to),
        esc(t.send_label(ch)),
        id = c.id,
        l = lang.code(),
        ch = ch.as_str()
    )
}

fn code_form(c: &Challenge, m: Method, mv: Option<&MethodView>, lang: Lang) -> String {
    let t = texts(lang);
    let label = match m {
        Method::Totp => t.code_totp.to_owned(),
        Method::Hotp => t.code_hotp.to_owned(),
        Method::RecoveryCode => t.code_recovery.to_owned(),
        _ => t
            .code_sent
            .replace("{to}", &mv.and_then(|v| v.to.clone()).unwrap_or_default()),
    };
    let numeric = if m == Method::RecoveryCode {
        "text"
    } else {
        "numeric"
    };
    format!(
        "<form method=\"post\" action=\"/verify/{id}/code?lang={l}\">\n\
         <input type=\"hidden\" name=\"method\" value=\"{method}\">\n\
         <label for=\"code\">{label}</label>\n\
         <input id=\"code\" name=\"code\" inputmode=\"{numeric}\" autocomplete=\"one-time-code\" autocapitalize=\"off\" spellcheck=\"false\" required autofocus maxlength=\"64\">\n\
         <button type=\"submit\">{verify}</button>\n</form>\n",
        id = c.id,
        l = lang.code(),
        method = m.as_str(),
        label = esc(&label),
        verify = esc(t.verify),
    )
}

/// The other usable ways: sending on another channel ("call me instead"),
/// or another method to choose.
fn other_ways(
    c: &Challenge,
    v: &ChallengeView,
    failed: Option<Channel>,
    shown: Method,
    lang: Lang,
) -> String {
    let t = texts(lang);
    let l = lang.code();
    let mut html = String::from("<ul class=\"ways\">\n");
    for mv in v
        .methods
        .iter()
        .filter(|m| m.kind != shown || failed.is_some())
    {
        match mv.kind.channel() {
            Some(ch) => {
                // The channel that failed too: a new code on it.
                let label = format!("{} ({})", t.send_label(ch), mv.to.clone().unwrap_or_default());
                html.push_str(&format!(
                    "<li><form method=\"post\" action=\"/verify/{id}/send?lang={l}\">\
                     <input type=\"hidden\" name=\"channel\" value=\"{ch}\">\
                     <button type=\"submit\" class=\"secondary\" data-wait-resend>{}</button></form></li>\n",
                    esc(&label),
                    id = c.id,
                    ch = ch.as_str()
                ));
            }
            None => html.push_str(&format!(
                "<li><a class=\"button secondary\" href=\"/verify/{id}?with={m}&amp;lang={l}\">{}</a></li>\n",
                esc(t.method(mv.kind)),
                id = c.id,
                m = mv.kind.as_str()
            )),
        }
    }
    html.push_str("</ul>\n");
    if failed.is_none() {
        html = format!("<p class=\"hint\">{}</p>\n{html}", esc(t.choose));
    }
    html
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

fn forbidden(lang: Lang) -> Response {
    let mut response = not_found(lang);
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
    let lang = Lang::pick(&q, &headers);
    if !same_origin(&state, &headers) {
        return forbidden(lang);
    }
    let (c, service) = match find(&state, &id, &headers, None).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(lang),
        Err(e) => return e.into_response(),
    };
    let lang = language(&state, &c, &q, &headers).await;
    match state.send_code(&service, &id, form.channel).await {
        Ok(_) => Redirect::to(&format!(
            "/verify/{id}?with={}&lang={}",
            form.channel.as_str(),
            lang.code()
        ))
        .into_response(),
        Err(e) => {
            let c = reload(&state, &c).await;
            let shown = Shown::from(e);
            let chosen = Some(form.channel.method());
            render(&state, &c, &service, lang, chosen, Some(&shown)).await
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
    let lang = Lang::pick(&q, &headers);
    if !same_origin(&state, &headers) {
        return forbidden(lang);
    }
    let (c, service) = match find(&state, &id, &headers, None).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(lang),
        Err(e) => return e.into_response(),
    };
    let lang = language(&state, &c, &q, &headers).await;
    let answer = Answer {
        method: form.method,
        code: Some(form.code),
        credential: None,
    };
    match state.answer(&service, &id, answer).await {
        // Where to go depends only on the outcome and the return URL, which
        // never changes: no need to read the challenge again.
        Ok(v) => Redirect::to(&next_url(&c, v.status, lang)).into_response(),
        Err(e) => {
            let c = reload(&state, &c).await;
            let shown = Shown::from(e);
            render(&state, &c, &service, lang, Some(form.method), Some(&shown)).await
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
    let lang = Lang::pick(&q, &headers);
    if !same_origin(&state, &headers) {
        return forbidden(lang);
    }
    let (c, service) = match find(&state, &id, &headers, None).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(lang),
        Err(e) => return e.into_response(),
    };
    let lang = language(&state, &c, &q, &headers).await;
    let answer = Answer {
        method: Method::Webauthn,
        code: None,
        credential: Some(body.credential),
    };
    match state.answer(&service, &id, answer).await {
        Ok(v) => {
            Json(json!({"status": v.status, "next": next_url(&c, v.status, lang)})).into_response()
        }
        // The script shows `message` (in the page's language).
        Err(e) => {
            let shown = Shown::from(e);
            let message = texts(lang).error(&shown);
            let code = shown.problem.code;
            (
                shown.status,
                Json(json!({"code": code, "message": message})),
            )
                .into_response()
        }
    }
}

fn next_url(c: &Challenge, status: ChallengeStatus, lang: Lang) -> String {
    if status == ChallengeStatus::Pending {
        format!("/verify/{}?lang={}", c.id, lang.code())
    } else {
        after_decision(c, status, lang)
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
    let lang = Lang::pick(&q, &headers);
    match find(&state, &id, &headers, None).await {
        Ok(Some((c, _))) => {
            let status = c.status_at(state.now());
            Json(json!({
                "status": status,
                "satisfied": c.satisfied.len(),
                "next": next_url(&c, status, lang),
            }))
            .into_response()
        }
        Ok(None) => not_found(lang),
        Err(e) => e.into_response(),
    }
}

async fn cancel_from_page(
    State(state): State<App>,
    Path(id): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = Lang::pick(&q, &headers);
    if !same_origin(&state, &headers) {
        return forbidden(lang);
    }
    let (c, service) = match find(&state, &id, &headers, None).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(lang),
        Err(e) => return e.into_response(),
    };
    let lang = language(&state, &c, &q, &headers).await;
    match state.cancel_challenge(&service.id, &id).await {
        Ok(_) => {
            Redirect::to(&after_decision(&c, ChallengeStatus::Cancelled, lang)).into_response()
        }
        Err(e) => render(&state, &c, &service, lang, None, Some(&Shown::from(e))).await,
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
