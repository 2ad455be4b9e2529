//! The help center of each service: `/help/{service_id}` lists the
//! published articles of the user's language by category, searches them
//! (`?q=`) and pages through them (`?page=`); `/help/{service_id}/{slug}`
//! shows one article and counts the view. A language without articles
//! falls back to English ones. An unknown service or article gets the same
//! plain 404 page, so the pages do not tell which service ids exist.

use askama::Template;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use countersign_app::help::{self, Listing, MAX_QUERY_CHARS};
use countersign_app::AppResult;
use countersign_core::help::{excerpt_html, render_markdown, Article, Category, Pagination};
use countersign_core::Timestamp;
use countersign_i18n::Texts;
use serde::Deserialize;

use super::{not_found_page, page, plain_page, texts, Family, LangQuery};
use countersign_app::App;

/// Articles per page.
const PER_PAGE: u64 = 10;

/// What the help center's address may carry. Everything is optional and
/// read leniently: a bad `page` or `category` shows the first page of all
/// articles rather than an error.
#[derive(Debug, Default, Deserialize)]
struct HelpQuery {
    lang: Option<String>,
    q: Option<String>,
    category: Option<String>,
    page: Option<String>,
}

fn failed(t: Texts) -> Response {
    plain_page(
        t,
        Family::Home,
        StatusCode::SERVICE_UNAVAILABLE,
        "error-title",
        "help-error-lead",
    )
}

/// The `lang` of content in `locale` on a page in `t`'s language: `None`
/// when they are the same (an article in `pt` on a `pt-BR` page is).
fn content_lang(locale: &str, t: Texts) -> Option<&str> {
    (locale != t.base_lang()).then_some(locale)
}

/// Text as the template gets it: plain (the engine escapes it), or HTML
/// that core made from an article (Markdown rendered with raw HTML
/// escaped, or a passage with the search's words marked).
enum Shown {
    Text(String),
    Html(String),
}

/// One listed article: its link, title, a passage, its dates and views.
struct Listed {
    slug: String,
    category: Category,
    title: Shown,
    passage: Shown,
    dates: Dates,
    views: u64,
}

/// When an article was published, and when it changed after that (on a
/// later day).
#[derive(Clone, Copy)]
struct Dates {
    published: Timestamp,
    updated: Option<Timestamp>,
}

impl Dates {
    fn of(a: &Article) -> Dates {
        let published = a.published_at.unwrap_or(a.updated_at);
        Dates {
            published,
            updated: Some(a.updated_at).filter(|u| iso_date(u) > iso_date(&published)),
        }
    }
}

/// The list of a service's articles, with search, categories and pages.
#[derive(Template)]
#[template(path = "help/center.html")]
struct Center<'a> {
    t: Texts,
    service: &'a str,
    /// The center's address.
    base: String,
    category: Option<Category>,
    query: &'a str,
    /// All articles, then each category: (category, link, current).
    tabs: Vec<(Option<Category>, String, bool)>,
    listed: Vec<Listed>,
    pagination: Pagination,
    /// Links to the previous and next pages.
    previous: Option<String>,
    next: Option<String>,
    /// The articles' language when it is not the page's (English ones).
    articles_lang: Option<&'a str>,
    max_query: usize,
}

impl Center<'_> {
    fn article_link(&self, a: &Listed) -> String {
        format!("{}/{}?lang={}", self.base, a.slug, self.t.lang())
    }
}

/// A link of the help center that keeps the language, the search and the
/// category.
fn center_link(t: Texts, base: &str, query: &str, category: Option<Category>, page: u64) -> String {
    let mut href = format!("{base}?lang={}", t.lang());
    if let Some(c) = category {
        href.push_str(&format!("&category={}", c.as_str()));
    }
    if !query.is_empty() {
        href.push_str(&format!("&q={}", enc(query)));
    }
    if page > 1 {
        href.push_str(&format!("&page={page}"));
    }
    href
}

/// One article.
#[derive(Template)]
#[template(path = "help/article.html")]
struct ArticlePage<'a> {
    t: Texts,
    article: &'a Article,
    /// The link back to the list.
    back: String,
    /// The article's language when it is not the page's.
    article_lang: Option<&'a str>,
    dates: Dates,
    /// The article's Markdown, rendered by core.
    body_html: String,
}

/// `2026-11-01`, for a `<time datetime>`.
fn iso_date(t: &Timestamp) -> String {
    t.to_rfc3339().chars().take(10).collect()
}

async fn help_center(
    State(state): State<App>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HelpQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let t = texts(None, q.lang.as_deref(), &headers);
    // An address that is not even UTF-8 names no service.
    let Ok(Path(service_id)) = path else {
        return not_found_page(t);
    };
    match render_help_center(&state, &service_id, &q, t).await {
        Ok(Some(response)) => response,
        Ok(None) => not_found_page(t),
        Err(_) => failed(t),
    }
}

async fn render_help_center(
    state: &App,
    service_id: &str,
    q: &HelpQuery,
    t: Texts,
) -> AppResult<Option<Response>> {
    let category = q.category.as_deref().and_then(|c| Category::parse(c).ok());
    let asked = help::HelpQuery {
        locale: t.base_lang(),
        category,
        page: q
            .page
            .as_deref()
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
            .min(1_000_000),
        per_page: PER_PAGE,
        search: q.q.as_deref().unwrap_or_default(),
    };
    let Some(found) = state.help_page(service_id, asked).await? else {
        return Ok(None);
    };
    let listed: Vec<Listed> = match found.listing {
        Listing::Browse(articles) => articles
            .into_iter()
            .map(|a| Listed {
                passage: Shown::Html(excerpt_html(&a.body)),
                dates: Dates::of(&a),
                views: a.views,
                title: Shown::Text(a.title),
                slug: a.slug,
                category: a.category,
            })
            .collect(),
        Listing::Search { articles, hits } => hits
            .into_iter()
            .map(|hit| {
                let a: &Article = &articles[hit.index];
                Listed {
                    slug: a.slug.clone(),
                    category: a.category,
                    title: Shown::Html(hit.title_html),
                    passage: Shown::Html(hit.snippet_html),
                    dates: Dates::of(a),
                    views: a.views,
                }
            })
            .collect(),
    };
    let service = &found.service;
    let base = center_path(&service.id);
    let link = |c: Option<Category>, page: u64| center_link(t, &base, &found.search, c, page);
    let tabs = std::iter::once(None)
        .chain(Category::ALL.into_iter().map(Some))
        .map(|c| (c, link(c, 1), c == category))
        .collect();
    let pagination = found.pagination;
    let center = Center {
        t,
        service: &service.name,
        category,
        query: &found.search,
        tabs,
        listed,
        pagination,
        previous: pagination.previous().map(|p| link(category, p)),
        next: pagination.next().map(|p| link(category, p)),
        base,
        articles_lang: content_lang(&found.locale, t),
        max_query: MAX_QUERY_CHARS,
    };
    let title = format!("{} – {}", t.get("help-title"), service.name);
    let family = Family::Help(service);
    Ok(Some(page(t, family, &title, &center)))
}

async fn help_article(
    State(state): State<App>,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<LangQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let t = texts(None, q.lang.as_deref(), &headers);
    let Ok(Path((service_id, slug))) = path else {
        return not_found_page(t);
    };
    match render_article(&state, &service_id, &slug, t).await {
        Ok(Some(response)) => response,
        Ok(None) => not_found_page(t),
        Err(_) => failed(t),
    }
}

async fn render_article(
    state: &App,
    service_id: &str,
    slug: &str,
    t: Texts,
) -> AppResult<Option<Response>> {
    let Some((service, article)) = state.read_article(service_id, t.base_lang(), slug).await?
    else {
        return Ok(None);
    };
    let shown = ArticlePage {
        t,
        article: &article,
        back: format!("{}?lang={}", center_path(&service.id), t.lang()),
        article_lang: content_lang(&article.locale, t),
        dates: Dates::of(&article),
        body_html: render_markdown(&article.body),
    };
    let title = format!("{} – {}", article.title, service.name);
    let family = Family::Help(&service);
    Ok(Some(page(t, family, &title, &shown)))
}

/// The address of a service's help center.
pub(super) fn center_path(service_id: &str) -> String {
    format!("/help/{}", enc(service_id))
}

/// Percent-encodes a value for a query string or a path segment.
fn enc(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/help/{service_id}", get(help_center))
        .route("/help/{service_id}/{slug}", get(help_article))
}

#[cfg(test)]
mod tests {
    use super::*;
    use countersign_i18n::negotiate;

    #[test]
    fn both_languages_say_how_many_articles_are_shown() {
        let showing = |lang: &str, p: Pagination| {
            negotiate(None, Some(lang), None)
                .texts()
                .msg("help-showing")
                .arg("first", p.first())
                .arg("last", p.last())
                .arg("total", p.total)
                .to_string()
        };
        let p = Pagination::new(4, 1, PER_PAGE);
        assert_eq!(showing("en", p), "Showing 1–4 of 4 articles");
        assert_eq!(showing("fr", p), "Articles 1 à 4 sur 4");
        assert_eq!(
            showing("en", Pagination::new(1, 1, PER_PAGE)),
            "Showing 1–1 of 1 article"
        );
    }
}
