//! The security center's first page: the account's methods with their
//! strength, trusted devices, recovery codes, contacts, recent activity and
//! open sessions (`templates/security/overview.html`).

use askama::Template;
use countersign_app::portal::Overview;
use countersign_core::contact::{mask_email, mask_phone};
use countersign_core::event::Event;
use countersign_core::factor::{Factor, FactorType};
use countersign_core::portal::{MethodKind, Strength, SENT_CODE_STRENGTH};
use countersign_core::Timestamp;
use countersign_i18n::Texts;

use super::sessions::{session_items, SessionItem};
use super::{Portal, ACTIVITY_SHOWN};
use crate::pages::unbroken;

/// One method in a list, with the button that removes it.
pub(super) struct MethodItem<'a> {
    pub(super) id: &'a str,
    pub(super) kind: MethodKind,
    pub(super) label: Option<&'a str>,
    pub(super) created: Timestamp,
    /// When it was last used, if it was (and if that can be told).
    pub(super) used: Option<Timestamp>,
}

impl<'a> MethodItem<'a> {
    fn of(f: &'a Factor) -> MethodItem<'a> {
        MethodItem {
            id: &f.id,
            kind: MethodKind::of(f),
            label: f.label.as_deref(),
            created: f.created_at,
            used: f
                .last_used_at
                .filter(|_| f.kind != FactorType::RecoveryCodes || f.codes_left.is_some()),
        }
    }
}

/// One line of recent activity.
struct ActivityLine {
    at: Timestamp,
    text: String,
    ip: Option<String>,
}

#[derive(Template)]
#[template(path = "security/overview.html")]
pub(super) struct OverviewPage<'a> {
    t: Texts,
    csrf: String,
    service: &'a str,
    /// The message id of what the last action did.
    notice: Option<&'a str>,
    /// The other live sessions, when the page offers to end them (after a
    /// security change); else 0.
    others: usize,
    authenticators: Vec<MethodItem<'a>>,
    /// Codes can be sent (the user has an email or a phone).
    sent_codes: bool,
    sent_codes_strength: Strength,
    devices: Vec<MethodItem<'a>>,
    /// Codes left and the set.
    recovery: Option<(u32, MethodItem<'a>)>,
    /// (message id of the name, masked value, verified)
    contacts: [(&'static str, Option<String>, bool); 2],
    activity: Vec<ActivityLine>,
    sessions: Vec<SessionItem<'a>>,
    others_open: bool,
    return_url: Option<&'a str>,
}

/// The page, with `notice` (the message id of what the last action did)
/// on top, and after a security change (`changed`) the offer to end other
/// sessions.
pub(super) fn render<'a>(
    p: &'a Portal,
    overview: &'a Overview,
    notice: Option<&'a str>,
    changed: bool,
) -> OverviewPage<'a> {
    let t = p.texts();
    let factors = &overview.factors;
    let of_kind = |kinds: &[FactorType]| -> Vec<MethodItem<'a>> {
        factors
            .iter()
            .filter(|f| kinds.contains(&f.kind))
            .map(MethodItem::of)
            .collect()
    };
    let others = overview
        .sessions
        .iter()
        .filter(|s| s.id != p.session.id)
        .count();
    OverviewPage {
        t,
        csrf: p.csrf(),
        service: &p.service.name,
        notice,
        others: if changed { others } else { 0 },
        authenticators: of_kind(&[FactorType::Webauthn, FactorType::Totp, FactorType::Hotp]),
        sent_codes: p.user.email.is_some() || p.user.phone.is_some(),
        sent_codes_strength: SENT_CODE_STRENGTH,
        devices: of_kind(&[FactorType::Device]),
        recovery: factors
            .iter()
            .find(|f| f.kind == FactorType::RecoveryCodes)
            .map(|f| (f.codes_left.unwrap_or(0), MethodItem::of(f))),
        contacts: [
            (
                "security-email",
                p.user.email.as_deref().map(|e| unbroken(&mask_email(e))),
                p.user.email_verified,
            ),
            (
                "security-phone",
                p.user.phone.as_deref().map(|n| unbroken(&mask_phone(n))),
                p.user.phone_verified,
            ),
        ],
        activity: overview
            .events
            .iter()
            .filter_map(|e| {
                Some(ActivityLine {
                    at: e.at,
                    text: activity(t, e)?,
                    ip: e.ip.clone(),
                })
            })
            .take(ACTIVITY_SHOWN)
            .collect(),
        sessions: session_items(p, &overview.sessions),
        others_open: others > 0,
        return_url: p.session.return_url.as_deref(),
    }
}

/// One line of recent activity, or `None` for events not worth showing.
fn activity(t: Texts, e: &Event) -> Option<String> {
    let detail = |k: &str| e.detail.get(k).and_then(|v| v.as_str()).unwrap_or("");
    let id = match e.kind.as_str() {
        "factor.added" if detail("factor_type") == "recovery_codes" => {
            "security-event-recovery-codes"
        }
        "factor.activated" => "security-event-factor-activated",
        "factor.removed" => "security-event-factor-removed",
        "factor.activation_failed" => "security-event-factor-activation-failed",
        "factor.possible_clone" => "security-event-factor-possible-clone",
        "contact.changed" => "security-event-contact-changed",
        "challenge.approved" => "security-event-challenge-approved",
        "challenge.failed" => "security-event-challenge-failed",
        "challenge.denied" => "security-event-challenge-denied",
        "challenge.code_rejected" => "security-event-challenge-code-rejected",
        "user.locked" => "security-event-user-locked",
        "portal.session_opened" => "security-event-portal-session-opened",
        "portal.session_revoked" => "security-event-portal-session-revoked",
        _ => return None,
    };
    Some(
        t.msg(id)
            .arg("kind", detail("factor_type"))
            .arg("purpose", detail("purpose"))
            .arg("field", detail("field"))
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use countersign_i18n::negotiate;
    use serde_json::json;

    #[test]
    fn activity_lines_name_the_method_and_skip_the_rest() {
        let en = negotiate(None, None, None).texts();
        let fr = negotiate(Some("fr"), None, None).texts();
        let e = |kind: &str, detail: serde_json::Value| {
            Event::new("svc", Some("u"), kind, Timestamp(0), None, detail)
        };
        assert_eq!(
            activity(en, &e("factor.removed", json!({"factor_type": "totp"}))).as_deref(),
            Some("Method removed: Authenticator app")
        );
        assert_eq!(
            activity(
                fr,
                &e("factor.added", json!({"factor_type": "recovery_codes"}))
            )
            .as_deref(),
            Some("Nouveaux codes de secours")
        );
        assert_eq!(
            activity(en, &e("factor.added", json!({"factor_type": "totp"}))),
            None
        );
        assert_eq!(
            activity(en, &e("contact.changed", json!({"field": "email"}))).as_deref(),
            Some("Email changed")
        );
        assert_eq!(
            activity(fr, &e("challenge.approved", json!({"purpose": "login"}))).as_deref(),
            Some("Vérifié : vous connecter")
        );
    }
}
