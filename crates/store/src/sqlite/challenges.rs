//! SQLite: see the module's comment in `mod.rs`.

use countersign_core::challenge::Challenge;
use countersign_core::event::Event;
use countersign_core::factor::{Factor, FactorType};
use countersign_core::ids::{ChallengeId, ServiceId, UserKey};
use countersign_core::limits::CounterCheck;
use countersign_core::message::{DeliveryStatus, MessageRecord};
use countersign_core::Timestamp;
use rusqlite::{Connection, ToSql};

use super::engine::{all, conflict_on_unique, exec, one, Unit, Writing};
use super::SqliteStore;
use crate::sql::{
    factor_params, to_json, FACTOR_COLUMNS, FACTOR_SELECT, MESSAGE_COLUMNS, RESEAL_SECRET,
    SEALED_SECRETS,
};
use crate::{
    rows, ChallengeWrite, Decide, Decided, Decision, FactorUse, MessageUpdate, Result, Saved,
    SecurityWrite, UserEffect, MAX_RACES,
};

/// Records what the provider answered to a send, unless a status callback
/// already moved the message on (`update_message_status!` in `sql.rs`).
fn update_message_status(conn: &Connection, m: &MessageUpdate) -> Result<()> {
    exec(
        conn,
        "UPDATE messages SET status = $1, provider_ref = COALESCE($2, provider_ref), attempts = $3, error = $4, updated_at = $5 \
         WHERE id = $6 AND status = 'queued'",
        &[
            &m.status.as_str(),
            &m.provider_ref,
            &i64::from(m.attempts),
            &m.error,
            &m.now.millis(),
            &m.id,
        ],
    )?;
    Ok(())
}

/// Increments each counter of `checks`; the index of the first one past its
/// cap (the caller then undoes the unit, so nothing is counted), or `None`
/// (`count_against!` in `sql.rs`).
fn count_against(conn: &Connection, checks: &[CounterCheck]) -> Result<Option<usize>> {
    for (i, check) in checks.iter().enumerate() {
        let count: i64 = one(
            conn,
            "INSERT INTO send_counters (key, window_start, window_end, count) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (key, window_start) DO UPDATE SET count = send_counters.count + 1 \
             RETURNING count",
            &[
                &check.key,
                &check.window_start.millis(),
                &check.window_end.millis(),
            ],
            |r| Ok(r.get(0)?),
        )?
        .ok_or(rusqlite::Error::QueryReturnedNoRows)?;
        if count > i64::from(check.max) {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// Applies a factor use (see [`FactorUse`]); the number of rows changed: 0
/// when the use was taken first (a replay) (`apply_factor_use!` in
/// `sql.rs`).
fn apply_factor_use(conn: &Connection, used: &FactorUse) -> Result<usize> {
    match used {
        FactorUse::Otp {
            factor_id,
            moving_factor,
            now,
        } => exec(
            conn,
            "UPDATE factors SET moving_factor = $1, last_used_at = $2 \
             WHERE id = $3 AND status = 'active' AND moving_factor < $1",
            &[
                &i64::try_from(*moving_factor).unwrap_or(i64::MAX),
                &now.millis(),
                factor_id,
            ],
        ),
        FactorUse::Webauthn {
            factor_id,
            params,
            counter,
            now,
        } => exec(
            conn,
            "UPDATE factors SET params = $1, moving_factor = $2, last_used_at = $3 \
             WHERE id = $4 AND status = 'active' AND (moving_factor < $2 OR (moving_factor = 0 AND $2 = 0))",
            &[params, &i64::from(*counter), &now.millis(), factor_id],
        ),
        FactorUse::RecoveryCode {
            factor_id,
            code_hash,
            now,
        } => {
            let spent = exec(
                conn,
                "UPDATE recovery_codes SET used_at = $1 \
                 WHERE factor_id = $2 AND code_hash = $3 AND used_at IS NULL",
                &[&now.millis(), factor_id, code_hash],
            )?;
            exec(
                conn,
                "UPDATE factors SET last_used_at = $1 WHERE id = $2",
                &[&now.millis(), factor_id],
            )?;
            Ok(spent)
        }
    }
}

impl SqliteStore {
    pub(super) async fn insert_challenge(&self, c: &Challenge, events: &[Event]) -> Result<()> {
        let (id, service_id, user_pk) = (c.id.clone(), c.service_id.clone(), c.user_pk.clone());
        let (status, expires_at, version, created_at) = (
            c.status.as_str(),
            c.expires_at.millis(),
            c.version,
            c.created_at.millis(),
        );
        let state = to_json(c);
        let events = events.to_vec();
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    "INSERT INTO challenges (id, service_id, user_pk, status, expires_at, version, state, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    &[
                        &id,
                        &service_id,
                        &user_pk,
                        &status,
                        &expires_at,
                        &version,
                        &state,
                        &created_at,
                    ],
                )?;
                w.insert_events(&events)?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn challenge(&self, service_id: &str, id: &str) -> Result<Option<Challenge>> {
        let (service_id, id) = (service_id.to_owned(), id.to_owned());
        self.db
            .read(move |c| read_challenge(c, &service_id, &id))
            .await
    }

    pub(super) async fn challenge_by_id(&self, id: &str) -> Result<Option<Challenge>> {
        let id = id.to_owned();
        self.db
            .read(move |c| {
                one(
                    c,
                    "SELECT state, version FROM challenges WHERE id = $1",
                    &[&id],
                    |r| rows::challenge(r),
                )
            })
            .await
    }

    pub(super) async fn save_challenge(
        &self,
        c: &Challenge,
        write: ChallengeWrite<'_>,
    ) -> Result<Saved> {
        let row = ChallengeRow::of(c);
        let decision = Decision {
            events: write.events.to_vec(),
            user: write.user,
            new_message: write.new_message.cloned(),
            message_update: write.message_update.cloned(),
            factor_use: write.factor_use,
            counters: write.counters.to_vec(),
            security: write.security.cloned(),
        };
        self.db.write(move |w| save_in(w, &row, &decision)).await
    }

    /// The whole decision in one unit on the writer: read, decide, save,
    /// and read the messages for the answer.
    pub(super) async fn decide_challenge(
        &self,
        service_id: &str,
        id: &str,
        mut decide: Decide,
    ) -> Result<Decided> {
        let (service_id, id) = (service_id.to_owned(), id.to_owned());
        self.db
            .write(move |w| {
                let mut replayed = false;
                for _ in 0..MAX_RACES {
                    let Some(mut c) = read_challenge(w.conn, &service_id, &id)? else {
                        return Ok(Unit::Keep(Decided::Missing));
                    };
                    let Some(decision) = decide(&mut c, replayed) else {
                        return Ok(Unit::Keep(Decided::Refused));
                    };
                    match save_in(w, &ChallengeRow::of(&c), &decision)? {
                        Unit::Keep(saved) => {
                            c.version += 1;
                            let messages = read_messages(w.conn, &c.id)?;
                            return Ok(Unit::Keep(Decided::Saved {
                                challenge: Box::new(c),
                                saved,
                                messages,
                            }));
                        }
                        Unit::Undo(saved) => {
                            // Nothing else was written before: the whole
                            // unit rolls back, and may try again.
                            w.undo()?;
                            match saved {
                                Saved::Conflict => {}
                                Saved::Replayed => replayed = true,
                                saved => {
                                    return Ok(Unit::Keep(Decided::Saved {
                                        challenge: Box::new(c),
                                        saved,
                                        messages: Vec::new(),
                                    }))
                                }
                            }
                        }
                    }
                }
                Err(crate::StoreError::Busy)
            })
            .await
    }

    pub(super) async fn update_message(
        &self,
        update: &MessageUpdate,
        events: &[Event],
    ) -> Result<()> {
        let (m, events) = (update.clone(), events.to_vec());
        self.db
            .write(move |w| {
                update_message_status(w.conn, &m)?;
                w.insert_events(&events)?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn messages(&self, challenge_id: &str) -> Result<Vec<MessageRecord>> {
        let challenge_id = challenge_id.to_owned();
        self.db.read(move |c| read_messages(c, &challenge_id)).await
    }

    pub(super) async fn message(&self, id: &str) -> Result<Option<(MessageRecord, ServiceId)>> {
        let id = id.to_owned();
        self.db
            .read(move |c| {
                one(
                    c,
                    &format!(
                        "SELECT {MESSAGE_COLUMNS}, (SELECT service_id FROM challenges c WHERE c.id = messages.challenge_id) AS service_id \
                         FROM messages WHERE id = $1"
                    ),
                    &[&id],
                    |r| {
                        Ok((
                            rows::message(r)?,
                            ServiceId::from_trusted(rows::SqlRow::text(r, "service_id")?),
                        ))
                    },
                )
            })
            .await
    }

    pub(super) async fn report_delivery(
        &self,
        id: &str,
        status: DeliveryStatus,
        error: Option<&str>,
        now: Timestamp,
    ) -> Result<bool> {
        let from = status.may_follow();
        if from.is_empty() {
            return Ok(false);
        }
        let first = from[0].as_str();
        let second = from.get(1).map_or(first, |s| s.as_str());
        let (id, error) = (id.to_owned(), error.map(str::to_owned));
        self.db
            .write(move |w| {
                let changed = exec(
                    w.conn,
                    "UPDATE messages SET status = $1, error = COALESCE($2, error), updated_at = $3 \
                     WHERE id = $4 AND status IN ($5, $6)",
                    &[
                        &status.as_str(),
                        &error,
                        &now.millis(),
                        &id,
                        &first,
                        &second,
                    ],
                )?;
                Ok(Unit::Keep(changed == 1))
            })
            .await
    }

    pub(super) async fn factors(&self, user_pk: &str) -> Result<Vec<Factor>> {
        let user_pk = user_pk.to_owned();
        self.db
            .read(move |c| {
                all(
                    c,
                    &format!("{FACTOR_SELECT} WHERE user_pk = $1 ORDER BY created_at, id"),
                    &[&user_pk],
                    |r| rows::factor(r),
                )
            })
            .await
    }

    pub(super) async fn factor(&self, id: &str) -> Result<Option<Factor>> {
        let id = id.to_owned();
        self.db
            .read(move |c| {
                one(c, &format!("{FACTOR_SELECT} WHERE id = $1"), &[&id], |r| {
                    rows::factor(r)
                })
            })
            .await
    }

    pub(super) async fn pending_challenges(
        &self,
        user_pk: &str,
        now: Timestamp,
    ) -> Result<Vec<Challenge>> {
        let user_pk = user_pk.to_owned();
        self.db
            .read(move |c| {
                all(
                    c,
                    "SELECT state, version FROM challenges WHERE user_pk = $1 AND status = 'pending' AND expires_at > $2 \
                     ORDER BY created_at, id",
                    &[&user_pk, &now.millis()],
                    |r| rows::challenge(r),
                )
            })
            .await
    }

    pub(super) async fn recent_approved(
        &self,
        user_pk: &str,
        limit: u32,
    ) -> Result<Vec<Challenge>> {
        let user_pk = user_pk.to_owned();
        self.db
            .read(move |c| {
                all(
                    c,
                    "SELECT state, version FROM challenges WHERE user_pk = $1 AND status IN ('approved', 'held') \
                     ORDER BY created_at DESC, id DESC LIMIT $2",
                    &[&user_pk, &i64::from(limit)],
                    |r| rows::challenge(r),
                )
            })
            .await
    }

    pub(super) async fn insert_factor(
        &self,
        factor: &Factor,
        recovery_code_hashes: &[String],
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<()> {
        let f = factor.clone();
        let hashes = recovery_code_hashes.to_vec();
        let events = events.to_vec();
        let security = security.cloned();
        self.db
            .write(move |w| {
                if f.kind == FactorType::RecoveryCodes {
                    // Lock the user first: concurrent replacements queue up
                    // and exactly one set survives.
                    exec(
                        w.conn,
                        "UPDATE users SET updated_at = updated_at WHERE id = $1",
                        &[&f.user_pk],
                    )?;
                    exec(
                        w.conn,
                        "DELETE FROM factors WHERE user_pk = $1 AND kind = $2",
                        &[&f.user_pk, &f.kind.as_str()],
                    )?;
                }
                insert_factor_row(w.conn, &f)?;
                for hash in &hashes {
                    exec(
                        w.conn,
                        "INSERT INTO recovery_codes (factor_id, code_hash) VALUES ($1, $2)",
                        &[&f.id, hash],
                    )?;
                }
                w.insert_events(&events)?;
                w.security(security.as_ref())?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn advance_factor(
        &self,
        factor: &Factor,
        moving_factor: u64,
        now: Timestamp,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<bool> {
        let (id, status) = (factor.id.clone(), factor.status.as_str());
        let (events, security) = (events.to_vec(), security.cloned());
        self.db
            .write(move |w| {
                let changed = exec(
                    w.conn,
                    "UPDATE factors SET status = 'active', moving_factor = $1, last_used_at = $2 \
                     WHERE id = $3 AND status = $4 AND moving_factor < $1",
                    &[
                        &i64::try_from(moving_factor).unwrap_or(i64::MAX),
                        &now.millis(),
                        &id,
                        &status,
                    ],
                )?;
                if changed == 0 {
                    return Ok(Unit::Undo(false));
                }
                w.insert_events(&events)?;
                w.security(security.as_ref())?;
                Ok(Unit::Keep(true))
            })
            .await
    }

    pub(super) async fn use_factor(&self, used: FactorUse, events: &[Event]) -> Result<bool> {
        let events = events.to_vec();
        self.db
            .write(move |w| {
                if apply_factor_use(w.conn, &used)? == 0 {
                    return Ok(Unit::Undo(false));
                }
                w.insert_events(&events)?;
                Ok(Unit::Keep(true))
            })
            .await
    }

    pub(super) async fn complete_registration(
        &self,
        factor: &Factor,
        now: Timestamp,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<bool> {
        let (id, params) = (factor.id.clone(), factor_params(factor));
        let (events, security) = (events.to_vec(), security.cloned());
        self.db
            .write(move |w| {
                let changed = exec(
                    w.conn,
                    "UPDATE factors SET status = 'active', params = $1, last_used_at = $2 WHERE id = $3 AND status = 'pending'",
                    &[&params, &now.millis(), &id],
                )?;
                if changed == 0 {
                    return Ok(Unit::Undo(false));
                }
                w.insert_events(&events)?;
                w.security(security.as_ref())?;
                Ok(Unit::Keep(true))
            })
            .await
    }

    pub(super) async fn delete_factor(
        &self,
        factor: &Factor,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<bool> {
        let id = factor.id.clone();
        let (events, security) = (events.to_vec(), security.cloned());
        self.db
            .write(move |w| {
                let gone = exec(w.conn, "DELETE FROM factors WHERE id = $1", &[&id])?;
                if gone == 0 {
                    return Ok(Unit::Undo(false));
                }
                w.insert_events(&events)?;
                w.security(security.as_ref())?;
                Ok(Unit::Keep(true))
            })
            .await
    }

    pub(super) async fn sealed_secrets(&self) -> Result<Vec<(String, String)>> {
        self.db
            .read(|c| all(c, SEALED_SECRETS, &[], |r| Ok((r.get(0)?, r.get(1)?))))
            .await
    }

    pub(super) async fn reseal_secret(&self, id: &str, old: &str, new: &str) -> Result<bool> {
        let (id, old, new) = (id.to_owned(), old.to_owned(), new.to_owned());
        self.db
            .write(move |w| {
                let mut changed = 0;
                for sql in RESEAL_SECRET {
                    changed += exec(w.conn, sql, &[&new, &id, &old])?;
                }
                Ok(Unit::Keep(changed == 1))
            })
            .await
    }
}

fn read_challenge(c: &Connection, service_id: &str, id: &str) -> Result<Option<Challenge>> {
    one(
        c,
        "SELECT state, version FROM challenges WHERE id = $1 AND service_id = $2",
        &[&id, &service_id],
        |r| rows::challenge(r),
    )
}

fn read_messages(c: &Connection, challenge_id: &str) -> Result<Vec<MessageRecord>> {
    all(
        c,
        &format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages WHERE challenge_id = $1 ORDER BY created_at, id"
        ),
        &[&challenge_id],
        |r| rows::message(r),
    )
}

/// The columns a challenge is saved in, serialised before the unit runs.
struct ChallengeRow {
    status: &'static str,
    expires_at: i64,
    version: i64,
    state: String,
    id: ChallengeId,
    user_pk: UserKey,
}

impl ChallengeRow {
    fn of(c: &Challenge) -> ChallengeRow {
        ChallengeRow {
            status: c.status.as_str(),
            expires_at: c.expires_at.millis(),
            version: c.version,
            state: to_json(c),
            id: c.id.clone(),
            user_pk: c.user_pk.clone(),
        }
    }
}

/// Saves a challenge conditionally with everything its decision writes
/// (the statements of `save_challenge` in `sql.rs`); `Undo` when nothing
/// may be written.
fn save_in(w: &mut Writing<'_>, row: &ChallengeRow, d: &Decision) -> Result<Unit<Saved>> {
    let updated = exec(
        w.conn,
        "UPDATE challenges SET status = $1, expires_at = $2, state = $3, version = version + 1 WHERE id = $4 AND version = $5",
        &[&row.status, &row.expires_at, &row.state, &row.id, &row.version],
    )?;
    if updated == 0 {
        return Ok(Unit::Undo(Saved::Conflict));
    }
    if let Some(i) = count_against(w.conn, &d.counters)? {
        return Ok(Unit::Undo(Saved::LimitReached(i)));
    }
    if let Some(used) = &d.factor_use {
        if apply_factor_use(w.conn, used)? == 0 {
            return Ok(Unit::Undo(Saved::Replayed));
        }
    }
    let mut locked_until = None;
    let mut lock_event = None;
    match &d.user {
        UserEffect::None => {}
        UserEffect::Failure {
            lockout,
            now,
            locked,
            keyed,
        } => {
            match w.count_failure(&row.user_pk, lockout, *now, *keyed)? {
                None => return Ok(Unit::Undo(Saved::UserLocked)),
                Some(until) => locked_until = until,
            }
            lock_event = locked_until.map(|until| locked.until(until));
        }
        UserEffect::Success {
            verified_email,
            verified_phone,
            approved,
            now,
        } => {
            let params: [&dyn ToSql; 5] = [
                verified_email,
                verified_phone,
                &row.user_pk,
                &now.millis(),
                approved,
            ];
            // Read first: most successes change nothing on the user, and an
            // update that changes nothing would still rewrite its page.
            let state = one(
                w.conn,
                "SELECT locked_until IS NULL OR locked_until <= $4, \
                 COALESCE(($5 AND failed_attempts <> 0) OR (email = $1 AND NOT email_verified) \
                 OR (phone = $2 AND NOT phone_verified), FALSE) \
                 FROM users WHERE id = $3",
                &params,
                |r| Ok((r.get::<_, bool>(0)?, r.get::<_, bool>(1)?)),
            )?;
            match state {
                None | Some((false, _)) => return Ok(Unit::Undo(Saved::UserLocked)),
                Some((true, false)) => {}
                Some((true, true)) => {
                    exec(
                        w.conn,
                        "UPDATE users SET failed_attempts = CASE WHEN $5 THEN 0 ELSE failed_attempts END, \
                         keyed_failures = CASE WHEN $5 THEN 0 ELSE keyed_failures END, \
                         email_verified = CASE WHEN email = $1 THEN TRUE ELSE email_verified END, \
                         phone_verified = CASE WHEN phone = $2 THEN TRUE ELSE phone_verified END \
                         WHERE id = $3",
                        &params,
                    )?;
                }
            }
        }
    }
    if let Some(m) = &d.new_message {
        exec(
            w.conn,
            &format!(
                "INSERT INTO messages ({MESSAGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            ),
            &[
                &m.id,
                &m.challenge_id,
                &m.channel.as_str(),
                &m.to,
                &m.status.as_str(),
                &m.provider_ref,
                &i64::from(m.attempts),
                &m.error,
                &m.created_at.millis(),
                &m.updated_at.millis(),
            ],
        )?;
    }
    if let Some(m) = &d.message_update {
        update_message_status(w.conn, m)?;
    }
    w.security(d.security.as_ref())?;
    match lock_event {
        Some(locked) => {
            let mut events = d.events.clone();
            events.push(locked);
            w.insert_events(&events)?;
        }
        None => w.insert_events(&d.events)?,
    }
    Ok(Unit::Keep(Saved::Done { locked_until }))
}

pub(super) fn insert_factor_row(conn: &Connection, f: &Factor) -> Result<()> {
    exec(
        conn,
        &format!(
            "INSERT INTO factors ({FACTOR_COLUMNS}, fingerprint) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
        ),
        &[
            &f.id,
            &f.service_id,
            &f.user_pk,
            &f.kind.as_str(),
            &f.status.as_str(),
            &f.label,
            &factor_params(f),
            &f.sealed_secret,
            &i64::try_from(f.moving_factor).unwrap_or(i64::MAX),
            &f.created_at.millis(),
            &f.last_used_at.map(Timestamp::millis),
            &f.seed_fingerprint,
        ],
    )
    .map_err(conflict_on_unique)?;
    Ok(())
}
