//! The pages end users see, served by the same binary: the landing page
//! at `/` (landing.rs), the support center, with its self-service tools
//! "Join video call appointment" and "Check that an agent is genuine", and
//! each service's help center (help.rs).
//! Server-rendered, with a small script that calls the customer endpoints;
//! English and French, chosen by `?lang=` or the browser's
//! `Accept-Language`. Nothing is loaded from elsewhere.

use axum::extract::Query;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use countersign_app::{App, AppError, Missing};
use countersign_core::challenge::ChallengeError;

use crate::error::ApiError;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Fr,
}

#[derive(Debug, Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

impl Lang {
    /// `?lang=` first, then the browser's preference.
    fn pick(query: &LangQuery, headers: &HeaderMap) -> Lang {
        let wanted = query.lang.clone().or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        });
        match wanted {
            Some(w) if w.trim_start().to_ascii_lowercase().starts_with("fr") => Lang::Fr,
            _ => Lang::En,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// Every text of the support pages, in one language.
struct Texts {
    support_title: &'static str,
    support_lead: &'static str,
    join_tool: &'static str,
    join_tool_hint: &'static str,
    check_tool: &'static str,
    check_tool_hint: &'static str,
    join_title: &'static str,
    join_lead: &'static str,
    appointment_code: &'static str,
    appointment_code_hint: &'static str,
    continue_label: &'static str,
    verify_lead: &'static str,
    totp_code: &'static str,
    totp_hint: &'static str,
    email_code: &'static str,
    email_hint: &'static str,
    verify_button: &'static str,
    join_button: &'static str,
    check_title: &'static str,
    check_lead: &'static str,
    agent_code: &'static str,
    check_button: &'static str,
    back: &'static str,
    /// Messages the script shows: `data-msg-*` attributes.
    messages: &'static [(&'static str, &'static str)],
}

const EN: Texts = Texts {
    support_title: "Support center",
    support_lead: "Self-service tools. Nobody from support will ever ask for your codes.",
    join_tool: "Join video call appointment",
    join_tool_hint: "Prove it is you, then join the call booked with our support team.",
    check_tool: "Check that an agent is genuine",
    check_tool_hint: "Someone says they are from support? Check the code they read out.",
    join_title: "Join your video call",
    join_lead: "Enter the appointment code you received in your support conversation.",
    appointment_code: "Appointment code",
    appointment_code_hint: "12 letters and digits, e.g. 7KQ2-9XMD-4TPR",
    continue_label: "Continue",
    verify_lead: "Your call with",
    totp_code: "Code from your authenticator app",
    totp_hint: "The 6-digit code your app shows for this account.",
    email_code: "Code sent by email",
    email_hint: "We sent it to",
    verify_button: "Verify and join",
    join_button: "Join the video call",
    check_title: "Is this agent genuine?",
    check_lead: "Ask the agent to read out their code, then enter it with your appointment code.",
    agent_code: "Agent's code",
    check_button: "Check",
    back: "Support center",
    messages: &[
        ("working", "One moment…"),
        ("verified", "You are verified. You can join the call."),
        ("genuine", "Genuine: {agent} is from our support team."),
        ("not-genuine", "This code is not right. Do not share anything; end the call and contact us from our website."),
        ("not-found", "This appointment code is not known. Check it and try again."),
        ("too-early", "It is too early: the call opens 15 minutes before its start."),
        ("too-late", "This call has ended. Book a new one with support."),
        ("appointment-cancelled", "This appointment was cancelled."),
        ("invalid-code", "This code is not right."),
        ("attempts-left", "{n} tries left."),
        ("too-many-attempts", "Too many wrong codes. Start again with your appointment code."),
        ("rate-limited", "Too many tries from this connection."),
        ("retry", "Try again in {n} minutes."),
        ("locked", "Your account is locked for a while after too many wrong codes."),
        ("policy-unsatisfiable", "An authenticator app is needed for verified calls. Set one up in your account's security settings."),
        ("expired", "This verification has expired. Start again."),
        ("not-join-session", "This browser did not join this call. Start again with your appointment code."),
        ("error", "Something went wrong. Try again."),
    ],
};

const FR: Texts = Texts {
    support_title: "Centre d'assistance",
    support_lead: "Outils en libre-service. Personne de l'assistance ne vous demandera jamais vos codes.",
    join_tool: "Rejoindre un rendez-vous vidéo",
    join_tool_hint: "Prouvez que c'est vous, puis rejoignez l'appel prévu avec notre équipe.",
    check_tool: "Vérifier qu'un conseiller est authentique",
    check_tool_hint: "Quelqu'un dit appeler de l'assistance ? Vérifiez le code qu'il vous lit.",
    join_title: "Rejoindre votre appel vidéo",
    join_lead: "Saisissez le code de rendez-vous reçu dans votre échange avec l'assistance.",
    appointment_code: "Code de rendez-vous",
    appointment_code_hint: "12 lettres et chiffres, par ex. 7KQ2-9XMD-4TPR",
    continue_label: "Continuer",
    verify_lead: "Votre appel avec",
    totp_code: "Code de votre application d'authentification",
    totp_hint: "Le code à 6 chiffres affiché par l'application pour ce compte.",
    email_code: "Code reçu par e-mail",
    email_hint: "Nous l'avons envoyé à",
    verify_button: "Vérifier et rejoindre",
    join_button: "Rejoindre l'appel vidéo",
    check_title: "Ce conseiller est-il authentique ?",
    check_lead: "Demandez au conseiller de lire son code, puis saisissez-le avec votre code de rendez-vous.",
    agent_code: "Code du conseiller",
    check_button: "Vérifier",
    back: "Centre d'assistance",
    messages: &[
        ("working", "Un instant…"),
        ("verified", "Vous êtes vérifié. Vous pouvez rejoindre l'appel."),
        ("genuine", "Authentique : {agent} fait partie de notre équipe d'assistance."),
        ("not-genuine", "Ce code n'est pas le bon. Ne communiquez rien ; raccrochez et contactez-nous depuis notre site."),
        ("not-found", "Ce code de rendez-vous est inconnu. Vérifiez-le et réessayez."),
        ("too-early", "Il est trop tôt : l'appel ouvre 15 minutes avant l'heure prévue."),
        ("too-late", "Cet appel est terminé. Prenez un nouveau rendez-vous avec l'assistance."),
        ("appointment-cancelled", "Ce rendez-vous a été annulé."),
        ("invalid-code", "Ce code n'est pas le bon."),
        ("attempts-left", "Encore {n} essais."),
        ("too-many-attempts", "Trop de codes erronés. Recommencez avec votre code de rendez-vous."),
        ("rate-limited", "Trop d'essais depuis cette connexion."),
        ("retry", "Réessayez dans {n} minutes."),
        ("locked", "Votre compte est bloqué quelque temps après trop de codes erronés."),
        ("policy-unsatisfiable", "Une application d'authentification est nécessaire pour les appels vérifiés. Configurez-la dans les réglages de sécurité de votre compte."),
        ("expired", "Cette vérification a expiré. Recommencez."),
        ("not-join-session", "Ce navigateur n'a pas rejoint cet appel. Recommencez avec votre code de rendez-vous."),
        ("error", "Une erreur est survenue. Réessayez."),
    ],
};

fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

use countersign_core::message::escape_markup as esc;

/// Nothing but this server's own resources, no framing; forms post here
/// only, or also to `form_target` (an origin such as
/// `https://bank.example`): a form's redirect to the integrator's return
/// URL is a form target too.
fn content_policy(form_target: Option<&str>) -> HeaderValue {
    let policy = format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'{}; frame-ancestors 'none'; base-uri 'none'",
        form_target.map(|o| format!(" {o}")).unwrap_or_default()
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"))
}

/// A page that only says something (not found, unavailable), with `status`.
fn plain_page(lang: Lang, status: axum::http::StatusCode, title: &str, lead: &str) -> Response {
    let mut response = page_with_script(
        lang,
        title,
        &format!(
            "<h1>{}</h1>\n<p class=\"lead\">{}</p>",
            esc(title),
            esc(lead)
        ),
        &[],
    );
    *response.status_mut() = status;
    response
}

/// The frame every page shares, with the support center's script.
fn page(lang: Lang, title: &str, content: &str) -> Response {
    page_with_script(lang, title, content, &["/assets/support.js"])
}

/// The frame every page shares, with the security headers pages need: no
/// framing (clickjacking), nothing but this server's own resources, and
/// `scripts` (this server's assets) loaded deferred.
fn page_with_script(lang: Lang, title: &str, content: &str, scripts: &[&str]) -> Response {
    let t = texts(lang);
    // The support script's messages, for the pages that run it.
    let messages: String = if scripts.contains(&"/assets/support.js") {
        t.messages
            .iter()
            .map(|(k, v)| format!(" data-msg-{k}=\"{}\"", esc(v)))
            .collect()
    } else {
        String::new()
    };
    let html = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"/assets/countersign.css\">\n\
         {scripts}</head>\n\
         <body{messages}>\n<header><a href=\"/support?lang={lang}\">{back}</a></header>\n\
         <main>\n{content}\n</main>\n<footer>Countersign</footer>\n</body>\n</html>\n",
        lang = lang.code(),
        title = esc(title),
        back = esc(t.back),
        scripts = scripts
            .iter()
            .map(|src| format!("<script src=\"{src}\" defer></script>\n"))
            .collect::<String>(),
    );
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, content_policy(None));
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

async fn support_center(Query(q): Query<LangQuery>, headers: HeaderMap) -> Response {
    let lang = Lang::pick(&q, &headers);
    let t = texts(lang);
    let l = lang.code();
    page(
        lang,
        t.support_title,
        &format!(
            "<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n<ul class=\"tools\">\n\
             <li><a href=\"/support/join?lang={l}\"><strong>{join}</strong>{join_hint}</a></li>\n\
             <li><a href=\"/support/check-agent?lang={l}\"><strong>{check}</strong>{check_hint}</a></li>\n</ul>",
            title = esc(t.support_title),
            lead = esc(t.support_lead),
            join = esc(t.join_tool),
            join_hint = esc(t.join_tool_hint),
            check = esc(t.check_tool),
            check_hint = esc(t.check_tool_hint),
        ),
    )
}

async fn join_page(Query(q): Query<LangQuery>, headers: HeaderMap) -> Response {
    let lang = Lang::pick(&q, &headers);
    let t = texts(lang);
    page(
        lang,
        t.join_title,
        &format!(
            "<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n\
             <form id=\"join-code\" class=\"card\" novalidate>\n\
             <label for=\"appointment-code\">{code}</label>\n\
             <input id=\"appointment-code\" name=\"appointment_code\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" required aria-describedby=\"appointment-code-hint\">\n\
             <p id=\"appointment-code-hint\" class=\"hint\">{code_hint}</p>\n\
             <button type=\"submit\">{cont}</button>\n</form>\n\
             <form id=\"join-verify\" class=\"card\" hidden novalidate>\n\
             <p>{verify_lead} <strong id=\"agent-name\"></strong></p>\n\
             <label for=\"totp-code\">{totp}</label>\n\
             <input id=\"totp-code\" name=\"totp\" inputmode=\"numeric\" autocomplete=\"one-time-code\" required aria-describedby=\"totp-hint\">\n\
             <p id=\"totp-hint\" class=\"hint\">{totp_hint}</p>\n\
             <label for=\"email-code\">{email}</label>\n\
             <input id=\"email-code\" name=\"email_code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" required aria-describedby=\"email-hint\">\n\
             <p id=\"email-hint\" class=\"hint\">{email_hint} <span id=\"email-to\"></span></p>\n\
             <button type=\"submit\">{verify}</button>\n</form>\n\
             <div id=\"joined\" class=\"card\" hidden><a id=\"join-link\" class=\"button\" href=\"#\" rel=\"noopener noreferrer\">{join}</a></div>\n\
             <p id=\"join-status\" class=\"status\" role=\"status\" aria-live=\"polite\"></p>",
            title = esc(t.join_title),
            lead = esc(t.join_lead),
            code = esc(t.appointment_code),
            code_hint = esc(t.appointment_code_hint),
            cont = esc(t.continue_label),
            verify_lead = esc(t.verify_lead),
            totp = esc(t.totp_code),
            totp_hint = esc(t.totp_hint),
            email = esc(t.email_code),
            email_hint = esc(t.email_hint),
            verify = esc(t.verify_button),
            join = esc(t.join_button),
        ),
    )
}

async fn agent_check_page(Query(q): Query<LangQuery>, headers: HeaderMap) -> Response {
    let lang = Lang::pick(&q, &headers);
    let t = texts(lang);
    page(
        lang,
        t.check_title,
        &format!(
            "<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n\
             <form id=\"agent-check\" class=\"card\" novalidate>\n\
             <label for=\"check-appointment-code\">{code}</label>\n\
             <input id=\"check-appointment-code\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" required>\n\
             <label for=\"check-agent-code\">{agent}</label>\n\
             <input id=\"check-agent-code\" inputmode=\"numeric\" autocomplete=\"off\" required>\n\
             <button type=\"submit\">{check}</button>\n</form>\n\
             <p id=\"agent-status\" class=\"status\" role=\"status\" aria-live=\"polite\"></p>",
            title = esc(t.check_title),
            lead = esc(t.check_lead),
            code = esc(t.appointment_code),
            agent = esc(t.agent_code),
            check = esc(t.check_button),
        ),
    )
}

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
    fn both_languages_have_every_message() {
        let keys = |t: &Texts| t.messages.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(&EN), keys(&FR));
        let script = include_str!("../assets/support.js");
        for needed in [
            "working",
            "verified",
            "genuine",
            "not-genuine",
            "attempts-left",
            "retry",
            "error",
        ] {
            assert!(keys(&EN).contains(&needed), "{needed}");
        }
        assert!(script.contains("page.msgNotGenuine"));
    }

    #[test]
    fn language_comes_from_the_query_then_the_browser() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("fr-FR,fr;q=0.9,en;q=0.5"),
        );
        assert_eq!(Lang::pick(&LangQuery { lang: None }, &headers), Lang::Fr);
        assert_eq!(
            Lang::pick(
                &LangQuery {
                    lang: Some("en".into())
                },
                &headers
            ),
            Lang::En
        );
        assert_eq!(
            Lang::pick(&LangQuery { lang: None }, &HeaderMap::new()),
            Lang::En
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
