//! The help-center editor: a service's articles in every state, the
//! editor (Markdown, with a preview the console's script keeps up to date
//! from `/console/help/preview` as the operator types), and publishing,
//! unpublishing and deleting.

use countersign_app::console::help::{ArticleForm, HelpDesk};
use countersign_core::help::{Article, Category, MAX_BODY_BYTES};
use countersign_core::service::Service;

use super::*;

/// Largest editor form: the largest body, every byte percent-encoded.
const MAX_ARTICLE_FORM_BYTES: usize = 3 * MAX_BODY_BYTES + MAX_FORM_BYTES;

/// One article in the editor's list.
struct ArticleLine {
    href: String,
    title: String,
    locale: String,
    slug: String,
    category: Category,
    published: bool,
    updated_at: Timestamp,
}

#[derive(Template)]
#[template(path = "console/help.html")]
struct HelpListPage {
    t: Texts,
    nav: Nav,
    /// (id, name, chosen)
    services: Vec<(String, String, bool)>,
    /// The chosen service's id, and its articles.
    chosen: Option<(String, Vec<ArticleLine>)>,
}

#[derive(Deserialize)]
struct Choice {
    service: Option<String>,
}

fn list_path(service_id: &str) -> String {
    format!("/console/help?service={service_id}")
}

fn article_path(service_id: &str, a: &Article) -> String {
    format!("/console/help/{service_id}/{}/{}", a.locale, a.slug)
}

async fn list(State(app): State<App>, headers: HeaderMap, Query(q): Query<Choice>) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let chosen_id = q.service.filter(|id| !id.is_empty());
        let HelpDesk { services, chosen } =
            app.console_help(&s.console, chosen_id.as_deref()).await?;
        let chosen = chosen.map(|(service, articles)| {
            let lines = articles
                .into_iter()
                .map(|a| ArticleLine {
                    href: article_path(&service.id, &a),
                    published: a.published_at.is_some(),
                    title: a.title,
                    locale: a.locale,
                    slug: a.slug,
                    category: a.category,
                    updated_at: a.updated_at,
                })
                .collect();
            (service.id.to_string(), lines)
        });
        let services = services
            .into_iter()
            .map(|sv| {
                let is_chosen = chosen.as_ref().is_some_and(|(id, _)| *id == *sv.id);
                (sv.id.to_string(), sv.name, is_chosen)
            })
            .collect();
        let t = texts();
        Ok::<_, Refusal>(console_page(
            &t.get("console-help-title"),
            &HelpListPage {
                t,
                nav: Nav::of(&s, app.now()),
                services,
                chosen,
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "console/help_edit.html")]
struct EditorPage {
    t: Texts,
    nav: Nav,
    service: Service,
    /// The form's address.
    action: String,
    /// The article edited; `None` for a new one.
    article: Option<Article>,
    categories: [Category; 3],
    /// The body as the help center will show it.
    preview_html: String,
}

fn editor(
    s: &Signed,
    app: &App,
    service: Service,
    article: Option<Article>,
) -> Result<Response, Refusal> {
    let body = article.as_ref().map_or("", |a| a.body.as_str());
    let preview_html = app.console_preview(&s.console, body)?;
    let action = match &article {
        Some(a) => article_path(&service.id, a),
        None => format!("/console/help/{}/new", service.id),
    };
    let t = texts();
    let title = match &article {
        Some(a) => t
            .msg("console-help-edit-title")
            .arg("title", a.title.as_str())
            .to_string(),
        None => t.get("console-help-new-title"),
    };
    Ok(console_page(
        &title,
        &EditorPage {
            t,
            nav: Nav::of(s, app.now()),
            service,
            action,
            article,
            categories: Category::ALL,
            preview_html,
        },
    ))
}

async fn new_article(
    State(app): State<App>,
    headers: HeaderMap,
    Path(service_id): Path<String>,
) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let service = app.console_help_service(&s.console, &service_id).await?;
        editor(&s, &app, service, None)
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn edit_article(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, locale, slug)): Path<(String, String, String)>,
) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let (service, article) = app
            .console_article(&s.console, &service_id, &locale, &slug)
            .await?;
        editor(&s, &app, service, Some(article))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// Saves the editor's form: a new article, or the one at `existing`.
async fn save(
    app: &App,
    headers: &HeaderMap,
    body: &Bytes,
    service_id: &str,
    existing: Option<(&str, &str)>,
) -> Result<Response, Refusal> {
    let (s, fields) = signed_form_of(app, headers, body, MAX_ARTICLE_FORM_BYTES).await?;
    let form = ArticleForm {
        locale: field(&fields, "locale"),
        slug: field(&fields, "slug"),
        title: field(&fields, "title"),
        category: field(&fields, "category"),
        body: field(&fields, "body"),
        published: field(&fields, "published") == "1",
    };
    app.console_save_article(&s.console, service_id, existing, form)
        .await?;
    Ok(see_other(&list_path(service_id)))
}

async fn create(
    State(app): State<App>,
    headers: HeaderMap,
    Path(service_id): Path<String>,
    body: Bytes,
) -> Response {
    save(&app, &headers, &body, &service_id, None)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

async fn update(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, locale, slug)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    save(&app, &headers, &body, &service_id, Some((&locale, &slug)))
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

/// Publishes (`publish=1`) or unpublishes an article.
async fn publish(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, locale, slug)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    let result = async {
        let (s, fields) = signed_form(&app, &headers, &body).await?;
        let publish = field(&fields, "publish") == "1";
        app.console_publish_article(&s.console, &service_id, &locale, &slug, publish)
            .await?;
        Ok::<_, Refusal>(see_other(&list_path(&service_id)))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn delete(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, locale, slug)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    let result = async {
        let (s, _) = signed_form(&app, &headers, &body).await?;
        app.console_delete_article(&s.console, &service_id, &locale, &slug)
            .await?;
        Ok::<_, Refusal>(see_other(&list_path(&service_id)))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

#[derive(Deserialize)]
struct PreviewRequest {
    body: String,
}

/// A body rendered as the help center will show it, for the editor's
/// script: `{"html": …}`.
async fn preview(
    State(app): State<App>,
    headers: HeaderMap,
    Json(request): Json<PreviewRequest>,
) -> Response {
    let result = async {
        let s = signed_json(&app, &headers).await?;
        Ok::<_, Refusal>(app.console_preview(&s.console, &request.body)?)
    }
    .await;
    match result {
        Ok(html) => Json(json!({ "html": html })).into_response(),
        Err(e) => e.into_problem(),
    }
}

pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/console/help", get(list))
        .route("/console/help/preview", post(preview))
        .route(
            "/console/help/{service_id}/new",
            get(new_article).post(create),
        )
        .route(
            "/console/help/{service_id}/{locale}/{slug}",
            get(edit_article).post(update),
        )
        .route(
            "/console/help/{service_id}/{locale}/{slug}/publish",
            post(publish),
        )
        .route(
            "/console/help/{service_id}/{locale}/{slug}/delete",
            post(delete),
        )
}
