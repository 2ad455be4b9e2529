//! `countersign.toml` plus `COUNTERSIGN_*` environment variables (nested keys
//! joined by `__`, e.g. `COUNTERSIGN_DELIVERY__SMS__KIND=webhook`), plus the
//! command line's flags ([`Overrides`]).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use countersign_core::limits::{Cap, SendLimits};
use countersign_core::net::{ForwardingHeader, IpNet};
use countersign_core::retention::Retention;
use countersign_core::support::JoinWindow;
use countersign_delivery::ProvidersConfig;
use figment::providers::{Env, Format, Toml};
use figment::Figment;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    #[serde(default = "default_database")]
    pub database: String,
    /// Master key for secrets at rest; generated on first start if absent.
    #[serde(default = "default_key_file")]
    pub key_file: PathBuf,
    /// Base of the links Countersign hands out (`hosted_url`).
    #[serde(default = "default_public_url")]
    pub public_url: String,
    /// Allows the `log` delivery provider, and uses it for every channel that
    /// has no provider, so that a first run works with nothing configured.
    #[serde(default)]
    pub dev: bool,
    /// `text` (default) or `json`.
    #[serde(default)]
    pub log_format: LogFormat,
    #[serde(default)]
    pub webauthn: WebauthnConfig,
    #[serde(default)]
    pub delivery: ProvidersConfig,
    #[serde(default)]
    pub support: SupportConfig,
    /// The toll-fraud guard: send limits and country lists.
    #[serde(default)]
    pub limits: SendLimits,
    /// Endpoints that receive events (`[[webhooks]]`).
    #[serde(default)]
    pub webhooks: Vec<WebhookEndpoint>,
    /// Whether endpoints that services register through the API may be on
    /// loopback, private or link-local addresses. Off: they reach only the
    /// public internet, so an API key cannot make Countersign call into the
    /// network it runs in. The operator's `[[webhooks]]` may go anywhere.
    #[serde(default)]
    pub webhook_private_targets: bool,
    /// The longest, in milliseconds, the background worker waits between
    /// looks for notices and webhook events. Unset by default: it is woken
    /// by work written in this process or (PostgreSQL) signalled by
    /// another, and at the next retry; a cap only helps a test whose clock
    /// jumps.
    #[serde(default)]
    pub outbox_poll_ms: Option<u64>,
    /// Where `/metrics` is served: a listener of its own, never the API's,
    /// on loopback unless told otherwise. `off` serves no metrics; port 0
    /// takes a free port and logs it (several servers on one machine).
    #[serde(default)]
    pub metrics_listen: MetricsListen,
    /// Reverse proxies (addresses or networks) whose forwarding header is
    /// believed for the client's address; empty: the TCP peer is the client.
    #[serde(default)]
    pub trusted_proxies: Vec<IpNet>,
    /// The header those proxies add the client to: `x-forwarded-for` or
    /// `forwarded` (RFC 7239). Only the one they write may be read: a
    /// client can send the other, and a proxy passes it on untouched.
    #[serde(default)]
    pub forwarding_header: ForwardingHeader,
    /// Connection limits and timeouts of the API's listener.
    #[serde(default)]
    pub http: HttpConfig,
    /// How long ended challenges and audit events are kept.
    #[serde(default)]
    pub retention: Retention,
}

/// Where `/metrics` listens, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum MetricsListen {
    Off,
    At(SocketAddr),
}

impl Default for MetricsListen {
    fn default() -> Self {
        MetricsListen::At(SocketAddr::from(([127, 0, 0, 1], 9464)))
    }
}

impl TryFrom<String> for MetricsListen {
    type Error = String;
    fn try_from(s: String) -> Result<MetricsListen, String> {
        match s.trim() {
            "" | "off" => Ok(MetricsListen::Off),
            addr => addr.parse().map(MetricsListen::At).map_err(|_| {
                format!("{s:?}: expected ADDRESS:PORT (such as 127.0.0.1:9464) or \"off\"")
            }),
        }
    }
}

/// What keeps slow, idle or too many clients from taking the server's
/// connections (and file descriptors) away from everyone else.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HttpConfig {
    /// Seconds a connection may take to send a request's headers, counted
    /// from when it starts waiting for one: a new connection, or a kept-alive
    /// one between requests (so it is also the idle keep-alive timeout).
    pub header_read_timeout_seconds: u64,
    /// Seconds one request may take, body and answer included; longer than
    /// a device's long-poll (30 s), which waits on purpose.
    pub request_timeout_seconds: u64,
    /// Connections served at once; more wait to be accepted. Lowered at
    /// start to what the open-files limit allows.
    pub max_connections: usize,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            header_read_timeout_seconds: 10,
            request_timeout_seconds: 60,
            max_connections: 1024,
        }
    }
}

/// One webhook receiver.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookEndpoint {
    /// Names the endpoint in the delivery log and the CLI; the URL when
    /// absent. A new name is a new endpoint, starting at the newest event.
    #[serde(default)]
    pub name: Option<String>,
    pub url: String,
    /// Signs each body (`Countersign-Signature`), as for the SMS webhook.
    #[serde(default)]
    pub secret: Option<String>,
    /// Event types to send: exact (`challenge.approved`) or by prefix
    /// (`challenge.*`); empty sends every event.
    #[serde(default)]
    pub events: Vec<String>,
}

impl WebhookEndpoint {
    /// The endpoint's name: the configured one, else `host-<8 hex of the
    /// URL's SHA-256>` — never the URL itself, which may carry a token and
    /// would otherwise show in logs and `/metrics`.
    pub fn name(&self) -> String {
        use sha2::{Digest, Sha256};
        match &self.name {
            Some(name) => name.clone(),
            None => {
                let host = countersign_core::webhook::url_host(&self.url).unwrap_or("webhook");
                let digest = countersign_core::to_hex(Sha256::digest(self.url.as_bytes()));
                format!("{host}-{}", &digest[..8])
            }
        }
    }

    /// Whether this endpoint subscribed to events of type `kind`.
    pub fn wants(&self, kind: &str) -> bool {
        countersign_core::webhook::subscribed(&self.events, kind)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// The relying party that passkeys are bound to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WebauthnConfig {
    pub rp_id: String,
    pub rp_name: String,
    pub origin: String,
    /// Security keys accepted at registration: empty accepts any; otherwise
    /// only models whose attestation chains to a listed root with a listed
    /// AAGUID.
    pub trusted_security_keys: Vec<crate::webauthn::TrustedAuthenticator>,
}

impl Default for WebauthnConfig {
    fn default() -> Self {
        WebauthnConfig {
            rp_id: "localhost".into(),
            rp_name: "Countersign".into(),
            origin: "http://localhost:8080".into(),
            trusted_security_keys: Vec::new(),
        }
    }
}

/// Verified video calls with support.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SupportConfig {
    /// HS256 key for video-room tokens (Jitsi's app secret).
    pub jwt_secret: Option<String>,
    /// JWT `iss`, Jitsi's app id.
    pub jwt_app_id: String,
    /// The video service, e.g. https://meet.example.com; rooms are below it.
    pub video_base_url: Option<String>,
    /// When customers may join, around the start time.
    pub join_window: JoinWindow,
    /// Appointment codes tried from one IP (joins and agent checks).
    pub attempts_per_ip: Cap,
}

impl Default for SupportConfig {
    fn default() -> Self {
        SupportConfig {
            jwt_secret: None,
            jwt_app_id: "countersign".into(),
            video_base_url: None,
            join_window: JoinWindow::default(),
            attempts_per_ip: Cap {
                max: 10,
                window_seconds: 900,
            },
        }
    }
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8080))
}
fn default_database() -> String {
    "sqlite://countersign.db".into()
}
fn default_key_file() -> PathBuf {
    "countersign.key".into()
}
fn default_public_url() -> String {
    "http://localhost:8080".into()
}

/// The file read when `--config` is not given, if it exists.
pub const DEFAULT_CONFIG_FILE: &str = "countersign.toml";

/// `COUNTERSIGN_*` variables that are not settings: the log filter, and the
/// device client's API key (`countersign device enroll`).
const NOT_SETTINGS: [&str; 2] = ["log", "api_key"];

/// Settings given on the command line: they win over the environment and
/// the file, and are checked like them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Overrides {
    /// `serve --listen`.
    pub listen: Option<SocketAddr>,
    /// `--database`.
    pub database: Option<String>,
    /// `serve --dev`; `false` leaves the file's and environment's choice.
    pub dev: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {0} does not exist")]
    Missing(PathBuf),
    #[error("invalid configuration: {0}")]
    Invalid(String),
}

impl Config {
    /// The cookies this server sets: `__Host-` and Secure whenever it is
    /// reached over https (its `public_url`); plain http is for development
    /// on localhost.
    pub fn cookies(&self) -> countersign_core::cookie::Cookies {
        countersign_core::cookie::Cookies::for_public_url(&self.public_url)
    }

    /// Reads the file (the named one, else `countersign.toml` if present),
    /// then the environment, then `overrides`. Errors name the key and what
    /// was expected.
    pub fn load(path: Option<&Path>, overrides: &Overrides) -> Result<Config, ConfigError> {
        let mut figment = Figment::new();
        match path {
            Some(p) if !p.exists() => return Err(ConfigError::Missing(p.to_owned())),
            Some(p) => figment = figment.merge(Toml::file(p)),
            None if Path::new(DEFAULT_CONFIG_FILE).exists() => {
                figment = figment.merge(Toml::file(DEFAULT_CONFIG_FILE))
            }
            None => {}
        }
        figment = figment.merge(
            Env::prefixed("COUNTERSIGN_")
                .ignore(&NOT_SETTINGS)
                .split("__"),
        );
        if let Some(listen) = overrides.listen {
            figment = figment.merge(("listen", listen.to_string()));
        }
        if let Some(database) = &overrides.database {
            figment = figment.merge(("database", database));
        }
        if overrides.dev {
            figment = figment.merge(("dev", true));
        }
        let config: Config = figment.extract().map_err(|e| {
            ConfigError::Invalid(
                e.into_iter()
                    .map(|e| e.to_string().replace("key \"default.", "key \""))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let url = self.public_url.trim_end_matches('/');
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(ConfigError::Invalid(format!(
                "public_url {:?}: expected an http:// or https:// URL",
                self.public_url
            )));
        }
        if !(self.database.starts_with("sqlite:") || self.database.starts_with("postgres")) {
            return Err(ConfigError::Invalid(format!(
                "database {:?}: expected sqlite://PATH or postgres://USER@HOST/DB",
                self.database
            )));
        }
        let mut names = Vec::new();
        for w in &self.webhooks {
            countersign_delivery::EventPoster::check_url(&w.url)
                .map_err(|e| ConfigError::Invalid(format!("webhooks: {e}")))?;
            if names.contains(&w.name()) {
                return Err(ConfigError::Invalid(format!(
                    "webhooks: two endpoints are named {:?}; give each a distinct name",
                    w.name()
                )));
            }
            names.push(w.name());
        }
        if self.outbox_poll_ms == Some(0) {
            return Err(ConfigError::Invalid(
                "outbox_poll_ms: expected at least 1".into(),
            ));
        }
        if self.http.header_read_timeout_seconds == 0 || self.http.max_connections == 0 {
            return Err(ConfigError::Invalid(
                "http.header_read_timeout_seconds and http.max_connections: expected at least 1"
                    .into(),
            ));
        }
        let long_poll = crate::devices::LONG_POLL_MAX.as_secs();
        if self.http.request_timeout_seconds <= long_poll {
            return Err(ConfigError::Invalid(format!(
                "http.request_timeout_seconds: expected more than {long_poll} (a device's long-poll waits that long)"
            )));
        }
        self.retention.check().map_err(ConfigError::Invalid)?;
        Ok(())
    }

    /// The host of `public_url`, for messages that bind a code to the site.
    pub fn public_host(&self) -> Option<&str> {
        let rest = self.public_url.split("://").nth(1)?;
        let host_port = rest.split('/').next()?;
        let host = host_port.rsplit_once(':').map_or(host_port, |(h, _)| h);
        (!host.is_empty()).then_some(host)
    }
}

/// A setting that weakens security in production, found by
/// [`Config::insecure_settings`]. Without `--dev`, those that
/// [`refuse`](Finding::refuses) stop `serve`; the others are logged as
/// warnings at every start. With `--dev`, all are warnings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Finding {
    #[error("public_url {0:?} is plain http for a host other than this machine: cookies lose Secure and sessions and codes cross the network in clear; use https")]
    PublicUrlHttp(String),
    #[error("delivery.email: SMTP to {0} without TLS: codes cross the network in clear; set tls = \"starttls\" or \"tls\"")]
    SmtpWithoutTls(String),
    /// Only the host is named: the URL may carry a token.
    #[error("delivery.{channel}: the provider at {host} is reached over plain http: codes cross the network in clear; use https")]
    ProviderHttp { channel: &'static str, host: String },
    #[error("delivery.{channel}.secret is not set: the receiver cannot tell Countersign's requests from anyone else's, and status callbacks cannot be checked")]
    WebhookWithoutSecret {
        channel: &'static str,
        loopback: bool,
    },
    #[error("support.jwt_secret is {0} bytes: at least 32 are needed so that video-room tokens cannot be forged by guessing it")]
    ShortJwtSecret(usize),
    #[error("service {service:?}: code_ttl_seconds is {seconds}: NIST SP 800-63B keeps one-time codes valid for at most 10 minutes (600 s); lower it with PATCH /v1/service")]
    LongCodeLifetime { service: String, seconds: u32 },
}

/// The longest code lifetime NIST SP 800-63B allows (out-of-band codes).
pub const MAX_CODE_TTL_SECONDS: u32 = 600;
/// The shortest HS256 key accepted for video-room tokens (the hash's size).
pub const MIN_JWT_SECRET_BYTES: usize = 32;

impl Finding {
    /// Whether `serve` refuses to start on it without `--dev`: when a
    /// secret or a session would be exposed. A missing webhook secret is
    /// only warned about for a receiver on this machine, and a long code
    /// lifetime is a service's own setting (changed over the API), which
    /// must not stop the server for every service.
    pub fn refuses(&self) -> bool {
        match self {
            Finding::WebhookWithoutSecret { loopback, .. } => !loopback,
            Finding::LongCodeLifetime { .. } => false,
            _ => true,
        }
    }

    /// A service's settings against NIST's limit on code lifetimes.
    pub fn code_lifetime(
        service: &str,
        settings: &countersign_core::service::ServiceSettings,
    ) -> Option<Finding> {
        (settings.code_ttl_seconds > MAX_CODE_TTL_SECONDS).then(|| Finding::LongCodeLifetime {
            service: service.to_owned(),
            seconds: settings.code_ttl_seconds,
        })
    }
}

/// The host of `url` (no user, port or path).
fn url_host(url: &str) -> &str {
    let rest = url.split("://").nth(1).unwrap_or_default();
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    }
}

/// Whether `url`'s host is this machine (localhost, 127.0.0.0/8, ::1),
/// where plain http crosses no network.
fn is_loopback_url(url: &str) -> bool {
    is_loopback_host(url_host(url))
}

fn is_loopback_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.to_canonical().is_loopback())
}

impl Config {
    /// The settings that weaken security in production, each named (see
    /// [`Finding`]); plain http is fine to this machine.
    pub fn insecure_settings(&self) -> Vec<Finding> {
        use countersign_delivery::{EmailProviderConfig, PhoneProviderConfig, TlsMode};
        let mut found = Vec::new();
        let plain_http = |url: &str| url.starts_with("http://") && !is_loopback_url(url);
        if plain_http(&self.public_url) {
            found.push(Finding::PublicUrlHttp(self.public_url.clone()));
        }
        if let Some(EmailProviderConfig::Smtp(smtp)) = &self.delivery.email {
            if smtp.tls == TlsMode::None && !is_loopback_host(&smtp.host) {
                found.push(Finding::SmtpWithoutTls(smtp.host.clone()));
            }
        }
        for (channel, provider) in [("sms", &self.delivery.sms), ("voice", &self.delivery.voice)] {
            let (url, secret) = match provider {
                Some(PhoneProviderConfig::Webhook(w)) => (&w.url, Some(&w.secret)),
                Some(PhoneProviderConfig::Twilio(t)) => (&t.base_url, None),
                Some(PhoneProviderConfig::Log) | None => continue,
            };
            if plain_http(url) {
                found.push(Finding::ProviderHttp {
                    channel,
                    host: url_host(url).to_owned(),
                });
            }
            if let Some(None) = secret {
                found.push(Finding::WebhookWithoutSecret {
                    channel,
                    loopback: is_loopback_url(url),
                });
            }
        }
        if let Some(secret) = &self.support.jwt_secret {
            if secret.len() < MIN_JWT_SECRET_BYTES {
                found.push(Finding::ShortJwtSecret(secret.len()));
            }
        }
        found
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: default_listen(),
            database: default_database(),
            key_file: default_key_file(),
            public_url: default_public_url(),
            dev: false,
            log_format: LogFormat::Text,
            webauthn: WebauthnConfig::default(),
            delivery: ProvidersConfig::default(),
            support: SupportConfig::default(),
            limits: SendLimits::default(),
            webhooks: Vec::new(),
            webhook_private_targets: false,
            outbox_poll_ms: None,
            metrics_listen: MetricsListen::default(),
            trusted_proxies: Vec::new(),
            forwarding_header: ForwardingHeader::default(),
            http: HttpConfig::default(),
            retention: Retention::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's configuration example is a config this server accepts.
    #[test]
    fn the_readme_example_parses() {
        let readme = include_str!("../../../README.md");
        let section = readme
            .split("## Configuration")
            .nth(1)
            .expect("the README has a Configuration section");
        let section = section.split("\n## ").next().unwrap_or_default();
        let mut figment = Figment::new();
        for block in section.split("```toml").skip(1) {
            let example = block.split("```").next().expect("a closed toml block");
            figment = figment.merge(Toml::string(example));
        }
        let config: Config = figment
            .extract()
            .unwrap_or_else(|e| panic!("the README's example: {e}"));
        assert!(
            config.support.jwt_secret.is_some(),
            "the [support] example is read"
        );
        config.validate().unwrap();
        assert_eq!(
            config.retention,
            Retention::default(),
            "the README shows the retention defaults"
        );
        assert_eq!(config.limits.per_destination.max, 5);
        assert_eq!(config.limits.daily_phone_budget, 2000);
        assert_eq!(
            config.limits,
            SendLimits::default(),
            "the README shows the defaults"
        );
        assert_eq!(config.webhooks.len(), 1, "the [[webhooks]] example is read");
    }

    /// `--listen`, `--database` and `--dev` win over the file (and the
    /// environment, which the integration tests check), and a bad
    /// `--database` is refused like a bad setting, naming it.
    #[test]
    fn the_command_line_wins_over_the_file_and_is_checked() {
        let file = std::env::temp_dir().join(format!("cs-overrides-{}.toml", std::process::id()));
        std::fs::write(
            &file,
            "listen = \"127.0.0.1:7001\"\ndatabase = \"sqlite://file.db\"\n",
        )
        .unwrap();
        let overrides = Overrides {
            listen: Some("[::1]:7002".parse().unwrap()),
            database: Some("sqlite://flag.db".into()),
            dev: true,
        };
        let config = Config::load(Some(&file), &overrides).unwrap();
        assert_eq!(config.listen, "[::1]:7002".parse().unwrap());
        assert_eq!(config.database, "sqlite://flag.db");
        assert!(config.dev);
        let bad = Overrides {
            database: Some("mysql://x".into()),
            ..Overrides::default()
        };
        let error = Config::load(Some(&file), &bad).unwrap_err().to_string();
        assert!(error.contains("database \"mysql://x\""), "{error}");
        std::fs::remove_file(&file).unwrap();
    }

    /// A production config with nothing to say about it.
    fn production() -> Config {
        let mut config = Config {
            public_url: "https://verify.bank.example".into(),
            delivery: toml::from_str(
                r#"
                email = { kind = "smtp", host = "smtp.bank.example", tls = "starttls", from = "a@bank.example" }
                sms = { kind = "webhook", url = "https://sms.bank.example/send", secret = "s3cret" }
                voice = { kind = "twilio", account_sid = "AC1", auth_token = "t", from = "+15005550006" }
                "#,
            )
            .unwrap(),
            ..Config::default()
        };
        config.support.jwt_secret = Some("k".repeat(32));
        config
    }

    fn findings(tweak: impl FnOnce(&mut Config)) -> Vec<Finding> {
        let mut config = production();
        tweak(&mut config);
        config.insecure_settings()
    }

    #[test]
    fn a_production_config_has_no_finding() {
        assert_eq!(findings(|_| {}), vec![]);
    }

    #[test]
    fn plain_http_public_url_is_refused_except_on_this_machine() {
        let found = findings(|c| c.public_url = "http://verify.bank.example".into());
        assert_eq!(
            found,
            vec![Finding::PublicUrlHttp("http://verify.bank.example".into())]
        );
        assert!(found[0].refuses());
        assert!(found[0].to_string().contains("public_url"));
        for local in [
            "http://localhost:8080",
            "http://127.0.0.1:9000/x",
            "http://[::1]:80",
        ] {
            assert_eq!(findings(|c| c.public_url = local.into()), vec![], "{local}");
        }
    }

    #[test]
    fn smtp_without_tls_is_refused_except_to_this_machine() {
        let plain = |host: &'static str| {
            findings(move |c| {
                c.delivery.email = toml::from_str(&format!(
                    r#"kind = "smtp"
                    host = "{host}"
                    tls = "none"
                    from = "a@bank.example""#
                ))
                .ok()
            })
        };
        let found = plain("smtp.bank.example");
        assert_eq!(
            found,
            vec![Finding::SmtpWithoutTls("smtp.bank.example".into())]
        );
        assert!(found[0].refuses());
        assert_eq!(plain("127.0.0.1"), vec![]);
        assert_eq!(plain("localhost"), vec![]);
    }

    #[test]
    fn a_phone_webhook_over_http_or_without_a_secret_is_found() {
        let webhook = |url: &'static str, secret: Option<&'static str>| {
            findings(move |c| {
                c.delivery.sms = Some(countersign_delivery::PhoneProviderConfig::Webhook(
                    countersign_delivery::WebhookConfig {
                        url: url.into(),
                        secret: secret.map(Into::into),
                    },
                ))
            })
        };
        let found = webhook(
            "http://user:pw@sms.bank.example:8000/send?token=t",
            Some("s"),
        );
        assert_eq!(
            found,
            vec![Finding::ProviderHttp {
                channel: "sms",
                host: "sms.bank.example".into()
            }]
        );
        assert!(!found[0].to_string().contains("token"), "no URL in logs");
        assert!(found[0].refuses());
        let found = webhook("https://sms.bank.example/send", None);
        assert_eq!(
            found,
            vec![Finding::WebhookWithoutSecret {
                channel: "sms",
                loopback: false
            }]
        );
        assert!(found[0].refuses());
        let found = webhook("http://127.0.0.1:9099/sms", None);
        assert_eq!(
            found,
            vec![Finding::WebhookWithoutSecret {
                channel: "sms",
                loopback: true
            }]
        );
        assert!(!found[0].refuses(), "a receiver on this machine: a warning");
        let found = findings(|c| {
            if let Some(countersign_delivery::PhoneProviderConfig::Twilio(t)) =
                &mut c.delivery.voice
            {
                t.base_url = "http://twilio.proxy.example".into();
            }
        });
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(matches!(
            found[0],
            Finding::ProviderHttp {
                channel: "voice",
                ..
            }
        ));
    }

    #[test]
    fn a_short_jwt_secret_is_refused() {
        let found = findings(|c| c.support.jwt_secret = Some("k".repeat(31)));
        assert_eq!(found, vec![Finding::ShortJwtSecret(31)]);
        assert!(found[0].refuses());
        assert_eq!(findings(|c| c.support.jwt_secret = None), vec![]);
    }

    #[test]
    fn a_code_lifetime_over_ten_minutes_is_a_warning() {
        let mut settings = countersign_core::service::ServiceSettings::default();
        assert_eq!(Finding::code_lifetime("Acme", &settings), None);
        settings.code_ttl_seconds = 601;
        let found = Finding::code_lifetime("Acme", &settings).unwrap();
        assert_eq!(
            found,
            Finding::LongCodeLifetime {
                service: "Acme".into(),
                seconds: 601
            }
        );
        assert!(!found.refuses());
        assert!(found.to_string().contains("code_ttl_seconds"));
    }

    #[test]
    fn a_webhook_endpoint_is_named_without_its_url() {
        let endpoint = |events: &[&str]| WebhookEndpoint {
            name: None,
            url: "https://hooks.example.com/cs".into(),
            secret: None,
            events: events.iter().map(|e| e.to_string()).collect(),
        };
        // (Which events it wants: countersign_core::webhook.)
        assert!(!endpoint(&["user.*"]).wants("factor.added"));
        assert_eq!(
            endpoint(&[]).name(),
            "hooks.example.com-".to_owned()
                + &countersign_core::to_hex(<sha2::Sha256 as sha2::Digest>::digest(
                    b"https://hooks.example.com/cs"
                ))[..8],
            "no URL (and no token in it) in names"
        );
    }
}
