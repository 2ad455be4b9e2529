//! A service is a tenant: one integrator's application, its API key and its
//! protection settings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::lockout::LockoutPolicy;
use crate::policy::{default_policy, Policy};
use crate::Timestamp;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Service {
    pub id: String,
    pub name: String,
    pub created_at: Timestamp,
    pub settings: ServiceSettings,
}

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
    /// Policies that replace a built-in purpose's default, or define new purposes.
    pub policies: BTreeMap<String, Policy>,
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
            policies: BTreeMap::new(),
        }
    }
}

impl ServiceSettings {
    /// The policy in force for `purpose`: the service's own, else the default.
    pub fn policy_for(&self, purpose: &str) -> Option<Policy> {
        self.policies
            .get(purpose)
            .cloned()
            .or_else(|| default_policy(purpose))
    }
}
