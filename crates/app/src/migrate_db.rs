//! `countersign migrate-db`: a SQLite deployment moved to PostgreSQL, for
//! several `serve` processes. The copy is checked before it is reported:
//! every table's row count on both sides, and every service's audit chain
//! verified on the target as `audit verify` reads it.

use countersign_core::Timestamp;
use countersign_store::copy::{self, Copied, CopyError};
use countersign_store::StoreError;
use serde::Serialize;

use crate::admin::AdminError;
use crate::audit::{verify_chains, ChainCheck};

/// What `migrate-db` copied and checked.
#[derive(Debug, Serialize)]
pub struct MigrationReport {
    pub from: String,
    pub to: String,
    /// Every table, with its rows (equal in both databases).
    pub tables: Vec<Copied>,
    /// Every service's audit chain, verified on the target.
    pub services: Vec<ChainCheck>,
    pub at: Timestamp,
    pub note: &'static str,
}

const SAME_KEY: &str = "start the PostgreSQL servers with the key file of the SQLite \
     deployment: the seeds are still sealed under it";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Copy(#[from] CopyError),
    #[error("the copy was written, but the target cannot be read back: {0}")]
    Reopen(#[from] StoreError),
    #[error("the copy was written, but its audit log cannot be verified: {0}")]
    Verify(#[from] AdminError),
    #[error(
        "the copy was written, but the audit log of {} does not verify on the target: \
         do not use it (drop the target and report this)",
        .0.join(", ")
    )]
    Chain(Vec<String>),
}

/// Copies the SQLite database `from` into the empty PostgreSQL database
/// `to` (see [`copy::sqlite_to_postgres`]), then verifies every service's
/// audit chain there.
pub async fn migrate_db(from: &str, to: &str, now: Timestamp) -> Result<MigrationReport, Error> {
    let tables = copy::sqlite_to_postgres(from, to).await?;
    let target = countersign_store::connect(to).await?;
    let services = verify_chains(target.as_ref(), None).await?;
    let broken: Vec<String> = services
        .iter()
        .filter(|c| !c.intact)
        .map(|c| c.service.clone())
        .collect();
    if !broken.is_empty() {
        return Err(Error::Chain(broken));
    }
    Ok(MigrationReport {
        from: crate::redact_url(from),
        to: crate::redact_url(to),
        tables,
        services,
        at: now,
        note: SAME_KEY,
    })
}
