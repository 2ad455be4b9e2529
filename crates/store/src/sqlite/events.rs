//! SQLite: see the module's comment in `mod.rs`.

use countersign_core::audit::Checkpoint;
use countersign_core::event::Event;
use countersign_core::help::Article;
use countersign_core::ids::ServiceId;
use countersign_core::outbox::LEASE;
use countersign_core::retention::Cutoffs;
use countersign_core::support::Appointment;
use countersign_core::webhook::ServiceWebhook;
use countersign_core::Timestamp;

use super::engine::{all, conflict_on_unique, exec, one, Unit};
use super::SqliteStore;
use crate::sql::{
    erased_events, prunable, purge_cutoffs, purged, to_json, ARTICLE_COLUMNS, ARTICLE_WHERE,
    CHAINED_EVENT_COLUMNS, DELETE_SERVICE_WEBHOOK, ERASABLE_EVENTS, ERASE_EVENT, EVENT_COLUMNS,
    FINISH_ERASURE, INSERT_SERVICE_WEBHOOK, PENDING_ERASURES, PRUNE_CANDIDATES, PRUNE_EVENTS,
    PURGE_SQLITE, SAVE_CHECKPOINT, UNDELIVERED_FROM, WEBHOOK_BACKLOG, WEBHOOK_COLUMNS,
};
use crate::{
    rows, AfterDelivery, ArticleFilter, AuditChain, Erased, Erasure, NoticeOutcome, NoticeRecord,
    Purged, Result, WebhookClaim, WebhookDelivery,
};

/// Where a service's pruned chain starts again, if it was pruned.
fn checkpoint(conn: &rusqlite::Connection, service_id: &str) -> Result<Option<Checkpoint>> {
    one(
        conn,
        "SELECT seq, hash, at FROM audit_checkpoints WHERE service_id = $1",
        &[&service_id],
        |r| {
            Ok(Checkpoint {
                seq: r.get(0)?,
                hash: r.get(1)?,
                at: Timestamp(r.get(2)?),
            })
        },
    )
}

/// Appends one attempt to the webhook delivery log (`insert_delivery!` in
/// `sql.rs`).
fn insert_delivery(conn: &rusqlite::Connection, d: &WebhookDelivery) -> Result<()> {
    exec(
        conn,
        "INSERT INTO webhook_deliveries (id, endpoint, service_id, event_id, attempt, status_code, error, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            &d.id,
            &d.endpoint,
            &d.service_id,
            &d.event_id,
            &i64::from(d.attempt),
            &d.status_code.map(i64::from),
            &d.error,
            &d.at.millis(),
        ],
    )?;
    Ok(())
}

impl SqliteStore {
    pub(super) async fn claim_notices(
        &self,
        now: Timestamp,
        limit: u32,
    ) -> Result<Vec<NoticeRecord>> {
        self.db
            .write(move |w| {
                // The outer conditions are checked again on the row being
                // updated, so two workers never both take a notice.
                let claimed = all(
                    w.conn,
                    "UPDATE notices SET lease_until = $1 WHERE id IN (SELECT id FROM notices \
                     WHERE status = 'pending' AND next_attempt_at <= $2 AND lease_until <= $2 \
                     ORDER BY next_attempt_at LIMIT $3) \
                     AND status = 'pending' AND lease_until <= $2 \
                     RETURNING id, service_id, user_pk, channel, destination, locale, content, attempts",
                    &[&now.plus(LEASE).millis(), &now.millis(), &i64::from(limit)],
                    |r| rows::notice(r),
                )?;
                Ok(Unit::Keep(claimed))
            })
            .await
    }

    pub(super) async fn finish_notice(
        &self,
        id: &str,
        outcome: &NoticeOutcome,
        now: Timestamp,
    ) -> Result<()> {
        let (status, next, error) = match outcome {
            NoticeOutcome::Sent => ("sent", now, None),
            NoticeOutcome::Retry { at, error } => ("pending", *at, Some(error.clone())),
            NoticeOutcome::Failed { error } => ("failed", now, Some(error.clone())),
        };
        let id = id.to_owned();
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    "UPDATE notices SET status = $1, attempts = attempts + 1, next_attempt_at = $2, \
                     lease_until = 0, last_error = $3, updated_at = $4 WHERE id = $5 AND status = 'pending'",
                    &[&status, &next.millis(), &error, &now.millis(), &id],
                )?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn next_outbox_due(&self, endpoints: &[String]) -> Result<Option<Timestamp>> {
        let sql = crate::next_outbox_due_sql(endpoints.len());
        let endpoints = endpoints.to_vec();
        self.db
            .read(move |c| {
                let values: Vec<&dyn rusqlite::ToSql> = endpoints
                    .iter()
                    .map(|e| e as &dyn rusqlite::ToSql)
                    .collect();
                let due = one(c, &sql, &values, |r| Ok(r.get::<_, Option<i64>>(0)?))?;
                Ok(due.flatten().map(Timestamp))
            })
            .await
    }

    pub(super) async fn register_webhook_endpoint(
        &self,
        endpoint: &str,
        now: Timestamp,
    ) -> Result<()> {
        let name = endpoint.to_owned();
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    "INSERT INTO webhook_endpoints (name, first_seen) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                    &[&name, &now.millis()],
                )?;
                // The chain's head from its events: `audit_heads` is
                // written at the end of the writer's batch; from
                // `audit_heads` when retention pruned every event.
                exec(
                    w.conn,
                    "INSERT INTO webhook_cursors (endpoint, service_id, delivered_seq, attempts, next_attempt_at, lease_until) \
                     SELECT e.name, s.id, CASE WHEN s.created_at >= e.first_seen THEN 0 ELSE \
                     MAX(COALESCE((SELECT MAX(chain_seq) FROM events WHERE service_id = s.id), 0), \
                     COALESCE((SELECT seq FROM audit_heads WHERE service_id = s.id), 0)) END, 0, 0, 0 \
                     FROM services s JOIN webhook_endpoints e ON e.name = $1 \
                     WHERE NOT EXISTS (SELECT 1 FROM webhook_cursors c WHERE c.endpoint = $1 AND c.service_id = s.id) \
                     ON CONFLICT (endpoint, service_id) DO NOTHING",
                    &[&name],
                )?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn webhook_backlog(
        &self,
        endpoint: &str,
        now: Timestamp,
    ) -> Result<Vec<ServiceId>> {
        let endpoint = endpoint.to_owned();
        self.db
            .read(move |c| {
                all(c, WEBHOOK_BACKLOG, &[&endpoint, &now.millis()], |r| {
                    Ok(r.get::<_, ServiceId>(0)?)
                })
            })
            .await
    }

    pub(super) async fn insert_service_webhook(
        &self,
        webhook: &ServiceWebhook,
        sealed_secret: &str,
        limit: usize,
        events: &[Event],
    ) -> Result<bool> {
        let (w, secret, events) = (webhook.clone(), sealed_secret.to_owned(), events.to_vec());
        self.db
            .write(move |wr| {
                let inserted = exec(
                    wr.conn,
                    INSERT_SERVICE_WEBHOOK,
                    &[
                        &w.id.as_str(),
                        &w.service_id.as_str(),
                        &w.url,
                        &secret,
                        &to_json(&w.events),
                        &w.created_at.millis(),
                        &(limit as i64),
                    ],
                )?;
                if inserted == 0 {
                    return Ok(Unit::Undo(false));
                }
                exec(
                    wr.conn,
                    "INSERT INTO webhook_cursors (endpoint, service_id, delivered_seq, attempts, next_attempt_at, lease_until) \
                     SELECT $1, $2, MAX(COALESCE((SELECT MAX(chain_seq) FROM events WHERE service_id = $2), 0), \
                     COALESCE((SELECT seq FROM audit_heads WHERE service_id = $2), 0)), 0, 0, 0",
                    &[&w.id.as_str(), &w.service_id.as_str()],
                )?;
                wr.insert_events(&events)?;
                Ok(Unit::Keep(true))
            })
            .await
    }

    pub(super) async fn service_webhooks(&self, service_id: &str) -> Result<Vec<ServiceWebhook>> {
        let service_id = service_id.to_owned();
        self.db
            .read(move |c| {
                all(
                    c,
                    &format!(
                        "SELECT {WEBHOOK_COLUMNS} FROM service_webhooks WHERE service_id = $1 ORDER BY created_at, id"
                    ),
                    &[&service_id],
                    |r| rows::service_webhook(r),
                )
            })
            .await
    }

    pub(super) async fn all_service_webhooks(&self) -> Result<Vec<(ServiceWebhook, String)>> {
        self.db
            .read(move |c| {
                all(
                    c,
                    &format!("SELECT {WEBHOOK_COLUMNS}, secret FROM service_webhooks ORDER BY id"),
                    &[],
                    |r| Ok((rows::service_webhook(r)?, r.get::<_, String>("secret")?)),
                )
            })
            .await
    }

    pub(super) async fn delete_service_webhook(
        &self,
        service_id: &str,
        id: &str,
        events: &[Event],
    ) -> Result<bool> {
        let (service_id, id, events) = (service_id.to_owned(), id.to_owned(), events.to_vec());
        self.db
            .write(move |w| {
                let mut changed = [0; 2];
                for (sql, n) in DELETE_SERVICE_WEBHOOK.iter().zip(&mut changed) {
                    *n = exec(w.conn, sql, &[&service_id, &id])?;
                }
                if changed[0] == 0 {
                    return Ok(Unit::Undo(false));
                }
                w.insert_events(&events)?;
                Ok(Unit::Keep(true))
            })
            .await
    }

    pub(super) async fn claim_webhook(
        &self,
        endpoint: &str,
        service_id: &str,
        now: Timestamp,
    ) -> Result<Option<WebhookClaim>> {
        let token = countersign_core::ids::new_id("lease");
        let (endpoint, service_id) = (endpoint.to_owned(), service_id.to_owned());
        let (e, s, t) = (endpoint.clone(), service_id.clone(), token.clone());
        let claimed: Option<(i64, i64)> = self
            .db
            .write(move |w| {
                let claimed = one(
                    w.conn,
                    "UPDATE webhook_cursors SET lease_until = $1, lease_token = $2 \
                     WHERE endpoint = $3 AND service_id = $4 AND lease_until <= $5 AND next_attempt_at <= $5 \
                     RETURNING delivered_seq, attempts",
                    &[&now.plus(LEASE).millis(), &t, &e, &s, &now.millis()],
                    |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
                )?;
                Ok(Unit::Keep(claimed))
            })
            .await?;
        Ok(claimed.map(|(delivered_seq, attempts)| WebhookClaim {
            endpoint,
            service_id,
            delivered_seq,
            attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
            token,
        }))
    }

    pub(super) async fn events_after(
        &self,
        service_id: &str,
        seq: i64,
        limit: u32,
    ) -> Result<Vec<(i64, Event)>> {
        let service_id = service_id.to_owned();
        self.db
            .read(move |c| {
                all(
                    c,
                    &format!(
                        "SELECT {EVENT_COLUMNS}, chain_seq FROM events WHERE service_id = $1 AND chain_seq > $2 \
                         ORDER BY chain_seq LIMIT $3"
                    ),
                    &[&service_id, &seq, &i64::from(limit)],
                    |r| Ok((rows::SqlRow::int(r, "chain_seq")?, rows::event(r)?)),
                )
            })
            .await
    }

    pub(super) async fn after_webhook(
        &self,
        claim: &WebhookClaim,
        delivery: Option<&WebhookDelivery>,
        next: AfterDelivery,
        now: Timestamp,
    ) -> Result<bool> {
        let (seq, attempts, next_attempt_at) = match next {
            AfterDelivery::Advance { seq } | AfterDelivery::GiveUp { seq } => (Some(seq), 0, 0),
            AfterDelivery::RetryAt(at) => (None, i64::from(claim.attempts) + 1, at.millis()),
        };
        let (claim, delivery) = (claim.clone(), delivery.cloned());
        self.db
            .write(move |w| {
                let moved = exec(
                    w.conn,
                    "UPDATE webhook_cursors SET delivered_seq = COALESCE($1, delivered_seq), attempts = $2, \
                     next_attempt_at = $3, lease_until = $7 WHERE endpoint = $4 AND service_id = $5 AND lease_token = $6",
                    &[
                        &seq,
                        &attempts,
                        &next_attempt_at,
                        &claim.endpoint,
                        &claim.service_id,
                        &claim.token,
                        &now.plus(LEASE).millis(),
                    ],
                )?;
                if moved == 0 {
                    return Ok(Unit::Undo(false));
                }
                if let Some(d) = &delivery {
                    insert_delivery(w.conn, d)?;
                }
                Ok(Unit::Keep(true))
            })
            .await
    }

    pub(super) async fn release_webhook(&self, claim: &WebhookClaim) -> Result<()> {
        let claim = claim.clone();
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    "UPDATE webhook_cursors SET lease_until = 0, lease_token = NULL \
                     WHERE endpoint = $1 AND service_id = $2 AND lease_token = $3",
                    &[&claim.endpoint, &claim.service_id, &claim.token],
                )?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn log_webhook_delivery(&self, delivery: &WebhookDelivery) -> Result<()> {
        let d = delivery.clone();
        self.db
            .write(move |w| {
                insert_delivery(w.conn, &d)?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn webhook_deliveries(
        &self,
        endpoint: &str,
        limit: u32,
    ) -> Result<Vec<WebhookDelivery>> {
        let endpoint = endpoint.to_owned();
        self.db
            .read(move |c| {
                all(
                    c,
                    "SELECT id, endpoint, service_id, event_id, attempt, status_code, error, at \
                     FROM webhook_deliveries WHERE endpoint = $1 ORDER BY at DESC, id DESC LIMIT $2",
                    &[&endpoint, &i64::from(limit)],
                    |r| rows::webhook_delivery(r),
                )
            })
            .await
    }

    pub(super) async fn event(&self, id: &str) -> Result<Option<Event>> {
        let id = id.to_owned();
        self.db
            .read(move |c| {
                one(
                    c,
                    &format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1"),
                    &[&id],
                    |r| rows::event(r),
                )
            })
            .await
    }

    pub(super) async fn insert_appointment(
        &self,
        appointment: &Appointment,
        events: &[Event],
    ) -> Result<()> {
        let (a, events) = (appointment.clone(), events.to_vec());
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    "INSERT INTO appointments (id, service_id, user_pk, code_hash, agent, starts_at, state, version, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    &[
                        &a.id,
                        &a.service_id,
                        &a.user_pk,
                        &a.code_hash,
                        &a.agent,
                        &a.starts_at.millis(),
                        &to_json(&a),
                        &a.version,
                        &a.created_at.millis(),
                    ],
                )
                .map_err(conflict_on_unique)?;
                w.insert_events(&events)?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn appointment(
        &self,
        service_id: &str,
        id: &str,
    ) -> Result<Option<Appointment>> {
        let (service_id, id) = (service_id.to_owned(), id.to_owned());
        self.db
            .read(move |c| {
                one(
                    c,
                    "SELECT state, version FROM appointments WHERE id = $1 AND service_id = $2",
                    &[&id, &service_id],
                    |r| rows::appointment(r),
                )
            })
            .await
    }

    pub(super) async fn appointment_by_code_hash(
        &self,
        code_hash: &str,
    ) -> Result<Option<Appointment>> {
        let code_hash = code_hash.to_owned();
        self.db
            .read(move |c| {
                one(
                    c,
                    "SELECT state, version FROM appointments WHERE code_hash = $1",
                    &[&code_hash],
                    |r| rows::appointment(r),
                )
            })
            .await
    }

    pub(super) async fn appointments(
        &self,
        service_id: &str,
        user_pk: Option<&str>,
        agent: Option<&str>,
    ) -> Result<Vec<Appointment>> {
        let service_id = service_id.to_owned();
        let (user_pk, agent) = (user_pk.map(str::to_owned), agent.map(str::to_owned));
        self.db
            .read(move |c| {
                all(
                    c,
                    "SELECT state, version FROM appointments WHERE service_id = $1 \
                     AND (CAST($2 AS TEXT) IS NULL OR user_pk = $2) AND (CAST($3 AS TEXT) IS NULL OR agent = $3) \
                     ORDER BY starts_at, id LIMIT 500",
                    &[&service_id, &user_pk, &agent],
                    |r| rows::appointment(r),
                )
            })
            .await
    }

    pub(super) async fn save_appointment(
        &self,
        appointment: &Appointment,
        events: &[Event],
    ) -> Result<bool> {
        let (a, events) = (appointment.clone(), events.to_vec());
        self.db
            .write(move |w| {
                let updated = exec(
                    w.conn,
                    "UPDATE appointments SET state = $1, starts_at = $2, version = version + 1 WHERE id = $3 AND version = $4",
                    &[&to_json(&a), &a.starts_at.millis(), &a.id, &a.version],
                )?;
                if updated == 0 {
                    return Ok(Unit::Undo(false));
                }
                w.insert_events(&events)?;
                Ok(Unit::Keep(true))
            })
            .await
    }

    pub(super) async fn audit_chain(&self, service_id: &str) -> Result<AuditChain> {
        let service_id = service_id.to_owned();
        self.db
            .read(move |c| {
                // One snapshot: a purge meanwhile must not make an intact
                // chain look broken.
                let tx = c.unchecked_transaction()?;
                let events = all(
                    &tx,
                    &format!(
                        "SELECT {CHAINED_EVENT_COLUMNS} FROM events \
                         WHERE service_id = $1 AND chain_seq IS NOT NULL ORDER BY chain_seq, seq"
                    ),
                    &[&service_id],
                    |r| rows::chained_event(r),
                )?;
                let head = one(
                    &tx,
                    "SELECT seq, hash FROM audit_heads WHERE service_id = $1",
                    &[&service_id],
                    |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
                )?;
                let checkpoint = checkpoint(&tx, &service_id)?;
                tx.finish()?;
                Ok(AuditChain {
                    events,
                    head,
                    checkpoint,
                })
            })
            .await
    }

    pub(super) async fn purge_expired(&self, cut: &Cutoffs, limit: u32) -> Result<Purged> {
        let (cut, limit) = (*cut, i64::from(limit));
        self.db
            .write(move |w| {
                let mut counts = [0; 6];
                for ((sql, cutoff), n) in PURGE_SQLITE
                    .expired
                    .iter()
                    .zip(purge_cutoffs(&cut))
                    .zip(&mut counts)
                {
                    *n = exec(w.conn, sql, &[&cutoff, &limit])? as u64;
                }
                let mut ended = [0; 2];
                for (sql, n) in PURGE_SQLITE.challenges.iter().zip(&mut ended) {
                    *n = exec(
                        w.conn,
                        sql,
                        &[
                            &cut.challenges.millis(),
                            &cut.held_challenges.millis(),
                            &limit,
                        ],
                    )? as u64;
                }
                let [messages, challenges] = ended;
                Ok(Unit::Keep(purged(counts, (challenges, messages))))
            })
            .await
    }

    pub(super) async fn prune_events(
        &self,
        service_id: &str,
        before: Timestamp,
        now: Timestamp,
        limit: u32,
    ) -> Result<u64> {
        let service_id = service_id.to_owned();
        self.db
            .write(move |w| {
                let start = checkpoint(w.conn, &service_id)?.map(|c| (c.seq, c.hash));
                let delivered = one(w.conn, UNDELIVERED_FROM, &[&service_id], |r| {
                    Ok(r.get::<_, Option<i64>>(0)?)
                })?
                .flatten();
                let after = start.as_ref().map_or(0, |(seq, _)| *seq);
                let candidates = all(
                    w.conn,
                    &PRUNE_CANDIDATES,
                    &[&service_id, &after, &i64::from(limit)],
                    |r| rows::chained_event(r),
                )?;
                let n = prunable(start.as_ref(), &candidates, before, delivered)?;
                let Some((_, last)) = n.checked_sub(1).map(|i| &candidates[i]) else {
                    return Ok(Unit::Keep(0));
                };
                let pruned = exec(
                    w.conn,
                    PRUNE_EVENTS,
                    &[&service_id, &after, &last.chain_seq],
                )?;
                exec(
                    w.conn,
                    SAVE_CHECKPOINT,
                    &[&service_id, &last.chain_seq, &last.hash, &now.millis()],
                )?;
                Ok(Unit::Keep(pruned as u64))
            })
            .await
    }

    pub(super) async fn pending_erasures(&self, limit: u32) -> Result<Vec<Erasure>> {
        self.db
            .read(move |c| {
                all(c, PENDING_ERASURES, &[&i64::from(limit)], |r| {
                    rows::erasure(r)
                })
            })
            .await
    }

    pub(super) async fn erase_events(&self, erasure: &Erasure, limit: u32) -> Result<Erased> {
        let erasure = erasure.clone();
        self.db
            .write(move |w| {
                let found = all(
                    w.conn,
                    &ERASABLE_EVENTS,
                    &[
                        &erasure.service_id,
                        &erasure.user_id,
                        &erasure.up_to_seq,
                        &i64::from(limit),
                    ],
                    |r| rows::event(r),
                )?;
                let events = found.len() as u64;
                for e in erased_events(found) {
                    let detail = e.detail.to_string();
                    exec(
                        w.conn,
                        ERASE_EVENT,
                        &[&detail, &e.personal.erased_digest(), &e.id],
                    )?;
                }
                let done = events < u64::from(limit);
                if done {
                    exec(
                        w.conn,
                        FINISH_ERASURE,
                        &[&erasure.service_id, &erasure.user_id, &erasure.up_to_seq],
                    )?;
                }
                Ok(Unit::Keep(Erased { events, done }))
            })
            .await
    }

    pub(super) async fn upsert_articles(
        &self,
        service_id: &str,
        articles: &[Article],
        events: &[Event],
    ) -> Result<Vec<bool>> {
        let (service_id, articles, events) =
            (service_id.to_owned(), articles.to_vec(), events.to_vec());
        self.db
            .write(move |w| {
                let mut created = Vec::with_capacity(articles.len());
                for a in &articles {
                    let values: [&dyn rusqlite::ToSql; 8] = [
                        &service_id,
                        &a.locale,
                        &a.slug,
                        &a.title,
                        &a.category.as_str(),
                        &a.body,
                        &a.published_at.map(Timestamp::millis),
                        &a.updated_at.millis(),
                    ];
                    // Insert, else update: each is one statement, so a
                    // racing upsert of the same slug is never a duplicate.
                    let inserted = exec(
                        w.conn,
                        "INSERT INTO help_articles (service_id, locale, slug, title, category, body, published_at, updated_at, views) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0) ON CONFLICT (service_id, locale, slug) DO NOTHING",
                        &values,
                    )? == 1;
                    if !inserted {
                        exec(
                            w.conn,
                            "UPDATE help_articles SET title = $4, category = $5, body = $6, published_at = $7, updated_at = $8 \
                             WHERE service_id = $1 AND locale = $2 AND slug = $3",
                            &values,
                        )?;
                    }
                    created.push(inserted);
                }
                w.insert_events(&events)?;
                Ok(Unit::Keep(created))
            })
            .await
    }

    pub(super) async fn article(
        &self,
        service_id: &str,
        locale: &str,
        slug: &str,
        published_by: Option<Timestamp>,
    ) -> Result<Option<Article>> {
        let (service_id, locale, slug) =
            (service_id.to_owned(), locale.to_owned(), slug.to_owned());
        let published_by = published_by.map(Timestamp::millis);
        self.db
            .read(move |c| {
                one(
                    c,
                    &format!(
                        "SELECT {ARTICLE_COLUMNS} FROM help_articles WHERE service_id = $1 AND locale = $2 AND slug = $3 \
                         AND (CAST($4 AS BIGINT) IS NULL OR (published_at IS NOT NULL AND published_at <= $4))"
                    ),
                    &[&service_id, &locale, &slug, &published_by],
                    |r| rows::article(r),
                )
            })
            .await
    }

    pub(super) async fn articles(
        &self,
        service_id: &str,
        filter: ArticleFilter<'_>,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<Article>, u64)> {
        let service_id = service_id.to_owned();
        let locale = filter.locale.map(str::to_owned);
        let category = filter.category.map(|c| c.as_str());
        let published_by = filter.published_by.map(Timestamp::millis);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        self.db
            .read(move |c| {
                let total: i64 = one(
                    c,
                    &format!("SELECT COUNT(*) FROM help_articles WHERE {ARTICLE_WHERE}"),
                    &[&service_id, &locale, &category, &published_by],
                    |r| Ok(r.get(0)?),
                )?
                .unwrap_or(0);
                let articles = all(
                    c,
                    &format!(
                        "SELECT {ARTICLE_COLUMNS} FROM help_articles WHERE {ARTICLE_WHERE} \
                         ORDER BY CASE WHEN published_at IS NULL THEN 0 ELSE 1 END, published_at DESC, locale, slug LIMIT $5 OFFSET $6"
                    ),
                    &[
                        &service_id,
                        &locale,
                        &category,
                        &published_by,
                        &i64::from(limit),
                        &offset,
                    ],
                    |r| rows::article(r),
                )?;
                Ok((articles, u64::try_from(total).unwrap_or(0)))
            })
            .await
    }

    pub(super) async fn delete_article(
        &self,
        service_id: &str,
        locale: &str,
        slug: &str,
        events: &[Event],
    ) -> Result<bool> {
        let (service_id, locale, slug) =
            (service_id.to_owned(), locale.to_owned(), slug.to_owned());
        let events = events.to_vec();
        self.db
            .write(move |w| {
                let deleted = exec(
                    w.conn,
                    "DELETE FROM help_articles WHERE service_id = $1 AND locale = $2 AND slug = $3",
                    &[&service_id, &locale, &slug],
                )? == 1;
                if deleted {
                    w.insert_events(&events)?;
                }
                Ok(Unit::Keep(deleted))
            })
            .await
    }

    pub(super) async fn count_article_view(
        &self,
        service_id: &str,
        locale: &str,
        slug: &str,
    ) -> Result<bool> {
        let (service_id, locale, slug) =
            (service_id.to_owned(), locale.to_owned(), slug.to_owned());
        self.db
            .write(move |w| {
                let counted = exec(
                    w.conn,
                    "UPDATE help_articles SET views = views + 1 WHERE service_id = $1 AND locale = $2 AND slug = $3",
                    &[&service_id, &locale, &slug],
                )?;
                Ok(Unit::Keep(counted == 1))
            })
            .await
    }

    pub(super) async fn insert_events(&self, events: &[Event]) -> Result<()> {
        let events = events.to_vec();
        self.db
            .write(move |w| {
                w.insert_events(&events)?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn events(
        &self,
        service_id: &str,
        user_id: &str,
        limit: u32,
        before: Option<&str>,
    ) -> Result<Vec<Event>> {
        let (service_id, user_id) = (service_id.to_owned(), user_id.to_owned());
        let before = before.map(str::to_owned);
        self.db
            .read(move |c| {
                all(
                    c,
                    &format!(
                        "SELECT {EVENT_COLUMNS} FROM events WHERE service_id = $1 AND user_id = $2 \
                         AND (CAST($3 AS TEXT) IS NULL OR seq < (SELECT seq FROM events WHERE id = $3 AND service_id = $1)) \
                         ORDER BY seq DESC LIMIT $4"
                    ),
                    &[&service_id, &user_id, &before, &i64::from(limit)],
                    |r| rows::event(r),
                )
            })
            .await
    }
}
