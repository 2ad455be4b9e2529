//! Which methods prove a user for which purpose.
//!
//! A [`Policy`] is a list of groups that must all be met; a group is met by any
//! one of its methods. The defaults follow NIST SP 800-63B: SMS and voice are
//! restricted authenticators and email is not an out-of-band authenticator, so
//! none of them is ever enough on its own to move money or change security
//! settings.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use utoipa::ToSchema;

/// A way of proving oneself.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Webauthn,
    Device,
    Totp,
    Hotp,
    Sms,
    Voice,
    Email,
    RecoveryCode,
}

impl Method {
    /// All methods, strongest first: the order in which they are offered.
    pub const ALL: [Method; 8] = [
        Method::Webauthn,
        Method::Device,
        Method::Totp,
        Method::Hotp,
        Method::Email,
        Method::Sms,
        Method::Voice,
        Method::RecoveryCode,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Webauthn => "webauthn",
            Method::Device => "device",
            Method::Totp => "totp",
            Method::Hotp => "hotp",
            Method::Sms => "sms",
            Method::Voice => "voice",
            Method::Email => "email",
            Method::RecoveryCode => "recovery_code",
        }
    }

    /// The channel that carries this method's code, for the methods whose code
    /// Countersign sends.
    pub fn channel(self) -> Option<Channel> {
        match self {
            Method::Sms => Some(Channel::Sms),
            Method::Voice => Some(Channel::Voice),
            Method::Email => Some(Channel::Email),
            _ => None,
        }
    }
}

/// A way of delivering a code to the user.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Sms,
    Voice,
    Email,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Sms, Channel::Voice, Channel::Email];

    pub fn as_str(self) -> &'static str {
        self.method().as_str()
    }

    pub fn method(self) -> Method {
        match self {
            Channel::Sms => Method::Sms,
            Channel::Voice => Method::Voice,
            Channel::Email => Method::Email,
        }
    }

    /// SMS and voice reach the phone number; email the address.
    pub fn uses_phone(self) -> bool {
        matches!(self, Channel::Sms | Channel::Voice)
    }
}

/// One requirement: met by any one of these methods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub any_of: Vec<Method>,
}

/// Every group must be met for the challenge to be approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub all_of: Vec<Group>,
}

#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum PolicyError {
    #[error("a policy needs at least one group")]
    Empty,
    #[error("group {0} lists no method")]
    EmptyGroup(usize),
    #[error("a policy has at most 4 groups")]
    TooManyGroups,
    #[error("method {0} appears in more than one group")]
    RepeatedMethod(&'static str),
}

impl Policy {
    pub fn of(groups: &[&[Method]]) -> Policy {
        Policy {
            all_of: groups
                .iter()
                .map(|g| Group { any_of: g.to_vec() })
                .collect(),
        }
    }

    /// Rejects policies that could never be met or that are ambiguous (one
    /// method counting for two groups would let one factor pass as two).
    pub fn validate(&self) -> Result<(), PolicyError> {
        if self.all_of.is_empty() {
            return Err(PolicyError::Empty);
        }
        if self.all_of.len() > 4 {
            return Err(PolicyError::TooManyGroups);
        }
        let mut seen = Vec::new();
        for (i, g) in self.all_of.iter().enumerate() {
            if g.any_of.is_empty() {
                return Err(PolicyError::EmptyGroup(i));
            }
            for m in &g.any_of {
                if seen.contains(m) {
                    return Err(PolicyError::RepeatedMethod(m.as_str()));
                }
                seen.push(*m);
            }
        }
        Ok(())
    }

    /// The groups not yet met by `satisfied`.
    pub fn remaining(&self, satisfied: &[Method]) -> Vec<&Group> {
        self.all_of
            .iter()
            .filter(|g| !g.any_of.iter().any(|m| satisfied.contains(m)))
            .collect()
    }

    pub fn is_met(&self, satisfied: &[Method]) -> bool {
        self.remaining(satisfied).is_empty()
    }

    /// Whether `method` would still count towards an unmet group.
    pub fn still_needs(&self, method: Method, satisfied: &[Method]) -> bool {
        self.remaining(satisfied)
            .iter()
            .any(|g| g.any_of.contains(&method))
    }

    /// Every method that appears in the policy.
    pub fn methods(&self) -> impl Iterator<Item = Method> + '_ {
        self.all_of.iter().flat_map(|g| g.any_of.iter().copied())
    }

    /// Whether a user who has `available` could ever meet this policy.
    pub fn satisfiable_with(&self, available: &[Method]) -> bool {
        self.all_of
            .iter()
            .all(|g| g.any_of.iter().any(|m| available.contains(m)))
    }
}

/// The purposes Countersign knows without configuration.
pub const BUILT_IN_PURPOSES: [&str; 5] = [
    "login",
    "withdrawal",
    "security_change",
    "support_call",
    "verify_contact",
];

/// What a purpose protects. The rules that hold whatever a service's policy
/// says hang on the class, never on a purpose's name, so that a service's
/// own `payout` is guarded like the built-in `withdrawal`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PurposeClass {
    /// Signing in and everyday actions: any valid policy; risk signals
    /// raise it.
    Standard,
    /// Moves money or value out of the account: never met by SMS, voice or
    /// email alone, raised by risk, and held after a security change.
    Sensitive,
    /// Changes how the account is protected: never met by SMS, voice or
    /// email alone and raised by risk, but not held (a security change is
    /// what starts the hold).
    SecurityChange,
    /// Proves a contact point or a caller (built-in `verify_contact` and
    /// `support_call` only): the policy is the proof itself, so risk does not
    /// raise it, and its approvals do not teach where the user usually is.
    Verification,
}

impl PurposeClass {
    /// The classes a service may give its own purposes.
    pub const DECLARABLE: [PurposeClass; 3] = [
        PurposeClass::Standard,
        PurposeClass::Sensitive,
        PurposeClass::SecurityChange,
    ];

    /// Whether SMS, voice and email codes must never meet the policy alone
    /// (restricted or not out-of-band in NIST SP 800-63B).
    pub fn needs_authenticator(self) -> bool {
        matches!(self, PurposeClass::Sensitive | PurposeClass::SecurityChange)
    }

    /// Whether a recent security change holds an approval.
    pub fn held_after_security_change(self) -> bool {
        self == PurposeClass::Sensitive
    }

    /// Whether risk signals raise the policy (and approvals count as the
    /// user's usual places).
    pub fn raised_by_risk(self) -> bool {
        self != PurposeClass::Verification
    }
}

/// The fixed class of a built-in purpose.
pub fn built_in_class(purpose: &str) -> Option<PurposeClass> {
    Some(match purpose {
        "login" => PurposeClass::Standard,
        "withdrawal" => PurposeClass::Sensitive,
        "security_change" => PurposeClass::SecurityChange,
        "support_call" | "verify_contact" => PurposeClass::Verification,
        _ => return None,
    })
}

/// A purpose name as integrators may define it: 1–64 of `[a-z0-9_]`.
pub fn is_valid_purpose_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The default policy of a built-in purpose.
pub fn default_policy(purpose: &str) -> Option<Policy> {
    use Method::*;
    let strong: &[Method] = &[Webauthn, Device, Totp, Hotp];
    let out_of_band: &[Method] = &[Email, Sms, Voice];
    let policy = match purpose {
        // Any one method signs a user in; recovery codes are the way back in
        // for someone who lost their authenticator.
        "login" => Policy::of(&[&[
            Webauthn,
            Device,
            Totp,
            Hotp,
            Email,
            Sms,
            Voice,
            RecoveryCode,
        ]]),
        // Money moves only with something the user holds AND an
        // out-of-band confirmation: a stolen SIM alone is not enough.
        "withdrawal" => Policy::of(&[strong, out_of_band]),
        "security_change" => {
            Policy::of(&[&[Webauthn, Device, Totp, Hotp, RecoveryCode], out_of_band])
        }
        // The customer on a support call proves the account (authenticator)
        // and the contact address given in the ticket (email code).
        "support_call" => Policy::of(&[&[Totp, Hotp, Webauthn], &[Email]]),
        // A code to the address or number being verified.
        "verify_contact" => Policy::of(&[out_of_band]),
        _ => return None,
    };
    Some(policy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Method::*;

    #[test]
    fn every_default_policy_is_valid() {
        for p in BUILT_IN_PURPOSES {
            default_policy(p).unwrap().validate().unwrap();
        }
        assert!(default_policy("unknown").is_none());
    }

    #[test]
    fn every_built_in_purpose_has_a_class_and_its_default_obeys_it() {
        for p in BUILT_IN_PURPOSES {
            let class = built_in_class(p).unwrap();
            if class.needs_authenticator() {
                assert!(
                    !default_policy(p)
                        .unwrap()
                        .satisfiable_with(&[Sms, Voice, Email]),
                    "{p}"
                );
            }
        }
        assert_eq!(built_in_class("payout"), None);
        assert!(PurposeClass::Sensitive.held_after_security_change());
        assert!(!PurposeClass::SecurityChange.held_after_security_change());
        assert!(!PurposeClass::Verification.raised_by_risk());
        assert!(!PurposeClass::DECLARABLE.contains(&PurposeClass::Verification));
    }

    #[test]
    fn sms_alone_never_moves_money_or_changes_security() {
        for p in ["withdrawal", "security_change", "support_call"] {
            let policy = default_policy(p).unwrap();
            for lone in [Sms, Voice, Email] {
                assert!(!policy.is_met(&[lone]), "{p} met by {lone:?} alone");
            }
            assert!(
                !policy.is_met(&[Sms, Voice, Email]),
                "{p} met by phone+email"
            );
        }
    }

    #[test]
    fn groups_are_met_in_any_order() {
        let p = default_policy("withdrawal").unwrap();
        assert_eq!(p.remaining(&[]).len(), 2);
        assert_eq!(p.remaining(&[Email]).len(), 1);
        assert!(p.still_needs(Totp, &[Email]));
        assert!(!p.still_needs(Sms, &[Email]));
        assert!(p.is_met(&[Email, Totp]));
        assert!(p.is_met(&[Webauthn, Sms]));
    }

    #[test]
    fn satisfiable_only_when_each_group_has_an_available_method() {
        let p = default_policy("withdrawal").unwrap();
        assert!(!p.satisfiable_with(&[Sms, Email]));
        assert!(p.satisfiable_with(&[Sms, Totp]));
        assert!(default_policy("login").unwrap().satisfiable_with(&[Email]));
    }

    #[test]
    fn invalid_policies_are_refused() {
        assert_eq!(
            Policy { all_of: vec![] }.validate(),
            Err(PolicyError::Empty)
        );
        assert_eq!(
            Policy::of(&[&[Sms], &[]]).validate(),
            Err(PolicyError::EmptyGroup(1))
        );
        assert_eq!(
            Policy::of(&[&[Sms], &[Sms, Email]]).validate(),
            Err(PolicyError::RepeatedMethod("sms"))
        );
        assert_eq!(
            Policy::of(&[&[Sms], &[Email], &[Totp], &[Hotp], &[Voice]]).validate(),
            Err(PolicyError::TooManyGroups)
        );
    }

    #[test]
    fn policies_read_as_json() {
        let p: Policy = serde_json::from_str(
            r#"{"all_of":[{"any_of":["totp","webauthn"]},{"any_of":["email"]}]}"#,
        )
        .unwrap();
        assert_eq!(p, Policy::of(&[&[Totp, Webauthn], &[Email]]));
        assert!(
            serde_json::from_str::<Policy>(r#"{"all_of":[{"any_of":["carrier_pigeon"]}]}"#)
                .is_err()
        );
    }

    #[test]
    fn purpose_names() {
        assert!(is_valid_purpose_name("wire_transfer_2"));
        assert!(!is_valid_purpose_name("Wire"));
        assert!(!is_valid_purpose_name(""));
    }
}
