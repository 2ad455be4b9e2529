//! What we know about the request being verified, and how it raises a policy.
//!
//! Takeovers come through malware that reads SMS, SIM swaps and phished
//! codes. When a request looks risky (a new or rooted device, an unusual
//! country, a recent SIM change), codes sent to the phone or mailbox must not
//! be enough on their own. The rules here are plain functions so that the
//! challenge can show the integrator exactly why it asks for more.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::challenge::ChallengeContext;
use crate::policy::{Group, Method, Policy};

/// Something about the request that makes a takeover more likely.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RiskSignal {
    /// The integrator has not seen this device before (`context.new_device`).
    NewDevice,
    /// The app reports a rooted or jailbroken device (`context.rooted`).
    Rooted,
    /// The IP is outside every network this user was approved from lately.
    IpChanged,
    /// `context.country` is none of the countries this user was approved from lately.
    UnusualCountry,
    /// The carrier reports a recent SIM change (`context.sim_changed`).
    SimChanged,
}

impl RiskSignal {
    pub const ALL: [RiskSignal; 5] = [
        RiskSignal::NewDevice,
        RiskSignal::Rooted,
        RiskSignal::IpChanged,
        RiskSignal::UnusualCountry,
        RiskSignal::SimChanged,
    ];

    /// The signals that raise requirements unless a service says otherwise.
    /// An IP change alone does not: mobile networks change addresses all day.
    pub const RAISING_BY_DEFAULT: [RiskSignal; 4] = [
        RiskSignal::NewDevice,
        RiskSignal::Rooted,
        RiskSignal::UnusualCountry,
        RiskSignal::SimChanged,
    ];
}

/// How a policy was raised, in the order the rules applied.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RiskRule {
    /// SMS and voice codes no longer count: the number may be in someone
    /// else's SIM.
    NoPhoneCodes,
    /// Codes by SMS, voice or email cannot be the only proof: an
    /// authenticator, passkey or trusted device is needed.
    AuthenticatorRequired,
    /// The user has no authenticator: both their phone and their email
    /// must confirm, two channels an attacker rarely holds together.
    PhoneAndEmailRequired,
}

/// The signals of this request and what they did to the policy; kept on the
/// challenge and shown in its `policy`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RiskAssessment {
    pub signals: Vec<RiskSignal>,
    pub rules: Vec<RiskRule>,
}

const PHONE: [Method; 2] = [Method::Sms, Method::Voice];
const OUT_OF_BAND: [Method; 3] = [Method::Sms, Method::Voice, Method::Email];
const AUTHENTICATORS: [Method; 4] = [Method::Webauthn, Method::Device, Method::Totp, Method::Hotp];

/// The signals in `context`, judged against the contexts of this user's
/// recently approved challenges (`history`, newest first). Without history
/// nothing can look unusual.
pub fn signals(context: &ChallengeContext, history: &[ChallengeContext]) -> Vec<RiskSignal> {
    let mut found = Vec::new();
    if context.new_device == Some(true) {
        found.push(RiskSignal::NewDevice);
    }
    if context.rooted == Some(true) {
        found.push(RiskSignal::Rooted);
    }
    let network = |c: &ChallengeContext| c.ip.as_deref().and_then(network_of);
    if let Some(here) = network(context) {
        let known: Vec<String> = history.iter().filter_map(network).collect();
        if !known.is_empty() && !known.contains(&here) {
            found.push(RiskSignal::IpChanged);
        }
    }
    if let Some(country) = &context.country {
        let known: Vec<&String> = history.iter().filter_map(|c| c.country.as_ref()).collect();
        if !known.is_empty() && !known.contains(&country) {
            found.push(RiskSignal::UnusualCountry);
        }
    }
    if context.sim_changed == Some(true) {
        found.push(RiskSignal::SimChanged);
    }
    found
}

/// The network an address belongs to for "same place" comparisons: /24 for
/// IPv4, /48 for IPv6 (a home or office keeps its prefix, not its address).
fn network_of(ip: &str) -> Option<String> {
    match ip.parse::<std::net::IpAddr>().ok()?.to_canonical() {
        std::net::IpAddr::V4(v4) => {
            let o = v4.octets();
            Some(format!("{}.{}.{}.0/24", o[0], o[1], o[2]))
        }
        std::net::IpAddr::V6(v6) => {
            let s = v6.segments();
            Some(format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2]))
        }
    }
}

/// Raises `policy` for the signals that `raising` lists, knowing which
/// methods the user has (`available`). The result may be unsatisfiable for
/// this user: then the request is too risky for what they have enrolled.
pub fn raise(
    policy: &Policy,
    signals: &[RiskSignal],
    raising: &[RiskSignal],
    available: &[Method],
) -> (Policy, Vec<RiskRule>) {
    let active = |s: RiskSignal| signals.contains(&s) && raising.contains(&s);
    let mut raised = policy.clone();
    let mut rules = Vec::new();
    if active(RiskSignal::SimChanged) && raised.methods().any(|m| PHONE.contains(&m)) {
        raised = without_phone_codes(&raised);
        rules.push(RiskRule::NoPhoneCodes);
    }
    let device_or_place = [
        RiskSignal::NewDevice,
        RiskSignal::Rooted,
        RiskSignal::UnusualCountry,
    ];
    if device_or_place.into_iter().any(active) && raised.satisfiable_with(&OUT_OF_BAND) {
        let with_authenticator = requiring_authenticator(&raised);
        // Phone and email together stand in for an authenticator only while
        // the phone can be trusted, and only for a one-step policy (one of
        // several steps is never replaced by fewer).
        if with_authenticator.satisfiable_with(available)
            || rules.contains(&RiskRule::NoPhoneCodes)
            || raised.all_of.len() > 1
        {
            raised = with_authenticator;
            rules.push(RiskRule::AuthenticatorRequired);
        } else {
            raised = Policy::of(&[&PHONE, &[Method::Email]]);
            rules.push(RiskRule::PhoneAndEmailRequired);
        }
    }
    (raised, rules)
}

/// SMS and voice removed. A group left empty is never dropped (that would
/// make a two-factor policy one-factor): the first asks for an
/// authenticator no other group counts, the next for an email code; one
/// left empty after that makes the policy impossible, which refuses the
/// request rather than weakening it.
fn without_phone_codes(policy: &Policy) -> Policy {
    let mut groups: Vec<Vec<Method>> = policy
        .all_of
        .iter()
        .map(|g| {
            g.any_of
                .iter()
                .copied()
                .filter(|m| !PHONE.contains(m))
                .collect()
        })
        .collect();
    let used: Vec<Method> = groups.iter().flatten().copied().collect();
    let spare_authenticators: Vec<Method> = AUTHENTICATORS
        .into_iter()
        .filter(|m| !used.contains(m))
        .collect();
    let mut stand_ins = Vec::new();
    if !spare_authenticators.is_empty() {
        stand_ins.push(spare_authenticators);
    }
    if !used.contains(&Method::Email) {
        stand_ins.push(vec![Method::Email]);
    }
    let mut stand_ins = stand_ins.into_iter();
    for group in groups.iter_mut().filter(|g| g.is_empty()) {
        *group = stand_ins.next().unwrap_or_default();
    }
    Policy {
        all_of: groups.into_iter().map(|any_of| Group { any_of }).collect(),
    }
}

/// Out-of-band codes stop counting in groups that also accept an
/// authenticator; when no group accepts one, a group of them is added.
fn requiring_authenticator(policy: &Policy) -> Policy {
    let mut groups: Vec<Group> = policy
        .all_of
        .iter()
        .map(|g| {
            if g.any_of.iter().any(|m| AUTHENTICATORS.contains(m)) {
                Group {
                    any_of: g
                        .any_of
                        .iter()
                        .copied()
                        .filter(|m| !OUT_OF_BAND.contains(m))
                        .collect(),
                }
            } else {
                g.clone()
            }
        })
        .collect();
    if !groups
        .iter()
        .any(|g| g.any_of.iter().any(|m| AUTHENTICATORS.contains(m)))
    {
        groups.push(Group {
            any_of: AUTHENTICATORS.to_vec(),
        });
    }
    Policy { all_of: groups }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::default_policy;
    use Method::*;

    fn ctx(ip: Option<&str>, country: Option<&str>) -> ChallengeContext {
        ChallengeContext {
            ip: ip.map(str::to_owned),
            country: country.map(str::to_owned),
            ..ChallengeContext::default()
        }
    }

    const EVERYTHING: [Method; 8] = Method::ALL;
    const PHONE_ONLY: [Method; 2] = [Sms, Voice];
    const RAISING: [RiskSignal; 4] = RiskSignal::RAISING_BY_DEFAULT;

    #[test]
    fn flags_come_from_the_integrator() {
        let c = ChallengeContext {
            new_device: Some(true),
            rooted: Some(true),
            sim_changed: Some(true),
            ..ChallengeContext::default()
        };
        assert_eq!(
            signals(&c, &[]),
            vec![
                RiskSignal::NewDevice,
                RiskSignal::Rooted,
                RiskSignal::SimChanged
            ]
        );
        let calm = ChallengeContext {
            new_device: Some(false),
            rooted: Some(false),
            ..ChallengeContext::default()
        };
        assert!(signals(&calm, &[]).is_empty());
    }

    #[test]
    fn place_is_judged_against_recent_approvals() {
        let history = [
            ctx(Some("203.0.113.7"), Some("FR")),
            ctx(Some("2001:db8:1:2::5"), Some("BE")),
        ];
        // Same /24, same /48, known country: nothing unusual.
        assert!(signals(&ctx(Some("203.0.113.200"), Some("FR")), &history).is_empty());
        assert!(signals(&ctx(Some("2001:db8:1:ffff::1"), Some("BE")), &history).is_empty());
        assert_eq!(
            signals(&ctx(Some("198.51.100.1"), Some("KP")), &history),
            vec![RiskSignal::IpChanged, RiskSignal::UnusualCountry]
        );
        // A first request has nothing to differ from.
        assert!(signals(&ctx(Some("198.51.100.1"), Some("KP")), &[]).is_empty());
        // Nonsense addresses are not signals (the API validates them).
        assert!(signals(&ctx(Some("not-an-ip"), None), &history).is_empty());
    }

    #[test]
    fn a_calm_request_keeps_its_policy() {
        let login = default_policy("login").unwrap();
        assert_eq!(raise(&login, &[], &RAISING, &EVERYTHING), (login, vec![]));
    }

    #[test]
    fn new_device_login_needs_an_authenticator() {
        let login = default_policy("login").unwrap();
        let (raised, rules) = raise(&login, &[RiskSignal::NewDevice], &RAISING, &EVERYTHING);
        assert_eq!(
            raised,
            Policy::of(&[&[Webauthn, Device, Totp, Hotp, RecoveryCode]])
        );
        assert_eq!(rules, vec![RiskRule::AuthenticatorRequired]);
        assert!(!raised.satisfiable_with(&[Sms, Voice, Email]));
    }

    #[test]
    fn without_an_authenticator_phone_and_email_must_both_confirm() {
        let login = default_policy("login").unwrap();
        let (raised, rules) = raise(
            &login,
            &[RiskSignal::Rooted],
            &RAISING,
            &[Sms, Voice, Email],
        );
        assert_eq!(raised, Policy::of(&[&[Sms, Voice], &[Email]]));
        assert_eq!(rules, vec![RiskRule::PhoneAndEmailRequired]);
        // A user with a phone alone cannot pass: too risky for what they have.
        assert!(!raised.satisfiable_with(&PHONE_ONLY));
    }

    #[test]
    fn sim_change_drops_phone_codes() {
        let withdrawal = default_policy("withdrawal").unwrap();
        let (raised, rules) = raise(
            &withdrawal,
            &[RiskSignal::SimChanged],
            &RAISING,
            &EVERYTHING,
        );
        assert_eq!(
            raised,
            Policy::of(&[&[Webauthn, Device, Totp, Hotp], &[Email]])
        );
        assert_eq!(rules, vec![RiskRule::NoPhoneCodes]);
        // A phone-only group becomes an authenticator group.
        let phone_only = Policy::of(&[&[Sms, Voice]]);
        let (raised, _) = raise(
            &phone_only,
            &[RiskSignal::SimChanged],
            &RAISING,
            &EVERYTHING,
        );
        assert_eq!(raised, Policy::of(&[&[Webauthn, Device, Totp, Hotp]]));
        raised.validate().unwrap();
    }

    #[test]
    fn an_emptied_group_is_replaced_never_dropped() {
        // A custom withdrawal: authenticator AND a phone code. A SIM change
        // must not leave the authenticator alone.
        let custom = Policy::of(&[&[Webauthn, Device, Totp, Hotp], &[Sms, Voice]]);
        let (raised, _) = raise(&custom, &[RiskSignal::SimChanged], &RAISING, &EVERYTHING);
        assert_eq!(
            raised,
            Policy::of(&[&[Webauthn, Device, Totp, Hotp], &[Email]])
        );
        // Two phone-only groups: an authenticator, then email.
        let (raised, _) = raise(
            &Policy::of(&[&[Sms], &[Voice]]),
            &[RiskSignal::SimChanged],
            &RAISING,
            &EVERYTHING,
        );
        assert_eq!(
            raised,
            Policy::of(&[&[Webauthn, Device, Totp, Hotp], &[Email]])
        );
        raised.validate().unwrap();
        // Nothing left to stand in: impossible, so the request is refused.
        let (raised, _) = raise(
            &Policy::of(&[&[Webauthn, Device, Totp, Hotp, Email], &[Sms], &[Voice]]),
            &[RiskSignal::SimChanged],
            &RAISING,
            &EVERYTHING,
        );
        assert_eq!(raised.all_of.len(), 3);
        assert!(!raised.satisfiable_with(&EVERYTHING));
    }

    #[test]
    fn a_multi_step_policy_is_not_replaced_by_phone_and_email() {
        let three = Policy::of(&[&[Sms], &[Email], &[Voice]]);
        let (raised, rules) = raise(
            &three,
            &[RiskSignal::NewDevice],
            &RAISING,
            &[Sms, Voice, Email],
        );
        assert_eq!(rules, vec![RiskRule::AuthenticatorRequired]);
        assert_eq!(
            raised.all_of.len(),
            4,
            "all three steps stay, plus an authenticator"
        );
        assert!(!raised.satisfiable_with(&[Sms, Voice, Email]));
    }

    #[test]
    fn sim_change_and_new_device_without_authenticator_cannot_pass() {
        let login = default_policy("login").unwrap();
        let (raised, rules) = raise(
            &login,
            &[RiskSignal::SimChanged, RiskSignal::NewDevice],
            &RAISING,
            &[Sms, Email],
        );
        assert_eq!(
            rules,
            vec![RiskRule::NoPhoneCodes, RiskRule::AuthenticatorRequired]
        );
        assert!(!raised.satisfiable_with(&[Sms, Email]));
    }

    #[test]
    fn policies_that_already_need_an_authenticator_stay() {
        // Withdrawal needs an authenticator AND a code: a new device adds nothing.
        let withdrawal = default_policy("withdrawal").unwrap();
        let (raised, rules) = raise(&withdrawal, &[RiskSignal::NewDevice], &RAISING, &EVERYTHING);
        assert_eq!((raised, rules), (withdrawal, vec![]));
    }

    #[test]
    fn a_service_may_only_record_a_signal() {
        let login = default_policy("login").unwrap();
        let (raised, rules) = raise(
            &login,
            &[RiskSignal::NewDevice, RiskSignal::IpChanged],
            &[RiskSignal::SimChanged],
            &EVERYTHING,
        );
        assert_eq!((raised, rules), (login, vec![]));
    }

    #[test]
    fn raised_policies_stay_valid() {
        for purpose in ["login", "withdrawal", "security_change"] {
            let p = default_policy(purpose).unwrap();
            for available in [&EVERYTHING[..], &[Sms, Voice, Email]] {
                let (raised, _) = raise(&p, &RiskSignal::ALL, &RiskSignal::ALL, available);
                raised.validate().unwrap();
            }
        }
    }
}
