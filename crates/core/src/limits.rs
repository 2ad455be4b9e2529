//! The toll-fraud guard: how many codes may go to one destination, from one
//! IP, to one country, and how many SMS and calls a service may pay for in a
//! day. SMS pumping (bots pressing "resend" for premium numbers) is stopped
//! here, before a provider is paid. The same counters cap the approval
//! prompts a trusted device and its user receive (push bombing).
//!
//! Limits are counted in fixed windows. This module says which counters a
//! send touches; the store increments them all in one transaction, refusing
//! the send (and counting nothing) if any would pass its cap, so the limits
//! hold across server processes.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::policy::Channel;
use crate::Timestamp;

/// At most `max` sends in each window of `window_seconds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    pub max: u32,
    pub window_seconds: u32,
}

/// Send limits, from the `[limits]` section of the config.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SendLimits {
    /// Codes to one phone number or address, on any channel.
    pub per_destination: Cap,
    /// Codes for challenges created from one IP address (`context.ip`).
    pub per_ip: Cap,
    /// SMS and calls to one country calling code, per service.
    pub per_country: Cap,
    /// SMS and calls per service per UTC day: the most a bot can cost you.
    pub daily_phone_budget: u32,
    /// ISO 3166 regions whose numbers may receive SMS and calls; empty: all.
    pub allowed_countries: Vec<String>,
    /// ISO 3166 regions whose numbers never receive SMS or calls.
    pub denied_countries: Vec<String>,
    /// Prompts to one trusted device: push bombing (a flood of approval
    /// requests until the user taps one) stops here.
    pub prompts_per_device: Cap,
    /// Prompts to one user's trusted devices, however many they enrol.
    pub prompts_per_user: Cap,
}

impl Default for SendLimits {
    fn default() -> Self {
        SendLimits {
            per_destination: Cap {
                max: 5,
                window_seconds: 3600,
            },
            per_ip: Cap {
                max: 20,
                window_seconds: 3600,
            },
            per_country: Cap {
                max: 300,
                window_seconds: 3600,
            },
            daily_phone_budget: 2000,
            allowed_countries: Vec::new(),
            denied_countries: Vec::new(),
            prompts_per_device: Cap {
                max: 10,
                window_seconds: 3600,
            },
            prompts_per_user: Cap {
                max: 10,
                window_seconds: 3600,
            },
        }
    }
}

/// Which limit a counter enforces; named in refusals and events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Destination,
    Ip,
    Country,
    DailyBudget,
    /// Prompts to one trusted device.
    Device,
    /// Prompts to one user's trusted devices.
    User,
}

impl Scope {
    pub const ALL: [Scope; 6] = [
        Scope::Destination,
        Scope::Ip,
        Scope::Country,
        Scope::DailyBudget,
        Scope::Device,
        Scope::User,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Destination => "destination",
            Scope::Ip => "ip",
            Scope::Country => "country",
            Scope::DailyBudget => "daily_budget",
            Scope::Device => "device",
            Scope::User => "user",
        }
    }
}

/// One counter to increment for a send, and its cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterCheck {
    pub scope: Scope,
    /// The counter's name; destinations and IPs appear only as pseudonyms.
    pub key: String,
    pub window_start: Timestamp,
    pub window_end: Timestamp,
    pub max: u32,
}

/// What a send is, for counting.
#[derive(Debug, Clone, Copy)]
pub struct SendFacts<'a> {
    pub service_id: &'a str,
    pub channel: Channel,
    /// A keyed pseudonym of the destination.
    pub destination: &'a str,
    /// A keyed pseudonym of the end user's IP, when the integrator gave it.
    pub ip: Option<&'a str>,
    pub calling_code: Option<u16>,
}

/// The network an address counts for: an IPv4 address itself (an IPv4
/// address mapped into IPv6 included), an IPv6 address by its /64, which one
/// subscriber usually holds whole. Spelling variants of one address count
/// once.
pub fn ip_bucket(ip: std::net::IpAddr) -> String {
    match ip.to_canonical() {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

fn window(now: Timestamp, seconds: u32) -> (Timestamp, Timestamp) {
    let size = i64::from(seconds.max(1)) * 1000;
    let start = now.millis().div_euclid(size) * size;
    (Timestamp(start), Timestamp(start + size))
}

/// The counter `name` of `scope` in a service, in the window of `cap` that
/// contains `now`.
fn counter(service_id: &str, scope: Scope, name: &str, cap: Cap, now: Timestamp) -> CounterCheck {
    let (window_start, window_end) = window(now, cap.window_seconds);
    CounterCheck {
        scope,
        key: format!("{service_id}:{}:{name}", scope.as_str()),
        window_start,
        window_end,
        max: cap.max,
    }
}

impl SendLimits {
    /// The counters this send increments, sorted by key so that concurrent
    /// transactions lock them in the same order.
    pub fn checks(&self, send: &SendFacts<'_>, now: Timestamp) -> Vec<CounterCheck> {
        let mut checks = Vec::new();
        let mut add = |scope: Scope, name: String, cap: Cap| {
            checks.push(counter(send.service_id, scope, &name, cap, now));
        };
        add(
            Scope::Destination,
            send.destination.to_owned(),
            self.per_destination,
        );
        if let Some(ip) = send.ip {
            add(Scope::Ip, ip.to_owned(), self.per_ip);
        }
        if send.channel.uses_phone() {
            if let Some(code) = send.calling_code {
                add(Scope::Country, code.to_string(), self.per_country);
            }
            add(
                Scope::DailyBudget,
                "phone".to_owned(),
                Cap {
                    max: self.daily_phone_budget,
                    window_seconds: 86_400,
                },
            );
        }
        checks.sort_by(|a, b| a.key.cmp(&b.key));
        checks
    }

    /// The counters a prompt to the trusted devices `devices` (factor ids)
    /// of the user `user_pk` increments, sorted by key. A challenge that
    /// offers `device` prompts every active device of its user at once.
    pub fn prompt_checks(
        &self,
        service_id: &str,
        user_pk: &str,
        devices: &[&str],
        now: Timestamp,
    ) -> Vec<CounterCheck> {
        let mut checks: Vec<CounterCheck> = devices
            .iter()
            .map(|d| counter(service_id, Scope::Device, d, self.prompts_per_device, now))
            .chain([counter(
                service_id,
                Scope::User,
                user_pk,
                self.prompts_per_user,
                now,
            )])
            .collect();
        checks.sort_by(|a, b| a.key.cmp(&b.key));
        checks
    }

    /// Whether numbers of `region` (ISO 3166, from the number) may receive SMS
    /// and calls. A number whose region is unknown passes only when no
    /// allow-list is set.
    pub fn phone_region_allowed(&self, region: Option<&str>) -> bool {
        let listed = |list: &[String]| {
            region.is_some_and(|r| list.iter().any(|c| c.eq_ignore_ascii_case(r)))
        };
        !listed(&self.denied_countries)
            && (self.allowed_countries.is_empty() || listed(&self.allowed_countries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: Timestamp = Timestamp(1_900_000_123_456);

    fn facts(channel: Channel, ip: Option<&'static str>) -> SendFacts<'static> {
        SendFacts {
            service_id: "svc_1",
            channel,
            destination: "d1",
            ip,
            calling_code: Some(33),
        }
    }

    #[test]
    fn an_sms_counts_against_every_limit_an_email_only_some() {
        let limits = SendLimits::default();
        let sms = limits.checks(&facts(Channel::Sms, Some("ip1")), NOW);
        let scopes: Vec<_> = sms.iter().map(|c| c.scope.as_str()).collect();
        assert_eq!(scopes, ["country", "daily_budget", "destination", "ip"]);
        assert!(sms.windows(2).all(|w| w[0].key < w[1].key));
        let email = limits.checks(&facts(Channel::Email, None), NOW);
        let scopes: Vec<_> = email.iter().map(|c| c.scope.as_str()).collect();
        assert_eq!(scopes, ["destination"]);
    }

    #[test]
    fn windows_are_fixed_and_contain_now() {
        let limits = SendLimits::default();
        for c in limits.checks(&facts(Channel::Voice, Some("ip1")), NOW) {
            assert!(c.window_start <= NOW && NOW < c.window_end);
            let size = c.window_end.millis() - c.window_start.millis();
            assert_eq!(c.window_start.millis() % size, 0);
        }
        let day = limits
            .checks(&facts(Channel::Voice, None), NOW)
            .into_iter()
            .find(|c| c.scope == Scope::DailyBudget)
            .unwrap();
        assert_eq!(
            day.window_end.millis() - day.window_start.millis(),
            86_400_000
        );
        assert_eq!(day.max, 2000);
    }

    #[test]
    fn ip_spellings_and_a_v6_subnet_share_one_bucket() {
        let bucket = |s: &str| ip_bucket(s.parse().unwrap());
        assert_eq!(bucket("2001:db8::1"), bucket("2001:DB8:0::1"));
        assert_eq!(bucket("2001:db8::1"), bucket("2001:db8::ffff:1"));
        assert_ne!(bucket("2001:db8::1"), bucket("2001:db8:0:1::1"));
        assert_eq!(bucket("::ffff:192.0.2.1"), bucket("192.0.2.1"));
        assert_eq!(bucket("192.0.2.1"), "192.0.2.1");
    }

    #[test]
    fn a_prompt_counts_against_each_device_and_the_user() {
        let limits = SendLimits::default();
        let checks = limits.prompt_checks("svc_1", "usr_1", &["fac_b", "fac_a"], NOW);
        let keys: Vec<_> = checks.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "svc_1:device:fac_a",
                "svc_1:device:fac_b",
                "svc_1:user:usr_1"
            ]
        );
        for c in &checks {
            assert_eq!(c.max, 10);
            assert!(c.window_start <= NOW && NOW < c.window_end);
            assert_eq!(c.window_end.millis() - c.window_start.millis(), 3_600_000);
        }
    }

    #[test]
    fn country_lists() {
        let mut limits = SendLimits::default();
        assert!(limits.phone_region_allowed(Some("FR")));
        assert!(limits.phone_region_allowed(None));
        limits.denied_countries = vec!["gb".into()];
        assert!(!limits.phone_region_allowed(Some("GB")));
        assert!(limits.phone_region_allowed(Some("FR")));
        limits.allowed_countries = vec!["FR".into(), "DE".into()];
        assert!(limits.phone_region_allowed(Some("DE")));
        assert!(!limits.phone_region_allowed(Some("US")));
        assert!(!limits.phone_region_allowed(None));
    }
}
