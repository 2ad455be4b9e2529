//! Security notices: when a method is added or removed, a contact changes or
//! recovery codes are replaced, every verified contact point hears about it
//! (the old one too, after a change), so that the real owner learns of a
//! takeover while the withdrawal hold still protects the money. Alerts
//! (an authenticator code used twice; a sign-in from a new device or
//! country, when the service asks for them) reach the same contacts.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::factor::FactorType;
use crate::message::fill_template;
use crate::policy::Channel;
use crate::user::User;
use crate::Timestamp;

/// What changed on the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum SecurityChange {
    FactorAdded {
        factor: FactorType,
    },
    FactorRemoved {
        factor: FactorType,
    },
    EmailChanged,
    PhoneChanged,
    RecoveryCodesRegenerated,
    /// Alert: an authenticator app's code was typed again after it had been
    /// used; someone else may be reading the user's codes.
    TotpReplayed,
    /// Alert: a sign-in was approved from a device the integrator had not
    /// seen, or a country the user was not approved from lately.
    RiskySignIn {
        new_device: bool,
        new_country: bool,
    },
}

impl SecurityChange {
    /// The name events use for it (`user.security_hold`'s `because`).
    pub fn kind(self) -> &'static str {
        match self {
            SecurityChange::FactorAdded { .. } => "factor_added",
            SecurityChange::FactorRemoved { .. } => "factor_removed",
            SecurityChange::EmailChanged | SecurityChange::PhoneChanged => "contact_changed",
            SecurityChange::RecoveryCodesRegenerated => "recovery_codes_regenerated",
            SecurityChange::TotpReplayed => "totp_replayed",
            SecurityChange::RiskySignIn { .. } => "risky_sign_in",
        }
    }

    /// Alerts tell of something seen, not of a change made: they hold
    /// nothing and have their own subject.
    pub fn is_alert(self) -> bool {
        matches!(
            self,
            SecurityChange::TotpReplayed | SecurityChange::RiskySignIn { .. }
        )
    }
}

/// Everything a notice says, fixed when the change happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeContent {
    #[serde(flatten)]
    pub change: SecurityChange,
    pub at: Timestamp,
    /// The end user's IP, when the integrator passed it.
    pub ip: Option<String>,
    /// Until when withdrawals are held, if they are.
    pub held_until: Option<Timestamp>,
}

/// Where notices about a change go: every verified contact the user had
/// before or has after it, once each. A new, unverified address gets none:
/// it may be the attacker's.
pub fn recipients(before: &User, after: &User) -> Vec<(Channel, String)> {
    let mut to = Vec::new();
    for u in [after, before] {
        if let Some(email) = u.email.as_ref().filter(|_| u.email_verified) {
            to.push((Channel::Email, email.clone()));
        }
        if let Some(phone) = u.phone.as_ref().filter(|_| u.phone_verified) {
            to.push((Channel::Sms, phone.clone()));
        }
    }
    let mut unique = Vec::new();
    for r in to {
        if !unique.contains(&r) {
            unique.push(r);
        }
    }
    unique
}

struct Catalog {
    subject: &'static str,
    alert_subject: &'static str,
    totp_replayed: &'static str,
    /// A sign-in from `{what}`: a new device, a new country, or both.
    risky_sign_in: &'static str,
    new_device: &'static str,
    new_country: &'static str,
    new_device_and_country: &'static str,
    factor_added: &'static str,
    factor_removed: &'static str,
    email_changed: &'static str,
    phone_changed: &'static str,
    codes_regenerated: &'static str,
    factors: [(FactorType, &'static str); 5],
    from_ip: &'static str,
    held: &'static str,
    sms: &'static str,
    email: &'static str,
    months: [&'static str; 12],
    date: &'static str,
}

const EN: Catalog = Catalog {
    subject: "Security change on your {service} account",
    alert_subject: "Security alert on your {service} account",
    totp_replayed: "a code from your authenticator app was entered again after it had already been used, which does not happen in normal use: someone else may be seeing your codes",
    risky_sign_in: "someone signed in to your account from {what}",
    new_device: "a new device",
    new_country: "a new country",
    new_device_and_country: "a new device in a new country",
    factor_added: "{factor} was added to your account",
    factor_removed: "{factor} was removed from your account",
    email_changed: "the email address of your account was changed",
    phone_changed: "the phone number of your account was changed",
    codes_regenerated: "new recovery codes were created (the old ones no longer work)",
    factors: [
        (FactorType::Totp, "an authenticator app"),
        (FactorType::Hotp, "a hardware code token"),
        (FactorType::Webauthn, "a passkey or security key"),
        (FactorType::Device, "a trusted device"),
        (FactorType::RecoveryCodes, "a set of recovery codes"),
    ],
    from_ip: " from IP address {ip}",
    held: "For your protection, withdrawals are on hold until {held}.",
    sms: "{service}: {what} on {when}. Not you? Contact {service} support now. {held}",
    email: "Hello,\n\nOn {when}{from}, {what}.\n\nIf this was you, there is nothing to do.\n\nIf it was not you, someone may have access to your account: contact {service} support right away, and do not share any code you receive. {held}\n\n{service} will never ask you for a code or a password.\n",
    months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    date: "{month} {day}, {year} at {hour}:{minute} UTC",
};

const FR: Catalog = Catalog {
    subject: "Modification de sécurité sur votre compte {service}",
    alert_subject: "Alerte de sécurité sur votre compte {service}",
    totp_replayed: "un code de votre application d'authentification a été saisi de nouveau alors qu'il avait déjà servi, ce qui n'arrive pas en temps normal : quelqu'un d'autre voit peut-être vos codes",
    risky_sign_in: "une connexion à votre compte a eu lieu depuis {what}",
    new_device: "un nouvel appareil",
    new_country: "un nouveau pays",
    new_device_and_country: "un nouvel appareil dans un nouveau pays",
    factor_added: "{factor} a été ajouté(e) à votre compte",
    factor_removed: "{factor} a été retiré(e) de votre compte",
    email_changed: "l'adresse e-mail de votre compte a été modifiée",
    phone_changed: "le numéro de téléphone de votre compte a été modifié",
    codes_regenerated: "de nouveaux codes de récupération ont été créés (les anciens ne fonctionnent plus)",
    factors: [
        (FactorType::Totp, "une application d'authentification"),
        (FactorType::Hotp, "un jeton matériel à codes"),
        (FactorType::Webauthn, "une clé d'accès ou clé de sécurité"),
        (FactorType::Device, "un appareil de confiance"),
        (FactorType::RecoveryCodes, "un jeu de codes de récupération"),
    ],
    from_ip: " depuis l'adresse IP {ip}",
    held: "Par précaution, les retraits sont suspendus jusqu'au {held}.",
    sms: "{service} : {what} le {when}. Ce n'est pas vous ? Contactez le support {service} tout de suite. {held}",
    email: "Bonjour,\n\nLe {when}{from}, {what}.\n\nSi c'est bien vous, vous n'avez rien à faire.\n\nSinon, quelqu'un a peut-être accès à votre compte : contactez immédiatement le support {service} et ne communiquez aucun code reçu. {held}\n\n{service} ne vous demandera jamais de code ni de mot de passe.\n",
    months: [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ],
    date: "{day} {month} {year} à {hour}:{minute} UTC",
};

fn catalog_for(locale: Option<&str>) -> (&'static str, &'static Catalog) {
    match locale
        .and_then(|l| l.split(['-', '_']).next())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("fr") => ("fr", &FR),
        _ => ("en", &EN),
    }
}

fn human_date(cat: &Catalog, at: Timestamp) -> String {
    let t = OffsetDateTime::from_unix_timestamp(at.millis().div_euclid(1000))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    cat.date
        .replace("{month}", cat.months[usize::from(u8::from(t.month())) - 1])
        .replace("{day}", &t.day().to_string())
        .replace("{year}", &t.year().to_string())
        .replace("{hour}", &format!("{:02}", t.hour()))
        .replace("{minute}", &format!("{:02}", t.minute()))
}

/// A notice in the user's language: (language, subject, body).
pub fn render(
    channel: Channel,
    locale: Option<&str>,
    service_name: &str,
    n: &NoticeContent,
) -> (&'static str, String, String) {
    let (language, cat) = catalog_for(locale);
    let factor = |f: FactorType| {
        cat.factors
            .iter()
            .find(|(t, _)| *t == f)
            .map_or("", |(_, name)| *name)
    };
    let what = match n.change {
        SecurityChange::FactorAdded { factor: f } => {
            cat.factor_added.replace("{factor}", factor(f))
        }
        SecurityChange::FactorRemoved { factor: f } => {
            cat.factor_removed.replace("{factor}", factor(f))
        }
        SecurityChange::EmailChanged => cat.email_changed.to_owned(),
        SecurityChange::PhoneChanged => cat.phone_changed.to_owned(),
        SecurityChange::RecoveryCodesRegenerated => cat.codes_regenerated.to_owned(),
        SecurityChange::TotpReplayed => cat.totp_replayed.to_owned(),
        SecurityChange::RiskySignIn {
            new_device,
            new_country,
        } => {
            let from = match (new_device, new_country) {
                (true, true) => cat.new_device_and_country,
                (false, true) => cat.new_country,
                _ => cat.new_device,
            };
            fill_template(cat.risky_sign_in, &[("what", from)])
        }
    };
    let held = n
        .held_until
        .map(|h| fill_template(cat.held, &[("held", &human_date(cat, h))]))
        .unwrap_or_default();
    let from =
        n.ip.as_deref()
            .map(|ip| fill_template(cat.from_ip, &[("ip", ip)]))
            .unwrap_or_default();
    let template = match channel {
        Channel::Email => cat.email,
        Channel::Sms | Channel::Voice => cat.sms,
    };
    let body = fill_template(
        template,
        &[
            ("what", &what),
            ("when", &human_date(cat, n.at)),
            ("from", &from),
            ("held", &held),
            ("service", service_name),
        ],
    );
    let subject = if n.change.is_alert() {
        cat.alert_subject
    } else {
        cat.subject
    };
    let subject = fill_template(subject, &[("service", service_name)]);
    (language, subject, body.trim_end_matches(' ').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-26 01:10:00 UTC
    const AT: Timestamp = Timestamp(1_795_655_400_000);

    fn user(email: (&str, bool), phone: (&str, bool)) -> User {
        let mut u = User::new(
            &crate::ids::ServiceId::from_trusted("svc_1"),
            &crate::ids::UserId::from_trusted("alice"),
            AT,
        );
        u.email = Some(email.0.into());
        u.email_verified = email.1;
        u.phone = Some(phone.0.into());
        u.phone_verified = phone.1;
        u
    }

    #[test]
    fn every_verified_contact_before_and_after_is_told_once() {
        let before = user(("old@example.com", true), ("+33612345689", true));
        let mut after = before.clone();
        after.email = Some("new@example.com".into());
        after.email_verified = false;
        assert_eq!(
            recipients(&before, &after),
            vec![
                (Channel::Sms, "+33612345689".to_owned()),
                (Channel::Email, "old@example.com".to_owned()),
            ]
        );
        let unverified = user(("a@example.com", false), ("+33612345689", false));
        assert!(recipients(&unverified, &unverified).is_empty());
    }

    fn content() -> NoticeContent {
        NoticeContent {
            change: SecurityChange::FactorAdded {
                factor: FactorType::Totp,
            },
            at: AT,
            ip: Some("203.0.113.7".into()),
            held_until: Some(AT.plus(std::time::Duration::from_secs(86_400))),
        }
    }

    #[test]
    fn the_email_says_what_when_where_and_what_to_do() {
        let (lang, subject, body) = render(Channel::Email, Some("en-GB"), "Acme Bank", &content());
        assert_eq!(lang, "en");
        assert_eq!(subject, "Security change on your Acme Bank account");
        assert!(body.contains(
            "On Nov 26, 2026 at 01:10 UTC from IP address 203.0.113.7, an authenticator app was added to your account."
        ));
        assert!(body.contains("contact Acme Bank support right away"));
        assert!(body.contains("withdrawals are on hold until Nov 27, 2026 at 01:10 UTC"));
    }

    #[test]
    fn the_sms_is_short_and_localised() {
        let mut n = content();
        n.change = SecurityChange::PhoneChanged;
        n.held_until = None;
        let (lang, _, body) = render(Channel::Sms, Some("fr"), "Acme Bank", &n);
        assert_eq!(lang, "fr");
        assert_eq!(
            body,
            "Acme Bank : le numéro de téléphone de votre compte a été modifié le 26 nov. 2026 à 01:10 UTC. Ce n'est pas vous ? Contactez le support Acme Bank tout de suite."
        );
        assert!(body.chars().count() < 320, "fits in two SMS segments");
    }

    #[test]
    fn every_change_has_words_in_every_language() {
        let changes = [
            SecurityChange::FactorAdded {
                factor: FactorType::Webauthn,
            },
            SecurityChange::FactorRemoved {
                factor: FactorType::Device,
            },
            SecurityChange::EmailChanged,
            SecurityChange::PhoneChanged,
            SecurityChange::RecoveryCodesRegenerated,
            SecurityChange::TotpReplayed,
            SecurityChange::RiskySignIn {
                new_device: true,
                new_country: false,
            },
            SecurityChange::RiskySignIn {
                new_device: true,
                new_country: true,
            },
        ];
        for locale in ["en", "fr"] {
            for change in changes {
                let n = NoticeContent {
                    change,
                    ..content()
                };
                let (_, _, body) = render(Channel::Email, Some(locale), "Acme", &n);
                assert!(!body.contains('{'), "{locale} {change:?}: {body}");
            }
        }
    }

    #[test]
    fn alerts_say_what_was_seen_under_their_own_subject() {
        let n = NoticeContent {
            change: SecurityChange::RiskySignIn {
                new_device: false,
                new_country: true,
            },
            held_until: None,
            ..content()
        };
        let (_, subject, body) = render(Channel::Email, None, "Acme Bank", &n);
        assert_eq!(subject, "Security alert on your Acme Bank account");
        assert!(
            body.contains("someone signed in to your account from a new country."),
            "{body}"
        );
        let n = NoticeContent {
            change: SecurityChange::TotpReplayed,
            ..n
        };
        let (_, subject, body) = render(Channel::Sms, Some("fr"), "Acme Bank", &n);
        assert_eq!(subject, "Alerte de sécurité sur votre compte Acme Bank");
        assert!(body.contains("a été saisi de nouveau"), "{body}");
    }

    #[test]
    fn content_round_trips_as_stored() {
        let json = serde_json::to_value(content()).unwrap();
        assert_eq!(json["change"], "factor_added");
        assert_eq!(json["factor"], "totp");
        let back: NoticeContent = serde_json::from_value(json).unwrap();
        assert_eq!(back, content());
    }
}
