//! What Countersign's users read and hear, in their language.
//!
//! Every word is in Project Fluent files, `locales/<tag>/*.ftl`, compiled
//! into the binary (`include_str!`): the server reads no file at run time.
//! [`LANGUAGES`] lists the languages; [`negotiate`] picks one, in one place,
//! for every page and message; [`Texts`] formats a message of the picked
//! language (falling back along `pt-BR` → `pt` → `en` for a message a
//! regional variant leaves out).
//!
//! Where rendering belongs: core decides what a message is about and who
//! gets it (a challenge's purpose and payment, a notice's change and
//! recipients); how it reads is presentation, so core holds no words and
//! the codes' messages and the security notices are rendered here
//! ([`message`], [`notice`]), from Fluent and, for emails, from askama text
//! templates (`templates/`). This crate's tests hold every language to the
//! rules a message keeps: it names the service, the action and the payment;
//! a call says no code before a key is pressed.
#![forbid(unsafe_code)]

mod email;
mod negotiate;
mod texts;

pub mod message;
pub mod notice;

pub use negotiate::{accept_language_ranges, negotiate};
pub use texts::{Arg, Instant, Msg, Texts};

/// What an email shows of its service's brand (`settings.brand`): its
/// logo and colour in the HTML part, and in both parts where its users get
/// help and its privacy notice, so that a user who doubts a message knows
/// where to turn, and it is the service that speaks, not Countersign.
#[derive(Debug, Clone)]
pub struct ServiceBrand<'a> {
    /// A support page, or else an address (as the text part shows it).
    pub support: Option<&'a str>,
    /// Where the HTML part's support link leads
    /// ([`countersign_core::brand::Brand::support_href`]).
    pub support_href: Option<String>,
    pub privacy: Option<&'a str>,
    /// The logo's absolute address on this server.
    pub logo: Option<String>,
    pub color: Option<countersign_core::brand::Color>,
}

impl<'a> ServiceBrand<'a> {
    /// No brand: Countersign's neutral look.
    pub const NONE: ServiceBrand<'static> = ServiceBrand {
        support: None,
        support_href: None,
        privacy: None,
        logo: None,
        color: None,
    };

    /// The brand of `service`, whose logo this server serves under
    /// `public_url`.
    pub fn of(
        service: &'a countersign_core::service::Service,
        public_url: &str,
    ) -> ServiceBrand<'a> {
        let brand = &service.settings.brand;
        ServiceBrand {
            support: brand
                .support_url
                .as_deref()
                .or(brand.support_email.as_deref()),
            support_href: brand.support_href(),
            privacy: brand.privacy_url.as_deref(),
            logo: brand.logo.as_ref().map(|logo| {
                format!(
                    "{}{}",
                    public_url.trim_end_matches('/'),
                    logo.path(&service.id)
                )
            }),
            color: brand.primary_color,
        }
    }

    /// The text part's last lines ("" without links).
    fn footer(&self, t: Texts) -> String {
        let support = self
            .support
            .map(|s| t.msg("brand-email-support").arg("support", s).to_string());
        let privacy = self
            .privacy
            .map(|url| t.msg("brand-email-privacy").arg("url", url).to_string());
        [support, privacy]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Which way a language is written: pages set `dir` from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

/// A language the product speaks.
#[derive(Debug)]
pub struct Language {
    /// BCP 47 tag: "en", "fr", "pt-BR".
    pub tag: &'static str,
    /// The voice's language for text-to-speech (TwiML's `language`).
    pub speech: &'static str,
    pub direction: Direction,
    /// The Fluent files, in [`FILES`] order.
    resources: [&'static str; FILES.len()],
}

/// The Fluent files every language has, under `locales/<tag>/`.
pub const FILES: [&str; 7] = [
    "pages.ftl",
    "support.ftl",
    "verify.ftl",
    "security.ftl",
    "help.ftl",
    "messages.ftl",
    "notices.ftl",
];

/// A language's line in [`LANGUAGES`]: embeds its folder's [`FILES`].
macro_rules! language {
    ($tag:literal, speech: $speech:literal, $direction:ident) => {
        Language {
            tag: $tag,
            speech: $speech,
            direction: Direction::$direction,
            resources: [
                include_str!(concat!("../locales/", $tag, "/pages.ftl")),
                include_str!(concat!("../locales/", $tag, "/support.ftl")),
                include_str!(concat!("../locales/", $tag, "/verify.ftl")),
                include_str!(concat!("../locales/", $tag, "/security.ftl")),
                include_str!(concat!("../locales/", $tag, "/help.ftl")),
                include_str!(concat!("../locales/", $tag, "/messages.ftl")),
                include_str!(concat!("../locales/", $tag, "/notices.ftl")),
            ],
        }
    };
}

/// Every language, the default (English) first. Adding one: a folder
/// `locales/<tag>/` with the same files as `locales/en/`, and a line here.
pub const LANGUAGES: &[Language] = &[
    language!("en", speech: "en-US", LeftToRight),
    language!("fr", speech: "fr-FR", LeftToRight),
    language!("de", speech: "de-DE", LeftToRight),
    language!("es", speech: "es-ES", LeftToRight),
    language!("pt-BR", speech: "pt-BR", LeftToRight),
    language!("it", speech: "it-IT", LeftToRight),
    language!("nl", speech: "nl-NL", LeftToRight),
    language!("ja", speech: "ja-JP", LeftToRight),
    language!("ko", speech: "ko-KR", LeftToRight),
    language!("zh-Hans", speech: "cmn-CN", LeftToRight),
    language!("zh-Hant", speech: "cmn-TW", LeftToRight),
    language!("ar", speech: "ar-AE", RightToLeft),
    language!("tr", speech: "tr-TR", LeftToRight),
    language!("vi", speech: "vi-VN", LeftToRight),
    language!("ru", speech: "ru-RU", LeftToRight),
    language!("uk", speech: "uk-UA", LeftToRight),
    language!("pl", speech: "pl-PL", LeftToRight),
];

/// One of [`LANGUAGES`]: what negotiation picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale(usize);

impl Locale {
    /// English: when nothing asked for matches.
    pub const DEFAULT: Locale = Locale(0);

    pub fn language(self) -> &'static Language {
        &LANGUAGES[self.0]
    }

    /// The language's tag, for `<html lang>` and links' `?lang=`.
    pub fn tag(self) -> &'static str {
        self.language().tag
    }

    /// `ltr` or `rtl`, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self.language().direction {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }

    /// The locale for a stored preference alone (messages and notices,
    /// which have no request to read).
    pub fn of_user(stored: Option<&str>) -> Locale {
        negotiate(stored, None, None)
    }

    /// The words for pages.
    pub fn texts(self) -> Texts {
        Texts::new(self, texts::Medium::Page)
    }

    /// The words for SMS, calls and emails: see [`texts::Medium::Plain`].
    pub fn plain_texts(self) -> Texts {
        Texts::new(self, texts::Medium::Plain)
    }
}
