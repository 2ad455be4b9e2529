//! The master key file: the root of every key Countersign derives (seed
//! sealing, code hashing). One key per line, `<id> <base64url of 32 bytes>`,
//! the first line being the key in use and the others older keys kept so
//! that what they sealed still opens. Created with mode 0600 on first start.
//!
//! Servers hold the keyring in memory and re-read the file when they meet a
//! key id they do not know (another process rotated the key) or when the file
//! changes, so a rotation needs no restart.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use countersign_core::keyring::{is_valid_key_id, Keyring, KeyringError, MasterKey};

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("key file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("key file {path}, line {line}: expected \"<id> <base64url of 32 bytes>\"")]
    Malformed { path: String, line: usize },
    #[error("key file {path}: {source}")]
    Keyring { path: String, source: KeyringError },
    #[error("{0} exists: another key rotation is running, or an interrupted one left it (check, then remove it)")]
    Busy(String),
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> KeyError + '_ {
    move |source| KeyError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Reads the keyring, creating the file with a fresh key if it is absent.
pub fn load_or_create(path: &Path) -> Result<Keyring, KeyError> {
    if !path.exists() {
        let key = MasterKey::generate("k1");
        write_keys(path, std::slice::from_ref(&key), true)?;
        tracing::info!(path = %path.display(), "generated a new master key; back it up, secrets at rest depend on it");
    }
    ring(path, read_keys(path)?)
}

fn ring(path: &Path, keys: Vec<MasterKey>) -> Result<Keyring, KeyError> {
    Keyring::new(keys).map_err(|source| KeyError::Keyring {
        path: path.display().to_string(),
        source,
    })
}

/// Every key in the file, current first.
pub fn read_keys(path: &Path) -> Result<Vec<MasterKey>, KeyError> {
    let text = std::fs::read_to_string(path).map_err(io_error(path))?;
    let mut keys = Vec::new();
    for (n, content) in text.lines().enumerate() {
        let content = content.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let malformed = || KeyError::Malformed {
            path: path.display().to_string(),
            line: n + 1,
        };
        let (id, encoded) = content.split_once(' ').ok_or_else(malformed)?;
        let decoded = URL_SAFE_NO_PAD
            .decode(encoded.trim())
            .map_err(|_| malformed())?;
        let bytes: [u8; 32] = decoded.try_into().map_err(|_| malformed())?;
        if !is_valid_key_id(id) {
            return Err(malformed());
        }
        keys.push(MasterKey {
            id: id.to_owned(),
            bytes,
        });
    }
    if keys.is_empty() {
        return Err(KeyError::Malformed {
            path: path.display().to_string(),
            line: 1,
        });
    }
    Ok(keys)
}

/// Writes the key file (mode 0600). An existing file is replaced atomically
/// (write beside it, then rename), so a crash never leaves half a file.
fn write_keys(path: &Path, keys: &[MasterKey], create_new: bool) -> Result<(), KeyError> {
    let target = if create_new {
        path.to_path_buf()
    } else {
        path.with_extension("new")
    };
    // Never an existing file: the new key file is created with 0600 from the
    // start, a planted file or symlink is refused, and a second rotation
    // running at the same time fails here instead of writing another key.
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&target).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists && !create_new {
            KeyError::Busy(target.display().to_string())
        } else {
            io_error(&target)(e)
        }
    })?;
    writeln!(
        file,
        "# Countersign master keys: the first is in use, the others open older secrets. Keep private; back up."
    )
    .map_err(io_error(&target))?;
    for k in keys {
        writeln!(file, "{} {}", k.id, URL_SAFE_NO_PAD.encode(k.bytes))
            .map_err(io_error(&target))?;
    }
    file.sync_all().map_err(io_error(&target))?;
    if !create_new {
        std::fs::rename(&target, path).map_err(io_error(path))?;
    }
    Ok(())
}

/// Puts a fresh key first in the file, keeping the old ones after it, and
/// returns the new keyring.
pub fn add_new_key(path: &Path) -> Result<Keyring, KeyError> {
    let mut keys = read_keys(path)?;
    let next = (1..)
        .map(|n| format!("k{n}"))
        .find(|id| !keys.iter().any(|k| &k.id == id))
        .expect("an unused key id exists");
    keys.insert(0, MasterKey::generate(&next));
    let ring = ring(path, keys.clone())?;
    write_keys(path, &keys, false)?;
    Ok(ring)
}

/// The server's keyring, re-read from its file when needed.
pub struct KeyFile {
    path: PathBuf,
    current: RwLock<(Arc<Keyring>, Option<SystemTime>)>,
}

impl KeyFile {
    pub fn new(path: PathBuf, ring: Keyring) -> KeyFile {
        let modified = modified(&path);
        KeyFile {
            path,
            current: RwLock::new((Arc::new(ring), modified)),
        }
    }

    pub fn ring(&self) -> Arc<Keyring> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .0
            .clone()
    }

    /// The keyring, re-read first if it does not know `key_id`.
    pub fn ring_knowing(&self, key_id: Option<&str>) -> Arc<Keyring> {
        let ring = self.ring();
        match key_id {
            Some(id) if !ring.knows(id) => self.reload().unwrap_or(ring),
            _ => ring,
        }
    }

    /// Re-reads the file if it changed since it was last read.
    pub fn reload_if_changed(&self) {
        let seen = self.current.read().unwrap_or_else(|e| e.into_inner()).1;
        if modified(&self.path) != seen {
            self.reload();
        }
    }

    fn reload(&self) -> Option<Arc<Keyring>> {
        let modified = modified(&self.path);
        match read_keys(&self.path).and_then(|keys| ring(&self.path, keys)) {
            Ok(ring) => {
                let ring = Arc::new(ring);
                tracing::info!(path = %self.path.display(), current = ring.current_id(), "key file re-read");
                *self.current.write().unwrap_or_else(|e| e.into_inner()) = (ring.clone(), modified);
                Some(ring)
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot re-read the key file; keeping the keys in memory");
                None
            }
        }
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
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
        assert_eq!(created.current_fingerprint(), read.current_fingerprint());
        assert_eq!(read.current_id(), "k1");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0);
        }
        std::fs::write(path.with_extension("new"), "planted").unwrap();
        assert!(matches!(add_new_key(&path), Err(KeyError::Busy(_))));
        std::fs::remove_file(path.with_extension("new")).unwrap();
        let rotated = add_new_key(&path).unwrap();
        assert_eq!(rotated.current_id(), "k2");
        assert!(rotated.has_fingerprint(created.current_fingerprint()));
        let reread = load_or_create(&path).unwrap();
        assert_eq!(reread.current_fingerprint(), rotated.current_fingerprint());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "still private after rotation");
        }
        std::fs::write(&path, "k1 not-base64!\n").unwrap();
        assert!(matches!(
            load_or_create(&path),
            Err(KeyError::Malformed { line: 1, .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
