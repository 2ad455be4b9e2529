//! A real server for each test: in-process axum on a real port, a real SQLite
//! file or a fresh PostgreSQL schema, a manual clock, and real receivers for
//! its providers (an SMTP server and an HTTP endpoint for SMS/voice).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use countersign_app::{App, Config};
use countersign_core::{ManualClock, Timestamp};
use countersign_delivery::{Delivery, RetryPolicy};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server the suite runs against; every test gets its own schema.
pub fn postgres_url() -> String {
    std::env::var("CS_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// The SMS/voice gateway's secret, in the Standard Webhooks form.
pub const WEBHOOK_SECRET: &str = "whsec_dGhlIGdhdGV3YXkncyBzZWNyZXQsIDMyIGJ5dGVzIQ==";
pub const TWILIO_SID: &str = "AC0123456789";
pub const TWILIO_TOKEN: &str = "twilio-token";

/// One request that reached the SMS/voice provider endpoint.
#[derive(Debug, Clone)]
pub struct ProviderRequest {
    pub path: String,
    pub headers: HeaderMap,
    pub body: String,
    /// The status the endpoint answered it with.
    pub status: u16,
}

impl ProviderRequest {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("webhook body is JSON")
    }

    /// Form fields of a Twilio request.
    pub fn form(&self) -> Vec<(String, String)> {
        form_urlencoded::parse(self.body.as_bytes())
            .into_owned()
            .collect()
    }

    pub fn form_field(&self, name: &str) -> String {
        self.form()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .unwrap_or_default()
    }
}

/// Stands in for an SMS/voice provider: records requests, answers 200 (or
/// the statuses queued with [`ProviderEndpoint::answer_next`]).
#[derive(Clone, Default)]
pub struct ProviderEndpoint {
    pub requests: Arc<Mutex<Vec<ProviderRequest>>>,
    arrived: Arc<tokio::sync::Notify>,
    scripted: Arc<Mutex<Vec<u16>>>,
    always: Arc<Mutex<Option<u16>>>,
}

impl ProviderEndpoint {
    pub async fn start(&self) -> String {
        async fn record(
            State(p): State<ProviderEndpoint>,
            uri: axum::http::Uri,
            headers: HeaderMap,
            body: String,
        ) -> (StatusCode, String) {
            let scripted = {
                let mut s = p.scripted.lock().unwrap();
                (!s.is_empty()).then(|| s.remove(0))
            };
            let status = scripted.or(*p.always.lock().unwrap()).unwrap_or(200);
            let n = {
                let mut requests = p.requests.lock().unwrap();
                requests.push(ProviderRequest {
                    path: uri.path().to_owned(),
                    headers,
                    body,
                    status,
                });
                requests.len()
            };
            p.arrived.notify_waiters();
            (
                StatusCode::from_u16(status).unwrap(),
                format!("{{\"sid\":\"SM{n:032}\"}}"),
            )
        }
        let app = Router::new()
            .fallback(post(record))
            .with_state(self.clone());
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        format!("http://{addr}")
    }

    /// The next requests get these statuses, in order.
    pub fn answer_next(&self, statuses: &[u16]) {
        self.scripted.lock().unwrap().extend_from_slice(statuses);
    }

    /// Every request gets this status from now on (None: 200).
    pub fn answer_always(&self, status: Option<u16>) {
        *self.always.lock().unwrap() = status;
    }

    pub fn all(&self) -> Vec<ProviderRequest> {
        self.requests.lock().unwrap().clone()
    }

    /// Waits (at most 20 s) until the requests received satisfy `done`.
    pub async fn wait_for(
        &self,
        what: &str,
        done: impl Fn(&[ProviderRequest]) -> bool,
    ) -> Vec<ProviderRequest> {
        wait_until(&self.requests, &self.arrived, what, done).await
    }

    pub fn last(&self) -> ProviderRequest {
        self.all()
            .last()
            .cloned()
            .expect("the provider received a request")
    }
}

/// Waits for `done` to hold over `items`, woken by each arrival; fails the
/// test after 20 s, naming `what` it was waiting for.
async fn wait_until<T: Clone>(
    items: &Mutex<Vec<T>>,
    arrived: &tokio::sync::Notify,
    what: &str,
    done: impl Fn(&[T]) -> bool,
) -> Vec<T> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let notified = arrived.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let now = items.lock().unwrap().clone();
        if done(&now) {
            return now;
        }
        if tokio::time::timeout_at(deadline, notified).await.is_err() {
            panic!("timed out waiting for {what}");
        }
    }
}

/// Polls `check` every 25 ms until it holds, for state that nothing
/// announces (a background worker's bookkeeping); fails after 20 s.
pub async fn eventually<F, Fut>(what: &str, check: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !check().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// A mail received by the SMTP server.
#[derive(Debug, Clone)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

impl Mail {
    /// A header's value, unfolded (continuation lines joined).
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\n\n").next().unwrap_or_default();
        let unfolded = head.replace("\n ", " ").replace("\n\t", " ");
        let prefix = format!("{}:", name.to_ascii_lowercase());
        unfolded
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with(&prefix))
            .map(|l| l[prefix.len()..].trim().to_owned())
    }

    /// The mail as a mail client reads it.
    fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(self.data.as_bytes())
            .expect("a mail")
    }

    /// The text as the reader sees it (the text part of a multipart mail),
    /// quoted-printable or base64 undone.
    pub fn text(&self) -> String {
        self.parsed()
            .body_text(0)
            .expect("a text part")
            .into_owned()
    }

    /// The HTML part, if the mail has one.
    pub fn html(&self) -> Option<String> {
        let parsed = self.parsed();
        (parsed.html_body_count() > 0)
            .then(|| parsed.body_html(0).map(|h| h.into_owned()))
            .flatten()
    }

    /// The subject, with RFC 2047 encoded words (`=?utf-8?b?…?=`) decoded.
    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }
}

/// A minimal but real SMTP server (RFC 5321 dialogue over TCP) that keeps
/// every message it accepts.
#[derive(Clone, Default)]
pub struct SmtpServer {
    pub mails: Arc<Mutex<Vec<Mail>>>,
    arrived: Arc<tokio::sync::Notify>,
}

impl SmtpServer {
    async fn start(&self) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let mails = self.mails.clone();
        let arrived = self.arrived.clone();
        tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let mails = mails.clone();
                let arrived = arrived.clone();
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 sink.test ESMTP ready\r\n").await;
                    let (mut from, mut to) = (String::new(), Vec::new());
                    while let Ok(Some(line)) = lines.next_line().await {
                        let upper = line.to_ascii_uppercase();
                        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO")
                        {
                            b"250-sink.test\r\n250 8BITMIME\r\n"
                        } else if upper.starts_with("MAIL FROM:") {
                            from = line[10..].trim().to_owned();
                            b"250 OK\r\n"
                        } else if upper.starts_with("RCPT TO:") {
                            to.push(line[8..].trim().to_owned());
                            b"250 OK\r\n"
                        } else if upper == "DATA" {
                            let _ = write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await;
                            let mut data = String::new();
                            while let Ok(Some(l)) = lines.next_line().await {
                                if l == "." {
                                    break;
                                }
                                data.push_str(l.strip_prefix('.').unwrap_or(&l));
                                data.push('\n');
                            }
                            mails.lock().unwrap().push(Mail {
                                from: from.clone(),
                                to: std::mem::take(&mut to),
                                data,
                            });
                            arrived.notify_waiters();
                            b"250 OK queued\r\n"
                        } else if upper == "QUIT" {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            return;
                        } else {
                            b"250 OK\r\n"
                        };
                        if write.write_all(reply).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        port
    }

    pub fn all(&self) -> Vec<Mail> {
        self.mails.lock().unwrap().clone()
    }

    /// Waits (at most 20 s) until the mails received satisfy `done`.
    pub async fn wait_for(&self, what: &str, done: impl Fn(&[Mail]) -> bool) -> Vec<Mail> {
        wait_until(&self.mails, &self.arrived, what, done).await
    }
}

/// Serves `config` on `listener` (and `/metrics` on a listener of its own)
/// with the notice and webhook worker, as `countersign serve` does.
async fn launch(
    config: Config,
    clock: Arc<ManualClock>,
    listener: TcpListener,
) -> (App, String, String, Vec<tokio::task::JoinHandle<()>>) {
    let key = countersign_app::keys::load_or_create(&config.key_file).unwrap();
    let store = countersign_store::connect_server(&config.database)
        .await
        .unwrap();
    let delivery = Delivery::from_config(&config.delivery, config.dev)
        .unwrap()
        .with_retry(RetryPolicy {
            attempts: 3,
            first_backoff: Duration::from_millis(5),
        });
    let limits = countersign_server::ConnectionLimits::from_config(&config.http);
    let state = App::new(config, store, delivery, clock, key);
    let base = format!("http://{}", listener.local_addr().unwrap());
    let metrics_listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let metrics_base = format!("http://{}", metrics_listener.local_addr().unwrap());
    let server = tokio::spawn(countersign_server::serve_http(
        listener,
        countersign_server::app(state.clone()),
        limits,
        std::future::pending(),
    ));
    let metrics = tokio::spawn(countersign_server::serve_http(
        metrics_listener,
        countersign_server::metrics_app(state.clone()),
        limits,
        std::future::pending(),
    ));
    let worker = tokio::spawn(countersign_app::workers::outbox::run(state.clone()));
    let signals = tokio::spawn(countersign_app::workers::signals::run(state.clone()));
    (
        state,
        base,
        metrics_base,
        vec![server, metrics, worker, signals],
    )
}

/// A running Countersign with one service and its providers.
pub struct TestServer {
    /// The HTTP server and the background worker.
    tasks: Vec<tokio::task::JoinHandle<()>>,
    pub base: String,
    /// The `/metrics` listener's base URL.
    pub metrics_base: String,
    pub http: reqwest::Client,
    pub key: String,
    pub service_id: String,
    pub clock: Arc<ManualClock>,
    pub state: App,
    pub phone: ProviderEndpoint,
    pub smtp: SmtpServer,
    pub backend: Backend,
    pub dir: std::path::PathBuf,
    pub database: String,
}

/// Another `serve` process on a [`TestServer`]'s database.
pub struct Node {
    pub base: String,
    pub state: App,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Node {
    /// Stops it mid-work, as `kill -9` would its requests and its worker.
    pub async fn stop(mut self) {
        for task in self.tasks.drain(..) {
            task.abort();
            let _ = task.await;
        }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

/// A start time far from the real clock, so nothing can depend on it.
pub const T0: Timestamp = Timestamp(1_900_000_000_000);

pub fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "countersign-{tag}-{}",
        countersign_core::ids::new_id("t")
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A database URL for `backend`: a new SQLite file or a new PostgreSQL schema.
pub async fn fresh_database(backend: Backend, dir: &std::path::Path) -> String {
    match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.join("countersign.db").display()),
        Backend::Postgres => {
            let schema = format!("cs_test_{}", &countersign_core::ids::new_id("s")[2..]);
            let admin = postgres_url();
            let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&admin)
                .await
                .unwrap_or_else(|e| {
                    panic!(
                        "PostgreSQL at {admin} is required for this test \
                         (./test.sh starts one of its own, or set CS_TEST_POSTGRES): {e}"
                    )
                });
            sqlx::query(&format!("CREATE SCHEMA {schema}"))
                .execute(&mut conn)
                .await
                .unwrap();
            let sep = if admin.contains('?') { '&' } else { '?' };
            format!("{admin}{sep}options=-c%20search_path%3D{schema}")
        }
    }
}

impl TestServer {
    pub async fn start(backend: Backend) -> TestServer {
        Self::start_with(backend, |_| {}).await
    }

    /// Starts with a config adjusted by `tweak` (after providers are set).
    pub async fn start_with(backend: Backend, tweak: impl FnOnce(&mut Config)) -> TestServer {
        let dir = temp_dir("it");
        let database = fresh_database(backend, &dir).await;
        let phone = ProviderEndpoint::default();
        let phone_url = phone.start().await;
        let smtp = SmtpServer::default();
        let smtp_port = smtp.start().await;
        let delivery: countersign_delivery::ProvidersConfig = toml::from_str(&format!(
            r#"
            email = {{ kind = "smtp", host = "127.0.0.1", port = {smtp_port}, tls = "none", from = "Countersign <security@countersign.test>" }}
            sms = {{ kind = "webhook", url = "{phone_url}/sms", secret = "{WEBHOOK_SECRET}" }}
            voice = {{ kind = "twilio", base_url = "{phone_url}/twilio", account_sid = "{TWILIO_SID}", auth_token = "{TWILIO_TOKEN}", from = "+15005550006" }}
            "#
        ))
        .unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let mut config = Config {
            database: database.clone(),
            key_file: dir.join("countersign.key"),
            public_url: "https://verify.bank.test".into(),
            delivery,
            ..Config::default()
        };
        // Browsers open the server as http://localhost:PORT: a secure
        // context whose host can be the passkeys' RP ID.
        config.webauthn.origin = format!("http://localhost:{port}");
        // Retries wait for the manual clock; a short poll picks them up soon
        // after a test moves it.
        config.outbox_poll_ms = Some(50);
        tweak(&mut config);
        let clock = Arc::new(ManualClock::new(T0));
        let (state, base, metrics_base, tasks) = launch(config, clock.clone(), listener).await;
        let (service, api_key) =
            countersign_app::admin::create_service(state.store.as_ref(), "Acme Bank", T0)
                .await
                .unwrap();
        TestServer {
            tasks,
            base,
            metrics_base,
            http: reqwest::Client::new(),
            key: api_key,
            service_id: service.id.to_string(),
            clock,
            state,
            phone,
            smtp,
            backend,
            dir,
            database,
        }
    }

    /// Stops this server (HTTP and worker, mid-work if need be) and starts
    /// a new one on the same database, key file, clock and providers, on a
    /// new port: what an operator's restart does.
    pub async fn restart(&mut self, tweak: impl FnOnce(&mut Config)) {
        for task in self.tasks.drain(..) {
            task.abort();
            let _ = task.await;
        }
        let mut config = self.state.config.clone();
        tweak(&mut config);
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let (state, base, metrics_base, tasks) = launch(config, self.clock.clone(), listener).await;
        self.state = state;
        self.base = base;
        self.metrics_base = metrics_base;
        self.tasks = tasks;
    }

    /// Starts a second server beside this one, on the same database, key
    /// file, clock and providers: what several `serve` processes behind a
    /// load balancer are (PostgreSQL). Its base URL; it stops with this one.
    pub async fn another_process(&mut self) -> String {
        let mut node = self.another_node().await;
        self.tasks.append(&mut node.tasks);
        node.base.clone()
    }

    /// [`Self::another_process`], with its application state (to see who
    /// waits there); it stops when dropped or [`Node::stop`]ped.
    pub async fn another_node(&self) -> Node {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let config = self.state.config.clone();
        let (state, base, _, tasks) = launch(config, self.clock.clone(), listener).await;
        Node { base, state, tasks }
    }

    /// Another service on the same server, with its own key.
    pub async fn second_service_key(&self) -> String {
        countersign_app::admin::create_service(self.state.store.as_ref(), "Other Co", T0)
            .await
            .unwrap()
            .1
    }

    /// Sets the service's lockout policy (not part of the API: written
    /// as the store keeps it, and the cached service forgotten).
    pub async fn set_lockout(&self, lockout: countersign_core::lockout::LockoutPolicy) {
        let store = self.state.store.as_ref();
        let current = store.service(&self.service_id).await.unwrap().unwrap();
        let mut next = current.clone();
        next.settings.lockout = lockout;
        assert!(store
            .update_service_settings(&next, &current.settings, &[])
            .await
            .unwrap());
        self.state.services.forget(&next.id);
    }

    pub fn advance(&self, seconds: u64) {
        self.clock.advance(Duration::from_secs(seconds));
    }

    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        key: Option<&str>,
        body: Option<Value>,
    ) -> Response {
        let mut req = self.http.request(method, format!("{}{path}", self.base));
        if let Some(k) = key {
            req = req.bearer_auth(k);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        Response::read(req.send().await.unwrap()).await
    }

    pub async fn get(&self, path: &str) -> Response {
        self.call(reqwest::Method::GET, path, Some(&self.key), None)
            .await
    }

    pub async fn post(&self, path: &str, body: Value) -> Response {
        self.call(reqwest::Method::POST, path, Some(&self.key), Some(body))
            .await
    }

    pub async fn put(&self, path: &str, body: Value) -> Response {
        self.call(reqwest::Method::PUT, path, Some(&self.key), Some(body))
            .await
    }

    pub async fn delete(&self, path: &str) -> Response {
        self.call(reqwest::Method::DELETE, path, Some(&self.key), None)
            .await
    }

    /// Registers `user_id` with a French mobile and an address.
    /// `PATCH /v1/service` with the service's key.
    pub async fn patch_service(&self, body: Value) -> Response {
        self.call(
            reqwest::Method::PATCH,
            "/v1/service",
            Some(&self.key),
            Some(body),
        )
        .await
    }

    /// A new security-center session of `user` (in `locale`), opened as
    /// its link would be: the session cookie's value.
    /// A console session of a new operator `name` with `role`, as enrolling
    /// opens it (a stand-in passkey: `tests/browser/console.mjs` enrols real
    /// ones in Chromium): the `Cookie` header that carries it.
    pub async fn console_cookie(
        &self,
        name: &str,
        role: countersign_core::operator::Role,
    ) -> String {
        use countersign_core::operator::{ConsoleSession, OperatorPasskey, COOKIE_NAME};
        use countersign_core::portal::{new_token, token_hash};
        let now = self.state.now();
        let store = self.state.store.as_ref();
        let added = countersign_app::console::add_operator(
            store,
            &self.state.config.public_url,
            name,
            role,
            now,
        )
        .await
        .unwrap();
        let token = added.link.rsplit('/').next().unwrap();
        let passkey = OperatorPasskey {
            credential_id: format!("stand-in-{}", added.operator.id),
            operator_id: added.operator.id.clone(),
            passkey: serde_json::json!({}),
            created_at: now,
            last_used_at: None,
        };
        let session = ConsoleSession::new(&added.operator.id, now);
        let cookie = new_token();
        assert!(store
            .enrol_operator(
                &token_hash(token),
                now,
                &passkey,
                &session,
                &token_hash(&cookie)
            )
            .await
            .unwrap());
        format!("{}={cookie}", self.state.config.cookies().name(COOKIE_NAME))
    }

    pub async fn portal_cookie(&self, user: &str, locale: Option<&str>) -> String {
        let r = self
            .post(
                &format!("/v1/users/{user}/portal-sessions"),
                serde_json::json!({"locale": locale}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let path = r.body["url"]
            .as_str()
            .unwrap()
            .replace(&self.state.config.public_url, "");
        let opened = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let set = opened.headers()["set-cookie"].to_str().unwrap();
        set.strip_prefix("__Host-cs_portal=")
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned()
    }

    pub async fn alice(&self, user_id: &str) -> Value {
        let r = self
            .put(
                &format!("/v1/users/{user_id}"),
                serde_json::json!({"phone": "+33 6 12 34 56 89", "email": "alice@example.com"}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        r.body
    }

    pub async fn challenge(&self, user_id: &str, purpose: &str) -> String {
        let r = self
            .post(
                "/v1/challenges",
                serde_json::json!({"user_id": user_id, "purpose": purpose}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        r.body["id"].as_str().unwrap().to_owned()
    }

    /// Sends a code on `channel` and returns it as the user receives it.
    pub async fn send(&self, challenge: &str, channel: &str) -> String {
        let r = self
            .post(
                &format!("/v1/challenges/{challenge}/send"),
                serde_json::json!({"channel": channel}),
            )
            .await;
        assert_eq!(r.status, 202, "{}", r.body);
        self.received_code(channel).await
    }

    /// POSTs `body` to `path` as the webhook provider does: JSON signed with
    /// `secret` at the server's time shifted by `skew` seconds.
    pub async fn webhook_post(
        &self,
        path: &str,
        body: &Value,
        secret: &str,
        skew: i64,
    ) -> Response {
        use countersign_core::Clock;
        let body = body.to_string();
        let t = (self.clock.now().millis() / 1000 + skew) as u64;
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .header(
                "Countersign-Signature",
                countersign_delivery::signature_header(secret.as_bytes(), t, body.as_bytes()),
            )
            .body(body)
            .send()
            .await
            .unwrap();
        Response::read(r).await
    }

    /// Where the last call's `<Gather>` posts the key (a public URL).
    pub fn last_call_action(&self) -> String {
        let twiml = self.phone.last().form_field("Twiml");
        let start = twiml
            .find("action=\"")
            .unwrap_or_else(|| panic!("the call gathers a key: {twiml}"))
            + "action=\"".len();
        let end = start + twiml[start..].find('"').unwrap();
        twiml[start..end].replace("&amp;", "&")
    }

    /// Posts `form` to `url` (one of our public URLs) as Twilio does,
    /// signed with `token`.
    pub async fn twilio_post(&self, url: &str, form: &[(&str, &str)], token: &str) -> Response {
        let form: Vec<(String, String)> = form
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&form)
            .finish();
        let path = url
            .strip_prefix(self.state.config.public_url.as_str())
            .expect("a URL of this server");
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header(
                "X-Twilio-Signature",
                countersign_delivery::twilio_signature(token, url, &form),
            )
            .body(body)
            .send()
            .await
            .unwrap();
        Response::read(r).await
    }

    /// Presses a key on the last call, as Twilio reports it: the TwiML the
    /// call goes on with.
    pub async fn press_key(&self) -> String {
        let action = self.last_call_action();
        let r = self
            .twilio_post(
                &action,
                &[("CallSid", "CA42"), ("Digits", "1")],
                TWILIO_TOKEN,
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.headers["content-type"], "application/xml");
        r.body.as_str().unwrap().to_owned()
    }

    /// The code in the last message that reached the user on `channel`
    /// (for a call: after pressing a key).
    pub async fn received_code(&self, channel: &str) -> String {
        match channel {
            // The latest message with a code: security notices carry none.
            "sms" => self
                .phone
                .all()
                .iter()
                .rev()
                .filter_map(|r| r.json()["code"].as_str().map(str::to_owned))
                .find(|code| !code.is_empty())
                .expect("an SMS with a code arrived"),
            "voice" => {
                let twiml = self.press_key().await;
                // The call reads the code digit by digit ("4, 8, 2, …"),
                // twice; other numbers (an amount) are read whole.
                twiml
                    .split(|c: char| !c.is_ascii_digit() && c != ',' && c != ' ')
                    .map(|run| run.split(", ").map(str::trim).collect::<Vec<_>>())
                    .find(|digits| digits.len() >= 6 && digits.iter().all(|d| d.len() == 1))
                    .expect("the call spells a code")
                    .concat()
            }
            "email" => {
                let mails = self.smtp.all();
                mails
                    .iter()
                    .rev()
                    .filter_map(|m| {
                        m.header("Subject")?
                            .split_whitespace()
                            .next()
                            .map(str::to_owned)
                    })
                    .find(|first| first.chars().all(|c| c.is_ascii_digit()))
                    .expect("a mail with a code arrived")
            }
            other => panic!("no such channel {other}"),
        }
    }

    pub async fn verify(&self, challenge: &str, method: &str, code: &str) -> Response {
        self.post(
            &format!("/v1/challenges/{challenge}/verify"),
            serde_json::json!({"method": method, "code": code}),
        )
        .await
    }

    /// Event types of a user, oldest first.
    pub async fn event_types(&self, user_id: &str) -> Vec<String> {
        let r = self
            .get(&format!("/v1/users/{user_id}/events?limit=200"))
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let mut types: Vec<String> = r
            .body
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap().to_owned())
            .collect();
        types.reverse();
        types
    }

    /// Everything the database holds, as bytes: the SQLite file and its WAL
    /// as they are on disk, or every row of every PostgreSQL table as JSON.
    pub async fn database_dump(&self) -> Vec<u8> {
        match self.backend {
            Backend::Sqlite => {
                let path = self.database.trim_start_matches("sqlite://");
                let mut bytes = std::fs::read(path).unwrap();
                if let Ok(wal) = std::fs::read(format!("{path}-wal")) {
                    bytes.extend(wal);
                }
                bytes
            }
            Backend::Postgres => {
                let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(&self.database)
                    .await
                    .unwrap();
                let tables: Vec<String> = sqlx::query_scalar(
                    "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
                )
                .fetch_all(&mut c)
                .await
                .unwrap();
                assert!(tables.len() >= 8, "{tables:?}");
                let mut all = Vec::new();
                for table in tables {
                    let rows: Vec<String> =
                        sqlx::query_scalar(&format!("SELECT row_to_json(t)::text FROM {table} t"))
                            .fetch_all(&mut c)
                            .await
                            .unwrap();
                    all.extend(rows.join("\n").into_bytes());
                }
                all
            }
        }
    }

    /// Runs one SQL statement against the test's database, as an attacker
    /// with database access would.
    pub async fn sql(&self, statement: &str) {
        match self.backend {
            Backend::Sqlite => {
                let mut c = <sqlx::SqliteConnection as sqlx::Connection>::connect(&self.database)
                    .await
                    .unwrap();
                sqlx::query(statement).execute(&mut c).await.unwrap();
            }
            Backend::Postgres => {
                let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(&self.database)
                    .await
                    .unwrap();
                sqlx::query(statement).execute(&mut c).await.unwrap();
            }
        }
    }

    /// Number of rows in `table` (to prove a refused request wrote nothing).
    pub async fn count_rows(&self, table: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        match self.backend {
            Backend::Sqlite => {
                let mut c = <sqlx::SqliteConnection as sqlx::Connection>::connect(&self.database)
                    .await
                    .unwrap();
                sqlx::query_scalar(&sql).fetch_one(&mut c).await.unwrap()
            }
            Backend::Postgres => {
                let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(&self.database)
                    .await
                    .unwrap();
                sqlx::query_scalar(&sql).fetch_one(&mut c).await.unwrap()
            }
        }
    }
}

/// A response with its body parsed (JSON when it is JSON).
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Response {
    pub async fn read(r: reqwest::Response) -> Response {
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let text = r.text().await.unwrap();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Response {
            status,
            headers,
            body,
        }
    }

    /// Asserts a problem+json error with this status and code.
    pub fn assert_problem(&self, status: u16, code: &str) {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.body["code"], code, "{}", self.body);
        assert_eq!(self.body["status"], status, "{}", self.body);
        assert_eq!(self.headers["content-type"], "application/problem+json");
        assert!(
            self.body["title"].is_string()
                && self.body["detail"].is_string()
                && self.body["type"].is_string()
        );
    }
}

/// Runs one scenario on SQLite and on PostgreSQL, as two tests.
#[macro_export]
macro_rules! on_both_backends {
    ($($scenario:ident),* $(,)?) => {
        $(
            mod $scenario {
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn sqlite() {
                    super::$scenario($crate::harness::Backend::Sqlite).await
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn postgres() {
                    super::$scenario($crate::harness::Backend::Postgres).await
                }
            }
        )*
    };
}

/// Drops the PostgreSQL schema that [`fresh_database`] made for `database`
/// (nothing for SQLite URLs). Runs on its own thread so that it also works
/// from `Drop` inside a runtime.
pub fn drop_schema(database: &str) {
    let Some(schema) = database.split("search_path%3D").nth(1).map(str::to_owned) else {
        return;
    };
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            if let Ok(mut c) =
                <sqlx::PgConnection as sqlx::Connection>::connect(&postgres_url()).await
            {
                let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                    .execute(&mut c)
                    .await;
            }
        });
    })
    .join()
    .ok();
}

impl Drop for TestServer {
    /// Drops the test's PostgreSQL schema and its SQLite directory.
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
        drop_schema(&self.database);
    }
}
