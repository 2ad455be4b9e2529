//! In a real browser, against a server started here: the WebAuthn
//! ceremonies (Debian's Chromium with a DevTools virtual authenticator,
//! driven by `tests/browser/webauthn.mjs`), and the pages end users see,
//! screenshotted at phone and desktop widths and checked with axe-core
//! (`tests/browser/pages.mjs`). playwright-core, no browser download.

use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

async fn passkeys_and_security_keys_in_chromium(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    // The page must be http://localhost:PORT, the configured origin.
    let port = s.base.rsplit(':').next().unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/webauthn.mjs");
    let stdout = browse(
        script,
        &[
            ("CS_BASE", format!("http://localhost:{port}")),
            ("CS_KEY", s.key.to_string()),
        ],
    )
    .await;
    printed(
        &stdout,
        &[
            "ok passkey registered and signed in usernameless",
            "ok security key registered and approved a challenge",
            "ok replayed assertion refused",
            "ok wrong-origin assertion refused",
        ],
    );
}

/// The security center in Chromium (`tests/browser/security.mjs`): the
/// portal link followed from another site, an authenticator app added after
/// a step-up (which rotates the session's cookie) with the key read from the
/// page, a passkey added, and the app removed after a new step-up; the email
/// codes this test reads from its SMTP server, and it moves the clock.
async fn security_center_in_chromium(backend: Backend) {
    let s = TestServer::start_with(backend, |c| c.public_url = c.webauthn.origin.clone()).await;
    s.alice("alice").await;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/security.mjs");
    let stdout = answering(&s, script, &[]).await;
    printed(
        &stdout,
        &[
            "ok portal link followed from another site opens the security center",
            "ok authenticator app added after a step-up, with a code computed from the page's key",
            "ok passkey added with the virtual authenticator",
            "ok authenticator removed after a step-up",
        ],
    );
}

/// Runs the browser script `script` with `env` and returns what it
/// printed, once it has exited successfully.
async fn browse(script: &str, env: &[(&str, String)]) -> String {
    let out = tokio::process::Command::new("node")
        .arg(script)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .output()
        .await
        .expect("node is required (.ci/install-test-tools installs the browser test's packages)");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "browser run failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Checks that a browser script printed each of `steps`.
fn printed(stdout: &str, steps: &[&str]) {
    for step in steps {
        assert!(stdout.contains(step), "{step} missing from:\n{stdout}");
    }
}

/// Checks that `pages.mjs` passed every page of `pages` at both widths
/// (axe-core found nothing serious) and saved its screenshots.
fn every_page_passed(stdout: &str, pages: &serde_json::Value, artifacts: &str) {
    for width in ["phone", "desktop"] {
        for page in pages.as_array().unwrap() {
            let name = page["name"].as_str().unwrap();
            let line = format!("ok {name} {width}");
            assert!(stdout.contains(&line), "{line} missing from:\n{stdout}");
            let shot = std::path::Path::new(artifacts).join(format!("{name}-{width}.png"));
            assert!(shot.exists(), "{}", shot.display());
        }
    }
}

/// Runs a browser script that asks this test for what only the server's
/// providers and clock know, and returns what it printed: it is given
/// CS_BASE (the server's public address), CS_KEY, CS_NOW (the test clock,
/// Unix seconds) and `env`; to its line "need email code" this answers the
/// latest emailed code (once a new one arrived), to "advance N" it moves
/// the clock N seconds and answers "ok".
async fn answering(s: &TestServer, script: &str, env: &[(&str, String)]) -> String {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let mut child = tokio::process::Command::new("node")
        .arg(script)
        .env("CS_BASE", &s.state.config.public_url)
        .env("CS_KEY", &s.key)
        .env("CS_NOW", (crate::harness::T0.millis() / 1000).to_string())
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("node is required (.ci/install-test-tools installs the browser test's packages)");
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut stdout = String::new();
    // Mails that carry a code (the subject starts with it), as opposed to
    // security notices.
    let codes = |mails: &[crate::harness::Mail]| {
        mails
            .iter()
            .filter(|m| {
                m.header("Subject").is_some_and(|subject| {
                    subject
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
                })
            })
            .count()
    };
    let mut asked = 0;
    while let Some(line) = lines.next_line().await.unwrap() {
        let answer = if line == "need email code" {
            asked += 1;
            s.smtp
                .wait_for("the emailed code", |mails| codes(mails) >= asked)
                .await;
            Some(s.received_code("email").await)
        } else if let Some(seconds) = line.strip_prefix("advance ") {
            s.advance(seconds.parse().unwrap());
            Some("ok".to_owned())
        } else {
            None
        };
        if let Some(answer) = answer {
            stdin
                .write_all(format!("{answer}\n").as_bytes())
                .await
                .unwrap();
        }
        stdout.push_str(&line);
        stdout.push('\n');
    }
    let out = child.wait_with_output().await.unwrap();
    assert!(
        out.status.success(),
        "browser run failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// A session cookie for alice's security center, as playwright's
/// `addCookies` takes it.
async fn portal_cookie(s: &TestServer, locale: &str) -> serde_json::Value {
    let value = s.portal_cookie("alice", Some(locale)).await;
    // A `__Host-` cookie: Secure, Path=/, no Domain attribute (playwright's
    // `domain` without a leading dot is host-only).
    serde_json::json!([{"name": "__Host-cs_portal", "value": value, "domain": "localhost", "path": "/", "secure": true, "httpOnly": true, "sameSite": "Strict"}])
}

/// Every page a user can open, in English, Arabic (right to left) and
/// Japanese: the landing page, the support center and its tools, the help
/// center (list, article, search results), the security center (overview,
/// adding a passkey, and its page for an ended session), the hosted
/// verification page, and the not-found page; times of day in the reader's
/// time zone (Tokyo here). Screenshots at phone and
/// desktop widths in `target/artifacts/screenshots`, no serious
/// accessibility violation in any, and a search typed like a person would.
/// The service is branded (logo, colour), as a bank's would be. The
/// language matrix runs on SQLite; PostgreSQL renders the same templates
/// from its own rows, in English.
async fn pages_are_accessible_at_phone_and_desktop_widths(backend: Backend) {
    let s = TestServer::start(backend).await;
    let port = s.base.rsplit(':').next().unwrap();
    let base = format!("http://localhost:{port}");
    let help = format!("{base}/help/{}", s.service_id);
    let r = s
        .patch_service(serde_json::json!({"brand": {"primary_color": "#0b5cad",
            "support_url": "https://bank.example/help", "privacy_url": "https://bank.example/privacy"}}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let logo = s
        .http
        .put(format!("{}/v1/service/logo", s.base))
        .bearer_auth(&s.key)
        .header("content-type", "image/png")
        .body(include_bytes!("fixtures/logo.png").to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(logo.status(), 200);
    // The security center, behind a portal session in each language, with
    // an authenticator app, recovery codes and some activity.
    s.alice("alice").await;
    s.post(
        "/v1/users/alice/factors",
        serde_json::json!({"type": "recovery_codes"}),
    )
    .await;
    let (tag, languages) = match backend {
        Backend::Sqlite => ("sqlite", &["en", "ar", "ja"][..]),
        Backend::Postgres => ("postgres", &["en"][..]),
    };
    // The reader is in Tokyo: times of day are shown in their zone (the
    // server writes UTC). The security center's first time is the latest
    // event's, which happened at the test clock's time.
    let tokyo = {
        let seconds =
            countersign_core::clock::Clock::now(s.clock.as_ref()).millis() / 1000 + 9 * 3600;
        format!("{:02}:{:02} GMT+9", seconds / 3600 % 24, seconds / 60 % 60)
    };
    let mut pages = Vec::new();
    for lang in languages {
        let portal = portal_cookie(&s, lang).await;
        let hosted = crate::hosted::open(
            &s,
            serde_json::json!({"user_id": "alice", "purpose": "login"}),
        )
        .await;
        let hosted_cookie = serde_json::json!([{"name": format!("__Host-cs_verify_{}", hosted.id),
            "value": hosted.cookie().split_once('=').unwrap().1, "domain": "localhost", "path": "/",
            "secure": true, "httpOnly": true, "sameSite": "Strict"}]);
        let name = |page: &str| format!("{page}-{lang}-{tag}");
        pages.extend([
            serde_json::json!({"name": name("landing"), "url": format!("{base}/?lang={lang}")}),
            serde_json::json!({"name": name("support"), "url": format!("{base}/support?lang={lang}")}),
            serde_json::json!({"name": name("support-join"), "url": format!("{base}/support/join?lang={lang}")}),
            serde_json::json!({"name": name("support-check-agent"), "url": format!("{base}/support/check-agent?lang={lang}")}),
            serde_json::json!({"name": name("help-center"), "url": format!("{help}?lang={lang}")}),
            serde_json::json!({"name": name("help-article"), "url": format!("{help}/sms-code-not-received?lang={lang}")}),
            serde_json::json!({"name": name("help-search"), "url": format!("{help}?lang={lang}&q=security+key")}),
            serde_json::json!({"name": name("security"), "url": format!("{base}/security?notice=added"), "cookies": &portal,
                "time": if *lang == "en" { Some(tokyo.as_str()) } else { None }}),
            serde_json::json!({"name": name("security-passkey"), "url": format!("{base}/security/webauthn?kind=passkey"), "cookies": &portal}),
            serde_json::json!({"name": name("hosted"), "url": format!("{base}/verify/{}?lang={lang}", hosted.id), "cookies": hosted_cookie}),
            serde_json::json!({"name": name("not-found"), "url": format!("{base}/nowhere?lang={lang}"), "status": 404}),
        ]);
    }
    // Without a session: the page that says the session ended (the
    // browser's language).
    pages.push(serde_json::json!({"name": format!("security-ended-{tag}"), "url": format!("{base}/security"), "status": 401, "fresh": true}));
    let pages = serde_json::Value::Array(pages);
    let search = serde_json::json!({
        "name": format!("help-search-typed-{tag}"),
        "url": format!("{help}?lang=en"),
        "query": "code doesn't arrive",
        "first": "What to do when an SMS code doesn't arrive",
    });
    let artifacts = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/artifacts/screenshots"
    );
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/pages.mjs");
    let stdout = browse(
        script,
        &[
            ("CS_PAGES", pages.to_string()),
            ("CS_TIMEZONE", "Asia/Tokyo".to_string()),
            ("CS_SEARCH", search.to_string()),
            ("CS_ARTIFACTS", artifacts.to_string()),
        ],
    )
    .await;
    every_page_passed(&stdout, &pages, artifacts);
    assert!(
        stdout.contains("ok search \"code doesn't arrive\": first result \"What to do when an SMS code doesn't arrive\""),
        "{stdout}"
    );
}

/// The hosted verification page in Chromium: by SMS code (a wrong one
/// first), by "call me instead" after the cooldown, and by passkey; each
/// ends back at the integrator's registered URL. The script asks this test
/// for what only the server's providers and clock know.
async fn the_hosted_page_in_chromium(backend: Backend) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    let port = s.base.rsplit(':').next().unwrap();
    let base = format!("http://localhost:{port}");
    // The integrator's site: another origin (here the same server by IP,
    // which answers 404 there, but the address is what counts).
    let back = format!("http://127.0.0.1:{port}/back");
    let r = s
        .call(
            reqwest::Method::PATCH,
            "/v1/service",
            Some(&s.key),
            Some(serde_json::json!({"return_urls": [back.clone()]})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let artifacts = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/artifacts/screenshots"
    );
    let tag = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    let mut node = tokio::process::Command::new("node")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/browser/hosted.mjs"
        ))
        .env("CS_BASE", &base)
        .env("CS_KEY", &s.key)
        .env("CS_BACK", &back)
        .env("CS_TAG", tag)
        .env("CS_ARTIFACTS", artifacts)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node is required (.ci/install-test-tools installs the browser test's packages)");
    let mut stdin = node.stdin.take().unwrap();
    let mut lines = BufReader::new(node.stdout.take().unwrap()).lines();
    let mut said = String::new();
    while let Some(line) = lines.next_line().await.unwrap() {
        said.push_str(&line);
        said.push('\n');
        let Some(question) = line.strip_prefix("ask ") else {
            continue;
        };
        let answer = match question.split_once(' ') {
            Some(("code", channel)) => s.received_code(channel).await,
            Some(("advance", seconds)) => {
                s.advance(seconds.parse().unwrap());
                "ok".to_owned()
            }
            _ => panic!("unknown question {question}"),
        };
        stdin
            .write_all(format!("{answer}\n").as_bytes())
            .await
            .unwrap();
    }
    let out = node.wait_with_output().await.unwrap();
    assert!(
        out.status.success(),
        "browser run failed:\n{said}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    printed(
        &said,
        &[
            "ok hosted page approved by SMS code",
            "ok hosted page approved after call me instead",
            "ok hosted page approved by passkey",
        ],
    );
    for name in ["start", "code", "wrong-code", "call", "passkey"] {
        for width in ["phone", "desktop"] {
            let shot =
                std::path::Path::new(artifacts).join(format!("hosted-{name}-{tag}-{width}.png"));
            assert!(shot.exists(), "{}", shot.display());
        }
    }
}

/// The operator console in Chromium (`tests/browser/console.mjs`): an
/// admin and an auditor enrol a passkey each through the links `operator
/// add` prints; the admin signs out and in, then releases alice's held
/// withdrawal after a step-up; the auditor is refused every change.
async fn the_console_in_chromium(backend: Backend) {
    use countersign_core::operator::Role;
    let s = TestServer::start_with(backend, |c| c.public_url = c.webauthn.origin.clone()).await;
    s.alice("alice").await;
    // A new authenticator app: withdrawals are held for a day.
    let (_, secret) = crate::factors::active_totp(&s, "alice").await;
    let held = crate::holds::pass_withdrawal(&s, &secret).await;
    assert_eq!(held["status"], "held", "{held}");
    let link = |name: &'static str, role: Role| {
        let s = &s;
        async move {
            countersign_app::console::add_operator(
                s.state.store.as_ref(),
                &s.state.config.public_url,
                name,
                role,
                s.state.now(),
            )
            .await
            .unwrap()
            .link
        }
    };
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/console.mjs");
    let stdout = browse(
        script,
        &[
            ("CS_BASE", s.state.config.public_url.to_string()),
            ("CS_KEY", s.key.to_string()),
            (
                "CS_ADMIN_LINK",
                (link("Root Admin", Role::Admin).await).to_string(),
            ),
            (
                "CS_AUDITOR_LINK",
                (link("Ada Auditor", Role::Auditor).await).to_string(),
            ),
            ("CS_HELD", held["id"].as_str().unwrap().to_string()),
        ],
    )
    .await;
    printed(
        &stdout,
        &[
            "ok operator enrolled through the link and signed in with the passkey",
            "ok admin released a held withdrawal after a step-up",
            "ok admin edited a policy checked as typed and saved it",
            "ok auditor refused every change",
        ],
    );
}

/// A support call from the console in Chromium
/// (`tests/browser/console_support.mjs`): an agent enrols, books a call for
/// alice's ticket and opens it; alice, in a second browser, joins with the
/// appointment code, her authenticator and the code emailed to the
/// ticket's address; the agent's page turns "Customer verified" by itself.
async fn a_support_call_from_the_console_in_chromium(backend: Backend) {
    use countersign_core::operator::Role;
    let s = TestServer::start_with(backend, |c| {
        c.public_url = c.webauthn.origin.clone();
        c.support.jwt_secret = Some("jitsi-app-secret-for-tests".into());
        c.support.video_base_url = Some("https://meet.bank.test".into());
    })
    .await;
    s.alice("alice").await;
    let (_, secret) = crate::factors::active_totp(&s, "alice").await;
    let link = countersign_app::console::add_operator(
        s.state.store.as_ref(),
        &s.state.config.public_url,
        "Bob from support",
        Role::Support,
        s.state.now(),
    )
    .await
    .unwrap()
    .link;
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/browser/console_support.mjs"
    );
    let env = [("CS_AGENT_LINK", link), ("CS_TOTP_SECRET", secret)];
    let stdout = answering(&s, script, &env).await;
    printed(
        &stdout,
        &[
            "ok agent booked a call and got the appointment code once",
            "ok customer joined after proving the account and the ticket's address",
            "ok the agent saw the customer verified without a reload",
        ],
    );
    let calls = s.get("/v1/support/appointments?user_id=alice").await.body;
    assert_eq!(calls[0]["agent"], "Bob from support", "{calls}");
    assert!(calls[0]["customer_verified_at"].is_string(), "{calls}");
}

/// The help-center editor in Chromium (`tests/browser/console_help.mjs`):
/// an admin types Markdown, the preview follows, and once saved published
/// the help center shows the article rendered as previewed.
async fn the_help_editor_previews_in_chromium(backend: Backend) {
    use countersign_core::operator::Role;
    let s = TestServer::start(backend).await;
    let port = s.base.rsplit(':').next().unwrap();
    let admin = s.console_cookie("Root Admin", Role::Admin).await;
    let (name, value) = admin.split_once('=').unwrap();
    let cookies = serde_json::json!([{"name": name, "value": value, "domain": "localhost",
        "path": "/", "secure": true, "httpOnly": true, "sameSite": "Strict"}]);
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/browser/console_help.mjs"
    );
    let stdout = browse(
        script,
        &[
            ("CS_BASE", format!("http://localhost:{port}")),
            ("CS_SERVICE", s.service_id.to_string()),
            ("CS_COOKIES", cookies.to_string()),
        ],
    )
    .await;
    printed(
        &stdout,
        &[
            "ok the preview follows the Markdown as it is typed",
            "ok the saved article reads as previewed",
        ],
    );
}

/// Every console page, screenshotted at phone and desktop widths with no
/// serious accessibility violation: sign-in, enrolment, the users search
/// with a result, a user as an admin sees them (every change offered), a
/// user as support sees them, the audit log, the dashboard, and the help
/// articles' list and editor.
async fn console_pages_are_accessible(backend: Backend) {
    use countersign_core::operator::Role;
    let s = TestServer::start(backend).await;
    let port = s.base.rsplit(':').next().unwrap();
    let base = format!("http://localhost:{port}");
    s.alice("alice").await;
    s.post(
        "/v1/users/alice/factors",
        serde_json::json!({"type": "recovery_codes"}),
    )
    .await;
    // Something for the dashboard to draw.
    let chl = s.challenge("alice", "login").await;
    s.send(&chl, "sms").await;
    let cookie = |header: String| {
        let (name, value) = header.split_once('=').unwrap();
        serde_json::json!([{"name": name, "value": value, "domain": "localhost", "path": "/",
            "secure": true, "httpOnly": true, "sameSite": "Strict"}])
    };
    let admin = cookie(s.console_cookie("Root Admin", Role::Admin).await);
    let support = cookie(s.console_cookie("Sam Support", Role::Support).await);
    let enrol = countersign_app::console::add_operator(
        s.state.store.as_ref(),
        &s.state.config.public_url,
        "New Operator",
        Role::Auditor,
        s.state.now(),
    )
    .await
    .unwrap();
    let enrol = cookie(format!(
        "__Host-cs_console_enrol={}",
        enrol.link.rsplit('/').next().unwrap()
    ));
    let tag = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    let user = format!("{base}/console/users/{}/alice", s.service_id);
    let pages = serde_json::json!([
        {"name": format!("console-sign-in-{tag}"), "url": format!("{base}/console"), "fresh": true},
        {"name": format!("console-enrol-{tag}"), "url": format!("{base}/console/enrol"), "cookies": enrol},
        {"name": format!("console-users-{tag}"), "url": format!("{base}/console/users?q=alice"), "cookies": &admin},
        {"name": format!("console-user-admin-{tag}"), "url": &user, "cookies": &admin},
        {"name": format!("console-user-support-{tag}"), "url": &user, "cookies": &support},
        {"name": format!("console-audit-{tag}"), "url": format!("{base}/console/audit"), "cookies": &admin},
        {"name": format!("console-services-{tag}"), "url": format!("{base}/console/services"), "cookies": &admin},
        {"name": format!("console-service-{tag}"), "url": format!("{base}/console/services/{}", s.service_id), "cookies": &admin},
        {"name": format!("console-support-{tag}"), "url": format!("{base}/console/support"), "cookies": &support},
        {"name": format!("console-dashboard-{tag}"), "url": format!("{base}/console/dashboard"), "cookies": &admin},
        {"name": format!("console-help-{tag}"), "url": format!("{base}/console/help?service={}", s.service_id), "cookies": &admin},
        {"name": format!("console-help-editor-{tag}"), "url": format!("{base}/console/help/{}/en/protect-your-account", s.service_id), "cookies": &admin},
        {"name": format!("console-help-new-{tag}"), "url": format!("{base}/console/help/{}/new", s.service_id), "cookies": &admin},
    ]);
    let artifacts = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/artifacts/screenshots"
    );
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/pages.mjs");
    let stdout = browse(
        script,
        &[
            ("CS_PAGES", pages.to_string()),
            ("CS_ARTIFACTS", artifacts.to_string()),
        ],
    )
    .await;
    every_page_passed(&stdout, &pages, artifacts);
}

on_both_backends!(
    passkeys_and_security_keys_in_chromium,
    security_center_in_chromium,
    pages_are_accessible_at_phone_and_desktop_widths,
    the_hosted_page_in_chromium,
    the_console_in_chromium,
    a_support_call_from_the_console_in_chromium,
    the_help_editor_previews_in_chromium,
    console_pages_are_accessible,
);
