//! [`OperatorStore`] on SQLite: the same statements as PostgreSQL's
//! (`crate::operators`), each unit of work on the one writer.

use async_trait::async_trait;
use countersign_core::operator::{ConsoleSession, Operator, OperatorPasskey};
use countersign_core::user::User;
use countersign_core::Timestamp;
use rusqlite::Connection;

use super::engine::{all, conflict_on_unique, exec, one, Unit};
use super::SqliteStore;
use crate::operators::{
    by_enrolment_query, find_users_query, operator, operator_by_id_query, operators_query, passkey,
    passkey_query, seen_session_query, session, statements, OperatorStore, UserLookup,
};
use crate::{rows, Result};

fn insert_session(conn: &Connection, s: &ConsoleSession, cookie_hash: &str) -> Result<()> {
    exec(conn, statements::PURGE_SESSIONS, &[&s.created_at.millis()])?;
    exec(
        conn,
        statements::INSERT_SESSION,
        &[
            &s.id,
            &s.operator_id,
            &cookie_hash,
            &s.created_at.millis(),
            &s.expires_at.millis(),
            &s.last_seen_at.millis(),
        ],
    )?;
    Ok(())
}

/// Whether the passkey was still there to update.
fn update_passkey(conn: &Connection, p: &OperatorPasskey) -> Result<bool> {
    Ok(exec(
        conn,
        statements::UPDATE_PASSKEY,
        &[
            &p.credential_id,
            &p.passkey.to_string(),
            &p.last_used_at.map(Timestamp::millis),
        ],
    )? == 1)
}

#[async_trait]
impl OperatorStore for SqliteStore {
    async fn insert_operator(
        &self,
        o: &Operator,
        enrolment_hash: &str,
        expires_at: Timestamp,
    ) -> Result<()> {
        let (o, enrolment_hash) = (o.clone(), enrolment_hash.to_owned());
        self.db
            .write(move |w| {
                exec(
                    w.conn,
                    statements::INSERT_OPERATOR,
                    &[
                        &o.id,
                        &o.name,
                        &o.role.as_str(),
                        &o.created_at.millis(),
                        &enrolment_hash,
                        &expires_at.millis(),
                    ],
                )
                .map_err(conflict_on_unique)?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    async fn operators(&self) -> Result<Vec<Operator>> {
        self.db
            .read(|c| all(c, &operators_query(), &[], |r| operator(r)))
            .await
    }

    async fn delete_operator(&self, name: &str) -> Result<bool> {
        let name = name.to_owned();
        self.db
            .write(move |w| {
                Ok(Unit::Keep(
                    exec(w.conn, statements::DELETE_OPERATOR, &[&name])? == 1,
                ))
            })
            .await
    }

    async fn operator_by_enrolment(
        &self,
        enrolment_hash: &str,
        now: Timestamp,
    ) -> Result<Option<Operator>> {
        let enrolment_hash = enrolment_hash.to_owned();
        self.db
            .read(move |c| {
                one(
                    c,
                    &by_enrolment_query(),
                    &[&enrolment_hash, &now.millis()],
                    |r| operator(r),
                )
            })
            .await
    }

    async fn enrol_operator(
        &self,
        enrolment_hash: &str,
        now: Timestamp,
        p: &OperatorPasskey,
        s: &ConsoleSession,
        cookie_hash: &str,
    ) -> Result<bool> {
        let (enrolment_hash, p, s, cookie_hash) = (
            enrolment_hash.to_owned(),
            p.clone(),
            s.clone(),
            cookie_hash.to_owned(),
        );
        self.db
            .write(move |w| {
                let spent: Option<String> = one(
                    w.conn,
                    statements::SPEND_ENROLMENT,
                    &[&enrolment_hash, &now.millis()],
                    |r| Ok(r.get(0)?),
                )?;
                if spent.as_ref() != Some(&p.operator_id) {
                    return Ok(Unit::Undo(false));
                }
                exec(
                    w.conn,
                    statements::INSERT_PASSKEY,
                    &[
                        &p.credential_id,
                        &p.operator_id,
                        &p.passkey.to_string(),
                        &p.created_at.millis(),
                        &p.last_used_at.map(Timestamp::millis),
                    ],
                )
                .map_err(conflict_on_unique)?;
                insert_session(w.conn, &s, &cookie_hash)?;
                Ok(Unit::Keep(true))
            })
            .await
    }

    async fn operator_passkey(&self, credential_id: &str) -> Result<Option<OperatorPasskey>> {
        let credential_id = credential_id.to_owned();
        self.db
            .read(move |c| one(c, &passkey_query(), &[&credential_id], |r| passkey(r)))
            .await
    }

    async fn sign_in_operator(
        &self,
        p: &OperatorPasskey,
        s: &ConsoleSession,
        cookie_hash: &str,
    ) -> Result<Option<Operator>> {
        let (p, s, cookie_hash) = (p.clone(), s.clone(), cookie_hash.to_owned());
        self.db
            .write(move |w| {
                if !update_passkey(w.conn, &p)? {
                    return Ok(Unit::Undo(None));
                }
                exec(
                    w.conn,
                    statements::SIGNED_IN,
                    &[&p.operator_id, &s.created_at.millis()],
                )?;
                let Some(found) = one(w.conn, &operator_by_id_query(), &[&p.operator_id], |r| {
                    operator(r)
                })?
                else {
                    return Ok(Unit::Undo(None));
                };
                insert_session(w.conn, &s, &cookie_hash)?;
                Ok(Unit::Keep(Some(found)))
            })
            .await
    }

    async fn console_session(
        &self,
        cookie_hash: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> Result<Option<(ConsoleSession, Operator)>> {
        let cookie_hash = cookie_hash.to_owned();
        self.db
            .write(move |w| {
                let Some(s) = one(
                    w.conn,
                    &seen_session_query(),
                    &[&now.millis(), &cookie_hash, &idle_cutoff.millis()],
                    |r| session(r),
                )?
                else {
                    return Ok(Unit::Keep(None));
                };
                let o = one(w.conn, &operator_by_id_query(), &[&s.operator_id], |r| {
                    operator(r)
                })?;
                Ok(Unit::Keep(o.map(|o| (s, o))))
            })
            .await
    }

    async fn step_up_console_session(
        &self,
        session_id: &str,
        cookie_hash: &str,
        new_cookie_hash: &str,
        until: Timestamp,
        p: &OperatorPasskey,
    ) -> Result<bool> {
        let (session_id, cookie_hash, new_cookie_hash, p) = (
            session_id.to_owned(),
            cookie_hash.to_owned(),
            new_cookie_hash.to_owned(),
            p.clone(),
        );
        self.db
            .write(move |w| {
                let stepped = exec(
                    w.conn,
                    statements::STEP_UP,
                    &[&session_id, &cookie_hash, &until.millis(), &new_cookie_hash],
                )? == 1;
                if !stepped || !update_passkey(w.conn, &p)? {
                    return Ok(Unit::Undo(false));
                }
                Ok(Unit::Keep(true))
            })
            .await
    }

    async fn delete_console_session(&self, session_id: &str) -> Result<()> {
        let session_id = session_id.to_owned();
        self.db
            .write(move |w| {
                exec(w.conn, statements::DELETE_SESSION, &[&session_id])?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    async fn insert_console_ceremony(
        &self,
        id: &str,
        state: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<()> {
        let (id, state) = (id.to_owned(), state.to_owned());
        self.db
            .write(move |w| {
                exec(w.conn, statements::PURGE_CEREMONIES, &[&now.millis()])?;
                exec(
                    w.conn,
                    statements::INSERT_CEREMONY,
                    &[&id, &state, &expires_at.millis()],
                )?;
                Ok(Unit::Keep(()))
            })
            .await
    }

    async fn take_console_ceremony(&self, id: &str, now: Timestamp) -> Result<Option<String>> {
        let id = id.to_owned();
        self.db
            .write(move |w| {
                let row: Option<(String, i64)> =
                    one(w.conn, statements::TAKE_CEREMONY, &[&id], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })?;
                Ok(Unit::Keep(
                    row.filter(|(_, expires)| *expires > now.millis())
                        .map(|(state, _)| state),
                ))
            })
            .await
    }

    async fn find_users(&self, lookup: UserLookup<'_>, limit: u32) -> Result<Vec<User>> {
        let (user_id, email, phone) = (
            lookup.user_id.to_owned(),
            lookup.email.map(str::to_owned),
            lookup.phone.map(str::to_owned),
        );
        self.db
            .read(move |c| {
                all(
                    c,
                    &find_users_query(),
                    &[&user_id, &email, &phone, &i64::from(limit)],
                    |r| rows::user(r),
                )
            })
            .await
    }
}
