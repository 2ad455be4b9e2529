//! Finding users, a user's page, and the changes an admin makes there.

use super::*;

/// One user in the search results.
struct FoundLine {
    /// The user's page.
    href: String,
    service: String,
    user_id: String,
    email: Option<String>,
    phone: Option<String>,
}

#[derive(Template)]
#[template(path = "console/users.html")]
struct UsersPage<'a> {
    t: Texts,
    nav: Nav,
    query: &'a str,
    found: Option<Vec<FoundLine>>,
}

#[derive(Deserialize)]
struct Search {
    q: Option<String>,
}

/// Contacts as the role may see them: in full, or masked.
fn shown(s: &Signed, email: Option<&str>, phone: Option<&str>) -> (Option<String>, Option<String>) {
    if s.console.may(Action::SeeContacts) {
        (email.map(str::to_owned), phone.map(str::to_owned))
    } else {
        (email.map(mask_email), phone.map(mask_phone))
    }
}

async fn users(State(app): State<App>, headers: HeaderMap, Query(q): Query<Search>) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let query = q.q.unwrap_or_default();
        let found = if query.trim().is_empty() {
            None
        } else {
            let found: Vec<Found> = app.find_users(&s.console, &query).await?;
            Some(
                found
                    .into_iter()
                    .map(|f| {
                        let (email, phone) =
                            shown(&s, f.user.email.as_deref(), f.user.phone.as_deref());
                        FoundLine {
                            href: user_path(&f.user.service_id, &f.user.user_id),
                            service: f.service,
                            user_id: f.user.user_id.to_string(),
                            email,
                            phone,
                        }
                    })
                    .collect(),
            )
        };
        let t = texts();
        Ok::<_, Refusal>(console_page(
            &t.get("console-users-title"),
            &UsersPage {
                t,
                nav: Nav::of(&s, app.now()),
                query: &query,
                found,
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

struct MethodLine {
    id: String,
    kind: &'static str,
    strength: &'static str,
    label: Option<String>,
    status: &'static str,
}

struct HeldLine {
    id: String,
    purpose: String,
    until: Option<Timestamp>,
}

struct EventLine {
    at: Timestamp,
    kind: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "console/user.html")]
struct UserPage {
    t: Texts,
    nav: Nav,
    /// `/console/users/{service}/{user}`: the forms post below it.
    base: String,
    user_id: String,
    service: String,
    contacts_masked: bool,
    email: Option<String>,
    phone: Option<String>,
    email_verified: bool,
    phone_verified: bool,
    methods: Vec<MethodLine>,
    locked_until: Option<Timestamp>,
    hold_until: Option<Timestamp>,
    held: Vec<HeldLine>,
    sessions: usize,
    events: Vec<EventLine>,
    /// Which changes the role allows.
    may_unlock: bool,
    may_release: bool,
    may_remove: bool,
    may_end: bool,
    done: Option<String>,
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

fn user_page(s: &Signed, d: Dossier, done: Option<String>, now: Timestamp) -> Response {
    let (email, phone) = shown(s, d.user.email.as_deref(), d.user.phone.as_deref());
    let c = &s.console;
    let page = UserPage {
        t: texts(),
        nav: Nav::of(s, now),
        base: user_path(&d.service.id, &d.user.user_id),
        user_id: d.user.user_id.to_string(),
        service: d.service.name.clone(),
        contacts_masked: !c.may(Action::SeeContacts),
        email,
        phone,
        email_verified: d.user.email_verified,
        phone_verified: d.user.phone_verified,
        methods: d
            .factors
            .iter()
            .map(|f| {
                let kind = MethodKind::of(f);
                MethodLine {
                    id: f.id.to_string(),
                    kind: kind.as_str(),
                    strength: kind.strength().as_str(),
                    label: f.label.clone(),
                    status: f.status.as_str(),
                }
            })
            .collect(),
        locked_until: d.user.locked_until.filter(|until| *until > now),
        hold_until: d.user.security_hold_until.filter(|until| *until > now),
        held: d
            .held
            .iter()
            .map(|ch| HeldLine {
                id: ch.id.to_string(),
                purpose: ch.purpose.clone(),
                until: ch.held_until,
            })
            .collect(),
        sessions: d.sessions.len(),
        events: d
            .events
            .iter()
            .map(|e| EventLine {
                at: e.at,
                kind: e.kind.clone(),
                detail: e.detail.to_string(),
            })
            .collect(),
        may_unlock: c.may(Action::Unlock),
        may_release: c.may(Action::ReleaseHold),
        may_remove: c.may(Action::RemoveMethod),
        may_end: c.may(Action::EndSessions),
        done: done.filter(|d| ["unlocked", "released", "removed", "ended"].contains(&d.as_str())),
    };
    let title = page
        .t
        .msg("console-user-title")
        .arg("user", &page.user_id)
        .to_string();
    console_page(&title, &page)
}

/// A user's page: `/console/users/{service}/{user}`, the user id
/// percent-encoded (ids may hold `@` and `:`).
fn user_path(service_id: &str, user_id: &str) -> String {
    let user: String = form_urlencoded::byte_serialize(user_id.as_bytes()).collect();
    format!("/console/users/{service_id}/{user}")
}

async fn user(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, user_id)): Path<(String, String)>,
    Query(done): Query<Done>,
) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let d = app.dossier(&s.console, &service_id, &user_id).await?;
        Ok::<_, Refusal>(user_page(&s, d, done.done, app.now()))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// What a change form asks.
#[derive(Clone, Copy)]
enum Change {
    Unlock,
    Release,
    Remove,
    EndSessions,
}

impl Change {
    fn done(self) -> &'static str {
        match self {
            Change::Unlock => "unlocked",
            Change::Release => "released",
            Change::Remove => "removed",
            Change::EndSessions => "ended",
        }
    }
}

/// A change form: checked (session, CSRF), made by its use case (role,
/// step-up, reason), then back to the user's page.
async fn change(
    app: &App,
    headers: &HeaderMap,
    body: &Bytes,
    service_id: &str,
    user_id: &str,
    what: Change,
    item: &str,
) -> Response {
    let result = async {
        let (s, fields) = signed_form(app, headers, body).await?;
        let why = field(&fields, "reason");
        let c = &s.console;
        match what {
            Change::Unlock => app.console_unlock(c, service_id, user_id, why).await?,
            Change::Release => {
                app.console_release(c, service_id, user_id, item, why)
                    .await?
            }
            Change::Remove => {
                app.console_remove_method(c, service_id, user_id, item, why)
                    .await?
            }
            Change::EndSessions => {
                app.console_end_sessions(c, service_id, user_id, why)
                    .await?;
            }
        }
        Ok::<_, Refusal>(see_other(&format!(
            "{}?done={}",
            user_path(service_id, user_id),
            what.done()
        )))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn unlock(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, user_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    change(
        &app,
        &headers,
        &body,
        &service_id,
        &user_id,
        Change::Unlock,
        "",
    )
    .await
}

async fn end_sessions(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, user_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let what = Change::EndSessions;
    change(&app, &headers, &body, &service_id, &user_id, what, "").await
}

async fn remove_method(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, user_id, factor)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    let what = Change::Remove;
    change(&app, &headers, &body, &service_id, &user_id, what, &factor).await
}

async fn release(
    State(app): State<App>,
    headers: HeaderMap,
    Path((service_id, user_id, challenge)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    let what = Change::Release;
    change(
        &app,
        &headers,
        &body,
        &service_id,
        &user_id,
        what,
        &challenge,
    )
    .await
}

pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/console/users", get(users))
        .route("/console/users/{service_id}/{user_id}", get(user))
        .route("/console/users/{service_id}/{user_id}/unlock", post(unlock))
        .route(
            "/console/users/{service_id}/{user_id}/end-sessions",
            post(end_sessions),
        )
        .route(
            "/console/users/{service_id}/{user_id}/methods/{factor_id}/remove",
            post(remove_method),
        )
        .route(
            "/console/users/{service_id}/{user_id}/held/{challenge_id}/release",
            post(release),
        )
}
