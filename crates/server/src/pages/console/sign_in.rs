//! Signing in and out, enrolling through the link, and the step-up.

use super::*;

#[derive(Template)]
#[template(path = "console/sign_in.html")]
struct SignInPage {
    t: Texts,
}

/// `/console`: the sign-in page, or the users page when signed in.
async fn home(State(app): State<App>, headers: HeaderMap) -> Response {
    match signed(&app, &headers).await {
        Ok(_) => see_other("/console/users"),
        Err(Refusal::NoSession) => {
            let t = texts();
            console_page(&t.get("console-sign-in-title"), &SignInPage { t })
        }
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Finish {
    ceremony: String,
    credential: Value,
}

fn prompt(p: Prompt) -> Response {
    Json(json!({"ceremony": p.ceremony, "options": p.options})).into_response()
}

/// A new session's cookie, and where the script goes next.
fn signed_in(app: &App, done: SignedIn) -> Response {
    let response = Json(json!({"next": "/console/users"})).into_response();
    with_cookie(response, &session_cookie(app, &done.cookie))
}

async fn sign_in_start(State(app): State<App>) -> Response {
    match app.start_console_sign_in().await {
        Ok(p) => prompt(p),
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn sign_in_finish(State(app): State<App>, Json(f): Json<Finish>) -> Response {
    match app.finish_console_sign_in(&f.ceremony, &f.credential).await {
        Ok(done) => signed_in(&app, done),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// The enrolment link: its token moves into a short-lived cookie, and the
/// browser to the enrolment page (the token leaves the address bar and
/// the history).
async fn enrol_link(State(app): State<App>, Path(token): Path<String>) -> Response {
    if !is_token_shaped(&token) {
        return see_other("/console/enrol");
    }
    let cookie = app
        .config
        .cookies()
        .set(ENROL_COOKIE, &token, ENROLMENT_TTL, "Strict");
    with_cookie(see_other("/console/enrol"), &cookie)
}

#[derive(Template)]
#[template(path = "console/enrol.html")]
struct EnrolPage {
    t: Texts,
    name: String,
    role: &'static str,
}

async fn enrol_page(State(app): State<App>, headers: HeaderMap) -> Response {
    let t = texts();
    let token = cookie_of(app.config.cookies(), ENROL_COOKIE, &headers).unwrap_or_default();
    match app.enrolment(token).await {
        Ok(Some(operator)) => console_page(
            &t.get("console-enrol-title"),
            &EnrolPage {
                t,
                name: operator.name,
                role: operator.role.as_str(),
            },
        ),
        Ok(None) => message_page(
            t,
            Family::Console,
            StatusCode::NOT_FOUND,
            &t.get("console-enrol-gone-title"),
            &t.get("console-enrol-gone-lead"),
            None,
        ),
        Err(e) => Refusal::Failed(e).into_response(),
    }
}

async fn enrol_start(State(app): State<App>, headers: HeaderMap) -> Response {
    let token = cookie_of(app.config.cookies(), ENROL_COOKIE, &headers).unwrap_or_default();
    match app.start_enrolment(token).await {
        Ok(p) => prompt(p),
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn enrol_finish(
    State(app): State<App>,
    headers: HeaderMap,
    Json(f): Json<Finish>,
) -> Response {
    let token = cookie_of(app.config.cookies(), ENROL_COOKIE, &headers).unwrap_or_default();
    match app
        .finish_enrolment(token, &f.ceremony, &f.credential)
        .await
    {
        Ok(done) => {
            let forget =
                app.config
                    .cookies()
                    .set(ENROL_COOKIE, "", std::time::Duration::ZERO, "Strict");
            with_cookie(signed_in(&app, done), &forget)
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn step_up_start(State(app): State<App>, headers: HeaderMap) -> Response {
    let result = async {
        let s = signed_json(&app, &headers).await?;
        Ok::<_, Refusal>(app.start_console_step_up(&s.console).await?)
    }
    .await;
    match result {
        Ok(p) => prompt(p),
        Err(e) => e.into_problem(),
    }
}

/// A passed step-up: the new cookie, and the CSRF token that goes with it
/// (the page's forms take it before they are sent).
async fn step_up_finish(
    State(app): State<App>,
    headers: HeaderMap,
    Json(f): Json<Finish>,
) -> Response {
    let result = async {
        let s = signed_json(&app, &headers).await?;
        Ok::<_, Refusal>(
            app.finish_console_step_up(&s.console, &f.ceremony, &f.credential)
                .await?,
        )
    }
    .await;
    match result {
        Ok(cookie) => with_cookie(
            Json(json!({"csrf": csrf_token(&cookie)})).into_response(),
            &session_cookie(&app, &cookie),
        ),
        Err(e) => e.into_problem(),
    }
}

async fn sign_out(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    let result = async {
        let (s, _) = signed_form(&app, &headers, &body).await?;
        app.console_sign_out(&s.console).await?;
        Ok::<_, Refusal>(())
    }
    .await;
    match result {
        Ok(()) => with_cookie(
            see_other("/console"),
            &app.config
                .cookies()
                .set(COOKIE_NAME, "", std::time::Duration::ZERO, "Strict"),
        ),
        Err(e) => e.into_response(),
    }
}

pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/console", get(home))
        .route("/console/sign-in/start", post(sign_in_start))
        .route("/console/sign-in/finish", post(sign_in_finish))
        .route("/console/enrol/{token}", get(enrol_link))
        .route("/console/enrol", get(enrol_page))
        .route("/console/enrol/start", post(enrol_start))
        .route("/console/enrol/finish", post(enrol_finish))
        .route("/console/step-up/start", post(step_up_start))
        .route("/console/step-up/finish", post(step_up_finish))
        .route("/console/sign-out", post(sign_out))
}
