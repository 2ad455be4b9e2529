//! The master key file: the root of every key Countersign derives (code
//! hashing now; seed encryption later). One key per line, `<id> <base64url>`,
//! the first line being the key in use; created with mode 0600 on first start.

use std::io::Write;
use std::path::Path;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;

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

/// A public fingerprint of the key (128 bits of an HMAC under it), stored in
/// the database so that a server with another key file is refused at start
/// instead of silently failing every code.
pub fn fingerprint(key: &MasterKey) -> String {
    hex::encode(
        &countersign_core::secret::derive_key(&key.bytes, b"countersign/key-fingerprint/v1")[..16],
    )
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("key file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("key file {path}, line {line}: expected \"<id> <base64url of 32 bytes>\"")]
    Malformed { path: String, line: usize },
}

/// Reads the current key, creating the file with a fresh key if it is absent.
pub fn load_or_create(path: &Path) -> Result<MasterKey, KeyError> {
    let shown = path.display().to_string();
    let io = |source| KeyError::Io {
        path: shown.clone(),
        source,
    };
    if !path.exists() {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let key = MasterKey {
            id: "k1".into(),
            bytes,
        };
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(path).map_err(io)?;
        writeln!(file, "{} {}", key.id, URL_SAFE_NO_PAD.encode(key.bytes)).map_err(io)?;
        tracing::info!(path = %shown, "generated a new master key; back it up, secrets at rest depend on it");
        return Ok(key);
    }
    let text = std::fs::read_to_string(path).map_err(io)?;
    let (line, content) = text
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .ok_or(KeyError::Malformed {
            path: shown.clone(),
            line: 1,
        })?;
    let malformed = || KeyError::Malformed {
        path: shown.clone(),
        line: line + 1,
    };
    let (id, encoded) = content.trim().split_once(' ').ok_or_else(malformed)?;
    let decoded = URL_SAFE_NO_PAD
        .decode(encoded.trim())
        .map_err(|_| malformed())?;
    let bytes: [u8; 32] = decoded.try_into().map_err(|_| malformed())?;
    Ok(MasterKey {
        id: id.to_owned(),
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_created_key_reads_back_the_same_and_is_private() {
        let dir = std::env::temp_dir().join(format!("cs-key-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("k");
        let _ = std::fs::remove_file(&path);
        let created = load_or_create(&path).unwrap();
        let read = load_or_create(&path).unwrap();
        assert_eq!(created.bytes, read.bytes);
        assert_eq!(read.id, "k1");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0);
        }
        std::fs::write(&path, "k1 not-base64!\n").unwrap();
        assert!(matches!(
            load_or_create(&path),
            Err(KeyError::Malformed { line: 1, .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
