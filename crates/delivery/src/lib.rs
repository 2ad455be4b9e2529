//! Getting a message to the user: SMTP email, and SMS and voice calls through
//! a webhook or Twilio. Providers are tried with retries; the caller learns
//! exactly whether a provider accepted the message, so nobody is told a code
//! was sent when it was not.
#![forbid(unsafe_code)]

mod config;
mod events;
mod phone;
mod smtp;
pub mod standard_webhooks;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use countersign_core::policy::Channel;
use thiserror::Error;

pub use config::{
    EmailProviderConfig, PhoneProviderConfig, ProvidersConfig, SmtpConfig, TlsMode, TwilioConfig,
    WebhookConfig,
};
pub use events::{EventPoster, PostFailure};
pub use phone::{gather_twiml, signature_header, twilio_signature, twiml, verify_signature_header};

/// A message on its way out. `code` travels separately from the text so that
/// a webhook receiver can build its own wording; it never goes into a URL.
#[derive(Debug, Clone)]
pub struct OutboundMessage {
    pub message_id: String,
    pub channel: Channel,
    /// E.164 number or e-mail address.
    pub to: String,
    pub subject: String,
    pub body: String,
    /// An email's HTML part (the service's brand); `body` is its text part.
    pub html: Option<String>,
    pub code: String,
    /// Language of the text ("en", "fr").
    pub language: String,
    /// Language tag for text-to-speech ("en-US").
    pub speech_language: String,
    /// Name of the service, used as the e-mail sender's display name.
    pub service_name: String,
    /// Where the provider reports what became of the message (SMS, voice).
    pub status_callback: Option<String>,
    /// A voice call that must not read the code before someone presses a
    /// key: the provider gets only the prompt, and hears `body` from
    /// `action_url` (see [`KeyPress`]).
    pub key_press: Option<KeyPress>,
}

/// The first part of a call that reads a code: the prompt (no code), where
/// the provider asks for the rest once a key was pressed, and what is said
/// when none was. A voicemail box never presses a key, so it never records
/// the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPress {
    pub prompt: String,
    pub goodbye: String,
    /// Single-use, good for this call only; never holds the code.
    pub action_url: String,
}

/// What a provider said when it accepted a message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Receipt {
    pub provider_ref: Option<String>,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DeliveryError {
    /// Worth another try: timeouts, 5xx, 429, SMTP 4xx.
    #[error("provider unavailable: {0}")]
    Transient(String),
    /// Retrying will not help: the provider refused this message.
    #[error("provider refused the message: {0}")]
    Refused(String),
}

/// One way out for one channel.
#[async_trait]
pub trait Provider: Send + Sync {
    fn kind(&self) -> &'static str;
    /// How this provider's status callbacks are authenticated, if it sends any.
    fn callback_auth(&self) -> Option<CallbackAuth> {
        None
    }
    /// Whether its calls can wait for a key press ([`KeyPress`]): real
    /// phone providers; not the dev console.
    fn gathers_keys(&self) -> bool {
        false
    }
    async fn deliver(&self, message: &OutboundMessage) -> Result<Receipt, DeliveryError>;
}

/// How often and how patiently a transient failure is retried.
/// The shared secret a provider signs its status callbacks with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallbackAuth {
    /// JSON body, `Countersign-Signature: t=<unix>,v1=<hex>` (the webhook secret).
    Webhook(String),
    /// Form body, `X-Twilio-Signature` (the account's auth token).
    Twilio(String),
}

#[derive(Debug, Clone)]
pub struct RetryPolicy {
    pub attempts: u32,
    /// Wait before the 2nd attempt; doubled before each later one.
    pub first_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 3,
            first_backoff: Duration::from_millis(250),
        }
    }
}

/// The result of delivering one message, retries included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub attempts: u32,
    pub provider: &'static str,
    pub outcome: Result<Receipt, DeliveryError>,
}

/// The configured providers, one per channel at most.
#[derive(Clone, Default)]
pub struct Delivery {
    email: Option<Arc<dyn Provider>>,
    sms: Option<Arc<dyn Provider>>,
    voice: Option<Arc<dyn Provider>>,
    retry: RetryPolicy,
}

#[derive(Debug, Error)]
pub enum SetupError {
    #[error("delivery.{0}: the log provider prints codes and is only allowed with dev = true")]
    LogOutsideDev(&'static str),
    #[error("delivery.{channel}: {reason}")]
    Invalid {
        channel: &'static str,
        reason: String,
    },
}

impl Delivery {
    /// Builds the providers from config. In dev mode, a channel without a
    /// provider falls back to printing messages to the console, so that a
    /// first run works with nothing configured.
    pub fn from_config(config: &ProvidersConfig, dev: bool) -> Result<Delivery, SetupError> {
        // No redirects: a provider answering 3xx has not taken the message,
        // and following it would re-send the code to another address.
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| SetupError::Invalid {
                channel: "sms",
                reason: e.to_string(),
            })?;
        let log: Arc<dyn Provider> = Arc::new(LogProvider);
        let email = match &config.email {
            Some(EmailProviderConfig::Log) if !dev => {
                return Err(SetupError::LogOutsideDev("email"))
            }
            Some(EmailProviderConfig::Log) => Some(log.clone()),
            Some(EmailProviderConfig::Smtp(smtp)) => {
                Some(Arc::new(smtp::SmtpProvider::new(smtp).map_err(|reason| {
                    SetupError::Invalid {
                        channel: "email",
                        reason,
                    }
                })?) as Arc<dyn Provider>)
            }
            None => dev.then(|| log.clone()),
        };
        let phone = |name: &'static str, cfg: &Option<PhoneProviderConfig>| {
            phone::build(name, cfg.as_ref(), &http, dev, &log)
        };
        Ok(Delivery {
            email,
            sms: phone("sms", &config.sms)?,
            voice: phone("voice", &config.voice)?,
            retry: RetryPolicy::default(),
        })
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    fn provider(&self, channel: Channel) -> Option<&Arc<dyn Provider>> {
        match channel {
            Channel::Sms => self.sms.as_ref(),
            Channel::Voice => self.voice.as_ref(),
            Channel::Email => self.email.as_ref(),
        }
    }

    /// The channels that have a provider: only these are offered to users.
    /// How status callbacks for `channel` are authenticated; `None` when its
    /// provider sends none or has no secret to sign them.
    pub fn callback_auth(&self, channel: Channel) -> Option<CallbackAuth> {
        self.provider(channel).and_then(|p| p.callback_auth())
    }

    /// Whether voice calls start with a key press before the code.
    pub fn gates_calls(&self) -> bool {
        self.voice.as_ref().is_some_and(|p| p.gathers_keys())
    }

    pub fn channels(&self) -> Vec<Channel> {
        Channel::ALL
            .into_iter()
            .filter(|c| self.provider(*c).is_some())
            .collect()
    }

    /// Delivers with retries on transient failures. `None` when the channel
    /// has no provider.
    pub async fn send(&self, message: &OutboundMessage) -> Option<Report> {
        let provider = self.provider(message.channel)?;
        let mut backoff = self.retry.first_backoff;
        let mut attempts = 0;
        loop {
            attempts += 1;
            let outcome = provider.deliver(message).await;
            match &outcome {
                Err(DeliveryError::Transient(reason)) if attempts < self.retry.attempts => {
                    tracing::warn!(
                        message_id = %message.message_id,
                        channel = message.channel.as_str(),
                        provider = provider.kind(),
                        attempt = attempts,
                        %reason,
                        "delivery failed, retrying"
                    );
                    tokio::time::sleep(backoff).await;
                    backoff *= 2;
                }
                _ => {
                    return Some(Report {
                        attempts,
                        provider: provider.kind(),
                        outcome,
                    })
                }
            }
        }
    }
}

/// Dev mode only: prints the message, code included, to the console.
struct LogProvider;

#[async_trait]
impl Provider for LogProvider {
    fn kind(&self) -> &'static str {
        "log"
    }

    async fn deliver(&self, m: &OutboundMessage) -> Result<Receipt, DeliveryError> {
        tracing::warn!(
            target: "countersign::dev_delivery",
            message_id = %m.message_id,
            channel = m.channel.as_str(),
            to = %m.to,
            "[dev] message not really sent:\n{}\n",
            m.body
        );
        Ok(Receipt::default())
    }
}
