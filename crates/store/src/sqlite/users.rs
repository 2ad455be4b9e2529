//! SQLite: see the module's comment in `mod.rs`.

use countersign_core::event::Event;
use countersign_core::limits::CounterCheck;
use countersign_core::lockout::LockoutPolicy;
use countersign_core::portal::{Pending, PortalSession};
use countersign_core::service::{ApiKey, Service, ServiceSettings};
use countersign_core::user::User;
use countersign_core::Timestamp;

use rusqlite::Connection;

use super::challenges::insert_factor_row;
use super::engine::{all, conflict_on_unique, exec, one, Unit, Writing};
use super::SqliteStore;
use crate::sql::{
    logo_bytes, logo_write, to_json, LogoWrite, API_KEY_COLUMNS, FORGET_NOTICES, PORTAL_COLUMNS,
    REQUEST_ERASURE, USER_COLUMNS,
};
use crate::{
    rows, Erasure, ImportedUser, LockedEvent, OpenedFrom, Result, Revoked, Saved, SecurityWrite,
    StoreError,
};

impl SqliteStore {
    pub(super) async fn ping(&self) -> Result<()> {
        self.db
            .read(|c| one(c, "SELECT 1", &[], |r| Ok(r.get::<_, i64>(0)?)).map(drop))
            .await
    }

    pub(super) async fn claim_setting(&self, name: &str, value: &str) -> Result<String> {
        let (name, value) = (name.to_owned(), value.to_owned());
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    "INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                    &[&name, &value],
                )?;
                let stored: String = one(
                    w.conn,
                    "SELECT value FROM settings WHERE name = $1",
                    &[&name],
                    |r| Ok(r.get(0)?),
                )?
                .ok_or_else(|| StoreError::Corrupt(format!("setting {name:?} vanished")))?;
                Ok(Unit::Keep(stored))
            })
            .await
    }

    pub(super) async fn insert_service(
        &self,
        service: &Service,
        key: &ApiKey,
        key_hash: &str,
    ) -> Result<()> {
        let (s, key, key_hash) = (service.clone(), key.clone(), key_hash.to_owned());
        self.db
            .write(move |w| {
                // `api_key_hash` is a column migration 0015 could not drop:
                // never read, it holds the service's id.
                exec(
                    w.conn,
                    "INSERT INTO services (id, name, api_key_hash, settings, created_at) VALUES ($1, $2, $1, $3, $4)",
                    &[&s.id, &s.name, &to_json(&s.settings), &s.created_at.millis()],
                )
                .map_err(conflict_on_unique)?;
                insert_api_key(w, &key, &key_hash)?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn api_key_by_hash(&self, key_hash: &str) -> Result<Option<ApiKey>> {
        let key_hash = key_hash.to_owned();
        self.db
            .read(move |c| {
                one(
                    c,
                    &format!("SELECT {API_KEY_COLUMNS} FROM api_keys WHERE key_hash = $1"),
                    &[&key_hash],
                    |r| rows::api_key(r),
                )
            })
            .await
    }

    pub(super) async fn api_keys(&self, service_id: &str) -> Result<Vec<ApiKey>> {
        let service_id = service_id.to_owned();
        self.db
            .read(move |c| {
                all(
                    c,
                    &format!(
                        "SELECT {API_KEY_COLUMNS} FROM api_keys WHERE service_id = $1 ORDER BY created_at, id"
                    ),
                    &[&service_id],
                    |r| rows::api_key(r),
                )
            })
            .await
    }

    pub(super) async fn insert_api_key(
        &self,
        key: &ApiKey,
        key_hash: &str,
        events: &[Event],
    ) -> Result<()> {
        let (key, key_hash, events) = (key.clone(), key_hash.to_owned(), events.to_vec());
        self.db
            .write(move |w| {
                insert_api_key(w, &key, &key_hash)?;
                w.insert_events(&events)?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    /// One writer: the count and the delete cannot interleave with
    /// another revocation.
    pub(super) async fn revoke_api_key(
        &self,
        service_id: &str,
        key_id: &str,
        events: &[Event],
    ) -> Result<Revoked> {
        let (service_id, key_id, events) =
            (service_id.to_owned(), key_id.to_owned(), events.to_vec());
        self.db
            .write(move |w| {
                let (mine, keys): (i64, i64) = one(
                    w.conn,
                    "SELECT COUNT(*) FILTER (WHERE id = $2), COUNT(*) FROM api_keys WHERE service_id = $1",
                    &[&service_id, &key_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?
                .unwrap_or((0, 0));
                if mine == 0 {
                    return Ok(Unit::Undo(Revoked::Missing));
                }
                if keys < 2 {
                    return Ok(Unit::Undo(Revoked::LastKey));
                }
                exec(w.conn, "DELETE FROM api_keys WHERE id = $1", &[&key_id])?;
                w.insert_events(&events)?;
                Ok(Unit::Keep(Revoked::Done))
            })
            .await
    }

    pub(super) async fn touch_api_key(
        &self,
        key_id: &str,
        now: Timestamp,
        since: Timestamp,
    ) -> Result<()> {
        let key_id = key_id.to_owned();
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    "UPDATE api_keys SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at <= $3)",
                    &[&now.millis(), &key_id, &since.millis()],
                )?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn services(&self) -> Result<Vec<Service>> {
        self.db
            .read(move |c| {
                all(
                    c,
                    "SELECT id, name, settings, created_at FROM services ORDER BY created_at, name",
                    &[],
                    |r| rows::service(r),
                )
            })
            .await
    }

    pub(super) async fn service(&self, id: &str) -> Result<Option<Service>> {
        let id = id.to_owned();
        self.db
            .read(move |c| {
                one(
                    c,
                    "SELECT id, name, settings, created_at FROM services WHERE id = $1",
                    &[&id],
                    |r| rows::service(r),
                )
            })
            .await
    }

    pub(super) async fn update_service_settings(
        &self,
        service: &Service,
        before: &ServiceSettings,
        events: &[Event],
    ) -> Result<bool> {
        self.write_settings(service, before, LogoWrite::Keep, events)
            .await
    }

    pub(super) async fn replace_service_logo(
        &self,
        service: &Service,
        before: &ServiceSettings,
        image: Option<&[u8]>,
        events: &[Event],
    ) -> Result<bool> {
        self.write_settings(service, before, logo_write(service, image), events)
            .await
    }

    /// The settings' compare-and-swap, and the logo's row with it.
    async fn write_settings(
        &self,
        service: &Service,
        before: &ServiceSettings,
        logo: LogoWrite,
        events: &[Event],
    ) -> Result<bool> {
        let (settings, id, before, events) = (
            to_json(&service.settings),
            service.id.clone(),
            to_json(before),
            events.to_vec(),
        );
        self.db
            .write(move |w| {
                let changed = exec(
                    w.conn,
                    "UPDATE services SET settings = $1 WHERE id = $2 AND settings = $3",
                    &[&settings, &id, &before],
                )?;
                if changed == 0 {
                    return Ok(Unit::Undo(false));
                }
                match &logo {
                    LogoWrite::Keep => {}
                    LogoWrite::Put((sha256, image)) => {
                        exec(
                            w.conn,
                            "INSERT INTO service_logos (service_id, sha256, image) VALUES ($1, $2, $3) \
                             ON CONFLICT (service_id) DO UPDATE SET sha256 = excluded.sha256, image = excluded.image",
                            &[&id, sha256, image],
                        )?;
                    }
                    LogoWrite::Remove => {
                        exec(
                            w.conn,
                            "DELETE FROM service_logos WHERE service_id = $1",
                            &[&id],
                        )?;
                    }
                }
                w.insert_events(&events)?;
                Ok(Unit::Keep(true))
            })
            .await
    }

    pub(super) async fn service_logo(&self, service_id: &str) -> Result<Option<(String, Vec<u8>)>> {
        let service_id = service_id.to_owned();
        let row = self
            .db
            .read(move |c| {
                one(
                    c,
                    "SELECT sha256, image FROM service_logos WHERE service_id = $1",
                    &[&service_id],
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
                )
            })
            .await?;
        row.map(|(sha256, image)| Ok((sha256, logo_bytes(&image)?)))
            .transpose()
    }

    pub(super) async fn user(&self, service_id: &str, user_id: &str) -> Result<Option<User>> {
        let (service_id, user_id) = (service_id.to_owned(), user_id.to_owned());
        self.db
            .read(move |c| {
                one(
                    c,
                    &format!(
                        "SELECT {USER_COLUMNS} FROM users WHERE service_id = $1 AND external_id = $2"
                    ),
                    &[&service_id, &user_id],
                    |r| rows::user(r),
                )
            })
            .await
    }

    pub(super) async fn insert_user(&self, user: &User, events: &[Event]) -> Result<()> {
        let (u, events) = (user.clone(), events.to_vec());
        self.db
            .write(move |w| {
                insert_user_row(w.conn, &u)?;
                w.insert_events(&events)?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn update_user(
        &self,
        before: &User,
        user: &User,
        events: &[Event],
        security: Option<&SecurityWrite>,
    ) -> Result<()> {
        let (b, u, events, security) = (
            before.clone(),
            user.clone(),
            events.to_vec(),
            security.cloned(),
        );
        self.db
            .write(move |w| {
                update_user_row(w.conn, &b, &u)?;
                w.insert_events(&events)?;
                w.security(security.as_ref())?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn import_users(&self, users: &[ImportedUser]) -> Result<()> {
        let users = users.to_vec();
        self.db
            .write(move |w| {
                for i in &users {
                    match &i.before {
                        None => insert_user_row(w.conn, &i.user)?,
                        Some(before) if *before != i.user => {
                            update_user_row(w.conn, before, &i.user)?
                        }
                        Some(_) => {}
                    }
                    for f in &i.factors {
                        insert_factor_row(w.conn, f)?;
                    }
                    w.insert_events(&i.events)?;
                    w.security(i.security.as_ref())?;
                }
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn unlock_user(&self, user: &User, event: &Event) -> Result<bool> {
        let (id, event) = (user.id.clone(), event.clone());
        self.db
            .write(move |w| {
                let found = exec(
                    w.conn,
                    "UPDATE users SET failed_attempts = 0, keyed_failures = 0, locked_until = NULL WHERE id = $1",
                    &[&id],
                )?;
                if found == 0 {
                    return Ok(Unit::Undo(false));
                }
                w.insert_events(std::slice::from_ref(&event))?;
                Ok(Unit::Keep(true))
            })
            .await
    }

    pub(super) async fn delete_user(
        &self,
        user: &User,
        tombstone: &Event,
    ) -> Result<Option<Erasure>> {
        let (id, tombstone) = (user.id.clone(), tombstone.clone());
        self.db
            .write(move |w| {
                // Lock the user's challenges before the user, in the order a
                // challenge save takes them, so the two cannot deadlock.
                exec(
                    w.conn,
                    "UPDATE challenges SET version = version + 1 WHERE user_pk = $1",
                    &[&id],
                )?;
                let gone = exec(w.conn, "DELETE FROM users WHERE id = $1", &[&id])?;
                if gone == 0 {
                    return Ok(Unit::Undo(None));
                }
                w.insert_events(std::slice::from_ref(&tombstone))?;
                let erasure = one(w.conn, REQUEST_ERASURE, &[&tombstone.id], |r| {
                    rows::erasure(r)
                })?;
                exec(w.conn, FORGET_NOTICES, &[&id])?;
                Ok(Unit::Keep(erasure))
            })
            .await
    }

    pub(super) async fn claim_device_signature(
        &self,
        key: &str,
        expires_at: Timestamp,
    ) -> Result<bool> {
        let key = key.to_owned();
        self.db
            .write(move |w| {
                let claimed = exec(
                    w.conn,
                    "INSERT INTO device_signatures (signature_hash, expires_at) VALUES ($1, $2) \
                     ON CONFLICT (signature_hash) DO NOTHING",
                    &[&key, &expires_at.millis()],
                )?;
                Ok(Unit::Keep(claimed == 1))
            })
            .await
    }

    pub(super) async fn user_by_pk(&self, pk: &str) -> Result<Option<User>> {
        let pk = pk.to_owned();
        self.db
            .read(move |c| {
                one(
                    c,
                    &format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"),
                    &[&pk],
                    |r| rows::user(r),
                )
            })
            .await
    }

    pub(super) async fn put_setting(&self, name: &str, value: &str) -> Result<()> {
        let (name, value) = (name.to_owned(), value.to_owned());
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    "INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = $2",
                    &[&name, &value],
                )?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn record_failure(
        &self,
        user: &User,
        lockout: LockoutPolicy,
        now: Timestamp,
        events: &[Event],
        locked: &LockedEvent,
    ) -> Result<Saved> {
        let (id, events, locked) = (user.id.clone(), events.to_vec(), locked.clone());
        self.db
            .write(move |w| {
                let Some(locked_until) = w.count_failure(&id, &lockout, now, true)? else {
                    return Ok(Unit::Undo(Saved::UserLocked));
                };
                let events: Vec<Event> = events
                    .into_iter()
                    .chain(locked_until.map(|until| locked.until(until)))
                    .collect();
                w.insert_events(&events)?;
                Ok(Unit::Keep(Saved::Done { locked_until }))
            })
            .await
    }

    pub(super) async fn count_attempts(&self, checks: &[CounterCheck]) -> Result<Option<usize>> {
        let checks = checks.to_vec();
        self.db
            .write(move |w| {
                if let Some(i) = count_against(w.conn, &checks)? {
                    return Ok(Unit::Undo(Some(i)));
                }
                Ok(Unit::Keep(None))
            })
            .await
    }

    pub(super) async fn insert_ceremony(
        &self,
        id: &str,
        service_id: &str,
        state: &str,
        expires_at: Timestamp,
    ) -> Result<()> {
        let (id, service_id, state) = (id.to_owned(), service_id.to_owned(), state.to_owned());
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    "INSERT INTO webauthn_ceremonies (id, service_id, state, expires_at) VALUES ($1, $2, $3, $4)",
                    &[&id, &service_id, &state, &expires_at.millis()],
                )?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn take_ceremony(
        &self,
        id: &str,
        service_id: &str,
        now: Timestamp,
    ) -> Result<Option<String>> {
        let (id, service_id) = (id.to_owned(), service_id.to_owned());
        self.db
            .write(move |w| {
                let row: Option<(String, i64)> = one(
                    w.conn,
                    "DELETE FROM webauthn_ceremonies WHERE id = $1 AND service_id = $2 RETURNING state, expires_at",
                    &[&id, &service_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                Ok(Unit::Keep(
                    row.filter(|(_, expires)| *expires > now.millis())
                        .map(|(state, _)| state),
                ))
            })
            .await
    }

    pub(super) async fn insert_portal_session(
        &self,
        session: &PortalSession,
        link_hash: &str,
        events: &[Event],
    ) -> Result<()> {
        let (p, link_hash, events) = (session.clone(), link_hash.to_owned(), events.to_vec());
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    &format!(
                        "INSERT INTO portal_sessions ({PORTAL_COLUMNS}, link_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
                    ),
                    &[
                        &p.id,
                        &p.service_id,
                        &p.user_pk,
                        &p.created_at.millis(),
                        &p.expires_at.millis(),
                        &p.link_expires_at.millis(),
                        &p.last_seen_at.millis(),
                        &p.return_url,
                        &p.locale,
                        &p.step_up_challenge,
                        &p.step_up_until.map(Timestamp::millis),
                        &p.pending.as_ref().map(Pending::encode),
                        &p.user_agent,
                        &p.ip,
                        &link_hash,
                    ],
                )?;
                w.insert_events(&events)?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn redeem_portal_link(
        &self,
        link_hash: &str,
        cookie_hash: &str,
        now: Timestamp,
        from: OpenedFrom<'_>,
    ) -> Result<Option<PortalSession>> {
        let (link_hash, cookie_hash) = (link_hash.to_owned(), cookie_hash.to_owned());
        let user_agent = from.user_agent.map(str::to_owned);
        let ip = from.ip.map(str::to_owned);
        self.db
            .write(move |w| {
                let session = one(
                    w.conn,
                    &format!(
                        "UPDATE portal_sessions SET cookie_hash = $1, last_seen_at = $2, user_agent = $4, ip = $5 \
                         WHERE link_hash = $3 AND cookie_hash IS NULL AND link_expires_at > $2 AND expires_at > $2 \
                         RETURNING {PORTAL_COLUMNS}"
                    ),
                    &[&cookie_hash, &now.millis(), &link_hash, &user_agent, &ip],
                    |r| rows::portal_session(r),
                )?;
                Ok(Unit::Keep(session))
            })
            .await
    }

    pub(super) async fn portal_session(
        &self,
        cookie_hash: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> Result<Option<PortalSession>> {
        let cookie_hash = cookie_hash.to_owned();
        self.db
            .write(move |w| {
                let session = one(
                    w.conn,
                    &format!(
                        "UPDATE portal_sessions SET last_seen_at = $1 \
                         WHERE cookie_hash = $2 AND expires_at > $1 AND last_seen_at > $3 \
                         RETURNING {PORTAL_COLUMNS}"
                    ),
                    &[&now.millis(), &cookie_hash, &idle_cutoff.millis()],
                    |r| rows::portal_session(r),
                )?;
                Ok(Unit::Keep(session))
            })
            .await
    }

    pub(super) async fn begin_step_up(
        &self,
        session_id: &str,
        challenge_id: &str,
        pending: &Pending,
    ) -> Result<()> {
        let (session_id, challenge_id, pending) = (
            session_id.to_owned(),
            challenge_id.to_owned(),
            pending.encode(),
        );
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    "UPDATE portal_sessions SET step_up_challenge = $1, pending_action = $2 WHERE id = $3",
                    &[&challenge_id, &pending, &session_id],
                )?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn finish_step_up(
        &self,
        session_id: &str,
        challenge_id: &str,
        until: Timestamp,
        cookie_hash: &str,
    ) -> Result<bool> {
        let (session_id, challenge_id, cookie_hash) = (
            session_id.to_owned(),
            challenge_id.to_owned(),
            cookie_hash.to_owned(),
        );
        self.db
            .write(move |w| {
                let finished = exec(
                    w.conn,
                    "UPDATE portal_sessions SET step_up_challenge = NULL, step_up_until = $1, cookie_hash = $4 \
                     WHERE id = $2 AND step_up_challenge = $3",
                    &[&until.millis(), &session_id, &challenge_id, &cookie_hash],
                )?;
                Ok(Unit::Keep(finished == 1))
            })
            .await
    }

    pub(super) async fn delete_portal_session(&self, session_id: &str) -> Result<()> {
        let session_id = session_id.to_owned();
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    "DELETE FROM portal_sessions WHERE id = $1",
                    &[&session_id],
                )?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    pub(super) async fn user_portal_sessions(
        &self,
        user_pk: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> Result<Vec<PortalSession>> {
        let user_pk = user_pk.to_owned();
        self.db
            .read(move |c| {
                all(
                    c,
                    &format!(
                        "SELECT {PORTAL_COLUMNS} FROM portal_sessions \
                         WHERE user_pk = $1 AND cookie_hash IS NOT NULL AND expires_at > $2 AND last_seen_at > $3 \
                         ORDER BY last_seen_at DESC, id"
                    ),
                    &[&user_pk, &now.millis(), &idle_cutoff.millis()],
                    |r| rows::portal_session(r),
                )
            })
            .await
    }

    pub(super) async fn revoke_portal_sessions(
        &self,
        user_pk: &str,
        keep: &str,
        only: Option<&str>,
        revoked: &Event,
    ) -> Result<Vec<String>> {
        let (user_pk, keep) = (user_pk.to_owned(), keep.to_owned());
        let (only, revoked) = (only.map(str::to_owned), revoked.clone());
        self.db
            .write(move |w| {
                let read_id = |r: &rusqlite::Row<'_>| Ok(r.get::<_, String>(0)?);
                let ended = match &only {
                    Some(id) => all(
                        w.conn,
                        "DELETE FROM portal_sessions WHERE user_pk = $1 AND id <> $2 AND id = $3 RETURNING id",
                        &[&user_pk, &keep, id],
                        read_id,
                    )?,
                    None => all(
                        w.conn,
                        "DELETE FROM portal_sessions WHERE user_pk = $1 AND id <> $2 RETURNING id",
                        &[&user_pk, &keep],
                        read_id,
                    )?,
                };
                let events: Vec<Event> = ended
                    .iter()
                    .map(|id| revoked.about("session_id", id))
                    .collect();
                w.insert_events(&events)?;
                Ok(Unit::Keep(ended))
            })
            .await
    }
}

/// Increments each counter of `checks`; the index of the first one past
/// its cap (the caller then rolls the unit back, so nothing is counted), or
/// `None`.
fn count_against(conn: &rusqlite::Connection, checks: &[CounterCheck]) -> Result<Option<usize>> {
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
        .ok_or_else(|| StoreError::Corrupt("send counter upsert returned no row".into()))?;
        if count > i64::from(check.max) {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// Inserts an API key's row.
fn insert_api_key(w: &Writing<'_>, key: &ApiKey, key_hash: &str) -> Result<()> {
    exec(
        w.conn,
        "INSERT INTO api_keys (id, service_id, key_hash, prefix, created_at, last_used_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &key.id,
            &key.service_id,
            &key_hash,
            &key.prefix,
            &key.created_at.millis(),
            &key.last_used_at.map(Timestamp::millis),
        ],
    )?;
    Ok(())
}

fn insert_user_row(conn: &Connection, u: &User) -> Result<()> {
    exec(
        conn,
        &format!(
            "INSERT INTO users ({USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
        ),
        &[
            &u.id,
            &u.service_id,
            &u.user_id,
            &u.email,
            &u.phone,
            &u.email_verified,
            &u.phone_verified,
            &u.locale,
            &u.display_name,
            &i64::from(u.failed_attempts),
            &u.locked_until.map(Timestamp::millis),
            &u.created_at.millis(),
            &u.updated_at.millis(),
            &u.security_hold_until.map(Timestamp::millis),
        ],
    )
    .map_err(conflict_on_unique)?;
    Ok(())
}

/// The fields that differ between `b` and `u`, and only those (see
/// [`crate::Store::update_user`]).
fn update_user_row(conn: &Connection, b: &User, u: &User) -> Result<()> {
    exec(
        conn,
        "UPDATE users SET \
         email = CASE WHEN $1 THEN $2 ELSE email END, \
         email_verified = CASE WHEN $3 THEN $4 ELSE email_verified END, \
         phone = CASE WHEN $5 THEN $6 ELSE phone END, \
         phone_verified = CASE WHEN $7 THEN $8 ELSE phone_verified END, \
         locale = CASE WHEN $9 THEN $10 ELSE locale END, \
         display_name = CASE WHEN $11 THEN $12 ELSE display_name END, \
         updated_at = $13 WHERE id = $14",
        &[
            &(b.email != u.email),
            &u.email,
            &(b.email != u.email || b.email_verified != u.email_verified),
            &u.email_verified,
            &(b.phone != u.phone),
            &u.phone,
            &(b.phone != u.phone || b.phone_verified != u.phone_verified),
            &u.phone_verified,
            &(b.locale != u.locale),
            &u.locale,
            &(b.display_name != u.display_name),
            &u.display_name,
            &u.updated_at.millis(),
            &u.id,
        ],
    )?;
    Ok(())
}
