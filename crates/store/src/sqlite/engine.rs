//! The SQLite engine's threads: one writer that owns the only write
//! connection and commits concurrent units of work together (group commit,
//! each unit in a savepoint of its own, so that a failing unit rolls back
//! alone), and a few readers. A unit runs all its statements in one hop to
//! its thread; statements are prepared once per connection and cached.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use countersign_core::audit::{link, GENESIS};
use countersign_core::event::Event;
use rusqlite::{Connection, OpenFlags, ToSql};
use tokio::sync::oneshot;

use countersign_core::lockout::{Failures, LockoutPolicy};
use countersign_core::Timestamp;

use crate::{Result, SecurityWrite, StoreError};

/// Units waiting for the writer at most; past that a write is refused with
/// [`StoreError::Busy`] (the API answers 503 with `Retry-After`) rather than
/// queueing without bound.
pub(crate) const WRITE_QUEUE: usize = 4096;
/// Units committed together at most.
const BATCH: usize = 256;
/// Reader threads (and connections).
const READERS: usize = 2;
/// How often, at most, the checkpointer copies the WAL into the database
/// while writes go on.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(200);
/// WAL frames (pages) past which the writer finishes a checkpoint itself,
/// so that the WAL starts again from its beginning (16 MiB of 4 KiB pages;
/// under sustained load the WAL grows past it between two checkpointer
/// rounds).
const RESTART_WAL_AT: i64 = 4096;
/// Frames a catching-up checkpoint pass may leave for the writer's own
/// checkpoint.
const LEFT_FOR_THE_WRITER: i64 = 512;
/// Catching-up passes at most, in case the writer outruns them.
const CATCH_UP_PASSES: u32 = 8;
/// The WAL's size limit, in multiples of `restart_wal_at` frames: past it
/// the writer checkpoints everything itself, so the WAL stays bounded
/// even when the checkpointer thread gets no CPU for a while.
const WAL_LIMIT_FACTOR: i64 = 4;

/// What a unit of work decided about its own writes.
pub(crate) enum Unit<T> {
    /// Keep them (they commit with the batch).
    Keep(T),
    /// Roll them back (a conditional write that found nothing to change),
    /// and answer `T`.
    Undo(T),
}

/// The handle a unit of work writes with: the writer's connection, inside
/// the unit's savepoint, and what the writer remembers between units.
pub(crate) struct Writing<'a> {
    pub(crate) conn: &'a Connection,
    heads: &'a mut Heads,
    /// The heads this unit moved, as they were before it: what rolling the
    /// unit back restores.
    moved: Vec<(String, Option<Head>)>,
}

/// Each service's audit chain head as the writer knows it: as of the last
/// commit, or moved by this batch. Only this writer appends to chains in
/// this process; another process's writes are noticed by
/// `PRAGMA data_version`, and the heads are then read again.
#[derive(Default)]
struct Heads {
    by_service: HashMap<String, Head>,
    /// `PRAGMA data_version` when the heads were last known right.
    version: i64,
}

#[derive(Clone)]
struct Head {
    seq: i64,
    hash: String,
    /// Moved by this batch and not yet in `audit_heads`: written once,
    /// just before the batch commits.
    unsaved: bool,
}

type WriteJob = Box<dyn FnOnce(&mut Writing<'_>) -> Finish + Send>;
type ReadJob = Box<dyn FnOnce(&Connection) + Send>;

/// A unit's outcome inside the batch: whether its savepoint is kept, and
/// how to answer once the batch's commit is known (never before: an answer
/// promises the write is durable).
struct Finish {
    keep: bool,
    answer: Answer,
}

/// Gives a unit's caller its answer, once the batch's commit is known.
type Answer = Box<dyn FnOnce(std::result::Result<(), String>) + Send>;

#[derive(Clone)]
pub(crate) struct Engine {
    writes: SyncSender<WriteJob>,
    reads: SyncSender<ReadJob>,
}

/// Opens the connections and starts the threads. The database must exist
/// and be migrated.
pub(crate) fn start(path: &Path, durability: Durability) -> Result<Engine> {
    start_with(path, durability, Tuning::DEFAULT)
}

/// The engine's sizes, smaller in tests.
#[derive(Clone, Copy)]
struct Tuning {
    /// Units waiting for the writer at most.
    queue: usize,
    /// How often, at most, the checkpointer runs.
    checkpoint_every: Duration,
    /// WAL frames past which the WAL is made to start again.
    restart_wal_at: i64,
}

impl Tuning {
    const DEFAULT: Tuning = Tuning {
        queue: WRITE_QUEUE,
        checkpoint_every: CHECKPOINT_EVERY,
        restart_wal_at: RESTART_WAL_AT,
    };
}

/// How a commit reaches the disk (see `durability` in `mod.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Durability {
    Normal,
    Full,
}

/// [`start`], with other sizes.
fn start_with(path: &Path, durability: Durability, tuning: Tuning) -> Result<Engine> {
    let writer = open(path, false)?;
    let checkpointer = open(path, false)?;
    for conn in [&writer, &checkpointer] {
        if durability == Durability::Full {
            conn.execute_batch("PRAGMA synchronous = FULL")?;
        }
    }
    // The writer never checkpoints: a checkpoint copies pages and syncs the
    // database file, and every unit queued behind it would wait. Unless the
    // WAL outgrows its limit, which the writer's next commit after a
    // restart truncates it back to.
    writer.execute_batch("PRAGMA wal_autocheckpoint = 0")?;
    let page: i64 = writer.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let wal_limit = WalLimit {
        path: wal_path(path),
        bytes: (tuning.restart_wal_at * WAL_LIMIT_FACTOR * page) as u64,
    };
    writer.execute_batch(&format!("PRAGMA journal_size_limit = {}", wal_limit.bytes))?;
    let (commits, committed) = mpsc::sync_channel::<()>(1);
    let db = database_file(path)
        .map_err(|e| StoreError::Corrupt(format!("cannot open {}: {e}", path.display())))?;
    let restart = Arc::new(AtomicBool::new(false));
    let restart_wanted = restart.clone();
    std::thread::Builder::new()
        .name("countersign-sqlite-checkpointer".into())
        .spawn(move || checkpoint_loop(checkpointer, db, tuning, committed, &restart_wanted))
        .map_err(|e| StoreError::Corrupt(format!("cannot start the SQLite checkpointer: {e}")))?;
    let (writes, queue) = mpsc::sync_channel::<WriteJob>(tuning.queue);
    std::thread::Builder::new()
        .name("countersign-sqlite-writer".into())
        .spawn(move || write_loop(writer, queue, commits, &restart, &wal_limit))
        .map_err(|e| StoreError::Corrupt(format!("cannot start the SQLite writer: {e}")))?;
    let (reads, read_queue) = mpsc::sync_channel::<ReadJob>(WRITE_QUEUE);
    let read_queue = Arc::new(Mutex::new(read_queue));
    for n in 0..READERS {
        let conn = open(path, true)?;
        let queue = read_queue.clone();
        std::thread::Builder::new()
            .name(format!("countersign-sqlite-reader-{n}"))
            .spawn(move || read_loop(conn, queue))
            .map_err(|e| StoreError::Corrupt(format!("cannot start a SQLite reader: {e}")))?;
    }
    Ok(Engine { writes, reads })
}

fn open(path: &Path, read_only: bool) -> Result<Connection> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
         PRAGMA temp_store = MEMORY;",
    )?;
    conn.set_prepared_statement_cache_capacity(256);
    Ok(conn)
}

impl Engine {
    /// Runs `unit` on the writer, committed with whatever else is queued;
    /// answers once the commit is done.
    pub(crate) async fn write<T: Send + 'static>(
        &self,
        unit: impl FnOnce(&mut Writing<'_>) -> Result<Unit<T>> + Send + 'static,
    ) -> Result<T> {
        let (tx, rx) = oneshot::channel::<Result<T>>();
        let job: WriteJob = Box::new(move |w| match unit(w) {
            Ok(Unit::Keep(value)) => Finish {
                keep: true,
                answer: Box::new(move |committed| {
                    let _ = tx.send(committed.map(|()| value).map_err(StoreError::Commit));
                }),
            },
            Ok(Unit::Undo(value)) => Finish {
                keep: false,
                answer: Box::new(move |committed| {
                    let _ = tx.send(committed.map(|()| value).map_err(StoreError::Commit));
                }),
            },
            Err(e) => Finish {
                keep: false,
                answer: Box::new(move |_| {
                    let _ = tx.send(Err(e));
                }),
            },
        });
        match self.writes.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => return Err(StoreError::Busy),
            Err(TrySendError::Disconnected(_)) => return Err(StoreError::Stopped),
        }
        rx.await.map_err(|_| StoreError::Stopped)?
    }

    /// Runs `read` on a reader connection.
    pub(crate) async fn read<T: Send + 'static>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let (tx, rx) = oneshot::channel::<Result<T>>();
        let job: ReadJob = Box::new(move |c| {
            let _ = tx.send(read(c));
        });
        match self.reads.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => return Err(StoreError::Busy),
            Err(TrySendError::Disconnected(_)) => return Err(StoreError::Stopped),
        }
        rx.await.map_err(|_| StoreError::Stopped)?
    }
}

/// The writer: waits for a unit, takes every unit queued behind it (up to
/// [`BATCH`]), runs each in its savepoint, commits once, then answers them
/// all, and tells the checkpointer that the WAL grew. When the checkpointer
/// asks (`restart`), it checkpoints the few pages committed since, itself:
/// the WAL can start again from its beginning only once every page in it is
/// in the database when a write begins, which never happens while the
/// checkpointer runs behind a writer that does not stop.
fn write_loop(
    conn: Connection,
    queue: Receiver<WriteJob>,
    commits: SyncSender<()>,
    restart: &AtomicBool,
    wal_limit: &WalLimit,
) {
    let mut heads = Heads::default();
    loop {
        let Ok(first) = queue.recv() else {
            return;
        };
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let committed = match run_batch(&conn, &mut heads, batch) {
            Ok(answers) => {
                let committed = control(&conn, "COMMIT").map_err(|e| e.to_string());
                (committed, answers)
            }
            Err((e, answers)) => (Err(e), answers),
        };
        let (committed, answers) = committed;
        if committed.is_err() {
            let _ = control(&conn, "ROLLBACK");
            heads.by_service.clear();
        }
        for answer in answers {
            answer(committed.clone());
        }
        if restart.swap(false, Ordering::Relaxed) {
            checkpoint(&conn);
        }
        if wal_limit.exceeded() {
            tracing::warn!("the SQLite WAL outgrew its limit: the writer checkpoints it");
            if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(RESTART)", [], |_| Ok(())) {
                tracing::warn!(error = %e, "WAL checkpoint failed");
            }
        }
        // Full: the checkpointer has not run since the last commit, and
        // will see this one too.
        let _ = commits.try_send(());
    }
}

/// The WAL file's size past which the writer checkpoints it all itself.
struct WalLimit {
    path: std::path::PathBuf,
    bytes: u64,
}

impl WalLimit {
    /// The WAL file is longer than the limit: since a restart truncates it
    /// to the limit (`journal_size_limit`), that many frames accumulated
    /// since the last restart. One `stat` per batch.
    fn exceeded(&self) -> bool {
        std::fs::metadata(&self.path).is_ok_and(|m| m.len() > self.bytes)
    }
}

/// The WAL file beside the database file.
fn wal_path(db: &Path) -> std::path::PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

/// The WAL as a checkpoint left it.
#[derive(Clone, Copy, Default)]
struct Wal {
    /// Frames (pages) in the WAL.
    frames: i64,
    /// Of which copied into the database.
    copied: i64,
}

/// A `PASSIVE` checkpoint (it never waits for the writer or the readers).
fn checkpoint(conn: &Connection) -> Wal {
    let done = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
        Ok(Wal {
            frames: r.get(1)?,
            copied: r.get(2)?,
        })
    });
    done.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "WAL checkpoint failed");
        Wal::default()
    })
}

/// The checkpointer: after commits, copies the WAL into the database
/// (`PASSIVE`: it never blocks the writer or the readers), at most every
/// `checkpoint_every`. Past `restart_wal_at` frames it catches up
/// first, and only then asks the writer to finish the job, so that the WAL
/// starts again from its beginning. Ends with a last checkpoint once the
/// writer has stopped.
fn checkpoint_loop(
    conn: Connection,
    db: &File,
    tuning: Tuning,
    commits: Receiver<()>,
    restart: &AtomicBool,
) {
    let restart_at = tuning.restart_wal_at;
    while commits.recv().is_ok() {
        if catch_up(&conn, db, restart_at).frames >= restart_at {
            restart.store(true, Ordering::Relaxed);
        }
        // A rate, not a synchronisation: commits meanwhile wait as one.
        std::thread::sleep(tuning.checkpoint_every);
    }
    checkpoint(&conn);
}

/// Checkpoints; past `restart_at` frames, again and again until a
/// pass finds little left to copy, syncing the database file after each.
/// A checkpoint that the writer outruns leaves the pages it copied
/// unsynced (SQLite syncs only a checkpoint that reaches the WAL's end),
/// and the writer's own checkpoint would then sync them all while every
/// unit waits: tens of milliseconds under load. After this, it copies and
/// syncs only what was committed since the last pass.
fn catch_up(conn: &Connection, db: &File, restart_at: i64) -> Wal {
    let mut wal = checkpoint(conn);
    for _ in 1..CATCH_UP_PASSES {
        if wal.frames < restart_at {
            return wal;
        }
        sync(db);
        let before = wal;
        wal = checkpoint(conn);
        let restarted = wal.frames < before.frames;
        if restarted || wal.copied - before.copied <= LEFT_FOR_THE_WRITER {
            break;
        }
    }
    if wal.frames >= restart_at {
        sync(db);
    }
    wal
}

fn sync(db: &File) {
    if let Err(e) = db.sync_data() {
        tracing::warn!(error = %e, "cannot sync the database file");
    }
}

/// The database file, opened once per process and never closed, for the
/// checkpointer's syncs: closing any descriptor of a file drops every
/// POSIX lock the process holds on it, SQLite's own included (SQLite keeps
/// such descriptors open for the same reason).
fn database_file(path: &Path) -> std::io::Result<&'static File> {
    static OPEN: LazyLock<Mutex<HashMap<PathBuf, &'static File>>> = LazyLock::new(Default::default);
    let path = path.canonicalize()?;
    let mut open = OPEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(file) = open.get(&path) {
        return Ok(file);
    }
    let file: &'static File = Box::leak(Box::new(File::open(&path)?));
    open.insert(path, file);
    Ok(file)
}

/// Runs a batch's units inside one transaction (begun here, committed by
/// the caller), each in its own savepoint, then saves the chain heads they
/// moved; their answers, to give once the commit is known. A unit whose
/// savepoint cannot be opened is dropped unrun (its caller sees
/// [`StoreError::Stopped`]). On an error that fails the whole batch, the
/// answers come with it (the caller rolls back).
fn run_batch(
    conn: &Connection,
    heads: &mut Heads,
    batch: Vec<WriteJob>,
) -> std::result::Result<Vec<Answer>, (String, Vec<Answer>)> {
    if let Err(e) = control(conn, "BEGIN IMMEDIATE") {
        tracing::error!(error = %e, "cannot begin a write transaction");
        return Ok(Vec::new());
    }
    // Another process (the CLI) may have appended events since the heads
    // were known: read them again. Checked under the write lock, so that
    // nothing can append between this check and the batch's own appends.
    let version = data_version(conn);
    if version != heads.version {
        heads.by_service.clear();
        heads.version = version;
    }
    let mut answers = Vec::with_capacity(batch.len());
    for job in batch {
        if let Err(e) = control(conn, "SAVEPOINT unit") {
            tracing::error!(error = %e, "savepoint");
            continue;
        }
        let mut w = Writing {
            conn,
            heads: &mut *heads,
            moved: Vec::new(),
        };
        let finish = job(&mut w);
        let closed = if finish.keep {
            control(conn, "RELEASE unit")
        } else {
            w.undo().and_then(|()| control(conn, "RELEASE unit"))
        };
        if let Err(e) = closed {
            tracing::error!(error = %e, "savepoint");
        }
        answers.push(finish.answer);
    }
    match save_heads(conn, heads) {
        Ok(()) => Ok(answers),
        Err(e) => Err((e.to_string(), answers)),
    }
}

/// Writes the chain heads this batch moved into `audit_heads` (once per
/// service and batch, not once per unit).
fn save_heads(conn: &Connection, heads: &mut Heads) -> Result<()> {
    for (service_id, head) in heads.by_service.iter_mut().filter(|(_, h)| h.unsaved) {
        exec(
            conn,
            "INSERT INTO audit_heads (service_id, seq, hash) VALUES ($1, $2, $3) \
             ON CONFLICT (service_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            &[service_id, &head.seq, &head.hash],
        )?;
        head.unsaved = false;
    }
    Ok(())
}

fn data_version(conn: &Connection) -> i64 {
    conn.prepare_cached("PRAGMA data_version")
        .and_then(|mut s| s.query_row([], |r| r.get(0)))
        .unwrap_or(-1)
}

fn read_loop(conn: Connection, queue: Arc<Mutex<Receiver<ReadJob>>>) {
    loop {
        let job = {
            let queue = queue.lock().unwrap_or_else(|e| e.into_inner());
            match queue.recv() {
                Ok(job) => job,
                Err(_) => return,
            }
        };
        job(&conn);
    }
}

/// A cached statement with `values` bound to `$1`, `$2`… (a parameter may
/// appear several times, and in any order): each of the statement's
/// parameters, named `$k`, gets `values[k - 1]`. Read from the names SQLite
/// keeps in the statement, rather than looked up by name, which hashes.
fn prepared<'c>(
    conn: &'c Connection,
    sql: &str,
    values: &[&dyn ToSql],
) -> Result<rusqlite::CachedStatement<'c>> {
    let mut stmt = conn.prepare_cached(sql)?;
    for index in 1..=stmt.parameter_count() {
        let value = stmt
            .parameter_name(index)
            .and_then(|name| name.strip_prefix('$'))
            .and_then(|k| k.parse::<usize>().ok())
            .and_then(|k| values.get(k.checked_sub(1)?))
            .ok_or_else(|| {
                StoreError::Corrupt(format!("no value for parameter {index} of {sql}"))
            })?;
        stmt.raw_bind_parameter(index, value)?;
    }
    Ok(stmt)
}

/// Runs a statement without parameters from the statement cache: the
/// transaction and savepoint statements that every unit runs, which
/// `execute_batch` would parse each time.
pub(crate) fn control(conn: &Connection, sql: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(sql)?.raw_execute().map(|_| ())
}

/// Runs a statement; the number of rows it changed.
pub(crate) fn exec(conn: &Connection, sql: &str, values: &[&dyn ToSql]) -> Result<usize> {
    let mut stmt = prepared(conn, sql, values)?;
    let changed = stmt.raw_execute()?;
    Ok(changed)
}

/// The first row a query returns, read by `read`, if any.
pub(crate) fn one<T>(
    conn: &Connection,
    sql: &str,
    values: &[&dyn ToSql],
    read: impl FnOnce(&rusqlite::Row<'_>) -> Result<T>,
) -> Result<Option<T>> {
    let mut stmt = prepared(conn, sql, values)?;
    let mut rows = stmt.raw_query();
    match rows.next()? {
        Some(row) => read(row).map(Some),
        None => Ok(None),
    }
}

/// Every row a query returns, each read by `read`.
pub(crate) fn all<T>(
    conn: &Connection,
    sql: &str,
    values: &[&dyn ToSql],
    mut read: impl FnMut(&rusqlite::Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = prepared(conn, sql, values)?;
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(read(row)?);
    }
    Ok(out)
}

/// Events inserted by one statement at most (each row count is a statement
/// of its own in the cache).
const EVENTS_PER_INSERT: usize = 4;

/// An event's columns that are not plain fields: `at` in milliseconds,
/// the detail's JSON, the personal salt and the erased digest.
type Encoded<'a> = (i64, String, Option<&'a str>, Option<&'a str>);

/// `INSERT INTO events …` for 1 to [`EVENTS_PER_INSERT`] rows.
static INSERT_EVENTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    (1..=EVENTS_PER_INSERT)
        .map(|rows| {
            format!(
                "INSERT INTO events ({}, chain_seq, prev_hash, hash) VALUES {}",
                crate::sql::EVENT_COLUMNS,
                crate::sql::values_lists(rows, 12, "")
            )
        })
        .collect()
});

impl Writing<'_> {
    /// Rolls back everything this unit wrote so far; the unit may then
    /// write again (its savepoint stays open) or give up.
    pub(crate) fn undo(&mut self) -> rusqlite::Result<()> {
        control(self.conn, "ROLLBACK TO unit")?;
        for (service_id, before) in self.moved.drain(..).rev() {
            match before {
                Some(head) => self.heads.by_service.insert(service_id, head),
                None => self.heads.by_service.remove(&service_id),
            };
        }
        Ok(())
    }

    /// Appends `events` to their services' audit chains.
    pub(crate) fn insert_events(&mut self, events: &[Event]) -> Result<()> {
        if events.is_empty() {
            return Ok(());
        }
        let mut services: Vec<&str> = Vec::new();
        for e in events {
            if !services.contains(&e.service_id.as_str()) {
                services.push(&e.service_id);
            }
        }
        for service_id in services {
            let (seq, hash) = match self.heads.by_service.get(service_id) {
                Some(head) => (head.seq, head.hash.clone()),
                None => one(
                    self.conn,
                    "SELECT seq, hash FROM audit_heads WHERE service_id = $1",
                    &[&service_id],
                    |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
                )?
                .unwrap_or((0, GENESIS.to_owned())),
            };
            let mine: Vec<&Event> = events
                .iter()
                .filter(|e| e.service_id == service_id)
                .collect();
            let chain = link(&mine, seq, &hash);
            // One statement for up to four events (a verify writes two).
            let encoded: Vec<Encoded> = mine
                .iter()
                .map(|e| {
                    let p = &e.personal;
                    (
                        e.at.millis(),
                        e.detail.to_string(),
                        p.salt(),
                        p.erased_digest(),
                    )
                })
                .collect();
            let n = EVENTS_PER_INSERT;
            let chunks = mine.chunks(n).zip(chain.chunks(n)).zip(encoded.chunks(n));
            for ((chunk, links), encoded) in chunks {
                let mut values: Vec<&dyn ToSql> = Vec::with_capacity(chunk.len() * 12);
                for ((e, l), (at, detail, salt, digest)) in chunk.iter().zip(links).zip(encoded) {
                    values.extend_from_slice(&[
                        &e.id,
                        &e.service_id,
                        &e.user_id,
                        &e.kind,
                        at,
                        &e.ip,
                        detail,
                        salt,
                        digest,
                        &l.chain_seq,
                        &l.prev_hash,
                        &l.hash,
                    ]);
                }
                exec(self.conn, &INSERT_EVENTS[chunk.len() - 1], &values)?;
            }
            if let Some(last) = chain.last() {
                let head = Head {
                    seq: last.chain_seq,
                    hash: last.hash.clone(),
                    unsaved: true,
                };
                let before = self.heads.by_service.insert(service_id.to_owned(), head);
                self.moved.push((service_id.to_owned(), before));
            }
        }
        Ok(())
    }
}

impl crate::rows::SqlRow for rusqlite::Row<'_> {
    fn text(&self, col: &str) -> Result<String> {
        Ok(self.get(col)?)
    }
    fn opt_text(&self, col: &str) -> Result<Option<String>> {
        Ok(self.get(col)?)
    }
    fn int(&self, col: &str) -> Result<i64> {
        Ok(self.get(col)?)
    }
    fn opt_int(&self, col: &str) -> Result<Option<i64>> {
        Ok(self.get(col)?)
    }
    fn flag(&self, col: &str) -> Result<bool> {
        Ok(self.get(col)?)
    }
}

impl Writing<'_> {
    /// A security change's consequences, written with the change (see
    /// [`SecurityWrite`]): the hold, and the notices.
    pub(crate) fn security(&mut self, security: Option<&SecurityWrite>) -> Result<()> {
        let Some(sw) = security else {
            return Ok(());
        };
        if let Some(until) = sw.hold_until {
            exec(
                self.conn,
                "UPDATE users SET security_hold_until = CASE WHEN security_hold_until IS NULL \
                 OR security_hold_until < $1 THEN $1 ELSE security_hold_until END WHERE id = $2",
                &[&until.millis(), &sw.user_pk],
            )?;
        }
        for n in &sw.notices {
            let content = serde_json::to_string(&n.content)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            exec(
                self.conn,
                "INSERT INTO notices (id, service_id, user_pk, channel, destination, locale, content, \
                 status, attempts, next_attempt_at, lease_until, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, 0, $8, $8)",
                &[
                    &n.id,
                    &n.service_id,
                    &n.user_pk,
                    &n.channel.as_str(),
                    &n.to,
                    &n.locale,
                    &content,
                    &n.content.at.millis(),
                ],
            )?;
        }
        Ok(())
    }

    /// Counts one failure against the user and locks them when the lockout
    /// rule says so: `None` when the user was already locked (nothing
    /// counted), else `Some(locked_until)`.
    pub(crate) fn count_failure(
        &mut self,
        user_pk: &str,
        lockout: &LockoutPolicy,
        now: Timestamp,
        keyed: bool,
    ) -> Result<Option<Option<Timestamp>>> {
        let failures: Option<(i64, i64)> = one(
            self.conn,
            "UPDATE users SET failed_attempts = failed_attempts + 1, \
             keyed_failures = keyed_failures + CASE WHEN $3 THEN 1 ELSE 0 END \
             WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2) \
             RETURNING failed_attempts, keyed_failures",
            &[&user_pk, &now.millis(), &keyed],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let Some((all, keyed)) = failures else {
            return Ok(None);
        };
        let failures = Failures {
            all: u32::try_from(all).unwrap_or(u32::MAX),
            keyed: u32::try_from(keyed).unwrap_or(u32::MAX),
        };
        let until = lockout.lock_after(failures, now);
        if let Some(until) = until {
            exec(
                self.conn,
                "UPDATE users SET locked_until = $1 WHERE id = $2",
                &[&until.millis(), &user_pk],
            )?;
        }
        Ok(Some(until))
    }
}

/// A unique key already taken, as [`StoreError::Conflict`].
pub(crate) fn conflict_on_unique(e: StoreError) -> StoreError {
    match &e {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY =>
        {
            StoreError::Conflict
        }
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;

    /// A fresh database with one table, and its engine.
    fn engine(queue: usize) -> (tempfile_dir::Dir, Engine) {
        let dir = tempfile_dir::Dir::new();
        let path = dir.0.join("t.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (id TEXT PRIMARY KEY);")
            .unwrap();
        drop(conn);
        let tuning = Tuning {
            queue,
            ..Tuning::DEFAULT
        };
        (dir, start_with(&path, Durability::Normal, tuning).unwrap())
    }

    mod tempfile_dir {
        pub struct Dir(pub std::path::PathBuf);
        impl Dir {
            pub fn new() -> Dir {
                let path = std::env::temp_dir().join(countersign_core::ids::new_id("engine"));
                std::fs::create_dir_all(&path).unwrap();
                Dir(path)
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    fn insert(id: &'static str) -> impl FnOnce(&mut Writing<'_>) -> Result<()> {
        move |w| exec(w.conn, "INSERT INTO t (id) VALUES ($1)", &[&id]).map(drop)
    }

    /// Holds the writer inside a unit until the returned sender is dropped;
    /// answers once the writer is inside it.
    async fn hold_writer(engine: &Engine) -> (mpsc::Sender<()>, tokio::task::JoinHandle<()>) {
        let (inside_tx, inside_rx) = mpsc::channel::<()>();
        let (release_tx, release_rx) = mpsc::channel::<()>();
        let e = engine.clone();
        let held = tokio::spawn(async move {
            e.write(move |_| {
                inside_tx.send(()).unwrap();
                let _ = release_rx.recv();
                Ok(Unit::Keep(()))
            })
            .await
            .unwrap();
        });
        tokio::task::spawn_blocking(move || inside_rx.recv().unwrap())
            .await
            .unwrap();
        (release_tx, held)
    }

    async fn ids(engine: &Engine) -> Vec<String> {
        engine
            .read(|c| all(c, "SELECT id FROM t ORDER BY id", &[], |r| Ok(r.get(0)?)))
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn a_failing_unit_rolls_back_alone_and_the_batch_commits() {
        let (_dir, engine) = engine(16);
        let (release, held) = hold_writer(&engine).await;
        // Queued behind the held unit, these four are committed together.
        let e = engine.clone();
        let answers = tokio::spawn(async move {
            let keep_a = e.write(|w| insert("a")(w).map(Unit::Keep));
            let fail_b = e.write(|w| {
                insert("b")(w)?;
                Err::<Unit<()>, _>(StoreError::Conflict)
            });
            let undo_c = e.write(|w| insert("c")(w).map(|()| Unit::Undo("kept out")));
            let keep_d = e.write(|w| insert("d")(w).map(Unit::Keep));
            let (a, b, c, d) = tokio::join!(keep_a, fail_b, undo_c, keep_d);
            (
                a.is_ok(),
                matches!(b, Err(StoreError::Conflict)),
                c.unwrap(),
                d.is_ok(),
            )
        });
        drop(release);
        held.await.unwrap();
        assert_eq!(answers.await.unwrap(), (true, true, "kept out", true));
        assert_eq!(ids(&engine).await, ["a", "d"]);
    }

    /// Units that append events and then fail, undo or undo and append
    /// again, all in one batch: the heads each unit moved are put back, so
    /// the committed chain has no gap or fork and `audit_heads` names its
    /// last link (written once, at the end of the batch).
    #[tokio::test]
    async fn rolled_back_appends_leave_one_chain_and_its_head() {
        let (dir, engine) = engine(16);
        let conn = Connection::open(dir.0.join("t.db")).unwrap();
        conn.execute_batch(
            "CREATE TABLE events (id TEXT, service_id TEXT, user_id TEXT, kind TEXT, at BIGINT, \
             ip TEXT, detail TEXT, personal_salt TEXT, personal_digest TEXT, chain_seq BIGINT, \
             prev_hash TEXT, hash TEXT); \
             CREATE TABLE audit_heads (service_id TEXT PRIMARY KEY, seq BIGINT, hash TEXT);",
        )
        .unwrap();
        drop(conn);
        fn append(kind: &'static str) -> impl FnOnce(&mut Writing<'_>) -> Result<()> {
            move |w| {
                let at = Timestamp(1);
                w.insert_events(&[Event::new(
                    "svc_1",
                    None,
                    kind,
                    at,
                    None,
                    serde_json::json!({}),
                )])
            }
        }
        let (release, held) = hold_writer(&engine).await;
        let e = engine.clone();
        let answers = tokio::spawn(async move {
            let kept = e.write(move |w| append("kept")(w).map(Unit::Keep));
            let failed = e.write(move |w| {
                append("failed")(w)?;
                Err::<Unit<()>, _>(StoreError::Conflict)
            });
            let retried = e.write(move |w| {
                append("dropped")(w)?;
                w.undo()?;
                append("retried")(w).map(Unit::Keep)
            });
            let undone = e.write(move |w| append("undone")(w).map(Unit::Undo));
            // More events than one statement inserts.
            let many = e.write(move |w| {
                let at = Timestamp(2);
                let events: Vec<Event> = (0..6)
                    .map(|_| Event::new("svc_1", None, "many", at, None, serde_json::json!({})))
                    .collect();
                w.insert_events(&events).map(Unit::Keep)
            });
            let last = e.write(move |w| append("last")(w).map(Unit::Keep));
            let (a, b, c, d, m, e) = tokio::join!(kept, failed, retried, undone, many, last);
            a.and(c).and(d).and(m).and(e).unwrap();
            assert!(b.is_err());
        });
        drop(release);
        held.await.unwrap();
        answers.await.unwrap();
        let (chain, head) = engine
            .read(|c| {
                let chain = all(
                    c,
                    &format!(
                        "SELECT {} FROM events ORDER BY chain_seq",
                        crate::sql::CHAINED_EVENT_COLUMNS
                    ),
                    &[],
                    |r| crate::rows::chained_event(r),
                )?;
                let head = one(c, "SELECT seq, hash FROM audit_heads", &[], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })?;
                Ok((chain, head))
            })
            .await
            .unwrap();
        let kinds: Vec<&str> = chain.iter().map(|(e, _)| e.kind.as_str()).collect();
        let mut expected = vec!["kept", "retried"];
        expected.extend(["many"; 6]);
        expected.push("last");
        assert_eq!(kinds, expected);
        let head = head.expect("the head is saved");
        assert_eq!(
            countersign_core::audit::verify(&chain, Some((head.0, head.1.as_str()))),
            Ok(9)
        );
    }

    /// While commits come faster than a checkpoint can copy them, no
    /// checkpoint ever reaches the WAL's end, and SQLite starts the WAL
    /// again only when one has: the WAL file must stay bounded all the same
    /// (a benchmark once grew it to 4 GB).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_wal_stays_bounded_while_commits_never_pause() {
        let tuning = Tuning {
            checkpoint_every: Duration::from_millis(5),
            restart_wal_at: 256,
            ..Tuning::DEFAULT
        };
        assert!(wal_after_writing_without_pause(tuning).await < 16 << 20);
    }

    /// The same with a checkpointer that never gets to run again (as when
    /// the machine is so busy that its thread gets no CPU): the writer
    /// keeps the WAL within its limit (4 × 256 pages) by itself.
    #[tokio::test]
    async fn the_wal_stays_bounded_without_the_checkpointer() {
        let tuning = Tuning {
            checkpoint_every: Duration::from_secs(3600),
            restart_wal_at: 256,
            ..Tuning::DEFAULT
        };
        let wal = wal_after_writing_without_pause(tuning).await;
        // The limit, and the frames of one batch committed past it.
        assert!(
            wal <= (4 * 256 + 2 * BATCH as u64) * 4096 + 4096,
            "the WAL grew to {wal} bytes"
        );
    }

    /// The WAL's size after 64 MiB written in rows of a page each, from a
    /// few writers that never pause: small batches, committed one right
    /// after the other.
    async fn wal_after_writing_without_pause(tuning: Tuning) -> u64 {
        let dir = tempfile_dir::Dir::new();
        let path = dir.0.join("t.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE t (n INTEGER PRIMARY KEY, body BLOB);",
        )
        .unwrap();
        drop(conn);
        let engine = start_with(&path, Durability::Normal, tuning).unwrap();
        const ROWS: u64 = 16 * 1024;
        let next = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let writers: Vec<_> = (0..4)
            .map(|_| {
                let (engine, next) = (engine.clone(), next.clone());
                tokio::spawn(async move {
                    while next.fetch_add(1, Ordering::Relaxed) < ROWS {
                        engine
                            .write(|w| {
                                exec(
                                    w.conn,
                                    "INSERT INTO t (body) VALUES (randomblob(4000))",
                                    &[],
                                )
                                .map(|_| Unit::Keep(()))
                            })
                            .await
                            .unwrap();
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.await.unwrap();
        }
        std::fs::metadata(dir.0.join("t.db-wal")).unwrap().len()
    }

    /// Polls `f` once: a write is queued, and its answer not waited for.
    fn poll_once<F: std::future::Future>(f: std::pin::Pin<&mut F>) -> std::task::Poll<F::Output> {
        f.poll(&mut std::task::Context::from_waker(std::task::Waker::noop()))
    }

    #[tokio::test]
    async fn a_full_queue_refuses_at_once() {
        let (_dir, engine) = engine(2);
        let (release, held) = hold_writer(&engine).await;
        let mut x = Box::pin(engine.write(|w| insert("x")(w).map(Unit::Keep)));
        let mut y = Box::pin(engine.write(|w| insert("y")(w).map(Unit::Keep)));
        assert!(poll_once(x.as_mut()).is_pending());
        assert!(poll_once(y.as_mut()).is_pending());
        let mut z = Box::pin(engine.write(|w| insert("z")(w).map(Unit::Keep)));
        assert!(
            matches!(
                poll_once(z.as_mut()),
                std::task::Poll::Ready(Err(StoreError::Busy))
            ),
            "a write was queued past the limit"
        );
        drop(release);
        held.await.unwrap();
        // The queued writes are answered; the refused one never happens.
        x.await.unwrap();
        y.await.unwrap();
        assert_eq!(ids(&engine).await, ["x", "y"]);
    }
}
