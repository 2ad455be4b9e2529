//! E-mail over SMTP with lettre.

use async_trait::async_trait;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{SmtpConfig, TlsMode};
use crate::{DeliveryError, OutboundMessage, Provider, Receipt};

pub(crate) struct SmtpProvider {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpProvider {
    pub(crate) fn new(c: &SmtpConfig) -> Result<SmtpProvider, String> {
        let from: Mailbox = c
            .from
            .parse()
            .map_err(|e| format!("from {:?}: {e}", c.from))?;
        let tls = |mode: fn(TlsParameters) -> Tls| {
            TlsParameters::new(c.host.clone())
                .map(mode)
                .map_err(|e| format!("tls: {e}"))
        };
        let (tls, default_port) = match c.tls {
            TlsMode::None => (Tls::None, 25),
            TlsMode::Starttls => (tls(Tls::Required)?, 587),
            TlsMode::Tls => (tls(Tls::Wrapper)?, 465),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&c.host)
            .port(c.port.unwrap_or(default_port))
            .tls(tls)
            .timeout(Some(std::time::Duration::from_secs(15)));
        match (&c.username, &c.password) {
            (Some(user), Some(password)) => {
                let local = matches!(c.host.as_str(), "localhost" | "127.0.0.1" | "::1");
                if c.tls == TlsMode::None && !local {
                    return Err("username and password would cross the network in clear: use tls = \"starttls\" or \"tls\"".into());
                }
                builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
            }
            (None, None) => {}
            _ => return Err("username and password go together".into()),
        }
        Ok(SmtpProvider {
            transport: builder.build(),
            from,
        })
    }
}

#[async_trait]
impl Provider for SmtpProvider {
    fn kind(&self) -> &'static str {
        "smtp"
    }

    async fn deliver(&self, m: &OutboundMessage) -> Result<Receipt, DeliveryError> {
        let to: Mailbox =
            m.to.parse()
                .map_err(|e| DeliveryError::Refused(format!("recipient: {e}")))?;
        let from = Mailbox::new(
            Some(
                self.from
                    .name
                    .clone()
                    .unwrap_or_else(|| m.service_name.clone()),
            ),
            self.from.email.clone(),
        );
        let builder = Message::builder().from(from).to(to).subject(&m.subject);
        let email = match &m.html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                m.body.clone(),
                html.clone(),
            )),
            None => builder.header(ContentType::TEXT_PLAIN).body(m.body.clone()),
        }
        .map_err(|e| DeliveryError::Refused(e.to_string()))?;
        match self.transport.send(email).await {
            Ok(response) => Ok(Receipt {
                provider_ref: response.message().next().map(str::to_owned),
            }),
            Err(e) if e.is_permanent() => Err(DeliveryError::Refused(e.to_string())),
            Err(e) => Err(DeliveryError::Transient(e.to_string())),
        }
    }
}
