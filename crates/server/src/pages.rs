//! The pages end users see, served by the same binary: the landing page
//! at `/` (landing.rs), the support center, with its self-service tools
//! "Join video call appointment" and "Check that an agent is genuine", and
//! each service's help center (help.rs).
//! Server-rendered from askama templates (`templates/`, escaped by the
//! engine), with a small script that calls the customer endpoints; every
//! word comes from countersign-i18n's Fluent files, in the language
//! [`texts`] picks. Nothing is loaded from elsewhere. Every page's header
//! names the part of the product it belongs to ([`Family`]); an address
//! that leads nowhere gets [`not_found_page`], never JSON.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use countersign_app::{App, AppError, Missing};
use countersign_core::challenge::ChallengeError;
use countersign_core::service::Service;
use countersign_i18n::{negotiate, Texts};

use crate::error::ApiError;

mod console;
mod help;
mod landing;
mod security;
mod verify;

/// What went wrong, as the pages tell a user: chosen once, here, by
/// matching the application's error (never by reading a string code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trouble {
    WrongCode,
    CredentialRefused,
    TooManyAttempts,
    ResendTooSoon,
    DeliveryFailed,
    RateLimited,
    Locked,
    MethodUnavailable,
    Expired,
    Closed,
    Unsatisfiable,
    NotFound,
    Other,
}

/// An application error as a page shows it: what went wrong, the attempts
/// left, and the API's status for it (so machines see the failure too).
struct Shown {
    trouble: Trouble,
    attempts_left: Option<u32>,
    status: axum::http::StatusCode,
    /// The API's answer, for the pages' own JSON calls.
    problem: ApiError,
}

impl From<AppError> for Shown {
    fn from(e: AppError) -> Shown {
        let trouble = match &e {
            AppError::WrongCode { .. } => Trouble::WrongCode,
            AppError::CredentialRefused { .. } => Trouble::CredentialRefused,
            AppError::TooManyAttempts => Trouble::TooManyAttempts,
            AppError::DeliveryFailed { .. } => Trouble::DeliveryFailed,
            AppError::RateLimited { .. }
            | AppError::TooManyPrompts { .. }
            | AppError::Challenge {
                error: ChallengeError::SendLimitReached,
                ..
            } => Trouble::RateLimited,
            AppError::Locked { .. } => Trouble::Locked,
            AppError::EnrolmentExpired => Trouble::Expired,
            AppError::NotFound(Missing::User | Missing::Factor | Missing::Challenge) => {
                Trouble::NotFound
            }
            AppError::Challenge { error, .. } => match error {
                ChallengeError::ResendTooSoon { .. } => Trouble::ResendTooSoon,
                ChallengeError::MethodNotAllowed(_) | ChallengeError::ContactChanged => {
                    Trouble::MethodUnavailable
                }
                ChallengeError::Expired => Trouble::Expired,
                ChallengeError::Closed(_) => Trouble::Closed,
                ChallengeError::PolicyUnsatisfiable(_) | ChallengeError::RiskTooHigh(_) => {
                    Trouble::Unsatisfiable
                }
                _ => Trouble::Other,
            },
            _ => Trouble::Other,
        };
        let attempts_left = match &e {
            AppError::WrongCode { attempts_left }
            | AppError::CredentialRefused { attempts_left, .. } => *attempts_left,
            AppError::TooManyAttempts => Some(0),
            _ => None,
        };
        let problem = ApiError::from(e);
        Shown {
            trouble,
            attempts_left,
            status: problem.status,
            problem,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// The page's language, the one way every page picks it: the user's
/// stored locale (when the page knows the user), else `?lang=`, else the
/// browser's `Accept-Language`.
fn texts(stored: Option<&str>, asked: Option<&str>, headers: &HeaderMap) -> Texts {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(stored, asked, accept).texts()
}

/// The part of the product a page belongs to, which its header names (and
/// links to, when there is a place to go back to), so that a user always
/// knows where they are. A service's pages carry its brand ([`Branding`]).
#[derive(Debug, Clone, Copy)]
enum Family<'a> {
    /// The landing page, and pages of no family (an unknown address).
    Home,
    Support,
    /// A service's help center.
    Help(&'a Service),
    /// The security center, with the service once the session is known.
    Security(Option<&'a Service>),
    /// The hosted verification page, with the service once the challenge
    /// is known. No link: the page is the task at hand.
    Verify(Option<&'a Service>),
    /// The operator console (English only).
    Console,
}

impl<'a> Family<'a> {
    /// The header's text and link.
    fn header(self, t: Texts) -> (String, Option<String>) {
        let lang = t.lang();
        let named =
            |id: &str, service: &Service| t.msg(id).arg("service", &service.name).to_string();
        match self {
            Family::Home => (t.get("page-header-home"), Some(format!("/?lang={lang}"))),
            Family::Support => (
                t.get("page-header-support"),
                Some(format!("/support?lang={lang}")),
            ),
            Family::Help(service) => (
                named("page-header-help", service),
                Some(format!("{}?lang={lang}", help::center_path(&service.id))),
            ),
            Family::Security(service) => (
                service.map_or_else(
                    || t.get("page-header-security"),
                    |s| named("page-header-security-of", s),
                ),
                Some("/security".to_owned()),
            ),
            Family::Verify(service) => (
                service.map_or_else(
                    || t.get("page-header-verify"),
                    |s| named("page-header-verify-for", s),
                ),
                None,
            ),
            Family::Console => (t.get("console-header"), Some("/console".to_owned())),
        }
    }

    /// The service whose page this is, when it is known.
    fn service(self) -> Option<&'a Service> {
        match self {
            Family::Home | Family::Support | Family::Console => None,
            Family::Help(service) => Some(service),
            Family::Security(service) | Family::Verify(service) => service,
        }
    }
}

/// What a service's page shows of its brand (`settings.brand`): its logo
/// in the header, its colour for buttons and links, its support contact
/// and privacy notice in the footer. Other pages are Countersign's.
struct Branding<'a> {
    service: &'a str,
    /// The logo's address on this server (`/brand/…`).
    logo: Option<String>,
    /// The stylesheet that sets the colour: inline, allowed by its hash in
    /// the page's Content-Security-Policy.
    style: Option<String>,
    /// (address, text) for the footer.
    links: Vec<(String, String)>,
}

impl<'a> Branding<'a> {
    fn of(service: &'a Service, t: Texts) -> Branding<'a> {
        let brand = &service.settings.brand;
        let links = [
            (brand.support_href(), "brand-support"),
            (brand.privacy_url.clone(), "brand-privacy"),
        ]
        .into_iter()
        .filter_map(|(href, text)| href.map(|href| (href, t.get(text))))
        .collect();
        Branding {
            service: &service.name,
            logo: brand.logo.as_ref().map(|logo| logo.path(&service.id)),
            style: brand_style(service),
            links,
        }
    }
}

/// The stylesheet that gives a service's pages its colour (a validated
/// `#rrggbb`, nothing else, goes in).
fn brand_style(service: &Service) -> Option<String> {
    let color = service.settings.brand.primary_color?;
    Some(format!(":root{{--accent:{color}}}"))
}

/// The frame every page shares: `content` is an askama template's output
/// (escaped there), the rest is escaped here.
#[derive(Template)]
#[template(path = "frame.html")]
struct Frame<'a> {
    t: Texts,
    brand: Option<&'a Branding<'a>>,
    /// The header's text, and its link (none on the hosted page).
    header: &'a str,
    home: Option<&'a str>,
    title: &'a str,
    scripts: &'a [&'a str],
    /// `data-msg-*` attributes on `<body>`: texts the page's script shows.
    messages: &'a [(&'a str, String)],
    content: &'a str,
}

/// A page that says one thing, with a link onwards when there is one.
#[derive(Template)]
#[template(path = "message.html")]
struct Message<'a> {
    title: &'a str,
    lead: &'a str,
    /// (address, text)
    back: Option<(&'a str, &'a str)>,
}

/// A page that only says something (not found, unavailable), with `status`.
fn plain_page(
    t: Texts,
    family: Family,
    status: StatusCode,
    title_id: &str,
    lead_id: &str,
) -> Response {
    message_page(t, family, status, &t.get(title_id), &t.get(lead_id), None)
}

/// [`Message`] as a page, with `status`.
fn message_page(
    t: Texts,
    family: Family,
    status: StatusCode,
    title: &str,
    lead: &str,
    back: Option<(&str, &str)>,
) -> Response {
    let content = Message { title, lead, back };
    let mut response = page_with_script(t, family, title, &content, &[], &[]);
    *response.status_mut() = status;
    response
}

/// The one page for an address that leads nowhere (an unknown address, help
/// center or article alike, so that it tells nothing about which exist),
/// with a link to the landing page.
fn not_found_page(t: Texts) -> Response {
    let home = t.get("page-not-found-home");
    let href = format!("/?lang={}", t.lang());
    message_page(
        t,
        Family::Home,
        StatusCode::NOT_FOUND,
        &t.get("page-not-found-title"),
        &t.get("page-not-found-lead"),
        Some((&href, &home)),
    )
}

/// An address no route answers, for a browser: the not-found page in the
/// language of `?lang=` or the browser's.
pub fn unknown_page(uri: &Uri, headers: &HeaderMap) -> Response {
    not_found_page(texts(None, query_lang(uri).as_deref(), headers))
}

/// A request a page's address refused (a wrong method, a form it cannot
/// read), for a browser: a page with `status` that says so and leads home,
/// in the language of `?lang=` or the browser's; the not-found page for
/// 404.
pub fn refused_page(
    uri: &Uri,
    accept_language: Option<HeaderValue>,
    status: StatusCode,
) -> Response {
    let mut headers = HeaderMap::new();
    if let Some(value) = accept_language {
        headers.insert(header::ACCEPT_LANGUAGE, value);
    }
    if status == StatusCode::NOT_FOUND {
        return unknown_page(uri, &headers);
    }
    let t = texts(None, query_lang(uri).as_deref(), &headers);
    let home = t.get("page-not-found-home");
    let href = format!("/?lang={}", t.lang());
    message_page(
        t,
        Family::Home,
        status,
        &t.get("error-title"),
        &t.get("page-refused-lead"),
        Some((&href, &home)),
    )
}

/// `?lang=` of an address.
fn query_lang(uri: &Uri) -> Option<String> {
    uri.query().and_then(|q| {
        form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "lang")
            .map(|(_, v)| v.into_owned())
    })
}

/// A masked phone number or address as a page shows it: its spaces made
/// non-breaking, so that it never splits across lines.
fn unbroken(masked: &str) -> String {
    masked.replace(' ', "\u{a0}")
}

/// A page with the support center's script and its messages.
fn page(t: Texts, family: Family, title: &str, content: &impl Template) -> Response {
    let messages: Vec<(&str, String)> = SUPPORT_SCRIPT_MESSAGES
        .iter()
        .map(|key| {
            let id = format!("support-msg-{key}");
            // The script fills in `{agent}` and `{n}` itself.
            let text = t
                .msg(&id)
                .arg("agent", "{agent}")
                .arg("n", "{n}")
                .to_string();
            (*key, text)
        })
        .collect();
    page_with_script(
        t,
        family,
        title,
        content,
        &["/assets/support.js"],
        &messages,
    )
}

/// What the support center's script may show: `data-msg-<key>`, from
/// `support-msg-<key>`.
const SUPPORT_SCRIPT_MESSAGES: [&str; 18] = [
    "working",
    "verified",
    "genuine",
    "not-genuine",
    "not-found",
    "too-early",
    "too-late",
    "appointment-cancelled",
    "invalid-code",
    "attempts-left",
    "too-many-attempts",
    "rate-limited",
    "retry",
    "locked",
    "policy-unsatisfiable",
    "expired",
    "not-join-session",
    "error",
];

/// The frame around `content`, with the security headers pages need: no
/// framing (clickjacking), nothing but this server's own resources, and
/// `scripts` (this server's assets) loaded deferred.
fn page_with_script(
    t: Texts,
    family: Family,
    title: &str,
    content: &impl Template,
    scripts: &[&str],
    messages: &[(&str, String)],
) -> Response {
    let (header, home) = family.header(t);
    let brand = family.service().map(|s| Branding::of(s, t));
    let html = content.render().and_then(|content| {
        Frame {
            t,
            brand: brand.as_ref(),
            header: &header,
            home: home.as_deref(),
            title,
            scripts,
            messages,
            content: &content,
        }
        .render()
    });
    let Ok(html) = html else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        content_policy(family, None),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Addresses may carry capabilities (a hosted verification's challenge
    // id): never sent to another site. Same-origin requests keep their
    // Origin header, which the pages' forms are checked against.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Nothing but this server's own resources (and the service's colour, an
/// inline stylesheet allowed by its hash), no framing; forms post here
/// only, or also to `form_target` (an origin such as
/// `https://bank.example`): a form's redirect to the integrator's return
/// URL is a form target too.
fn content_policy(family: Family, form_target: Option<&str>) -> HeaderValue {
    use base64::Engine;
    use sha2::Digest;
    let style = family
        .service()
        .and_then(brand_style)
        .map(|style| {
            let hash = sha2::Sha256::digest(style.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(hash)
            )
        })
        .unwrap_or_default();
    let policy = format!(
        "default-src 'none'; script-src 'self'; style-src 'self'{style}; connect-src 'self'; img-src 'self'; form-action 'self'{}; frame-ancestors 'none'; base-uri 'none'",
        form_target.map(|o| format!(" {o}")).unwrap_or_default()
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"))
}

/// A page of the support center whose words are all in its template.
macro_rules! support_page {
    ($name:ident, $path:literal, $handler:ident, $title:literal) => {
        #[derive(Template)]
        #[template(path = $path)]
        struct $name {
            t: Texts,
        }

        async fn $handler(Query(q): Query<LangQuery>, headers: HeaderMap) -> Response {
            let t = texts(None, q.lang.as_deref(), &headers);
            page(t, Family::Support, &t.get($title), &$name { t })
        }
    };
}

/// The support center: its tools, and the help centers with something
/// published.
#[derive(Template)]
#[template(path = "support/center.html")]
struct SupportCenter<'a> {
    t: Texts,
    services: &'a [Service],
}

async fn support_center(
    State(state): State<App>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let t = texts(None, q.lang.as_deref(), &headers);
    match state.help_centers().await {
        Ok(services) => page(
            t,
            Family::Support,
            &t.get("support-title"),
            &SupportCenter {
                t,
                services: &services,
            },
        ),
        Err(_) => unavailable(t, Family::Support),
    }
}

/// The page for when the database does not answer.
fn unavailable(t: Texts, family: Family) -> Response {
    plain_page(
        t,
        family,
        StatusCode::SERVICE_UNAVAILABLE,
        "error-title",
        "error-page-lead",
    )
}

/// The link to a service's help center, in the page's language.
fn help_center_link(t: &Texts, s: &Service) -> String {
    format!("{}?lang={}", help::center_path(&s.id), t.lang())
}
support_page!(
    JoinPage,
    "support/join.html",
    join_page,
    "support-join-title"
);
support_page!(
    AgentCheckPage,
    "support/check.html",
    agent_check_page,
    "support-check-title"
);

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// A service's logo, as uploaded. Its address names its version, so it is
/// cached for good; it is sandboxed, should a browser ever render it as a
/// document. Another version's address (or none) leads nowhere.
async fn logo(
    State(state): State<App>,
    axum::extract::Path((service_id, version)): axum::extract::Path<(String, String)>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    match state.logo(&service_id, &version).await {
        Ok(Some((logo, image))) => (
            [
                (header::CONTENT_TYPE, logo.content_type.mime()),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                (
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'none'; sandbox",
                ),
            ],
            image,
        )
            .into_response(),
        Ok(None) => unknown_page(&uri, &headers),
        Err(_) => unavailable(texts(None, None, &headers), Family::Home),
    }
}

/// The pages and their assets.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/", get(landing::landing))
        .route("/support", get(support_center))
        .route("/support/join", get(join_page))
        .route("/support/check-agent", get(agent_check_page))
        .merge(help::routes())
        .merge(security::routes())
        .merge(verify::routes())
        .merge(console::routes())
        .route("/brand/{service_id}/logo/{version}", get(logo))
        .route(
            "/assets/countersign.css",
            get(|| async {
                asset(
                    "text/css; charset=utf-8",
                    include_str!("../assets/countersign.css"),
                )
            }),
        )
        .route(
            "/assets/local-time.js",
            get(|| async {
                asset(
                    "text/javascript; charset=utf-8",
                    include_str!("../assets/local-time.js"),
                )
            }),
        )
        .route(
            "/assets/webauthn.js",
            get(|| async {
                asset(
                    "text/javascript; charset=utf-8",
                    include_str!("../assets/webauthn.js"),
                )
            }),
        )
        .route(
            "/assets/verify.js",
            get(|| async {
                asset(
                    "text/javascript; charset=utf-8",
                    include_str!("../assets/verify.js"),
                )
            }),
        )
        .route(
            "/assets/console.js",
            get(|| async {
                asset(
                    "text/javascript; charset=utf-8",
                    include_str!("../assets/console.js"),
                )
            }),
        )
        .route(
            "/assets/support.js",
            get(|| async {
                asset(
                    "text/javascript; charset=utf-8",
                    include_str!("../assets/support.js"),
                )
            }),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_support_script_has_every_message_it_shows() {
        let script = include_str!("../assets/support.js");
        for (key, camel) in [
            ("not-genuine", "msgNotGenuine"),
            ("attempts-left", "msgAttemptsLeft"),
            ("retry", "msgRetry"),
            ("working", "msgWorking"),
            ("verified", "msgVerified"),
            ("error", "msgError"),
        ] {
            assert!(SUPPORT_SCRIPT_MESSAGES.contains(&key), "{key}");
            assert!(script.contains(camel), "{camel}");
        }
        let en = negotiate(None, None, None).texts();
        let content = SupportCenter {
            t: en,
            services: &[],
        };
        let page = page(en, Family::Support, "t", &content);
        assert_eq!(page.status(), StatusCode::OK);
    }

    #[test]
    fn the_page_language_comes_from_the_user_the_query_then_the_browser() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("en;q=0.5, fr-FR;q=0.9"),
        );
        let tag = |stored, asked, h: &HeaderMap| texts(stored, asked, h).locale().tag();
        assert_eq!(tag(None, None, &headers), "fr");
        assert_eq!(tag(None, Some("en"), &headers), "en");
        assert_eq!(tag(Some("fr-CA"), Some("en"), &headers), "fr");
        assert_eq!(tag(None, None, &HeaderMap::new()), "en");
    }
}
