//! An email's two parts from one list of paragraphs: the text part
//! (`templates/email.txt`) and the HTML part (`templates/email.html`,
//! escaped by askama), so that what the two say can never drift apart.
//! The HTML part carries the service's brand: its logo, its colour, and
//! its support and privacy links (the text part ends with the links).

use askama::Template;

use crate::{ServiceBrand, Texts};

/// One paragraph of an email; a code stands alone, large in HTML and
/// indented in text, so that it is easy to read and copy.
#[derive(Debug)]
pub(crate) struct Paragraph {
    pub text: String,
    pub code: bool,
}

impl Paragraph {
    pub fn text(text: String) -> Paragraph {
        Paragraph { text, code: false }
    }

    pub fn code(code: &str) -> Paragraph {
        Paragraph {
            text: code.to_owned(),
            code: true,
        }
    }
}

/// An email's text and HTML parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Email {
    pub text: String,
    pub html: String,
}

#[derive(Template)]
#[template(path = "email.txt")]
struct TextPart<'a> {
    paragraphs: &'a [Paragraph],
    footer: String,
}

#[derive(Template)]
#[template(path = "email.html")]
struct HtmlPart<'a> {
    t: Texts,
    subject: &'a str,
    service: &'a str,
    logo: Option<&'a str>,
    /// The service's colour, or the pages' own.
    accent: String,
    paragraphs: &'a [Paragraph],
    /// (address, text)
    links: Vec<(String, String)>,
}

/// The pages' accent (countersign.css `--accent`), for a service without a
/// colour of its own.
const DEFAULT_ACCENT: &str = "#0b5cad";

/// The email of `paragraphs`, from `service`, in the language of `t`.
pub(crate) fn compose(
    t: Texts,
    subject: &str,
    service: &str,
    brand: &ServiceBrand<'_>,
    paragraphs: &[Paragraph],
) -> Email {
    let text = TextPart {
        paragraphs,
        footer: brand.footer(t),
    }
    .render()
    .unwrap_or_default();
    let support = brand
        .support_href
        .clone()
        .map(|href| (href, t.get("brand-support")));
    let privacy = brand
        .privacy
        .map(|url| (url.to_owned(), t.get("brand-privacy")));
    let html = HtmlPart {
        t,
        subject,
        service,
        logo: brand.logo.as_deref(),
        accent: brand
            .color
            .map_or_else(|| DEFAULT_ACCENT.to_owned(), |c| c.to_string()),
        paragraphs,
        links: [support, privacy].into_iter().flatten().collect(),
    }
    .render()
    .unwrap_or_default();
    Email { text, html }
}
