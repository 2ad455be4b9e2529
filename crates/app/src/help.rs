//! Help articles: the service writes its help center; the pages at
//! `/help/{service_id}` show the published ones.

use countersign_core::help::{check_slug, normalize_locale, Article, Category};
use countersign_core::service::Service;
use countersign_core::Timestamp;
use countersign_store::ArticleFilter;

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

/// A path's locale and slug, checked; the locale normalised.
fn article_key(locale: &str, slug: &str) -> AppResult<String> {
    let locale = normalize_locale(locale)?;
    check_slug(slug)?;
    Ok(locale)
}

impl App {
    /// Creates or replaces an article (its view count is kept); true when
    /// it is new.
    pub async fn put_article(
        &self,
        service: &Service,
        locale: &str,
        slug: &str,
        draft: ArticleDraft,
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
        let created = self
            .store
            .upsert_articles(&service.id, std::slice::from_ref(&article))
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
    pub async fn article(&self, service_id: &str, locale: &str, slug: &str) -> AppResult<Article> {
        let locale = article_key(locale, slug)?;
        self.store
            .article(service_id, &locale, slug, None)
            .await?
            .ok_or(AppError::NotFound(Missing::Article))
    }

    pub async fn delete_article(
        &self,
        service_id: &str,
        locale: &str,
        slug: &str,
    ) -> AppResult<()> {
        let locale = article_key(locale, slug)?;
        if self.store.delete_article(service_id, &locale, slug).await? {
            Ok(())
        } else {
            Err(AppError::NotFound(Missing::Article))
        }
    }

    /// A page of the service's articles, drafts included (drafts first,
    /// then newest first), and how many match in all.
    pub async fn articles(
        &self,
        service_id: &str,
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
