//! A whole deployment copied from its SQLite database into an empty
//! PostgreSQL one (`countersign migrate-db`): every table, row for row, in
//! one read transaction on the source and one transaction on the target.
//!
//! Each table is copied through an explicit column list, checked against
//! both databases' columns before anything is written, so that a column a
//! later migration adds cannot be left behind silently. Values keep their
//! bytes: seeds stay sealed as stored, the audit chain keeps its links and
//! `audit_heads` its heads, so the same key file serves the copy.

use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use sqlx::{Postgres, QueryBuilder};
use thiserror::Error;

use crate::sqlite::{sqlite_path, without_our_options};
use crate::StoreError;

/// How a column's values are read from SQLite and bound for PostgreSQL.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Int,
    Text,
    /// INTEGER 0/1 in SQLite, BOOLEAN in PostgreSQL.
    Bool,
}
use Kind::{Bool, Int, Text};

struct Table {
    name: &'static str,
    columns: &'static [(&'static str, Kind)],
}

/// Every table, parents before children (the foreign keys hold at each
/// insert).
const TABLES: &[Table] = &[
    Table {
        name: "settings",
        columns: &[("name", Text), ("value", Text)],
    },
    Table {
        name: "services",
        columns: &[
            ("id", Text),
            ("name", Text),
            ("settings", Text),
            ("created_at", Int),
        ],
    },
    Table {
        name: "operators",
        columns: &[
            ("id", Text),
            ("name", Text),
            ("role", Text),
            ("created_at", Int),
            ("enrolment_hash", Text),
            ("enrolment_expires_at", Int),
            ("enrolled_at", Int),
            ("last_sign_in_at", Int),
        ],
    },
    Table {
        name: "operator_passkeys",
        columns: &[
            ("credential_id", Text),
            ("operator_id", Text),
            ("passkey", Text),
            ("created_at", Int),
            ("last_used_at", Int),
        ],
    },
    Table {
        name: "console_sessions",
        columns: &[
            ("id", Text),
            ("operator_id", Text),
            ("cookie_hash", Text),
            ("created_at", Int),
            ("expires_at", Int),
            ("last_seen_at", Int),
            ("step_up_until", Int),
        ],
    },
    Table {
        name: "console_ceremonies",
        columns: &[("id", Text), ("state", Text), ("expires_at", Int)],
    },
    Table {
        name: "service_logos",
        columns: &[("service_id", Text), ("sha256", Text), ("image", Text)],
    },
    Table {
        name: "api_keys",
        columns: &[
            ("id", Text),
            ("service_id", Text),
            ("key_hash", Text),
            ("prefix", Text),
            ("created_at", Int),
            ("last_used_at", Int),
        ],
    },
    Table {
        name: "users",
        columns: &[
            ("id", Text),
            ("service_id", Text),
            ("external_id", Text),
            ("email", Text),
            ("phone", Text),
            ("email_verified", Bool),
            ("phone_verified", Bool),
            ("locale", Text),
            ("display_name", Text),
            ("failed_attempts", Int),
            ("locked_until", Int),
            ("created_at", Int),
            ("updated_at", Int),
            ("security_hold_until", Int),
            ("keyed_failures", Int),
        ],
    },
    Table {
        name: "factors",
        columns: &[
            ("id", Text),
            ("service_id", Text),
            ("user_pk", Text),
            ("kind", Text),
            ("status", Text),
            ("label", Text),
            ("params", Text),
            ("secret", Text),
            ("moving_factor", Int),
            ("created_at", Int),
            ("last_used_at", Int),
            ("fingerprint", Text),
        ],
    },
    Table {
        name: "recovery_codes",
        columns: &[("factor_id", Text), ("code_hash", Text), ("used_at", Int)],
    },
    Table {
        name: "challenges",
        columns: &[
            ("id", Text),
            ("service_id", Text),
            ("user_pk", Text),
            ("status", Text),
            ("expires_at", Int),
            ("version", Int),
            ("state", Text),
            ("created_at", Int),
        ],
    },
    Table {
        name: "messages",
        columns: &[
            ("id", Text),
            ("challenge_id", Text),
            ("channel", Text),
            ("destination", Text),
            ("status", Text),
            ("provider_ref", Text),
            ("attempts", Int),
            ("error", Text),
            ("created_at", Int),
            ("updated_at", Int),
        ],
    },
    Table {
        name: "appointments",
        columns: &[
            ("id", Text),
            ("service_id", Text),
            ("user_pk", Text),
            ("code_hash", Text),
            ("agent", Text),
            ("starts_at", Int),
            ("state", Text),
            ("version", Int),
            ("created_at", Int),
        ],
    },
    Table {
        name: "webauthn_ceremonies",
        columns: &[
            ("id", Text),
            ("service_id", Text),
            ("state", Text),
            ("expires_at", Int),
        ],
    },
    Table {
        name: "portal_sessions",
        columns: &[
            ("id", Text),
            ("service_id", Text),
            ("user_pk", Text),
            ("link_hash", Text),
            ("link_expires_at", Int),
            ("cookie_hash", Text),
            ("created_at", Int),
            ("expires_at", Int),
            ("last_seen_at", Int),
            ("return_url", Text),
            ("locale", Text),
            ("step_up_challenge", Text),
            ("step_up_until", Int),
            ("pending_action", Text),
            ("user_agent", Text),
            ("ip", Text),
        ],
    },
    Table {
        name: "help_articles",
        columns: &[
            ("service_id", Text),
            ("locale", Text),
            ("slug", Text),
            ("title", Text),
            ("category", Text),
            ("body", Text),
            ("published_at", Int),
            ("updated_at", Int),
            ("views", Int),
        ],
    },
    // SQLite links each event into its chain as it is written: every
    // copied event is sealed (PostgreSQL's `unsealed` stays NULL).
    Table {
        name: "events",
        columns: &[
            ("seq", Int),
            ("id", Text),
            ("service_id", Text),
            ("user_id", Text),
            ("kind", Text),
            ("at", Int),
            ("ip", Text),
            ("detail", Text),
            ("personal_salt", Text),
            ("personal_digest", Text),
            ("chain_seq", Int),
            ("prev_hash", Text),
            ("hash", Text),
        ],
    },
    // A service's own webhook endpoints (their secrets stay sealed).
    Table {
        name: "service_webhooks",
        columns: &[
            ("id", Text),
            ("service_id", Text),
            ("url", Text),
            ("secret", Text),
            ("events", Text),
            ("created_at", Int),
        ],
    },
    // Erasures a crash interrupted: the target's retention pass ends them.
    Table {
        name: "erasures",
        columns: &[
            ("service_id", Text),
            ("user_id", Text),
            ("up_to_seq", Int),
            ("requested_at", Int),
        ],
    },
    // Written in the same transaction as the events that move it, so the
    // snapshot's heads are its chains' last links.
    Table {
        name: "audit_heads",
        columns: &[("service_id", Text), ("seq", Int), ("hash", Text)],
    },
    // Where a pruned chain starts (retention): verified from there.
    Table {
        name: "audit_checkpoints",
        columns: &[
            ("service_id", Text),
            ("seq", Int),
            ("hash", Text),
            ("at", Int),
        ],
    },
    Table {
        name: "notices",
        columns: &[
            ("id", Text),
            ("service_id", Text),
            ("user_pk", Text),
            ("channel", Text),
            ("destination", Text),
            ("locale", Text),
            ("content", Text),
            ("status", Text),
            ("attempts", Int),
            ("next_attempt_at", Int),
            ("lease_until", Int),
            ("last_error", Text),
            ("created_at", Int),
            ("updated_at", Int),
        ],
    },
    Table {
        name: "webhook_endpoints",
        columns: &[("name", Text), ("first_seen", Int)],
    },
    Table {
        name: "webhook_cursors",
        columns: &[
            ("endpoint", Text),
            ("service_id", Text),
            ("delivered_seq", Int),
            ("attempts", Int),
            ("next_attempt_at", Int),
            ("lease_until", Int),
            ("lease_token", Text),
        ],
    },
    Table {
        name: "webhook_deliveries",
        columns: &[
            ("id", Text),
            ("endpoint", Text),
            ("service_id", Text),
            ("event_id", Text),
            ("attempt", Int),
            ("status_code", Int),
            ("error", Text),
            ("at", Int),
        ],
    },
    Table {
        name: "send_counters",
        columns: &[
            ("key", Text),
            ("window_start", Int),
            ("window_end", Int),
            ("count", Int),
        ],
    },
    Table {
        name: "device_signatures",
        columns: &[("signature_hash", Text), ("expires_at", Int)],
    },
];

/// Columns one engine has and the copy leaves alone: SQLite's unread
/// `services.api_key_hash` (migration 0015) and PostgreSQL's
/// `events.unsealed` (NULL for a linked event).
const NOT_COPIED: &[(&str, &str)] = &[("services", "api_key_hash"), ("events", "unsealed")];

/// Tables that are the engines' own bookkeeping, not the deployment's.
const ENGINE_TABLES: &[&str] = &["_sqlx_migrations", "sqlite_sequence"];

/// Rows per INSERT statement (PostgreSQL takes at most 65535 parameters).
const ROWS_PER_INSERT: usize = 1000;

/// One value, typed as its column.
#[derive(Debug, Clone)]
enum Cell {
    Int(Option<i64>),
    Text(Option<String>),
    Bool(Option<bool>),
}

/// One table's rows as read from the source.
struct Rows {
    table: &'static Table,
    rows: Vec<Vec<Cell>>,
}

/// A table and how many rows it holds in both databases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Copied {
    pub table: &'static str,
    pub rows: u64,
}

#[derive(Debug, Error)]
pub enum CopyError {
    #[error("the source must be a sqlite://PATH URL (got a {0}: URL)")]
    SourceNotSqlite(String),
    #[error("the target must be a postgres:// URL (got a {0}: URL)")]
    TargetNotPostgres(String),
    #[error("no database at {0}")]
    SourceMissing(std::path::PathBuf),
    #[error(
        "the target is not empty: its table {table} holds {rows} row(s); \
         migrate-db copies only into a new database or schema"
    )]
    TargetNotEmpty { table: &'static str, rows: i64 },
    #[error(
        "the {engine} table {table} has a column {column} that migrate-db does not copy: \
         this version cannot move this database"
    )]
    UnknownColumn {
        engine: &'static str,
        table: String,
        column: String,
    },
    #[error(
        "the {engine} database has a table {table} that migrate-db does not copy: \
         this version cannot move this database"
    )]
    UnknownTable { engine: &'static str, table: String },
    #[error("the {engine} table {table} lacks the column {column}")]
    MissingColumn {
        engine: &'static str,
        table: &'static str,
        column: &'static str,
    },
    #[error("the target's {table} holds {target} row(s) after the copy, the source {in_source} (nothing written)")]
    CountMismatch {
        table: &'static str,
        in_source: u64,
        target: i64,
    },
    #[error("the source database: {0}")]
    Source(StoreError),
    #[error("the target database: {0}")]
    Target(StoreError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for CopyError {
    fn from(e: rusqlite::Error) -> Self {
        CopyError::Store(StoreError::Sqlite(e))
    }
}

impl From<sqlx::Error> for CopyError {
    fn from(e: sqlx::Error) -> Self {
        CopyError::Store(StoreError::Database(e))
    }
}

/// Copies the SQLite database of `from` (migrated to this version first)
/// into the PostgreSQL database of `to` (migrated, and required empty);
/// each table and its row count, equal on both sides.
///
/// The source is read in one read transaction: the copy is the database at
/// one commit, even if a server still writes to it, but what is written
/// after that commit stays behind (stop the servers first). The target is
/// written in one transaction that first locks every table, so that no
/// server or second copy writes beside it, and that ends by counting every
/// table again: an error anywhere leaves the target as it was.
pub async fn sqlite_to_postgres(from: &str, to: &str) -> Result<Vec<Copied>, CopyError> {
    let path = sqlite_path(from).map_err(|_| CopyError::SourceNotSqlite(scheme(from)))?;
    if !to.starts_with("postgres:") && !to.starts_with("postgresql:") {
        return Err(CopyError::TargetNotPostgres(scheme(to)));
    }
    if !path.is_file() {
        return Err(CopyError::SourceMissing(path));
    }
    crate::sql::migrate_sqlite(&without_our_options(from))
        .await
        .map_err(CopyError::Source)?;
    let pool = crate::sql::pg_pool(to, 1, crate::sql::Role::Tool)
        .await
        .map_err(CopyError::Target)?;
    let tables = tokio::task::spawn_blocking(move || read_source(&path))
        .await
        .expect("reading the source does not panic")?;
    let copied = write_target(&pool, &tables).await;
    pool.close().await;
    copied
}

/// The scheme of `url`, to name it in an error without its credentials.
fn scheme(url: &str) -> String {
    url.split_once(':').map_or("", |(s, _)| s).to_owned()
}

/// Every table's rows, read in one read transaction.
fn read_source(path: &std::path::Path) -> Result<Vec<Rows>, CopyError> {
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(10))?;
    let tx = conn.transaction()?;
    let mut names = tx.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?;
    let present = names
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(names);
    check_tables("SQLite", &present)?;
    let mut all = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let mut columns = tx.prepare("SELECT name FROM pragma_table_info(?1)")?;
        let columns = columns
            .query_map([table.name], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        check_columns("SQLite", table, &columns)?;
        let mut select = tx.prepare(&format!(
            "SELECT {} FROM {} ORDER BY rowid",
            column_list(table),
            table.name
        ))?;
        let rows = select
            .query_map([], |r| {
                table
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, (_, kind))| {
                        Ok(match kind {
                            Int => Cell::Int(r.get(i)?),
                            Text => Cell::Text(r.get(i)?),
                            Bool => Cell::Bool(r.get(i)?),
                        })
                    })
                    .collect()
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        all.push(Rows { table, rows });
    }
    Ok(all)
}

/// Writes every table in one transaction, or nothing.
async fn write_target(pool: &sqlx::PgPool, tables: &[Rows]) -> Result<Vec<Copied>, CopyError> {
    let mut tx = pool.begin().await?;
    let present: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    )
    .fetch_all(&mut *tx)
    .await?;
    check_tables("PostgreSQL", &present)?;
    let names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
    sqlx::query(&format!(
        "LOCK TABLE {} IN EXCLUSIVE MODE",
        names.join(", ")
    ))
    .execute(&mut *tx)
    .await?;
    for table in TABLES {
        let columns: Vec<String> = sqlx::query_scalar(
            "SELECT column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1",
        )
        .bind(table.name)
        .fetch_all(&mut *tx)
        .await?;
        check_columns("PostgreSQL", table, &columns)?;
        let rows = count(&mut tx, table.name).await?;
        if rows > 0 {
            return Err(CopyError::TargetNotEmpty {
                table: table.name,
                rows,
            });
        }
    }
    for Rows { table, rows } in tables {
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            let mut insert = QueryBuilder::<Postgres>::new(format!(
                "INSERT INTO {} ({}) ",
                table.name,
                column_list(table)
            ));
            insert.push_values(chunk, |mut row, cells| {
                for cell in cells {
                    match cell.clone() {
                        Cell::Int(v) => row.push_bind(v),
                        Cell::Text(v) => row.push_bind(v),
                        Cell::Bool(v) => row.push_bind(v),
                    };
                }
            });
            insert.build().execute(&mut *tx).await?;
        }
    }
    // New events are numbered after the copied ones.
    sqlx::query(
        "SELECT setval(pg_get_serial_sequence('events', 'seq'), COALESCE(MAX(seq), 0) + 1, false) \
         FROM events",
    )
    .execute(&mut *tx)
    .await?;
    let mut copied = Vec::with_capacity(tables.len());
    for Rows { table, rows } in tables {
        let source = rows.len() as u64;
        let target = count(&mut tx, table.name).await?;
        if u64::try_from(target) != Ok(source) {
            return Err(CopyError::CountMismatch {
                table: table.name,
                in_source: source,
                target,
            });
        }
        copied.push(Copied {
            table: table.name,
            rows: source,
        });
    }
    tx.commit().await?;
    Ok(copied)
}

async fn count(tx: &mut sqlx::PgConnection, table: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
        .fetch_one(tx)
        .await
}

fn column_list(table: &Table) -> String {
    table
        .columns
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Refuses a database with a table this copy does not know: it would be
/// left behind.
fn check_tables(engine: &'static str, present: &[String]) -> Result<(), CopyError> {
    for name in present {
        let known = TABLES.iter().any(|t| t.name == name) || ENGINE_TABLES.contains(&&**name);
        if !known {
            return Err(CopyError::UnknownTable {
                engine,
                table: name.clone(),
            });
        }
    }
    Ok(())
}

/// Refuses a table whose columns are not exactly the copied ones (besides
/// [`NOT_COPIED`]).
fn check_columns(
    engine: &'static str,
    table: &'static Table,
    present: &[String],
) -> Result<(), CopyError> {
    for &(column, _) in table.columns {
        if !present.iter().any(|c| c == column) {
            return Err(CopyError::MissingColumn {
                engine,
                table: table.name,
                column,
            });
        }
    }
    for column in present {
        let copied = table.columns.iter().any(|(c, _)| c == column);
        if !copied && !NOT_COPIED.contains(&(table.name, column.as_str())) {
            return Err(CopyError::UnknownColumn {
                engine,
                table: table.name.to_owned(),
                column: column.clone(),
            });
        }
    }
    Ok(())
}
