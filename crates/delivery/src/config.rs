//! The `[delivery]` section of the config file.

use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvidersConfig {
    pub email: Option<EmailProviderConfig>,
    pub sms: Option<PhoneProviderConfig>,
    pub voice: Option<PhoneProviderConfig>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EmailProviderConfig {
    Smtp(SmtpConfig),
    Log,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    pub host: String,
    /// Defaults to 25 (none), 587 (starttls) or 465 (tls).
    pub port: Option<u16>,
    #[serde(default)]
    pub tls: TlsMode,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The sender address, e.g. `"Acme <security@acme.example>"`.
    pub from: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TlsMode {
    None,
    #[default]
    Starttls,
    Tls,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PhoneProviderConfig {
    Webhook(WebhookConfig),
    Twilio(TwilioConfig),
    Log,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    pub url: String,
    /// Signs each request (`Countersign-Signature`) when set.
    pub secret: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TwilioConfig {
    #[serde(default = "twilio_base_url")]
    pub base_url: String,
    pub account_sid: String,
    pub auth_token: String,
    pub from: String,
}

fn twilio_base_url() -> String {
    "https://api.twilio.com".to_owned()
}
