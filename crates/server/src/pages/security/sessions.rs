//! The user's security-center sessions: the list on the first page, ending
//! one, and ending all the others (offered after each security change,
//! ASVS 3.3.3). A session ended here is gone from the database, so its
//! cookie gets the "session ended" page on the next request, on every
//! server process.

use std::net::IpAddr;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use countersign_app::App;
use countersign_core::portal::{browser_and_system, PortalSession};

use super::texts::when;
use super::{portal_form, see_other, Portal, Refusal};
use crate::extract::ClientIp;
use crate::pages::esc;

/// How many of the user's other sessions are live.
pub(super) async fn others(state: &App, p: &Portal) -> Result<usize, Refusal> {
    let sessions = state
        .portal_sessions(p)
        .await
        .map_err(Refusal::failed(p.lang))?;
    Ok(sessions.iter().filter(|s| s.id != p.session.id).count())
}

/// The form that ends every other session.
fn end_others_form(p: &Portal) -> String {
    format!(
        "<form method=\"post\" action=\"/security/sessions/end-others\">{}<button type=\"submit\" class=\"secondary\">{}</button></form>\n",
        p.csrf_field(),
        esc(p.texts().end_others)
    )
}

/// What a page confirming a security change offers when other sessions
/// are open: to end them. Nothing when there are none.
pub(super) fn end_others_offer(p: &Portal, others: usize) -> String {
    if others == 0 {
        return String::new();
    }
    format!(
        "<div id=\"end-others\" class=\"card\">\n<p>{}</p>\n{}</div>\n",
        esc(p.texts().end_others_offer),
        end_others_form(p)
    )
}

/// The first page's section: each live session with its browser, coarse
/// address and times, "this session" marked, the others each with a button
/// that ends it, and one that ends them all.
pub(super) fn render(p: &Portal, sessions: &[PortalSession]) -> String {
    let t = p.texts();
    let mut html = format!(
        "<section aria-labelledby=\"sessions-title\">\n<h2 id=\"sessions-title\">{}</h2>\n<p class=\"hint\">{}</p>\n<ul class=\"methods sessions\">\n",
        esc(t.sessions),
        esc(t.sessions_lead)
    );
    for s in sessions {
        let (browser, system) = s
            .user_agent
            .as_deref()
            .map(browser_and_system)
            .unwrap_or_default();
        let name = match (browser, system) {
            (Some(b), Some(o)) => t.browser_on.replace("{browser}", b).replace("{system}", o),
            (Some(one), None) | (None, Some(one)) => one.to_owned(),
            (None, None) => t.unknown_browser.to_owned(),
        };
        let ip =
            s.ip.as_deref()
                .map(|ip| format!(" · {}", esc(ip)))
                .unwrap_or_default();
        let this = s.id == p.session.id;
        let action = if this {
            format!(
                " <span class=\"strength strength-strong\">{}</span>",
                esc(t.this_session)
            )
        } else {
            String::new()
        };
        let end = if this {
            String::new()
        } else {
            format!(
                "<form method=\"post\" action=\"/security/sessions/{id}/end\">{csrf}\
                 <button type=\"submit\" class=\"secondary\" aria-label=\"{end}: {aria}\">{end}</button></form>\n",
                id = esc(&s.id),
                csrf = p.csrf_field(),
                end = esc(t.end_session),
                aria = esc(&name),
            )
        };
        html.push_str(&format!(
            "<li class=\"method session\" data-session=\"{id}\">\n<div class=\"method-head\"><strong>{name}</strong>{action}</div>\n\
             <p class=\"hint\">{opened} {created} · {last} {seen}{ip}</p>\n{end}</li>\n",
            id = esc(&s.id),
            name = esc(&name),
            opened = esc(t.opened),
            created = when(s.created_at),
            last = esc(t.last_active),
            seen = when(s.last_seen_at),
        ));
    }
    html.push_str("</ul>\n");
    if sessions.iter().any(|s| s.id != p.session.id) {
        html.push_str(&end_others_form(p));
    }
    html.push_str("</section>\n");
    html
}

/// `POST /security/sessions/{id}/end`: ends one of the user's other
/// sessions. Nothing to end (this session, another user's, or one over
/// already) answers the same: that session is not open.
pub(super) async fn end_one(
    State(state): State<App>,
    Path(id): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Refusal> {
    end(&state, Some(&id), ip, &headers, &body).await
}

/// `POST /security/sessions/end-others`: ends every session of the user
/// but this one.
pub(super) async fn end_others(
    State(state): State<App>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Refusal> {
    end(&state, None, ip, &headers, &body).await
}

/// Ends the session `only`, or all the others, for a form with the
/// session's CSRF token; back to the first page, which says so.
async fn end(
    state: &App,
    only: Option<&str>,
    ip: Option<IpAddr>,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<Response, Refusal> {
    let (p, _) = portal_form(state, headers, body).await?;
    let ip = ip.map(|ip| ip.to_canonical().to_string());
    state
        .revoke_portal_sessions(&p, only, ip.as_deref())
        .await
        .map_err(Refusal::failed(p.lang))?;
    Ok(see_other(match only {
        Some(_) => "/security?notice=session_ended",
        None => "/security?notice=others_ended",
    }))
}
