//! The help center of each service: `/help/{service_id}` lists the
//! published articles of the user's language by category, searches them
//! (`?q=`) and pages through them (`?page=`); `/help/{service_id}/{slug}`
//! shows one article and counts the view. A language without articles
//! falls back to English ones. An unknown service or article gets the same
//! plain 404 page, so the pages do not tell which service ids exist.

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
use serde::Deserialize;

use super::{esc, page, plain_page, Lang, LangQuery};
use countersign_app::App;

/// Articles per page.
const PER_PAGE: u64 = 10;

/// Every text of the help pages, in one language.
struct HelpTexts {
    title: &'static str,
    lead: &'static str,
    search_label: &'static str,
    search_button: &'static str,
    categories: &'static str,
    all: &'static str,
    faq: &'static str,
    announcements: &'static str,
    product_documents: &'static str,
    /// `{first}`, `{last}`, `{total}`; the last word is chosen by `{total}`.
    showing: &'static str,
    article_one: &'static str,
    article_many: &'static str,
    results_for: &'static str,
    no_results: &'static str,
    empty: &'static str,
    pages: &'static str,
    previous: &'static str,
    next: &'static str,
    page_of: &'static str,
    published: &'static str,
    updated: &'static str,
    all_articles: &'static str,
    only_in_english: &'static str,
    not_found_title: &'static str,
    not_found_lead: &'static str,
    error_title: &'static str,
    error_lead: &'static str,
    months: [&'static str; 12],
}

const EN: HelpTexts = HelpTexts {
    title: "Help center",
    lead: "Answers about signing in, codes and keeping your account safe.",
    search_label: "Search the help center",
    search_button: "Search",
    categories: "Categories",
    all: "All",
    faq: "FAQ",
    announcements: "Announcements",
    product_documents: "Product documents",
    showing: "Showing {first}–{last} of {total} {articles}",
    article_one: "article",
    article_many: "articles",
    results_for: "Results for “{q}”",
    no_results: "No article matches your search. Try other words, or browse the categories.",
    empty: "No articles here yet.",
    pages: "Pages",
    previous: "Previous page",
    next: "Next page",
    page_of: "Page {page} of {pages}",
    published: "Published",
    updated: "Updated",
    all_articles: "All help articles",
    only_in_english: "This article is not available in your language yet.",
    not_found_title: "Page not found",
    not_found_lead: "There is no page at this address. Check the link you followed.",
    error_title: "Something went wrong",
    error_lead: "The help center cannot be shown right now. Try again in a moment.",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
};

const FR: HelpTexts = HelpTexts {
    title: "Centre d'aide",
    lead: "Des réponses sur la connexion, les codes et la sécurité de votre compte.",
    search_label: "Rechercher dans le centre d'aide",
    search_button: "Rechercher",
    categories: "Catégories",
    all: "Tout",
    faq: "FAQ",
    announcements: "Annonces",
    product_documents: "Documentation produit",
    showing: "{articles} {first} à {last} sur {total}",
    article_one: "Article",
    article_many: "Articles",
    results_for: "Résultats pour « {q} »",
    no_results: "Aucun article ne correspond à votre recherche. Essayez d'autres mots, ou parcourez les catégories.",
    empty: "Pas encore d'article ici.",
    pages: "Pages",
    previous: "Page précédente",
    next: "Page suivante",
    page_of: "Page {page} sur {pages}",
    published: "Publié le",
    updated: "Mis à jour le",
    all_articles: "Tous les articles d'aide",
    only_in_english: "Cet article n'existe pas encore en français.",
    not_found_title: "Page introuvable",
    not_found_lead: "Il n'y a pas de page à cette adresse. Vérifiez le lien que vous avez suivi.",
    error_title: "Une erreur est survenue",
    error_lead: "Le centre d'aide ne peut pas être affiché pour le moment. Réessayez dans un instant.",
    months: [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ],
};

fn texts(lang: Lang) -> &'static HelpTexts {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

impl HelpTexts {
    fn category(&self, c: Category) -> &'static str {
        match c {
            Category::Faq => self.faq,
            Category::Announcements => self.announcements,
            Category::ProductDocuments => self.product_documents,
        }
    }

    fn showing(&self, p: &Pagination) -> String {
        let word = if p.total == 1 {
            self.article_one
        } else {
            self.article_many
        };
        self.showing
            .replace("{first}", &p.first().to_string())
            .replace("{last}", &p.last().to_string())
            .replace("{total}", &p.total.to_string())
            .replace("{articles}", word)
    }

    /// "1 November 2026", "1 novembre 2026" (UTC), and the `datetime` value.
    fn date(&self, t: Timestamp) -> (String, String) {
        let nanos = i128::from(t.millis()) * 1_000_000;
        match time::OffsetDateTime::from_unix_timestamp_nanos(nanos) {
            Ok(d) => (
                format!(
                    "{} {} {}",
                    d.day(),
                    self.months[usize::from(u8::from(d.month())) - 1],
                    d.year()
                ),
                format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
            ),
            Err(_) => (String::new(), String::new()),
        }
    }
}

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

/// The plain 404 page, for an unknown service or article alike.
fn not_found(lang: Lang) -> Response {
    let t = texts(lang);
    plain_page(
        lang,
        StatusCode::NOT_FOUND,
        t.not_found_title,
        t.not_found_lead,
    )
}

fn failed(lang: Lang) -> Response {
    let t = texts(lang);
    plain_page(
        lang,
        StatusCode::SERVICE_UNAVAILABLE,
        t.error_title,
        t.error_lead,
    )
}

/// `lang` attribute for content in `locale` shown on a page in `lang`.
fn lang_attr(locale: &str, lang: Lang) -> String {
    if locale == lang.code() {
        String::new()
    } else {
        format!(" lang=\"{}\"", esc(locale))
    }
}

/// One listed article: its link, title and a passage.
struct Listed {
    slug: String,
    category: Category,
    title_html: String,
    text_html: String,
}

async fn help_center(
    State(state): State<App>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HelpQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let lang = Lang::pick(
        &LangQuery {
            lang: q.lang.clone(),
        },
        &headers,
    );
    // An address that is not even UTF-8 names no service.
    let Ok(Path(service_id)) = path else {
        return not_found(lang);
    };
    match render_help_center(&state, &service_id, &q, lang).await {
        Ok(Some(response)) => response,
        Ok(None) => not_found(lang),
        Err(_) => failed(lang),
    }
}

async fn render_help_center(
    state: &App,
    service_id: &str,
    q: &HelpQuery,
    lang: Lang,
) -> AppResult<Option<Response>> {
    let category = q.category.as_deref().and_then(|c| Category::parse(c).ok());
    let asked = help::HelpQuery {
        locale: lang.code(),
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
    let t = texts(lang);
    let l = lang.code();
    let (service, locale, query, pagination) =
        (found.service, found.locale, found.search, found.pagination);
    let listed: Vec<Listed> = match found.listing {
        Listing::Browse(articles) => articles
            .into_iter()
            .map(|a| Listed {
                text_html: excerpt_html(&a.body),
                title_html: esc(&a.title),
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
                    title_html: hit.title_html,
                    text_html: hit.snippet_html,
                }
            })
            .collect(),
    };

    // Links keep the language, the search and the category they are in.
    let base = center_path(&service.id);
    let link = |category: Option<Category>, page: u64| {
        let mut href = format!("{base}?lang={l}");
        if let Some(c) = category {
            href.push_str(&format!("&category={}", c.as_str()));
        }
        if !query.is_empty() {
            href.push_str(&format!("&q={}", enc(&query)));
        }
        if page > 1 {
            href.push_str(&format!("&page={page}"));
        }
        esc(&href)
    };
    let mut html = format!(
        "<p class=\"eyebrow\">{service}</p>\n<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n\
         <form class=\"search\" role=\"search\" action=\"{base}\" method=\"get\">\n\
         <input type=\"hidden\" name=\"lang\" value=\"{l}\">\n",
        service = esc(&service.name),
        title = esc(t.title),
        lead = esc(t.lead),
        base = esc(&base),
    );
    if let Some(c) = category {
        html.push_str(&format!(
            "<input type=\"hidden\" name=\"category\" value=\"{}\">\n",
            c.as_str()
        ));
    }
    html.push_str(&format!(
        "<label for=\"help-search\">{label}</label>\n<div class=\"search-row\">\
         <input id=\"help-search\" type=\"search\" name=\"q\" value=\"{query}\" maxlength=\"{MAX_QUERY_CHARS}\" autocomplete=\"off\">\
         <button type=\"submit\">{button}</button></div>\n</form>\n",
        label = esc(t.search_label),
        query = esc(&query),
        button = esc(t.search_button),
    ));
    html.push_str(&format!(
        "<nav aria-label=\"{}\">\n<ul class=\"tabs\">\n",
        esc(t.categories)
    ));
    let tabs = std::iter::once((None, t.all))
        .chain(Category::ALL.into_iter().map(|c| (Some(c), t.category(c))));
    for (c, name) in tabs {
        let current = if c == category {
            " aria-current=\"page\""
        } else {
            ""
        };
        html.push_str(&format!(
            "<li><a href=\"{}\"{current}>{}</a></li>\n",
            link(c, 1),
            esc(name)
        ));
    }
    html.push_str("</ul>\n</nav>\n");
    if !query.is_empty() {
        html.push_str(&format!(
            "<h2 class=\"results-title\">{}</h2>\n",
            esc(&t.results_for.replace("{q}", &query))
        ));
    }
    if listed.is_empty() {
        let none = if query.is_empty() {
            t.empty
        } else {
            t.no_results
        };
        html.push_str(&format!("<p class=\"count\">{}</p>\n", esc(none)));
    } else {
        html.push_str(&format!(
            "<p class=\"count\">{}</p>\n<ol class=\"articles\"{}>\n",
            esc(&t.showing(&pagination)),
            lang_attr(&locale, lang)
        ));
        for a in &listed {
            html.push_str(&format!(
                "<li><a href=\"{href}\"><strong>{title}</strong><span class=\"snippet\">{text}</span></a>\
                 <span class=\"tag\">{category}</span></li>\n",
                href = esc(&format!("{base}/{}?lang={l}", a.slug)),
                title = a.title_html,
                text = a.text_html,
                category = esc(t.category(a.category)),
            ));
        }
        html.push_str("</ol>\n");
    }
    if pagination.pages > 1 {
        html.push_str(&format!(
            "<nav class=\"pager\" aria-label=\"{}\">\n",
            esc(t.pages)
        ));
        if let Some(p) = pagination.previous() {
            html.push_str(&format!(
                "<a href=\"{}\" rel=\"prev\">{}</a>\n",
                link(category, p),
                esc(t.previous)
            ));
        }
        html.push_str(&format!(
            "<span>{}</span>\n",
            esc(&t
                .page_of
                .replace("{page}", &pagination.page.to_string())
                .replace("{pages}", &pagination.pages.to_string()))
        ));
        if let Some(p) = pagination.next() {
            html.push_str(&format!(
                "<a href=\"{}\" rel=\"next\">{}</a>\n",
                link(category, p),
                esc(t.next)
            ));
        }
        html.push_str("</nav>\n");
    }
    let title = format!("{} – {}", t.title, service.name);
    Ok(Some(page(lang, &title, &html)))
}

async fn help_article(
    State(state): State<App>,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<LangQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let q = query.map(|Query(q)| q).unwrap_or(LangQuery { lang: None });
    let lang = Lang::pick(&q, &headers);
    let Ok(Path((service_id, slug))) = path else {
        return not_found(lang);
    };
    match render_article(&state, &service_id, &slug, lang).await {
        Ok(Some(response)) => response,
        Ok(None) => not_found(lang),
        Err(_) => failed(lang),
    }
}

async fn render_article(
    state: &App,
    service_id: &str,
    slug: &str,
    lang: Lang,
) -> AppResult<Option<Response>> {
    let Some((service, article)) = state.read_article(service_id, lang.code(), slug).await? else {
        return Ok(None);
    };
    let t = texts(lang);
    let l = lang.code();
    let (published, published_iso) = t.date(article.published_at.unwrap_or(article.updated_at));
    let (updated, updated_iso) = t.date(article.updated_at);
    let mut meta = format!(
        "{} <time datetime=\"{published_iso}\">{}</time>",
        esc(t.published),
        esc(&published)
    );
    if updated_iso > published_iso {
        meta.push_str(&format!(
            " · {} <time datetime=\"{updated_iso}\">{}</time>",
            esc(t.updated),
            esc(&updated)
        ));
    }
    let note = if article.locale == l {
        String::new()
    } else {
        format!("<p class=\"note\">{}</p>\n", esc(t.only_in_english))
    };
    let html = format!(
        "<nav class=\"crumbs\" aria-label=\"{help}\"><a href=\"{back}\">{all}</a></nav>\n{note}\
         <article{article_lang}>\n<h1>{title}</h1>\n<p class=\"meta\">{meta} · {category}</p>\n\
         <div class=\"prose\">\n{body}</div>\n</article>",
        help = esc(t.title),
        back = esc(&format!("{}?lang={l}", center_path(&service.id))),
        all = esc(t.all_articles),
        article_lang = lang_attr(&article.locale, lang),
        title = esc(&article.title),
        category = esc(t.category(article.category)),
        body = render_markdown(&article.body),
    );
    let title = format!("{} – {}", article.title, service.name);
    Ok(Some(page(lang, &title, &html)))
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

    #[test]
    fn both_languages_say_how_many_articles_are_shown() {
        let p = Pagination::new(4, 1, PER_PAGE);
        assert_eq!(EN.showing(&p), "Showing 1–4 of 4 articles");
        assert_eq!(FR.showing(&p), "Articles 1 à 4 sur 4");
        assert_eq!(
            EN.showing(&Pagination::new(1, 1, PER_PAGE)),
            "Showing 1–1 of 1 article"
        );
    }

    #[test]
    fn dates_are_written_out() {
        let t = Timestamp(1_793_491_200_000);
        assert_eq!(EN.date(t), ("1 November 2026".into(), "2026-11-01".into()));
        assert_eq!(FR.date(t).0, "1 novembre 2026");
    }
}
