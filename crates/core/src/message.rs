//! What the user reads or hears, per locale. Each message names the service
//! and the action being approved (so a phished user sees "to approve a
//! withdrawal" when they thought they were signing in) and warns never to
//! share the code. Codes never go into a URL.

use crate::ids::{ChallengeId, MessageId};
use crate::policy::Channel;
use crate::transaction::Transaction;

/// Everything a message needs.
#[derive(Debug, Clone)]
pub struct MessageParams<'a> {
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
}

/// A rendered message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The language actually used ("en", "fr").
    pub language: &'static str,
    /// BCP 47 tag for text-to-speech ("en-US", "fr-FR").
    pub speech_language: &'static str,
    pub subject: String,
    pub body: String,
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

struct Catalog {
    language: &'static str,
    speech_language: &'static str,
    purposes: [(&'static str, &'static str); 5],
    any_purpose: &'static str,
    /// "to" between an amount and its payee.
    to: &'static str,
    /// The action followed by the payment it approves.
    with_transaction: &'static str,
    sms: &'static str,
    voice: &'static str,
    call_prompt: &'static str,
    call_goodbye: &'static str,
    subject: &'static str,
    email: &'static str,
}

const EN: Catalog = Catalog {
    language: "en",
    speech_language: "en-US",
    purposes: [
        ("login", "sign in"),
        ("withdrawal", "approve a withdrawal"),
        ("security_change", "change your security settings"),
        ("support_call", "join your support call"),
        ("verify_contact", "confirm this contact"),
    ],
    any_purpose: "confirm an action",
    to: "to",
    with_transaction: "{action}: {transaction}",
    sms: "{code} is your {service} code to {purpose}. It expires in {minutes} minutes. Never share it: {service} will never ask you for it.",
    voice: "Hello. This is {service}. Your code to {purpose} is: {digits}. Again, your code is: {digits}. Never share it. Goodbye.",
    call_prompt: "Hello. This is {service}, with the code you asked for to {purpose}. To hear it, press any key on your phone now.",
    call_goodbye: "No key was pressed, so the code will not be read. Goodbye.",
    subject: "{code} is your {service} code",
    email: "Hello,\n\nYour {service} code to {purpose} is:\n\n    {code}\n\nIt expires in {minutes} minutes. Never share it with anyone: {service} will never ask you for it.\n\nIf you did not ask for this code, someone may be trying to use your account. Do not enter it anywhere, and consider changing your password.\n",
};

const FR: Catalog = Catalog {
    language: "fr",
    speech_language: "fr-FR",
    purposes: [
        ("login", "vous connecter"),
        ("withdrawal", "approuver un retrait"),
        ("security_change", "modifier vos paramètres de sécurité"),
        ("support_call", "rejoindre votre appel avec le support"),
        ("verify_contact", "confirmer ce moyen de contact"),
    ],
    any_purpose: "confirmer une action",
    to: "à",
    with_transaction: "{action} : {transaction}",
    sms: "{code} est votre code {service} pour {purpose}. Il expire dans {minutes} minutes. Ne le communiquez jamais : {service} ne vous le demandera jamais.",
    voice: "Bonjour. Ici {service}. Votre code pour {purpose} est : {digits}. Je répète, votre code est : {digits}. Ne le communiquez jamais. Au revoir.",
    call_prompt: "Bonjour. Ici {service}, avec le code que vous avez demandé pour {purpose}. Pour l'entendre, appuyez maintenant sur une touche de votre téléphone.",
    call_goodbye: "Aucune touche n'a été pressée : le code ne sera pas lu. Au revoir.",
    subject: "{code} est votre code {service}",
    email: "Bonjour,\n\nVotre code {service} pour {purpose} est :\n\n    {code}\n\nIl expire dans {minutes} minutes. Ne le communiquez à personne : {service} ne vous le demandera jamais.\n\nSi vous n'avez pas demandé ce code, quelqu'un essaie peut-être d'utiliser votre compte. Ne le saisissez nulle part et pensez à changer votre mot de passe.\n",
};

/// The languages messages exist in.
pub const LANGUAGES: [&str; 2] = ["en", "fr"];

fn catalog_for(locale: Option<&str>) -> &'static Catalog {
    let language = locale
        .and_then(|l| l.split(['-', '_']).next())
        .map(str::to_ascii_lowercase);
    match language.as_deref() {
        Some("fr") => &FR,
        _ => &EN,
    }
}

/// Fills `{name}` placeholders in one pass: text put in (a payee's name)
/// is never read again as a placeholder, so it cannot pull the code or
/// anything else into a place the template did not put it.
pub fn fill_template(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (close, *v))
        });
        match known {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// "123456" → "1, 2, 3, 4, 5, 6": text-to-speech reads digits one by one
/// instead of "one hundred twenty-three thousand…".
pub fn spell_digits(code: &str) -> String {
    code.chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Renders the message for `channel` in the user's language (English when
/// the locale has no catalog).
pub fn render(channel: Channel, p: &MessageParams<'_>) -> Rendered {
    let cat = catalog_for(p.locale);
    let purpose = cat
        .purposes
        .iter()
        .find(|(k, _)| *k == p.purpose)
        .map(|(_, v)| *v)
        .unwrap_or(cat.any_purpose);
    let purpose = match p.transaction {
        Some(t) => fill_template(
            cat.with_transaction,
            &[("action", purpose), ("transaction", &t.summary(cat.to))],
        ),
        None => purpose.to_owned(),
    };
    let minutes = p.ttl_minutes.to_string();
    let digits = spell_digits(p.code);
    let fill = |template: &str| {
        fill_template(
            template,
            &[
                ("service", p.service_name),
                ("purpose", &purpose),
                ("minutes", &minutes),
                ("digits", &digits),
                ("code", p.code),
            ],
        )
    };
    let body = match channel {
        Channel::Sms => {
            let mut text = fill(cat.sms);
            if let Some(host) = p.origin_host {
                text.push_str(&format!("\n\n@{host} #{}", p.code));
            }
            text
        }
        Channel::Voice => fill(cat.voice),
        Channel::Email => fill(cat.email),
    };
    Rendered {
        language: cat.language,
        speech_language: cat.speech_language,
        subject: fill(cat.subject),
        body,
        call: (channel == Channel::Voice).then(|| CallPrompt {
            prompt: fill(cat.call_prompt),
            goodbye: cat.call_goodbye.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_reports_only_move_forward() {
        use DeliveryStatus::*;
        assert!(Delivered.may_follow().contains(&Sent));
        assert!(!Sent.may_follow().contains(&Delivered));
        assert!(!Failed.may_follow().contains(&Delivered));
        assert!(Queued.may_follow().is_empty());
        assert_eq!(
            DeliveryStatus::from_twilio("undelivered"),
            Some(Undelivered)
        );
        assert_eq!(DeliveryStatus::from_twilio("no-answer"), Some(Undelivered));
        assert_eq!(DeliveryStatus::from_twilio("completed"), Some(Delivered));
        assert_eq!(DeliveryStatus::from_twilio("ringing"), Some(Sent));
        assert_eq!(DeliveryStatus::from_twilio("exploded"), None);
        assert!(Undelivered.is_failure() && Failed.is_failure() && !Delivered.is_failure());
    }

    fn params(locale: Option<&'static str>) -> MessageParams<'static> {
        MessageParams {
            service_name: "Acme Bank",
            purpose: "withdrawal",
            code: "482913",
            locale,
            ttl_minutes: 10,
            origin_host: Some("verify.acme.example"),
            transaction: None,
        }
    }

    #[test]
    fn placeholders_in_filled_text_stay_text() {
        assert_eq!(
            fill_template("{a} and {b} {unknown}", &[("a", "{b}"), ("b", "B")]),
            "{b} and B {unknown}"
        );
        let t = Transaction {
            amount: "1.00".into(),
            currency: "EUR".into(),
            payee: Some("Mallory {code}".into()),
            destination: None,
        };
        let mut p = params(Some("en"));
        p.transaction = Some(&t);
        let body = render(Channel::Sms, &p).body;
        assert!(body.contains("to Mallory {code}."), "{body}");
        assert_eq!(
            body.matches("482913").count(),
            2,
            "the code and the WebOTP line only"
        );
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
        for channel in Channel::ALL {
            assert!(
                render(channel, &p)
                    .body
                    .contains("approve a withdrawal: 125.00 EUR to Alice Martin"),
                "{channel:?}"
            );
        }
        p.locale = Some("fr");
        assert!(render(Channel::Sms, &p)
            .body
            .contains("approuver un retrait : 125.00 EUR à Alice Martin. Il expire"));
    }

    #[test]
    fn sms_names_service_action_and_code_with_webotp_line() {
        let r = render(Channel::Sms, &params(Some("en-GB")));
        assert_eq!(r.language, "en");
        assert!(r
            .body
            .starts_with("482913 is your Acme Bank code to approve a withdrawal."));
        assert!(r.body.ends_with("@verify.acme.example #482913"));
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
        for locale in LANGUAGES {
            let r = render(Channel::Voice, &params(Some(locale)));
            let call = r.call.expect("voice has a prompt");
            for text in [&call.prompt, &call.goodbye] {
                assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
                assert!(!text.contains('{'), "{text}");
            }
            assert!(call.prompt.contains("Acme Bank"), "{}", call.prompt);
        }
        assert!(render(Channel::Sms, &params(None)).call.is_none());
    }

    #[test]
    fn email_has_subject_and_warning() {
        let r = render(Channel::Email, &params(None));
        assert_eq!(r.subject, "482913 is your Acme Bank code");
        assert!(r.body.contains("If you did not ask for this code"));
    }

    #[test]
    fn unknown_locales_and_purposes_fall_back() {
        let mut p = params(Some("ja-JP"));
        p.purpose = "wire_transfer";
        let r = render(Channel::Sms, &p);
        assert_eq!(r.language, "en");
        assert!(r.body.contains("to confirm an action"));
    }
}

/// Where a message is in its journey, as far as Countersign knows.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Handed to no provider yet.
    Queued,
    /// Accepted by the provider.
    Sent,
    Delivered,
    /// The provider refused it or could not be reached.
    Failed,
    Undelivered,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Queued => "queued",
            DeliveryStatus::Sent => "sent",
            DeliveryStatus::Delivered => "delivered",
            DeliveryStatus::Failed => "failed",
            DeliveryStatus::Undelivered => "undelivered",
        }
    }

    /// Failed and undelivered messages never reached the user.
    pub fn is_failure(self) -> bool {
        matches!(self, DeliveryStatus::Failed | DeliveryStatus::Undelivered)
    }

    /// The statuses a message may move to this one from. Reports arrive out
    /// of order; a later stage is never overwritten by an earlier one, and a
    /// final verdict (delivered, failed, undelivered) never changes.
    pub fn may_follow(self) -> &'static [DeliveryStatus] {
        match self {
            DeliveryStatus::Queued => &[],
            DeliveryStatus::Sent => &[DeliveryStatus::Queued],
            _ => &[DeliveryStatus::Queued, DeliveryStatus::Sent],
        }
    }

    /// A Twilio `MessageStatus` or `CallStatus`, as its status callbacks
    /// report it.
    pub fn from_twilio(status: &str) -> Option<DeliveryStatus> {
        Some(match status {
            "accepted" | "scheduled" | "queued" => DeliveryStatus::Queued,
            "sending" | "sent" | "initiated" | "ringing" | "in-progress" => DeliveryStatus::Sent,
            "delivered" | "read" | "completed" => DeliveryStatus::Delivered,
            "undelivered" | "busy" | "no-answer" => DeliveryStatus::Undelivered,
            "failed" | "canceled" => DeliveryStatus::Failed,
            _ => return None,
        })
    }

    pub fn parse(s: &str) -> Option<DeliveryStatus> {
        [
            DeliveryStatus::Queued,
            DeliveryStatus::Sent,
            DeliveryStatus::Delivered,
            DeliveryStatus::Failed,
            DeliveryStatus::Undelivered,
        ]
        .into_iter()
        .find(|d| d.as_str() == s)
    }
}

/// Escapes text for HTML or XML element content and attribute values
/// (pages, TwiML).
pub fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// One message sent for a challenge: the delivery record, without the code.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct MessageRecord {
    pub id: MessageId,
    #[serde(skip)]
    pub challenge_id: ChallengeId,
    pub channel: Channel,
    /// The masked destination.
    pub to: String,
    pub status: DeliveryStatus,
    /// The provider's own id for the message, when it gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_ref: Option<String>,
    pub attempts: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub created_at: crate::Timestamp,
    pub updated_at: crate::Timestamp,
}
