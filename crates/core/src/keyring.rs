//! The master keys and what is derived from them: sealing (authenticated
//! encryption of TOTP/HOTP seeds) and the keyed hashing of one-time codes.
//!
//! A keyring holds the current key first and older keys after it, so that a
//! key rotation never makes a secret unreadable: everything sealed or hashed
//! names the key it used, and the old keys stay until nothing refers to them.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::KeyInit;
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use thiserror::Error;
use zeroize::Zeroizing;

use crate::secret::{constant_time_eq, derive_key};

/// One master key as the key file holds it.
#[derive(Clone)]
pub struct MasterKey {
    pub id: String,
    pub bytes: [u8; 32],
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MasterKey({})", self.id)
    }
}

impl MasterKey {
    /// A new random key.
    pub fn generate(id: &str) -> MasterKey {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        MasterKey {
            id: id.to_owned(),
            bytes,
        }
    }
}

/// Key ids appear inside sealed values and hashes: short, no separators.
pub fn is_valid_key_id(id: &str) -> bool {
    (1..=16).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

struct DerivedKey {
    id: String,
    seal: Zeroizing<[u8; 32]>,
    code_hash: Zeroizing<[u8; 32]>,
    fingerprint: String,
}

/// The keys in use: the first seals and hashes, all of them open and check.
pub struct Keyring {
    keys: Vec<DerivedKey>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.keys.iter().map(|k| &k.id))
            .finish()
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum KeyringError {
    #[error("no key")]
    Empty,
    #[error("key id {0:?} appears twice")]
    DuplicateId(String),
    #[error("key id {0:?}: expected 1–16 characters of A-Z a-z 0-9 _ -")]
    BadId(String),
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum SealError {
    /// Sealed under a key this keyring does not hold (rotated elsewhere).
    #[error("sealed under key {0:?}, which the key file does not hold")]
    UnknownKey(String),
    /// Not a sealed value, or tampered with, or moved to another record.
    #[error("the sealed value is corrupt or does not belong here")]
    Corrupt,
}

const SEAL_VERSION: &str = "v1";

impl Keyring {
    pub fn new(keys: Vec<MasterKey>) -> Result<Keyring, KeyringError> {
        if keys.is_empty() {
            return Err(KeyringError::Empty);
        }
        let mut derived: Vec<DerivedKey> = Vec::with_capacity(keys.len());
        for k in keys {
            if !is_valid_key_id(&k.id) {
                return Err(KeyringError::BadId(k.id));
            }
            if derived.iter().any(|d| d.id == k.id) {
                return Err(KeyringError::DuplicateId(k.id));
            }
            derived.push(DerivedKey {
                seal: Zeroizing::new(derive_key(&k.bytes, b"countersign/seal/v1")),
                code_hash: Zeroizing::new(derive_key(&k.bytes, b"countersign/otp-code-hash/v1")),
                fingerprint: crate::to_hex(
                    &derive_key(&k.bytes, b"countersign/key-fingerprint/v1")[..16],
                ),
                id: k.id,
            });
        }
        Ok(Keyring { keys: derived })
    }

    fn current(&self) -> &DerivedKey {
        &self.keys[0]
    }

    fn key(&self, id: &str) -> Option<&DerivedKey> {
        self.keys.iter().find(|k| k.id == id)
    }

    pub fn current_id(&self) -> &str {
        &self.current().id
    }

    pub fn knows(&self, id: &str) -> bool {
        self.key(id).is_some()
    }

    /// A public fingerprint of the current key (128 bits of an HMAC under
    /// it), stored in the database so that a server with another key file is
    /// refused at start instead of failing every secret.
    pub fn current_fingerprint(&self) -> &str {
        &self.current().fingerprint
    }

    pub fn has_fingerprint(&self, fingerprint: &str) -> bool {
        self.keys.iter().any(|k| k.fingerprint == fingerprint)
    }

    /// Encrypts `plaintext` under the current key with XChaCha20-Poly1305
    /// (random 192-bit nonce), bound to `context` (the record's id) so that a
    /// sealed value copied to another record does not open.
    /// Format: `v1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>`.
    pub fn seal(&self, plaintext: &[u8], context: &str) -> String {
        let key = self.current();
        let cipher = XChaCha20Poly1305::new(key.seal.as_ref().into());
        let mut nonce = [0u8; 24];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let aad = aad(&key.id, context);
        let ciphertext = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: &aad,
                },
            )
            .expect("XChaCha20-Poly1305 encrypts any length we store");
        let mut blob = nonce.to_vec();
        blob.extend_from_slice(&ciphertext);
        format!("{SEAL_VERSION}.{}.{}", key.id, URL_SAFE_NO_PAD.encode(blob))
    }

    /// Decrypts a value made by [`Keyring::seal`] for the same `context`.
    pub fn open(&self, sealed: &str, context: &str) -> Result<Zeroizing<Vec<u8>>, SealError> {
        let mut parts = sealed.splitn(3, '.');
        let (Some(SEAL_VERSION), Some(id), Some(blob)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(SealError::Corrupt);
        };
        let key = self
            .key(id)
            .ok_or_else(|| SealError::UnknownKey(id.to_owned()))?;
        let blob = URL_SAFE_NO_PAD
            .decode(blob)
            .map_err(|_| SealError::Corrupt)?;
        if blob.len() < 24 + 16 {
            return Err(SealError::Corrupt);
        }
        let (nonce, ciphertext) = blob.split_at(24);
        let cipher = XChaCha20Poly1305::new(key.seal.as_ref().into());
        cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: &aad(id, context),
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| SealError::Corrupt)
    }

    /// Hashes a one-time code under the current key, bound to the challenge
    /// and channel: a database dump alone cannot be used to find a 6-digit
    /// code by trying all million. Format: `<key id>:<hex>`.
    pub fn hash_code(&self, challenge_id: &str, channel: &str, code: &str) -> String {
        let key = self.current();
        format!(
            "{}:{}",
            key.id,
            code_mac(&key.code_hash, challenge_id, channel, code)
        )
    }

    /// Constant-time check of a typed code against a stored hash, under the
    /// key the hash names.
    pub fn code_matches(
        &self,
        challenge_id: &str,
        channel: &str,
        code: &str,
        stored: &str,
    ) -> bool {
        let Some((id, hash)) = stored.split_once(':') else {
            return false;
        };
        self.key(id).is_some_and(|key| {
            let computed = code_mac(&key.code_hash, challenge_id, channel, code);
            constant_time_eq(computed.as_bytes(), hash.as_bytes())
        })
    }
}

impl Keyring {
    /// A stable keyed pseudonym of a phone number, address or IP, for
    /// counters that must not hold them in clear (a plain hash of a phone
    /// number is reversed by trying them all). Changes with the key.
    /// A key for one more purpose (e.g. agent codes), derived from the
    /// current key; changes with the key.
    pub fn purpose_key(&self, label: &str) -> [u8; 32] {
        derive_key(self.current().code_hash.as_ref(), label.as_bytes())
    }

    /// The purpose key under every key of the ring, current first: for
    /// checking a value made before a rotation.
    pub fn purpose_keys(&self, label: &str) -> Vec<[u8; 32]> {
        self.keys
            .iter()
            .map(|k| derive_key(k.code_hash.as_ref(), label.as_bytes()))
            .collect()
    }

    pub fn pseudonym(&self, label: &str, value: &str) -> String {
        code_mac(&self.current().code_hash, "pseudonym", label, value)[..32].to_owned()
    }
}

/// The key id a sealed value or a code hash names.
pub fn key_id_of(stored: &str) -> Option<&str> {
    if let Some(rest) = stored.strip_prefix("v1.") {
        return rest.split('.').next();
    }
    stored.split_once(':').map(|(id, _)| id)
}

fn aad(key_id: &str, context: &str) -> Vec<u8> {
    format!("countersign/seal/v1|{key_id}|{context}").into_bytes()
}

fn code_mac(key: &[u8; 32], challenge_id: &str, channel: &str, code: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key size");
    for part in [challenge_id, channel, code] {
        mac.update(&(part.len() as u32).to_be_bytes());
        mac.update(part.as_bytes());
    }
    crate::to_hex(mac.finalize().into_bytes())
}

#[cfg(test)]
pub(crate) fn test_keyring() -> Keyring {
    Keyring::new(vec![MasterKey {
        id: "k1".into(),
        bytes: [7u8; 32],
    }])
    .unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(id: &str, byte: u8) -> MasterKey {
        MasterKey {
            id: id.into(),
            bytes: [byte; 32],
        }
    }

    #[test]
    fn sealed_values_open_only_for_their_record() {
        let ring = test_keyring();
        let sealed = ring.seal(b"seed bytes", "fac_1");
        assert!(sealed.starts_with("v1.k1."));
        assert!(!sealed.contains("seed"));
        assert_eq!(&ring.open(&sealed, "fac_1").unwrap()[..], b"seed bytes");
        assert_eq!(ring.open(&sealed, "fac_2"), Err(SealError::Corrupt));
        assert_ne!(ring.seal(b"seed bytes", "fac_1"), sealed, "random nonce");
    }

    #[test]
    fn tampering_is_detected() {
        let ring = test_keyring();
        let sealed = ring.seal(b"seed", "fac_1");
        let mut bytes = sealed.into_bytes();
        let last = bytes.len() - 3;
        bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(bytes).unwrap();
        assert_eq!(ring.open(&tampered, "fac_1"), Err(SealError::Corrupt));
        assert_eq!(ring.open("v1.k1.", "fac_1"), Err(SealError::Corrupt));
        assert_eq!(ring.open("plain", "fac_1"), Err(SealError::Corrupt));
    }

    #[test]
    fn after_rotation_old_values_open_and_new_ones_use_the_new_key() {
        let old = Keyring::new(vec![key("k1", 1)]).unwrap();
        let sealed_old = old.seal(b"seed", "fac_1");
        let hash_old = old.hash_code("chl_1", "sms", "123456");
        let rotated = Keyring::new(vec![key("k2", 2), key("k1", 1)]).unwrap();
        assert_eq!(&rotated.open(&sealed_old, "fac_1").unwrap()[..], b"seed");
        assert!(rotated.code_matches("chl_1", "sms", "123456", &hash_old));
        let sealed_new = rotated.seal(b"seed", "fac_1");
        assert_eq!(key_id_of(&sealed_new), Some("k2"));
        assert_eq!(
            old.open(&sealed_new, "fac_1"),
            Err(SealError::UnknownKey("k2".into()))
        );
        assert!(rotated.has_fingerprint(old.current_fingerprint()));
        assert_ne!(rotated.current_fingerprint(), old.current_fingerprint());
    }

    #[test]
    fn code_hash_is_bound_to_challenge_channel_and_key() {
        let ring = test_keyring();
        let stored = ring.hash_code("chl_1", "sms", "123456");
        assert_eq!(key_id_of(&stored), Some("k1"));
        assert!(ring.code_matches("chl_1", "sms", "123456", &stored));
        assert!(!ring.code_matches("chl_1", "sms", "123457", &stored));
        assert!(!ring.code_matches("chl_2", "sms", "123456", &stored));
        assert!(!ring.code_matches("chl_1", "email", "123456", &stored));
        let other = Keyring::new(vec![key("k1", 9)]).unwrap();
        assert!(!other.code_matches("chl_1", "sms", "123456", &stored));
        assert!(!stored.contains("123456"));
    }

    #[test]
    fn bad_keyrings_are_refused() {
        assert_eq!(Keyring::new(vec![]).unwrap_err(), KeyringError::Empty);
        assert_eq!(
            Keyring::new(vec![key("k1", 1), key("k1", 2)]).unwrap_err(),
            KeyringError::DuplicateId("k1".into())
        );
        assert_eq!(
            Keyring::new(vec![key("k.1", 1)]).unwrap_err(),
            KeyringError::BadId("k.1".into())
        );
    }
}
