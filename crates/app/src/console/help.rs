//! The help-center editor: an administrator writes a service's articles
//! in Markdown, sees them rendered as the help center will show them, and
//! publishes, unpublishes or deletes them. Saving goes through the API's
//! use case ([`App::put_article`]), so the checks are the API's.

use countersign_core::help::{check_body, render_markdown, Article};
use countersign_core::operator::Action;
use countersign_core::service::Service;
use countersign_store::ArticleFilter;

use super::Console;
use crate::help::ArticleDraft;
use crate::{App, AppError, AppResult};

/// Most articles the editor lists for one service (drafts first, then
/// newest first), as many as the help center's search ranks.
const LISTED: u32 = 5000;

/// The editor's list: every service, and the chosen one's articles in
/// every state.
pub struct HelpDesk {
    pub services: Vec<Service>,
    pub chosen: Option<(Service, Vec<Article>)>,
}

/// An article as the editor's form sends it.
pub struct ArticleForm<'a> {
    pub locale: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub category: &'a str,
    pub body: &'a str,
    pub published: bool,
}

/// An article refused as the console shows it: the field and what it needs.
fn as_field(e: AppError) -> AppError {
    match e {
        AppError::Article(e) => AppError::field(e.field(), &e),
        e => e,
    }
}

impl App {
    /// Every service, and — when one is chosen — its articles, drafts
    /// included.
    pub async fn console_help(&self, c: &Console, service_id: Option<&str>) -> AppResult<HelpDesk> {
        c.allow(Action::EditHelp, self.now())?;
        let mut services = self.store.services().await?;
        services.sort_by(|a, b| a.name.cmp(&b.name));
        let chosen = match service_id {
            Some(id) => {
                let service = self.console_service(id).await?;
                let all = ArticleFilter {
                    locale: None,
                    category: None,
                    published_by: None,
                };
                let (articles, _) = self.store.articles(&service.id, all, LISTED, 0).await?;
                Some((service, articles))
            }
            None => None,
        };
        Ok(HelpDesk { services, chosen })
    }

    /// The service whose help center a new article goes to.
    pub async fn console_help_service(&self, c: &Console, service_id: &str) -> AppResult<Service> {
        c.allow(Action::EditHelp, self.now())?;
        self.console_service(service_id).await
    }

    /// One article, drafts included, to edit.
    pub async fn console_article(
        &self,
        c: &Console,
        service_id: &str,
        locale: &str,
        slug: &str,
    ) -> AppResult<(Service, Article)> {
        c.allow(Action::EditHelp, self.now())?;
        let service = self.console_service(service_id).await?;
        let article = self.article(&service.id, locale, slug).await?;
        Ok((service, article))
    }

    /// Saves an article. `existing` is the (locale, slug) of the article
    /// edited, `None` for a new one: a new article never replaces one of
    /// the same address, and an edited one keeps its address. An article
    /// already published keeps its publication date.
    pub async fn console_save_article(
        &self,
        c: &Console,
        service_id: &str,
        existing: Option<(&str, &str)>,
        form: ArticleForm<'_>,
    ) -> AppResult<Article> {
        c.allow(Action::EditHelp, self.now())?;
        let service = self.console_service(service_id).await?;
        let (locale, slug) = existing.unwrap_or((form.locale, form.slug));
        let before = match self
            .article(&service.id, locale, slug)
            .await
            .map_err(as_field)
        {
            Ok(article) => Some(article),
            Err(AppError::NotFound(_)) => None,
            Err(e) => return Err(e),
        };
        match (existing, &before) {
            (None, Some(_)) => {
                return Err(AppError::field(
                    "slug",
                    "an article of this language already has this slug",
                ))
            }
            (Some(_), None) => return Err(AppError::NotFound(crate::Missing::Article)),
            _ => {}
        }
        let was_published = before.is_some_and(|a| a.published_at.is_some());
        let published_at = match (form.published, was_published) {
            (true, true) => None,
            (true, false) => Some(Some(self.now())),
            (false, _) => Some(None),
        };
        let draft = ArticleDraft {
            title: form.title.trim().to_owned(),
            category: form.category.to_owned(),
            // Browsers send a text area's line breaks as CRLF.
            body: form.body.replace("\r\n", "\n"),
            published_at,
        };
        let (article, _) = self
            .put_article(&service, locale, slug, draft, c.operator.acting(None))
            .await
            .map_err(as_field)?;
        Ok(article)
    }

    /// Publishes an article now, or takes it back to a draft.
    pub async fn console_publish_article(
        &self,
        c: &Console,
        service_id: &str,
        locale: &str,
        slug: &str,
        publish: bool,
    ) -> AppResult<Article> {
        let (service, article) = self.console_article(c, service_id, locale, slug).await?;
        let draft = ArticleDraft {
            title: article.title,
            category: article.category.as_str().to_owned(),
            body: article.body,
            published_at: Some(publish.then(|| self.now())),
        };
        let by = c.operator.acting(None);
        let (article, _) = self.put_article(&service, locale, slug, draft, by).await?;
        Ok(article)
    }

    pub async fn console_delete_article(
        &self,
        c: &Console,
        service_id: &str,
        locale: &str,
        slug: &str,
    ) -> AppResult<Service> {
        c.allow(Action::EditHelp, self.now())?;
        let service = self.console_service(service_id).await?;
        self.delete_article(&service.id, locale, slug, c.operator.acting(None))
            .await?;
        Ok(service)
    }

    /// A body as the help center's article page will show it.
    pub fn console_preview(&self, c: &Console, body: &str) -> AppResult<String> {
        c.allow(Action::EditHelp, self.now())?;
        check_body(body).map_err(|e| as_field(e.into()))?;
        Ok(render_markdown(body))
    }
}
