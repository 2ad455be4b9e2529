//! Adding a passkey or a security key in the security center: the page
//! whose script runs the browser's ceremony, and its two JSON calls.

use askama::Template;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use countersign_app::factors::activate::Activation;
use countersign_app::App;
use countersign_core::factor::{FactorType, WebauthnKind};
use countersign_core::ids::{is_printable, NOT_PRINTABLE};
use countersign_core::portal::MethodKind;
use countersign_i18n::Texts;
use serde::Deserialize;
use serde_json::json;

use super::{own_factor, portal, portal_json, Refusal};
use crate::error::ApiError;
use crate::extract::{parse_json, ClientIp};
use crate::pages::page as html_page;

#[derive(Debug, Default, Deserialize)]
pub(super) struct KindQuery {
    kind: Option<String>,
}

/// The page that adds a passkey or a security key, as `kind` says.
pub(super) fn page_path(kind: MethodKind) -> String {
    format!("/security/webauthn?kind={}", kind.as_str())
}

fn webauthn_kind(name: Option<&str>) -> Option<WebauthnKind> {
    match name {
        Some("passkey") => Some(WebauthnKind::Passkey),
        Some("security_key") => Some(WebauthnKind::SecurityKey),
        _ => None,
    }
}

/// `GET /security/webauthn?kind=passkey|security_key`: the page whose
/// script registers a passkey or security key (`/assets/security.js`,
/// with `Countersign.register` from `/assets/webauthn.js`); without a
/// fresh step-up, a form that begins one (`POST /security/step-up`).
pub(super) async fn page(
    State(state): State<App>,
    query: Result<Query<KindQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let p = portal(&state, &headers).await?;
    let t = p.texts();
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let Some(kind) = webauthn_kind(q.kind.as_deref()) else {
        return Err(Refusal::NotFound(p.seen()));
    };
    let (title, lead, kind) = match kind {
        WebauthnKind::Passkey => ("security-passkey-title", "security-passkey-lead", "passkey"),
        WebauthnKind::SecurityKey => (
            "security-security-key-title",
            "security-security-key-lead",
            "security_key",
        ),
    };
    let content = WebauthnPage {
        t,
        csrf: p.csrf(),
        title,
        lead,
        kind,
        stepped_up: p.session.stepped_up(state.now()),
    };
    Ok(html_page(t, p.family(), &t.get(title), &content))
}

/// The page that adds a passkey or a security key (`kind`), or, without a
/// fresh step-up, the form that begins one.
#[derive(Template)]
#[template(path = "security/webauthn.html")]
struct WebauthnPage {
    t: Texts,
    csrf: String,
    /// Message ids.
    title: &'static str,
    lead: &'static str,
    kind: &'static str,
    stepped_up: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StartWebauthn {
    kind: String,
    label: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FinishWebauthn {
    credential: serde_json::Value,
}

/// `POST /security/webauthn {"kind","label"?}` (JSON, `X-CSRF-Token`):
/// a pending passkey or security key and the browser's creation options,
/// after a fresh step-up only (else 403 `step_up_required`).
pub(super) async fn start(State(state): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    let p = match portal_json(&state, &headers).await {
        Ok(p) if p.session.stepped_up(state.now()) => p,
        Ok(p) => return Refusal::StepUpRequired(p.seen()).into_problem(),
        Err(r) => return r.into_problem(),
    };
    let body: StartWebauthn = match parse_json(&body) {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let Some(kind) = webauthn_kind(Some(&body.kind)) else {
        return ApiError::invalid_request("kind: expected passkey or security_key")
            .with("field", "kind")
            .into_response();
    };
    let label = body
        .label
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());
    if label
        .as_deref()
        .is_some_and(|l| l.chars().count() > 64 || !is_printable(l))
    {
        return ApiError::invalid_request(format!("label: 1–64 characters; {NOT_PRINTABLE}"))
            .with("field", "label")
            .into_response();
    }
    match state.start_webauthn(&p.service, &p.user, kind, label).await {
        Ok((factor, options)) => (
            StatusCode::CREATED,
            Json(json!({"id": factor.id, "options": options})),
        )
            .into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// `POST /security/webauthn/{id}/activate {"credential"}` (JSON,
/// `X-CSRF-Token`): the browser's answer activates the key.
pub(super) async fn finish(
    State(state): State<App>,
    Path(id): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let p = match portal_json(&state, &headers).await {
        Ok(p) => p,
        Err(r) => return r.into_problem(),
    };
    let body: FinishWebauthn = match parse_json(&body) {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let factor = match own_factor(&state, &p, &id).await {
        Ok(f) if f.kind == FactorType::Webauthn => f,
        Ok(_) => return Refusal::NotFound(p.seen()).into_problem(),
        Err(r) => return r.into_problem(),
    };
    let proof = Activation {
        credential: Some(body.credential),
        ..Activation::default()
    };
    let ip = ip.map(|ip| ip.to_canonical().to_string());
    match state
        .activate(&p.service, &p.user, factor, proof, ip.as_deref())
        .await
    {
        Ok(view) => Json(json!({"id": view.id, "status": view.status})).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}
