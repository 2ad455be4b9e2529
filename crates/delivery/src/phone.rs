//! SMS and voice providers over HTTP: a signed JSON webhook, or Twilio's REST API.

use std::sync::Arc;

use askama::Template;
use async_trait::async_trait;
use countersign_core::policy::Channel;
use countersign_core::secret::hmac_sha256_hex;
use serde::Deserialize;

use crate::config::{PhoneProviderConfig, TwilioConfig, WebhookConfig};
use crate::CallbackAuth;
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

pub(crate) fn check_url(url: &str) -> Result<(), String> {
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
pub(crate) fn without_url(e: reqwest::Error) -> String {
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

/// Checks a `Countersign-Signature` header over `body`: the HMAC must match
/// and its time be within `tolerance_seconds` of `now_unix` (an old signed
/// body cannot be replayed later).
pub fn verify_signature_header(
    secret: &[u8],
    header: &str,
    body: &[u8],
    now_unix: u64,
    tolerance_seconds: u64,
) -> bool {
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => t = value.parse::<u64>().ok(),
            Some(("v1", value)) => v1 = Some(value),
            _ => {}
        }
    }
    let (Some(t), Some(v1)) = (t, v1) else {
        return false;
    };
    let expected = signature_header(secret, t, body);
    let expected_mac = expected.rsplit("v1=").next().unwrap_or_default();
    now_unix.abs_diff(t) <= tolerance_seconds
        && countersign_core::secret::constant_time_eq(expected_mac.as_bytes(), v1.as_bytes())
}

/// Twilio's request signature: base64 of HMAC-SHA1 under the auth token of
/// the full URL followed by every form field, sorted by name, name then value.
pub fn twilio_signature(auth_token: &str, url: &str, params: &[(String, String)]) -> String {
    use base64::Engine;
    use hmac::{Hmac, Mac};
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort();
    let mut mac =
        <Hmac<sha1::Sha1> as Mac>::new_from_slice(auth_token.as_bytes()).expect("any key size");
    mac.update(url.as_bytes());
    for (k, v) in sorted {
        mac.update(k.as_bytes());
        mac.update(v.as_bytes());
    }
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

#[async_trait]
impl Provider for WebhookProvider {
    fn kind(&self) -> &'static str {
        "webhook"
    }

    fn callback_auth(&self) -> Option<CallbackAuth> {
        self.config.secret.clone().map(CallbackAuth::Webhook)
    }

    fn gathers_keys(&self) -> bool {
        true
    }

    async fn deliver(&self, m: &OutboundMessage) -> Result<Receipt, DeliveryError> {
        let mut body = serde_json::json!({
            "message_id": m.message_id,
            "channel": m.channel.as_str(),
            "to": m.to,
            "body": m.body,
            "code": m.code,
            "locale": m.language,
            "status_url": m.status_callback,
        });
        // A gated call: the gateway says the prompt, and gets the code's
        // text from `action_url` once the person has pressed a key.
        if let Some(k) = &m.key_press {
            body["body"] = k.prompt.clone().into();
            body["code"] = "".into();
            body["speech_language"] = m.speech_language.clone().into();
            body["key_press"] = serde_json::json!({
                "action_url": k.action_url,
                "goodbye": k.goodbye,
            });
        }
        let body = body.to_string();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let request = self
            .http
            .post(&self.config.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json");
        let request = crate::standard_webhooks::sign(
            request,
            &m.message_id,
            self.config.secret.as_deref(),
            now,
            &body,
        );
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

/// TwiML that reads the voice text (`templates/twiml/say.xml`, escaped by
/// askama); the text already spells the code digit by digit, twice.
#[derive(Template)]
#[template(path = "twiml/say.xml")]
struct Say<'a> {
    text: &'a str,
    language: &'a str,
}

pub fn twiml(text: &str, speech_language: &str) -> String {
    Say {
        text,
        language: speech_language,
    }
    .render()
    .expect("a template of strings renders")
}

/// TwiML that asks for one key before anything else
/// (`templates/twiml/gather.xml`): the prompt, inside a `<Gather>` that
/// posts the key to `action_url`; without a key, the goodbye and the end
/// of the call. The code is not in it.
#[derive(Template)]
#[template(path = "twiml/gather.xml")]
struct GatherKey<'a> {
    prompt: &'a str,
    goodbye: &'a str,
    action_url: &'a str,
    language: &'a str,
}

pub fn gather_twiml(
    prompt: &str,
    goodbye: &str,
    action_url: &str,
    speech_language: &str,
) -> String {
    GatherKey {
        prompt,
        goodbye,
        action_url,
        language: speech_language,
    }
    .render()
    .expect("a template of strings renders")
}

#[async_trait]
impl Provider for TwilioProvider {
    fn kind(&self) -> &'static str {
        "twilio"
    }

    fn callback_auth(&self) -> Option<CallbackAuth> {
        Some(CallbackAuth::Twilio(self.config.auth_token.clone()))
    }

    fn gathers_keys(&self) -> bool {
        true
    }

    async fn deliver(&self, m: &OutboundMessage) -> Result<Receipt, DeliveryError> {
        let c = &self.config;
        let (resource, content_key, content) = match m.channel {
            Channel::Voice => {
                let script = match &m.key_press {
                    Some(k) => {
                        gather_twiml(&k.prompt, &k.goodbye, &k.action_url, &m.speech_language)
                    }
                    None => twiml(&m.body, &m.speech_language),
                };
                ("Calls", "Twiml", script)
            }
            _ => ("Messages", "Body", m.body.clone()),
        };
        let url = format!(
            "{}/2010-04-01/Accounts/{}/{resource}.json",
            c.base_url.trim_end_matches('/'),
            c.account_sid
        );
        let mut form = vec![
            ("To", m.to.as_str()),
            ("From", c.from.as_str()),
            (content_key, content.as_str()),
        ];
        if let Some(url) = &m.status_callback {
            form.push(("StatusCallback", url.as_str()));
        }
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
    fn signed_callbacks_verify_within_the_time_window_only() {
        let header = signature_header(b"s3cret", 1_000, b"{}");
        assert!(verify_signature_header(
            b"s3cret", &header, b"{}", 1_100, 300
        ));
        assert!(!verify_signature_header(
            b"s3cret", &header, b"{}", 1_400, 300
        ));
        assert!(!verify_signature_header(
            b"other", &header, b"{}", 1_000, 300
        ));
        assert!(!verify_signature_header(
            b"s3cret", &header, b"{ }", 1_000, 300
        ));
        assert!(!verify_signature_header(
            b"s3cret", "t=1000", b"{}", 1_000, 300
        ));
    }

    #[test]
    fn twilio_signature_matches_twilios_documented_example() {
        // https://www.twilio.com/docs/usage/security#validating-requests
        let params: Vec<(String, String)> = [
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+12349013030"),
            ("Digits", "1234"),
            ("From", "+12349013030"),
            ("To", "+18005551212"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(
            twilio_signature(
                "12345",
                "https://mycompany.com/myapp.php?foo=1&bar=2",
                &params
            ),
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        );
    }

    #[test]
    fn gathered_calls_say_only_the_prompt_until_a_key() {
        let t = gather_twiml("Press a key", "Bye", "https://x.test/a?b=1&c=2", "fr-FR");
        assert_eq!(
            t,
            "<Response><Gather numDigits=\"1\" timeout=\"10\" method=\"POST\" action=\"https://x.test/a?b=1&#38;c=2\">\
             <Say language=\"fr-FR\">Press a key</Say></Gather>\
             <Say language=\"fr-FR\">Bye</Say><Hangup/></Response>"
        );
    }

    #[test]
    fn twiml_is_escaped() {
        assert_eq!(
            twiml("A & B <1>", "en-US"),
            "<Response><Say language=\"en-US\">A &#38; B &#60;1&#62;</Say></Response>"
        );
    }
}
