//! Countersign's storage: the [`Store`] trait, with a SQLite and a PostgreSQL
//! implementation generated from the same SQL (both engines accept `$n`
//! parameters, `RETURNING` and the column types used here).
//!
//! Every rule that must hold across server processes is a single conditional
//! statement or a transaction that starts with a write: a challenge is saved
//! only if its `version` is still the one that was read, and failure counters
//! are incremented in the database, never read-modify-written in memory.
#![forbid(unsafe_code)]

pub mod copy;
mod dashboard;
mod operators;
mod rows;
mod sql;
pub mod sqlite;

use async_trait::async_trait;
use countersign_core::audit::{ChainLink, Checkpoint};
use countersign_core::challenge::Challenge;
use countersign_core::event::Event;
use countersign_core::factor::Factor;
use countersign_core::help::{Article, Category};
use countersign_core::ids::{FactorId, ServiceId, UserKey};
use countersign_core::limits::CounterCheck;
use countersign_core::lockout::LockoutPolicy;
use countersign_core::message::{DeliveryStatus, MessageRecord};
use countersign_core::notice::NoticeContent;
use countersign_core::policy::Channel;
use countersign_core::portal::{Pending, PortalSession};
use countersign_core::retention::Cutoffs;
use countersign_core::service::{ApiKey, Service, ServiceSettings};
use countersign_core::support::Appointment;
use countersign_core::user::User;
use countersign_core::webhook::ServiceWebhook;
use countersign_core::Timestamp;
use thiserror::Error;

pub use dashboard::DashboardStore;
pub use operators::{OperatorStore, UserLookup};
pub use sql::{connect, connect_server, PgStore};
pub use sqlite::SqliteStore;
pub use sqlx::Error as SqlxError;

#[derive(Debug, Error)]
pub enum StoreError {
    /// A unique key already exists (service name, user id).
    #[error("already exists")]
    Conflict,
    #[error("database URL not understood: {0}")]
    BadUrl(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored value that this version cannot read.
    #[error("corrupt record: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Too many writes are waiting: try again in a moment.
    #[error("too many writes are waiting")]
    Busy,
    /// The writer could not commit; nothing of the unit was written.
    #[error("commit failed: {0}")]
    Commit(String),
    /// The database's threads have stopped.
    #[error("the database is shutting down")]
    Stopped,
    /// Retention found a break in an audit chain and pruned nothing past it.
    #[error("the audit chain is broken, nothing pruned past it: {0}")]
    BrokenChain(#[from] countersign_core::audit::ChainBreak),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Most times a decision is taken again after losing a race.
pub const MAX_RACES: usize = 256;

/// What saving a challenge does to its user, in the same transaction.
#[derive(Debug, Clone, PartialEq)]
pub enum UserEffect {
    None,
    /// A wrong code: one more consecutive failure, and maybe a lockout,
    /// recorded by `locked` (see [`LockedEvent`]) in the same transaction.
    /// `keyed`: on a challenge the integrator opened with its key, so it
    /// also counts toward the permanent lock (see
    /// [`countersign_core::lockout`]).
    Failure {
        lockout: LockoutPolicy,
        now: Timestamp,
        locked: LockedEvent,
        keyed: bool,
    },
    /// A right code: the address or number the code went to is proven, if
    /// it is still the user's (a contact changed meanwhile stays unverified).
    /// The consecutive-failure count starts again only when the challenge is
    /// approved: passing one step of a two-step policy must not give a
    /// guesser fresh tries at the other.
    Success {
        verified_email: Option<String>,
        verified_phone: Option<String>,
        approved: bool,
        now: Timestamp,
    },
}

/// The `user.locked` event to record if a failure locks the user: only the
/// store knows, inside the transaction, whether it does and until when.
#[derive(Debug, Clone, PartialEq)]
pub struct LockedEvent(pub Event);

impl LockedEvent {
    /// The event, saying until when the user is locked.
    pub fn until(&self, until: Timestamp) -> Event {
        let mut event = self.0.clone();
        if let serde_json::Value::Object(detail) = &mut event.detail {
            detail.insert("until".into(), serde_json::json!(until));
        }
        event
    }
}

/// A deleted user whose events are to be erased: those of `user_id` in
/// `service_id` up to the deletion's own event (`up_to_seq`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erasure {
    pub service_id: String,
    pub user_id: String,
    pub up_to_seq: i64,
    pub requested_at: Timestamp,
}

/// What one batch of an erasure did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Erased {
    pub events: u64,
    /// Nothing is left to erase: the erasure is finished.
    pub done: bool,
}

/// Everything written together with a challenge.
#[derive(Debug, Clone)]
pub struct ChallengeWrite<'a> {
    pub events: &'a [Event],
    pub user: UserEffect,
    pub new_message: Option<&'a MessageRecord>,
    /// What the provider answered to a send, recorded with the decision
    /// it led to (see [`Store::update_message`]).
    pub message_update: Option<&'a MessageUpdate>,
    /// The factor a right answer used, moved forward in the same transaction.
    pub factor_use: Option<FactorUse>,
    /// Send counters to increment; if any would pass its cap, nothing is
    /// written ([`Saved::LimitReached`]).
    pub counters: &'a [CounterCheck],
    /// Notices the decision sends (a replayed code, a risky sign-in), with
    /// it or not at all.
    pub security: Option<&'a SecurityWrite>,
}

/// A factor consumed by a verification: the TOTP step or HOTP counter moves
/// forward, or a recovery code is spent. Applied only if nobody did it first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactorUse {
    /// Store `moving_factor` if the stored one is lower.
    Otp {
        factor_id: FactorId,
        moving_factor: u64,
        now: Timestamp,
    },
    /// A passkey or security key used: store its updated credential and
    /// counter if the counter grew (or both are 0: authenticators without
    /// a counter). A counter that did not grow means a cloned key or a replay.
    Webauthn {
        factor_id: FactorId,
        /// The factor's new `params` (JSON).
        params: String,
        counter: u32,
        now: Timestamp,
    },
    /// Spend the recovery code with this hash if it is unused.
    RecoveryCode {
        factor_id: FactorId,
        code_hash: String,
        now: Timestamp,
    },
}

impl FactorUse {
    pub fn factor_id(&self) -> &FactorId {
        match self {
            FactorUse::Otp { factor_id, .. }
            | FactorUse::Webauthn { factor_id, .. }
            | FactorUse::RecoveryCode { factor_id, .. } => factor_id,
        }
    }
}

/// The result of a conditional save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Someone saved the challenge first; reload and decide again.
    Conflict,
    /// Saved. `locked_until` is set when this failure locked the user.
    Done { locked_until: Option<Timestamp> },
    /// Nothing saved: the user was locked (perhaps by a concurrent failure)
    /// when this decision was about to count.
    UserLocked,
    /// Nothing saved: the factor use was taken first (the same TOTP step,
    /// HOTP counter or recovery code used by another request).
    Replayed,
    /// Nothing saved: this counter of the write's `counters` is at its cap.
    LimitReached(usize),
}

/// A service's audit chain as one snapshot: its events in chain order, its
/// head, and where it starts if its oldest events were pruned.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuditChain {
    pub events: Vec<(Event, ChainLink)>,
    /// `(chain_seq, hash)` of the newest link.
    pub head: Option<(i64, String)>,
    pub checkpoint: Option<Checkpoint>,
}

/// Rows deleted by retention, per kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Purged {
    pub challenges: u64,
    pub messages: u64,
    pub portal_sessions: u64,
    pub webauthn_ceremonies: u64,
    pub device_signatures: u64,
    pub send_counters: u64,
    pub notices: u64,
    pub webhook_deliveries: u64,
    pub events: u64,
}

impl Purged {
    /// Whether a batch of at most `limit` per kind took a whole batch of
    /// some kind: more may be left.
    /// (Messages count too: they are many per challenge, so this may ask
    /// for one batch more than needed, never one less.)
    pub fn full(&self, limit: u32) -> bool {
        let mut counts = *self;
        let full = counts.each().into_iter().any(|n| *n >= u64::from(limit));
        full
    }

    pub fn add(&mut self, other: &Purged) {
        let mut other = *other;
        for (n, more) in self.each().into_iter().zip(other.each()) {
            *n += *more;
        }
    }

    /// Every count: first those of the expired kinds in the order the
    /// engines delete them, then challenges, messages and events.
    pub(crate) fn each(&mut self) -> [&mut u64; 9] {
        let Purged {
            challenges,
            messages,
            portal_sessions,
            webauthn_ceremonies,
            device_signatures,
            send_counters,
            notices,
            webhook_deliveries,
            events,
        } = self;
        [
            send_counters,
            device_signatures,
            webauthn_ceremonies,
            portal_sessions,
            notices,
            webhook_deliveries,
            challenges,
            messages,
            events,
        ]
    }
}

/// What became of [`Store::revoke_api_key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revoked {
    /// Deleted: the key authenticates nothing from now on.
    Done,
    /// The service has no key with this id.
    Missing,
    /// Nothing deleted: it is the service's last key.
    LastKey,
}

/// A security notice on its way to one contact point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeRecord {
    pub id: String,
    pub service_id: ServiceId,
    pub user_pk: Option<UserKey>,
    pub channel: Channel,
    pub to: String,
    pub locale: Option<String>,
    pub content: NoticeContent,
    /// Attempts made so far.
    pub attempts: u32,
}

/// A security change's consequences, written in the transaction of the
/// change itself (so that no change goes without them): the user's
/// withdrawals held until `hold_until` (or later, if a hold already runs
/// longer), and notices to their verified contacts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityWrite {
    pub user_pk: UserKey,
    pub hold_until: Option<Timestamp>,
    pub notices: Vec<NoticeRecord>,
}

/// One user's part of an import ([`Store::import_users`]).
#[derive(Debug, Clone)]
pub struct ImportedUser {
    /// The user as read before the import; `None` to create it.
    pub before: Option<User>,
    pub user: User,
    /// Factors to add (hardware tokens, already sealed).
    pub factors: Vec<Factor>,
    pub events: Vec<Event>,
    pub security: Option<SecurityWrite>,
}

/// What became of one attempt to send a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeOutcome {
    Sent,
    Retry {
        at: Timestamp,
        error: String,
    },
    /// Given up: a refusal, or too many attempts.
    Failed {
        error: String,
    },
}

/// A webhook endpoint's claim on one service's events, held until released
/// or until its lease runs out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookClaim {
    pub endpoint: String,
    pub service_id: String,
    /// The chain position delivered so far.
    pub delivered_seq: i64,
    /// Failed attempts at the next event.
    pub attempts: u32,
    /// Proves this worker still holds the claim when it writes.
    pub token: String,
}

/// One attempt to deliver one event to one endpoint: the delivery log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct WebhookDelivery {
    pub id: String,
    pub endpoint: String,
    pub service_id: String,
    pub event_id: String,
    pub attempt: u32,
    /// The receiver's HTTP status, when it answered.
    pub status_code: Option<u16>,
    pub error: Option<String>,
    pub at: Timestamp,
}

/// What to do with the claim after a delivery attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterDelivery {
    /// Delivered (or skipped as not subscribed): move past this event.
    Advance { seq: i64 },
    /// Failed: try the same event again at this time.
    RetryAt(Timestamp),
    /// Failed too often: log it and move past it (replay from the CLI).
    GiveUp { seq: i64 },
}

/// Which of a service's help articles to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArticleFilter<'a> {
    pub locale: Option<&'a str>,
    pub category: Option<Category>,
    /// Only articles published at or before this instant (what end users
    /// see); `None` lists drafts and scheduled articles too (the API).
    pub published_by: Option<Timestamp>,
}

/// The browser a portal link was opened from, as its session keeps it
/// (see [`countersign_core::portal::kept_user_agent`] and
/// [`countersign_core::portal::coarse_ip`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct OpenedFrom<'a> {
    pub user_agent: Option<&'a str>,
    pub ip: Option<&'a str>,
}

/// A provider's news about a message.
#[derive(Debug, Clone)]
pub struct MessageUpdate {
    pub id: String,
    pub status: DeliveryStatus,
    pub provider_ref: Option<String>,
    pub attempts: u32,
    pub error: Option<String>,
    pub now: Timestamp,
}

/// What a decision about a challenge writes besides the challenge (see
/// [`Store::decide_challenge`]): [`ChallengeWrite`], owned.
#[derive(Debug, Clone)]
pub struct Decision {
    pub events: Vec<Event>,
    pub user: UserEffect,
    pub new_message: Option<MessageRecord>,
    pub message_update: Option<MessageUpdate>,
    pub factor_use: Option<FactorUse>,
    pub counters: Vec<CounterCheck>,
    pub security: Option<SecurityWrite>,
}

impl Decision {
    pub fn as_write(&self) -> ChallengeWrite<'_> {
        ChallengeWrite {
            events: &self.events,
            user: self.user.clone(),
            new_message: self.new_message.as_ref(),
            message_update: self.message_update.as_ref(),
            factor_use: self.factor_use.clone(),
            counters: &self.counters,
            security: self.security.as_ref(),
        }
    }
}

/// Decides about a loaded challenge: changes it and says what else to
/// write, or `None` to write nothing. Told when the factor use it asked for
/// was taken first (`true`: decide as if the code were wrong).
pub type Decide = Box<dyn FnMut(&mut Challenge, bool) -> Option<Decision> + Send>;

/// What became of [`Store::decide_challenge`].
#[derive(Debug)]
pub enum Decided {
    /// No such challenge in the service.
    Missing,
    /// The decision wrote nothing.
    Refused,
    /// Saved (or refused by the store: [`Saved`] says), with the challenge
    /// as decided and, when saved, its messages.
    Saved {
        challenge: Box<Challenge>,
        saved: Saved,
        messages: Vec<MessageRecord>,
    },
}

/// A change another process made, which this one may be waiting for or
/// hold a stale copy of ([`Store::signals`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    /// Notices or events were written: the outbox worker has work.
    Outbox,
    /// A challenge was opened for this user: their devices' long-polls look.
    NewChallenge(UserKey),
    /// A service's settings changed: forget any cached copy.
    ServiceChanged(ServiceId),
    /// Signals may have been missed (the listener was reconnected): look at
    /// everything again.
    CatchUp,
}

impl Signal {
    /// The notification's payload ([`Signal::parse`] reads it back).
    pub fn payload(&self) -> Option<String> {
        match self {
            Signal::Outbox => Some("outbox".into()),
            Signal::NewChallenge(user) => Some(format!("challenge {user}")),
            Signal::ServiceChanged(id) => Some(format!("service {id}")),
            Signal::CatchUp => None,
        }
    }

    /// The signal a notification's payload names (see the PostgreSQL
    /// migration `0020_signals.sql`, whose triggers send some of them).
    pub fn parse(payload: &str) -> Option<Signal> {
        match payload.split_once(' ') {
            None if payload == "outbox" => Some(Signal::Outbox),
            Some(("challenge", user)) => UserKey::parse(user).map(Signal::NewChallenge),
            Some(("service", id)) => ServiceId::parse(id).map(Signal::ServiceChanged),
            _ => None,
        }
    }
}

/// The query behind [`Store::next_outbox_due`], the same on both engines,
/// for `endpoints` endpoints bound as `$1…`.
pub(crate) fn next_outbox_due_sql(endpoints: usize) -> String {
    let later = |a: &str, b: &str| format!("CASE WHEN {a} > {b} THEN {a} ELSE {b} END");
    let mut sql = format!(
        "SELECT MIN(due) FROM (SELECT {} AS due FROM notices WHERE status = 'pending'",
        later("next_attempt_at", "lease_until")
    );
    if endpoints > 0 {
        let names: Vec<String> = (1..=endpoints).map(|i| format!("${i}")).collect();
        sql.push_str(&format!(
            " UNION ALL SELECT {} FROM webhook_cursors c JOIN audit_heads h ON h.service_id = c.service_id \
             WHERE h.seq > c.delivered_seq AND c.endpoint IN ({})",
            later("c.next_attempt_at", "c.lease_until"),
            names.join(", ")
        ));
    }
    sql.push_str(") AS due_times");
    sql
}

#[async_trait]
pub trait Store: OperatorStore + DashboardStore + Send + Sync + 'static {
    /// Answers when the database does (readiness).
    async fn ping(&self) -> Result<()>;

    /// Other processes' changes as they commit, for a database that
    /// several processes share (PostgreSQL `LISTEN/NOTIFY`); `None` where
    /// this process is the only writer that matters (SQLite). The first
    /// call starts listening.
    fn signals(&self) -> Option<tokio::sync::broadcast::Receiver<Signal>> {
        None
    }

    /// Tells the other processes (PostgreSQL `NOTIFY`; nothing on SQLite).
    /// For what no trigger announces: a challenge a device can approve.
    async fn announce(&self, signal: Signal) -> Result<()> {
        let _ = signal;
        Ok(())
    }

    /// Stores `value` under `name` unless a value is there already, and
    /// returns the value that is there now.
    async fn claim_setting(&self, name: &str, value: &str) -> Result<String>;

    /// Adds a service with its first API key (stored as `key_hash`, the
    /// key's SHA-256), in one transaction.
    async fn insert_service(&self, service: &Service, key: &ApiKey, key_hash: &str) -> Result<()>;
    /// The API key whose SHA-256 is `key_hash`: one read of a unique index.
    /// Callers never cache it, so that a revoked key is refused at once by
    /// every process.
    async fn api_key_by_hash(&self, key_hash: &str) -> Result<Option<ApiKey>>;
    /// A service's API keys, oldest first.
    async fn api_keys(&self, service_id: &str) -> Result<Vec<ApiKey>>;
    /// Adds an API key to its service, with `events`.
    async fn insert_api_key(&self, key: &ApiKey, key_hash: &str, events: &[Event]) -> Result<()>;
    /// Deletes one of a service's keys, with `events`, unless it is the
    /// service's last key. Revocations of one service's keys take turns (on
    /// the service's row), so that two racing revocations never remove the
    /// last two keys.
    async fn revoke_api_key(
        &self,
        service_id: &str,
        key_id: &str,
        events: &[Event],
    ) -> Result<Revoked>;
    /// Records a use of a key at `now`, unless one was recorded after
    /// `since` (by another request or process meanwhile).
    async fn touch_api_key(&self, key_id: &str, now: Timestamp, since: Timestamp) -> Result<()>;
    async fn services(&self) -> Result<Vec<Service>>;
    async fn service(&self, id: &str) -> Result<Option<Service>>;
    /// Replaces a service's settings if they are still `before` (a change
    /// made meanwhile by another request is never overwritten); false if
    /// they were not.
    async fn update_service_settings(
        &self,
        service: &Service,
        before: &ServiceSettings,
        events: &[Event],
    ) -> Result<bool>;
    /// Replaces a service's settings as [`Store::update_service_settings`]
    /// does, and with them its logo (`None` removes it), in one
    /// transaction: the settings' `brand.logo` always describes the stored
    /// image.
    async fn replace_service_logo(
        &self,
        service: &Service,
        before: &ServiceSettings,
        image: Option<&[u8]>,
        events: &[Event],
    ) -> Result<bool>;
    /// The service's logo: its SHA-256 (hex) and bytes.
    async fn service_logo(&self, service_id: &str) -> Result<Option<(String, Vec<u8>)>>;

    async fn user(&self, service_id: &str, user_id: &str) -> Result<Option<User>>;
    /// [`StoreError::Conflict`] when the user id is taken in this service.
    async fn insert_user(&self, user: &User, events: &[Event]) -> Result<()>;
    /// Writes the profile fields that differ between `before` and `user`,
    /// and only those, so that concurrent updates of different fields (or a
    /// contact being verified meanwhile) are not overwritten with stale
    /// values. Failure counters are left to [`Store::save_challenge`].
    async fn update_user(
        &self,
        before: &User,
        user: &User,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<()>;
    /// Writes an import whole in one transaction, or nothing: each user
    /// inserted or updated as [`Store::insert_user`] and
    /// [`Store::update_user`] would, then its factors. [`StoreError::Conflict`]
    /// when a user id was taken meanwhile or a seed is already enrolled.
    async fn import_users(&self, users: &[ImportedUser]) -> Result<()>;
    /// Takes up to `limit` notices due at `now` that no other worker holds,
    /// leasing them for [`countersign_core::outbox::LEASE`].
    async fn claim_notices(&self, now: Timestamp, limit: u32) -> Result<Vec<NoticeRecord>>;
    /// Records an attempt to send a claimed notice.
    async fn finish_notice(&self, id: &str, outcome: &NoticeOutcome, now: Timestamp) -> Result<()>;
    /// Makes sure the operator's `endpoint` (every service's events) has a
    /// cursor for each service: a new endpoint starts at each service's
    /// current end of the log; services created after it start at their
    /// beginning.
    async fn register_webhook_endpoint(&self, endpoint: &str, now: Timestamp) -> Result<()>;
    /// Services with events `endpoint` has yet to deliver and may try now
    /// (those it has a cursor for).
    async fn webhook_backlog(&self, endpoint: &str, now: Timestamp) -> Result<Vec<ServiceId>>;
    /// Registers a service's own endpoint with its sealed secret and its
    /// cursor at the service's newest event, and records `events`, in one
    /// transaction; false (nothing written) when the service has `limit`
    /// endpoints already.
    async fn insert_service_webhook(
        &self,
        webhook: &ServiceWebhook,
        sealed_secret: &str,
        limit: usize,
        events: &[Event],
    ) -> Result<bool>;
    /// A service's endpoints, oldest first.
    async fn service_webhooks(&self, service_id: &str) -> Result<Vec<ServiceWebhook>>;
    /// Every service's endpoints with their sealed secrets, for the worker.
    async fn all_service_webhooks(&self) -> Result<Vec<(ServiceWebhook, String)>>;
    /// Removes a service's endpoint and its cursor (so that it holds back
    /// no pruning) and records `events`; false (nothing written) when the
    /// service has no such endpoint.
    async fn delete_service_webhook(
        &self,
        service_id: &str,
        id: &str,
        events: &[Event],
    ) -> Result<bool>;
    /// When the outbox next has work that no write will announce: the
    /// earliest retry or lease end of a pending notice, or of a backlog of
    /// one of `endpoints`. `None`: nothing is pending.
    async fn next_outbox_due(&self, endpoints: &[String]) -> Result<Option<Timestamp>>;
    /// Claims `endpoint`'s delivery of `service_id`'s events, unless another
    /// worker holds it or its retry is not due.
    async fn claim_webhook(
        &self,
        endpoint: &str,
        service_id: &str,
        now: Timestamp,
    ) -> Result<Option<WebhookClaim>>;
    /// The service's chained events after position `seq`, in order.
    async fn events_after(
        &self,
        service_id: &str,
        seq: i64,
        limit: u32,
    ) -> Result<Vec<(i64, Event)>>;
    /// Logs `delivery` (if any), moves the claim on and renews its lease;
    /// false if the claim was lost to another worker (nothing written).
    async fn after_webhook(
        &self,
        claim: &WebhookClaim,
        delivery: Option<&WebhookDelivery>,
        next: AfterDelivery,
        now: Timestamp,
    ) -> Result<bool>;
    /// Lets other workers claim it again.
    async fn release_webhook(&self, claim: &WebhookClaim) -> Result<()>;
    /// Logs a delivery made outside a claim (a replay from the CLI).
    async fn log_webhook_delivery(&self, delivery: &WebhookDelivery) -> Result<()>;
    /// An endpoint's latest deliveries, newest first.
    async fn webhook_deliveries(&self, endpoint: &str, limit: u32) -> Result<Vec<WebhookDelivery>>;
    /// One event by id, with its service.
    async fn event(&self, id: &str) -> Result<Option<Event>>;
    /// Lifts a lockout and clears the failure count (an operator's decision,
    /// after a hard lock). False when there is no such user.
    async fn unlock_user(&self, user: &User, event: &Event) -> Result<bool>;
    /// Removes the user with their challenges, factors, sessions and
    /// notices, records `tombstone`, and requests the erasure of their
    /// events up to it ([`Store::erase_events`] does it), all in one
    /// transaction. `None` when there is no such user.
    async fn delete_user(&self, user: &User, tombstone: &Event) -> Result<Option<Erasure>>;
    /// Erasures not finished yet, oldest first (normally none: a deletion
    /// finishes its own; a crash can leave one).
    async fn pending_erasures(&self, limit: u32) -> Result<Vec<Erasure>>;
    /// One batch of `erasure`, in one transaction: up to `limit` of the
    /// user's events erased ([`Event::erase`]); when fewer were left, the
    /// erasure is finished in the same transaction.
    async fn erase_events(&self, erasure: &Erasure, limit: u32) -> Result<Erased>;

    async fn insert_challenge(&self, challenge: &Challenge, events: &[Event]) -> Result<()>;
    async fn challenge(&self, service_id: &str, id: &str) -> Result<Option<Challenge>>;
    /// A challenge by id in any service, for callers that hold no service
    /// key (a customer joining a support call).
    async fn challenge_by_id(&self, id: &str) -> Result<Option<Challenge>>;
    /// Saves `challenge` only if its stored version is still `challenge.version`
    /// and, when the write counts a success or failure, only if the user is
    /// not locked at that instant.
    async fn save_challenge(
        &self,
        challenge: &Challenge,
        write: ChallengeWrite<'_>,
    ) -> Result<Saved>;

    /// Records what the provider answered to a send, unless a status
    /// callback already moved the message on, with `events` (the send's
    /// outcome) in the same transaction.
    async fn update_message(&self, update: &MessageUpdate, events: &[Event]) -> Result<()>;

    /// Loads the challenge, lets `decide` change it, saves it with what it
    /// decided, and reads its messages for the answer: one unit of work (one
    /// hop to the SQLite writer). A lost race or a replayed factor use is
    /// decided again on the fresh state.
    async fn decide_challenge(
        &self,
        service_id: &str,
        id: &str,
        mut decide: Decide,
    ) -> Result<Decided> {
        let mut replayed = false;
        for _ in 0..MAX_RACES {
            let Some(mut c) = self.challenge(service_id, id).await? else {
                return Ok(Decided::Missing);
            };
            let Some(decision) = decide(&mut c, replayed) else {
                return Ok(Decided::Refused);
            };
            let (saved, messages) = self.save_decided(&c, decision.as_write()).await?;
            match saved {
                Saved::Conflict => continue,
                Saved::Replayed => replayed = true,
                Saved::Done { .. } => {
                    c.version += 1;
                    let messages = match messages {
                        Some(messages) => messages,
                        None => self.messages(&c.id).await?,
                    };
                    return Ok(Decided::Saved {
                        challenge: Box::new(c),
                        saved,
                        messages,
                    });
                }
                _ => {
                    return Ok(Decided::Saved {
                        challenge: Box::new(c),
                        saved,
                        messages: Vec::new(),
                    })
                }
            }
        }
        Err(StoreError::Busy)
    }
    /// [`Store::save_challenge`], and the challenge's messages as they are
    /// after it when the engine can read them in the same round trip
    /// (`None`: read them with [`Store::messages`]).
    async fn save_decided(
        &self,
        c: &Challenge,
        write: ChallengeWrite<'_>,
    ) -> Result<(Saved, Option<Vec<MessageRecord>>)> {
        Ok((self.save_challenge(c, write).await?, None))
    }
    async fn messages(&self, challenge_id: &str) -> Result<Vec<MessageRecord>>;
    /// A message by its id, with the service of its challenge.
    async fn message(&self, id: &str) -> Result<Option<(MessageRecord, ServiceId)>>;
    /// Records a provider's report on a message, only if the message is in
    /// one of the statuses the report may follow (reports arrive out of
    /// order; a final verdict never changes). False when nothing changed.
    async fn report_delivery(
        &self,
        id: &str,
        status: DeliveryStatus,
        error: Option<&str>,
        now: Timestamp,
    ) -> Result<bool>;

    /// A user's factors, oldest first, recovery code sets with their count of
    /// unused codes.
    async fn factors(&self, user_pk: &str) -> Result<Vec<Factor>>;
    /// A factor by its id, in any service (trusted devices authenticate by
    /// their factor id alone).
    async fn factor(&self, id: &str) -> Result<Option<Factor>>;
    /// A user's challenges still pending at `now`, oldest first.
    async fn pending_challenges(&self, user_pk: &str, now: Timestamp) -> Result<Vec<Challenge>>;
    /// A user's latest approved (or held) challenges, newest first: where
    /// they usually are, for risk signals.
    async fn recent_approved(&self, user_pk: &str, limit: u32) -> Result<Vec<Challenge>>;
    /// Remembers a device signature as used until `expires_at`; false if it
    /// was used before (a replay).
    async fn claim_device_signature(&self, key: &str, expires_at: Timestamp) -> Result<bool>;
    /// Adds a factor. A recovery code set (with its code hashes) replaces the
    /// user's earlier sets in the same transaction.
    async fn insert_factor(
        &self,
        factor: &Factor,
        recovery_code_hashes: &[String],
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<()>;
    /// Activates `factor` (if it is still in the status it was read in) and
    /// moves its moving factor to `moving_factor`, only if the stored one is
    /// lower: a code used by a racing request is refused here. False when
    /// nothing changed.
    async fn advance_factor(
        &self,
        factor: &Factor,
        moving_factor: u64,
        now: Timestamp,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<bool>;
    /// Applies a factor use outside a challenge (a usernameless sign-in);
    /// false when it was taken first.
    async fn use_factor(&self, used: FactorUse, events: &[Event]) -> Result<bool>;
    /// A user by Countersign's id (`usr_…`).
    async fn user_by_pk(&self, pk: &str) -> Result<Option<User>>;
    /// Activates a pending factor with its final `params` (a WebAuthn
    /// credential). False if it was not pending any more.
    async fn complete_registration(
        &self,
        factor: &Factor,
        now: Timestamp,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<bool>;
    async fn delete_factor(
        &self,
        factor: &Factor,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<bool>;
    /// Every sealed secret as `(id, sealed value)`, for key rotation: the
    /// factors' seeds and the service webhooks' secrets (sealed with their
    /// own id as context).
    async fn sealed_secrets(&self) -> Result<Vec<(String, String)>>;
    /// Replaces a sealed secret if it is still `old`.
    async fn reseal_secret(&self, id: &str, old: &str, new: &str) -> Result<bool>;
    /// Sets `name` to `value`, whatever was there.
    async fn put_setting(&self, name: &str, value: &str) -> Result<()>;
    /// Counts one failure against the user outside a challenge (a wrong code
    /// at activation or resync, calls made with the service key: a keyed
    /// failure), with the same lockout as in challenges, and `locked` when
    /// it locks.
    async fn record_failure(
        &self,
        user: &User,
        lockout: LockoutPolicy,
        now: Timestamp,
        events: &[Event],
        locked: &LockedEvent,
    ) -> Result<Saved>;

    async fn insert_appointment(&self, appointment: &Appointment, events: &[Event]) -> Result<()>;
    async fn appointment(&self, service_id: &str, id: &str) -> Result<Option<Appointment>>;
    /// The appointment a customer's code names, in any service.
    async fn appointment_by_code_hash(&self, code_hash: &str) -> Result<Option<Appointment>>;
    /// A service's appointments for a user and/or an agent, by start time.
    async fn appointments(
        &self,
        service_id: &str,
        user_pk: Option<&str>,
        agent: Option<&str>,
    ) -> Result<Vec<Appointment>>;
    /// Saves `appointment` only if its stored version is still
    /// `appointment.version`; false when someone saved it first.
    async fn save_appointment(&self, appointment: &Appointment, events: &[Event]) -> Result<bool>;
    /// Counts one attempt against each of `checks` (e.g. appointment codes
    /// tried from one IP). If one would pass its cap, nothing is counted and
    /// its index is returned.
    async fn count_attempts(&self, checks: &[CounterCheck]) -> Result<Option<usize>>;

    /// Keeps a ceremony's server-side state until `expires_at`: a WebAuthn
    /// sign-in (`wsi_…`), or the sealed rest of a call waiting for a key
    /// press (`call_<token hash>`).
    async fn insert_ceremony(
        &self,
        id: &str,
        service_id: &str,
        state: &str,
        expires_at: Timestamp,
    ) -> Result<()>;
    /// Takes a ceremony's state: deletes it and returns it if it had not
    /// expired at `now`. A ceremony is finished once.
    async fn take_ceremony(
        &self,
        id: &str,
        service_id: &str,
        now: Timestamp,
    ) -> Result<Option<String>>;

    /// Links the events not yet in their service's audit chain; how many.
    /// PostgreSQL appends events unlinked, so that concurrent writers (of
    /// several processes) never queue on the chain's head, and links them
    /// here: the outbox worker calls this on every pass, and reading a chain
    /// or a webhook backlog does it first. SQLite's one writer links events
    /// as it writes them: nothing to do.
    async fn seal_chains(&self) -> Result<u64> {
        Ok(0)
    }

    /// A service's chained events in chain order, its head and its
    /// checkpoint, read in one snapshot (a purge meanwhile cannot make an
    /// intact chain look broken).
    async fn audit_chain(&self, service_id: &str) -> Result<AuditChain>;

    /// One batch of retention, in one transaction: at most `limit` rows of
    /// each kind that ended before its cutoff (send counters, device
    /// signatures, ceremonies and portal sessions past their expiry;
    /// challenges with their messages, sent notices and webhook deliveries
    /// past their retention). Pending challenges and held ones whose hold
    /// may still run are kept.
    async fn purge_expired(&self, cut: &Cutoffs, limit: u32) -> Result<Purged>;

    /// Prunes up to `limit` of a service's oldest chained events that
    /// happened before `before` and that every webhook endpoint has
    /// delivered, and records the checkpoint (the last one's place and
    /// hash, at `now`) in the same transaction; how many. Stops at the first
    /// event that must stay, and refuses ([`StoreError::BrokenChain`]) to
    /// prune past a break in the chain, which would hide it. Purges of one
    /// service take turns (on its checkpoint row).
    async fn prune_events(
        &self,
        service_id: &str,
        before: Timestamp,
        now: Timestamp,
        limit: u32,
    ) -> Result<u64>;

    /// Inserts or updates each article of `service_id` (by locale and slug),
    /// all in one transaction: an import writes everything or nothing.
    /// Views are kept on update. Answers, per article, whether it was new.
    /// With `events` (who saved them), in the same transaction.
    async fn upsert_articles(
        &self,
        service_id: &str,
        articles: &[Article],
        events: &[Event],
    ) -> Result<Vec<bool>>;
    /// An article by locale and slug; `published_by` as in [`ArticleFilter`].
    async fn article(
        &self,
        service_id: &str,
        locale: &str,
        slug: &str,
        published_by: Option<Timestamp>,
    ) -> Result<Option<Article>>;
    /// A page of a service's articles (drafts first, then newest first) and
    /// how many match in all.
    async fn articles(
        &self,
        service_id: &str,
        filter: ArticleFilter<'_>,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<Article>, u64)>;
    /// With `events` (who deleted it), written only if it was there.
    async fn delete_article(
        &self,
        service_id: &str,
        locale: &str,
        slug: &str,
        events: &[Event],
    ) -> Result<bool>;
    /// One more view of an article, counted by the database (`views = views
    /// + 1`) so that concurrent views on several servers are all counted.
    async fn count_article_view(&self, service_id: &str, locale: &str, slug: &str) -> Result<bool>;

    /// Stores a new security-center session with the hash of its link token.
    async fn insert_portal_session(
        &self,
        session: &PortalSession,
        link_hash: &str,
        events: &[Event],
    ) -> Result<()>;
    /// Redeems a link: gives the session whose link hashes to `link_hash` its
    /// cookie (`cookie_hash`) and the browser it was opened `from`, if the
    /// link was never redeemed and neither it nor the session has expired
    /// at `now`. One conditional update, so a link opens one session once,
    /// even for racing requests.
    async fn redeem_portal_link(
        &self,
        link_hash: &str,
        cookie_hash: &str,
        now: Timestamp,
        from: OpenedFrom<'_>,
    ) -> Result<Option<PortalSession>>;
    /// The session whose cookie hashes to `cookie_hash`, marked as seen at
    /// `now`; `None` if there is none, it expired, or nobody used it since
    /// `idle_cutoff`.
    async fn portal_session(
        &self,
        cookie_hash: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> Result<Option<PortalSession>>;
    /// Records the step-up challenge a session started, and the change the
    /// user asked for, to make once it is approved.
    async fn begin_step_up(
        &self,
        session_id: &str,
        challenge_id: &str,
        pending: &Pending,
    ) -> Result<()>;
    /// Spends a session's step-up challenge: changes are allowed until
    /// `until`, only if `challenge_id` is the one the session started and it
    /// was not spent before. In the same update the session's cookie
    /// becomes `cookie_hash`'s, so the one it had stops working (a session
    /// is rotated when it gains privileges). False otherwise (nothing
    /// written).
    async fn finish_step_up(
        &self,
        session_id: &str,
        challenge_id: &str,
        until: Timestamp,
        cookie_hash: &str,
    ) -> Result<bool>;
    /// Ends a session (sign-out).
    async fn delete_portal_session(&self, session_id: &str) -> Result<()>;
    /// A user's opened sessions that are live at `now` (not expired, used
    /// since `idle_cutoff`), the latest used first.
    async fn user_portal_sessions(
        &self,
        user_pk: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> Result<Vec<PortalSession>>;
    /// Ends a user's sessions other than `keep` (with links not opened yet),
    /// or only the session `only`, and writes `revoked` about each one
    /// ended ([`Event::about`] its `session_id`), in one transaction. The
    /// ids ended; none if `only` is `keep`, another user's, or gone.
    async fn revoke_portal_sessions(
        &self,
        user_pk: &str,
        keep: &str,
        only: Option<&str>,
        revoked: &Event,
    ) -> Result<Vec<String>>;

    async fn insert_events(&self, events: &[Event]) -> Result<()>;
    /// A user's events, newest first, older than the event `before` if given.
    async fn events(
        &self,
        service_id: &str,
        user_id: &str,
        limit: u32,
        before: Option<&str>,
    ) -> Result<Vec<Event>>;
}
