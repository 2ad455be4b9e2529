//! `GET /`: where a person who opens the server's address finds the
//! support center and the help centers, and where an API client (asking
//! for `application/json`) finds the same links and the API's contract.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use countersign_app::App;
use countersign_core::service::Service;

use super::help::center_path;
use super::{esc, page_with_script, plain_page, Lang, LangQuery};
use crate::error::ApiError;

/// Every text of the landing page, in one language.
struct LandingTexts {
    title: &'static str,
    lead: &'static str,
    support: &'static str,
    support_hint: &'static str,
    help_centers: &'static str,
    help_hint: &'static str,
    no_help_center: &'static str,
    error_title: &'static str,
    error_lead: &'static str,
}

const EN: LandingTexts = LandingTexts {
    title: "Help and support",
    lead: "Answers to your questions, and tools to reach our support team safely.",
    support: "Support center",
    support_hint: "Join a video call with support, or check that an agent is genuine.",
    help_centers: "Help centers",
    help_hint: "Articles about signing in, codes and keeping your account safe.",
    no_help_center: "No help center is published yet.",
    error_title: "Something went wrong",
    error_lead: "This page cannot be shown right now. Try again in a moment.",
};

const FR: LandingTexts = LandingTexts {
    title: "Aide et assistance",
    lead: "Des réponses à vos questions, et des outils pour joindre notre assistance en toute sécurité.",
    support: "Centre d'assistance",
    support_hint: "Rejoignez un appel vidéo avec l'assistance, ou vérifiez qu'un conseiller est authentique.",
    help_centers: "Centres d'aide",
    help_hint: "Des articles sur la connexion, les codes et la sécurité de votre compte.",
    no_help_center: "Aucun centre d'aide n'est encore publié.",
    error_title: "Une erreur est survenue",
    error_lead: "Cette page ne peut pas être affichée pour le moment. Réessayez dans un instant.",
};

fn texts(lang: Lang) -> &'static LandingTexts {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

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
            let lang = Lang::pick(&q, &headers);
            match found {
                Ok(services) => landing_page(lang, &services),
                Err(_) => {
                    let t = texts(lang);
                    plain_page(
                        lang,
                        StatusCode::SERVICE_UNAVAILABLE,
                        t.error_title,
                        t.error_lead,
                    )
                }
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

fn landing_page(lang: Lang, services: &[Service]) -> Response {
    let t = texts(lang);
    let l = lang.code();
    let centers = if services.is_empty() {
        format!("<p>{}</p>", esc(t.no_help_center))
    } else {
        let items: String = services
            .iter()
            .map(|s| {
                format!(
                    "<li><a href=\"{href}\"><strong>{name}</strong>{hint}</a></li>\n",
                    href = esc(&format!("{}?lang={l}", center_path(&s.id))),
                    name = esc(&s.name),
                    hint = esc(t.help_hint),
                )
            })
            .collect();
        format!("<ul class=\"tools\">\n{items}</ul>")
    };
    page_with_script(
        lang,
        t.title,
        &format!(
            "<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n<ul class=\"tools\">\n\
             <li><a href=\"/support?lang={l}\"><strong>{support}</strong>{support_hint}</a></li>\n</ul>\n\
             <h2>{help_centers}</h2>\n{centers}",
            title = esc(t.title),
            lead = esc(t.lead),
            support = esc(t.support),
            support_hint = esc(t.support_hint),
            help_centers = esc(t.help_centers),
        ),
        &[],
    )
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
