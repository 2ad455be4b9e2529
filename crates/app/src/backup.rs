//! `countersign backup` and `countersign restore`: a SQLite deployment's
//! database copied while it serves, and brought back into a stopped one.
//! PostgreSQL has its own tools (`pg_dump`, `pg_restore`). The master key
//! file is never part of a backup: it is kept apart, so that a stolen
//! backup alone opens no seed.

use std::path::{Path, PathBuf};

use countersign_core::Timestamp;
use countersign_store::sqlite::backup::{self as sqlite, BackupError, Contents};
use serde::Serialize;

use crate::Config;

/// What `backup` wrote, and what it did not.
#[derive(Debug, Serialize)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    #[serde(flatten)]
    pub contents: Contents,
    pub at: Timestamp,
    /// The master key file, which the backup does not hold.
    pub key_file: PathBuf,
    pub note: &'static str,
}

/// What `restore` brought back.
#[derive(Debug, Serialize)]
pub struct RestoreReport {
    pub from: PathBuf,
    pub database: String,
    #[serde(flatten)]
    pub contents: Contents,
    pub at: Timestamp,
    pub key_file: PathBuf,
    pub note: &'static str,
}

const KEY_NOT_IN_BACKUP: &str = "the master key file is not in the backup: keep a copy of it \
     apart from the backup; without it the sealed seeds cannot be opened";

const KEY_NEEDED: &str = "start the server with the key file the backup was taken with \
     (it refuses another key)";

/// Why a backup or a restore did not happen.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "on PostgreSQL, back up with `pg_dump -Fc` and restore with `pg_restore` \
         (README, \"Backup and restore\"); back up the key file separately"
    )]
    Postgres,
    #[error(transparent)]
    Sqlite(#[from] BackupError),
}

/// Copies the configured SQLite database into the new file `to` while
/// servers keep writing (see [`sqlite::backup`]).
pub async fn backup(config: &Config, to: &Path, now: Timestamp) -> Result<BackupReport, Error> {
    let url = sqlite_url(config)?;
    let path = to.to_owned();
    let (bytes, contents) = run_blocking(move || sqlite::backup(&url, &path)).await?;
    Ok(BackupReport {
        path: to.to_owned(),
        bytes,
        contents,
        at: now,
        key_file: config.key_file.clone(),
        note: KEY_NOT_IN_BACKUP,
    })
}

/// Replaces the configured SQLite database by the backup `from`: refused
/// while anything has it open, and when it holds a service unless `force`
/// (see [`sqlite::restore`]).
pub async fn restore(
    config: &Config,
    from: &Path,
    force: bool,
    now: Timestamp,
) -> Result<RestoreReport, Error> {
    let url = sqlite_url(config)?;
    let path = from.to_owned();
    let contents = run_blocking(move || sqlite::restore(&url, &path, force)).await?;
    Ok(RestoreReport {
        from: from.to_owned(),
        database: crate::redact_url(&config.database),
        contents,
        at: now,
        key_file: config.key_file.clone(),
        note: KEY_NEEDED,
    })
}

/// The database URL, when it is SQLite's (the configuration accepts only
/// SQLite and PostgreSQL URLs).
fn sqlite_url(config: &Config) -> Result<String, Error> {
    if config.database.starts_with("sqlite:") {
        Ok(config.database.clone())
    } else {
        Err(Error::Postgres)
    }
}

/// Runs file and SQLite work off the async threads.
async fn run_blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, BackupError> + Send + 'static,
) -> Result<T, BackupError> {
    tokio::task::spawn_blocking(work)
        .await
        .expect("the backup task does not panic")
}
