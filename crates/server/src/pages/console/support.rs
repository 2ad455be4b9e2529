//! Support calls: the agent's list and booking form, the page that shows
//! the appointment code once, and a call's page, whose customer status and
//! agent code the console's script keeps up to date from `…/live`.

use countersign_app::console::support::{Call, NewCall};
use countersign_app::support::AppointmentView;
use countersign_core::service::Service;

use super::*;

/// One call in the agent's list.
struct CallLine {
    href: String,
    service: String,
    user_id: String,
    ticket_id: String,
    starts_at: Timestamp,
    verified: bool,
    cancelled: bool,
}

#[derive(Template)]
#[template(path = "console/support.html")]
struct SupportPage {
    t: Texts,
    nav: Nav,
    calls: Vec<CallLine>,
    /// (id, name) of every service, for the booking form; empty when the
    /// role does not book.
    services: Vec<(String, String)>,
}

fn call_path(service_id: &str, id: &str) -> String {
    format!("/console/support/{service_id}/{id}")
}

async fn support(State(app): State<App>, headers: HeaderMap) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let calls = app
            .console_calls(&s.console)
            .await?
            .into_iter()
            .map(|(service, a)| CallLine {
                href: call_path(&service.id, &a.id),
                service: service.name,
                user_id: a.user_id.to_string(),
                ticket_id: a.ticket_id,
                starts_at: a.starts_at,
                verified: a.customer_verified_at.is_some(),
                cancelled: a.status == countersign_core::support::AppointmentStatus::Cancelled,
            })
            .collect();
        let services = if s.console.may(Action::RunSupportCalls) {
            app.store
                .services()
                .await
                .map_err(AppError::from)?
                .into_iter()
                .map(|sv| (sv.id.to_string(), sv.name))
                .collect()
        } else {
            Vec::new()
        };
        let t = texts();
        Ok::<_, Refusal>(console_page(
            &t.get("console-support-title"),
            &SupportPage {
                t,
                nav: Nav::of(&s, app.now()),
                calls,
                services,
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// A `datetime-local` value (`2026-12-01T15:30`) at `offset_minutes` from
/// UTC as JavaScript counts it (`getTimezoneOffset`: UTC − local).
fn starts_at(local: &str, offset_minutes: &str) -> Result<Timestamp, AppError> {
    let bad = || AppError::field("starts_at", "a date and time such as 2026-12-01T15:30");
    let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
    let local = time::PrimitiveDateTime::parse(local.trim(), &format).map_err(|_| bad())?;
    let offset: i64 = offset_minutes.trim().parse().unwrap_or(0);
    if offset.abs() > 18 * 60 {
        return Err(bad());
    }
    let utc = local.assume_utc().unix_timestamp() + offset * 60;
    Ok(Timestamp(utc * 1000))
}

#[derive(Template)]
#[template(path = "console/booked.html")]
struct BookedPage {
    t: Texts,
    nav: Nav,
    href: String,
    user_id: String,
    code: String,
}

/// Books a call; the answer shows the appointment code, once.
async fn book(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    let result = async {
        let (s, fields) = signed_form(&app, &headers, &body).await?;
        let call = NewCall {
            user_id: field(&fields, "user_id"),
            ticket_id: field(&fields, "ticket_id"),
            contact_email: field(&fields, "contact_email"),
            starts_at: starts_at(field(&fields, "starts_at"), field(&fields, "tz_offset"))?,
        };
        let (service, booked) = app
            .console_book_call(&s.console, field(&fields, "service_id"), call)
            .await?;
        let t = texts();
        Ok::<_, Refusal>(console_page(
            &t.get("console-booked-title"),
            &BookedPage {
                t,
                nav: Nav::of(&s, app.now()),
                href: call_path(&service.id, &booked.id),
                user_id: booked.user_id.to_string(),
                code: booked.appointment_code.unwrap_or_default(),
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "console/call.html")]
struct CallPage {
    t: Texts,
    nav: Nav,
    service: Service,
    a: AppointmentView,
    agent_code: Option<(String, Timestamp)>,
    room_url: Option<String>,
    live: String,
}

async fn call(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, id)): Path<(String, String)>,
) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let Call {
            service,
            appointment,
            agent_code,
            room_url,
        } = app.console_call(&s.console, &service_id, &id).await?;
        let t = texts();
        let title = t
            .msg("console-call-title")
            .arg("user", appointment.user_id.as_str())
            .to_string();
        Ok::<_, Refusal>(console_page(
            &title,
            &CallPage {
                t,
                nav: Nav::of(&s, app.now()),
                live: format!("{}/live", call_path(&service.id, &appointment.id)),
                service,
                a: appointment,
                agent_code: agent_code.map(|c| (c.code, c.valid_until)),
                room_url,
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// A call as it stands, for the page's script: the customer's
/// verification and the agent's current code.
async fn live(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, id)): Path<(String, String)>,
) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        Ok::<_, Refusal>(app.console_call(&s.console, &service_id, &id).await?)
    }
    .await;
    match result {
        Ok(call) => {
            let mut response = Json(json!({
                "status": call.appointment.status,
                "customer_verified_at": call.appointment.customer_verified_at,
                "verified_methods": call.appointment.verified_methods,
                "agent_code": call.agent_code,
            }))
            .into_response();
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(e) => e.into_problem(),
    }
}

pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/console/support", get(support))
        .route("/console/support/book", post(book))
        .route("/console/support/{service_id}/{id}", get(call))
        .route("/console/support/{service_id}/{id}/live", get(live))
}
