//! `/v1/users/{user_id}`: the integrator registers its users and their contacts.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use countersign_core::contact::{mask_email, mask_phone};
use countersign_core::event::Event;
use countersign_core::ids::{is_id_of, is_printable, is_valid_external_user_id, new_id};
use countersign_core::notice::{recipients, NoticeContent, SecurityChange};
use countersign_core::user::{Change, ContactChange, User, UserUpdate};
use countersign_store::{NoticeRecord, SecurityWrite, StoreError};
use serde::{Deserialize, Deserializer};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, EndUserIp, ServiceAuth};
use crate::state::AppState;
use crate::views::{masked_destination, UserView};

/// Absent → `None` (keep), `null` → `Some(None)` (clear), value → `Some(Some(v))`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

fn change(field: Option<Option<String>>) -> Change<String> {
    match field {
        None => Change::Keep,
        Some(None) => Change::Clear,
        Some(Some(v)) => Change::Set(v),
    }
}

/// Fields left out are kept; `null` clears one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutUser {
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    email: Option<Option<String>>,
    /// Any international format; stored as E.164.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    locale: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    display_name: Option<Option<String>>,
}

pub(crate) fn check_user_id(user_id: &str) -> ApiResult<()> {
    if is_valid_external_user_id(user_id) {
        Ok(())
    } else {
        Err(ApiError::invalid_request(
            "user_id: expected 1–128 characters of A-Z a-z 0-9 . _ @ : -",
        )
        .with("field", "user_id"))
    }
}

pub(crate) async fn find_user(
    state: &AppState,
    service_id: &str,
    user_id: &str,
) -> ApiResult<User> {
    check_user_id(user_id)?;
    state
        .store
        .user(service_id, user_id)
        .await?
        .ok_or_else(|| ApiError::not_found("user"))
}

/// A security change's consequences, to be written in the transaction of
/// the change itself (see [`SecurityWrite`]), with the `user.security_hold`
/// events that record them.
pub(crate) struct SecurityChanged {
    pub events: Vec<Event>,
    pub write: SecurityWrite,
}

impl SecurityChanged {
    /// `event` (the change's own), then the events recording its
    /// consequences.
    pub(crate) fn after(&self, event: Event) -> Vec<Event> {
        std::iter::once(event)
            .chain(self.events.iter().cloned())
            .collect()
    }

    /// After the change committed: the notices go out now.
    pub(crate) fn written(&self, state: &AppState) {
        if !self.write.notices.is_empty() {
            state.outbox.wake();
        }
    }
}

/// Security changes happened to a user (`before` → `after`): their
/// withdrawals are held for the service's hold period and every verified
/// contact point is told (the old ones too), in the user's language.
pub(crate) fn security_changed(
    state: &AppState,
    service: &countersign_core::service::Service,
    before: &User,
    after: &User,
    changes: &[SecurityChange],
    ip: Option<&str>,
) -> SecurityChanged {
    let now = state.now();
    let hold = service.settings.security_hold_seconds;
    let held_until = (hold > 0).then(|| now.plus(std::time::Duration::from_secs(u64::from(hold))));
    let told = recipients(before, after);
    let mut events = Vec::new();
    let mut notices = Vec::new();
    for &change in changes {
        let content = NoticeContent {
            change,
            at: now,
            ip: ip.map(str::to_owned),
            held_until,
        };
        notices.extend(told.iter().map(|(channel, to)| NoticeRecord {
            id: new_id("ntc"),
            service_id: service.id.clone(),
            user_pk: Some(after.id.clone()),
            channel: *channel,
            to: to.clone(),
            locale: after.locale.clone(),
            content: content.clone(),
            attempts: 0,
        }));
        events.push(Event::new(
            &service.id,
            Some(&after.user_id),
            "user.security_hold",
            now,
            ip,
            json!({
                "because": change.kind(),
                "change": change,
                "withdrawals_held_until": held_until,
                "notified": told.iter().map(|(ch, to)| masked_destination(*ch, to)).collect::<Vec<_>>(),
            }),
        ));
    }
    SecurityChanged {
        events,
        write: SecurityWrite {
            user_pk: after.id.clone(),
            hold_until: held_until,
            notices,
        },
    }
}

/// Refuses a user who is locked out now.
pub(crate) fn refuse_if_locked(user: &User, now: countersign_core::Timestamp) -> ApiResult<()> {
    match user.locked_until {
        Some(until) if user.is_locked(now) => Err(ApiError::locked(now, until)),
        _ => Ok(()),
    }
}

fn contact_events(
    service_id: &str,
    user_id: &str,
    changes: &[ContactChange],
    now: countersign_core::Timestamp,
) -> Vec<Event> {
    changes
        .iter()
        .map(|c| {
            let (field, from, to) = match c {
                ContactChange::Email { from, to } => (
                    "email",
                    from.as_deref().map(mask_email),
                    to.as_deref().map(mask_email),
                ),
                ContactChange::Phone { from, to } => (
                    "phone",
                    from.as_deref().map(mask_phone),
                    to.as_deref().map(mask_phone),
                ),
            };
            Event::new(
                service_id,
                Some(user_id),
                "contact.changed",
                now,
                None,
                json!({"field": field, "from": from, "to": to}),
            )
        })
        .collect()
}

/// Creates or updates a user.
#[utoipa::path(put, path = "/v1/users/{user_id}", tag = "users",
    params(("user_id" = String, Path, description = "The integrator's own user id")),
    request_body = PutUser,
    responses((status = 201, body = UserView, description = "Created"), (status = 200, body = UserView, description = "Updated"),
              (status = 400, description = "invalid_request, invalid_phone, invalid_email")),
    security(("api_key" = [])))]
pub async fn put_user(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
    EndUserIp(ip): EndUserIp,
    ApiJson(body): ApiJson<PutUser>,
) -> ApiResult<impl IntoResponse> {
    check_user_id(&user_id)?;
    let display_name = change(body.display_name);
    if let Change::Set(name) = &display_name {
        if !is_printable(name) {
            return Err(ApiError::invalid_request(
                "display_name: control characters are not allowed",
            )
            .with("field", "display_name"));
        }
        if name.chars().count() > 128 {
            return Err(
                ApiError::invalid_request("display_name: at most 128 characters")
                    .with("field", "display_name"),
            );
        }
    }
    let update = UserUpdate::parse(
        change(body.email),
        change(body.phone),
        change(body.locale),
        display_name,
    )?;
    let now = state.now();
    // Two creates may race: the loser finds the user and updates it instead.
    for _ in 0..2 {
        match state.store.user(&service.id, &user_id).await? {
            Some(mut user) => {
                let before = user.clone();
                let changes = user.apply(update.clone(), now);
                let mut events = contact_events(&service.id, &user_id, &changes, now);
                let security: Vec<SecurityChange> = changes
                    .iter()
                    .map(|c| match c {
                        ContactChange::Email { .. } => SecurityChange::EmailChanged,
                        ContactChange::Phone { .. } => SecurityChange::PhoneChanged,
                    })
                    .collect();
                let changed = (!security.is_empty()).then(|| {
                    security_changed(&state, &service, &before, &user, &security, ip.as_deref())
                });
                if let Some(c) = &changed {
                    events.extend(c.events.iter().cloned());
                }
                state
                    .store
                    .update_user(&before, &user, &events, changed.as_ref().map(|c| &c.write))
                    .await?;
                if let Some(c) = &changed {
                    c.written(&state);
                }
                let factors = state.store.factors(&user.id).await?;
                return Ok((StatusCode::OK, Json(UserView::new(user, &factors))));
            }
            None => {
                let mut user = User::new(&service.id, &user_id, now);
                user.apply(update.clone(), now);
                let created = Event::new(
                    &service.id,
                    Some(&user_id),
                    "user.created",
                    now,
                    None,
                    json!({}),
                );
                match state.store.insert_user(&user, &[created]).await {
                    Ok(()) => return Ok((StatusCode::CREATED, Json(UserView::new(user, &[])))),
                    Err(StoreError::Conflict) => continue,
                    Err(e) => return Err(e.into()),
                }
            }
        }
    }
    Err(ApiError::internal())
}

#[utoipa::path(get, path = "/v1/users/{user_id}", tag = "users",
    params(("user_id" = String, Path)),
    responses((status = 200, body = UserView), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn get_user(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
) -> ApiResult<Json<UserView>> {
    let user = find_user(&state, &service.id, &user_id).await?;
    let factors = state.store.factors(&user.id).await?;
    Ok(Json(UserView::new(user, &factors)))
}

/// Removes the user, their factors and challenges; the event log keeps a tombstone.
#[utoipa::path(delete, path = "/v1/users/{user_id}", tag = "users",
    params(("user_id" = String, Path)),
    responses((status = 204), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn delete_user(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
) -> ApiResult<StatusCode> {
    let user = find_user(&state, &service.id, &user_id).await?;
    let tombstone = Event::new(
        &service.id,
        Some(&user_id),
        "user.deleted",
        state.now(),
        None,
        json!({"id": user.id}),
    );
    if state.store.delete_user(&user, &tombstone).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found("user"))
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct EventsQuery {
    /// 1–200, default 50.
    limit: Option<u32>,
    /// An event id: only events older than it.
    before: Option<String>,
}

/// The user's security events, newest first.
#[utoipa::path(get, path = "/v1/users/{user_id}/events", tag = "users",
    params(("user_id" = String, Path), EventsQuery),
    responses((status = 200, body = Vec<Event>), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn list_events(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(user_id): Path<String>,
    query: Result<Query<EventsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<Event>>> {
    let Query(q) =
        query.map_err(|e| ApiError::invalid_request(format!("query: {}", e.body_text())))?;
    if q.before.as_deref().is_some_and(|b| !is_id_of("evt", b)) {
        return Err(
            ApiError::invalid_request("before: expected an event id (evt_…)")
                .with("field", "before"),
        );
    }
    let limit = q.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::invalid_request("limit: expected 1 to 200").with("field", "limit"));
    }
    find_user(&state, &service.id, &user_id).await?;
    Ok(Json(
        state
            .store
            .events(&service.id, &user_id, limit, q.before.as_deref())
            .await?,
    ))
}
