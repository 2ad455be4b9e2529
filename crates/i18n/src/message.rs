//! The messages that carry a code, by SMS, call and email, in the user's
//! language. Each names the service and the action being approved (so a
//! phished user sees "to approve a withdrawal" when they thought they were
//! signing in) and warns never to share the code. Codes never go into a
//! URL.

use countersign_core::policy::Channel;
use countersign_core::sms::segments;
use countersign_core::transaction::Transaction;

use crate::email::{compose, Paragraph};
use crate::{Locale, ServiceBrand, Texts};

/// Everything a message needs.
#[derive(Debug, Clone)]
pub struct MessageParams<'a> {
    /// The service's full name for email, its short name
    /// ([`countersign_core::service::Service::sms_name`]) for SMS and calls.
    pub service_name: &'a str,
    pub purpose: &'a str,
    pub code: &'a str,
    pub locale: Option<&'a str>,
    pub ttl_minutes: u32,
    /// Host of the public URL, for the SMS line that lets phones autofill the
    /// code only on that site (`@host #code`, the WebOTP format).
    pub origin_host: Option<&'a str>,
    /// The payment being approved: named in every message (dynamic linking).
    pub transaction: Option<&'a Transaction>,
    /// The service's brand, in an email.
    pub brand: &'a ServiceBrand<'a>,
}

/// A rendered message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The language actually used ("en", "fr").
    pub language: &'static str,
    /// BCP 47 tag for text-to-speech ("en-US", "fr-FR").
    pub speech_language: &'static str,
    pub subject: String,
    /// The text (the email's text part).
    pub body: String,
    /// An email's HTML part, with the service's brand.
    pub html: Option<String>,
    /// A call's first words, before any code: only someone who presses a
    /// key hears `body` (a voicemail box never does, so it never records
    /// the code). `Some` for voice.
    pub call: Option<CallPrompt>,
}

/// What a call says before it reads the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallPrompt {
    /// Names the service and the action, asks for a key press; no code.
    pub prompt: String,
    /// Said when no key was pressed, before hanging up.
    pub goodbye: String,
}

/// "123456" → "1, 2, 3, 4, 5, 6": text-to-speech reads digits one by one
/// instead of "one hundred twenty-three thousand…".
pub fn spell_digits(code: &str) -> String {
    code.chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The action a code approves, with the payment when there is one.
fn action(t: Texts, purpose: &str, transaction: Option<&Transaction>) -> String {
    match transaction {
        Some(tx) => t
            .msg("code-action-payment")
            .arg("purpose", purpose)
            .arg("amount", tx.amount.as_str())
            .arg("currency", tx.currency.as_str())
            .arg("recipient", tx.recipient())
            .to_string(),
        None => t.msg("code-action").arg("purpose", purpose).to_string(),
    }
}

/// The SMS, in one segment (see [`countersign_core::sms`]). A payment's
/// recipient (a payee of up to 64 characters, a destination of up to 128)
/// is shortened to what fits; its amount and currency never are. The
/// WebOTP line ("@host #code", for the browser's autofill) is added only
/// when the SMS still fits with it: it is a convenience, while the words it
/// would push out (what the code approves, never to share it) protect the
/// user. In a UCS-2 language, with 70 characters, it mostly does not fit.
/// The action is `code-action`'s `.sms` attribute where a language has
/// one (a shorter wording, or one without letters outside GSM-7). When
/// the user's language cannot say it in one segment even so (a long
/// payment in a language written outside GSM-7: the amount, currency,
/// code and name alone may take 55 of its 70 characters), the SMS is in
/// English, which has 160: one segment, the payment whole.
fn sms(t: Texts, p: &MessageParams<'_>) -> String {
    let text = sms_in(t, p);
    if segments(&text).count == 1 || t.locale() == Locale::DEFAULT {
        return text;
    }
    sms_in(Locale::DEFAULT.plain_texts(), p)
}

/// [`sms`] in the language of `t`, in one segment where it can be.
fn sms_in(t: Texts, p: &MessageParams<'_>) -> String {
    let action = t
        .msg("code-action")
        .attribute("sms")
        .arg("purpose", p.purpose)
        .to_string();
    let text = |message: String| match p.origin_host {
        Some(host) => {
            let with_webotp = format!("{message}\n\n@{host} #{}", p.code);
            if segments(&with_webotp).count == 1 {
                with_webotp
            } else {
                message
            }
        }
        None => message,
    };
    match p.transaction {
        None => text(
            t.msg("code-sms")
                .arg("code", p.code)
                .arg("service", p.service_name)
                .arg("action", action.as_str())
                .arg("minutes", p.ttl_minutes)
                .to_string(),
        ),
        Some(tx) => fit_one_segment(&tx.recipient(), |recipient| {
            text(
                t.msg("code-sms-payment")
                    .arg("code", p.code)
                    .arg("service", p.service_name)
                    .arg("amount", tx.amount.as_str())
                    .arg("currency", tx.currency.as_str())
                    .arg("recipient", recipient)
                    .to_string(),
            )
        }),
    }
}

/// The text `render` makes of `field`, whole if that fits in one SMS
/// segment, else with `field` cut as little as needed and marked "..."
/// (GSM-7, where "…" is not). When no cut fits, the whole text: better
/// two segments than a payment named by nothing.
///
/// A longer cut never makes a shorter text (its units only grow, and once
/// a character outside GSM-7 is in, it stays), so the cuts that fit are
/// the shortest ones, and the longest of them is found by halving: about 8
/// renders for a recipient of 195 characters, where trying each length
/// took up to 195.
pub fn fit_one_segment(field: &str, render: impl Fn(&str) -> String) -> String {
    let whole = render(field);
    if segments(&whole).count == 1 {
        return whole;
    }
    let chars: Vec<char> = field.chars().collect();
    let cut = |n: usize| render(&format!("{}...", String::from_iter(&chars[..n]).trim_end()));
    // Cuts of `fits` characters or fewer fit (0: none known to); cuts of
    // `too_long` characters or more do not.
    let (mut fits, mut too_long, mut best) = (0, chars.len(), None);
    while too_long - fits > 1 {
        let n = fits + (too_long - fits) / 2;
        let text = cut(n);
        if segments(&text).count == 1 {
            (fits, best) = (n, Some(text));
        } else {
            too_long = n;
        }
    }
    best.unwrap_or(whole)
}

/// Renders the message for `channel` in the user's language (English when
/// the product does not speak theirs).
pub fn render(channel: Channel, p: &MessageParams<'_>) -> Rendered {
    let locale = Locale::of_user(p.locale);
    let t = locale.plain_texts();
    let action = action(t, p.purpose, p.transaction);
    let digits = spell_digits(p.code);
    let said = |id: &str| {
        t.msg(id)
            .arg("service", p.service_name)
            .arg("action", action.as_str())
            .arg("digits", digits.as_str())
            .to_string()
    };
    let subject = t
        .msg("code-subject")
        .arg("code", p.code)
        .arg("service", p.service_name)
        .to_string();
    let (body, html) = match channel {
        Channel::Sms => (sms(t, p), None),
        Channel::Voice => (said("code-voice"), None),
        Channel::Email => {
            let intro = t
                .msg("code-email-intro")
                .arg("service", p.service_name)
                .arg("action", action.as_str());
            let expiry = t
                .msg("code-email-expiry")
                .arg("service", p.service_name)
                .arg("minutes", p.ttl_minutes);
            let paragraphs = [
                Paragraph::text(t.get("email-hello")),
                Paragraph::text(intro.to_string()),
                Paragraph::code(p.code),
                Paragraph::text(expiry.to_string()),
                Paragraph::text(t.get("code-email-not-you")),
            ];
            let email = compose(t, &subject, p.service_name, p.brand, &paragraphs);
            (email.text, Some(email.html))
        }
    };
    Rendered {
        language: locale.tag(),
        speech_language: locale.language().speech,
        subject,
        body,
        html,
        call: (channel == Channel::Voice).then(|| CallPrompt {
            prompt: said("code-call-prompt"),
            goodbye: t.get("code-call-goodbye"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LANGUAGES;

    fn params(locale: Option<&'static str>) -> MessageParams<'static> {
        MessageParams {
            service_name: "Acme Bank",
            purpose: "withdrawal",
            code: "482913",
            locale,
            ttl_minutes: 10,
            origin_host: Some("verify.acme.example"),
            transaction: None,
            brand: &ServiceBrand::NONE,
        }
    }

    #[test]
    fn an_sms_takes_the_action_s_sms_wording_where_a_language_has_one() {
        let p = params(Some("ar"));
        let sms = render(Channel::Sms, &p);
        assert_eq!(
            sms.body,
            "482913 رمز Acme Bank للموافقة على سحب. صالح 10 د. لا تشاركوه."
        );
        assert_eq!(segments(&sms.body).count, 1);
        let email = render(Channel::Email, &p).body;
        assert!(email.contains("الموافقة على عملية سحب"), "{email}");
        assert!(!email.contains("للموافقة على سحب"), "{email}");
    }

    #[test]
    fn text_put_in_stays_text() {
        let t = Transaction {
            amount: "1.00".into(),
            currency: "EUR".into(),
            payee: Some("Mallory { $code } {code}".into()),
            destination: None,
        };
        let mut p = params(Some("en"));
        p.transaction = Some(&t);
        let body = render(Channel::Sms, &p).body;
        assert!(
            body.contains("to Mallory { $code } {code}. Never"),
            "{body}"
        );
        assert_eq!(
            body.matches("482913").count(),
            2,
            "the code and the WebOTP line only"
        );
        for channel in Channel::ALL {
            let r = render(channel, &p);
            assert!(!r.body.contains(['\u{2068}', '\u{2069}']), "{channel:?}");
        }
    }

    #[test]
    fn every_message_names_the_payment() {
        let t = Transaction {
            amount: "125.00".into(),
            currency: "EUR".into(),
            payee: Some("Alice Martin".into()),
            destination: None,
        };
        let mut p = params(Some("en"));
        p.transaction = Some(&t);
        for channel in [Channel::Voice, Channel::Email] {
            let r = render(channel, &p);
            assert!(
                r.body
                    .contains("approve a withdrawal: 125.00 EUR to Alice Martin"),
                "{channel:?}"
            );
        }
        assert!(render(Channel::Sms, &p).body.starts_with(
            "482913: Acme Bank code to pay 125.00 EUR to Alice Martin. Never share it."
        ));
        p.locale = Some("fr");
        assert!(render(Channel::Email, &p)
            .body
            .contains("approuver un retrait : 125.00 EUR à Alice Martin est :"));
        assert!(render(Channel::Sms, &p)
            .body
            .contains("pour payer 125.00 EUR à Alice Martin. Ne le donnez jamais."));
    }

    #[test]
    fn sms_names_service_action_and_code_with_webotp_line() {
        let r = render(Channel::Sms, &params(Some("en-GB")));
        assert_eq!(r.language, "en");
        assert_eq!(
            r.body,
            "482913 is your Acme Bank code to approve a withdrawal. Valid 10 min. Never share it.\n\n@verify.acme.example #482913"
        );
        let mut p = params(Some("fr"));
        p.ttl_minutes = 1;
        assert!(render(Channel::Sms, &p)
            .body
            .contains(". Valide 1 min. Ne le donnez jamais."));
    }

    #[test]
    fn a_payment_too_long_for_the_user_s_language_goes_in_english() {
        let t = Transaction {
            amount: "1234567890123456789.0123".into(),
            currency: "USDCOINXYZ".into(),
            payee: Some("Ivan Petrov".into()),
            destination: None,
        };
        let mut p = params(Some("ru"));
        p.transaction = Some(&t);
        let body = render(Channel::Sms, &p).body;
        assert_eq!(segments(&body).count, 1, "{body}");
        assert!(
            body.contains("1234567890123456789.0123 USDCOINXYZ"),
            "{body}"
        );
        assert!(body.contains("Never share it"), "{body}");
        // A short payment stays in Russian.
        let short = Transaction {
            amount: "50".into(),
            currency: "RUB".into(),
            payee: Some("Иван".into()),
            destination: None,
        };
        p.transaction = Some(&short);
        let body = render(Channel::Sms, &p).body;
        assert!(body.contains("перевод 50 RUB: Иван"), "{body}");
    }

    #[test]
    fn the_webotp_line_gives_way_to_the_words() {
        // A service name and a host so long that the line does not fit.
        let mut p = params(Some("en"));
        let host = "h".repeat(80);
        p.origin_host = Some(&host);
        let body = render(Channel::Sms, &p).body;
        assert_eq!(segments(&body).count, 1, "{body}");
        assert!(!body.contains("@h"), "{body}");
        assert!(body.contains("to approve a withdrawal"), "{body}");
        assert!(body.contains("Never share it"), "{body}");
    }

    #[test]
    fn a_long_recipient_is_cut_to_fit_one_segment() {
        let t = Transaction {
            amount: "125.00".into(),
            currency: "EUR".into(),
            payee: Some("Alice Martin".into()),
            destination: Some("FR76 3000 6000 0112 3456 7890 189 ".repeat(3).trim().into()),
        };
        let mut p = params(Some("en"));
        p.transaction = Some(&t);
        let body = render(Channel::Sms, &p).body;
        assert_eq!(segments(&body).count, 1, "{body}");
        assert!(
            segments(&body).units >= 157,
            "cut as little as needed: {body}"
        );
        assert!(
            body.contains("125.00 EUR to Alice Martin (FR76 3000 6000 0112 3456 7890 189 FR76"),
            "{body}"
        );
        assert!(body.contains("...."), "{body}");
        assert_eq!(fit_one_segment("short", |r| format!("to {r}")), "to short");
        let long = "x".repeat(200);
        assert_eq!(
            fit_one_segment(&long, |r| format!("{}{r}", "é".repeat(300))),
            format!("{}{long}", "é".repeat(300)),
            "nothing fits: the whole text"
        );
    }

    /// `fit_one_segment` as it was: every length, longest first.
    fn fit_by_every_length(field: &str, render: impl Fn(&str) -> String) -> String {
        let whole = render(field);
        if segments(&whole).count == 1 {
            return whole;
        }
        let chars: Vec<char> = field.chars().collect();
        (1..chars.len())
            .rev()
            .map(|n| render(&format!("{}...", String::from_iter(&chars[..n]).trim_end())))
            .find(|text| segments(text).count == 1)
            .unwrap_or(whole)
    }

    #[test]
    fn a_recipient_is_cut_in_a_few_renders_as_it_was_in_many() {
        let fields = [
            "FR76 3000 6000 0112 3456 7890 189 ".repeat(6),
            format!("Иван Петров{}", " x".repeat(90)),
            format!("{}Иван", "a  ".repeat(60)),
            "short".to_owned(),
            "ж".repeat(195),
        ];
        for field in &fields {
            // Every room the rest of the message may leave.
            for prefix in 0..=200 {
                let render = |r: &str| format!("{}{r}", "p".repeat(prefix));
                assert_eq!(
                    fit_one_segment(field, render),
                    fit_by_every_length(field, render),
                    "{prefix}: {field}"
                );
            }
        }
        let renders = std::cell::Cell::new(0);
        let field = "x".repeat(195);
        fit_one_segment(&field, |r| {
            renders.set(renders.get() + 1);
            format!("{}{r}", "p".repeat(100))
        });
        assert!(renders.get() <= 9, "{} renders", renders.get());
    }

    #[test]
    fn voice_reads_digits_one_by_one_twice() {
        let r = render(Channel::Voice, &params(Some("fr-FR")));
        assert_eq!(r.speech_language, "fr-FR");
        assert_eq!(r.body.matches("4, 8, 2, 9, 1, 3").count(), 2);
        assert!(!r.body.contains("482913"));
        assert!(r.body.contains("approuver un retrait"));
    }

    #[test]
    fn a_call_asks_for_a_key_before_any_code() {
        for language in LANGUAGES {
            let r = render(Channel::Voice, &params(Some(language.tag)));
            assert_eq!(r.language, language.tag);
            let call = r.call.expect("voice has a prompt");
            for text in [&call.prompt, &call.goodbye] {
                assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
            }
            assert!(call.prompt.contains("Acme Bank"), "{}", call.prompt);
        }
        assert!(render(Channel::Sms, &params(None)).call.is_none());
    }

    #[test]
    fn email_has_subject_code_and_warning() {
        let r = render(Channel::Email, &params(None));
        assert_eq!(r.subject, "482913 is your Acme Bank code");
        assert_eq!(
            r.body,
            "Hello,\n\nYour Acme Bank code to approve a withdrawal is:\n\n    482913\n\n\
             It expires in 10 minutes. Never share it with anyone: Acme Bank will never ask you for it.\n\n\
             If you did not ask for this code, someone may be trying to use your account. Do not enter it anywhere, and consider changing your password.\n"
        );
        let r = render(Channel::Email, &params(Some("fr")));
        assert!(r.body.starts_with("Bonjour,\n\nVotre code Acme Bank pour approuver un retrait est :\n\n    482913\n\n"), "{}", r.body);
    }

    #[test]
    fn an_email_carries_the_services_brand_in_both_parts() {
        let brand = ServiceBrand {
            support: Some("https://bank.example/help"),
            support_href: Some("https://bank.example/help".into()),
            privacy: Some("https://bank.example/privacy"),
            logo: Some("https://verify.acme.example/brand/svc_1/logo/0123456789abcdef".into()),
            color: countersign_core::brand::Color::parse("#7a1f5c"),
        };
        let p = MessageParams {
            brand: &brand,
            ..params(None)
        };
        let r = render(Channel::Email, &p);
        assert!(
            r.body.ends_with(
                "consider changing your password.\n\nHelp: https://bank.example/help\nPrivacy notice: https://bank.example/privacy\n"
            ),
            "{}",
            r.body
        );
        let html = r.html.expect("an HTML part");
        for part in [
            r#"<html lang="en" dir="ltr">"#,
            r#"<img src="https://verify.acme.example/brand/svc_1/logo/0123456789abcdef" alt="Acme Bank""#,
            "border-bottom:4px solid #7a1f5c",
            "letter-spacing:.15em;color:#7a1f5c\">482913</p>",
            r#"<a href="https://bank.example/help" style="color:#7a1f5c">Contact support</a> · <a href="https://bank.example/privacy" style="color:#7a1f5c">Privacy</a>"#,
        ] {
            assert!(html.contains(part), "{part} missing from {html}");
        }
        // The same paragraphs as the text part.
        assert!(html.contains("It expires in 10 minutes."), "{html}");

        // A support address, in German, without a privacy link.
        let brand = ServiceBrand {
            support: Some("help@bank.example"),
            support_href: Some("mailto:help@bank.example".into()),
            ..ServiceBrand::NONE
        };
        let p = MessageParams {
            brand: &brand,
            ..params(Some("de"))
        };
        let r = render(Channel::Email, &p);
        assert!(
            r.body.ends_with(".\n\nHilfe: help@bank.example\n"),
            "{}",
            r.body
        );
        let html = r.html.unwrap();
        assert!(
            html.contains(r#"<a href="mailto:help@bank.example""#),
            "{html}"
        );
        assert!(
            html.contains("<strong>Acme Bank</strong>"),
            "no logo: the name, {html}"
        );
        // SMS and calls have no room for it.
        for channel in [Channel::Sms, Channel::Voice] {
            let r = render(channel, &p);
            assert!(r.html.is_none() && !r.body.contains("help@bank.example"));
        }
    }

    #[test]
    fn an_email_escapes_what_it_is_given() {
        let p = MessageParams {
            service_name: "<b>Evil</b> & Co",
            ..params(None)
        };
        let html = render(Channel::Email, &p).html.unwrap();
        assert!(
            html.contains("&#60;b&#62;Evil&#60;/b&#62; &#38; Co")
                || html.contains("&lt;b&gt;Evil&lt;/b&gt; &amp; Co"),
            "{html}"
        );
        assert!(!html.contains("<b>Evil"), "{html}");
    }

    #[test]
    fn unknown_locales_and_purposes_fall_back() {
        let mut p = params(Some("sv-SE"));
        p.purpose = "wire_transfer";
        let r = render(Channel::Sms, &p);
        assert_eq!(r.language, "en");
        assert!(r.body.contains("to confirm an action"));
    }
}
