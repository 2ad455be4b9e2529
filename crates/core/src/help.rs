//! The help center: articles a service publishes for its end users, how an
//! article file is read (front matter + Markdown), how Markdown becomes safe
//! HTML, and how a search ranks articles.
//!
//! Search is done here, in Rust, over a locale's published articles rather
//! than with each database's full-text engine: SQLite and PostgreSQL then
//! rank identically, and a help center of a few thousand articles is ranked
//! in milliseconds.

use std::collections::HashMap;

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::ids::is_printable;
use crate::message::escape_markup;
use crate::Timestamp;

/// Longest slug, in characters of `[a-z0-9-]`.
pub const MAX_SLUG_LEN: usize = 80;
/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Largest Markdown body, in bytes.
pub const MAX_BODY_BYTES: usize = 100 * 1024;

/// Where an article is filed; the help center shows one tab per category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Faq,
    Announcements,
    ProductDocuments,
}

impl Category {
    /// In the order of the help center's tabs.
    pub const ALL: [Category; 3] = [
        Category::Faq,
        Category::Announcements,
        Category::ProductDocuments,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Faq => "faq",
            Category::Announcements => "announcements",
            Category::ProductDocuments => "product_documents",
        }
    }

    pub fn parse(text: &str) -> Result<Category, ArticleError> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == text)
            .ok_or_else(|| ArticleError::UnknownCategory(text.to_owned()))
    }
}

/// One help article in one language. A service's articles are keyed by
/// `(locale, slug)`: the same slug in two locales is one article translated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Article {
    pub slug: String,
    pub locale: String,
    pub title: String,
    pub category: Category,
    /// Markdown. Raw HTML in it is shown as text, never interpreted.
    pub body: String,
    /// `None`: a draft. A time in the future: scheduled, shown from then on.
    pub published_at: Option<Timestamp>,
    pub updated_at: Timestamp,
    /// How many times the article's page was shown.
    pub views: u64,
}

impl Article {
    /// Checks every field against the limits (the category is typed, so it
    /// was checked when it was read).
    pub fn validate(&self) -> Result<(), ArticleError> {
        check_slug(&self.slug)?;
        if normalize_locale(&self.locale)? != self.locale {
            return Err(ArticleError::InvalidLocale);
        }
        check_title(&self.title)?;
        check_body(&self.body)
    }
}

/// Why an article was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ArticleError {
    #[error("expected 1–80 characters of a-z 0-9 -")]
    InvalidSlug,
    #[error("expected a language code of 2 or 3 letters, such as \"en\" or \"fr\"")]
    InvalidLocale,
    #[error("expected 1–200 characters, without control, bidirectional-override or invisible characters")]
    InvalidTitle,
    #[error("the body is {0} bytes; at most 102400 (100 KB)")]
    BodyTooLarge(usize),
    #[error("unknown category {0:?}: expected faq, announcements or product_documents")]
    UnknownCategory(String),
}

impl ArticleError {
    /// The field at fault, as the API names it.
    pub fn field(&self) -> &'static str {
        match self {
            ArticleError::InvalidSlug => "slug",
            ArticleError::InvalidLocale => "locale",
            ArticleError::InvalidTitle => "title",
            ArticleError::BodyTooLarge(_) => "body",
            ArticleError::UnknownCategory(_) => "category",
        }
    }
}

/// A slug is part of a URL: lower-case ASCII letters, digits and dashes.
pub fn check_slug(slug: &str) -> Result<(), ArticleError> {
    let ok = (1..=MAX_SLUG_LEN).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then_some(()).ok_or(ArticleError::InvalidSlug)
}

/// Articles are filed by language alone (`en`, `fr`): the pages pick a
/// language, not a region. Accepts any case, answers lower case.
pub fn normalize_locale(locale: &str) -> Result<String, ArticleError> {
    let ok = (2..=3).contains(&locale.len()) && locale.bytes().all(|b| b.is_ascii_alphabetic());
    ok.then(|| locale.to_ascii_lowercase())
        .ok_or(ArticleError::InvalidLocale)
}

pub fn check_title(title: &str) -> Result<(), ArticleError> {
    let ok = (1..=MAX_TITLE_CHARS).contains(&title.chars().count())
        && !title.trim().is_empty()
        && is_printable(title);
    ok.then_some(()).ok_or(ArticleError::InvalidTitle)
}

pub fn check_body(body: &str) -> Result<(), ArticleError> {
    if body.len() > MAX_BODY_BYTES {
        Err(ArticleError::BodyTooLarge(body.len()))
    } else {
        Ok(())
    }
}

/// Why an article file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FrontMatterError {
    #[error(
        "the file must start with a front matter block: a line ---, `key: value` lines, a line ---"
    )]
    Missing,
    #[error("the front matter block is not closed by a line ---")]
    Unclosed,
    #[error("front matter line {0}: expected `key: value`")]
    BadLine(usize),
    #[error(
        "front matter: unknown key {0:?} (expected title, category, slug, locale, published_at)"
    )]
    UnknownKey(String),
    #[error("front matter: {0} is given twice")]
    Duplicate(String),
    #[error("front matter: {0} is missing")]
    MissingKey(&'static str),
    #[error("published_at: expected a date (2026-11-01) or an RFC 3339 time")]
    BadDate,
    #[error("{field}: {source}", field = .0.field(), source = .0)]
    Invalid(#[from] ArticleError),
}

/// Reads an article file:
///
/// ```text
/// ---
/// title: What to do when an SMS code doesn't arrive
/// category: faq
/// slug: sms-code-not-received
/// locale: en
/// published_at: 2026-11-01
/// ---
/// Markdown body…
/// ```
///
/// `published_at` may be left out: the article is then published at `now`.
/// Values may be quoted (`"…"` or `'…'`). The result is validated.
pub fn parse_article_file(text: &str, now: Timestamp) -> Result<Article, FrontMatterError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Err(FrontMatterError::Missing);
    }
    let mut fields: HashMap<&str, &str> = HashMap::new();
    let mut consumed = text.split_inclusive('\n').next().map_or(0, str::len);
    let mut closed = false;
    for (n, line) in lines.enumerate() {
        consumed += line.len();
        let line = line.trim_end();
        if line == "---" {
            closed = true;
            break;
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or(FrontMatterError::BadLine(n + 2))?;
        let key = key.trim();
        if !["title", "category", "slug", "locale", "published_at"].contains(&key) {
            return Err(FrontMatterError::UnknownKey(key.to_owned()));
        }
        if fields.insert(key, unquote(value.trim())).is_some() {
            return Err(FrontMatterError::Duplicate(key.to_owned()));
        }
    }
    if !closed {
        return Err(FrontMatterError::Unclosed);
    }
    let field = |key: &'static str| {
        fields
            .get(key)
            .copied()
            .ok_or(FrontMatterError::MissingKey(key))
    };
    let published_at = match fields.get("published_at") {
        None => now,
        Some(value) => parse_date(value).ok_or(FrontMatterError::BadDate)?,
    };
    let article = Article {
        slug: field("slug")?.to_owned(),
        locale: normalize_locale(field("locale")?)?,
        title: field("title")?.to_owned(),
        category: Category::parse(field("category")?)?,
        body: text[consumed..].trim_start_matches(['\r', '\n']).to_owned(),
        published_at: Some(published_at),
        updated_at: now,
        views: 0,
    };
    article.validate()?;
    Ok(article)
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

/// `2026-11-01` (midnight UTC) or an RFC 3339 time.
fn parse_date(value: &str) -> Option<Timestamp> {
    if let Some(t) = Timestamp::parse_rfc3339(value) {
        return Some(t);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(value, &format).ok()?;
    let seconds = date.midnight().assume_utc().unix_timestamp();
    Some(Timestamp(seconds.checked_mul(1000)?))
}

fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Markdown to HTML for the article page. Raw HTML in the Markdown is shown
/// as text (an article is written by the integrator's staff, but a page on
/// the security server must never run a script from content), and links or
/// images with a scheme other than http, https or mailto (`javascript:`,
/// `data:`) point nowhere.
pub fn render_markdown(body: &str) -> String {
    let events = Parser::new_ext(body, markdown_options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
        Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// A link target, or `#` when its scheme could run or embed something.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    // Browsers ignore whitespace and control characters inside a scheme.
    // The whole URL is read: a scheme may be of any length (fuzzing found
    // one past 16 characters let through when only the start was read).
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_end = squeezed.find(':');
    let relative = match scheme_end {
        None => true,
        Some(i) => squeezed[..i].contains(['/', '?', '#']),
    };
    let allowed = ["http:", "https:", "mailto:"]
        .iter()
        .any(|s| squeezed.starts_with(s));
    if relative || allowed {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

/// The text of a Markdown body, without its markup: what search indexes and
/// what snippets are cut from.
pub fn plain_text(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for event in Parser::new_ext(body, markdown_options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => out.push(' '),
            // The end of a block separates words; the end of an inline
            // (emphasis, link) does not.
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower case without accents, so that "Sécurité" is found by "securite".
pub fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Byte ranges of the words of `text` (runs of letters and digits).
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric() || is_combining_mark(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// The folded words of `text`.
pub fn tokenize(text: &str) -> Vec<String> {
    word_spans(text)
        .into_iter()
        .map(|(s, e)| fold(&text[s..e]))
        .collect()
}

/// At most this many words of a query count (the rest is ignored).
const MAX_QUERY_TERMS: usize = 16;
/// A title word counts as much as this many body words.
const TITLE_WEIGHT: f64 = 3.0;
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// Longest snippet, in characters (before `…` and marks).
const SNIPPET_CHARS: usize = 180;

/// How well a word of an article matches a query term: exactly, or as a
/// prefix of at least 3 letters ("passkey" finds "passkeys") at half weight.
fn match_weight(term: &str, word: &str) -> f64 {
    if word == term {
        1.0
    } else if term.chars().count() >= 3 && word.starts_with(term) {
        0.5
    } else {
        0.0
    }
}

/// One article found by [`search`].
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// Index of the article in the slice searched.
    pub index: usize,
    pub score: f64,
    /// The title, HTML-escaped, matched words in `<mark>`.
    pub title_html: String,
    /// A passage of the body around the first match (or its start), HTML-escaped, matched words in `<mark>`.
    pub snippet_html: String,
}

/// The distinct folded terms of a query. Single letters ("l'", "a") are
/// left out; numbers are kept ("release 7").
pub fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for t in tokenize(query) {
        let meaningful = t.chars().count() > 1 || t.chars().all(|c| c.is_numeric());
        if meaningful && !terms.contains(&t) && terms.len() < MAX_QUERY_TERMS {
            terms.push(t);
        }
    }
    terms
}

/// Ranks `articles` against `query` with BM25 over the title and the body
/// (BM25F: a title word weighs [`TITLE_WEIGHT`] body words), best first;
/// articles that match no term are left out. Ties keep the order given.
pub fn search(articles: &[Article], query: &str) -> Vec<SearchHit> {
    let terms = query_terms(query);
    if terms.is_empty() || articles.is_empty() {
        return Vec::new();
    }
    let docs: Vec<(Vec<String>, String, Vec<String>)> = articles
        .iter()
        .map(|a| {
            let text = plain_text(&a.body);
            (tokenize(&a.title), text.clone(), tokenize(&text))
        })
        .collect();
    // Weighted term frequencies per document and term.
    let tf: Vec<Vec<f64>> = docs
        .iter()
        .map(|(title, _, body)| {
            terms
                .iter()
                .map(|t| {
                    let in_title: f64 = title.iter().map(|w| match_weight(t, w)).sum();
                    let in_body: f64 = body.iter().map(|w| match_weight(t, w)).sum();
                    TITLE_WEIGHT * in_title + in_body
                })
                .collect()
        })
        .collect();
    let lengths: Vec<f64> = docs
        .iter()
        .map(|(title, _, body)| TITLE_WEIGHT * title.len() as f64 + body.len() as f64)
        .collect();
    let n = articles.len() as f64;
    let average = (lengths.iter().sum::<f64>() / n).max(1.0);
    let idf: Vec<f64> = (0..terms.len())
        .map(|j| {
            let df = tf.iter().filter(|row| row[j] > 0.0).count() as f64;
            (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
        })
        .collect();
    let mut hits: Vec<SearchHit> = Vec::new();
    for (i, row) in tf.iter().enumerate() {
        let norm = K1 * (1.0 - B + B * lengths[i] / average);
        let score: f64 = row
            .iter()
            .zip(&idf)
            .filter(|(f, _)| **f > 0.0)
            .map(|(f, idf)| idf * f * (K1 + 1.0) / (f + norm))
            .sum();
        if score > 0.0 {
            hits.push(SearchHit {
                index: i,
                score,
                title_html: highlight(&articles[i].title, 0, articles[i].title.len(), &terms),
                snippet_html: snippet(&docs[i].1, &terms),
            });
        }
    }
    hits.sort_by(|a, b| b.score.total_cmp(&a.score));
    hits
}

/// `text[start..end]` HTML-escaped, with the words that match a term in
/// `<mark>`. Escaping comes first, word by word, so a `<mark>` is the only
/// markup that can come out.
fn highlight(text: &str, start: usize, end: usize, terms: &[String]) -> String {
    let mut out = String::new();
    let mut at = start;
    for (s, e) in word_spans(&text[start..end]) {
        let (s, e) = (s + start, e + start);
        let word = fold(&text[s..e]);
        if terms.iter().any(|t| match_weight(t, &word) > 0.0) {
            out.push_str(&escape_markup(&text[at..s]));
            out.push_str("<mark>");
            out.push_str(&escape_markup(&text[s..e]));
            out.push_str("</mark>");
            at = e;
        }
    }
    out.push_str(&escape_markup(&text[at..end]));
    out
}

/// A passage of about [`SNIPPET_CHARS`] characters around the first word
/// that matches, cut at spaces, `…` where it was cut.
fn snippet(text: &str, terms: &[String]) -> String {
    let first = word_spans(text)
        .into_iter()
        .find(|(s, e)| {
            let w = fold(&text[*s..*e]);
            terms.iter().any(|t| match_weight(t, &w) > 0.0)
        })
        .map_or(0, |(s, _)| s);
    // Start up to a third of the snippet before the match, at a space.
    let lead = SNIPPET_CHARS / 3;
    let mut start = text[..first]
        .char_indices()
        .rev()
        .nth(lead.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if start > 0 {
        start = text[start..first]
            .find(' ')
            .map_or(first, |i| start + i + 1);
    }
    let mut end = text[start..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    if end < text.len() {
        if let Some(space) = text[start..end].rfind(' ').filter(|i| start + i > first) {
            end = start + space;
        }
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let passage = highlight(text, start, end, terms);
    if end < text.len() {
        // "… en chemin :…" reads badly: drop the punctuation before the cut.
        out.push_str(
            passage
                .trim()
                .trim_end_matches([' ', ':', ';', ',', '\u{a0}']),
        );
        out.push('…');
    } else {
        out.push_str(passage.trim());
    }
    out
}

/// The start of an article's text, HTML-escaped and cut at a space: what a
/// list shows under a title when nothing was searched.
pub fn excerpt_html(body: &str) -> String {
    snippet(&plain_text(body), &[])
}

/// Which slice of a list a page shows ("Showing 5–8 of 10 articles").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pagination {
    /// The page shown, from 1, never past the last one.
    pub page: u64,
    /// Number of pages, at least 1 (an empty list has one, empty, page).
    pub pages: u64,
    pub per_page: u64,
    pub total: u64,
}

impl Pagination {
    /// `page` is what was asked for; it is brought into `1..=pages`.
    pub fn new(total: u64, page: u64, per_page: u64) -> Pagination {
        let per_page = per_page.max(1);
        let pages = total.div_ceil(per_page).max(1);
        Pagination {
            page: page.clamp(1, pages),
            pages,
            per_page,
            total,
        }
    }

    /// How many items come before this page.
    pub fn offset(&self) -> u64 {
        (self.page - 1) * self.per_page
    }

    /// Position of the first item shown, from 1; 0 when there is none.
    pub fn first(&self) -> u64 {
        if self.total == 0 {
            0
        } else {
            self.offset() + 1
        }
    }

    /// Position of the last item shown; 0 when there is none.
    pub fn last(&self) -> u64 {
        (self.offset() + self.per_page).min(self.total)
    }

    pub fn previous(&self) -> Option<u64> {
        (self.page > 1).then(|| self.page - 1)
    }

    pub fn next(&self) -> Option<u64> {
        (self.page < self.pages).then(|| self.page + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(slug: &str, title: &str, body: &str) -> Article {
        Article {
            slug: slug.into(),
            locale: "en".into(),
            title: title.into(),
            category: Category::Faq,
            body: body.into(),
            published_at: Some(Timestamp(0)),
            updated_at: Timestamp(0),
            views: 0,
        }
    }

    #[test]
    fn front_matter_is_read_and_checked() {
        let file = "---\ntitle: \"Codes: what to do\"\ncategory: faq\nslug: sms-code\nlocale: EN\npublished_at: 2026-11-01\n---\n\n## Body\nText.\n";
        let a = parse_article_file(file, Timestamp(5)).unwrap();
        assert_eq!(a.title, "Codes: what to do");
        assert_eq!(a.slug, "sms-code");
        assert_eq!(a.locale, "en");
        assert_eq!(a.category, Category::Faq);
        assert_eq!(a.body, "## Body\nText.\n");
        assert_eq!(a.published_at, Some(Timestamp(1_793_491_200_000)));
        assert_eq!(a.updated_at, Timestamp(5));

        let crlf = file
            .replace('\n', "\r\n")
            .replace("published_at: 2026-11-01\r\n", "");
        let a = parse_article_file(&crlf, Timestamp(5)).unwrap();
        assert_eq!(a.published_at, Some(Timestamp(5)), "absent: published now");

        let bad = |f: &str| parse_article_file(f, Timestamp(0)).unwrap_err();
        assert_eq!(bad("# no front matter"), FrontMatterError::Missing);
        assert_eq!(bad("---\ntitle: x\n"), FrontMatterError::Unclosed);
        assert_eq!(bad("---\ntitle x\n---\n"), FrontMatterError::BadLine(2));
        assert_eq!(
            bad("---\nauthor: me\n---\n"),
            FrontMatterError::UnknownKey("author".into())
        );
        assert_eq!(
            bad("---\ntitle: a\ntitle: b\n---\n"),
            FrontMatterError::Duplicate("title".into())
        );
        assert_eq!(
            bad("---\ntitle: a\ncategory: faq\nlocale: en\n---\n"),
            FrontMatterError::MissingKey("slug")
        );
        let err = bad("---\ntitle: a\ncategory: news\nslug: a\nlocale: en\n---\n");
        assert_eq!(
            err.to_string(),
            "category: unknown category \"news\": expected faq, announcements or product_documents"
        );
        assert_eq!(
            bad("---\ntitle: a\ncategory: faq\nslug: A_b\nlocale: en\n---\n"),
            FrontMatterError::Invalid(ArticleError::InvalidSlug)
        );
        assert_eq!(
            bad("---\ntitle: a\ncategory: faq\nslug: a\nlocale: en\npublished_at: soon\n---\n"),
            FrontMatterError::BadDate
        );
    }

    #[test]
    fn fields_are_validated() {
        assert!(check_slug("sms-code-2").is_ok());
        assert!(check_slug(&"a".repeat(80)).is_ok());
        for bad in ["", "Caps", "under_score", "spa ce", "é", &"a".repeat(81)] {
            assert_eq!(check_slug(bad), Err(ArticleError::InvalidSlug), "{bad}");
        }
        assert!(check_title(&"é".repeat(200)).is_ok());
        assert!(check_title(&"é".repeat(201)).is_err());
        assert!(check_title("   ").is_err());
        assert!(check_title("a\nb").is_err());
        assert!(check_body(&"x".repeat(MAX_BODY_BYTES)).is_ok());
        assert_eq!(
            check_body(&"x".repeat(MAX_BODY_BYTES + 1)),
            Err(ArticleError::BodyTooLarge(MAX_BODY_BYTES + 1))
        );
        assert_eq!(normalize_locale("FR").unwrap(), "fr");
        assert!(normalize_locale("fr-FR").is_err());
        assert_eq!(
            Category::parse("product_documents"),
            Ok(Category::ProductDocuments)
        );
        assert_eq!(
            ArticleError::UnknownCategory("x".into()).field(),
            "category"
        );
    }

    #[test]
    fn markdown_never_passes_raw_html_through() {
        let html = render_markdown(
            "# Title\n\n<script>alert(1)</script>\n\nSome <b onclick=\"x()\">bold</b> and **strong**.\n\n\
             [site](https://example.com) [bad](javascript:alert(1)) [bad2](JaVa\tScRiPt:alert(1)) \
             [rel](/help/x) ![img](data:image/svg+xml;base64,AAAA)\n",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(!html.contains("<b "), "{html}");
        assert!(
            html.contains("&lt;b onclick=\"x()\"&gt;bold&lt;/b&gt;"),
            "{html}"
        );
        assert!(html.contains("<strong>strong</strong>"));
        assert!(html.contains("<h1>Title</h1>"));
        assert!(html.contains("href=\"https://example.com\""));
        assert!(html.contains("href=\"/help/x\""));
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(!html.contains("data:"), "{html}");
    }

    /// Found by the `help_article` fuzz target (its corpus keeps the input):
    /// only the first 16 characters were read for the scheme.
    #[test]
    fn a_scheme_longer_than_sixteen_characters_is_refused_too() {
        let html = render_markdown(
            "[a](javascriDDDDDDDDDDDDDDDDpt:alert(1)) [b](x-very-long-app-handler:run) \
             [c](/a/b:c) [d](https://example.com/a:b)",
        );
        assert!(!html.contains("alert"), "{html}");
        assert!(!html.contains("handler"), "{html}");
        assert!(html.contains("href=\"/a/b:c\""), "{html}");
        assert!(html.contains("href=\"https://example.com/a:b\""), "{html}");
    }

    #[test]
    fn words_are_folded() {
        assert_eq!(
            tokenize("Sécurité: l'ÉCRAN, Ça marche! 2FA"),
            ["securite", "l", "ecran", "ca", "marche", "2fa"]
        );
        assert_eq!(
            plain_text("## Head\n\nA *b* `c`\n- d\n- e"),
            "Head A b c d e"
        );
        assert_eq!(query_terms("a SMS sms b code 7"), ["sms", "code", "7"]);
    }

    #[test]
    fn ranking_prefers_titles_and_rare_words() {
        let articles = [
            article(
                "a",
                "Authenticator apps",
                "Use an app. The code changes every 30 seconds.",
            ),
            article(
                "b",
                "When an SMS code doesn't arrive",
                "Wait for the resend countdown, then ask for a call. The SMS may be late.",
            ),
            article("c", "Passkeys", "A passkey replaces codes. No SMS needed."),
            article("d", "Unrelated", "Nothing to see here."),
        ];
        let hits = search(&articles, "SMS");
        let order: Vec<&str> = hits
            .iter()
            .map(|h| articles[h.index].slug.as_str())
            .collect();
        assert_eq!(order, ["b", "c"], "title match first, no match left out");
        assert!(hits[0].score > hits[1].score);
        assert_eq!(
            hits[0].title_html,
            "When an <mark>SMS</mark> code doesn&#39;t arrive"
        );
        let hits = search(&articles, "passkey");
        assert_eq!(articles[hits[0].index].slug, "c");
        assert!(
            hits[0].title_html.contains("<mark>Passkeys</mark>"),
            "prefix match"
        );
        assert!(search(&articles, "   ").is_empty());
        assert!(search(&articles, "zzz").is_empty());
        // Accents do not matter either way.
        let fr = [article("e", "Sécurité du compte", "Protégez votre compte.")];
        assert_eq!(search(&fr, "securite").len(), 1);
        assert_eq!(search(&fr, "PROTÉGEZ").len(), 1);
    }

    #[test]
    fn snippets_are_escaped_before_marking() {
        let body = format!(
            "{} Never share <script>codes</script> & keep the SMS code to yourself. {}",
            "word ".repeat(60),
            "tail ".repeat(60)
        );
        let hits = search(&[article("x", "T", &body)], "code");
        let s = &hits[0].snippet_html;
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("&lt;script&gt;<mark>codes</mark>&lt;/script&gt; &amp; keep the SMS <mark>code</mark>"), "{s}");
        assert!(!s.contains("<script"));
        assert!(s.chars().count() < SNIPPET_CHARS + 60, "{s}");
        assert_eq!(excerpt_html("## A <b>\n\ntext"), "A &lt;b&gt; text");
        // A match only in the title: the snippet is the start of the body.
        let hits = search(&[article("y", "Codes", "Plain <b>text</b>.")], "codes");
        assert_eq!(hits[0].snippet_html, "Plain &lt;b&gt;text&lt;/b&gt;.");
    }

    #[test]
    fn pagination_counts_from_one() {
        let p = Pagination::new(4, 1, 10);
        assert_eq!((p.first(), p.last(), p.pages, p.offset()), (1, 4, 1, 0));
        assert_eq!((p.previous(), p.next()), (None, None));
        let p = Pagination::new(25, 3, 10);
        assert_eq!((p.first(), p.last(), p.offset()), (21, 25, 20));
        assert_eq!((p.previous(), p.next()), (Some(2), None));
        assert_eq!(
            Pagination::new(25, 99, 10).page,
            3,
            "past the end: the last page"
        );
        assert_eq!(Pagination::new(25, 0, 10).page, 1);
        let empty = Pagination::new(0, 1, 10);
        assert_eq!((empty.first(), empty.last(), empty.pages), (0, 0, 1));
    }
}
