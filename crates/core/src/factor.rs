//! Factors: what a user enrolled to prove themselves without a code we send —
//! an authenticator app or hardware OATH token (TOTP, HOTP) and recovery
//! codes. A factor is `pending` until its first correct code proves it was
//! set up right, then `active`.
//!
//! Seeds are kept sealed (see [`crate::keyring`]); this module works on the
//! opened seed and says how the factor's moving factor must advance. The store
//! applies that advance with a conditional update, which is what makes a code
//! good once across racing requests and server processes.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use crate::device::DeviceParams;
use crate::ids::{FactorId, ServiceId, UserKey};
use crate::otp::{match_hotp, match_hotp_pair, match_totp, replays_totp, OtpParams};
use crate::policy::Method;
use crate::secret::{new_grouped_code, normalize_grouped_code};
use crate::user::User;
use crate::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FactorType {
    Totp,
    Hotp,
    RecoveryCodes,
    Device,
    Webauthn,
}

impl FactorType {
    pub fn as_str(self) -> &'static str {
        match self {
            FactorType::Totp => "totp",
            FactorType::Hotp => "hotp",
            FactorType::RecoveryCodes => "recovery_codes",
            FactorType::Device => "device",
            FactorType::Webauthn => "webauthn",
        }
    }

    pub fn parse(name: &str) -> Option<FactorType> {
        match name {
            "totp" => Some(FactorType::Totp),
            "hotp" => Some(FactorType::Hotp),
            "recovery_codes" => Some(FactorType::RecoveryCodes),
            "device" => Some(FactorType::Device),
            "webauthn" => Some(FactorType::Webauthn),
            _ => None,
        }
    }

    /// The challenge method this factor proves.
    pub fn method(self) -> Method {
        match self {
            FactorType::Totp => Method::Totp,
            FactorType::Hotp => Method::Hotp,
            FactorType::RecoveryCodes => Method::RecoveryCode,
            FactorType::Device => Method::Device,
            FactorType::Webauthn => Method::Webauthn,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FactorStatus {
    Pending,
    Active,
}

impl FactorStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FactorStatus::Pending => "pending",
            FactorStatus::Active => "active",
        }
    }

    pub fn parse(name: &str) -> Option<FactorStatus> {
        match name {
            "pending" => Some(FactorStatus::Pending),
            "active" => Some(FactorStatus::Active),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Factor {
    pub id: FactorId,
    pub service_id: ServiceId,
    /// Countersign's user id (`usr_…`).
    pub user_pk: UserKey,
    pub kind: FactorType,
    pub status: FactorStatus,
    pub label: Option<String>,
    /// How the token makes codes (TOTP, HOTP).
    pub otp: Option<OtpParams>,
    /// A trusted device's public key and activation challenge.
    pub device: Option<DeviceParams>,
    /// A passkey's or security key's credential, or its registration while
    /// pending.
    pub webauthn: Option<WebauthnParams>,
    /// The seed, sealed under the master key and bound to this factor's id.
    pub sealed_secret: Option<String>,
    /// A hash of the seed, unique in the service (see [`seed_fingerprint`]);
    /// set when the factor is made, not read back.
    pub seed_fingerprint: Option<String>,
    /// TOTP: the last step accepted (0 before any). HOTP: the next counter.
    /// Only ever moves forward.
    pub moving_factor: u64,
    /// Recovery codes not used yet.
    pub codes_left: Option<u32>,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
}

impl Factor {
    /// A new pending TOTP or HOTP factor. `seal` turns the seed into its
    /// sealed form, given the new factor's id.
    #[allow(clippy::too_many_arguments)]
    pub fn new_otp(
        user: &User,
        kind: FactorType,
        label: Option<String>,
        params: OtpParams,
        counter: u64,
        seed: &[u8],
        seal: impl FnOnce(&str) -> String,
        now: Timestamp,
    ) -> Factor {
        let id = FactorId::new();
        let sealed = seal(&id);
        Factor {
            id,
            service_id: user.service_id.clone(),
            user_pk: user.id.clone(),
            kind,
            status: FactorStatus::Pending,
            label,
            otp: Some(params),
            device: None,
            webauthn: None,
            sealed_secret: Some(sealed),
            seed_fingerprint: Some(seed_fingerprint(seed)),
            moving_factor: counter,
            codes_left: None,
            created_at: now,
            last_used_at: None,
        }
    }

    /// Whether this pending factor waited too long for its first code: a
    /// seed shown a day ago and never confirmed is not to be trusted.
    pub fn activation_expired(&self, now: Timestamp) -> bool {
        self.status == FactorStatus::Pending && now >= self.created_at.plus(PENDING_FACTOR_TTL)
    }

    /// A new pending trusted device, active once it signs its activation
    /// challenge.
    pub fn new_device(
        user: &User,
        label: Option<String>,
        device: DeviceParams,
        now: Timestamp,
    ) -> Factor {
        Factor {
            id: FactorId::new(),
            service_id: user.service_id.clone(),
            user_pk: user.id.clone(),
            kind: FactorType::Device,
            status: FactorStatus::Pending,
            label,
            otp: None,
            device: Some(device),
            webauthn: None,
            sealed_secret: None,
            seed_fingerprint: None,
            moving_factor: 0,
            codes_left: None,
            created_at: now,
            last_used_at: None,
        }
    }

    /// A new pending passkey or security key, waiting for the browser's
    /// answer to `registration`'s options.
    pub fn new_webauthn(
        user: &User,
        label: Option<String>,
        params: WebauthnParams,
        now: Timestamp,
    ) -> Factor {
        Factor {
            id: FactorId::new(),
            service_id: user.service_id.clone(),
            user_pk: user.id.clone(),
            kind: FactorType::Webauthn,
            status: FactorStatus::Pending,
            label,
            otp: None,
            device: None,
            webauthn: Some(params),
            sealed_secret: None,
            seed_fingerprint: None,
            moving_factor: 0,
            codes_left: None,
            created_at: now,
            last_used_at: None,
        }
    }

    /// A new, active set of recovery codes.
    pub fn new_recovery_codes(user: &User, now: Timestamp) -> Factor {
        Factor {
            id: FactorId::new(),
            service_id: user.service_id.clone(),
            user_pk: user.id.clone(),
            kind: FactorType::RecoveryCodes,
            status: FactorStatus::Active,
            label: None,
            otp: None,
            device: None,
            webauthn: None,
            sealed_secret: None,
            seed_fingerprint: None,
            moving_factor: 0,
            codes_left: Some(RECOVERY_CODE_COUNT as u32),
            created_at: now,
            last_used_at: None,
        }
    }

    /// For a TOTP or HOTP factor whose opened seed is `secret`: the moving
    /// factor to store if `typed` is right now, `None` if it is wrong or was
    /// already used.
    pub fn match_code(&self, secret: &[u8], typed: &str, now: Timestamp) -> Option<u64> {
        let params = self.otp.as_ref()?;
        match self.kind {
            FactorType::Totp => match_totp(secret, params, typed, now, self.moving_factor),
            FactorType::Hotp => {
                match_hotp(secret, params, typed, self.moving_factor).map(|c| c + 1)
            }
            FactorType::RecoveryCodes | FactorType::Device | FactorType::Webauthn => None,
        }
    }

    /// For a TOTP factor whose opened seed is `secret`: whether `typed` is
    /// one of its codes that was already used (see [`replays_totp`]).
    pub fn replays_code(&self, secret: &[u8], typed: &str, now: Timestamp) -> bool {
        match (self.kind, self.otp.as_ref()) {
            (FactorType::Totp, Some(params)) => {
                replays_totp(secret, params, typed, now, self.moving_factor)
            }
            _ => false,
        }
    }

    /// For a drifted HOTP token: the moving factor to store when `first` and
    /// `second` are consecutive codes within the resync window.
    pub fn match_resync(&self, secret: &[u8], first: &str, second: &str) -> Option<u64> {
        match (self.kind, self.otp.as_ref()) {
            (FactorType::Hotp, Some(params)) => {
                match_hotp_pair(secret, params, first, second, self.moving_factor).map(|c| c + 1)
            }
            _ => None,
        }
    }
}

/// Which WebAuthn authenticator: a passkey (discoverable, user verification
/// required, may sync between devices) or a physical security key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WebauthnKind {
    Passkey,
    SecurityKey,
}

/// What a WebAuthn factor keeps. The credential and the registration state
/// are the WebAuthn library's own records, kept opaque here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WebauthnParams {
    pub kind: WebauthnKind,
    /// The registration ceremony's server-side state, while pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<serde_json::Value>,
    /// The credential (id, public key, counter), once registered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential: Option<serde_json::Value>,
    /// Base64url credential id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_id: Option<String>,
    #[serde(default)]
    pub transports: Vec<String>,
    /// Whether the passkey is backed up (synced), as the authenticator said.
    #[serde(default)]
    pub backed_up: bool,
}

impl Eq for WebauthnParams {}

/// How long a pending factor may wait for the code that activates it.
pub const PENDING_FACTOR_TTL: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// A hash of an OATH seed. A plain SHA-256 is safe here: a seed has 128 bits
/// or more, so the hash reveals nothing; it survives key rotation.
pub fn seed_fingerprint(seed: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(b"countersign/seed-fingerprint/v1|");
    h.update(seed);
    crate::to_hex(h.finalize())
}

/// How many recovery codes a set holds.
pub const RECOVERY_CODE_COUNT: usize = 10;
/// 16 characters of 5 bits: 80 bits, far beyond guessing.
const RECOVERY_CODE_LEN: usize = 16;

/// A new set of recovery codes, shown as `xxxx-xxxx-xxxx-xxxx`.
pub fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODE_COUNT)
        .map(|_| new_grouped_code(RECOVERY_CODE_LEN))
        .collect()
}

/// A recovery code as typed, in its canonical form.
pub fn normalize_recovery_code(typed: &str) -> Option<String> {
    normalize_grouped_code(typed, RECOVERY_CODE_LEN)
}

/// How a recovery code is stored and looked up. A plain SHA-256 is enough (as
/// for API keys): 80 random bits leave nothing to brute-force, and the hash
/// survives key rotation. Bound to the set, so a hash means nothing elsewhere.
pub fn recovery_code_hash(factor_id: &str, canonical_code: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"countersign/recovery-code/v1|");
    h.update(factor_id.as_bytes());
    h.update(b"|");
    h.update(canonical_code.as_bytes());
    crate::to_hex(h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::otp::{hotp, totp, OtpAlgorithm};

    const T0: Timestamp = Timestamp(1_900_000_000_000);
    const SEED: &[u8] = b"12345678901234567890";

    fn factor(kind: FactorType, moving: u64) -> Factor {
        let user = User::new(
            &crate::ids::ServiceId::from_trusted("svc_1"),
            &crate::ids::UserId::from_trusted("alice"),
            T0,
        );
        Factor::new_otp(
            &user,
            kind,
            None,
            OtpParams::default(),
            moving,
            SEED,
            |id| format!("sealed-for-{id}"),
            T0,
        )
    }

    #[test]
    fn a_new_otp_factor_is_pending_and_sealed_for_its_own_id() {
        let f = factor(FactorType::Totp, 0);
        assert_eq!(f.status, FactorStatus::Pending);
        assert_eq!(f.sealed_secret, Some(format!("sealed-for-{}", f.id)));
        assert!(!f.activation_expired(Timestamp(T0.plus(PENDING_FACTOR_TTL).millis() - 1)));
        assert!(f.activation_expired(T0.plus(PENDING_FACTOR_TTL)));
    }

    #[test]
    fn totp_moves_to_the_step_it_accepted() {
        let mut f = factor(FactorType::Totp, 0);
        let code = totp(SEED, T0, &OtpParams::default());
        let step = f.match_code(SEED, &code, T0).unwrap();
        f.moving_factor = step;
        assert_eq!(f.match_code(SEED, &code, T0), None, "replayed");
    }

    #[test]
    fn a_used_totp_code_is_told_apart_from_a_wrong_one() {
        let mut f = factor(FactorType::Totp, 0);
        let p = OtpParams::default();
        let code = totp(SEED, T0, &p);
        assert!(!f.replays_code(SEED, &code, T0), "not used yet");
        f.moving_factor = f.match_code(SEED, &code, T0).unwrap();
        assert!(f.replays_code(SEED, &code, T0));
        let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
        assert!(!f.replays_code(SEED, &wrong, T0));
        // Out of the window, an old code is only wrong.
        let later = T0.plus(std::time::Duration::from_secs(120));
        assert!(!f.replays_code(SEED, &code, later));
        // The next step's code, not used yet, is no replay.
        let next = totp(SEED, T0.plus(std::time::Duration::from_secs(30)), &p);
        assert!(!f.replays_code(SEED, &next, T0));
        assert!(!factor(FactorType::Hotp, 0).replays_code(SEED, &code, T0));
    }

    #[test]
    fn hotp_moves_past_the_counter_it_accepted() {
        let mut f = factor(FactorType::Hotp, 3);
        let p = OtpParams::default();
        assert_eq!(f.match_code(SEED, &hotp(SEED, 7, &p), T0), Some(8));
        f.moving_factor = 8;
        assert_eq!(f.match_code(SEED, &hotp(SEED, 7, &p), T0), None);
        assert_eq!(
            f.match_resync(SEED, &hotp(SEED, 60, &p), &hotp(SEED, 61, &p)),
            Some(62)
        );
        let sha256 = OtpParams {
            algorithm: OtpAlgorithm::Sha256,
            ..p
        };
        assert_eq!(
            f.match_code(SEED, &hotp(SEED, 8, &sha256), T0),
            None,
            "another algorithm's code"
        );
    }

    #[test]
    fn recovery_codes_are_distinct_high_entropy_and_typo_tolerant() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODE_COUNT);
        for c in &codes {
            assert_eq!(c.len(), 19);
            let canonical = normalize_recovery_code(c).unwrap();
            assert_eq!(
                normalize_recovery_code(&c.to_uppercase().replace('-', " ")),
                Some(canonical)
            );
        }
        assert_eq!(
            normalize_recovery_code("OIl0-0000-0000-0000").as_deref(),
            Some("0110000000000000")
        );
        assert_eq!(normalize_recovery_code("0000-0000-0000-000"), None);
        assert_eq!(normalize_recovery_code("uuuu-0000-0000-0000"), None);
    }

    #[test]
    fn recovery_hashes_are_bound_to_their_set() {
        let a = recovery_code_hash("fac_1", "0123456789abcdef");
        assert_eq!(a, recovery_code_hash("fac_1", "0123456789abcdef"));
        assert_ne!(a, recovery_code_hash("fac_2", "0123456789abcdef"));
        assert!(!a.contains("0123456789abcdef"));
    }
}
