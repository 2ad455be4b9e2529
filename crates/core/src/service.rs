//! A service is a tenant: one integrator's application, its API keys and
//! its protection settings.

use std::collections::BTreeMap;

use crate::ids::{ApiKeyId, ServiceId};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::brand::{Brand, BrandError, BrandPatch};
use crate::lockout::LockoutPolicy;
use crate::policy::{built_in_class, default_policy, Channel, Group, Policy, PurposeClass};
use crate::risk::RiskSignal;
use crate::Timestamp;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Service {
    pub id: ServiceId,
    pub name: String,
    pub created_at: Timestamp,
    pub settings: ServiceSettings,
}

/// One of a service's API keys, as it is listed: never the key, of which
/// only a SHA-256 is stored, but the first characters that tell keys apart.
/// A service has several so that a key can be replaced without downtime:
/// create the new one, deploy it, revoke the old one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ApiKey {
    pub id: ApiKeyId,
    #[serde(skip)]
    pub service_id: ServiceId,
    /// The key's first characters (`cs_live_` and 6 more). Keys created
    /// before keys could be rotated show only `cs_live_`.
    #[schema(example = "cs_live_Xy3_q9")]
    pub prefix: String,
    pub created_at: Timestamp,
    /// When the key last authenticated a request, to the minute
    /// ([`ApiKey::LAST_USED_EVERY`]); `null` if never.
    pub last_used_at: Option<Timestamp>,
}

impl Service {
    /// How SMS and calls name the service: its short name, else one
    /// derived from its name (which may be 64 characters and more).
    pub fn sms_name(&self) -> String {
        self.settings
            .sms_name
            .clone()
            .unwrap_or_else(|| crate::sms::derive_sms_name(&self.name))
    }

    /// How a message on `channel` names the service: an email by its name,
    /// an SMS or a call by its short name (one SMS segment). `sender`, a
    /// challenge's own sender name, replaces either (shortened likewise).
    pub fn name_on(&self, channel: Channel, sender: Option<&str>) -> String {
        match (channel, sender) {
            (Channel::Email, sender) => sender.unwrap_or(&self.name).to_owned(),
            (Channel::Sms | Channel::Voice, Some(sender)) => crate::sms::derive_sms_name(sender),
            (Channel::Sms | Channel::Voice, None) => self.sms_name(),
        }
    }
}

impl ApiKey {
    /// How stale `last_used_at` may get: it is written at most this often
    /// per key, so that a busy key costs no write per request.
    pub const LAST_USED_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

    /// A new key's record, for the key `secret` (made by
    /// [`crate::secret::new_api_key`]).
    pub fn new(service_id: &ServiceId, secret: &str, now: Timestamp) -> ApiKey {
        ApiKey {
            id: ApiKeyId::new(),
            service_id: service_id.clone(),
            prefix: crate::secret::api_key_prefix(secret),
            created_at: now,
            last_used_at: None,
        }
    }

    /// Whether a use at `now` should be recorded: `last_used_at` is unset
    /// or older than [`ApiKey::LAST_USED_EVERY`].
    pub fn use_is_news(&self, now: Timestamp) -> bool {
        self.last_used_at
            .is_none_or(|at| at.plus(Self::LAST_USED_EVERY) <= now)
    }
}

/// The longest security hold a service may set: a held challenge is over
/// at most this long after it opened (see [`crate::retention`]).
pub const MAX_SECURITY_HOLD_SECONDS: u32 = 604_800;

/// Protections, each with the default from the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ServiceSettings {
    pub code_digits: u32,
    pub code_ttl_seconds: u32,
    pub max_attempts: u32,
    /// Codes one challenge may send, across channels.
    pub max_sends: u32,
    /// First resend cooldown; it doubles with each send.
    pub resend_cooldown_seconds: u32,
    pub lockout: LockoutPolicy,
    /// How long withdrawals are held after a security change.
    pub security_hold_seconds: u32,
    /// Policies that replace a built-in purpose's default, or define new purposes.
    pub policies: BTreeMap<String, Policy>,
    /// The class of each of the service's own purposes (built-in purposes
    /// have fixed classes): see [`ServiceSettings::class_of`].
    pub purpose_classes: BTreeMap<String, PurposeClass>,
    /// Risk signals that raise a policy; the others are only recorded.
    pub raise_on_signals: Vec<RiskSignal>,
    /// Where the hosted verification page may send the user back: a
    /// challenge's `return_url` must start with one of these, so that the
    /// page is never an open redirect.
    pub return_urls: Vec<String>,
    /// Email and SMS the user (security alert) when a `login` is approved
    /// from a new device or an unusual country. Off by default: only the
    /// integrator knows whether its users expect such mails.
    pub notify_risky_sign_ins: bool,
    /// How SMS and calls name the service (at most 11 GSM-7 letters,
    /// digits and spaces, so that every SMS fits in one segment); unset,
    /// it is derived from the name ([`Service::sms_name`]). Left out when
    /// unset, so that settings stored before it read back the same (the
    /// document's default is `""`, the value that unsets it, not `null`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "Acme Bank", default = "")]
    pub sms_name: Option<String>,
    /// The logo, colour, support contact and privacy link the service's
    /// pages and emails show; left out when unset (as `sms_name`).
    #[serde(skip_serializing_if = "Brand::is_unset")]
    pub brand: Brand,
}

impl Default for ServiceSettings {
    fn default() -> Self {
        ServiceSettings {
            code_digits: 6,
            code_ttl_seconds: 600,
            max_attempts: 5,
            max_sends: 5,
            resend_cooldown_seconds: 30,
            lockout: LockoutPolicy::default(),
            security_hold_seconds: 86_400,
            policies: BTreeMap::new(),
            purpose_classes: BTreeMap::new(),
            raise_on_signals: RiskSignal::RAISING_BY_DEFAULT.to_vec(),
            return_urls: Vec::new(),
            notify_risky_sign_ins: false,
            sms_name: None,
            brand: Brand::default(),
        }
    }
}

impl ServiceSettings {
    /// Whether a challenge may send the user back to `url`: it must start
    /// with a registered return URL, at a path boundary (so that
    /// `https://bank.example/done` does not allow `https://bank.example/done.evil`,
    /// nor `https://bank.example` allow `https://bank.example.evil`).
    pub fn allows_return_url(&self, url: &str) -> bool {
        is_registrable_return_url(url)
            && self
                .return_urls
                .iter()
                .any(|base| match url.strip_prefix(base.as_str()) {
                    Some(rest) => {
                        rest.is_empty()
                            || base.ends_with('/')
                            || rest.starts_with('/')
                            || rest.starts_with('?')
                    }
                    None => false,
                })
    }

    /// The policy in force for `purpose`: the service's own, else the default.
    pub fn policy_for(&self, purpose: &str) -> Option<Policy> {
        self.policies
            .get(purpose)
            .cloned()
            .or_else(|| default_policy(purpose))
    }

    /// The class whose rules `purpose` follows: fixed for a built-in
    /// purpose, declared for the service's own. A purpose defined before
    /// purposes had classes has none stored and counts as `sensitive`: the
    /// safe side (held after a security change) until its service declares
    /// otherwise.
    pub fn class_of(&self, purpose: &str) -> PurposeClass {
        built_in_class(purpose)
            .or_else(|| self.purpose_classes.get(purpose).copied())
            .unwrap_or(PurposeClass::Sensitive)
    }
}

/// A purpose's policy as a settings change gives it: the groups, and for a
/// service's own purpose its class.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PurposePolicy {
    /// Required when defining a purpose of the service's own (`standard`,
    /// `sensitive` or `security_change`; kept when left out of a later
    /// change). A built-in purpose's class is fixed: leave it out, or give
    /// that same class.
    pub class: Option<PurposeClass>,
    pub all_of: Vec<Group>,
}

/// A change to a service's settings (`PATCH /v1/service`): fields left out
/// are kept.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsPatch {
    // The bounds below are those `apply` enforces.
    #[schema(minimum = 6, maximum = 10)]
    pub code_digits: Option<u32>,
    #[schema(minimum = 60, maximum = 3600)]
    pub code_ttl_seconds: Option<u32>,
    #[schema(minimum = 1, maximum = 10)]
    pub max_attempts: Option<u32>,
    #[schema(minimum = 1, maximum = 10)]
    pub max_sends: Option<u32>,
    #[schema(minimum = 0, maximum = 600)]
    pub resend_cooldown_seconds: Option<u32>,
    #[schema(minimum = 0, maximum = 604_800)]
    pub security_hold_seconds: Option<u32>,
    /// Replaces the list of risk signals that raise policies (`[]`: record only).
    pub raise_on_signals: Option<Vec<RiskSignal>>,
    /// Replaces the registered return URLs (at most 10).
    pub return_urls: Option<Vec<String>>,
    /// Alerts the user of sign-ins from a new device or country.
    pub notify_risky_sign_ins: Option<bool>,
    /// How SMS and calls name the service: 1–11 GSM-7 letters, digits and
    /// spaces; `""` goes back to the one derived from the name.
    #[schema(max_length = 11, example = "Acme Bank")]
    pub sms_name: Option<String>,
    /// The service's colour, support contact and privacy link (the logo is
    /// uploaded with `PUT /v1/service/logo`).
    pub brand: Option<BrandPatch>,
    /// Purpose → policy (`{"class"?, "all_of"}`). A policy for a built-in
    /// purpose replaces its default; a new name defines a purpose and must
    /// declare its `class`; `null` removes the service's own policy (the
    /// default applies again, or the purpose is gone).
    #[serde(default)]
    #[schema(value_type = BTreeMap<String, PurposePolicy>)]
    pub policies: BTreeMap<String, Option<PurposePolicy>>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("{field}: expected {min} to {max}")]
    OutOfRange {
        field: &'static str,
        min: u32,
        max: u32,
    },
    #[error("policies.{0}: a purpose is 1–64 characters of a-z 0-9 _")]
    BadPurpose(String),
    #[error("policies.{purpose}: {error}")]
    InvalidPolicy {
        purpose: String,
        error: crate::policy::PolicyError,
    },
    /// SMS, voice and email are restricted or not out-of-band (NIST SP
    /// 800-63B): they never meet a `sensitive` or `security_change`
    /// purpose's policy on their own.
    #[error("policies.{0}: SMS, voice or email alone would meet it; add a group of webauthn, device, totp or hotp")]
    TooWeak(String),
    #[error("policies.{0}.class: a purpose of the service's own declares its class: standard, sensitive (moves money: held after a security change) or security_change")]
    ClassRequired(String),
    #[error("policies.{purpose}.class: {detail}")]
    BadClass {
        purpose: String,
        detail: &'static str,
    },
    #[error("policies: at most 50 purposes")]
    TooManyPurposes,
    #[error("return_urls: {0:?} is not an https:// URL (http:// only for localhost) without user, fragment or spaces")]
    BadReturnUrl(String),
    #[error("return_urls: at most 10")]
    TooManyReturnUrls,
    #[error("sms_name: 1 to 11 letters, digits and spaces of the GSM-7 alphabet, not starting or ending with a space")]
    BadSmsName,
    #[error(transparent)]
    Brand(#[from] BrandError),
}

/// Whether `url` can be registered as a return URL: absolute https (http
/// only for a local development host), no credentials, no fragment, no
/// whitespace or control characters, at most 512 characters.
pub fn is_registrable_return_url(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://").filter(|r| is_local_host(r)))
    else {
        return false;
    };
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    url.len() <= 512
        && !authority.is_empty()
        && !authority.contains('@')
        && !url.contains('#')
        && !url.contains('\\')
        && url.chars().all(|c| c.is_ascii_graphic())
}

fn is_local_host(rest: &str) -> bool {
    let host = rest.split(['/', '?', ':']).next().unwrap_or_default();
    matches!(host, "localhost" | "127.0.0.1")
}

/// Whether `path` is a path on this server ("/security/…"), which
/// Countersign's own pages use as a return URL: never another host.
pub fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && path.len() <= 512
        && path.chars().all(|c| c.is_ascii_graphic())
}

impl ServiceSettings {
    /// The settings after `patch`, or why not; nothing is half-applied.
    pub fn apply(&self, patch: &SettingsPatch) -> Result<ServiceSettings, SettingsError> {
        use crate::policy::{is_valid_purpose_name, Method};
        let mut next = self.clone();
        let bounded =
            |field: &'static str, value: Option<u32>, min: u32, max: u32, slot: &mut u32| {
                match value {
                    Some(v) if !(min..=max).contains(&v) => {
                        Err(SettingsError::OutOfRange { field, min, max })
                    }
                    Some(v) => {
                        *slot = v;
                        Ok(())
                    }
                    None => Ok(()),
                }
            };
        bounded(
            "code_digits",
            patch.code_digits,
            6,
            10,
            &mut next.code_digits,
        )?;
        bounded(
            "code_ttl_seconds",
            patch.code_ttl_seconds,
            60,
            3600,
            &mut next.code_ttl_seconds,
        )?;
        bounded(
            "max_attempts",
            patch.max_attempts,
            1,
            10,
            &mut next.max_attempts,
        )?;
        bounded("max_sends", patch.max_sends, 1, 10, &mut next.max_sends)?;
        bounded(
            "resend_cooldown_seconds",
            patch.resend_cooldown_seconds,
            0,
            600,
            &mut next.resend_cooldown_seconds,
        )?;
        bounded(
            "security_hold_seconds",
            patch.security_hold_seconds,
            0,
            MAX_SECURITY_HOLD_SECONDS,
            &mut next.security_hold_seconds,
        )?;
        if let Some(signals) = &patch.raise_on_signals {
            let mut signals = signals.clone();
            signals.sort();
            signals.dedup();
            next.raise_on_signals = signals;
        }
        if let Some(notify) = patch.notify_risky_sign_ins {
            next.notify_risky_sign_ins = notify;
        }
        match patch.sms_name.as_deref() {
            Some("") => next.sms_name = None,
            Some(name) if !crate::sms::is_valid_sms_name(name) => {
                return Err(SettingsError::BadSmsName)
            }
            Some(name) => next.sms_name = Some(name.to_owned()),
            None => {}
        }
        if let Some(brand) = &patch.brand {
            next.brand = self.brand.apply(brand)?;
        }
        if let Some(urls) = &patch.return_urls {
            if urls.len() > 10 {
                return Err(SettingsError::TooManyReturnUrls);
            }
            if let Some(bad) = urls.iter().find(|u| !is_registrable_return_url(u)) {
                return Err(SettingsError::BadReturnUrl(bad.clone()));
            }
            next.return_urls = urls.clone();
        }
        for (purpose, policy) in &patch.policies {
            if !is_valid_purpose_name(purpose) {
                return Err(SettingsError::BadPurpose(purpose.clone()));
            }
            match policy {
                None => {
                    next.policies.remove(purpose);
                    next.purpose_classes.remove(purpose);
                }
                Some(given) => {
                    let class = next.declared_class(purpose, given.class)?;
                    let policy = Policy {
                        all_of: given.all_of.clone(),
                    };
                    policy
                        .validate()
                        .map_err(|error| SettingsError::InvalidPolicy {
                            purpose: purpose.clone(),
                            error,
                        })?;
                    if class.needs_authenticator()
                        && policy.satisfiable_with(&[Method::Sms, Method::Voice, Method::Email])
                    {
                        return Err(SettingsError::TooWeak(purpose.clone()));
                    }
                    next.policies.insert(purpose.clone(), policy);
                    if built_in_class(purpose).is_none() {
                        next.purpose_classes.insert(purpose.clone(), class);
                    }
                }
            }
        }
        if next.policies.len() > 50 {
            return Err(SettingsError::TooManyPurposes);
        }
        Ok(next)
    }
}

impl ServiceSettings {
    /// The class a change gives `purpose`: a built-in purpose's own (which
    /// `given` may only repeat), else `given`, else the one declared
    /// before. A service's own purpose never gets one silently.
    fn declared_class(
        &self,
        purpose: &str,
        given: Option<PurposeClass>,
    ) -> Result<PurposeClass, SettingsError> {
        let bad = |detail| SettingsError::BadClass {
            purpose: purpose.to_owned(),
            detail,
        };
        match (built_in_class(purpose), given) {
            (Some(fixed), Some(given)) if given != fixed => {
                Err(bad("a built-in purpose's class is fixed; leave it out"))
            }
            (Some(fixed), _) => Ok(fixed),
            (None, Some(given)) if !PurposeClass::DECLARABLE.contains(&given) => Err(bad(
                "verification is for built-in purposes only; expected standard, sensitive or security_change",
            )),
            (None, Some(given)) => Ok(given),
            (None, None) => self
                .purpose_classes
                .get(purpose)
                .copied()
                .ok_or_else(|| SettingsError::ClassRequired(purpose.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Method::*;

    fn patch(json: &str) -> SettingsPatch {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn return_urls_never_open_a_redirect() {
        let s = ServiceSettings::default()
            .apply(&patch(
                r#"{"return_urls": ["https://bank.example/verified", "http://localhost:3000/"]}"#,
            ))
            .unwrap();
        for ok in [
            "https://bank.example/verified",
            "https://bank.example/verified?order=42",
            "https://bank.example/verified/withdrawal",
            "http://localhost:3000/anything",
        ] {
            assert!(s.allows_return_url(ok), "{ok}");
        }
        for bad in [
            "https://bank.example/verified.evil.com",
            "https://bank.example/verifiedx",
            "https://bank.example.evil.com/verified",
            "https://evil.example/verified",
            "https://bank.example/verified#x",
            "javascript:alert(1)",
            "//evil.example/verified",
            "https://bank.example/verified\n",
        ] {
            assert!(!s.allows_return_url(bad), "{bad}");
        }
        for bad in [
            "http://bank.example/",
            "https://user@bank.example/",
            "ftp://bank.example/",
            "https:///nohost",
            "http://localhost.evil.com/",
        ] {
            assert_eq!(
                ServiceSettings::default()
                    .apply(&patch(&format!(r#"{{"return_urls": [{bad:?}]}}"#))),
                Err(SettingsError::BadReturnUrl(bad.into())),
                "{bad}"
            );
        }
        assert!(is_local_path("/security?step=1"));
        for bad in ["//evil.example", "/\\evil.example", "https://x", "/a b"] {
            assert!(!is_local_path(bad), "{bad}");
        }
    }

    #[test]
    fn sms_name_is_set_checked_and_derived_when_unset() {
        let mut service = Service {
            id: ServiceId::new(),
            name: "Acme Bank — Private & Business Banking".into(),
            created_at: Timestamp(0),
            settings: ServiceSettings::default(),
        };
        assert_eq!(service.sms_name(), "Acme Bank P");
        let stored = serde_json::to_string(&service.settings).unwrap();
        assert!(!stored.contains("sms_name"), "unset is left out: {stored}");
        service.settings = service
            .settings
            .apply(&patch(r#"{"sms_name": "Acme"}"#))
            .unwrap();
        assert_eq!(service.sms_name(), "Acme");
        for bad in ["Acme Bank Ltd", " Acme", "Acme!", "Ação"] {
            assert_eq!(
                service
                    .settings
                    .apply(&patch(&format!(r#"{{"sms_name": {bad:?}}}"#))),
                Err(SettingsError::BadSmsName),
                "{bad}"
            );
        }
        service.settings = service
            .settings
            .apply(&patch(r#"{"sms_name": ""}"#))
            .unwrap();
        assert_eq!(service.settings.sms_name, None);
        assert_eq!(service.sms_name(), "Acme Bank P");
        assert_eq!(service.name_on(Channel::Voice, None), "Acme Bank P");
        assert_eq!(service.name_on(Channel::Email, None), service.name);
        let sender = Some("Acme Wealth Management");
        assert_eq!(service.name_on(Channel::Sms, sender), "Acme Wealth");
        assert_eq!(
            service.name_on(Channel::Email, sender),
            "Acme Wealth Management"
        );
    }

    #[test]
    fn a_service_chooses_which_signals_raise_policies() {
        let s = ServiceSettings::default();
        let next = s
            .apply(&patch(
                r#"{"raise_on_signals": ["sim_changed", "ip_changed", "sim_changed"]}"#,
            ))
            .unwrap();
        assert_eq!(
            next.raise_on_signals,
            vec![RiskSignal::IpChanged, RiskSignal::SimChanged]
        );
        let quiet = s.apply(&patch(r#"{"raise_on_signals": []}"#)).unwrap();
        assert!(quiet.raise_on_signals.is_empty());
        assert!(
            serde_json::from_str::<SettingsPatch>(r#"{"raise_on_signals": ["moon_phase"]}"#)
                .is_err()
        );
    }

    #[test]
    fn a_patch_changes_what_it_names_and_nothing_else() {
        let s = ServiceSettings::default();
        let next = s
            .apply(&patch(r#"{"max_attempts": 3, "policies": {"wire": {"class": "sensitive", "all_of": [{"any_of": ["webauthn"]}, {"any_of": ["email"]}]}}}"#))
            .unwrap();
        assert_eq!(next.max_attempts, 3);
        assert_eq!(next.raise_on_signals, s.raise_on_signals);
        assert_eq!(next.code_ttl_seconds, s.code_ttl_seconds);
        assert_eq!(
            next.policy_for("wire"),
            Some(Policy::of(&[&[Webauthn], &[Email]]))
        );
        assert_eq!(next.class_of("wire"), PurposeClass::Sensitive);
        let back = next
            .apply(&patch(r#"{"policies": {"wire": null}}"#))
            .unwrap();
        assert_eq!(back.policy_for("wire"), None);
        assert!(back.purpose_classes.is_empty());
    }

    #[test]
    fn bad_values_and_weak_policies_are_refused() {
        let s = ServiceSettings::default();
        assert_eq!(
            s.apply(&patch(r#"{"max_attempts": 0}"#)),
            Err(SettingsError::OutOfRange {
                field: "max_attempts",
                min: 1,
                max: 10
            })
        );
        assert_eq!(
            s.apply(&patch(
                r#"{"policies": {"Wire!": {"all_of": [{"any_of": ["sms"]}]}}}"#
            )),
            Err(SettingsError::BadPurpose("Wire!".into()))
        );
        assert!(matches!(
            s.apply(&patch(
                r#"{"policies": {"wire": {"class": "standard", "all_of": []}}}"#
            )),
            Err(SettingsError::InvalidPolicy { .. })
        ));
        assert_eq!(
            s.apply(&patch(
                r#"{"policies": {"withdrawal": {"all_of": [{"any_of": ["sms", "totp"]}]}}}"#
            )),
            Err(SettingsError::TooWeak("withdrawal".into()))
        );
        // A standard purpose of the service's own may be as light as the
        // integrator wants.
        assert!(s
            .apply(&patch(
                r#"{"policies": {"newsletter": {"class": "standard", "all_of": [{"any_of": ["email"]}]}}}"#
            ))
            .is_ok());
    }

    #[test]
    fn a_purpose_of_the_services_own_follows_the_rules_of_its_declared_class() {
        let s = ServiceSettings::default();
        let sms_only = |class: &str| {
            patch(&format!(
                r#"{{"policies": {{"payout": {{{class}"all_of": [{{"any_of": ["sms"]}}]}}}}}}"#
            ))
        };
        assert_eq!(
            s.apply(&sms_only("")),
            Err(SettingsError::ClassRequired("payout".into()))
        );
        for class in ["sensitive", "security_change"] {
            assert_eq!(
                s.apply(&sms_only(&format!(r#""class": "{class}", "#))),
                Err(SettingsError::TooWeak("payout".into())),
                "{class}"
            );
        }
        assert!(matches!(
            s.apply(&sms_only(r#""class": "verification", "#)),
            Err(SettingsError::BadClass { .. })
        ));
        let standard = s.apply(&sms_only(r#""class": "standard", "#)).unwrap();
        assert_eq!(standard.class_of("payout"), PurposeClass::Standard);
        // Redefined without a class, it keeps the one it declared.
        let again = standard.apply(&sms_only("")).unwrap();
        assert_eq!(again.class_of("payout"), PurposeClass::Standard);
        let strong = r#"{"policies": {"payout": {"class": "sensitive", "all_of": [{"any_of": ["totp"]}, {"any_of": ["sms"]}]}}}"#;
        let sensitive = again.apply(&patch(strong)).unwrap();
        assert_eq!(sensitive.class_of("payout"), PurposeClass::Sensitive);
        // Built-in purposes keep their class.
        assert!(matches!(
            s.apply(&patch(
                r#"{"policies": {"withdrawal": {"class": "standard", "all_of": [{"any_of": ["sms"]}]}}}"#
            )),
            Err(SettingsError::BadClass { .. })
        ));
        let login = s
            .apply(&patch(
                r#"{"policies": {"login": {"class": "standard", "all_of": [{"any_of": ["sms"]}]}}}"#
            ))
            .unwrap();
        assert!(login.purpose_classes.is_empty());
        assert_eq!(login.class_of("withdrawal"), PurposeClass::Sensitive);
        // A purpose stored before classes existed counts as sensitive.
        let mut legacy = ServiceSettings::default();
        legacy
            .policies
            .insert("payout".into(), Policy::of(&[&[Sms]]));
        assert_eq!(legacy.class_of("payout"), PurposeClass::Sensitive);
    }
}
