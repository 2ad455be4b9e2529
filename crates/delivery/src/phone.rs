//! SMS and voice providers over HTTP: a signed JSON webhook, or Twilio's REST API.

use std::sync::Arc;

use async_trait::async_trait;
use countersign_core::policy::Channel;
use countersign_core::secret::hmac_sha256_hex;
use serde::Deserialize;

use crate::config::{PhoneProviderConfig, TwilioConfig, WebhookConfig};
use crate::{DeliveryError, OutboundMessage, Provider, Receipt, SetupError};

pub(crate) fn build(
    channel: &'static str,
    config: Option<&PhoneProviderConfig>,
    http: &reqwest::Client,
    dev: bool,
    log: &Arc<dyn Provider>,
) -> Result<Option<Arc<dyn Provider>>, SetupError> {
    let invalid = |reason: String| SetupError::Invalid { channel, reason };
    Ok(match config {
        None => dev.then(|| log.clone()),
        Some(PhoneProviderConfig::Log) if !dev => return Err(SetupError::LogOutsideDev(channel)),
        Some(PhoneProviderConfig::Log) => Some(log.clone()),
        Some(PhoneProviderConfig::Webhook(w)) => {
            check_url(&w.url).map_err(invalid)?;
            Some(Arc::new(WebhookProvider {
                config: w.clone(),
                http: http.clone(),
            }))
        }
        Some(PhoneProviderConfig::Twilio(t)) => {
            check_url(&t.base_url).map_err(invalid)?;
            Some(Arc::new(TwilioProvider {
                config: t.clone(),
                http: http.clone(),
            }))
        }
    })
}

fn check_url(url: &str) -> Result<(), String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("url {url:?}: {e}"))?;
    if matches!(parsed.scheme(), "http" | "https") {
        Ok(())
    } else {
        Err(format!("url {url:?}: expected http:// or https://"))
    }
}

/// Which answers mean "the provider will never take this message".
#[derive(Clone, Copy)]
enum Refusals {
    /// The webhook contract: anything but 2xx is a failure worth retrying.
    None,
    /// Twilio: a 4xx other than 429 is a verdict on the message (bad number,
    /// unverified sender); retrying cannot change it.
    ClientErrors,
}

/// Maps an HTTP answer to the delivery outcome: 2xx accepted; otherwise
/// retried, unless `refusals` says the status is final.
async fn classify(
    result: Result<reqwest::Response, reqwest::Error>,
    refusals: Refusals,
) -> Result<reqwest::Response, DeliveryError> {
    let response = result.map_err(|e| DeliveryError::Transient(without_url(e)))?;
    let status = response.status();
    let final_refusal = matches!(refusals, Refusals::ClientErrors)
        && status.is_client_error()
        && status.as_u16() != 429;
    if status.is_success() {
        Ok(response)
    } else if final_refusal {
        Err(DeliveryError::Refused(format!("HTTP {status}")))
    } else {
        Err(DeliveryError::Transient(format!("HTTP {status}")))
    }
}

/// reqwest errors quote the URL, which may carry credentials; keep the kind only.
fn without_url(e: reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".to_owned()
    } else if e.is_connect() {
        "connection failed".to_owned()
    } else {
        e.without_url().to_string()
    }
}

/// POSTs JSON to the operator's own gateway.
struct WebhookProvider {
    config: WebhookConfig,
    http: reqwest::Client,
}

/// The signature header value for a webhook body: `t=<unix>,v1=<hex>`, where
/// the hex is HMAC-SHA256 of `"<t>.<body>"` under the shared secret.
pub fn signature_header(secret: &[u8], unix_seconds: u64, body: &[u8]) -> String {
    let mut signed = format!("{unix_seconds}.").into_bytes();
    signed.extend_from_slice(body);
    format!("t={unix_seconds},v1={}", hmac_sha256_hex(secret, &signed))
}

#[async_trait]
impl Provider for WebhookProvider {
    fn kind(&self) -> &'static str {
        "webhook"
    }

    async fn deliver(&self, m: &OutboundMessage) -> Result<Receipt, DeliveryError> {
        let body = serde_json::json!({
            "message_id": m.message_id,
            "channel": m.channel.as_str(),
            "to": m.to,
            "body": m.body,
            "code": m.code,
            "locale": m.language,
        })
        .to_string();
        let mut request = self
            .http
            .post(&self.config.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json");
        if let Some(secret) = &self.config.secret {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0);
            request = request.header(
                "Countersign-Signature",
                signature_header(secret.as_bytes(), now, body.as_bytes()),
            );
        }
        classify(request.body(body).send().await, Refusals::None).await?;
        Ok(Receipt::default())
    }
}

/// Twilio's Messages and Calls resources.
struct TwilioProvider {
    config: TwilioConfig,
    http: reqwest::Client,
}

#[derive(Deserialize)]
struct TwilioResource {
    sid: Option<String>,
}

/// Escapes text for an XML element body (TwiML).
fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// TwiML that reads the voice text; the text already spells the code digit
/// by digit, twice.
pub fn twiml(text: &str, speech_language: &str) -> String {
    format!(
        "<Response><Say language=\"{}\">{}</Say></Response>",
        xml_escape(speech_language),
        xml_escape(text)
    )
}

#[async_trait]
impl Provider for TwilioProvider {
    fn kind(&self) -> &'static str {
        "twilio"
    }

    async fn deliver(&self, m: &OutboundMessage) -> Result<Receipt, DeliveryError> {
        let c = &self.config;
        let (resource, content_key, content) = match m.channel {
            Channel::Voice => ("Calls", "Twiml", twiml(&m.body, &m.speech_language)),
            _ => ("Messages", "Body", m.body.clone()),
        };
        let url = format!(
            "{}/2010-04-01/Accounts/{}/{resource}.json",
            c.base_url.trim_end_matches('/'),
            c.account_sid
        );
        let form = [
            ("To", m.to.as_str()),
            ("From", c.from.as_str()),
            (content_key, content.as_str()),
        ];
        let response = classify(
            self.http
                .post(url)
                .basic_auth(&c.account_sid, Some(&c.auth_token))
                .form(&form)
                .send()
                .await,
            Refusals::ClientErrors,
        )
        .await?;
        let resource: TwilioResource = response
            .json()
            .await
            .unwrap_or(TwilioResource { sid: None });
        Ok(Receipt {
            provider_ref: resource.sid,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_is_hmac_of_timestamp_dot_body() {
        let h = signature_header(b"whsec", 1700000000, b"{}");
        assert_eq!(
            h,
            format!(
                "t=1700000000,v1={}",
                hmac_sha256_hex(b"whsec", b"1700000000.{}")
            )
        );
    }

    #[test]
    fn twiml_is_escaped() {
        assert_eq!(
            twiml("A & B <1>", "en-US"),
            "<Response><Say language=\"en-US\">A &amp; B &lt;1&gt;</Say></Response>"
        );
    }
}
