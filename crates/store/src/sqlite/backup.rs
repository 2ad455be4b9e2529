//! A SQLite database copied to a backup file while servers keep writing,
//! and a backup brought back into a stopped deployment's database.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use thiserror::Error;

use super::sqlite_path;
use crate::StoreError;

/// What a database holds, as a backup's report counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Contents {
    pub services: u64,
    pub users: u64,
    pub events: u64,
}

#[derive(Debug, Error)]
pub enum BackupError {
    #[error("{0} already exists: a backup never overwrites a file")]
    Exists(PathBuf),
    #[error("no database at {0}")]
    Missing(PathBuf),
    #[error("{0} is not a Countersign database")]
    NotCountersign(PathBuf),
    #[error("{0} is damaged: {1}")]
    Damaged(PathBuf, String),
    #[error("{0} is open in another process: stop the server (and any command) using it first")]
    InUse(PathBuf),
    #[error(
        "{path} already holds {} service(s), {} user(s) and {} event(s): `restore --force` replaces them",
        .contents.services, .contents.users, .contents.events
    )]
    NotEmpty { path: PathBuf, contents: Contents },
    #[error("{0}: {1}")]
    File(PathBuf, std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for BackupError {
    fn from(e: rusqlite::Error) -> Self {
        BackupError::Store(StoreError::Sqlite(e))
    }
}

/// Copies the database of the `sqlite://` `url` into `to`, a new file made
/// with mode 0600 (it holds sealed seeds and hashed codes), while servers
/// keep writing to it; its size in bytes and what it holds.
///
/// `VACUUM INTO` rather than the online backup API: it reads the whole
/// database in one read transaction, so the copy is the database at one
/// commit whatever other processes commit meanwhile (in WAL mode that
/// reader neither waits for the writer nor holds it up, and the server's
/// checkpoints are `PASSIVE`, never waiting for it). The backup API copies
/// in steps, and a commit by another process between two steps starts it
/// again from the first page: beside a busy server it may never end. The
/// copy also leaves free pages out. SQLite does not sync `VACUUM INTO`'s
/// file: it is synced here before the backup is reported done.
pub fn backup(url: &str, to: &Path) -> Result<(u64, Contents), BackupError> {
    let source = sqlite_path(url)?;
    let conn = open(&source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    if contents(&conn)?.is_none() {
        return Err(BackupError::NotCountersign(source));
    }
    let target = to
        .to_str()
        .ok_or_else(|| BackupError::File(to.to_owned(), std::io::ErrorKind::InvalidInput.into()))?;
    // Made here, empty (which `VACUUM INTO` accepts), so that it is never
    // readable by others and an existing file is never replaced.
    new_private_file(to).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => BackupError::Exists(to.to_owned()),
        _ => BackupError::File(to.to_owned(), e),
    })?;
    let copied = conn
        .execute("VACUUM INTO ?1", [target])
        .map_err(BackupError::from)
        .and_then(|_| synced(to));
    if copied.is_err() {
        let _ = std::fs::remove_file(to);
    }
    copied
}

/// Syncs the new backup `to` and its folder's entry for it; its size and
/// what it holds.
fn synced(to: &Path) -> Result<(u64, Contents), BackupError> {
    let file_error = |e| BackupError::File(to.to_owned(), e);
    // Closed before SQLite opens the file: closing a descriptor drops the
    // process's POSIX locks on the file, SQLite's included.
    let bytes = {
        let file = File::open(to).map_err(file_error)?;
        file.sync_all().map_err(file_error)?;
        file.metadata().map_err(file_error)?.len()
    };
    if let Some(folder) = to.parent().filter(|p| !p.as_os_str().is_empty()) {
        File::open(folder)
            .and_then(|f| f.sync_all())
            .map_err(|e| BackupError::File(folder.to_owned(), e))?;
    }
    let copy = open(to, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let held = contents(&copy)?.ok_or_else(|| BackupError::NotCountersign(to.to_owned()))?;
    Ok((bytes, held))
}

/// Replaces the database of the `sqlite://` `url` (created, mode 0600, if
/// there is none) by the backup `from`; what it now holds.
///
/// The target is opened with `locking_mode = EXCLUSIVE`: its first read
/// takes an exclusive lock on the file, which the shared lock that every
/// connection in WAL mode keeps while open refuses. So a running server (or
/// any command) on the database is detected, not overwritten under it, and
/// the lock, held to the end, keeps one from starting meanwhile. The pages
/// are copied with the online backup API in one step, one write
/// transaction: a crash halfway leaves the database as it was.
pub fn restore(url: &str, from: &Path, force: bool) -> Result<Contents, BackupError> {
    let source = open(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let check: String = source.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(BackupError::Damaged(from.to_owned(), check));
    }
    if contents(&source)?.is_none() {
        return Err(BackupError::NotCountersign(from.to_owned()));
    }
    let path = sqlite_path(url)?;
    match new_private_file(&path) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(BackupError::File(path, e)),
    }
    let mut target = open(&path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    target.busy_timeout(Duration::ZERO)?;
    let in_use = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            BackupError::InUse(path.clone())
        }
        _ => e.into(),
    };
    target
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")
        .map_err(in_use)?;
    if let Some(held) = contents(&target)?.filter(|c| c.services > 0 && !force) {
        return Err(BackupError::NotEmpty {
            path,
            contents: held,
        });
    }
    let done = Backup::new(&source, &mut target)?
        .step(-1)
        .map_err(in_use)?;
    if done != StepResult::Done {
        return Err(BackupError::InUse(path));
    }
    contents(&target)?.ok_or(BackupError::NotCountersign(path))
}

/// Creates `path`, empty and readable by its owner only: the databases
/// hold sealed seeds and hashed codes.
fn new_private_file(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

fn open(path: &Path, flags: OpenFlags) -> Result<Connection, BackupError> {
    if !path.is_file() {
        return Err(BackupError::Missing(path.to_owned()));
    }
    Ok(Connection::open_with_flags(
        path,
        flags | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

/// What `conn`'s database holds; `None` when it has no Countersign tables.
fn contents(conn: &Connection) -> Result<Option<Contents>, BackupError> {
    let tables: u64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' \
         AND name IN ('services', 'users', 'events')",
        [],
        |r| r.get(0),
    )?;
    if tables < 3 {
        return Ok(None);
    }
    let count = |table: &str| -> rusqlite::Result<u64> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
    };
    Ok(Some(Contents {
        services: count("services")?,
        users: count("users")?,
        events: count("events")?,
    }))
}
