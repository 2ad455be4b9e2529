//! Services: the list, and a service's page with its policy editor (the
//! console's script checks the draft at `…/check` as it is typed and shows
//! what a user with the ticked methods would need), its return URLs, and
//! its webhook endpoints with their delivery logs and a replay button.

use countersign_app::console::services::Desk;
use countersign_core::policy::Method;

use super::*;

#[derive(Template)]
#[template(path = "console/services.html")]
struct ServicesPage {
    t: Texts,
    nav: Nav,
    /// (page, name)
    services: Vec<(String, String)>,
}

fn service_path(id: &str) -> String {
    format!("/console/services/{id}")
}

async fn services(State(app): State<App>, headers: HeaderMap) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let services = app
            .console_services(&s.console)
            .await?
            .into_iter()
            .map(|sv| (service_path(&sv.id), sv.name))
            .collect();
        let t = texts();
        Ok::<_, Refusal>(console_page(
            &t.get("console-services-title"),
            &ServicesPage {
                t,
                nav: Nav::of(&s, app.now()),
                services,
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "console/service.html")]
struct ServicePage {
    t: Texts,
    nav: Nav,
    base: String,
    desk: Desk,
    return_urls: String,
    methods: [Method; 8],
    may_edit: bool,
    done: bool,
}

#[derive(Deserialize)]
struct Saved {
    saved: Option<String>,
}

async fn service(
    State(app): State<App>,
    headers: HeaderMap,
    Path(service_id): Path<String>,
    Query(saved): Query<Saved>,
) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let desk = app.console_desk(&s.console, &service_id).await?;
        let t = texts();
        let title = t
            .msg("console-service-title")
            .arg("service", &desk.service.name)
            .to_string();
        Ok::<_, Refusal>(console_page(
            &title,
            &ServicePage {
                t,
                nav: Nav::of(&s, app.now()),
                base: service_path(&desk.service.id),
                return_urls: desk.service.settings.return_urls.join("\n"),
                desk,
                methods: Method::ALL,
                may_edit: s.console.may(Action::EditServices),
                done: saved.saved.is_some(),
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Draft {
    policies: String,
    #[serde(default)]
    methods: Vec<Method>,
}

/// A draft checked as it is typed (nothing written).
async fn check(
    State(app): State<App>,
    headers: HeaderMap,
    Path(service_id): Path<String>,
    Json(draft): Json<Draft>,
) -> Response {
    let result = async {
        let s = signed_json(&app, &headers).await?;
        Ok::<_, Refusal>(
            app.console_check_policies(&s.console, &service_id, &draft.policies, &draft.methods)
                .await?,
        )
    }
    .await;
    match result {
        Ok(checked) => Json(checked).into_response(),
        Err(e) => e.into_problem(),
    }
}

async fn save(
    State(app): State<App>,
    headers: HeaderMap,
    Path(service_id): Path<String>,
    body: Bytes,
) -> Response {
    let result = async {
        let (s, fields) = signed_form(&app, &headers, &body).await?;
        app.console_save_service(
            &s.console,
            &service_id,
            field(&fields, "policies"),
            field(&fields, "return_urls"),
        )
        .await?;
        Ok::<_, Refusal>(see_other(&format!("{}?saved=1", service_path(&service_id))))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn replay(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, webhook_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let result = async {
        let (s, fields) = signed_form(&app, &headers, &body).await?;
        app.console_replay(
            &s.console,
            &service_id,
            &webhook_id,
            field(&fields, "event_id"),
        )
        .await?;
        Ok::<_, Refusal>(see_other(&format!(
            "{}#webhooks",
            service_path(&service_id)
        )))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/console/services", get(services))
        .route("/console/services/{service_id}", get(service))
        .route("/console/services/{service_id}/check", post(check))
        .route("/console/services/{service_id}/save", post(save))
        .route(
            "/console/services/{service_id}/webhooks/{webhook_id}/replay",
            post(replay),
        )
}
