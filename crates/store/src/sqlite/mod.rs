//! The SQLite engine: `rusqlite` on threads of its own (see [`engine`]),
//! so that a unit of work runs all its statements in one hop and concurrent
//! writes commit together. Several `serve` processes need PostgreSQL.

pub mod backup;
mod challenges;
mod dashboard;
pub(crate) mod engine;
mod events;
mod operators;
mod users;

use std::path::PathBuf;

use async_trait::async_trait;
use countersign_core::challenge::Challenge;
use countersign_core::event::Event;
use countersign_core::factor::Factor;
use countersign_core::help::Article;
use countersign_core::ids::ServiceId;
use countersign_core::limits::CounterCheck;
use countersign_core::lockout::LockoutPolicy;
use countersign_core::message::{DeliveryStatus, MessageRecord};
use countersign_core::portal::{Pending, PortalSession};
use countersign_core::retention::Cutoffs;
use countersign_core::service::{ApiKey, Service, ServiceSettings};
use countersign_core::support::Appointment;
use countersign_core::user::User;
use countersign_core::webhook::ServiceWebhook;
use countersign_core::Timestamp;

use crate::{
    AfterDelivery, ArticleFilter, AuditChain, ChallengeWrite, Erased, Erasure, FactorUse,
    ImportedUser, LockedEvent, MessageUpdate, NoticeOutcome, NoticeRecord, OpenedFrom, Purged,
    Result, Revoked, Saved, SecurityWrite, Store, StoreError, WebhookClaim, WebhookDelivery,
};

/// The embedded SQLite backend: one file in WAL mode.
#[derive(Clone)]
pub struct SqliteStore {
    db: engine::Engine,
}

impl SqliteStore {
    /// Opens (creating and migrating) the database file of a `sqlite://`
    /// URL.
    pub async fn open(url: &str) -> Result<SqliteStore> {
        crate::sql::migrate_sqlite(&without_our_options(url)).await?;
        let path = sqlite_path(url)?;
        Ok(SqliteStore {
            db: engine::start(&path, durability(url)?)?,
        })
    }
}

/// How a commit reaches the disk, from the URL's `synchronous=` option.
///
/// - `normal` (the default): WAL with `synchronous=NORMAL`. A commit is in
///   the operating system before its answer is sent, so a crashed or killed
///   process loses nothing it answered; a power cut or kernel crash can lose
///   the transactions since the last WAL sync (at checkpoints), never the
///   database's consistency.
/// - `full`: every commit is synced to the disk before its answer (one
///   fsync per group commit), so a power cut loses nothing answered either.
fn durability(url: &str) -> Result<engine::Durability> {
    let query = url.split_once('?').map_or("", |(_, q)| q);
    for pair in query.split('&') {
        if let Some(value) = pair.strip_prefix("synchronous=") {
            return match value.to_ascii_lowercase().as_str() {
                "normal" => Ok(engine::Durability::Normal),
                "full" => Ok(engine::Durability::Full),
                other => Err(StoreError::BadUrl(format!(
                    "synchronous={other}: expected normal or full"
                ))),
            };
        }
    }
    Ok(engine::Durability::Normal)
}

/// The URL without the options only this engine reads, for sqlx (which
/// runs the migrations and refuses options it does not know).
pub(crate) fn without_our_options(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("synchronous="))
        .collect();
    if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

/// The file a `sqlite://PATH?options` URL names.
pub(crate) fn sqlite_path(url: &str) -> Result<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| StoreError::BadUrl(url.to_owned()))?;
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Err(StoreError::BadUrl(format!(
            "{url:?}: expected sqlite://PATH to a file"
        )));
    }
    Ok(PathBuf::from(path))
}

#[async_trait]
impl Store for SqliteStore {
    async fn ping(&self) -> Result<()> {
        SqliteStore::ping(self).await
    }

    async fn claim_setting(&self, name: &str, value: &str) -> Result<String> {
        SqliteStore::claim_setting(self, name, value).await
    }

    async fn insert_service(&self, service: &Service, key: &ApiKey, key_hash: &str) -> Result<()> {
        SqliteStore::insert_service(self, service, key, key_hash).await
    }

    async fn api_key_by_hash(&self, key_hash: &str) -> Result<Option<ApiKey>> {
        SqliteStore::api_key_by_hash(self, key_hash).await
    }

    async fn api_keys(&self, service_id: &str) -> Result<Vec<ApiKey>> {
        SqliteStore::api_keys(self, service_id).await
    }

    async fn insert_api_key(&self, key: &ApiKey, key_hash: &str, events: &[Event]) -> Result<()> {
        SqliteStore::insert_api_key(self, key, key_hash, events).await
    }

    async fn revoke_api_key(
        &self,
        service_id: &str,
        key_id: &str,
        events: &[Event],
    ) -> Result<Revoked> {
        SqliteStore::revoke_api_key(self, service_id, key_id, events).await
    }

    async fn touch_api_key(&self, key_id: &str, now: Timestamp, since: Timestamp) -> Result<()> {
        SqliteStore::touch_api_key(self, key_id, now, since).await
    }

    async fn services(&self) -> Result<Vec<Service>> {
        SqliteStore::services(self).await
    }

    async fn service(&self, id: &str) -> Result<Option<Service>> {
        SqliteStore::service(self, id).await
    }

    async fn update_service_settings(
        &self,
        service: &Service,
        before: &ServiceSettings,
        events: &[Event],
    ) -> Result<bool> {
        SqliteStore::update_service_settings(self, service, before, events).await
    }

    async fn replace_service_logo(
        &self,
        service: &Service,
        before: &ServiceSettings,
        image: Option<&[u8]>,
        events: &[Event],
    ) -> Result<bool> {
        SqliteStore::replace_service_logo(self, service, before, image, events).await
    }

    async fn service_logo(&self, service_id: &str) -> Result<Option<(String, Vec<u8>)>> {
        SqliteStore::service_logo(self, service_id).await
    }

    async fn user(&self, service_id: &str, user_id: &str) -> Result<Option<User>> {
        SqliteStore::user(self, service_id, user_id).await
    }

    async fn insert_user(&self, user: &User, events: &[Event]) -> Result<()> {
        SqliteStore::insert_user(self, user, events).await
    }

    async fn update_user(
        &self,
        before: &User,
        user: &User,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<()> {
        SqliteStore::update_user(self, before, user, events, security).await
    }

    async fn import_users(&self, users: &[ImportedUser]) -> Result<()> {
        SqliteStore::import_users(self, users).await
    }

    async fn claim_notices(&self, now: Timestamp, limit: u32) -> Result<Vec<NoticeRecord>> {
        SqliteStore::claim_notices(self, now, limit).await
    }

    async fn finish_notice(&self, id: &str, outcome: &NoticeOutcome, now: Timestamp) -> Result<()> {
        SqliteStore::finish_notice(self, id, outcome, now).await
    }

    async fn register_webhook_endpoint(&self, endpoint: &str, now: Timestamp) -> Result<()> {
        SqliteStore::register_webhook_endpoint(self, endpoint, now).await
    }

    async fn webhook_backlog(&self, endpoint: &str, now: Timestamp) -> Result<Vec<ServiceId>> {
        SqliteStore::webhook_backlog(self, endpoint, now).await
    }

    async fn insert_service_webhook(
        &self,
        webhook: &ServiceWebhook,
        sealed_secret: &str,
        limit: usize,
        events: &[Event],
    ) -> Result<bool> {
        SqliteStore::insert_service_webhook(self, webhook, sealed_secret, limit, events).await
    }

    async fn service_webhooks(&self, service_id: &str) -> Result<Vec<ServiceWebhook>> {
        SqliteStore::service_webhooks(self, service_id).await
    }

    async fn all_service_webhooks(&self) -> Result<Vec<(ServiceWebhook, String)>> {
        SqliteStore::all_service_webhooks(self).await
    }

    async fn delete_service_webhook(
        &self,
        service_id: &str,
        id: &str,
        events: &[Event],
    ) -> Result<bool> {
        SqliteStore::delete_service_webhook(self, service_id, id, events).await
    }

    async fn next_outbox_due(&self, endpoints: &[String]) -> Result<Option<Timestamp>> {
        SqliteStore::next_outbox_due(self, endpoints).await
    }

    async fn claim_webhook(
        &self,
        endpoint: &str,
        service_id: &str,
        now: Timestamp,
    ) -> Result<Option<WebhookClaim>> {
        SqliteStore::claim_webhook(self, endpoint, service_id, now).await
    }

    async fn events_after(
        &self,
        service_id: &str,
        seq: i64,
        limit: u32,
    ) -> Result<Vec<(i64, Event)>> {
        SqliteStore::events_after(self, service_id, seq, limit).await
    }

    async fn after_webhook(
        &self,
        claim: &WebhookClaim,
        delivery: Option<&WebhookDelivery>,
        next: AfterDelivery,
        now: Timestamp,
    ) -> Result<bool> {
        SqliteStore::after_webhook(self, claim, delivery, next, now).await
    }

    async fn release_webhook(&self, claim: &WebhookClaim) -> Result<()> {
        SqliteStore::release_webhook(self, claim).await
    }

    async fn log_webhook_delivery(&self, delivery: &WebhookDelivery) -> Result<()> {
        SqliteStore::log_webhook_delivery(self, delivery).await
    }

    async fn webhook_deliveries(&self, endpoint: &str, limit: u32) -> Result<Vec<WebhookDelivery>> {
        SqliteStore::webhook_deliveries(self, endpoint, limit).await
    }

    async fn event(&self, id: &str) -> Result<Option<Event>> {
        SqliteStore::event(self, id).await
    }

    async fn unlock_user(&self, user: &User, event: &Event) -> Result<bool> {
        SqliteStore::unlock_user(self, user, event).await
    }

    async fn delete_user(&self, user: &User, tombstone: &Event) -> Result<Option<Erasure>> {
        SqliteStore::delete_user(self, user, tombstone).await
    }

    async fn pending_erasures(&self, limit: u32) -> Result<Vec<Erasure>> {
        SqliteStore::pending_erasures(self, limit).await
    }

    async fn erase_events(&self, erasure: &Erasure, limit: u32) -> Result<Erased> {
        SqliteStore::erase_events(self, erasure, limit).await
    }

    async fn insert_challenge(&self, challenge: &Challenge, events: &[Event]) -> Result<()> {
        SqliteStore::insert_challenge(self, challenge, events).await
    }

    async fn challenge(&self, service_id: &str, id: &str) -> Result<Option<Challenge>> {
        SqliteStore::challenge(self, service_id, id).await
    }

    async fn challenge_by_id(&self, id: &str) -> Result<Option<Challenge>> {
        SqliteStore::challenge_by_id(self, id).await
    }

    async fn save_challenge(
        &self,
        challenge: &Challenge,
        write: ChallengeWrite<'_>,
    ) -> Result<Saved> {
        SqliteStore::save_challenge(self, challenge, write).await
    }

    async fn decide_challenge(
        &self,
        service_id: &str,
        id: &str,
        decide: crate::Decide,
    ) -> Result<crate::Decided> {
        SqliteStore::decide_challenge(self, service_id, id, decide).await
    }

    async fn update_message(&self, update: &MessageUpdate, events: &[Event]) -> Result<()> {
        SqliteStore::update_message(self, update, events).await
    }

    async fn messages(&self, challenge_id: &str) -> Result<Vec<MessageRecord>> {
        SqliteStore::messages(self, challenge_id).await
    }

    async fn message(&self, id: &str) -> Result<Option<(MessageRecord, ServiceId)>> {
        SqliteStore::message(self, id).await
    }

    async fn report_delivery(
        &self,
        id: &str,
        status: DeliveryStatus,
        error: Option<&str>,
        now: Timestamp,
    ) -> Result<bool> {
        SqliteStore::report_delivery(self, id, status, error, now).await
    }

    async fn factors(&self, user_pk: &str) -> Result<Vec<Factor>> {
        SqliteStore::factors(self, user_pk).await
    }

    async fn factor(&self, id: &str) -> Result<Option<Factor>> {
        SqliteStore::factor(self, id).await
    }

    async fn pending_challenges(&self, user_pk: &str, now: Timestamp) -> Result<Vec<Challenge>> {
        SqliteStore::pending_challenges(self, user_pk, now).await
    }

    async fn recent_approved(&self, user_pk: &str, limit: u32) -> Result<Vec<Challenge>> {
        SqliteStore::recent_approved(self, user_pk, limit).await
    }

    async fn claim_device_signature(&self, key: &str, expires_at: Timestamp) -> Result<bool> {
        SqliteStore::claim_device_signature(self, key, expires_at).await
    }

    async fn insert_factor(
        &self,
        factor: &Factor,
        recovery_code_hashes: &[String],
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<()> {
        SqliteStore::insert_factor(self, factor, recovery_code_hashes, events, security).await
    }

    async fn advance_factor(
        &self,
        factor: &Factor,
        moving_factor: u64,
        now: Timestamp,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<bool> {
        SqliteStore::advance_factor(self, factor, moving_factor, now, events, security).await
    }

    async fn use_factor(&self, used: FactorUse, events: &[Event]) -> Result<bool> {
        SqliteStore::use_factor(self, used, events).await
    }

    async fn user_by_pk(&self, pk: &str) -> Result<Option<User>> {
        SqliteStore::user_by_pk(self, pk).await
    }

    async fn complete_registration(
        &self,
        factor: &Factor,
        now: Timestamp,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<bool> {
        SqliteStore::complete_registration(self, factor, now, events, security).await
    }

    async fn delete_factor(
        &self,
        factor: &Factor,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<bool> {
        SqliteStore::delete_factor(self, factor, events, security).await
    }

    async fn sealed_secrets(&self) -> Result<Vec<(String, String)>> {
        SqliteStore::sealed_secrets(self).await
    }

    async fn reseal_secret(&self, id: &str, old: &str, new: &str) -> Result<bool> {
        SqliteStore::reseal_secret(self, id, old, new).await
    }

    async fn put_setting(&self, name: &str, value: &str) -> Result<()> {
        SqliteStore::put_setting(self, name, value).await
    }

    async fn record_failure(
        &self,
        user: &User,
        lockout: LockoutPolicy,
        now: Timestamp,
        events: &[Event],
        locked: &LockedEvent,
    ) -> Result<Saved> {
        SqliteStore::record_failure(self, user, lockout, now, events, locked).await
    }

    async fn insert_appointment(&self, appointment: &Appointment, events: &[Event]) -> Result<()> {
        SqliteStore::insert_appointment(self, appointment, events).await
    }

    async fn appointment(&self, service_id: &str, id: &str) -> Result<Option<Appointment>> {
        SqliteStore::appointment(self, service_id, id).await
    }

    async fn appointment_by_code_hash(&self, code_hash: &str) -> Result<Option<Appointment>> {
        SqliteStore::appointment_by_code_hash(self, code_hash).await
    }

    async fn appointments(
        &self,
        service_id: &str,
        user_pk: Option<&str>,
        agent: Option<&str>,
    ) -> Result<Vec<Appointment>> {
        SqliteStore::appointments(self, service_id, user_pk, agent).await
    }

    async fn save_appointment(&self, appointment: &Appointment, events: &[Event]) -> Result<bool> {
        SqliteStore::save_appointment(self, appointment, events).await
    }

    async fn count_attempts(&self, checks: &[CounterCheck]) -> Result<Option<usize>> {
        SqliteStore::count_attempts(self, checks).await
    }

    async fn insert_ceremony(
        &self,
        id: &str,
        service_id: &str,
        state: &str,
        expires_at: Timestamp,
    ) -> Result<()> {
        SqliteStore::insert_ceremony(self, id, service_id, state, expires_at).await
    }

    async fn take_ceremony(
        &self,
        id: &str,
        service_id: &str,
        now: Timestamp,
    ) -> Result<Option<String>> {
        SqliteStore::take_ceremony(self, id, service_id, now).await
    }

    async fn audit_chain(&self, service_id: &str) -> Result<AuditChain> {
        SqliteStore::audit_chain(self, service_id).await
    }

    async fn purge_expired(&self, cut: &Cutoffs, limit: u32) -> Result<Purged> {
        SqliteStore::purge_expired(self, cut, limit).await
    }

    async fn prune_events(
        &self,
        service_id: &str,
        before: Timestamp,
        now: Timestamp,
        limit: u32,
    ) -> Result<u64> {
        SqliteStore::prune_events(self, service_id, before, now, limit).await
    }

    async fn upsert_articles(
        &self,
        service_id: &str,
        articles: &[Article],
        events: &[Event],
    ) -> Result<Vec<bool>> {
        SqliteStore::upsert_articles(self, service_id, articles, events).await
    }

    async fn article(
        &self,
        service_id: &str,
        locale: &str,
        slug: &str,
        published_by: Option<Timestamp>,
    ) -> Result<Option<Article>> {
        SqliteStore::article(self, service_id, locale, slug, published_by).await
    }

    async fn articles(
        &self,
        service_id: &str,
        filter: ArticleFilter<'_>,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<Article>, u64)> {
        SqliteStore::articles(self, service_id, filter, limit, offset).await
    }

    async fn delete_article(
        &self,
        service_id: &str,
        locale: &str,
        slug: &str,
        events: &[Event],
    ) -> Result<bool> {
        SqliteStore::delete_article(self, service_id, locale, slug, events).await
    }

    async fn count_article_view(&self, service_id: &str, locale: &str, slug: &str) -> Result<bool> {
        SqliteStore::count_article_view(self, service_id, locale, slug).await
    }

    async fn insert_portal_session(
        &self,
        session: &PortalSession,
        link_hash: &str,
        events: &[Event],
    ) -> Result<()> {
        SqliteStore::insert_portal_session(self, session, link_hash, events).await
    }

    async fn redeem_portal_link(
        &self,
        link_hash: &str,
        cookie_hash: &str,
        now: Timestamp,
        from: OpenedFrom<'_>,
    ) -> Result<Option<PortalSession>> {
        SqliteStore::redeem_portal_link(self, link_hash, cookie_hash, now, from).await
    }

    async fn portal_session(
        &self,
        cookie_hash: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> Result<Option<PortalSession>> {
        SqliteStore::portal_session(self, cookie_hash, now, idle_cutoff).await
    }

    async fn begin_step_up(
        &self,
        session_id: &str,
        challenge_id: &str,
        pending: &Pending,
    ) -> Result<()> {
        SqliteStore::begin_step_up(self, session_id, challenge_id, pending).await
    }

    async fn finish_step_up(
        &self,
        session_id: &str,
        challenge_id: &str,
        until: Timestamp,
        cookie_hash: &str,
    ) -> Result<bool> {
        SqliteStore::finish_step_up(self, session_id, challenge_id, until, cookie_hash).await
    }

    async fn delete_portal_session(&self, session_id: &str) -> Result<()> {
        SqliteStore::delete_portal_session(self, session_id).await
    }

    async fn user_portal_sessions(
        &self,
        user_pk: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> Result<Vec<PortalSession>> {
        SqliteStore::user_portal_sessions(self, user_pk, now, idle_cutoff).await
    }

    async fn revoke_portal_sessions(
        &self,
        user_pk: &str,
        keep: &str,
        only: Option<&str>,
        revoked: &Event,
    ) -> Result<Vec<String>> {
        SqliteStore::revoke_portal_sessions(self, user_pk, keep, only, revoked).await
    }

    async fn insert_events(&self, events: &[Event]) -> Result<()> {
        SqliteStore::insert_events(self, events).await
    }

    async fn events(
        &self,
        service_id: &str,
        user_id: &str,
        limit: u32,
        before: Option<&str>,
    ) -> Result<Vec<Event>> {
        SqliteStore::events(self, service_id, user_id, limit, before).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_durability_option_is_read_and_hidden_from_sqlx() {
        let url = "sqlite:///tmp/x.db?mode=rwc&synchronous=full";
        assert_eq!(durability(url).unwrap(), engine::Durability::Full);
        assert_eq!(without_our_options(url), "sqlite:///tmp/x.db?mode=rwc");
        assert_eq!(
            durability("sqlite:///tmp/x.db").unwrap(),
            engine::Durability::Normal
        );
        assert!(durability("sqlite:///tmp/x.db?synchronous=off").is_err());
        assert_eq!(sqlite_path(url).unwrap(), PathBuf::from("/tmp/x.db"));
    }
}
