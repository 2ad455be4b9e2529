//! The security center (`/security`): where a signed-in user sees the ways
//! they prove it is them, adds an authenticator app, a passkey or a
//! security key, gets new recovery codes, removes a method (after a step-up
//! verification on the hosted page), and reviews recent activity.
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
use axum::{Json, Router};
use countersign_app::factors::activate::Activation;
use countersign_app::portal::{Portal as Session, StepUp};
use countersign_app::{App, AppError, Missing};
use countersign_core::contact::{mask_email, mask_phone};
use countersign_core::event::Event;
use countersign_core::factor::{Factor, FactorType, WebauthnKind};
use countersign_core::ids::is_printable;
use countersign_core::portal::{
    clear_cookie, cookie_value, csrf_matches, csrf_token, set_cookie, MethodKind, Strength,
    SENT_CODE_STRENGTH, SESSION_TTL,
};
use countersign_core::Timestamp;
use serde::Deserialize;
use serde_json::json;

use super::{esc, page, Lang, LangQuery, Shown, Trouble};
use crate::error::ApiError;
use crate::extract::{parse_json, ClientIp};
/// Largest form or JSON body the security center takes.
const MAX_FORM_BYTES: usize = 64 * 1024;
/// Events read to find the recent activity shown.
const ACTIVITY_READ: u32 = 50;
/// Recent activity entries shown.
const ACTIVITY_SHOWN: usize = 10;

/// Every text of the security center, in one language.
struct Texts {
    title: &'static str,
    lead: &'static str,
    methods: &'static str,
    no_methods: &'static str,
    add_method: &'static str,
    add_totp: &'static str,
    add_passkey: &'static str,
    add_security_key: &'static str,
    devices: &'static str,
    no_devices: &'static str,
    recovery: &'static str,
    recovery_left: &'static str,
    no_recovery: &'static str,
    new_recovery: &'static str,
    contacts: &'static str,
    email: &'static str,
    phone: &'static str,
    verified: &'static str,
    unverified: &'static str,
    none: &'static str,
    activity: &'static str,
    no_activity: &'static str,
    added: &'static str,
    last_used: &'static str,
    never_used: &'static str,
    remove: &'static str,
    sign_out: &'static str,
    back_to_app: &'static str,
    back: &'static str,
    strength: [&'static str; 4],
    kinds: [&'static str; 6],
    sent_codes: &'static str,
    notice_added: &'static str,
    notice_removed: &'static str,
    totp_title: &'static str,
    totp_scan: &'static str,
    totp_qr: &'static str,
    totp_key: &'static str,
    totp_open: &'static str,
    totp_code: &'static str,
    totp_code_hint: &'static str,
    activate: &'static str,
    wrong_code: &'static str,
    passkey_title: &'static str,
    passkey_lead: &'static str,
    security_key_title: &'static str,
    security_key_lead: &'static str,
    webauthn_label: &'static str,
    webauthn_label_hint: &'static str,
    webauthn_start: &'static str,
    webauthn_working: &'static str,
    webauthn_cancelled: &'static str,
    webauthn_failed: &'static str,
    codes_title: &'static str,
    codes_lead: &'static str,
    done: &'static str,
    confirm_title: &'static str,
    confirm_lead: &'static str,
    cancel: &'static str,
    opening_title: &'static str,
    opening_lead: &'static str,
    continue_label: &'static str,
    signed_out_title: &'static str,
    signed_out_lead: &'static str,
    link_title: &'static str,
    link_lead: &'static str,
    session_title: &'static str,
    session_lead: &'static str,
    csrf_title: &'static str,
    csrf_lead: &'static str,
    not_found_title: &'static str,
    not_found_lead: &'static str,
    step_up_title: &'static str,
    step_up_lead: &'static str,
    unsatisfiable_lead: &'static str,
    locked_lead: &'static str,
    expired_lead: &'static str,
    error_title: &'static str,
    error_lead: &'static str,
    /// Activity: (event type, text); `{method}`, `{purpose}`, `{field}`.
    events: &'static [(&'static str, &'static str)],
}

const EN: Texts = Texts {
    title: "Security center",
    lead: "The ways you prove it is you, and what happened on your account lately.",
    methods: "Ways to prove it's you",
    no_methods: "No authenticator yet. Add one: codes by SMS or email alone are easy to steal.",
    add_method: "Add a method",
    add_totp: "Add an authenticator app",
    add_passkey: "Add a passkey",
    add_security_key: "Add a security key",
    devices: "Trusted devices",
    no_devices: "No trusted device.",
    recovery: "Recovery codes",
    recovery_left: "{n} of 10 codes left.",
    no_recovery: "No recovery codes. Get some, and keep them somewhere safe, in case you lose your other methods.",
    new_recovery: "Get new recovery codes",
    contacts: "Email and phone",
    email: "Email",
    phone: "Phone",
    verified: "Verified",
    unverified: "Not verified",
    none: "None",
    activity: "Recent security activity",
    no_activity: "Nothing yet.",
    added: "Added",
    last_used: "last used",
    never_used: "never used",
    remove: "Remove",
    sign_out: "Sign out",
    back_to_app: "Back to the app",
    back: "Back to the security center",
    strength: ["Phishing-resistant", "Strong", "Backup", "Weaker"],
    kinds: [
        "Passkey",
        "Security key",
        "Trusted device",
        "Authenticator app",
        "Hardware token",
        "Recovery codes",
    ],
    sent_codes: "Codes by SMS, call or email",
    notice_added: "Done: the method was added. We sent a notice to your verified email and phone.",
    notice_removed: "Done: the method was removed. We sent a notice to your verified email and phone.",
    totp_title: "Add an authenticator app",
    totp_scan: "Scan this QR code with your authenticator app (Google Authenticator, Aegis, 1Password…), then enter the code it shows.",
    totp_qr: "QR code to scan with your authenticator app",
    totp_key: "Can't scan? Enter this key in the app:",
    totp_open: "Open in an authenticator app on this device",
    totp_code: "Code from the app",
    totp_code_hint: "6 digits. This key is shown only now.",
    activate: "Activate",
    wrong_code: "This code is not right. Check the app and try again.",
    passkey_title: "Add a passkey",
    passkey_lead: "Your phone or computer keeps the passkey and unlocks it with your fingerprint, face or PIN. It only works on this site, so a fake site gets nothing.",
    security_key_title: "Add a security key",
    security_key_lead: "Have your security key at hand: plug it in or hold it near your phone when asked, then touch it.",
    webauthn_label: "Name (optional)",
    webauthn_label_hint: "To recognise it later, e.g. \"Work laptop\".",
    webauthn_start: "Continue",
    webauthn_working: "Follow your browser's instructions…",
    webauthn_cancelled: "It was cancelled or timed out. Try again.",
    webauthn_failed: "It could not be added. Try again.",
    codes_title: "Your new recovery codes",
    codes_lead: "Each code works once. Print them or write them down and keep them somewhere safe: they are shown only now. Your earlier codes no longer work.",
    done: "Done",
    confirm_title: "Verified",
    confirm_lead: "You proved it is you. Remove this method?",
    cancel: "Keep it",
    opening_title: "Opening your security center",
    opening_lead: "One moment…",
    continue_label: "Continue",
    signed_out_title: "Signed out",
    signed_out_lead: "You left the security center.",
    link_title: "This link no longer works",
    link_lead: "Links to the security center work once and for 5 minutes. Go back to the app and open the security center again.",
    session_title: "Your session has ended",
    session_lead: "For your safety, the security center closes after 10 minutes without activity and after 30 minutes in all. Go back to the app and open it again.",
    csrf_title: "This request could not be checked",
    csrf_lead: "Nothing was changed. Go back to the security center, reload it and try again.",
    not_found_title: "Not found",
    not_found_lead: "This method is not on your account.",
    step_up_title: "Not verified",
    step_up_lead: "This verification was not completed, or was already used. Nothing was changed.",
    unsatisfiable_lead: "To remove a method you must prove it is you with an authenticator and a code by email or SMS, and this account cannot. Contact support.",
    locked_lead: "Too many wrong codes: your account is locked for a while. Try again later.",
    expired_lead: "This setup waited too long. Start again.",
    error_title: "Something went wrong",
    error_lead: "Nothing was changed. Try again in a moment.",
    events: &[
        ("factor.activated", "Method added: {method}"),
        ("factor.removed", "Method removed: {method}"),
        ("factor.recovery_codes", "New recovery codes"),
        ("factor.activation_failed", "Wrong code while adding a method"),
        ("factor.possible_clone", "A security key looked copied and was refused"),
        ("contact.changed", "{field} changed"),
        ("challenge.approved", "Verified: {purpose}"),
        ("challenge.failed", "Verification failed: {purpose}"),
        ("challenge.denied", "Refused on a trusted device: {purpose}"),
        ("challenge.code_rejected", "Wrong code entered"),
        ("user.locked", "Account locked after wrong codes"),
        ("portal.session_opened", "Security center opened"),
    ],
};

const FR: Texts = Texts {
    title: "Centre de sécurité",
    lead: "Les moyens de prouver que c'est vous, et ce qui s'est passé récemment sur votre compte.",
    methods: "Moyens de prouver que c'est vous",
    no_methods: "Aucun authentificateur. Ajoutez-en un : les codes par SMS ou e-mail seuls sont faciles à voler.",
    add_method: "Ajouter un moyen",
    add_totp: "Ajouter une application d'authentification",
    add_passkey: "Ajouter une clé d'accès",
    add_security_key: "Ajouter une clé de sécurité",
    devices: "Appareils de confiance",
    no_devices: "Aucun appareil de confiance.",
    recovery: "Codes de secours",
    recovery_left: "Il reste {n} codes sur 10.",
    no_recovery: "Aucun code de secours. Obtenez-en et gardez-les en lieu sûr, au cas où vous perdriez vos autres moyens.",
    new_recovery: "Obtenir de nouveaux codes de secours",
    contacts: "E-mail et téléphone",
    email: "E-mail",
    phone: "Téléphone",
    verified: "Vérifié",
    unverified: "Non vérifié",
    none: "Aucun",
    activity: "Activité de sécurité récente",
    no_activity: "Rien pour l'instant.",
    added: "Ajouté le",
    last_used: "dernière utilisation",
    never_used: "jamais utilisé",
    remove: "Supprimer",
    sign_out: "Se déconnecter",
    back_to_app: "Retour à l'application",
    back: "Retour au centre de sécurité",
    strength: ["Résiste au hameçonnage", "Fort", "Secours", "Plus faible"],
    kinds: [
        "Clé d'accès",
        "Clé de sécurité",
        "Appareil de confiance",
        "Application d'authentification",
        "Jeton matériel",
        "Codes de secours",
    ],
    sent_codes: "Codes par SMS, appel ou e-mail",
    notice_added: "C'est fait : le moyen a été ajouté. Nous avons prévenu votre e-mail et votre téléphone vérifiés.",
    notice_removed: "C'est fait : le moyen a été supprimé. Nous avons prévenu votre e-mail et votre téléphone vérifiés.",
    totp_title: "Ajouter une application d'authentification",
    totp_scan: "Scannez ce QR code avec votre application d'authentification (Google Authenticator, Aegis, 1Password…), puis saisissez le code qu'elle affiche.",
    totp_qr: "QR code à scanner avec votre application d'authentification",
    totp_key: "Impossible de scanner ? Saisissez cette clé dans l'application :",
    totp_open: "Ouvrir dans une application d'authentification de cet appareil",
    totp_code: "Code de l'application",
    totp_code_hint: "6 chiffres. Cette clé n'est affichée qu'une fois.",
    activate: "Activer",
    wrong_code: "Ce code n'est pas le bon. Vérifiez l'application et réessayez.",
    passkey_title: "Ajouter une clé d'accès",
    passkey_lead: "Votre téléphone ou ordinateur garde la clé d'accès et la déverrouille par empreinte, visage ou code. Elle ne marche que sur ce site : un faux site n'obtient rien.",
    security_key_title: "Ajouter une clé de sécurité",
    security_key_lead: "Gardez votre clé de sécurité à portée de main : branchez-la ou approchez-la du téléphone quand on vous le demande, puis touchez-la.",
    webauthn_label: "Nom (facultatif)",
    webauthn_label_hint: "Pour la reconnaître plus tard, par ex. « Portable du travail ».",
    webauthn_start: "Continuer",
    webauthn_working: "Suivez les instructions du navigateur…",
    webauthn_cancelled: "C'est annulé ou le délai est dépassé. Réessayez.",
    webauthn_failed: "Impossible de l'ajouter. Réessayez.",
    codes_title: "Vos nouveaux codes de secours",
    codes_lead: "Chaque code sert une fois. Imprimez-les ou notez-les et gardez-les en lieu sûr : ils ne sont affichés que maintenant. Vos anciens codes ne marchent plus.",
    done: "Terminé",
    confirm_title: "Vérifié",
    confirm_lead: "Vous avez prouvé que c'est vous. Supprimer ce moyen ?",
    cancel: "Le garder",
    opening_title: "Ouverture de votre centre de sécurité",
    opening_lead: "Un instant…",
    continue_label: "Continuer",
    signed_out_title: "Déconnecté",
    signed_out_lead: "Vous avez quitté le centre de sécurité.",
    link_title: "Ce lien ne marche plus",
    link_lead: "Les liens vers le centre de sécurité servent une fois, pendant 5 minutes. Revenez à l'application et rouvrez le centre de sécurité.",
    session_title: "Votre session est terminée",
    session_lead: "Par sécurité, le centre de sécurité se ferme après 10 minutes sans activité et 30 minutes au total. Revenez à l'application et rouvrez-le.",
    csrf_title: "Cette demande n'a pas pu être vérifiée",
    csrf_lead: "Rien n'a été modifié. Revenez au centre de sécurité, rechargez-le et réessayez.",
    not_found_title: "Introuvable",
    not_found_lead: "Ce moyen n'est pas sur votre compte.",
    step_up_title: "Non vérifié",
    step_up_lead: "Cette vérification n'a pas abouti, ou a déjà servi. Rien n'a été modifié.",
    unsatisfiable_lead: "Pour supprimer un moyen, il faut prouver que c'est vous avec un authentificateur et un code par e-mail ou SMS, ce que ce compte ne peut pas faire. Contactez l'assistance.",
    locked_lead: "Trop de codes erronés : votre compte est bloqué quelque temps. Réessayez plus tard.",
    expired_lead: "Cette configuration a trop attendu. Recommencez.",
    error_title: "Une erreur est survenue",
    error_lead: "Rien n'a été modifié. Réessayez dans un instant.",
    events: &[
        ("factor.activated", "Moyen ajouté : {method}"),
        ("factor.removed", "Moyen supprimé : {method}"),
        ("factor.recovery_codes", "Nouveaux codes de secours"),
        ("factor.activation_failed", "Code erroné à l'ajout d'un moyen"),
        ("factor.possible_clone", "Une clé de sécurité semblait copiée et a été refusée"),
        ("contact.changed", "{field} modifié"),
        ("challenge.approved", "Vérifié : {purpose}"),
        ("challenge.failed", "Vérification échouée : {purpose}"),
        ("challenge.denied", "Refusé sur un appareil de confiance : {purpose}"),
        ("challenge.code_rejected", "Code erroné saisi"),
        ("user.locked", "Compte bloqué après des codes erronés"),
        ("portal.session_opened", "Centre de sécurité ouvert"),
    ],
};

fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

impl Texts {
    fn strength(&self, s: Strength) -> &'static str {
        self.strength[s as usize]
    }

    fn kind(&self, k: MethodKind) -> &'static str {
        self.kinds[k as usize]
    }

    fn kind_of_type(&self, t: &str) -> &'static str {
        match t {
            "totp" => self.kind(MethodKind::AuthenticatorApp),
            "hotp" => self.kind(MethodKind::HardwareToken),
            "webauthn" => self.kinds[0],
            "device" => self.kind(MethodKind::Device),
            "recovery_codes" => self.kind(MethodKind::RecoveryCodes),
            _ => "",
        }
    }

    /// One line of recent activity, or `None` for events not worth showing.
    fn activity(&self, e: &Event) -> Option<String> {
        let detail = |k: &str| e.detail.get(k).and_then(|v| v.as_str()).unwrap_or("");
        let key = if e.kind == "factor.added" && detail("factor_type") == "recovery_codes" {
            "factor.recovery_codes"
        } else {
            e.kind.as_str()
        };
        let (_, text) = self.events.iter().find(|(k, _)| *k == key)?;
        let field = match detail("field") {
            "email" => self.email,
            "phone" => self.phone,
            _ => "",
        };
        Some(
            text.replace("{method}", self.kind_of_type(detail("factor_type")))
                .replace("{purpose}", detail("purpose"))
                .replace("{field}", field),
        )
    }
}

/// A date and time as `2026-11-01 14:05 UTC`, with its `datetime` value.
fn when(t: Timestamp) -> String {
    let iso = t.to_rfc3339();
    let shown = format!("{} {} UTC", &iso[..10], iso.get(11..16).unwrap_or(""));
    format!("<time datetime=\"{}\">{}</time>", esc(&iso), esc(&shown))
}

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
        .find_map(cookie_value)
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

/// Whether the cookie gets `Secure`: whenever the server is reached over
/// https (its `public_url`). Plain http is for development on localhost.
fn secure(state: &App) -> bool {
    state.config.public_url.starts_with("https://")
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
    let opened = match state.open_portal_link(&token, ip.as_deref()).await {
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
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&set_cookie(&cookie, secure(&state), SESSION_TTL)) {
        headers.insert(header::SET_COOKIE, v);
    }
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
    let (factors, events) = (overview.factors, overview.events);
    let csrf = p.csrf_field();
    let mut html = format!(
        "<p class=\"eyebrow\">{service}</p>\n<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n",
        service = esc(&p.service.name),
        title = esc(t.title),
        lead = esc(t.lead),
    );
    let notice = match q.notice.as_deref() {
        Some("added") => Some(t.notice_added),
        Some("removed") => Some(t.notice_removed),
        _ => None,
    };
    if let Some(n) = notice {
        html.push_str(&format!(
            "<p class=\"note\" role=\"status\">{}</p>\n",
            esc(n)
        ));
    }

    let method_item = |f: &Factor| {
        let kind = MethodKind::of(f);
        let name = t.kind(kind);
        let label = f
            .label
            .as_deref()
            .map(|l| format!(" <span class=\"label\">{}</span>", esc(l)))
            .unwrap_or_default();
        let used = match f.last_used_at {
            Some(at) if f.kind != FactorType::RecoveryCodes || f.codes_left.is_some() => {
                format!("{} {}", esc(t.last_used), when(at))
            }
            _ => esc(t.never_used),
        };
        format!(
            "<li class=\"method\">\n<div class=\"method-head\"><strong>{name}</strong>{label} \
             <span class=\"strength strength-{class}\">{strength}</span></div>\n\
             <p class=\"hint\">{added} {created} · {used}</p>\n\
             <form method=\"post\" action=\"/security/methods/{id}/remove\">{csrf}\
             <button type=\"submit\" class=\"secondary\" aria-label=\"{remove} {aria}\">{remove}</button></form>\n</li>\n",
            name = esc(name),
            class = kind.strength().as_str(),
            strength = esc(t.strength(kind.strength())),
            added = esc(t.added),
            created = when(f.created_at),
            id = esc(&f.id),
            remove = esc(t.remove),
            aria = esc(&format!("{name} {}", f.label.as_deref().unwrap_or(""))),
        )
    };

    html.push_str(&format!(
        "<section aria-labelledby=\"methods-title\">\n<h2 id=\"methods-title\">{}</h2>\n<ul class=\"methods\">\n",
        esc(t.methods)
    ));
    let authenticators: Vec<&Factor> = factors
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FactorType::Webauthn | FactorType::Totp | FactorType::Hotp
            )
        })
        .collect();
    for f in &authenticators {
        html.push_str(&method_item(f));
    }
    if p.user.email.is_some() || p.user.phone.is_some() {
        html.push_str(&format!(
            "<li class=\"method\">\n<div class=\"method-head\"><strong>{}</strong> \
             <span class=\"strength strength-{}\">{}</span></div>\n</li>\n",
            esc(t.sent_codes),
            SENT_CODE_STRENGTH.as_str(),
            esc(t.strength(SENT_CODE_STRENGTH)),
        ));
    }
    html.push_str("</ul>\n");
    if authenticators.is_empty() {
        html.push_str(&format!("<p class=\"hint\">{}</p>\n", esc(t.no_methods)));
    }
    html.push_str(&format!(
        "<h3>{add}</h3>\n<div class=\"actions\">\n\
         <form method=\"post\" action=\"/security/totp\">{csrf}<button type=\"submit\">{totp}</button></form>\n\
         <a class=\"button\" href=\"/security/webauthn?kind=passkey\">{passkey}</a>\n\
         <a class=\"button\" href=\"/security/webauthn?kind=security_key\">{key}</a>\n</div>\n</section>\n",
        add = esc(t.add_method),
        totp = esc(t.add_totp),
        passkey = esc(t.add_passkey),
        key = esc(t.add_security_key),
    ));

    html.push_str(&format!(
        "<section aria-labelledby=\"devices-title\">\n<h2 id=\"devices-title\">{}</h2>\n",
        esc(t.devices)
    ));
    let devices: Vec<&Factor> = factors
        .iter()
        .filter(|f| f.kind == FactorType::Device)
        .collect();
    if devices.is_empty() {
        html.push_str(&format!("<p class=\"hint\">{}</p>\n", esc(t.no_devices)));
    } else {
        html.push_str("<ul class=\"methods\">\n");
        for f in devices {
            html.push_str(&method_item(f));
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</section>\n");

    html.push_str(&format!(
        "<section aria-labelledby=\"recovery-title\">\n<h2 id=\"recovery-title\">{}</h2>\n",
        esc(t.recovery)
    ));
    match factors.iter().find(|f| f.kind == FactorType::RecoveryCodes) {
        Some(f) => {
            html.push_str(&format!(
                "<p>{}</p>\n<ul class=\"methods\">\n{}</ul>\n",
                esc(&t
                    .recovery_left
                    .replace("{n}", &f.codes_left.unwrap_or(0).to_string())),
                method_item(f)
            ));
        }
        None => html.push_str(&format!("<p class=\"hint\">{}</p>\n", esc(t.no_recovery))),
    }
    html.push_str(&format!(
        "<form method=\"post\" action=\"/security/recovery-codes\">{csrf}<button type=\"submit\" class=\"secondary\">{}</button></form>\n</section>\n",
        esc(t.new_recovery)
    ));

    html.push_str(&format!(
        "<section aria-labelledby=\"contacts-title\">\n<h2 id=\"contacts-title\">{}</h2>\n<dl class=\"contacts\">\n",
        esc(t.contacts)
    ));
    let contact = |name: &str, value: Option<String>, verified: bool| {
        let state = match (&value, verified) {
            (None, _) => String::new(),
            (Some(_), true) => format!(
                " <span class=\"strength strength-strong\">{}</span>",
                esc(t.verified)
            ),
            (Some(_), false) => format!(
                " <span class=\"strength strength-weaker\">{}</span>",
                esc(t.unverified)
            ),
        };
        format!(
            "<dt>{}</dt><dd>{}{state}</dd>\n",
            esc(name),
            esc(&value.unwrap_or_else(|| t.none.to_owned()))
        )
    };
    html.push_str(&contact(
        t.email,
        p.user.email.as_deref().map(mask_email),
        p.user.email_verified,
    ));
    html.push_str(&contact(
        t.phone,
        p.user.phone.as_deref().map(mask_phone),
        p.user.phone_verified,
    ));
    html.push_str("</dl>\n</section>\n");

    html.push_str(&format!(
        "<section aria-labelledby=\"activity-title\">\n<h2 id=\"activity-title\">{}</h2>\n",
        esc(t.activity)
    ));
    let lines: Vec<String> = events
        .iter()
        .filter_map(|e| {
            let text = t.activity(e)?;
            let ip =
                e.ip.as_deref()
                    .map(|ip| format!(" <span class=\"hint\">{}</span>", esc(ip)))
                    .unwrap_or_default();
            Some(format!("<li>{} {}{ip}</li>\n", when(e.at), esc(&text)))
        })
        .take(ACTIVITY_SHOWN)
        .collect();
    if lines.is_empty() {
        html.push_str(&format!("<p class=\"hint\">{}</p>\n", esc(t.no_activity)));
    } else {
        html.push_str(&format!(
            "<ol class=\"activity\">\n{}</ol>\n",
            lines.concat()
        ));
    }
    html.push_str("</section>\n");

    html.push_str(&format!(
        "<div class=\"actions\">\n<form method=\"post\" action=\"/security/sign-out\">{csrf}<button type=\"submit\" class=\"secondary\">{}</button></form>\n",
        esc(t.sign_out)
    ));
    if let Some(url) = &p.session.return_url {
        html.push_str(&format!(
            "<a class=\"button secondary\" href=\"{}\">{}</a>\n",
            esc(url),
            esc(t.back_to_app)
        ));
    }
    html.push_str("</div>");
    Ok(page(p.lang, t.title, &html))
}

/// `POST /security/totp`: a new authenticator app. The page shows its key
/// (QR code, base32, otpauth link) this once; `page` sends `no-store`.
async fn start_totp(
    State(state): State<App>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Refusal> {
    let (p, _) = portal_form(&state, &headers, &body).await?;
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

#[derive(Debug, Default, Deserialize)]
struct KindQuery {
    kind: Option<String>,
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
/// with `Countersign.register` from `/assets/webauthn.js`).
async fn webauthn_page(
    State(state): State<App>,
    query: Result<Query<KindQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let p = portal(&state, &headers).await?;
    let t = p.texts();
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let Some(kind) = webauthn_kind(q.kind.as_deref()) else {
        return Err(Refusal::NotFound(p.lang));
    };
    let (title, lead, kind_name) = match kind {
        WebauthnKind::Passkey => (t.passkey_title, t.passkey_lead, "passkey"),
        WebauthnKind::SecurityKey => (t.security_key_title, t.security_key_lead, "security_key"),
    };
    let html = format!(
        "<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n\
         <div id=\"webauthn-add\" class=\"card\" data-kind=\"{kind_name}\" data-csrf=\"{csrf}\" \
         data-msg-working=\"{working}\" data-msg-cancelled=\"{cancelled}\" data-msg-failed=\"{failed}\">\n\
         <label for=\"webauthn-label\">{label}</label>\n\
         <input id=\"webauthn-label\" maxlength=\"64\" autocomplete=\"off\" aria-describedby=\"webauthn-label-hint\">\n\
         <p id=\"webauthn-label-hint\" class=\"hint\">{hint}</p>\n\
         <button id=\"webauthn-start\" type=\"button\">{start}</button>\n\
         <p id=\"webauthn-status\" class=\"status\" role=\"status\" aria-live=\"polite\"></p>\n</div>\n\
         <p><a href=\"/security\">{back}</a></p>\n\
         <script src=\"/assets/webauthn.js\" defer></script>\n<script src=\"/assets/security.js\" defer></script>",
        title = esc(title),
        lead = esc(lead),
        csrf = p.csrf(),
        working = esc(t.webauthn_working),
        cancelled = esc(t.webauthn_cancelled),
        failed = esc(t.webauthn_failed),
        label = esc(t.webauthn_label),
        hint = esc(t.webauthn_label_hint),
        start = esc(t.webauthn_start),
        back = esc(t.back),
    );
    Ok(page(p.lang, title, &html))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StartWebauthn {
    kind: String,
    label: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FinishWebauthn {
    credential: serde_json::Value,
}

/// `POST /security/webauthn {"kind","label"?}` (JSON, `X-CSRF-Token`):
/// a pending passkey or security key and the browser's creation options.
async fn start_webauthn_json(
    State(state): State<App>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let p = match portal_json(&state, &headers).await {
        Ok(p) => p,
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
        return ApiError::invalid_request("label: 1–64 characters, no control characters")
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
async fn finish_webauthn_json(
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
        Ok(_) => return Refusal::NotFound(p.lang).into_problem(),
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

/// `POST /security/recovery-codes`: a new set, shown this once (`page`
/// sends `no-store`); the old set stops working.
async fn new_recovery_codes(
    State(state): State<App>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Refusal> {
    let (p, _) = portal_form(&state, &headers, &body).await?;
    let ip = ip.map(|ip| ip.to_canonical().to_string());
    let (_, codes) = state
        .replace_recovery_codes(&p.service, &p.user, ip.as_deref())
        .await
        .map_err(Refusal::failed(p.lang))?;
    let t = p.texts();
    let items: String = codes
        .iter()
        .map(|c| format!("<li><code>{}</code></li>\n", esc(c)))
        .collect();
    let html = format!(
        "<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n<ol id=\"recovery-codes\" class=\"codes card\">\n{items}</ol>\n\
         <p><a class=\"button\" href=\"/security\">{done}</a></p>",
        title = esc(t.codes_title),
        lead = esc(t.codes_lead),
        done = esc(t.done),
    );
    Ok(page(p.lang, t.codes_title, &html))
}

/// `POST /security/methods/{id}/remove`: removes a method after a fresh
/// step-up; without one, starts a `security_change` challenge and sends
/// the user to the hosted page to pass it, which brings them back to
/// [`step_up_done`].
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
    if p.session.stepped_up(state.now()) {
        state
            .remove_factor(&p.service, &p.user, &factor, ip.as_deref())
            .await
            .map_err(Refusal::failed(p.lang))?;
        return Ok(see_other("/security?notice=removed"));
    }
    let step_up = state
        .begin_step_up(&p, &factor, ip)
        .await
        .map_err(Refusal::failed(p.lang))?;
    Ok(see_other(&step_up))
}

#[derive(Debug, Default, Deserialize)]
struct StepUpQuery {
    challenge_id: Option<String>,
}

/// `GET /security/step-up/done?challenge_id=…`: back from the hosted page.
/// The challenge must be the one this session started, for its user,
/// approved, and not used before; then removals are allowed for
/// `STEP_UP_TTL` and the removal the user asked for waits for their
/// confirmation (a state change is never made by a GET).
async fn step_up_done(
    State(state): State<App>,
    query: Result<Query<StepUpQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let p = portal(&state, &headers).await?;
    let t = p.texts();
    let refused = || {
        message(
            p.lang,
            StatusCode::FORBIDDEN,
            t.step_up_title,
            t.step_up_lead,
            Some(("/security", t.back)),
        )
    };
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let step_up = state
        .finish_step_up(&p, q.challenge_id.as_deref())
        .await
        .map_err(Refusal::failed(p.lang))?;
    let factor = match step_up {
        StepUp::Refused => return Ok(refused()),
        StepUp::Passed {
            pending_removal: None,
        } => return Ok(see_other("/security")),
        StepUp::Passed {
            pending_removal: Some(factor),
        } => factor,
    };
    let name = t.kind(MethodKind::of(&factor));
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
    Ok(page(p.lang, t.confirm_title, &html))
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
    if let Ok(v) = HeaderValue::from_str(&clear_cookie(secure(&state))) {
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
            get(webauthn_page).post(start_webauthn_json),
        )
        .route(
            "/security/webauthn/{id}/activate",
            post(finish_webauthn_json),
        )
        .route("/security/recovery-codes", post(new_recovery_codes))
        .route("/security/methods/{id}/remove", post(remove_method))
        .route("/security/step-up/done", get(step_up_done))
        .route("/security/sign-out", post(sign_out))
        .route(
            "/assets/security.js",
            get(|| async {
                super::asset(
                    "text/javascript; charset=utf-8",
                    include_str!("../../assets/security.js"),
                )
            }),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_name_the_same_events() {
        let keys = |t: &Texts| t.events.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(&EN), keys(&FR));
    }

    #[test]
    fn activity_lines_name_the_method_and_skip_the_rest() {
        let e = |kind: &str, detail: serde_json::Value| {
            Event::new("svc", Some("u"), kind, Timestamp(0), None, detail)
        };
        assert_eq!(
            EN.activity(&e("factor.removed", json!({"factor_type": "totp"})))
                .as_deref(),
            Some("Method removed: Authenticator app")
        );
        assert_eq!(
            FR.activity(&e("factor.added", json!({"factor_type": "recovery_codes"})))
                .as_deref(),
            Some("Nouveaux codes de secours")
        );
        assert_eq!(
            EN.activity(&e("factor.added", json!({"factor_type": "totp"}))),
            None
        );
        assert_eq!(
            EN.activity(&e("contact.changed", json!({"field": "email"})))
                .as_deref(),
            Some("Email changed")
        );
    }

    #[test]
    fn times_are_shown_in_utc() {
        assert_eq!(
            when(Timestamp(1_793_491_200_000)),
            "<time datetime=\"2026-11-01T00:00:00Z\">2026-11-01 00:00 UTC</time>"
        );
    }
}
