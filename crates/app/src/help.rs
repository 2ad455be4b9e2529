//! Help articles: the service writes its help center; the pages at
//! `/help/{service_id}` show the published ones.

use countersign_core::help::{check_slug, normalize_locale, Article, Category};
use countersign_core::ids::ServiceId;
use countersign_core::service::Service;
use countersign_core::Timestamp;
use countersign_store::ArticleFilter;

use serde_json::json;

use crate::{App, AppError, AppResult, Missing};

/// An article as the service writes it.
pub struct ArticleDraft {
    pub title: String,
    pub category: String,
    pub body: String,
    /// `None`: keep (a new article is published now); `Some(None)`: a
    /// draft; `Some(Some(t))`: shown from `t` on.
    pub published_at: Option<Option<Timestamp>>,
}

/// The audit event of a change to an article: which one, what, and who.
fn article_event(
    service_id: &ServiceId,
    kind: &str,
    locale: &str,
    slug: &str,
    mut detail: serde_json::Value,
    by: serde_json::Value,
    now: countersign_core::Timestamp,
) -> countersign_core::event::Event {
    crate::merge_detail(&mut detail, json!({"locale": locale, "slug": slug}));
    crate::merge_detail(&mut detail, by);
    countersign_core::event::Event::new(service_id, None, kind, now, None, detail)
}

/// A path's locale and slug, checked; the locale normalised.
fn article_key(locale: &str, slug: &str) -> AppResult<String> {
    let locale = normalize_locale(locale)?;
    check_slug(slug)?;
    Ok(locale)
}

impl App {
    /// Creates or replaces an article (its view count is kept); true when
    /// it is new. Audited as `help.article_saved`, with `by` (an object:
    /// who).
    pub async fn put_article(
        &self,
        service: &Service,
        locale: &str,
        slug: &str,
        draft: ArticleDraft,
        by: serde_json::Value,
    ) -> AppResult<(Article, bool)> {
        let locale = article_key(locale, slug)?;
        let category = Category::parse(&draft.category)?;
        let now = self.now();
        let published_at = match draft.published_at {
            Some(choice) => choice,
            None => match self.store.article(&service.id, &locale, slug, None).await? {
                Some(existing) => existing.published_at,
                None => Some(now),
            },
        };
        let mut article = Article {
            slug: slug.to_owned(),
            locale,
            title: draft.title,
            category,
            body: draft.body,
            published_at,
            updated_at: now,
            views: 0,
        };
        article.validate()?;
        let saved = article_event(
            &service.id,
            "help.article_saved",
            &article.locale,
            &article.slug,
            json!({"published": article.published_at.is_some()}),
            by,
            now,
        );
        let created = self
            .store
            .upsert_articles(&service.id, std::slice::from_ref(&article), &[saved])
            .await?
            .first()
            .copied()
            .unwrap_or(false);
        if let Some(stored) = self
            .store
            .article(&service.id, &article.locale, &article.slug, None)
            .await?
        {
            article = stored;
        }
        Ok((article, created))
    }

    /// An article, drafts included.
    pub async fn article(
        &self,
        service_id: &ServiceId,
        locale: &str,
        slug: &str,
    ) -> AppResult<Article> {
        let locale = article_key(locale, slug)?;
        self.store
            .article(service_id, &locale, slug, None)
            .await?
            .ok_or(AppError::NotFound(Missing::Article))
    }

    /// Deletes an article; audited as `help.article_deleted`, with `by`.
    pub async fn delete_article(
        &self,
        service_id: &ServiceId,
        locale: &str,
        slug: &str,
        by: serde_json::Value,
    ) -> AppResult<()> {
        let locale = article_key(locale, slug)?;
        let deleted = article_event(
            service_id,
            "help.article_deleted",
            &locale,
            slug,
            json!({}),
            by,
            self.now(),
        );
        if self
            .store
            .delete_article(service_id, &locale, slug, &[deleted])
            .await?
        {
            Ok(())
        } else {
            Err(AppError::NotFound(Missing::Article))
        }
    }

    /// A page of the service's articles, drafts included (drafts first,
    /// then newest first), and how many match in all.
    pub async fn articles(
        &self,
        service_id: &ServiceId,
        locale: Option<&str>,
        category: Option<&str>,
        limit: u32,
        offset: u64,
    ) -> AppResult<(Vec<Article>, u64)> {
        let locale = locale.map(normalize_locale).transpose()?;
        let category = category.map(Category::parse).transpose()?;
        if !(1..=100).contains(&limit) {
            return Err(AppError::field("limit", "expected 1 to 100"));
        }
        if offset > 1_000_000 {
            return Err(AppError::field("offset", "expected 0 to 1000000"));
        }
        let filter = ArticleFilter {
            locale: locale.as_deref(),
            category,
            published_by: None,
        };
        Ok(self
            .store
            .articles(service_id, filter, limit, offset)
            .await?)
    }
}

/// The language help articles fall back to.
pub const FALLBACK_LOCALE: &str = "en";
/// Search ranks at most this many articles of a language (see the README:
/// the help center is meant for up to a few thousand articles).
const MAX_SEARCHED: u32 = 5000;
/// Longest query kept, in characters.
pub const MAX_QUERY_CHARS: usize = 200;

/// What a reader asked of a help center.
pub struct HelpQuery<'a> {
    /// The reader's language.
    pub locale: &'a str,
    pub category: Option<Category>,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
    /// Words to search for; empty to browse.
    pub search: &'a str,
}

/// A page of a help center: published articles of the reader's language
/// (English when it has none), browsed or searched.
pub struct HelpPage {
    pub service: Service,
    /// The language of the articles listed.
    pub locale: String,
    /// The query, trimmed and cut to [`MAX_QUERY_CHARS`].
    pub search: String,
    pub listing: Listing,
    pub pagination: countersign_core::help::Pagination,
}

pub enum Listing {
    /// One page of articles, newest first.
    Browse(Vec<Article>),
    /// The articles searched, and this page's hits among them, best first.
    Search {
        articles: Vec<Article>,
        hits: Vec<countersign_core::help::SearchHit>,
    },
}

impl App {
    /// The service of a help center's address, if there is one.
    async fn help_service(&self, service_id: &str) -> AppResult<Option<Service>> {
        if service_id.len() > 64 || !service_id.bytes().all(|b| b.is_ascii_graphic()) {
            return Ok(None);
        }
        Ok(self.store.service(service_id).await?)
    }

    /// The services whose help center has a published article, by name:
    /// what the public landing page lists. A help center with nothing
    /// published is not announced (its service id stays unlisted).
    pub async fn help_centers(&self) -> AppResult<Vec<Service>> {
        let filter = ArticleFilter {
            locale: None,
            category: None,
            published_by: Some(self.now()),
        };
        let mut listed = Vec::new();
        for service in self.store.services().await? {
            let (_, published) = self.store.articles(&service.id, filter, 1, 0).await?;
            if published > 0 {
                listed.push(service);
            }
        }
        listed.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(listed)
    }

    /// The language articles are shown in: the reader's, or English when
    /// the service has published nothing in it.
    async fn content_locale(&self, service_id: &ServiceId, locale: &str) -> AppResult<String> {
        if locale == FALLBACK_LOCALE {
            return Ok(FALLBACK_LOCALE.to_owned());
        }
        let filter = ArticleFilter {
            locale: Some(locale),
            category: None,
            published_by: Some(self.now()),
        };
        let (_, total) = self.store.articles(service_id, filter, 1, 0).await?;
        let shown = if total > 0 { locale } else { FALLBACK_LOCALE };
        Ok(shown.to_owned())
    }

    /// A page of the help center of `service_id`; `None` when there is no
    /// such service.
    pub async fn help_page(
        &self,
        service_id: &str,
        q: HelpQuery<'_>,
    ) -> AppResult<Option<HelpPage>> {
        use countersign_core::help::{search, Pagination};
        let Some(service) = self.help_service(service_id).await? else {
            return Ok(None);
        };
        let locale = self.content_locale(&service.id, q.locale).await?;
        let query: String = q
            .search
            .trim()
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_QUERY_CHARS)
            .collect();
        let filter = ArticleFilter {
            locale: Some(&locale),
            category: q.category,
            published_by: Some(self.now()),
        };
        let limit = u32::try_from(q.per_page).unwrap_or(u32::MAX);
        let (listing, pagination) = if query.is_empty() {
            let first = Pagination::new(u64::MAX, q.page, q.per_page);
            let (mut articles, total) = self
                .store
                .articles(&service.id, filter, limit, first.offset())
                .await?;
            let fitted = Pagination::new(total, q.page, q.per_page);
            if fitted.offset() != first.offset() {
                // Past the last page: show the last one.
                articles = self
                    .store
                    .articles(&service.id, filter, limit, fitted.offset())
                    .await?
                    .0;
            }
            (Listing::Browse(articles), fitted)
        } else {
            let (articles, _) = self
                .store
                .articles(&service.id, filter, MAX_SEARCHED, 0)
                .await?;
            let hits = search(&articles, &query);
            let pagination = Pagination::new(hits.len() as u64, q.page, q.per_page);
            let hits = hits
                .into_iter()
                .skip(usize::try_from(pagination.offset()).unwrap_or(usize::MAX))
                .take(usize::try_from(q.per_page).unwrap_or(usize::MAX))
                .collect();
            (Listing::Search { articles, hits }, pagination)
        };
        Ok(Some(HelpPage {
            service,
            locale,
            search: query,
            listing,
            pagination,
        }))
    }

    /// A published article of the help center, in `locale` or else in
    /// English, with one more view counted; `None` when there is none.
    pub async fn read_article(
        &self,
        service_id: &str,
        locale: &str,
        slug: &str,
    ) -> AppResult<Option<(Service, Article)>> {
        if check_slug(slug).is_err() {
            return Ok(None);
        }
        let Some(service) = self.help_service(service_id).await? else {
            return Ok(None);
        };
        let now = self.now();
        let mut article = self
            .store
            .article(&service.id, locale, slug, Some(now))
            .await?;
        if article.is_none() && locale != FALLBACK_LOCALE {
            article = self
                .store
                .article(&service.id, FALLBACK_LOCALE, slug, Some(now))
                .await?;
        }
        let Some(article) = article else {
            return Ok(None);
        };
        self.store
            .count_article_view(&service.id, &article.locale, &article.slug)
            .await?;
        Ok(Some((service, article)))
    }
}
