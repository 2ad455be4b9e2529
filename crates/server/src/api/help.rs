//! `/v1/help/articles`: the service writes the articles of its help center
//! (the pages at `/help/{service_id}` show the published ones).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_app::help::ArticleDraft;
use countersign_app::App;
use countersign_core::help::{Article, Category, MAX_BODY_BYTES};
use countersign_core::Timestamp;
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ServiceAuth};

/// An article's Markdown may be 100 KB: the JSON around it gets room too.
const MAX_ARTICLE_REQUEST: usize = MAX_BODY_BYTES + 28 * 1024;

/// Absent → `None` (keep, or publish now for a new article), `null` →
/// `Some(None)` (a draft), a time → `Some(Some(t))`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<Timestamp>>, D::Error> {
    Option::<Timestamp>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutArticle {
    /// 1–200 characters.
    title: String,
    /// `faq`, `announcements` or `product_documents`.
    #[schema(value_type = Category)]
    category: String,
    /// Markdown, at most 100 KB. Raw HTML is shown as text.
    body: String,
    /// RFC 3339. Left out: kept (a new article is published now); `null`:
    /// a draft; a future time: shown from then on.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<Timestamp>)]
    published_at: Option<Option<Timestamp>>,
}

/// Creates or replaces an article (201 when new, 200 when replaced; its
/// view count is kept).
#[utoipa::path(put, path = "/v1/help/articles/{locale}/{slug}", tag = "help",
    params(("locale" = String, Path, description = "a language code: en, fr…"),
           ("slug" = String, Path, description = "1–80 characters of a-z 0-9 -")),
    request_body = PutArticle,
    responses((status = 201, body = Article), (status = 200, body = Article),
              (status = 400, description = "invalid_request (the field is named)"),
              (status = 401, description = "unauthorized")),
    security(("api_key" = [])))]
pub async fn put_article(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path((locale, slug)): Path<(String, String)>,
    ApiJson(put): ApiJson<PutArticle, MAX_ARTICLE_REQUEST>,
) -> ApiResult<(StatusCode, Json<Article>)> {
    let draft = ArticleDraft {
        title: put.title,
        category: put.category,
        body: put.body,
        published_at: put.published_at,
    };
    let by = serde_json::json!({"by": "api"});
    let (article, created) = app.put_article(&service, &locale, &slug, draft, by).await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(article)))
}

#[utoipa::path(get, path = "/v1/help/articles/{locale}/{slug}", tag = "help",
    params(("locale" = String, Path), ("slug" = String, Path)),
    responses((status = 200, body = Article), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn get_article(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path((locale, slug)): Path<(String, String)>,
) -> ApiResult<Json<Article>> {
    Ok(Json(app.article(&service.id, &locale, &slug).await?))
}

#[utoipa::path(delete, path = "/v1/help/articles/{locale}/{slug}", tag = "help",
    params(("locale" = String, Path), ("slug" = String, Path)),
    responses((status = 204, description = "deleted"), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn delete_article(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    Path((locale, slug)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    app.delete_article(
        &service.id,
        &locale,
        &slug,
        serde_json::json!({"by": "api"}),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ArticlesQuery {
    /// Only this language.
    locale: Option<String>,
    /// Only this category.
    category: Option<String>,
    /// 1–100, default 20.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
    /// Articles to skip, default 0.
    offset: Option<u64>,
}

/// An article in a list: everything but the body.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleSummary {
    slug: String,
    locale: String,
    title: String,
    category: Category,
    published_at: Option<Timestamp>,
    updated_at: Timestamp,
    views: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleList {
    articles: Vec<ArticleSummary>,
    /// How many articles match, over all pages.
    total: u64,
    limit: u32,
    offset: u64,
}

/// The service's articles, drafts included: drafts first, then newest first.
#[utoipa::path(get, path = "/v1/help/articles", tag = "help",
    params(ArticlesQuery),
    responses((status = 200, body = ArticleList), (status = 400, description = "invalid_request")),
    security(("api_key" = [])))]
pub async fn list_articles(
    State(app): State<App>,
    ServiceAuth(service): ServiceAuth,
    query: Result<Query<ArticlesQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<ArticleList>> {
    let Query(q) =
        query.map_err(|e| ApiError::invalid_request(format!("query: {}", e.body_text())))?;
    let limit = q.limit.unwrap_or(20);
    let offset = q.offset.unwrap_or(0);
    let (articles, total) = app
        .articles(
            &service.id,
            q.locale.as_deref(),
            q.category.as_deref(),
            limit,
            offset,
        )
        .await?;
    Ok(Json(ArticleList {
        articles: articles
            .into_iter()
            .map(|a| ArticleSummary {
                slug: a.slug,
                locale: a.locale,
                title: a.title,
                category: a.category,
                published_at: a.published_at,
                updated_at: a.updated_at,
                views: a.views,
            })
            .collect(),
        total,
        limit,
        offset,
    }))
}
