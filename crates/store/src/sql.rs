//! The PostgreSQL engine behind [`Store`] (sqlx), the SQLite migrations, and
//! what both engines share: column lists and the JSON forms of values.

use std::str::FromStr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use async_trait::async_trait;
use countersign_core::audit::{link, ChainLink, Checkpoint, GENESIS};
use countersign_core::challenge::Challenge;
use countersign_core::event::Event;
use countersign_core::factor::Factor;
use countersign_core::help::Article;
use countersign_core::ids::ServiceId;
use countersign_core::limits::CounterCheck;
use countersign_core::lockout::{Failures, LockoutPolicy};
use countersign_core::message::{DeliveryStatus, MessageRecord};
use countersign_core::outbox::LEASE;
use countersign_core::portal::{Pending, PortalSession};
use countersign_core::retention::Cutoffs;
use countersign_core::service::{ApiKey, Service, ServiceSettings};
use countersign_core::support::Appointment;
use countersign_core::user::User;
use countersign_core::webhook::ServiceWebhook;
use countersign_core::Timestamp;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use tokio::sync::broadcast;

use crate::{
    rows, AfterDelivery, ArticleFilter, AuditChain, ChallengeWrite, Erased, Erasure, FactorUse,
    ImportedUser, LockedEvent, MessageUpdate, NoticeOutcome, NoticeRecord, OpenedFrom, Purged,
    Result, Revoked, Saved, SecurityWrite, Signal, Store, StoreError, UserEffect, WebhookClaim,
    WebhookDelivery,
};

/// The PostgreSQL backend, for several `serve` processes on one database.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: sqlx::PgPool,
    /// Other processes' changes, once something asked ([`Store::signals`]).
    signals: Arc<OnceLock<broadcast::Sender<Signal>>>,
}

/// Signals kept for a slow follower before it is told it lagged (and
/// catches up).
const SIGNAL_BACKLOG: usize = 1024;

/// Follows the database's notifications into `signals`, for as long as
/// anyone follows them. A lost connection is made again, after which
/// everything is looked at anew ([`Signal::CatchUp`]): what was said
/// meanwhile is gone.
async fn listen(pool: sqlx::PgPool, signals: broadcast::Sender<Signal>) {
    let mut retry = Duration::from_millis(100);
    while signals.receiver_count() > 0 {
        match follow(&pool, &signals).await {
            Ok(()) => retry = Duration::from_millis(100),
            Err(e) => {
                tracing::warn!(error = %e, "listening for other processes' changes failed; trying again");
                tokio::time::sleep(retry).await;
                retry = (retry * 2).min(Duration::from_secs(10));
            }
        }
    }
}

/// One connection's worth of notifications: returns when it is lost.
async fn follow(pool: &sqlx::PgPool, signals: &broadcast::Sender<Signal>) -> Result<()> {
    let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
    let (schema,): (String,) = sqlx::query_as("SELECT current_schema()")
        .fetch_one(&mut listener)
        .await?;
    listener.listen(&format!("countersign_{schema}")).await?;
    let _ = signals.send(Signal::CatchUp);
    while let Some(notification) = listener.try_recv().await? {
        if let Some(signal) = Signal::parse(notification.payload()) {
            let _ = signals.send(signal);
        }
        if signals.receiver_count() == 0 {
            break;
        }
    }
    Ok(())
}

impl PgStore {
    pub(crate) fn reads(&self) -> &sqlx::PgPool {
        &self.pool
    }
    pub(crate) fn writes(&self) -> &sqlx::PgPool {
        &self.pool
    }

    /// Links up to [`SEAL_BATCH`] of a service's unsealed events after its
    /// chain head, oldest first, in one short transaction; how many. The
    /// head's row lock makes concurrent sealers (other processes) take turns.
    async fn seal_chain(&self, service_id: &str) -> Result<usize> {
        let mut tx = self.writes().begin().await?;
        let (seq, hash): (i64, String) = sqlx::query_as(&format!(
            "INSERT INTO audit_heads (service_id, seq, hash) VALUES ($1, 0, '{GENESIS}') \
             ON CONFLICT (service_id) DO UPDATE SET seq = audit_heads.seq RETURNING seq, hash"
        ))
        .bind(service_id)
        .fetch_one(&mut *tx)
        .await?;
        let rows = sqlx::query(&format!(
            "SELECT seq, {EVENT_COLUMNS} FROM events WHERE service_id = $1 AND unsealed \
             ORDER BY seq LIMIT {SEAL_BATCH}"
        ))
        .bind(service_id)
        .fetch_all(&mut *tx)
        .await?;
        let seqs = rows
            .iter()
            .map(|r| rows::SqlRow::int(r, "seq"))
            .collect::<Result<Vec<i64>>>()?;
        let events = rows
            .iter()
            .map(rows::event)
            .collect::<Result<Vec<Event>>>()?;
        let chain = link(&events.iter().collect::<Vec<_>>(), seq, &hash);
        let Some(last) = chain.last() else {
            return Ok(0);
        };
        sqlx::query(
            "UPDATE events e SET chain_seq = l.chain_seq, prev_hash = l.prev_hash, hash = l.hash, unsealed = NULL \
             FROM UNNEST($1::BIGINT[], $2::BIGINT[], $3::TEXT[], $4::TEXT[]) AS l(seq, chain_seq, prev_hash, hash) \
             WHERE e.seq = l.seq",
        )
        .bind(&seqs)
        .bind(chain.iter().map(|l| l.chain_seq).collect::<Vec<_>>())
        .bind(chain.iter().map(|l| l.prev_hash.as_str()).collect::<Vec<_>>())
        .bind(chain.iter().map(|l| l.hash.as_str()).collect::<Vec<_>>())
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE audit_heads SET seq = $1, hash = $2 WHERE service_id = $3")
            .bind(last.chain_seq)
            .bind(&last.hash)
            .bind(service_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(chain.len())
    }

    /// Links every unsealed event of every service; how many.
    async fn seal_all(&self) -> Result<u64> {
        let services: Vec<(String,)> =
            sqlx::query_as("SELECT DISTINCT service_id FROM events WHERE unsealed")
                .fetch_all(self.reads())
                .await?;
        let mut sealed = 0;
        for (service_id,) in services {
            loop {
                let n = self.seal_chain(&service_id).await?;
                sealed += n as u64;
                if n < SEAL_BATCH {
                    break;
                }
            }
        }
        Ok(sealed)
    }
}

impl PgStore {
    /// A right answer that writes only the challenge, the user's success and
    /// events (the common verify), saved in one statement that also reads
    /// the challenge's messages for the answer: one round trip and an
    /// implicit transaction instead of six. `None` for any other write,
    /// which takes the general path. The user's row is checked (and locked)
    /// first, so that a locked user or a lost race writes nothing.
    async fn save_plain_success(
        &self,
        c: &Challenge,
        write: &ChallengeWrite<'_>,
    ) -> Result<Option<(Saved, Vec<MessageRecord>)>> {
        let UserEffect::Success {
            verified_email,
            verified_phone,
            approved,
            now,
        } = &write.user
        else {
            return Ok(None);
        };
        if write.new_message.is_some()
            || write.message_update.is_some()
            || write.factor_use.is_some()
            || !write.counters.is_empty()
            || write.security.is_some()
        {
            return Ok(None);
        }
        let events = write.events;
        let rows = sqlx::query(&PLAIN_SUCCESS)
            .bind(c.status.as_str())
            .bind(c.expires_at.millis())
            .bind(to_json(c))
            .bind(&c.id)
            .bind(c.version)
            .bind(&c.user_pk)
            .bind(now.millis())
            .bind(verified_email)
            .bind(verified_phone)
            .bind(*approved)
            .bind(column(events, |e| e.id.as_str()))
            .bind(column(events, |e| e.service_id.as_str()))
            .bind(column(events, |e| e.user_id.as_deref()))
            .bind(column(events, |e| e.kind.as_str()))
            .bind(column(events, |e| e.at.millis()))
            .bind(column(events, |e| e.ip.as_deref()))
            .bind(column(events, |e| e.detail.to_string()))
            .bind(column(events, |e| e.personal.salt()))
            .bind(column(events, |e| e.personal.erased_digest()))
            .fetch_all(self.writes())
            .await?;
        let first = rows.first().ok_or(sqlx::Error::RowNotFound)?;
        let user_ok = rows::SqlRow::flag(first, "user_ok")?;
        let saved = rows::SqlRow::flag(first, "saved")?;
        // Messages are not written here: what the statement read is what
        // the challenge has after it.
        let messages = rows
            .iter()
            .filter(|r| matches!(rows::SqlRow::opt_text(*r, "id"), Ok(Some(_))))
            .map(rows::message)
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(match (user_ok, saved) {
            (false, _) => (Saved::UserLocked, Vec::new()),
            (true, false) => (Saved::Conflict, Vec::new()),
            (true, true) => (Saved::Done { locked_until: None }, messages),
        }))
    }
}

/// The statement of [`PgStore::save_plain_success`], formatted once (a
/// verify's hot path: no string built per call).
static PLAIN_SUCCESS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "WITH ok AS (SELECT id FROM users WHERE id = $6 AND (locked_until IS NULL OR locked_until <= $7) FOR UPDATE), \
             c AS (UPDATE challenges SET status = $1, expires_at = $2, state = $3, version = version + 1 \
                   WHERE id = $4 AND version = $5 AND EXISTS (SELECT 1 FROM ok) RETURNING 1), \
             u AS (UPDATE users SET failed_attempts = CASE WHEN $10 THEN 0 ELSE failed_attempts END, \
                   keyed_failures = CASE WHEN $10 THEN 0 ELSE keyed_failures END, \
                   email_verified = CASE WHEN email = $8 THEN TRUE ELSE email_verified END, \
                   phone_verified = CASE WHEN phone = $9 THEN TRUE ELSE phone_verified END \
                   WHERE id IN (SELECT id FROM ok) AND EXISTS (SELECT 1 FROM c) \
                   AND (($10 AND failed_attempts <> 0) OR (email = $8 AND NOT email_verified) \
                        OR (phone = $9 AND NOT phone_verified))), \
             e AS (INSERT INTO events ({EVENT_COLUMNS}, unsealed) \
                   SELECT *, TRUE FROM UNNEST($11::TEXT[], $12::TEXT[], $13::TEXT[], $14::TEXT[], $15::BIGINT[], $16::TEXT[], $17::TEXT[], $18::TEXT[], $19::TEXT[]) \
                   WHERE EXISTS (SELECT 1 FROM c)), \
             o AS (SELECT EXISTS (SELECT 1 FROM ok) AS user_ok, EXISTS (SELECT 1 FROM c) AS saved) \
             SELECT o.user_ok, o.saved, {MESSAGE_COLUMNS} FROM o \
             LEFT JOIN messages ON challenge_id = $4 ORDER BY created_at, id"
    )
});

/// Events linked per sealing transaction at most.
const SEAL_BATCH: usize = 1000;

/// Opens the database named by `url` (`sqlite://…` or `postgres://…`) and
/// applies pending migrations. SQLite is served by [`crate::sqlite`];
/// PostgreSQL by the statements below.
pub async fn connect(url: &str) -> Result<Arc<dyn Store>> {
    open(url, Role::Tool).await
}

/// [`connect`] for a `serve` process: it wakes its own outbox worker after
/// its writes, so the database does not announce them to every process
/// (see the migration `0020_signals.sql`).
pub async fn connect_server(url: &str) -> Result<Arc<dyn Store>> {
    open(url, Role::Server).await
}

/// Who writes through a connection, for the signals its writes send.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Server,
    Tool,
}

async fn open(url: &str, role: Role) -> Result<Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(crate::sqlite::SqliteStore::open(url).await?))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Arc::new(PgStore {
            pool: pg_pool(url, 16, role).await?,
            signals: Arc::default(),
        }))
    } else {
        Err(StoreError::BadUrl(format!(
            "{url:?}: expected sqlite://PATH or postgres://USER@HOST/DB"
        )))
    }
}

/// A pool of up to `connections` on the PostgreSQL database of `url`,
/// migrated to this version.
pub(crate) async fn pg_pool(url: &str, connections: u32, role: Role) -> Result<sqlx::PgPool> {
    let mut options =
        PgConnectOptions::from_str(url).map_err(|e| StoreError::BadUrl(e.to_string()))?;
    if role == Role::Server {
        options = options.options([("countersign.quiet", "on")]);
    }
    let pool = PgPoolOptions::new()
        .max_connections(connections)
        .test_before_acquire(false)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await?;
    sqlx::migrate!("migrations/postgres").run(&pool).await?;
    Ok(pool)
}

/// Creates the SQLite database file of `url` if needed and applies pending
/// migrations, through one short-lived connection.
pub(crate) async fn migrate_sqlite(url: &str) -> Result<()> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| StoreError::BadUrl(e.to_string()))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    sqlx::migrate!("migrations/sqlite").run(&pool).await?;
    pool.close().await;
    Ok(())
}

/// One column of `events`, as the array an `UNNEST` reads.
fn column<'e, T>(events: &'e [Event], value: impl Fn(&'e Event) -> T) -> Vec<T> {
    events.iter().map(value).collect()
}

pub(crate) fn conflict_on_unique(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
        _ => StoreError::Database(e),
    }
}

/// The `params` column of a factor: what its kind keeps besides the seed.
pub(crate) fn factor_params(f: &Factor) -> Option<String> {
    f.otp
        .as_ref()
        .map(to_json)
        .or_else(|| f.device.as_ref().map(to_json))
        .or_else(|| f.webauthn.as_ref().map(to_json))
}

/// What a settings write does to the service's logo row.
pub(crate) enum LogoWrite {
    Keep,
    /// (SHA-256 hex, image base64)
    Put((String, String)),
    Remove,
}

/// A logo's row: its SHA-256 as the settings describe it, and the image
/// as base64 text.
pub(crate) fn logo_write(service: &Service, image: Option<&[u8]>) -> LogoWrite {
    use base64::Engine;
    match (image, &service.settings.brand.logo) {
        (Some(image), Some(logo)) => LogoWrite::Put((
            logo.sha256.clone(),
            base64::engine::general_purpose::STANDARD.encode(image),
        )),
        _ => LogoWrite::Remove,
    }
}

pub(crate) fn logo_bytes(image: &str) -> Result<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(image)
        .map_err(|e| StoreError::Corrupt(format!("service logo: {e}")))
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("domain types serialise")
}

pub(crate) const USER_COLUMNS: &str = "id, service_id, external_id, email, phone, email_verified, phone_verified, locale, display_name, failed_attempts, locked_until, created_at, updated_at, security_hold_until";
pub(crate) const API_KEY_COLUMNS: &str = "id, service_id, prefix, created_at, last_used_at";
pub(crate) const EVENT_COLUMNS: &str =
    "id, service_id, user_id, kind, at, ip, detail, personal_salt, personal_digest";
pub(crate) const FACTOR_COLUMNS: &str = "id, service_id, user_pk, kind, status, label, params, secret, moving_factor, created_at, last_used_at";
/// Factors with the count of unused recovery codes of each set.
pub(crate) const FACTOR_SELECT: &str = "SELECT id, service_id, user_pk, kind, status, label, params, secret, moving_factor, created_at, last_used_at, \
     (SELECT COUNT(*) FROM recovery_codes r WHERE r.factor_id = factors.id AND r.used_at IS NULL) AS codes_left FROM factors";
pub(crate) const ARTICLE_COLUMNS: &str =
    "slug, locale, title, category, body, published_at, updated_at, views";
/// The conditions of [`ArticleFilter`], on parameters $1 (service) to $4.
pub(crate) const ARTICLE_WHERE: &str =
    "service_id = $1 AND (CAST($2 AS TEXT) IS NULL OR locale = $2) \
     AND (CAST($3 AS TEXT) IS NULL OR category = $3) \
     AND (CAST($4 AS BIGINT) IS NULL OR (published_at IS NOT NULL AND published_at <= $4))";
pub(crate) const PORTAL_COLUMNS: &str = "id, service_id, user_pk, created_at, expires_at, link_expires_at, last_seen_at, return_url, locale, step_up_challenge, step_up_until, pending_action, user_agent, ip";
pub(crate) const CHAINED_EVENT_COLUMNS: &str = "id, service_id, user_id, kind, at, ip, detail, personal_salt, personal_digest, chain_seq, prev_hash, hash";

/// What deleting a user does besides removing their row and what cascades
/// with it: requests the erasure of their events up to the deletion's own
/// (`$1`, the `user.deleted` event's id; a later user with the same id
/// keeps theirs), and removes their security notices, sent or not
/// ([`FORGET_NOTICES`], `$1` the user's row id: a deleted user is not
/// written to).
pub(crate) const REQUEST_ERASURE: &str =
    "INSERT INTO erasures (service_id, user_id, up_to_seq, requested_at) \
     SELECT service_id, user_id, seq, at FROM events WHERE id = $1 \
     RETURNING service_id, user_id, up_to_seq, requested_at";
pub(crate) const FORGET_NOTICES: &str = "DELETE FROM notices WHERE user_pk = $1";
/// Erasures to finish, oldest first, at most `$1`.
pub(crate) const PENDING_ERASURES: &str = "SELECT service_id, user_id, up_to_seq, requested_at \
     FROM erasures ORDER BY requested_at, service_id, user_id LIMIT $1";
/// Up to `$4` events of user `$2` in service `$1`, up to `$3`, not erased
/// yet (the `events_by_user` index finds them).
pub(crate) static ERASABLE_EVENTS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE service_id = $1 AND user_id = $2 AND seq <= $3 \
         AND personal_salt IS NOT NULL ORDER BY seq LIMIT $4"
    )
});
/// Writes what [`Event::erase`] left of an event (`$3`).
pub(crate) const ERASE_EVENT: &str = "UPDATE events SET user_id = NULL, ip = NULL, detail = $1, \
     personal_salt = NULL, personal_digest = $2 WHERE id = $3";
pub(crate) const FINISH_ERASURE: &str =
    "DELETE FROM erasures WHERE service_id = $1 AND user_id = $2 AND up_to_seq = $3";

/// `events` with their personal data erased (see [`Event::erase`]).
pub(crate) fn erased_events(events: Vec<Event>) -> Vec<Event> {
    events
        .into_iter()
        .map(|mut e| {
            e.erase();
            e
        })
        .collect()
}

/// Every sealed secret: factors' seeds and service webhooks' secrets.
pub(crate) const SEALED_SECRETS: &str = "SELECT id, secret FROM factors WHERE secret IS NOT NULL \
     UNION ALL SELECT id, secret FROM service_webhooks ORDER BY id";
/// Replaces sealed secret `$2` if it is still `$3` (ids are unique across
/// both tables: their prefixes differ).
pub(crate) const RESEAL_SECRET: [&str; 2] = [
    "UPDATE factors SET secret = $1 WHERE id = $2 AND secret = $3",
    "UPDATE service_webhooks SET secret = $1 WHERE id = $2 AND secret = $3",
];
pub(crate) const WEBHOOK_COLUMNS: &str = "id, service_id, url, events, created_at";
/// Registers endpoint `$1` of service `$2` unless it has `$7` already.
pub(crate) const INSERT_SERVICE_WEBHOOK: &str =
    "INSERT INTO service_webhooks (id, service_id, url, secret, events, created_at) \
     SELECT $1, $2, $3, $4, $5, $6 WHERE (SELECT COUNT(*) FROM service_webhooks WHERE service_id = $2) < $7";
pub(crate) const DELETE_SERVICE_WEBHOOK: [&str; 2] = [
    "DELETE FROM service_webhooks WHERE service_id = $1 AND id = $2",
    "DELETE FROM webhook_cursors WHERE service_id = $1 AND endpoint = $2",
];
/// Services whose events endpoint `$1` has yet to deliver and may try at `$2`.
pub(crate) const WEBHOOK_BACKLOG: &str =
    "SELECT c.service_id FROM webhook_cursors c JOIN audit_heads h ON h.service_id = c.service_id \
     WHERE c.endpoint = $1 AND h.seq > c.delivered_seq AND c.next_attempt_at <= $2 AND c.lease_until <= $2 \
     ORDER BY c.service_id";

/// One purge batch ([`Store::purge_expired`]): each statement deletes at
/// most `$2` rows that ended before `$1` (the cutoffs of [`purge_cutoffs`],
/// in order), oldest first. `lock` ends each choice of rows: PostgreSQL
/// skips rows another purge is deleting (`FOR UPDATE SKIP LOCKED`), so two
/// purges at once neither wait for nor deadlock on each other; SQLite's one
/// writer needs nothing.
fn purge_statements(lock: &str) -> [String; 6] {
    [
        ("send_counters", "(key, window_start)", "key, window_start", "window_end < $1 ORDER BY window_end"),
        ("device_signatures", "signature_hash", "signature_hash", "expires_at < $1 ORDER BY expires_at"),
        ("webauthn_ceremonies", "id", "id", "expires_at < $1 ORDER BY expires_at"),
        ("portal_sessions", "id", "id", "expires_at < $1 ORDER BY expires_at"),
        ("notices", "id", "id", "status <> 'pending' AND updated_at < $1"),
        ("webhook_deliveries", "id", "id", "at < $1"),
    ]
    .map(|(table, key, columns, ended)| {
        format!("DELETE FROM {table} WHERE {key} IN (SELECT {columns} FROM {table} WHERE {ended} LIMIT $2{lock})")
    })
}

/// The challenges of one purge batch (expired before `$1`, held ones
/// before `$2`, at most `$3`): their messages, then themselves.
fn purge_challenges(lock: &str) -> [String; 2] {
    let ended = format!(
        "SELECT id FROM challenges WHERE expires_at < $1 AND (status <> 'held' OR expires_at < $2) \
         ORDER BY expires_at, id LIMIT $3{lock}"
    );
    [
        format!("DELETE FROM messages WHERE challenge_id IN ({ended})"),
        format!("DELETE FROM challenges WHERE id IN ({ended})"),
    ]
}

/// [`purge_statements`] then [`purge_challenges`], per engine.
pub(crate) struct PurgeSql {
    pub(crate) expired: [String; 6],
    pub(crate) challenges: [String; 2],
}

pub(crate) static PURGE_SQLITE: std::sync::LazyLock<PurgeSql> =
    std::sync::LazyLock::new(|| PurgeSql {
        expired: purge_statements(""),
        challenges: purge_challenges(""),
    });
static PURGE_PG: std::sync::LazyLock<PurgeSql> = std::sync::LazyLock::new(|| PurgeSql {
    expired: purge_statements(" FOR UPDATE SKIP LOCKED"),
    challenges: purge_challenges(" FOR UPDATE SKIP LOCKED"),
});

/// The cutoff of each of [`purge_statements`].
pub(crate) fn purge_cutoffs(cut: &Cutoffs) -> [i64; 6] {
    let (now, logs) = (cut.now.millis(), cut.logs.millis());
    [now, now, now, now, logs, logs]
}

/// What [`purge_statements`] and [`purge_challenges`] deleted.
pub(crate) fn purged(expired: [u64; 6], (challenges, messages): (u64, u64)) -> Purged {
    let mut purged = Purged::default();
    let counts = expired.into_iter().chain([challenges, messages]);
    for (n, count) in purged.each().into_iter().zip(counts) {
        *n = count;
    }
    purged
}

/// The oldest chain position any webhook endpoint still has to deliver
/// from, for service `$1` (`None`: no endpoint waits). An endpoint without
/// a cursor yet starts at 0 for a service created after it was first seen.
pub(crate) const UNDELIVERED_FROM: &str = "SELECT MIN(pos) AS pos FROM (\
     SELECT delivered_seq AS pos FROM webhook_cursors WHERE service_id = $1 \
     UNION ALL SELECT 0 AS pos FROM webhook_endpoints e JOIN services s ON s.id = $1 \
     WHERE s.created_at >= e.first_seen AND NOT EXISTS \
     (SELECT 1 FROM webhook_cursors c WHERE c.endpoint = e.name AND c.service_id = $1)) AS p";
/// A service's chained events after position `$2`, at most `$3`, in order.
pub(crate) static PRUNE_CANDIDATES: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT {CHAINED_EVENT_COLUMNS} FROM events WHERE service_id = $1 AND chain_seq > $2 \
         ORDER BY chain_seq LIMIT $3"
    )
});
pub(crate) const PRUNE_EVENTS: &str =
    "DELETE FROM events WHERE service_id = $1 AND chain_seq > $2 AND chain_seq <= $3";
pub(crate) const SAVE_CHECKPOINT: &str =
    "INSERT INTO audit_checkpoints (service_id, seq, hash, at) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (service_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, at = excluded.at";

/// How many of `candidates` (a service's oldest chained events after
/// `checkpoint`) may be pruned: before `before`, delivered to every
/// webhook endpoint (up to `delivered`), and intact.
pub(crate) fn prunable(
    checkpoint: Option<&(i64, String)>,
    candidates: &[(Event, ChainLink)],
    before: Timestamp,
    delivered: Option<i64>,
) -> Result<usize> {
    Ok(countersign_core::audit::prunable(
        checkpoint.map(|(seq, hash)| (*seq, hash.as_str())),
        candidates,
        |event, link| event.at >= before || delivered.is_some_and(|d| link.chain_seq > d),
    )?)
}

pub(crate) const MESSAGE_COLUMNS: &str = "id, challenge_id, channel, destination, status, provider_ref, attempts, error, created_at, updated_at";

/// Inserts events in one statement, on any executor of the engine (pool or
/// transaction).
/// Appends one attempt to the webhook delivery log.
macro_rules! insert_delivery {
    ($exec:expr, $d:expr) => {
        let d: &WebhookDelivery = $d;
        sqlx::query(
            "INSERT INTO webhook_deliveries (id, endpoint, service_id, event_id, attempt, status_code, error, at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&d.id)
        .bind(&d.endpoint)
        .bind(&d.service_id)
        .bind(&d.event_id)
        .bind(i64::from(d.attempt))
        .bind(d.status_code.map(i64::from))
        .bind(&d.error)
        .bind(d.at.millis())
        .execute(&mut *$exec)
        .await?;
    };
}

async fn pg_insert_user(tx: &mut sqlx::PgConnection, u: &User) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO users ({USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
    ))
    .bind(&u.id)
    .bind(&u.service_id)
    .bind(&u.user_id)
    .bind(&u.email)
    .bind(&u.phone)
    .bind(u.email_verified)
    .bind(u.phone_verified)
    .bind(&u.locale)
    .bind(&u.display_name)
    .bind(i64::from(u.failed_attempts))
    .bind(u.locked_until.map(Timestamp::millis))
    .bind(u.created_at.millis())
    .bind(u.updated_at.millis())
    .bind(u.security_hold_until.map(Timestamp::millis))
    .execute(tx)
    .await
    .map_err(conflict_on_unique)?;
    Ok(())
}

/// The fields that differ between `b` and `u`, and only those (see
/// [`Store::update_user`]).
async fn pg_update_user(tx: &mut sqlx::PgConnection, b: &User, u: &User) -> Result<()> {
    sqlx::query(
        "UPDATE users SET \
         email = CASE WHEN $1 THEN $2 ELSE email END, \
         email_verified = CASE WHEN $3 THEN $4 ELSE email_verified END, \
         phone = CASE WHEN $5 THEN $6 ELSE phone END, \
         phone_verified = CASE WHEN $7 THEN $8 ELSE phone_verified END, \
         locale = CASE WHEN $9 THEN $10 ELSE locale END, \
         display_name = CASE WHEN $11 THEN $12 ELSE display_name END, \
         updated_at = $13 WHERE id = $14",
    )
    .bind(b.email != u.email)
    .bind(&u.email)
    .bind(b.email != u.email || b.email_verified != u.email_verified)
    .bind(u.email_verified)
    .bind(b.phone != u.phone)
    .bind(&u.phone)
    .bind(b.phone != u.phone || b.phone_verified != u.phone_verified)
    .bind(u.phone_verified)
    .bind(b.locale != u.locale)
    .bind(&u.locale)
    .bind(b.display_name != u.display_name)
    .bind(&u.display_name)
    .bind(u.updated_at.millis())
    .bind(&u.id)
    .execute(tx)
    .await?;
    Ok(())
}

async fn pg_insert_factor(tx: &mut sqlx::PgConnection, f: &Factor) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO factors ({FACTOR_COLUMNS}, fingerprint) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    ))
    .bind(&f.id)
    .bind(&f.service_id)
    .bind(&f.user_pk)
    .bind(f.kind.as_str())
    .bind(f.status.as_str())
    .bind(&f.label)
    .bind(factor_params(f))
    .bind(&f.sealed_secret)
    .bind(i64::try_from(f.moving_factor).unwrap_or(i64::MAX))
    .bind(f.created_at.millis())
    .bind(f.last_used_at.map(Timestamp::millis))
    .bind(&f.seed_fingerprint)
    .execute(tx)
    .await
    .map_err(conflict_on_unique)?;
    Ok(())
}

macro_rules! insert_events {
    ($exec:expr, $events:expr) => {
        let events: &[Event] = $events;
        if !events.is_empty() {
            // Unlinked: the sealer (`seal_chains`) links them into the
            // chain, so that no writer waits for the chain's head.
            let sql = events_insert_sql(events.len());
            let mut query = sqlx::query(&sql);
            for e in events {
                query = query
                    .bind(&e.id)
                    .bind(&e.service_id)
                    .bind(&e.user_id)
                    .bind(&e.kind)
                    .bind(e.at.millis())
                    .bind(&e.ip)
                    .bind(e.detail.to_string())
                    .bind(e.personal.salt())
                    .bind(e.personal.erased_digest());
            }
            query.execute(&mut *$exec).await?;
        }
    };
}

/// `($1, …, $n{tail}), ($n+1, …{tail}), …`: the VALUES lists of a
/// `rows`-row insert of `columns` parameters each (both engines).
pub(crate) fn values_lists(rows: usize, columns: usize, tail: &str) -> String {
    let values: Vec<String> = (0..rows)
        .map(|r| {
            let params: Vec<String> = (1..=columns)
                .map(|c| format!("${}", r * columns + c))
                .collect();
            format!("({}{tail})", params.join(", "))
        })
        .collect();
    values.join(", ")
}

/// `INSERT INTO events … VALUES ($1, …, $9, TRUE), ($10, …)` for `rows` events.
fn events_insert_sql(rows: usize) -> String {
    format!(
        "INSERT INTO events ({EVENT_COLUMNS}, unsealed) VALUES {}",
        values_lists(rows, 9, ", TRUE")
    )
}

/// Ends a write method: rolls back and answers false when `$changed` rows
/// is 0, else records `$events` and commits.
/// Writes a security change's hold and notices on `$exec`, in the
/// transaction of the change itself.
macro_rules! write_security {
    ($exec:expr, $security:expr) => {
        let security: Option<&SecurityWrite> = $security;
        if let Some(sw) = security {
            if let Some(until) = sw.hold_until {
                sqlx::query(
                    "UPDATE users SET security_hold_until = CASE WHEN security_hold_until IS NULL \
                     OR security_hold_until < $1 THEN $1 ELSE security_hold_until END WHERE id = $2",
                )
                .bind(until.millis())
                .bind(&sw.user_pk)
                .execute(&mut *$exec)
                .await?;
            }
            for n in &sw.notices {
                let at = n.content.at.millis();
                sqlx::query(
                    "INSERT INTO notices (id, service_id, user_pk, channel, destination, locale, content, \
                     status, attempts, next_attempt_at, lease_until, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, 0, $8, $8)",
                )
                .bind(&n.id)
                .bind(&n.service_id)
                .bind(&n.user_pk)
                .bind(n.channel.as_str())
                .bind(&n.to)
                .bind(&n.locale)
                .bind(serde_json::to_string(&n.content).map_err(|e| StoreError::Corrupt(e.to_string()))?)
                .bind(at)
                .execute(&mut *$exec)
                .await?;
            }
        }
    };
}

/// Inserts an API key's row on the transaction `$tx`.
macro_rules! insert_api_key {
    ($tx:expr, $key:expr, $key_hash:expr) => {{
        let key: &ApiKey = $key;
        sqlx::query(
            "INSERT INTO api_keys (id, service_id, key_hash, prefix, created_at, last_used_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&key.id)
        .bind(&key.service_id)
        .bind($key_hash)
        .bind(&key.prefix)
        .bind(key.created_at.millis())
        .bind(key.last_used_at.map(Timestamp::millis))
        .execute(&mut *$tx)
        .await?;
    }};
}

macro_rules! commit_if_changed {
    ($tx:expr, $changed:expr, $events:expr, $security:expr) => {{
        if $changed == 0 {
            return Ok(false);
        }
        insert_events!($tx, $events);
        write_security!($tx, $security);
        $tx.commit().await?;
        Ok(true)
    }};
}

/// Counts one failure (`$keyed` or not) against a user on `$exec` and
/// locks them when the lockout rule says so. Evaluates to `None` when the
/// user was already locked (nothing counted), else `Some(locked_until)`.
macro_rules! count_failure {
    ($exec:expr, $user_pk:expr, $lockout:expr, $now:expr, $keyed:expr) => {{
        let lockout: &LockoutPolicy = $lockout;
        let now: Timestamp = $now;
        let failures: Option<(i64, i64)> = sqlx::query_as(
            "UPDATE users SET failed_attempts = failed_attempts + 1, \
             keyed_failures = keyed_failures + CASE WHEN $3 THEN 1 ELSE 0 END \
             WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2) \
             RETURNING failed_attempts, keyed_failures",
        )
        .bind($user_pk)
        .bind(now.millis())
        .bind($keyed)
        .fetch_optional(&mut *$exec)
        .await?;
        match failures {
            None => None,
            Some((all, keyed)) => {
                let failures = Failures {
                    all: u32::try_from(all).unwrap_or(u32::MAX),
                    keyed: u32::try_from(keyed).unwrap_or(u32::MAX),
                };
                let until = lockout.lock_after(failures, now);
                if let Some(until) = until {
                    sqlx::query("UPDATE users SET locked_until = $1 WHERE id = $2")
                        .bind(until.millis())
                        .bind($user_pk)
                        .execute(&mut *$exec)
                        .await?;
                }
                Some(until)
            }
        }
    }};
}

/// Increments each counter of `$checks` on `$exec`; evaluates to the index
/// of the first one past its cap (the caller then drops the transaction, so
/// nothing is counted), or `None`.
macro_rules! count_against {
    ($exec:expr, $checks:expr) => {{
        let checks: &[CounterCheck] = $checks;
        let mut over = None;
        for (i, check) in checks.iter().enumerate() {
            let count: i64 = sqlx::query_scalar(
                "INSERT INTO send_counters (key, window_start, window_end, count) VALUES ($1, $2, $3, 1) \
                 ON CONFLICT (key, window_start) DO UPDATE SET count = send_counters.count + 1 \
                 RETURNING count",
            )
            .bind(&check.key)
            .bind(check.window_start.millis())
            .bind(check.window_end.millis())
            .fetch_one(&mut *$exec)
            .await?;
            if count > i64::from(check.max) {
                over = Some(i);
                break;
            }
        }
        over
    }};
}

/// Applies a factor use on `$exec` (see [`FactorUse`]); evaluates to the
/// number of rows changed: 0 when the use was taken first (a replay).
macro_rules! apply_factor_use {
    ($exec:expr, $used:expr) => {{
        let used: FactorUse = $used;
        let tx = &mut *$exec;
        match used {
            FactorUse::Otp { factor_id, moving_factor, now } => sqlx::query(
                "UPDATE factors SET moving_factor = $1, last_used_at = $2 \
                 WHERE id = $3 AND status = 'active' AND moving_factor < $1",
            )
            .bind(i64::try_from(moving_factor).unwrap_or(i64::MAX))
            .bind(now.millis())
            .bind(&factor_id)
            .execute(&mut *tx)
            .await?
            .rows_affected(),
            FactorUse::Webauthn { factor_id, params, counter, now } => sqlx::query(
                "UPDATE factors SET params = $1, moving_factor = $2, last_used_at = $3 \
                 WHERE id = $4 AND status = 'active' AND (moving_factor < $2 OR (moving_factor = 0 AND $2 = 0))",
            )
            .bind(params)
            .bind(i64::from(counter))
            .bind(now.millis())
            .bind(&factor_id)
            .execute(&mut *tx)
            .await?
            .rows_affected(),
            FactorUse::RecoveryCode { factor_id, code_hash, now } => {
                let spent = sqlx::query(
                    "UPDATE recovery_codes SET used_at = $1 \
                     WHERE factor_id = $2 AND code_hash = $3 AND used_at IS NULL",
                )
                .bind(now.millis())
                .bind(&factor_id)
                .bind(&code_hash)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                sqlx::query("UPDATE factors SET last_used_at = $1 WHERE id = $2")
                    .bind(now.millis())
                    .bind(&factor_id)
                    .execute(&mut *tx)
                    .await?;
                spent
            }
        }
    }};
}

/// Records what the provider answered to a send on `$exec`, unless a
/// status callback already moved the message on.
macro_rules! update_message_status {
    ($exec:expr, $m:expr) => {
        let m: &MessageUpdate = $m;
        sqlx::query(
            "UPDATE messages SET status = $1, provider_ref = COALESCE($2, provider_ref), attempts = $3, error = $4, updated_at = $5 \
             WHERE id = $6 AND status = 'queued'",
        )
        .bind(m.status.as_str())
        .bind(&m.provider_ref)
        .bind(i64::from(m.attempts))
        .bind(&m.error)
        .bind(m.now.millis())
        .bind(&m.id)
        .execute(&mut *$exec)
        .await?;
    };
}

impl PgStore {
    /// The settings' compare-and-swap, and the logo's row with it.
    async fn write_settings(
        &self,
        service: &Service,
        before: &ServiceSettings,
        logo: LogoWrite,
        events: &[Event],
    ) -> Result<bool> {
        let mut tx = self.writes().begin().await?;
        let changed =
            sqlx::query("UPDATE services SET settings = $1 WHERE id = $2 AND settings = $3")
                .bind(to_json(&service.settings))
                .bind(&service.id)
                .bind(to_json(before))
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if changed > 0 {
            match logo {
                LogoWrite::Keep => {}
                LogoWrite::Put((sha256, image)) => {
                    sqlx::query(
                        "INSERT INTO service_logos (service_id, sha256, image) VALUES ($1, $2, $3) \
                         ON CONFLICT (service_id) DO UPDATE SET sha256 = excluded.sha256, image = excluded.image",
                    )
                    .bind(&service.id)
                    .bind(sha256)
                    .bind(image)
                    .execute(&mut *tx)
                    .await?;
                }
                LogoWrite::Remove => {
                    sqlx::query("DELETE FROM service_logos WHERE service_id = $1")
                        .bind(&service.id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        commit_if_changed!(tx, changed, events, None)
    }
}

macro_rules! sql_store {
    ($store:ty) => {
        #[async_trait]
        impl Store for $store {
            async fn ping(&self) -> Result<()> {
                sqlx::query("SELECT 1").execute(self.reads()).await?;
                Ok(())
            }

            async fn announce(&self, signal: Signal) -> Result<()> {
                if let Some(payload) = signal.payload() {
                    sqlx::query("SELECT pg_notify('countersign_' || current_schema(), $1)")
                        .bind(payload)
                        .execute(self.writes())
                        .await?;
                }
                Ok(())
            }

            fn signals(&self) -> Option<broadcast::Receiver<Signal>> {
                let sender = self.signals.get_or_init(|| {
                    let (sender, _) = broadcast::channel(SIGNAL_BACKLOG);
                    sender
                });
                let receiver = sender.subscribe();
                if sender.receiver_count() == 1 {
                    // The first follower (again): start listening.
                    tokio::spawn(listen(self.pool.clone(), sender.clone()));
                }
                Some(receiver)
            }

            async fn claim_setting(&self, name: &str, value: &str) -> Result<String> {
                sqlx::query("INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
                    .bind(name)
                    .bind(value)
                    .execute(self.writes())
                    .await?;
                Ok(sqlx::query_scalar("SELECT value FROM settings WHERE name = $1")
                    .bind(name)
                    .fetch_one(self.writes())
                    .await?)
            }

            async fn insert_service(&self, s: &Service, key: &ApiKey, key_hash: &str) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                sqlx::query(
                    "INSERT INTO services (id, name, settings, created_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(&s.id)
                .bind(&s.name)
                .bind(to_json(&s.settings))
                .bind(s.created_at.millis())
                .execute(&mut *tx)
                .await
                .map_err(conflict_on_unique)?;
                insert_api_key!(tx, key, key_hash);
                tx.commit().await?;
                Ok(())
            }

            async fn api_key_by_hash(&self, key_hash: &str) -> Result<Option<ApiKey>> {
                let row = sqlx::query(&format!("SELECT {API_KEY_COLUMNS} FROM api_keys WHERE key_hash = $1"))
                    .bind(key_hash)
                    .fetch_optional(self.reads())
                    .await?;
                row.as_ref().map(rows::api_key).transpose()
            }

            async fn api_keys(&self, service_id: &str) -> Result<Vec<ApiKey>> {
                let all = sqlx::query(&format!(
                    "SELECT {API_KEY_COLUMNS} FROM api_keys WHERE service_id = $1 ORDER BY created_at, id"
                ))
                .bind(service_id)
                .fetch_all(self.reads())
                .await?;
                all.iter().map(rows::api_key).collect()
            }

            async fn insert_api_key(&self, key: &ApiKey, key_hash: &str, events: &[Event]) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                insert_api_key!(tx, key, key_hash);
                insert_events!(tx, events);
                tx.commit().await?;
                Ok(())
            }

            async fn revoke_api_key(&self, service_id: &str, key_id: &str, events: &[Event]) -> Result<Revoked> {
                let mut tx = self.writes().begin().await?;
                // The service's row lock makes revocations of its keys take
                // turns: each counts the keys left by the one before.
                sqlx::query("SELECT id FROM services WHERE id = $1 FOR UPDATE")
                    .bind(service_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                let (mine, keys): (i64, i64) = sqlx::query_as(
                    "SELECT COUNT(*) FILTER (WHERE id = $2), COUNT(*) FROM api_keys WHERE service_id = $1",
                )
                .bind(service_id)
                .bind(key_id)
                .fetch_one(&mut *tx)
                .await?;
                if mine == 0 {
                    return Ok(Revoked::Missing);
                }
                if keys < 2 {
                    return Ok(Revoked::LastKey);
                }
                sqlx::query("DELETE FROM api_keys WHERE id = $1")
                    .bind(key_id)
                    .execute(&mut *tx)
                    .await?;
                insert_events!(tx, events);
                tx.commit().await?;
                Ok(Revoked::Done)
            }

            async fn touch_api_key(&self, key_id: &str, now: Timestamp, since: Timestamp) -> Result<()> {
                sqlx::query(
                    "UPDATE api_keys SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at <= $3)",
                )
                .bind(now.millis())
                .bind(key_id)
                .bind(since.millis())
                .execute(self.writes())
                .await?;
                Ok(())
            }

            async fn services(&self) -> Result<Vec<Service>> {
                let all = sqlx::query(
                    "SELECT id, name, settings, created_at FROM services ORDER BY created_at, name",
                )
                .fetch_all(self.reads())
                .await?;
                all.iter().map(rows::service).collect()
            }

            async fn service(&self, id: &str) -> Result<Option<Service>> {
                let row = sqlx::query("SELECT id, name, settings, created_at FROM services WHERE id = $1")
                    .bind(id)
                    .fetch_optional(self.reads())
                    .await?;
                row.as_ref().map(rows::service).transpose()
            }

            async fn update_service_settings(&self, service: &Service, before: &ServiceSettings, events: &[Event]) -> Result<bool> {
                self.write_settings(service, before, LogoWrite::Keep, events).await
            }

            async fn replace_service_logo(&self, service: &Service, before: &ServiceSettings, image: Option<&[u8]>, events: &[Event]) -> Result<bool> {
                self.write_settings(service, before, logo_write(service, image), events).await
            }

            async fn service_logo(&self, service_id: &str) -> Result<Option<(String, Vec<u8>)>> {
                let row: Option<(String, String)> =
                    sqlx::query_as("SELECT sha256, image FROM service_logos WHERE service_id = $1")
                        .bind(service_id)
                        .fetch_optional(self.reads())
                        .await?;
                row.map(|(sha256, image)| Ok((sha256, logo_bytes(&image)?))).transpose()
            }

            async fn user(&self, service_id: &str, user_id: &str) -> Result<Option<User>> {
                let row = sqlx::query(&format!(
                    "SELECT {USER_COLUMNS} FROM users WHERE service_id = $1 AND external_id = $2"
                ))
                .bind(service_id)
                .bind(user_id)
                .fetch_optional(self.reads())
                .await?;
                row.as_ref().map(rows::user).transpose()
            }

            async fn insert_user(&self, u: &User, events: &[Event]) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                pg_insert_user(&mut tx, u).await?;
                insert_events!(tx, events);
                tx.commit().await?;
                Ok(())
            }

            async fn update_user(&self, before: &User, u: &User, events: &[Event], security: Option<&SecurityWrite>) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                pg_update_user(&mut tx, before, u).await?;
                insert_events!(tx, events);
                write_security!(tx, security);
                tx.commit().await?;
                Ok(())
            }

            async fn import_users(&self, users: &[ImportedUser]) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                for i in users {
                    match &i.before {
                        None => pg_insert_user(&mut tx, &i.user).await?,
                        Some(before) if *before != i.user => pg_update_user(&mut tx, before, &i.user).await?,
                        Some(_) => {}
                    }
                    for f in &i.factors {
                        pg_insert_factor(&mut tx, f).await?;
                    }
                    insert_events!(tx, &i.events);
                    write_security!(tx, i.security.as_ref());
                }
                tx.commit().await?;
                Ok(())
            }

            async fn claim_notices(&self, now: Timestamp, limit: u32) -> Result<Vec<NoticeRecord>> {
                // The outer conditions are checked again on the row being
                // updated, so two workers never both take a notice.
                let rows = sqlx::query(
                    "UPDATE notices SET lease_until = $1 WHERE id IN (SELECT id FROM notices \
                     WHERE status = 'pending' AND next_attempt_at <= $2 AND lease_until <= $2 \
                     ORDER BY next_attempt_at LIMIT $3) \
                     AND status = 'pending' AND lease_until <= $2 \
                     RETURNING id, service_id, user_pk, channel, destination, locale, content, attempts",
                )
                .bind(now.plus(LEASE).millis())
                .bind(now.millis())
                .bind(i64::from(limit))
                .fetch_all(self.writes())
                .await?;
                rows.iter().map(rows::notice).collect()
            }

            async fn finish_notice(&self, id: &str, outcome: &NoticeOutcome, now: Timestamp) -> Result<()> {
                let (status, next, error) = match outcome {
                    NoticeOutcome::Sent => ("sent", now, None),
                    NoticeOutcome::Retry { at, error } => ("pending", *at, Some(error.as_str())),
                    NoticeOutcome::Failed { error } => ("failed", now, Some(error.as_str())),
                };
                sqlx::query(
                    "UPDATE notices SET status = $1, attempts = attempts + 1, next_attempt_at = $2, \
                     lease_until = 0, last_error = $3, updated_at = $4 WHERE id = $5 AND status = 'pending'",
                )
                .bind(status)
                .bind(next.millis())
                .bind(error)
                .bind(now.millis())
                .bind(id)
                .execute(self.writes())
                .await?;
                Ok(())
            }

            async fn next_outbox_due(&self, endpoints: &[String]) -> Result<Option<Timestamp>> {
                let sql = crate::next_outbox_due_sql(endpoints.len());
                let mut query = sqlx::query_scalar::<_, Option<i64>>(&sql);
                for name in endpoints {
                    query = query.bind(name);
                }
                Ok(query.fetch_one(self.reads()).await?.map(Timestamp))
            }

            async fn register_webhook_endpoint(&self, endpoint: &str, now: Timestamp) -> Result<()> {
                // A new endpoint starts at the head: every committed event
                // in the chain first.
                self.seal_all().await?;
                let mut tx = self.writes().begin().await?;
                sqlx::query("INSERT INTO webhook_endpoints (name, first_seen) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
                    .bind(endpoint)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "INSERT INTO webhook_cursors (endpoint, service_id, delivered_seq, attempts, next_attempt_at, lease_until) \
                     SELECT e.name, s.id, CASE WHEN s.created_at >= e.first_seen THEN 0 ELSE COALESCE(h.seq, 0) END, 0, 0, 0 \
                     FROM services s JOIN webhook_endpoints e ON e.name = $1 \
                     LEFT JOIN audit_heads h ON h.service_id = s.id \
                     WHERE NOT EXISTS (SELECT 1 FROM webhook_cursors c WHERE c.endpoint = $1 AND c.service_id = s.id) \
                     ON CONFLICT (endpoint, service_id) DO NOTHING",
                )
                .bind(endpoint)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn webhook_backlog(&self, endpoint: &str, now: Timestamp) -> Result<Vec<ServiceId>> {
                self.seal_all().await?;
                let due: Vec<(ServiceId,)> = sqlx::query_as(WEBHOOK_BACKLOG)
                    .bind(endpoint)
                    .bind(now.millis())
                    .fetch_all(self.reads())
                    .await?;
                Ok(due.into_iter().map(|(s,)| s).collect())
            }

            async fn insert_service_webhook(&self, w: &ServiceWebhook, sealed_secret: &str, limit: usize, events: &[Event]) -> Result<bool> {
                let mut tx = self.writes().begin().await?;
                // Registrations of one service take turns, so the limit holds.
                sqlx::query("SELECT id FROM services WHERE id = $1 FOR UPDATE")
                    .bind(w.service_id.as_str())
                    .execute(&mut *tx)
                    .await?;
                let inserted = sqlx::query(INSERT_SERVICE_WEBHOOK)
                    .bind(w.id.as_str())
                    .bind(w.service_id.as_str())
                    .bind(&w.url)
                    .bind(sealed_secret)
                    .bind(to_json(&w.events))
                    .bind(w.created_at.millis())
                    .bind(limit as i64)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if inserted == 0 {
                    return Ok(false);
                }
                // Unsealed events get links after the head: those just
                // before the registration may be delivered too.
                sqlx::query(
                    "INSERT INTO webhook_cursors (endpoint, service_id, delivered_seq, attempts, next_attempt_at, lease_until) \
                     SELECT $1, $2, COALESCE((SELECT seq FROM audit_heads WHERE service_id = $2), 0), 0, 0, 0",
                )
                .bind(w.id.as_str())
                .bind(w.service_id.as_str())
                .execute(&mut *tx)
                .await?;
                insert_events!(tx, events);
                tx.commit().await?;
                Ok(true)
            }

            async fn service_webhooks(&self, service_id: &str) -> Result<Vec<ServiceWebhook>> {
                let found = sqlx::query(&format!(
                    "SELECT {WEBHOOK_COLUMNS} FROM service_webhooks WHERE service_id = $1 ORDER BY created_at, id"
                ))
                .bind(service_id)
                .fetch_all(self.reads())
                .await?;
                found.iter().map(rows::service_webhook).collect()
            }

            async fn all_service_webhooks(&self) -> Result<Vec<(ServiceWebhook, String)>> {
                let found = sqlx::query(&format!("SELECT {WEBHOOK_COLUMNS}, secret FROM service_webhooks ORDER BY id"))
                    .fetch_all(self.reads())
                    .await?;
                found
                    .iter()
                    .map(|r| Ok((rows::service_webhook(r)?, rows::SqlRow::text(r, "secret")?)))
                    .collect()
            }

            async fn delete_service_webhook(&self, service_id: &str, id: &str, events: &[Event]) -> Result<bool> {
                let mut tx = self.writes().begin().await?;
                let mut changed = [0; 2];
                for (sql, n) in DELETE_SERVICE_WEBHOOK.iter().zip(&mut changed) {
                    *n = sqlx::query(sql).bind(service_id).bind(id).execute(&mut *tx).await?.rows_affected();
                }
                commit_if_changed!(tx, changed[0], events, None)
            }

            async fn claim_webhook(&self, endpoint: &str, service_id: &str, now: Timestamp) -> Result<Option<WebhookClaim>> {
                let token = countersign_core::ids::new_id("lease");
                let claimed: Option<(i64, i64)> = sqlx::query_as(
                    "UPDATE webhook_cursors SET lease_until = $1, lease_token = $2 \
                     WHERE endpoint = $3 AND service_id = $4 AND lease_until <= $5 AND next_attempt_at <= $5 \
                     RETURNING delivered_seq, attempts",
                )
                .bind(now.plus(LEASE).millis())
                .bind(&token)
                .bind(endpoint)
                .bind(service_id)
                .bind(now.millis())
                .fetch_optional(self.writes())
                .await?;
                Ok(claimed.map(|(delivered_seq, attempts)| WebhookClaim {
                    endpoint: endpoint.to_owned(),
                    service_id: service_id.to_owned(),
                    delivered_seq,
                    attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
                    token,
                }))
            }

            async fn events_after(&self, service_id: &str, seq: i64, limit: u32) -> Result<Vec<(i64, Event)>> {
                let rows = sqlx::query(&format!(
                    "SELECT {EVENT_COLUMNS}, chain_seq FROM events WHERE service_id = $1 AND chain_seq > $2 \
                     ORDER BY chain_seq LIMIT $3"
                ))
                .bind(service_id)
                .bind(seq)
                .bind(i64::from(limit))
                .fetch_all(self.reads())
                .await?;
                rows.iter()
                    .map(|r| Ok((rows::SqlRow::int(r, "chain_seq")?, rows::event(r)?)))
                    .collect()
            }

            async fn after_webhook(
                &self,
                claim: &WebhookClaim,
                delivery: Option<&WebhookDelivery>,
                next: AfterDelivery,
                now: Timestamp,
            ) -> Result<bool> {
                let mut tx = self.writes().begin().await?;
                let (seq, attempts, next_attempt_at) = match next {
                    AfterDelivery::Advance { seq } | AfterDelivery::GiveUp { seq } => (Some(seq), 0, 0),
                    AfterDelivery::RetryAt(at) => (None, i64::from(claim.attempts) + 1, at.millis()),
                };
                let moved = sqlx::query(
                    "UPDATE webhook_cursors SET delivered_seq = COALESCE($1, delivered_seq), attempts = $2, \
                     next_attempt_at = $3, lease_until = $7 WHERE endpoint = $4 AND service_id = $5 AND lease_token = $6",
                )
                .bind(seq)
                .bind(attempts)
                .bind(next_attempt_at)
                .bind(&claim.endpoint)
                .bind(&claim.service_id)
                .bind(&claim.token)
                .bind(now.plus(LEASE).millis())
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if moved == 0 {
                    return Ok(false);
                }
                if let Some(d) = delivery {
                    insert_delivery!(tx, d);
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn release_webhook(&self, claim: &WebhookClaim) -> Result<()> {
                sqlx::query(
                    "UPDATE webhook_cursors SET lease_until = 0, lease_token = NULL \
                     WHERE endpoint = $1 AND service_id = $2 AND lease_token = $3",
                )
                .bind(&claim.endpoint)
                .bind(&claim.service_id)
                .bind(&claim.token)
                .execute(self.writes())
                .await?;
                Ok(())
            }

            async fn log_webhook_delivery(&self, d: &WebhookDelivery) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                insert_delivery!(tx, d);
                tx.commit().await?;
                Ok(())
            }

            async fn webhook_deliveries(&self, endpoint: &str, limit: u32) -> Result<Vec<WebhookDelivery>> {
                let rows = sqlx::query(
                    "SELECT id, endpoint, service_id, event_id, attempt, status_code, error, at \
                     FROM webhook_deliveries WHERE endpoint = $1 ORDER BY at DESC, id DESC LIMIT $2",
                )
                .bind(endpoint)
                .bind(i64::from(limit))
                .fetch_all(self.reads())
                .await?;
                rows.iter().map(rows::webhook_delivery).collect()
            }

            async fn event(&self, id: &str) -> Result<Option<Event>> {
                let row = sqlx::query(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1"))
                    .bind(id)
                    .fetch_optional(self.reads())
                    .await?;
                row.as_ref().map(rows::event).transpose()
            }

            async fn unlock_user(&self, u: &User, event: &Event) -> Result<bool> {
                let mut tx = self.writes().begin().await?;
                let found = sqlx::query("UPDATE users SET failed_attempts = 0, keyed_failures = 0, locked_until = NULL WHERE id = $1")
                    .bind(&u.id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                commit_if_changed!(tx, found, std::slice::from_ref(event), None)
            }

            async fn delete_user(&self, u: &User, tombstone: &Event) -> Result<Option<Erasure>> {
                let mut tx = self.writes().begin().await?;
                // Lock the user's challenges before the user, in the order a
                // challenge save takes them, so the two cannot deadlock.
                sqlx::query("UPDATE challenges SET version = version + 1 WHERE user_pk = $1")
                    .bind(&u.id)
                    .execute(&mut *tx)
                    .await?;
                let gone = sqlx::query("DELETE FROM users WHERE id = $1")
                    .bind(&u.id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if gone == 0 {
                    return Ok(None);
                }
                insert_events!(tx, std::slice::from_ref(tombstone));
                let erasure = sqlx::query(REQUEST_ERASURE).bind(&tombstone.id).fetch_one(&mut *tx).await?;
                let erasure = rows::erasure(&erasure)?;
                sqlx::query(FORGET_NOTICES).bind(&u.id).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(Some(erasure))
            }

            async fn pending_erasures(&self, limit: u32) -> Result<Vec<Erasure>> {
                let found = sqlx::query(PENDING_ERASURES)
                    .bind(i64::from(limit))
                    .fetch_all(self.reads())
                    .await?;
                found.iter().map(rows::erasure).collect()
            }

            async fn erase_events(&self, erasure: &Erasure, limit: u32) -> Result<Erased> {
                let mut tx = self.writes().begin().await?;
                // Skips events another erasure of the same user is rewriting.
                let found = sqlx::query(&format!("{} FOR UPDATE SKIP LOCKED", *ERASABLE_EVENTS))
                    .bind(&erasure.service_id)
                    .bind(&erasure.user_id)
                    .bind(erasure.up_to_seq)
                    .bind(i64::from(limit))
                    .fetch_all(&mut *tx)
                    .await?
                    .iter()
                    .map(rows::event)
                    .collect::<Result<Vec<_>>>()?;
                for e in erased_events(found.clone()) {
                    sqlx::query(ERASE_EVENT)
                        .bind(e.detail.to_string())
                        .bind(e.personal.erased_digest())
                        .bind(&e.id)
                        .execute(&mut *tx)
                        .await?;
                }
                let done = found.len() < limit as usize;
                if done {
                    sqlx::query(FINISH_ERASURE)
                        .bind(&erasure.service_id)
                        .bind(&erasure.user_id)
                        .bind(erasure.up_to_seq)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(Erased { events: found.len() as u64, done })
            }

            async fn insert_challenge(&self, c: &Challenge, events: &[Event]) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                sqlx::query(
                    "INSERT INTO challenges (id, service_id, user_pk, status, expires_at, version, state, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(&c.id)
                .bind(&c.service_id)
                .bind(&c.user_pk)
                .bind(c.status.as_str())
                .bind(c.expires_at.millis())
                .bind(c.version)
                .bind(to_json(c))
                .bind(c.created_at.millis())
                .execute(&mut *tx)
                .await?;
                insert_events!(tx, events);
                tx.commit().await?;
                Ok(())
            }

            async fn challenge(&self, service_id: &str, id: &str) -> Result<Option<Challenge>> {
                let row = sqlx::query(
                    "SELECT state, version FROM challenges WHERE id = $1 AND service_id = $2",
                )
                .bind(id)
                .bind(service_id)
                .fetch_optional(self.reads())
                .await?;
                row.as_ref().map(rows::challenge).transpose()
            }

            async fn challenge_by_id(&self, id: &str) -> Result<Option<Challenge>> {
                let row = sqlx::query("SELECT state, version FROM challenges WHERE id = $1")
                    .bind(id)
                    .fetch_optional(self.reads())
                    .await?;
                row.as_ref().map(rows::challenge).transpose()
            }

            async fn save_decided(
                &self,
                c: &Challenge,
                write: ChallengeWrite<'_>,
            ) -> Result<(Saved, Option<Vec<MessageRecord>>)> {
                if let Some((saved, messages)) = self.save_plain_success(c, &write).await? {
                    return Ok((saved, Some(messages)));
                }
                Ok((self.save_challenge(c, write).await?, None))
            }

            async fn save_challenge(&self, c: &Challenge, write: ChallengeWrite<'_>) -> Result<Saved> {
                if let Some((saved, _)) = self.save_plain_success(c, &write).await? {
                    return Ok(saved);
                }
                let mut tx = self.writes().begin().await?;
                let updated = sqlx::query(
                    "UPDATE challenges SET status = $1, expires_at = $2, state = $3, version = version + 1 WHERE id = $4 AND version = $5",
                )
                .bind(c.status.as_str())
                .bind(c.expires_at.millis())
                .bind(to_json(c))
                .bind(&c.id)
                .bind(c.version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if updated == 0 {
                    return Ok(Saved::Conflict);
                }
                if let Some(i) = count_against!(tx, write.counters) {
                    return Ok(Saved::LimitReached(i));
                }
                if let Some(used) = write.factor_use {
                    let applied = apply_factor_use!(tx, used);
                    if applied == 0 {
                        return Ok(Saved::Replayed);
                    }
                }
                let mut locked_until = None;
                let mut lock_event = None;
                match &write.user {
                    UserEffect::None => {}
                    UserEffect::Failure { lockout, now, locked, keyed } => {
                        match count_failure!(tx, &c.user_pk, lockout, *now, *keyed) {
                            None => return Ok(Saved::UserLocked),
                            Some(until) => locked_until = until,
                        }
                        lock_event = locked_until.map(|until| locked.until(until));
                    }
                    UserEffect::Success { verified_email, verified_phone, approved, now } => {
                        let updated = sqlx::query(
                            "UPDATE users SET failed_attempts = CASE WHEN $5 THEN 0 ELSE failed_attempts END, \
                             keyed_failures = CASE WHEN $5 THEN 0 ELSE keyed_failures END, \
                             email_verified = CASE WHEN email = $1 THEN TRUE ELSE email_verified END, \
                             phone_verified = CASE WHEN phone = $2 THEN TRUE ELSE phone_verified END \
                             WHERE id = $3 AND (locked_until IS NULL OR locked_until <= $4)",
                        )
                        .bind(verified_email)
                        .bind(verified_phone)
                        .bind(&c.user_pk)
                        .bind(now.millis())
                        .bind(*approved)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                        if updated == 0 {
                            return Ok(Saved::UserLocked);
                        }
                    }
                }
                if let Some(m) = write.new_message {
                    sqlx::query(&format!(
                        "INSERT INTO messages ({MESSAGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                    ))
                    .bind(&m.id)
                    .bind(&m.challenge_id)
                    .bind(m.channel.as_str())
                    .bind(&m.to)
                    .bind(m.status.as_str())
                    .bind(&m.provider_ref)
                    .bind(i64::from(m.attempts))
                    .bind(&m.error)
                    .bind(m.created_at.millis())
                    .bind(m.updated_at.millis())
                    .execute(&mut *tx)
                    .await?;
                }
                if let Some(m) = write.message_update {
                    update_message_status!(tx, m);
                }
                write_security!(tx, write.security);
                match lock_event {
                    Some(locked) => {
                        let events: Vec<Event> =
                            write.events.iter().cloned().chain(std::iter::once(locked)).collect();
                        insert_events!(tx, &events);
                    }
                    None => {
                        insert_events!(tx, write.events);
                    }
                }
                tx.commit().await?;
                Ok(Saved::Done { locked_until })
            }

            async fn update_message(&self, m: &MessageUpdate, events: &[Event]) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                update_message_status!(tx, m);
                insert_events!(tx, events);
                tx.commit().await?;
                Ok(())
            }

            async fn messages(&self, challenge_id: &str) -> Result<Vec<MessageRecord>> {
                let all = sqlx::query(&format!(
                    "SELECT {MESSAGE_COLUMNS} FROM messages WHERE challenge_id = $1 ORDER BY created_at, id"
                ))
                .bind(challenge_id)
                .fetch_all(self.reads())
                .await?;
                all.iter().map(rows::message).collect()
            }

            async fn message(&self, id: &str) -> Result<Option<(MessageRecord, ServiceId)>> {
                let row = sqlx::query(&format!(
                    "SELECT {MESSAGE_COLUMNS}, (SELECT service_id FROM challenges c WHERE c.id = messages.challenge_id) AS service_id \
                     FROM messages WHERE id = $1"
                ))
                .bind(id)
                .fetch_optional(self.reads())
                .await?;
                row.as_ref()
                    .map(|r| Ok((rows::message(r)?, ServiceId::from_trusted(rows::SqlRow::text(r, "service_id")?))))
                    .transpose()
            }

            async fn report_delivery(&self, id: &str, status: DeliveryStatus, error: Option<&str>, now: Timestamp) -> Result<bool> {
                let from = status.may_follow();
                if from.is_empty() {
                    return Ok(false);
                }
                let first = from[0].as_str();
                let second = from.get(1).map_or(first, |s| s.as_str());
                Ok(sqlx::query(
                    "UPDATE messages SET status = $1, error = COALESCE($2, error), updated_at = $3 \
                     WHERE id = $4 AND status IN ($5, $6)",
                )
                .bind(status.as_str())
                .bind(error)
                .bind(now.millis())
                .bind(id)
                .bind(first)
                .bind(second)
                .execute(self.writes())
                .await?
                .rows_affected()
                    == 1)
            }

            async fn factors(&self, user_pk: &str) -> Result<Vec<Factor>> {
                let all = sqlx::query(&format!("{FACTOR_SELECT} WHERE user_pk = $1 ORDER BY created_at, id"))
                    .bind(user_pk)
                    .fetch_all(self.reads())
                    .await?;
                all.iter().map(rows::factor).collect()
            }

            async fn factor(&self, id: &str) -> Result<Option<Factor>> {
                let row = sqlx::query(&format!("{FACTOR_SELECT} WHERE id = $1"))
                    .bind(id)
                    .fetch_optional(self.reads())
                    .await?;
                row.as_ref().map(rows::factor).transpose()
            }

            async fn pending_challenges(&self, user_pk: &str, now: Timestamp) -> Result<Vec<Challenge>> {
                let all = sqlx::query(
                    "SELECT state, version FROM challenges WHERE user_pk = $1 AND status = 'pending' AND expires_at > $2 \
                     ORDER BY created_at, id",
                )
                .bind(user_pk)
                .bind(now.millis())
                .fetch_all(self.reads())
                .await?;
                all.iter().map(rows::challenge).collect()
            }

            async fn recent_approved(&self, user_pk: &str, limit: u32) -> Result<Vec<Challenge>> {
                let rows = sqlx::query(
                    "SELECT state, version FROM challenges WHERE user_pk = $1 AND status IN ('approved', 'held') \
                     ORDER BY created_at DESC, id DESC LIMIT $2",
                )
                .bind(user_pk)
                .bind(i64::from(limit))
                .fetch_all(self.reads())
                .await?;
                rows.iter().map(rows::challenge).collect()
            }

            async fn claim_device_signature(&self, key: &str, expires_at: Timestamp) -> Result<bool> {
                Ok(sqlx::query(
                    "INSERT INTO device_signatures (signature_hash, expires_at) VALUES ($1, $2) \
                     ON CONFLICT (signature_hash) DO NOTHING",
                )
                .bind(key)
                .bind(expires_at.millis())
                .execute(self.writes())
                .await?
                .rows_affected()
                    == 1)
            }

            async fn insert_factor(&self, f: &Factor, recovery_code_hashes: &[String], events: &[Event], security: Option<&SecurityWrite>) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                if f.kind == countersign_core::factor::FactorType::RecoveryCodes {
                    // Lock the user first: concurrent replacements queue up
                    // and exactly one set survives.
                    sqlx::query("UPDATE users SET updated_at = updated_at WHERE id = $1")
                        .bind(&f.user_pk)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("DELETE FROM factors WHERE user_pk = $1 AND kind = $2")
                        .bind(&f.user_pk)
                        .bind(f.kind.as_str())
                        .execute(&mut *tx)
                        .await?;
                }
                pg_insert_factor(&mut tx, f).await?;
                for hash in recovery_code_hashes {
                    sqlx::query("INSERT INTO recovery_codes (factor_id, code_hash) VALUES ($1, $2)")
                        .bind(&f.id)
                        .bind(hash)
                        .execute(&mut *tx)
                        .await?;
                }
                insert_events!(tx, events);
                write_security!(tx, security);
                tx.commit().await?;
                Ok(())
            }

            async fn advance_factor(&self, f: &Factor, moving_factor: u64, now: Timestamp, events: &[Event], security: Option<&SecurityWrite>) -> Result<bool> {
                let mut tx = self.writes().begin().await?;
                let changed = sqlx::query(
                    "UPDATE factors SET status = 'active', moving_factor = $1, last_used_at = $2 \
                     WHERE id = $3 AND status = $4 AND moving_factor < $1",
                )
                .bind(i64::try_from(moving_factor).unwrap_or(i64::MAX))
                .bind(now.millis())
                .bind(&f.id)
                .bind(f.status.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
                commit_if_changed!(tx, changed, events, security)
            }

            async fn use_factor(&self, used: FactorUse, events: &[Event]) -> Result<bool> {
                let mut tx = self.writes().begin().await?;
                if apply_factor_use!(tx, used) == 0 {
                    return Ok(false);
                }
                insert_events!(tx, events);
                tx.commit().await?;
                Ok(true)
            }

            async fn user_by_pk(&self, pk: &str) -> Result<Option<User>> {
                let row = sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
                    .bind(pk)
                    .fetch_optional(self.reads())
                    .await?;
                row.as_ref().map(rows::user).transpose()
            }

            async fn complete_registration(&self, f: &Factor, now: Timestamp, events: &[Event], security: Option<&SecurityWrite>) -> Result<bool> {
                let mut tx = self.writes().begin().await?;
                let changed = sqlx::query(
                    "UPDATE factors SET status = 'active', params = $1, last_used_at = $2 WHERE id = $3 AND status = 'pending'",
                )
                .bind(factor_params(f))
                .bind(now.millis())
                .bind(&f.id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                commit_if_changed!(tx, changed, events, security)
            }

            async fn delete_factor(&self, f: &Factor, events: &[Event], security: Option<&SecurityWrite>) -> Result<bool> {
                let mut tx = self.writes().begin().await?;
                let gone = sqlx::query("DELETE FROM factors WHERE id = $1")
                    .bind(&f.id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                commit_if_changed!(tx, gone, events, security)
            }

            async fn sealed_secrets(&self) -> Result<Vec<(String, String)>> {
                Ok(sqlx::query_as(SEALED_SECRETS).fetch_all(self.reads()).await?)
            }

            async fn reseal_secret(&self, id: &str, old: &str, new: &str) -> Result<bool> {
                let mut changed = 0;
                for sql in RESEAL_SECRET {
                    changed += sqlx::query(sql)
                        .bind(new)
                        .bind(id)
                        .bind(old)
                        .execute(self.writes())
                        .await?
                        .rows_affected();
                }
                Ok(changed == 1)
            }

            async fn put_setting(&self, name: &str, value: &str) -> Result<()> {
                sqlx::query("INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = $2")
                    .bind(name)
                    .bind(value)
                    .execute(self.writes())
                    .await?;
                Ok(())
            }

            async fn record_failure(&self, u: &User, lockout: LockoutPolicy, now: Timestamp, events: &[Event], locked: &LockedEvent) -> Result<Saved> {
                let mut tx = self.writes().begin().await?;
                let Some(locked_until) = count_failure!(tx, &u.id, &lockout, now, true) else {
                    return Ok(Saved::UserLocked);
                };
                let events: Vec<Event> = events
                    .iter()
                    .cloned()
                    .chain(locked_until.map(|until| locked.until(until)))
                    .collect();
                insert_events!(tx, &events);
                tx.commit().await?;
                Ok(Saved::Done { locked_until })
            }

            async fn insert_appointment(&self, a: &Appointment, events: &[Event]) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                sqlx::query(
                    "INSERT INTO appointments (id, service_id, user_pk, code_hash, agent, starts_at, state, version, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(&a.id)
                .bind(&a.service_id)
                .bind(&a.user_pk)
                .bind(&a.code_hash)
                .bind(&a.agent)
                .bind(a.starts_at.millis())
                .bind(to_json(a))
                .bind(a.version)
                .bind(a.created_at.millis())
                .execute(&mut *tx)
                .await
                .map_err(conflict_on_unique)?;
                insert_events!(tx, events);
                tx.commit().await?;
                Ok(())
            }

            async fn appointment(&self, service_id: &str, id: &str) -> Result<Option<Appointment>> {
                let row = sqlx::query("SELECT state, version FROM appointments WHERE id = $1 AND service_id = $2")
                    .bind(id)
                    .bind(service_id)
                    .fetch_optional(self.reads())
                    .await?;
                row.as_ref().map(rows::appointment).transpose()
            }

            async fn appointment_by_code_hash(&self, code_hash: &str) -> Result<Option<Appointment>> {
                let row = sqlx::query("SELECT state, version FROM appointments WHERE code_hash = $1")
                    .bind(code_hash)
                    .fetch_optional(self.reads())
                    .await?;
                row.as_ref().map(rows::appointment).transpose()
            }

            async fn appointments(&self, service_id: &str, user_pk: Option<&str>, agent: Option<&str>) -> Result<Vec<Appointment>> {
                let all = sqlx::query(
                    "SELECT state, version FROM appointments WHERE service_id = $1 \
                     AND (CAST($2 AS TEXT) IS NULL OR user_pk = $2) AND (CAST($3 AS TEXT) IS NULL OR agent = $3) \
                     ORDER BY starts_at, id LIMIT 500",
                )
                .bind(service_id)
                .bind(user_pk)
                .bind(agent)
                .fetch_all(self.reads())
                .await?;
                all.iter().map(rows::appointment).collect()
            }

            async fn save_appointment(&self, a: &Appointment, events: &[Event]) -> Result<bool> {
                let mut tx = self.writes().begin().await?;
                let updated = sqlx::query(
                    "UPDATE appointments SET state = $1, starts_at = $2, version = version + 1 WHERE id = $3 AND version = $4",
                )
                .bind(to_json(a))
                .bind(a.starts_at.millis())
                .bind(&a.id)
                .bind(a.version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                commit_if_changed!(tx, updated, events, None)
            }

            async fn count_attempts(&self, checks: &[CounterCheck]) -> Result<Option<usize>> {
                let mut tx = self.writes().begin().await?;
                if let Some(i) = count_against!(tx, checks) {
                    return Ok(Some(i));
                }
                tx.commit().await?;
                Ok(None)
            }

            async fn insert_ceremony(&self, id: &str, service_id: &str, state: &str, expires_at: Timestamp) -> Result<()> {
                sqlx::query("INSERT INTO webauthn_ceremonies (id, service_id, state, expires_at) VALUES ($1, $2, $3, $4)")
                    .bind(id)
                    .bind(service_id)
                    .bind(state)
                    .bind(expires_at.millis())
                    .execute(self.writes())
                    .await?;
                Ok(())
            }

            async fn take_ceremony(&self, id: &str, service_id: &str, now: Timestamp) -> Result<Option<String>> {
                let row: Option<(String, i64)> = sqlx::query_as(
                    "DELETE FROM webauthn_ceremonies WHERE id = $1 AND service_id = $2 RETURNING state, expires_at",
                )
                .bind(id)
                .bind(service_id)
                .fetch_optional(self.writes())
                .await?;
                Ok(row.filter(|(_, expires)| *expires > now.millis()).map(|(state, _)| state))
            }

            async fn seal_chains(&self) -> Result<u64> {
                self.seal_all().await
            }

            async fn audit_chain(&self, service_id: &str) -> Result<AuditChain> {
                self.seal_all().await?;
                // One snapshot: a purge or a seal meanwhile must not make an
                // intact chain look broken.
                let mut tx = self.reads().begin().await?;
                sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .execute(&mut *tx)
                    .await?;
                let events = sqlx::query(&format!(
                    "SELECT {CHAINED_EVENT_COLUMNS} FROM events \
                     WHERE service_id = $1 AND chain_seq IS NOT NULL ORDER BY chain_seq, seq"
                ))
                .bind(service_id)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(rows::chained_event)
                .collect::<Result<Vec<_>>>()?;
                let head: Option<(i64, String)> =
                    sqlx::query_as("SELECT seq, hash FROM audit_heads WHERE service_id = $1")
                        .bind(service_id)
                        .fetch_optional(&mut *tx)
                        .await?;
                let checkpoint: Option<(i64, String, i64)> =
                    sqlx::query_as("SELECT seq, hash, at FROM audit_checkpoints WHERE service_id = $1")
                        .bind(service_id)
                        .fetch_optional(&mut *tx)
                        .await?;
                tx.commit().await?;
                Ok(AuditChain {
                    events,
                    head,
                    checkpoint: checkpoint.map(|(seq, hash, at)| Checkpoint { seq, hash, at: Timestamp(at) }),
                })
            }

            async fn purge_expired(&self, cut: &Cutoffs, limit: u32) -> Result<Purged> {
                let mut tx = self.writes().begin().await?;
                let mut counts = [0; 6];
                for ((sql, cutoff), n) in PURGE_PG.expired.iter().zip(purge_cutoffs(cut)).zip(&mut counts) {
                    *n = sqlx::query(sql)
                        .bind(cutoff)
                        .bind(i64::from(limit))
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                }
                let mut ended = [0; 2];
                for (sql, n) in PURGE_PG.challenges.iter().zip(&mut ended) {
                    *n = sqlx::query(sql)
                        .bind(cut.challenges.millis())
                        .bind(cut.held_challenges.millis())
                        .bind(i64::from(limit))
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                }
                tx.commit().await?;
                let [messages, challenges] = ended;
                Ok(purged(counts, (challenges, messages)))
            }

            async fn prune_events(&self, service_id: &str, before: Timestamp, now: Timestamp, limit: u32) -> Result<u64> {
                let mut tx = self.writes().begin().await?;
                // The checkpoint's row lock makes purges of one service take
                // turns, each starting from where the last one stopped.
                let checkpoint: (i64, String) = sqlx::query_as(&format!(
                    "INSERT INTO audit_checkpoints (service_id, seq, hash, at) VALUES ($1, 0, '{GENESIS}', 0) \
                     ON CONFLICT (service_id) DO UPDATE SET seq = audit_checkpoints.seq RETURNING seq, hash"
                ))
                .bind(service_id)
                .fetch_one(&mut *tx)
                .await?;
                let (delivered,): (Option<i64>,) = sqlx::query_as(UNDELIVERED_FROM)
                    .bind(service_id)
                    .fetch_one(&mut *tx)
                    .await?;
                let candidates = sqlx::query(&PRUNE_CANDIDATES)
                    .bind(service_id)
                    .bind(checkpoint.0)
                    .bind(i64::from(limit))
                    .fetch_all(&mut *tx)
                    .await?
                    .iter()
                    .map(rows::chained_event)
                    .collect::<Result<Vec<_>>>()?;
                let n = prunable(Some(&checkpoint), &candidates, before, delivered)?;
                let Some((_, last)) = n.checked_sub(1).map(|i| &candidates[i]) else {
                    return Ok(0);
                };
                let pruned = sqlx::query(PRUNE_EVENTS)
                    .bind(service_id)
                    .bind(checkpoint.0)
                    .bind(last.chain_seq)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                sqlx::query(SAVE_CHECKPOINT)
                    .bind(service_id)
                    .bind(last.chain_seq)
                    .bind(&last.hash)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(pruned)
            }

            async fn upsert_articles(&self, service_id: &str, articles: &[Article], events: &[Event]) -> Result<Vec<bool>> {
                let mut tx = self.writes().begin().await?;
                let mut created = Vec::with_capacity(articles.len());
                for a in articles {
                    // Insert, else update: each is one statement, so a
                    // racing upsert of the same slug is never a duplicate.
                    let inserted = sqlx::query(
                        "INSERT INTO help_articles (service_id, locale, slug, title, category, body, published_at, updated_at, views) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0) ON CONFLICT (service_id, locale, slug) DO NOTHING",
                    )
                    .bind(service_id)
                    .bind(&a.locale)
                    .bind(&a.slug)
                    .bind(&a.title)
                    .bind(a.category.as_str())
                    .bind(&a.body)
                    .bind(a.published_at.map(Timestamp::millis))
                    .bind(a.updated_at.millis())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                        == 1;
                    if !inserted {
                        sqlx::query(
                            "UPDATE help_articles SET title = $4, category = $5, body = $6, published_at = $7, updated_at = $8 \
                             WHERE service_id = $1 AND locale = $2 AND slug = $3",
                        )
                        .bind(service_id)
                        .bind(&a.locale)
                        .bind(&a.slug)
                        .bind(&a.title)
                        .bind(a.category.as_str())
                        .bind(&a.body)
                        .bind(a.published_at.map(Timestamp::millis))
                        .bind(a.updated_at.millis())
                        .execute(&mut *tx)
                        .await?;
                    }
                    created.push(inserted);
                }
                insert_events!(tx, events);
                tx.commit().await?;
                Ok(created)
            }

            async fn article(&self, service_id: &str, locale: &str, slug: &str, published_by: Option<Timestamp>) -> Result<Option<Article>> {
                let row = sqlx::query(&format!(
                    "SELECT {ARTICLE_COLUMNS} FROM help_articles WHERE service_id = $1 AND locale = $2 AND slug = $3 \
                     AND (CAST($4 AS BIGINT) IS NULL OR (published_at IS NOT NULL AND published_at <= $4))"
                ))
                .bind(service_id)
                .bind(locale)
                .bind(slug)
                .bind(published_by.map(Timestamp::millis))
                .fetch_optional(self.reads())
                .await?;
                row.as_ref().map(rows::article).transpose()
            }

            async fn articles(&self, service_id: &str, filter: ArticleFilter<'_>, limit: u32, offset: u64) -> Result<(Vec<Article>, u64)> {
                let category = filter.category.map(|c| c.as_str());
                let published_by = filter.published_by.map(Timestamp::millis);
                let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM help_articles WHERE {ARTICLE_WHERE}"))
                    .bind(service_id)
                    .bind(filter.locale)
                    .bind(category)
                    .bind(published_by)
                    .fetch_one(self.reads())
                    .await?;
                let all = sqlx::query(&format!(
                    "SELECT {ARTICLE_COLUMNS} FROM help_articles WHERE {ARTICLE_WHERE} \
                     ORDER BY CASE WHEN published_at IS NULL THEN 0 ELSE 1 END, published_at DESC, locale, slug LIMIT $5 OFFSET $6"
                ))
                .bind(service_id)
                .bind(filter.locale)
                .bind(category)
                .bind(published_by)
                .bind(i64::from(limit))
                .bind(i64::try_from(offset).unwrap_or(i64::MAX))
                .fetch_all(self.reads())
                .await?;
                let articles = all.iter().map(rows::article).collect::<Result<Vec<_>>>()?;
                Ok((articles, u64::try_from(total).unwrap_or(0)))
            }

            async fn delete_article(&self, service_id: &str, locale: &str, slug: &str, events: &[Event]) -> Result<bool> {
                let mut tx = self.writes().begin().await?;
                let deleted = sqlx::query("DELETE FROM help_articles WHERE service_id = $1 AND locale = $2 AND slug = $3")
                    .bind(service_id)
                    .bind(locale)
                    .bind(slug)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                if deleted {
                    insert_events!(tx, events);
                    tx.commit().await?;
                }
                Ok(deleted)
            }

            async fn count_article_view(&self, service_id: &str, locale: &str, slug: &str) -> Result<bool> {
                let counted = sqlx::query("UPDATE help_articles SET views = views + 1 WHERE service_id = $1 AND locale = $2 AND slug = $3")
                    .bind(service_id)
                    .bind(locale)
                    .bind(slug)
                    .execute(self.writes())
                    .await?
                    .rows_affected();
                Ok(counted == 1)
            }

            async fn insert_portal_session(&self, p: &PortalSession, link_hash: &str, events: &[Event]) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                sqlx::query(&format!(
                    "INSERT INTO portal_sessions ({PORTAL_COLUMNS}, link_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
                ))
                .bind(&p.id)
                .bind(&p.service_id)
                .bind(&p.user_pk)
                .bind(p.created_at.millis())
                .bind(p.expires_at.millis())
                .bind(p.link_expires_at.millis())
                .bind(p.last_seen_at.millis())
                .bind(&p.return_url)
                .bind(&p.locale)
                .bind(&p.step_up_challenge)
                .bind(p.step_up_until.map(Timestamp::millis))
                .bind(p.pending.as_ref().map(Pending::encode))
                .bind(&p.user_agent)
                .bind(&p.ip)
                .bind(link_hash)
                .execute(&mut *tx)
                .await?;
                insert_events!(tx, events);
                tx.commit().await?;
                Ok(())
            }

            async fn redeem_portal_link(&self, link_hash: &str, cookie_hash: &str, now: Timestamp, from: OpenedFrom<'_>) -> Result<Option<PortalSession>> {
                let row = sqlx::query(&format!(
                    "UPDATE portal_sessions SET cookie_hash = $1, last_seen_at = $2, user_agent = $4, ip = $5 \
                     WHERE link_hash = $3 AND cookie_hash IS NULL AND link_expires_at > $2 AND expires_at > $2 \
                     RETURNING {PORTAL_COLUMNS}"
                ))
                .bind(cookie_hash)
                .bind(now.millis())
                .bind(link_hash)
                .bind(from.user_agent)
                .bind(from.ip)
                .fetch_optional(self.writes())
                .await?;
                row.as_ref().map(rows::portal_session).transpose()
            }

            async fn portal_session(&self, cookie_hash: &str, now: Timestamp, idle_cutoff: Timestamp) -> Result<Option<PortalSession>> {
                let row = sqlx::query(&format!(
                    "UPDATE portal_sessions SET last_seen_at = $1 \
                     WHERE cookie_hash = $2 AND expires_at > $1 AND last_seen_at > $3 \
                     RETURNING {PORTAL_COLUMNS}"
                ))
                .bind(now.millis())
                .bind(cookie_hash)
                .bind(idle_cutoff.millis())
                .fetch_optional(self.writes())
                .await?;
                row.as_ref().map(rows::portal_session).transpose()
            }

            async fn begin_step_up(&self, session_id: &str, challenge_id: &str, pending: &Pending) -> Result<()> {
                sqlx::query("UPDATE portal_sessions SET step_up_challenge = $1, pending_action = $2 WHERE id = $3")
                    .bind(challenge_id)
                    .bind(pending.encode())
                    .bind(session_id)
                    .execute(self.writes())
                    .await?;
                Ok(())
            }

            async fn finish_step_up(&self, session_id: &str, challenge_id: &str, until: Timestamp, cookie_hash: &str) -> Result<bool> {
                Ok(sqlx::query(
                    "UPDATE portal_sessions SET step_up_challenge = NULL, step_up_until = $1, cookie_hash = $4 \
                     WHERE id = $2 AND step_up_challenge = $3",
                )
                .bind(until.millis())
                .bind(session_id)
                .bind(challenge_id)
                .bind(cookie_hash)
                .execute(self.writes())
                .await?
                .rows_affected()
                    == 1)
            }

            async fn delete_portal_session(&self, session_id: &str) -> Result<()> {
                sqlx::query("DELETE FROM portal_sessions WHERE id = $1")
                    .bind(session_id)
                    .execute(self.writes())
                    .await?;
                Ok(())
            }

            async fn user_portal_sessions(&self, user_pk: &str, now: Timestamp, idle_cutoff: Timestamp) -> Result<Vec<PortalSession>> {
                let rows = sqlx::query(&format!(
                    "SELECT {PORTAL_COLUMNS} FROM portal_sessions \
                     WHERE user_pk = $1 AND cookie_hash IS NOT NULL AND expires_at > $2 AND last_seen_at > $3 \
                     ORDER BY last_seen_at DESC, id"
                ))
                .bind(user_pk)
                .bind(now.millis())
                .bind(idle_cutoff.millis())
                .fetch_all(self.reads())
                .await?;
                rows.iter().map(rows::portal_session).collect()
            }

            async fn revoke_portal_sessions(&self, user_pk: &str, keep: &str, only: Option<&str>, revoked: &Event) -> Result<Vec<String>> {
                let mut tx = self.writes().begin().await?;
                let ended: Vec<(String,)> = match only {
                    Some(id) => sqlx::query_as("DELETE FROM portal_sessions WHERE user_pk = $1 AND id <> $2 AND id = $3 RETURNING id")
                        .bind(user_pk)
                        .bind(keep)
                        .bind(id)
                        .fetch_all(&mut *tx)
                        .await?,
                    None => sqlx::query_as("DELETE FROM portal_sessions WHERE user_pk = $1 AND id <> $2 RETURNING id")
                        .bind(user_pk)
                        .bind(keep)
                        .fetch_all(&mut *tx)
                        .await?,
                };
                let ended: Vec<String> = ended.into_iter().map(|(id,)| id).collect();
                let events: Vec<Event> = ended.iter().map(|id| revoked.about("session_id", id)).collect();
                insert_events!(tx, &events);
                tx.commit().await?;
                Ok(ended)
            }

            async fn insert_events(&self, events: &[Event]) -> Result<()> {
                let mut tx = self.writes().begin().await?;
                insert_events!(tx, events);
                tx.commit().await?;
                Ok(())
            }

            async fn events(
                &self,
                service_id: &str,
                user_id: &str,
                limit: u32,
                before: Option<&str>,
            ) -> Result<Vec<Event>> {
                let all = sqlx::query(&format!(
                    "SELECT {EVENT_COLUMNS} FROM events WHERE service_id = $1 AND user_id = $2 \
                     AND (CAST($3 AS TEXT) IS NULL OR seq < (SELECT seq FROM events WHERE id = $3 AND service_id = $1)) \
                     ORDER BY seq DESC LIMIT $4"
                ))
                .bind(service_id)
                .bind(user_id)
                .bind(before)
                .bind(i64::from(limit))
                .fetch_all(self.reads())
                .await?;
                all.iter().map(rows::event).collect()
            }
        }
    };
}

sql_store!(PgStore);
