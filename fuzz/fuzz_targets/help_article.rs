//! Help articles: the Markdown files of `countersign help import` and the
//! body of `PUT /v1/help/articles/...` (`parse_article_file`,
//! `render_markdown`), and the search box of the help center (`search`).
//! Input: the search query on the first line, then an article file.
//!
//! Beyond "never panics", the rendered HTML is checked the way a browser
//! would read it: only the tags Markdown produces, and no link or image
//! whose scheme could run or embed something.
#![no_main]

use countersign_core::help::{
    excerpt_html, parse_article_file, plain_text, render_markdown, search,
};
use countersign_core::Timestamp;
use libfuzzer_sys::fuzz_target;

/// What pulldown-cmark writes with tables and strikethrough on.
const TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "code",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "del",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
];

fn check_html(html: &str) {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let tag = &rest[start + 1..];
        // The tag ends at the first `>` outside a quoted attribute value.
        // Text outside tags (where `<` is escaped) is not looked at: an
        // `href="` written in an article's text is only text.
        let mut quoted = false;
        let end = tag
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map(|(i, _)| i)
            .expect("a closed tag");
        let tag = &tag[..end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(TAGS.contains(&name.as_str()), "tag {name:?} in {html:?}");
        let after_name = tag.trim_start_matches('/')[name.len()..].trim_end_matches('/');
        for (attribute, value) in attributes(after_name, html) {
            if matches!(attribute, "href" | "src") {
                assert!(harmless_url(value), "{attribute}={value:?} in {html:?}");
            }
        }
        rest = &rest[start + 1 + end..];
    }
}

/// A tag's attributes, read in order as a browser does: a name, `=`, then a
/// double-quoted value (pulldown-cmark quotes every value and escapes the
/// quotes inside). Searching the tag for ` src="` instead would find it at
/// the end of another attribute's value (a title ending in "src="), as an
/// earlier version of this target did.
fn attributes<'t>(mut rest: &'t str, html: &str) -> Vec<(&'t str, &'t str)> {
    let mut found = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return found;
        }
        let (name, value) = rest
            .split_once("=\"")
            .unwrap_or_else(|| panic!("an attribute without a quoted value: {rest:?} in {html:?}"));
        let (value, after) = value
            .split_once('"')
            .unwrap_or_else(|| panic!("an unclosed attribute: {rest:?} in {html:?}"));
        found.push((name, value));
        rest = after;
    }
}

/// The URL a browser would follow, from an attribute value, has no scheme
/// or http, https or mailto.
fn harmless_url(attribute: &str) -> bool {
    let decoded = attribute
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    // The URL parser drops tabs and newlines anywhere, and leading controls
    // and spaces.
    let url: String = decoded
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_len = url
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .unwrap_or(url.len());
    let has_scheme =
        url[scheme_len..].starts_with(':') && url.starts_with(|c: char| c.is_ascii_alphabetic());
    !has_scheme || ["http", "https", "mailto"].contains(&&url[..scheme_len])
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (query, file) = text.split_once('\n').unwrap_or(("", text));
    // The API stores a body as given; the page renders it.
    check_html(&render_markdown(file));
    excerpt_html(file);
    plain_text(file);
    let Ok(article) = parse_article_file(file, Timestamp(1_790_000_000_000)) else {
        return;
    };
    check_html(&render_markdown(&article.body));
    for hit in search(std::slice::from_ref(&article), query) {
        assert_eq!(hit.index, 0);
    }
});
