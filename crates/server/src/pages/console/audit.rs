//! The audit chains' status, and their export as JSON Lines.

use super::*;

struct ChainLine {
    service_id: String,
    service: String,
    intact: bool,
    events: u64,
    problem: Option<String>,
}

#[derive(Template)]
#[template(path = "console/audit.html")]
struct AuditPage {
    t: Texts,
    nav: Nav,
    chains: Vec<ChainLine>,
}

async fn audit(State(app): State<App>, headers: HeaderMap) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let checks = app.console_audit(&s.console).await?;
        let services = app.store.services().await.map_err(AppError::from)?;
        let chains = checks
            .into_iter()
            .map(|c| ChainLine {
                service_id: services
                    .iter()
                    .find(|s| s.name == c.service)
                    .map_or_else(String::new, |s| s.id.to_string()),
                service: c.service,
                intact: c.intact,
                events: c.events.unwrap_or(0),
                problem: c.problem,
            })
            .collect();
        let t = texts();
        Ok::<_, Refusal>(console_page(
            &t.get("console-audit-title"),
            &AuditPage {
                t,
                nav: Nav::of(&s, app.now()),
                chains,
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// A service's chain as a JSON Lines download.
async fn audit_export(
    State(app): State<App>,
    headers: HeaderMap,
    Path(service_id): Path<String>,
) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        Ok::<_, Refusal>(app.console_audit_export(&s.console, &service_id).await?)
    }
    .await;
    match result {
        Ok((service, lines)) => (
            [
                (header::CONTENT_TYPE, "application/jsonl".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"audit-{}.jsonl\"", service.id),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            ],
            lines,
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/console/audit", get(audit))
        .route("/console/audit/{service_id}", get(audit_export))
}
