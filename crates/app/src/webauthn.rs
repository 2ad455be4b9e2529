//! Passkeys and security keys through webauthn-rs: the relying party from
//! `[webauthn]` config, the ceremonies' options and state as JSON (state is
//! kept server-side, in the factor row or the challenge), and the attestation
//! policy for security keys.
//!
//! Choices made here, after measuring Chromium (see the README):
//! passkey registration asks for a discoverable credential (usernameless
//! sign-in) with user verification; security-key registration drops the
//! credProtect extension, which Chromium refuses together with
//! `userVerification: preferred`; discoverable sign-in is modal, not
//! conditional, unless the page asks for autofill itself.

use std::path::PathBuf;

use countersign_core::factor::{Factor, FactorStatus, FactorType, WebauthnKind, WebauthnParams};
use countersign_core::ids::{FactorId, UserKey};
use countersign_core::user::User;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use webauthn_rs::prelude::*;
use webauthn_rs_proto::ResidentKeyRequirement;

use crate::config::WebauthnConfig;

/// A security key model the operator trusts: its vendor's attestation root
/// and the AAGUIDs of the models accepted under it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedAuthenticator {
    /// PEM file of the vendor's attestation root certificate.
    pub ca_pem_file: PathBuf,
    /// AAGUIDs of the accepted models, e.g. "cb69481e-8ff7-4039-93ec-0a2729a154a8".
    pub aaguids: Vec<String>,
    #[serde(default)]
    pub description: String,
}

/// Why a ceremony did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum CeremonyError {
    /// The browser's answer is malformed, for another challenge or origin,
    /// or its signature does not verify.
    #[error("{0}")]
    Refused(String),
    /// The security key's attestation is not one the policy trusts.
    #[error("this authenticator is not accepted here: {0}")]
    Untrusted(String),
    /// The signature counter did not grow: a cloned key, or a replay.
    #[error("the authenticator's signature counter went backwards")]
    PossibleClone,
    #[error("internal WebAuthn error: {0}")]
    Internal(String),
}

impl From<WebauthnError> for CeremonyError {
    fn from(e: WebauthnError) -> Self {
        match e {
            WebauthnError::CredentialPossibleCompromise => CeremonyError::PossibleClone,
            WebauthnError::AttestationUntrustedAaguid
            | WebauthnError::AttestationChainNotTrusted(_)
            | WebauthnError::AttestationNotVerifiable => CeremonyError::Untrusted(e.to_string()),
            other => CeremonyError::Refused(other.to_string()),
        }
    }
}

fn to_value<T: Serialize>(v: &T) -> Result<Value, CeremonyError> {
    serde_json::to_value(v).map_err(|e| CeremonyError::Internal(e.to_string()))
}

fn from_value<T: serde::de::DeserializeOwned>(v: &Value) -> Result<T, CeremonyError> {
    serde_json::from_value(v.clone()).map_err(|e| CeremonyError::Refused(e.to_string()))
}

/// A browser's credential, from outside: its structs must be JSON objects
/// (an array is not read field by field).
fn credential_from<T: serde::de::DeserializeOwned>(v: &Value) -> Result<T, CeremonyError> {
    countersign_core::json::from_value(v.clone()).map_err(|e| CeremonyError::Refused(e.to_string()))
}

/// A challenge's server-side authentication state: which flow made it.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum AuthState {
    Passkey(PasskeyAuthentication),
    SecurityKey(SecurityKeyAuthentication),
}

/// The options to send to the browser and the state to keep.
pub struct Ceremony {
    pub options: Value,
    pub state: Value,
}

/// What a successful assertion changes on its factor.
pub struct Used {
    pub factor_id: FactorId,
    pub params: WebauthnParams,
    pub counter: u32,
}

/// The relying party: Countersign as the site passkeys are bound to.
pub struct RelyingParty {
    webauthn: Webauthn,
    trusted: Option<AttestationCaList>,
}

impl RelyingParty {
    pub fn from_config(config: &WebauthnConfig) -> Result<RelyingParty, String> {
        let origin = Url::parse(&config.origin)
            .map_err(|e| format!("webauthn.origin {:?}: {e}", config.origin))?;
        let webauthn = WebauthnBuilder::new(&config.rp_id, &origin)
            .map_err(|e| {
                format!(
                    "webauthn.rp_id {:?} does not fit origin {:?} (an IP address cannot be an RP ID; use localhost): {e}",
                    config.rp_id, config.origin
                )
            })?
            .rp_name(&config.rp_name)
            .build()
            .map_err(|e| format!("webauthn: {e}"))?;
        let trusted = if config.trusted_security_keys.is_empty() {
            None
        } else {
            let mut builder = AttestationCaListBuilder::new();
            for t in &config.trusted_security_keys {
                let pem = std::fs::read(&t.ca_pem_file).map_err(|e| {
                    format!(
                        "webauthn.trusted_security_keys: {}: {e}",
                        t.ca_pem_file.display()
                    )
                })?;
                for aaguid in &t.aaguids {
                    let id = Uuid::parse_str(aaguid).map_err(|e| {
                        format!("webauthn.trusted_security_keys: AAGUID {aaguid:?}: {e}")
                    })?;
                    builder
                        .insert_device_pem(&pem, id, t.description.clone(), Default::default())
                        .map_err(|e| {
                            format!(
                                "webauthn.trusted_security_keys: {}: {e}",
                                t.ca_pem_file.display()
                            )
                        })?;
                }
            }
            Some(builder.build())
        };
        Ok(RelyingParty { webauthn, trusted })
    }

    /// The stable handle of a user or an operator: Countersign's 128-bit id
    /// (`usr_…`, `opr_…`) as a UUID.
    fn handle_of(id: &str) -> Uuid {
        let hex = id.split_once('_').map_or(id, |(_, hex)| hex);
        hex::decode(hex)
            .ok()
            .and_then(|b| Uuid::from_slice(&b).ok())
            .unwrap_or_else(|| {
                let digest = <sha2::Sha256 as sha2::Digest>::digest(id.as_bytes());
                let mut bytes = [0u8; 16];
                bytes.copy_from_slice(&digest[..16]);
                Uuid::from_bytes(bytes)
            })
    }

    /// The id with `prefix` a discoverable credential's handle names.
    fn id_of(prefix: &str, handle: Uuid) -> String {
        format!("{prefix}_{}", countersign_core::to_hex(handle.as_bytes()))
    }

    /// The user id a discoverable credential's handle names.
    pub fn user_pk_of(handle: Uuid) -> UserKey {
        UserKey::from_trusted(Self::id_of("usr", handle))
    }

    /// A passkey registration: a discoverable credential (usernameless
    /// sign-in) with user verification.
    fn passkey_registration(
        &self,
        handle: Uuid,
        name: &str,
        display: &str,
        exclude: Option<Vec<CredentialID>>,
    ) -> Result<Ceremony, CeremonyError> {
        let (mut ccr, state) = self
            .webauthn
            .start_passkey_registration(handle, name, display, exclude)?;
        let selection = ccr
            .public_key
            .authenticator_selection
            .get_or_insert_with(Default::default);
        selection.require_resident_key = true;
        selection.resident_key = Some(ResidentKeyRequirement::Required);
        Ok(Ceremony {
            options: to_value(&ccr)?,
            state: to_value(&state)?,
        })
    }

    /// Starts the registration of an operator's passkey (the console's own
    /// sign-in), excluding the keys they have.
    pub fn start_operator_registration(
        &self,
        operator_id: &str,
        name: &str,
    ) -> Result<Ceremony, CeremonyError> {
        self.passkey_registration(Self::handle_of(operator_id), name, name, None)
    }

    /// Checks an operator's passkey registration: the credential id
    /// (base64url) and the passkey to keep.
    pub fn finish_operator_registration(
        &self,
        state: &Value,
        credential: &Value,
    ) -> Result<(String, Value), CeremonyError> {
        let response: RegisterPublicKeyCredential = credential_from(credential)?;
        let key = self
            .webauthn
            .finish_passkey_registration(&response, &from_value(state)?)?;
        Ok((URL_SAFE.encode(key.cred_id().as_slice()), to_value(&key)?))
    }

    /// The operator (`opr_…`) and the credential id (base64url) a
    /// discoverable assertion claims (unverified until
    /// [`RelyingParty::finish_operator_assertion`]).
    pub fn identify_operator(&self, credential: &Value) -> Result<(String, String), CeremonyError> {
        let assertion: PublicKeyCredential = credential_from(credential)?;
        let (handle, used) = self
            .webauthn
            .identify_discoverable_authentication(&assertion)?;
        Ok((Self::id_of("opr", handle), URL_SAFE.encode(used)))
    }

    /// Checks a discoverable assertion by an operator's `stored` passkey;
    /// the passkey brought up to date (its counter).
    pub fn finish_operator_assertion(
        &self,
        state: &Value,
        credential: &Value,
        stored: &Value,
    ) -> Result<Value, CeremonyError> {
        let assertion: PublicKeyCredential = credential_from(credential)?;
        let mut key: Passkey = from_value(stored)?;
        let result = self.webauthn.finish_discoverable_authentication_v2(
            &assertion,
            from_value(state)?,
            &key,
        )?;
        key.update_credential(&result);
        to_value(&key)
    }

    /// Starts a registration; `existing` credentials are excluded so a key
    /// is not registered twice.
    pub fn start_registration(
        &self,
        kind: WebauthnKind,
        user: &User,
        existing: &[Factor],
    ) -> Result<Ceremony, CeremonyError> {
        let name = user
            .email
            .clone()
            .unwrap_or_else(|| user.user_id.to_string());
        let display = user.display_name.clone().unwrap_or_else(|| name.clone());
        let exclude: Vec<CredentialID> = existing
            .iter()
            .filter_map(|f| f.webauthn.as_ref()?.credential_id.as_ref())
            .filter_map(|id| URL_SAFE.decode(id).ok())
            .collect();
        let exclude = (!exclude.is_empty()).then_some(exclude);
        let handle = Self::handle_of(&user.id);
        match kind {
            WebauthnKind::Passkey => self.passkey_registration(handle, &name, &display, exclude),
            WebauthnKind::SecurityKey => {
                let (mut ccr, state) = self.webauthn.start_securitykey_registration(
                    handle,
                    &name,
                    &display,
                    exclude,
                    self.trusted.clone(),
                    None,
                )?;
                if let Some(ext) = ccr.public_key.extensions.as_mut() {
                    ext.cred_protect = None;
                }
                Ok(Ceremony {
                    options: to_value(&ccr)?,
                    state: to_value(&state)?,
                })
            }
        }
    }

    /// Checks the browser's answer to a registration and returns what the
    /// factor keeps.
    pub fn finish_registration(
        &self,
        kind: WebauthnKind,
        state: &Value,
        credential: &Value,
    ) -> Result<WebauthnParams, CeremonyError> {
        let response: RegisterPublicKeyCredential = credential_from(credential)?;
        let (stored, internals) = match kind {
            WebauthnKind::Passkey => {
                let key = self
                    .webauthn
                    .finish_passkey_registration(&response, &from_value(state)?)?;
                (to_value(&key)?, Credential::from(key))
            }
            WebauthnKind::SecurityKey => {
                let key = self
                    .webauthn
                    .finish_securitykey_registration(&response, &from_value(state)?)?;
                (to_value(&key)?, Credential::from(key))
            }
        };
        Ok(WebauthnParams {
            kind,
            registration: None,
            credential: Some(stored),
            credential_id: Some(URL_SAFE.encode(internals.cred_id.as_slice())),
            // As the browser reported them (getTransports()): informational.
            transports: credential["response"]["transports"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|t| t.as_str())
                .filter(|t| t.len() <= 16 && t.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
                .take(8)
                .map(str::to_owned)
                .collect(),
            backed_up: internals.backup_state,
        })
    }

    /// Options for a challenge, listing all the user's keys. With passkeys
    /// only, user verification is required; once the user also has a
    /// security key (which may have no PIN), the request says "preferred"
    /// and the answer is still refused if a passkey did not verify the user.
    /// `None` without keys.
    pub fn start_authentication(
        &self,
        factors: &[Factor],
    ) -> Result<Option<Ceremony>, CeremonyError> {
        let passkeys: Vec<Passkey> = credentials(factors, WebauthnKind::Passkey)?;
        let security_keys: Vec<SecurityKey> = credentials(factors, WebauthnKind::SecurityKey)?;
        let (options, state) = if security_keys.is_empty() {
            if passkeys.is_empty() {
                return Ok(None);
            }
            let (rcr, state) = self.webauthn.start_passkey_authentication(&passkeys)?;
            (to_value(&rcr)?, AuthState::Passkey(state))
        } else {
            let all: Vec<SecurityKey> = passkeys
                .into_iter()
                .map(|p| SecurityKey::from(Credential::from(p)))
                .chain(security_keys)
                .collect();
            let (rcr, state) = self.webauthn.start_securitykey_authentication(&all)?;
            (to_value(&rcr)?, AuthState::SecurityKey(state))
        };
        Ok(Some(Ceremony {
            options,
            state: to_value(&state)?,
        }))
    }

    /// Checks an assertion against a challenge's state and the user's
    /// factors; returns the factor used with its updated credential.
    pub fn finish_authentication(
        &self,
        state: &Value,
        credential: &Value,
        factors: &[Factor],
    ) -> Result<Used, CeremonyError> {
        let assertion: PublicKeyCredential = credential_from(credential)?;
        let result = match from_value::<AuthState>(state)? {
            AuthState::Passkey(s) => self
                .webauthn
                .finish_passkey_authentication(&assertion, &s)?,
            AuthState::SecurityKey(s) => self
                .webauthn
                .finish_securitykey_authentication(&assertion, &s)?,
        };
        updated(factors, &result)
    }

    /// Usernameless sign-in: options that let the browser offer any of this
    /// site's passkeys.
    pub fn start_discoverable(&self) -> Result<Ceremony, CeremonyError> {
        let (mut rcr, state) = self.webauthn.start_discoverable_authentication()?;
        rcr.mediation = None;
        Ok(Ceremony {
            options: to_value(&rcr)?,
            state: to_value(&state)?,
        })
    }

    /// The user a discoverable assertion claims to be (unverified until
    /// [`RelyingParty::finish_discoverable`]).
    pub fn identify(&self, credential: &Value) -> Result<UserKey, CeremonyError> {
        let assertion: PublicKeyCredential = credential_from(credential)?;
        let (handle, _) = self
            .webauthn
            .identify_discoverable_authentication(&assertion)?;
        Ok(Self::user_pk_of(handle))
    }

    pub fn finish_discoverable(
        &self,
        state: &Value,
        credential: &Value,
        factors: &[Factor],
    ) -> Result<Used, CeremonyError> {
        let assertion: PublicKeyCredential = credential_from(credential)?;
        let (_, used) = self
            .webauthn
            .identify_discoverable_authentication(&assertion)?;
        let passkeys: Vec<Passkey> = credentials(factors, WebauthnKind::Passkey)?;
        let key = passkeys
            .iter()
            .find(|k| k.cred_id().as_slice() == used)
            .ok_or_else(|| CeremonyError::Refused("no such credential for this user".into()))?;
        let result = self.webauthn.finish_discoverable_authentication_v2(
            &assertion,
            from_value(state)?,
            key,
        )?;
        updated(factors, &result)
    }
}

/// The stored credentials of the active factors of one kind.
fn credentials<T: serde::de::DeserializeOwned>(
    factors: &[Factor],
    kind: WebauthnKind,
) -> Result<Vec<T>, CeremonyError> {
    factors
        .iter()
        .filter(|f| f.kind == FactorType::Webauthn && f.status == FactorStatus::Active)
        .filter_map(|f| f.webauthn.as_ref())
        .filter(|w| w.kind == kind)
        .filter_map(|w| w.credential.as_ref())
        .map(|c| {
            serde_json::from_value(c.clone()).map_err(|e| CeremonyError::Internal(e.to_string()))
        })
        .collect()
}

/// The factor an authentication used, with its credential brought up to
/// date (counter, backup state).
fn updated(factors: &[Factor], result: &AuthenticationResult) -> Result<Used, CeremonyError> {
    let id = URL_SAFE.encode(result.cred_id().as_slice());
    let factor = factors
        .iter()
        .find(|f| {
            f.status == FactorStatus::Active
                && f.webauthn.as_ref().and_then(|w| w.credential_id.as_deref()) == Some(id.as_str())
        })
        .ok_or_else(|| CeremonyError::Refused("no such credential for this user".into()))?;
    let mut params = factor.webauthn.clone().expect("a webauthn factor");
    // In a challenge that also lists security keys, user verification is
    // only preferred; a passkey still needs it.
    if params.kind == WebauthnKind::Passkey && !result.user_verified() {
        return Err(CeremonyError::Refused(
            "a passkey must verify the user (PIN or biometrics)".into(),
        ));
    }
    let stored = params.credential.clone().unwrap_or(Value::Null);
    let credential = match params.kind {
        WebauthnKind::Passkey => {
            let mut key: Passkey = from_value(&stored)?;
            key.update_credential(result);
            to_value(&key)?
        }
        WebauthnKind::SecurityKey => {
            let mut key: SecurityKey = from_value(&stored)?;
            key.update_credential(result);
            to_value(&key)?
        }
    };
    params.credential = Some(credential);
    params.backed_up = result.backup_state();
    Ok(Used {
        factor_id: factor.id.clone(),
        params,
        counter: result.counter(),
    })
}

use base64::engine::general_purpose::URL_SAFE_NO_PAD as URL_SAFE;
use base64::Engine;
