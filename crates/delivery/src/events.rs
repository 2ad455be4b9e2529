//! Webhooks to the integrator: each event POSTed as JSON and signed the
//! Standard Webhooks way, like the messages to the SMS/voice gateway, so
//! one off-the-shelf library verifies both.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use crate::phone::{check_url, without_url};
use crate::standard_webhooks;

/// Posts events; one client (and its connection pool) for every endpoint.
#[derive(Clone)]
pub struct EventPoster {
    http: reqwest::Client,
    /// Refuses loopback, private, link-local and other non-public
    /// addresses (see [`EventPoster::public_only`]).
    public_only: bool,
}

/// Why a webhook delivery failed: the receiver's status when it answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFailure {
    pub status: Option<u16>,
    pub reason: String,
}

impl EventPoster {
    /// A poster for the operator's own endpoints: any address.
    pub fn new() -> Result<EventPoster, String> {
        EventPoster::build(false)
    }

    /// A poster for endpoints that services register: it connects only to
    /// public addresses, whatever the name resolves to when the request is
    /// made (so neither a URL nor a DNS answer can point Countersign at the
    /// network it runs in: no server-side request forgery).
    pub fn public_only() -> Result<EventPoster, String> {
        EventPoster::build(true)
    }

    fn build(public_only: bool) -> Result<EventPoster, String> {
        // No redirects: an endpoint that moved is a configuration error to
        // see in the delivery log, not a reason to send events elsewhere.
        let mut http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none());
        if public_only {
            http = http.dns_resolver(std::sync::Arc::new(PublicAddresses));
        }
        let http = http.build().map_err(|e| e.to_string())?;
        Ok(EventPoster { http, public_only })
    }

    /// Checks an endpoint URL when the configuration is read.
    pub fn check_url(url: &str) -> Result<(), String> {
        check_url(url)
    }

    /// Checks an endpoint URL for this poster: http(s), and for a
    /// public-only poster, no address literal outside the public internet
    /// (names are checked when they are resolved).
    pub fn check_target(&self, url: &str) -> Result<(), String> {
        check_url(url)?;
        let ip = reqwest::Url::parse(url).ok().and_then(|u| {
            let host = u.host_str()?.trim_start_matches('[').trim_end_matches(']');
            host.parse::<IpAddr>().ok()
        });
        match ip {
            Some(ip) if self.public_only && !is_public(ip) => {
                Err(format!("url {url:?}: {ip} is not a public address"))
            }
            _ => Ok(()),
        }
    }

    /// POSTs `body` with the Standard Webhooks headers (`webhook-id`: the
    /// event's id, `webhook-timestamp`: `unix_seconds`, and, when there is
    /// a secret, `webhook-signature`), and, deprecated, the older
    /// `Countersign-Event-Id` and `Countersign-Signature`; a 2xx answer is
    /// a delivery, anything else a failure to retry.
    pub async fn post(
        &self,
        url: &str,
        secret: Option<&str>,
        event_id: &str,
        body: &str,
        unix_seconds: u64,
    ) -> Result<u16, PostFailure> {
        self.check_target(url).map_err(|reason| PostFailure {
            status: None,
            reason,
        })?;
        let request = self
            .http
            .post(url)
            .header("content-type", "application/json")
            .header("countersign-event-id", event_id)
            .body(body.to_owned());
        let request = standard_webhooks::sign(request, event_id, secret, unix_seconds, body);
        let response = request.send().await.map_err(|e| PostFailure {
            status: None,
            reason: without_url(e),
        })?;
        let status = response.status();
        if status.is_success() {
            Ok(status.as_u16())
        } else {
            Err(PostFailure {
                status: Some(status.as_u16()),
                reason: format!("HTTP {status}"),
            })
        }
    }
}

/// Resolves names as the system does, keeping only public addresses.
struct PublicAddresses;

impl reqwest::dns::Resolve for PublicAddresses {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let public: Vec<SocketAddr> = found.filter(|a| is_public(a.ip())).collect();
            if public.is_empty() {
                let refused: Box<dyn std::error::Error + Send + Sync> =
                    format!("{} has no public address", name.as_str()).into();
                return Err(refused);
            }
            Ok(Box::new(public.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Whether `ip` is on the public internet: not loopback, private,
/// link-local, shared (carrier-grade NAT), unique-local, multicast,
/// unspecified, documentation or broadcast, and not one of those mapped
/// into IPv6.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
                || (a == 198 && (b == 18 || b == 19))
                || a >= 240)
        }
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public(IpAddr::V4(v4)),
            None => {
                let first = v6.segments()[0];
                !(v6.is_loopback()
                    || v6.is_unspecified()
                    || v6.is_multicast()
                    || (first & 0xfe00) == 0xfc00
                    || (first & 0xffc0) == 0xfe80
                    || first == 0x2001 && v6.segments()[1] == 0x0db8)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "192.0.2.1",
            "198.18.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in [
            "8.8.8.8",
            "1.1.1.1",
            "2606:4700:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn a_public_only_poster_refuses_private_address_literals() {
        let public = EventPoster::public_only().unwrap();
        assert!(public.check_target("https://hooks.example.com/cs").is_ok());
        assert!(public.check_target("http://127.0.0.1:8080/hook").is_err());
        assert!(public.check_target("http://[::1]/hook").is_err());
        assert!(public
            .check_target("http://169.254.169.254/latest")
            .is_err());
        assert!(public.check_target("ftp://hooks.example.com").is_err());
        let any = EventPoster::new().unwrap();
        assert!(any.check_target("http://127.0.0.1:8080/hook").is_ok());
    }
}
