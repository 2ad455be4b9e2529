//! `GET /`: where a person who opens the server's address finds the
//! support center and the help centers, and where an API client (asking
//! for `application/json`) finds the same links and the API's contract.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use countersign_app::App;
use countersign_core::service::Service;

use askama::Template;
use countersign_i18n::Texts;

use super::help::center_path;
use super::{page_with_script, texts, unavailable, Family, LangQuery};
use crate::error::ApiError;

/// Whether the client prefers JSON to HTML: `application/json` with a
/// higher quality than `text/html` (a browser names only the latter, and
/// on a tie the page wins).
fn wants_json(headers: &HeaderMap) -> bool {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let quality = |wanted: &str| {
        accept
            .split(',')
            .filter_map(|range| {
                let mut params = range.split(';');
                if !params.next()?.trim().eq_ignore_ascii_case(wanted) {
                    return None;
                }
                match params.find_map(|p| p.trim().strip_prefix("q=")) {
                    Some(q) => q.trim().parse::<f32>().ok(),
                    None => Some(1.0),
                }
            })
            .fold(0.0_f32, f32::max)
    };
    let json = quality("application/json");
    json > 0.0 && json > quality("text/html")
}

pub(super) async fn landing(
    State(state): State<App>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let json = wants_json(&headers);
    let mut response = match (state.help_centers().await, json) {
        (Ok(services), true) => landing_json(&state, &services),
        (Err(e), true) => ApiError::from(e).into_response(),
        (found, false) => {
            let t = texts(None, q.lang.as_deref(), &headers);
            match found {
                Ok(services) => {
                    let title = t.get("landing-title");
                    let content = Landing {
                        t,
                        services: &services,
                    };
                    page_with_script(t, Family::Home, &title, &content, &[], &[])
                }
                Err(_) => unavailable(t, Family::Home),
            }
        }
    };
    // One address, two representations: caches must keep them apart.
    response.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept, Accept-Language"),
    );
    response
}

/// The links, absolute (under `public_url`), for API clients.
fn landing_json(state: &App, services: &[Service]) -> Response {
    let base = state.config.public_url.trim_end_matches('/');
    Json(serde_json::json!({
        "support_center": format!("{base}/support"),
        "help_centers": services
            .iter()
            .map(|s| serde_json::json!({
                "service_id": s.id,
                "name": s.name,
                "url": format!("{base}{}", center_path(&s.id)),
            }))
            .collect::<Vec<_>>(),
        "openapi": format!("{base}/v1/openapi.json"),
    }))
    .into_response()
}

/// The page: the support center, and each service's help center.
#[derive(Template)]
#[template(path = "landing.html")]
struct Landing<'a> {
    t: Texts,
    services: &'a [Service],
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(accept: &str) -> bool {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(accept).unwrap());
        wants_json(&headers)
    }

    #[test]
    fn json_only_for_clients_that_prefer_it() {
        assert!(accepting("application/json"));
        assert!(accepting("text/html;q=0.5, Application/JSON"));
        assert!(accepting("application/json;q=0.9, */*;q=0.1"));
        assert!(!wants_json(&HeaderMap::new()), "no Accept: the page");
        assert!(!accepting("*/*"), "curl's default: the page");
        assert!(!accepting(
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        ));
        assert!(!accepting("text/html, application/json"), "a tie: the page");
        assert!(!accepting("application/json;q=0"));
        assert!(!accepting("application/json;q=bad"));
    }
}
