//! Security notices in the user's language: what changed on the account
//! (or was seen, for an alert), when, from where, and what to do if it was
//! not them. Who gets one and what it says are core's
//! ([`countersign_core::notice`]); this is how it reads.

use countersign_core::notice::{NoticeContent, SecurityChange};
use countersign_core::policy::Channel;
use countersign_core::sms::segments;

use crate::email::{compose, Paragraph};
use crate::{Locale, ServiceBrand, Texts};

/// A notice as its channel carries it.
#[derive(Debug, Clone)]
pub struct Notice {
    /// The language it is in: a call's voice speaks it
    /// ([`crate::Language::speech`]).
    pub locale: Locale,
    pub subject: String,
    /// The text (an email's text part).
    pub body: String,
    /// An email's HTML part, with the service's brand.
    pub html: Option<String>,
}

/// What happened, as a clause: "an authenticator app was added to your
/// account" (`prefix` "notice-"), or "authenticator app added" for an SMS,
/// which must fit in one segment ("notice-sms-").
fn what(t: Texts, change: SecurityChange, prefix: &str) -> String {
    let id = |name: &str| format!("{prefix}{name}");
    match change {
        SecurityChange::FactorAdded { factor } => t
            .msg(&id("factor-added"))
            .arg("factor", factor.as_str())
            .to_string(),
        SecurityChange::FactorRemoved { factor } => t
            .msg(&id("factor-removed"))
            .arg("factor", factor.as_str())
            .to_string(),
        SecurityChange::EmailChanged => t.get(&id("email-changed")),
        SecurityChange::PhoneChanged => t.get(&id("phone-changed")),
        SecurityChange::RecoveryCodesRegenerated => t.get(&id("codes-regenerated")),
        SecurityChange::TotpReplayed => t.get(&id("totp-replayed")),
        SecurityChange::RiskySignIn {
            new_device,
            new_country,
        } => {
            let seen = match (new_device, new_country) {
                (true, true) => "both",
                (false, true) => "country",
                _ => "device",
            };
            t.msg(&id("risky-sign-in")).arg("seen", seen).to_string()
        }
    }
}

/// What happened, when, and until when withdrawals are held, in full
/// words and long dates: for the email and the call.
fn in_full(t: Texts, n: &NoticeContent) -> (String, String, Option<String>) {
    (
        what(t, n.change, "notice-"),
        t.datetime(n.at),
        n.held_until.map(|h| t.until(h)),
    )
}

/// A notice in the user's language, from `service_name` (with its brand,
/// in an email).
pub fn render(
    channel: Channel,
    locale: Option<&str>,
    service_name: &str,
    brand: &ServiceBrand<'_>,
    n: &NoticeContent,
) -> Notice {
    let locale = Locale::of_user(locale);
    let t = locale.plain_texts();
    let subject = if n.change.is_alert() {
        "notice-alert-subject"
    } else {
        "notice-subject"
    };
    let subject = t.msg(subject).arg("service", service_name).to_string();
    let mut html = None;
    let body = match channel {
        Channel::Email => {
            let (what, when, held) = in_full(t, n);
            let what = match &n.ip {
                Some(ip) => t.msg("notice-email-what-ip").arg("ip", ip.as_str()),
                None => t.msg("notice-email-what"),
            }
            .arg("when", when.as_str())
            .arg("what", what.as_str())
            .to_string();
            let service = |id: &str| t.msg(id).arg("service", service_name).to_string();
            let held = held.map(|until| t.msg("notice-email-held").arg("until", until).to_string());
            let paragraphs: Vec<Paragraph> = [
                Some(t.get("email-hello")),
                Some(what),
                Some(t.get("notice-email-if-you")),
                Some(service("notice-email-if-not-you")),
                held,
                Some(service("notice-email-never-ask")),
            ]
            .into_iter()
            .flatten()
            .map(Paragraph::text)
            .collect();
            let email = compose(t, &subject, service_name, brand, &paragraphs);
            html = Some(email.html);
            email.text
        }
        // A call is heard, not read: the email's full sentences and dates
        // in the user's own script (the SMS's wording is cut to one
        // segment, and in some languages written without diacritics or in
        // English, which a voice of that language reads badly), the hold
        // always, and no IP address.
        Channel::Voice => {
            let (what, when, held) = in_full(t, n);
            match &held {
                Some(until) => t.msg("notice-call-held").arg("until", until.as_str()),
                None => t.msg("notice-call"),
            }
            .arg("service", service_name)
            .arg("what", what.as_str())
            .arg("when", when.as_str())
            .to_string()
        }
        // One SMS segment: short words, short dates. The hold ("withdrawals
        // held until …") gives way where it would push the SMS to a second
        // segment (in a UCS-2 language, with 70 characters, it does): what
        // happened and "not you? call" matter more, and the email and the
        // call still say it.
        Channel::Sms => {
            let what = what(t, n.change, "notice-sms-");
            let when = t.datetime_short(n.at);
            let held = n.held_until.map(|h| t.until_short(h));
            let text = |held: Option<&str>| {
                match held {
                    Some(until) => t.msg("notice-sms-held").arg("until", until),
                    None => t.msg("notice-sms"),
                }
                .arg("service", service_name)
                .arg("what", what.as_str())
                .arg("when", when.as_str())
                .to_string()
            };
            let full = text(held.as_deref());
            if held.is_some() && segments(&full).count > 1 {
                text(None)
            } else {
                full
            }
        }
    };
    Notice {
        locale,
        subject,
        body,
        html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use countersign_core::factor::FactorType;
    use countersign_core::Timestamp;

    use crate::LANGUAGES;

    // 2026-11-26 01:10:00 UTC
    const AT: Timestamp = Timestamp(1_795_655_400_000);

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
    fn a_notice_email_ends_with_the_services_links() {
        let links = ServiceBrand {
            support: Some("help@bank.example"),
            support_href: Some("mailto:help@bank.example".into()),
            privacy: Some("https://bank.example/privacy"),
            ..ServiceBrand::NONE
        };
        let Notice { body, .. } =
            render(Channel::Email, Some("fr"), "Acme Bank", &links, &content());
        assert!(
            body.ends_with("\n\nAide : help@bank.example\nPolitique de confidentialité : https://bank.example/privacy\n"),
            "{body}"
        );
        let Notice { body: sms, .. } =
            render(Channel::Sms, Some("fr"), "Acme Bank", &links, &content());
        assert!(!sms.contains("bank.example"), "{sms}");
        let Notice { html, .. } =
            render(Channel::Email, Some("fr"), "Acme Bank", &links, &content());
        let html = html.expect("an HTML part");
        assert!(html.contains(r#"<html lang="fr" dir="ltr">"#), "{html}");
        assert!(
            html.contains("<p style=\"margin:0 0 16px\">Bonjour,</p>"),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="mailto:help@bank.example""#),
            "{html}"
        );
    }

    #[test]
    fn the_email_says_what_when_where_and_what_to_do() {
        let Notice {
            locale: lang,
            subject,
            body,
            ..
        } = render(
            Channel::Email,
            Some("en-GB"),
            "Acme Bank",
            &ServiceBrand::NONE,
            &content(),
        );
        assert_eq!(lang.tag(), "en");
        assert_eq!(subject, "Security change on your Acme Bank account");
        assert_eq!(
            body,
            "Hello,\n\n\
             On Nov 26, 2026 at 01:10 UTC from IP address 203.0.113.7, an authenticator app was added to your account.\n\n\
             If this was you, there is nothing to do.\n\n\
             If it was not you, someone may have access to your account: contact Acme Bank support right away, and do not share any code you receive.\n\n\
             For your protection, withdrawals are on hold until Nov 27, 2026 at 01:10 UTC.\n\n\
             Acme Bank will never ask you for a code or a password.\n"
        );
        let n = NoticeContent {
            ip: None,
            held_until: None,
            ..content()
        };
        let Notice { body, .. } = render(
            Channel::Email,
            Some("fr"),
            "Acme Bank",
            &ServiceBrand::NONE,
            &n,
        );
        assert!(
            body.contains("Le 26 nov. 2026 à 01:10 UTC, une application d'authentification a été ajoutée à votre compte.\n\n"),
            "{body}"
        );
        assert!(
            body.contains("ne communiquez aucun code reçu.\n\nAcme Bank ne vous demandera jamais"),
            "{body}"
        );
    }

    #[test]
    fn an_italian_hold_until_the_8th_is_all_8() {
        let n = NoticeContent {
            held_until: Some(Timestamp(AT.millis() - 18 * 86_400_000)),
            ..content()
        };
        for channel in Channel::ALL {
            let Notice { body, .. } =
                render(channel, Some("it"), "Acme Bank", &ServiceBrand::NONE, &n);
            assert!(body.contains("fino all'8 nov"), "{channel:?}: {body}");
        }
    }

    #[test]
    fn the_sms_is_short_and_localised() {
        let mut n = content();
        n.change = SecurityChange::PhoneChanged;
        n.held_until = None;
        let Notice {
            locale: lang, body, ..
        } = render(
            Channel::Sms,
            Some("fr"),
            "Acme Bank",
            &ServiceBrand::NONE,
            &n,
        );
        assert_eq!(lang.tag(), "fr");
        assert_eq!(
            body,
            "Acme Bank : numéro de téléphone modifié (26/11 à 01:10 UTC). Pas vous ? Contactez le support."
        );
        let Notice { body, .. } = render(
            Channel::Sms,
            Some("ar"),
            "Acme Bank",
            &ServiceBrand::NONE,
            &n,
        );
        assert_eq!(
            body,
            "Acme Bank: رقم هاتف جديد 26/11 01:10 UTC. لستم أنتم؟ اتصلوا"
        );
        let Notice { body, .. } = render(
            Channel::Sms,
            Some("en"),
            "Acme Bank",
            &ServiceBrand::NONE,
            &content(),
        );
        assert_eq!(
            body,
            "Acme Bank: authenticator app added (Nov 26, 01:10 UTC). Not you? Contact support now. Withdrawals held until Nov 27, 01:10 UTC."
        );
    }

    #[test]
    fn a_cyrillic_sms_drops_the_hold_to_stay_one_segment_and_a_call_says_it() {
        let Notice {
            locale: lang,
            body: sms,
            ..
        } = render(
            Channel::Sms,
            Some("ru-RU"),
            "Acme Bank",
            &ServiceBrand::NONE,
            &content(),
        );
        assert_eq!(lang.tag(), "ru");
        assert_eq!(
            sms,
            "Acme Bank: новый аутентификатор 26.11 01:10 UTC. Не вы? Звоните"
        );
        let Notice { body: call, .. } = render(
            Channel::Voice,
            Some("uk"),
            "Acme Bank",
            &ServiceBrand::NONE,
            &content(),
        );
        assert_eq!(
            call,
            "Це сповіщення про безпеку від Acme Bank. \
             26 лист. 2026 р. о 01:10 UTC: до вашого облікового запису додано застосунок-автентифікатор. \
             Якщо це були ви, нічого робити не потрібно. \
             Якщо це були не ви, можливо, хтось отримав доступ до вашого облікового запису: \
             негайно зверніться до служби підтримки Acme Bank і нікому не повідомляйте отримані коди. \
             З міркувань вашого захисту виведення коштів призупинено до 27 лист. 2026 р. о 01:10 UTC."
        );
    }

    #[test]
    fn a_cyrillic_sms_about_a_new_device_in_a_new_country_names_both() {
        let n = NoticeContent {
            change: SecurityChange::RiskySignIn {
                new_device: true,
                new_country: true,
            },
            ..content()
        };
        let Notice { body: sms, .. } = render(
            Channel::Sms,
            Some("ru"),
            "Acme Bank",
            &ServiceBrand::NONE,
            &n,
        );
        assert!(sms.contains("новые устройство и страна"), "{sms}");
        let Notice { body: sms, .. } = render(
            Channel::Sms,
            Some("uk"),
            "Acme Bank",
            &ServiceBrand::NONE,
            &n,
        );
        assert!(sms.contains("нові пристрій і країна"), "{sms}");
    }

    /// Whether `c` is a letter only `tag`'s script or alphabet has (among
    /// the product's languages): a call read by a voice of that language
    /// must be written with them, not in English or in the SMS's letters
    /// without diacritics.
    fn own_letter(tag: &str, c: char) -> bool {
        let any_of = |letters: &str| letters.contains(c);
        match tag {
            "fr" => any_of("éèêàçù"),
            "de" => any_of("äöüß"),
            "es" => any_of("áéíóúñ¿"),
            "pt-BR" => any_of("ãõçáéêôí"),
            "it" => any_of("èàòùì"),
            "pl" => any_of("ąćęłńóśźż"),
            "tr" => any_of("şğıİçöü"),
            "vi" => any_of("ăâđêôơưạảấầẩẫậắằặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"),
            "ru" => ('а'..='я').contains(&c) && !any_of("іїєґ"),
            "uk" => any_of("іїєґ"),
            "ar" => ('\u{0620}'..='\u{064A}').contains(&c),
            "ja" => ('ぁ'..='ゖ').contains(&c),
            "ko" => ('가'..='힣').contains(&c),
            "zh-Hans" => any_of("这来护账户请码"),
            "zh-Hant" => any_of("這來護帳戶請碼"),
            // Latin without diacritics: the words must differ from English.
            _ => false,
        }
    }

    #[test]
    fn every_call_is_in_its_language_s_own_letters_and_says_the_hold() {
        let Notice { body: english, .. } = render(
            Channel::Voice,
            Some("en"),
            "Acme Bank",
            &ServiceBrand::NONE,
            &content(),
        );
        for language in LANGUAGES {
            let tag = language.tag;
            let Notice {
                locale: lang,
                body: call,
                ..
            } = render(
                Channel::Voice,
                Some(tag),
                "Acme Bank",
                &ServiceBrand::NONE,
                &content(),
            );
            assert_eq!(lang.tag(), tag);
            assert_eq!(lang.language().speech, language.speech, "read by its voice");
            assert!(call.contains("Acme Bank"), "{tag}: {call}");
            // "Pan/Pani" is fine written, not read out.
            let chars: Vec<char> = call.chars().collect();
            assert!(
                !chars
                    .windows(3)
                    .any(|w| w[1] == '/' && w[0].is_alphabetic() && w[2].is_alphabetic()),
                "{tag}: no slash between words: {call}"
            );
            match tag {
                "en" => assert!(call.is_ascii(), "{call}"),
                "nl" => assert_ne!(call, english),
                _ => assert!(call.chars().any(|c| own_letter(tag, c)), "{tag}: {call}"),
            }
            let t = Locale::of_user(Some(tag)).plain_texts();
            let until = t.datetime(content().held_until.expect("held"));
            assert!(call.contains(&until), "{tag}: says the hold: {call}");
            assert!(
                call.contains(&t.datetime(AT)),
                "{tag}: says when, in full: {call}"
            );
            let not_held = NoticeContent {
                held_until: None,
                ..content()
            };
            let Notice { body: call, .. } = render(
                Channel::Voice,
                Some(tag),
                "Acme Bank",
                &ServiceBrand::NONE,
                &not_held,
            );
            assert!(!call.contains(&until), "{tag}: {call}");
            assert!(
                !call.contains("203.0.113.7"),
                "{tag}: no IP address: {call}"
            );
        }
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
        for (language, channel) in LANGUAGES
            .iter()
            .flat_map(|l| [(l, Channel::Email), (l, Channel::Sms), (l, Channel::Voice)])
        {
            let mut bodies = Vec::new();
            for change in changes {
                let n = NoticeContent {
                    change,
                    ..content()
                };
                let Notice {
                    locale: lang, body, ..
                } = render(channel, Some(language.tag), "Acme", &ServiceBrand::NONE, &n);
                assert_eq!(lang.tag(), language.tag);
                assert!(body.contains("Acme"), "{} {change:?}: {body}", lang.tag());
                bodies.push(body);
            }
            bodies.sort();
            bodies.dedup();
            assert_eq!(
                bodies.len(),
                changes.len(),
                "{channel:?}: each change reads differently"
            );
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
        let Notice { subject, body, .. } =
            render(Channel::Email, None, "Acme Bank", &ServiceBrand::NONE, &n);
        assert_eq!(subject, "Security alert on your Acme Bank account");
        assert!(
            body.contains("someone signed in to your account from a new country."),
            "{body}"
        );
        let n = NoticeContent {
            change: SecurityChange::TotpReplayed,
            ..n
        };
        let Notice { subject, body, .. } = render(
            Channel::Sms,
            Some("fr"),
            "Acme Bank",
            &ServiceBrand::NONE,
            &n,
        );
        assert_eq!(subject, "Alerte de sécurité sur votre compte Acme Bank");
        assert!(body.contains("code réutilisé"), "{body}");
    }
}
