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
use countersign_core::Timestamp;

use super::{portal_form, see_other, Portal, Refusal};
use crate::extract::ClientIp;

/// How many of the user's other sessions are live.
pub(super) async fn others(state: &App, p: &Portal) -> Result<usize, Refusal> {
    let sessions = state
        .portal_sessions(p)
        .await
        .map_err(Refusal::failed(p.seen()))?;
    Ok(sessions.iter().filter(|s| s.id != p.session.id).count())
}

/// One live session in the list.
pub(super) struct SessionItem<'a> {
    pub(super) id: &'a str,
    /// Its browser and system, as far as its user agent tells.
    pub(super) name: String,
    /// Coarse: what the session recorded.
    pub(super) ip: Option<&'a str>,
    /// The session this page is shown in.
    pub(super) this: bool,
    pub(super) created: Timestamp,
    pub(super) seen: Timestamp,
}

/// Each live session with its browser, coarse address and times, "this
/// session" marked.
pub(super) fn session_items<'a>(p: &Portal, sessions: &'a [PortalSession]) -> Vec<SessionItem<'a>> {
    let t = p.texts();
    sessions
        .iter()
        .map(|s| {
            let (browser, system) = s
                .user_agent
                .as_deref()
                .map(browser_and_system)
                .unwrap_or_default();
            let name = match (browser, system) {
                (Some(b), Some(o)) => t
                    .msg("security-browser-on")
                    .arg("browser", b)
                    .arg("system", o)
                    .to_string(),
                (Some(one), None) | (None, Some(one)) => one.to_owned(),
                (None, None) => t.get("security-unknown-browser"),
            };
            SessionItem {
                id: &s.id,
                name,
                ip: s.ip.as_deref(),
                this: s.id == p.session.id,
                created: s.created_at,
                seen: s.last_seen_at,
            }
        })
        .collect()
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
        .map_err(Refusal::failed(p.seen()))?;
    Ok(see_other(match only {
        Some(_) => "/security?notice=session_ended",
        None => "/security?notice=others_ended",
    }))
}
