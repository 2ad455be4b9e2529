//! The console's storage: operators, their passkeys, their sessions and
//! passkey ceremonies, and finding users by contact. Its own trait (every
//! [`crate::Store`] is one), with the PostgreSQL implementation here and
//! SQLite's in `sqlite/operators.rs`.

use async_trait::async_trait;
use countersign_core::operator::{ConsoleSession, Operator, OperatorPasskey, Role};
use countersign_core::user::User;
use countersign_core::Timestamp;

use crate::rows::{self, SqlRow};
use crate::sql::USER_COLUMNS;
use crate::{PgStore, Result, StoreError};

/// What a lookup of users matches: their id in any service, or (when the
/// query is one) an email address or a phone number, as normalised.
#[derive(Debug, Clone, Copy)]
pub struct UserLookup<'a> {
    pub user_id: &'a str,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
}

#[async_trait]
pub trait OperatorStore: Send + Sync {
    /// A new operator, waiting for enrolment through the link whose token
    /// hashes to `enrolment_hash` until `expires_at`.
    /// [`StoreError::Conflict`] when the name is taken.
    async fn insert_operator(
        &self,
        operator: &Operator,
        enrolment_hash: &str,
        expires_at: Timestamp,
    ) -> Result<()>;
    /// Every operator, by name.
    async fn operators(&self) -> Result<Vec<Operator>>;
    /// Removes an operator, with their passkeys and sessions (which end at
    /// once, for every server process). False if there was none.
    async fn delete_operator(&self, name: &str) -> Result<bool>;
    /// The operator whose enrolment link hashes to `enrolment_hash`, if it
    /// was not used and has not expired at `now`.
    async fn operator_by_enrolment(
        &self,
        enrolment_hash: &str,
        now: Timestamp,
    ) -> Result<Option<Operator>>;
    /// Spends an enrolment link: the operator's first passkey and first
    /// session, in one transaction, only if the link is still unused and
    /// unexpired at `now` (false otherwise, nothing written).
    async fn enrol_operator(
        &self,
        enrolment_hash: &str,
        now: Timestamp,
        passkey: &OperatorPasskey,
        session: &ConsoleSession,
        cookie_hash: &str,
    ) -> Result<bool>;
    /// The passkey with this credential id.
    async fn operator_passkey(&self, credential_id: &str) -> Result<Option<OperatorPasskey>>;
    /// A sign-in: the passkey brought up to date, a new session, the
    /// operator's last sign-in, in one transaction; expired sessions go.
    /// `None` if the passkey's operator was removed meanwhile.
    async fn sign_in_operator(
        &self,
        passkey: &OperatorPasskey,
        session: &ConsoleSession,
        cookie_hash: &str,
    ) -> Result<Option<Operator>>;
    /// The live session whose cookie hashes to `cookie_hash`, marked as seen
    /// at `now`, with its operator; `None` if expired or idle since
    /// `idle_cutoff`.
    async fn console_session(
        &self,
        cookie_hash: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> Result<Option<(ConsoleSession, Operator)>>;
    /// A step-up: changes are allowed until `until`, and the session's
    /// cookie becomes `new_cookie_hash`'s, only if it still has the cookie
    /// `cookie_hash` (one conditional update: a step-up is spent once); the
    /// passkey is brought up to date with it.
    async fn step_up_console_session(
        &self,
        session_id: &str,
        cookie_hash: &str,
        new_cookie_hash: &str,
        until: Timestamp,
        passkey: &OperatorPasskey,
    ) -> Result<bool>;
    /// Sign-out.
    async fn delete_console_session(&self, session_id: &str) -> Result<()>;
    /// Keeps a passkey ceremony's state until `expires_at`; the ones
    /// expired at `now` go.
    async fn insert_console_ceremony(
        &self,
        id: &str,
        state: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<()>;
    /// Takes (deletes and returns) a ceremony's state if it had not expired
    /// at `now`: a ceremony is finished once.
    async fn take_console_ceremony(&self, id: &str, now: Timestamp) -> Result<Option<String>>;
    /// Users that `lookup` matches, in every service, at most `limit`.
    async fn find_users(&self, lookup: UserLookup<'_>, limit: u32) -> Result<Vec<User>>;
}

pub(crate) const OPERATOR_COLUMNS: &str =
    "id, name, role, created_at, enrolled_at, last_sign_in_at";
pub(crate) const PASSKEY_COLUMNS: &str =
    "credential_id, operator_id, passkey, created_at, last_used_at";
pub(crate) const SESSION_COLUMNS: &str =
    "id, operator_id, created_at, expires_at, last_seen_at, step_up_until";

pub(crate) fn operator(row: &impl SqlRow) -> Result<Operator> {
    let role = row.text("role")?;
    Ok(Operator {
        id: row.text("id")?,
        name: row.text("name")?,
        role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("role {role:?}")))?,
        created_at: Timestamp(row.int("created_at")?),
        enrolled_at: row.opt_int("enrolled_at")?.map(Timestamp),
        last_sign_in_at: row.opt_int("last_sign_in_at")?.map(Timestamp),
    })
}

pub(crate) fn passkey(row: &impl SqlRow) -> Result<OperatorPasskey> {
    Ok(OperatorPasskey {
        credential_id: row.text("credential_id")?,
        operator_id: row.text("operator_id")?,
        passkey: serde_json::from_str(&row.text("passkey")?)
            .map_err(|e| StoreError::Corrupt(format!("operator passkey: {e}")))?,
        created_at: Timestamp(row.int("created_at")?),
        last_used_at: row.opt_int("last_used_at")?.map(Timestamp),
    })
}

pub(crate) fn session(row: &impl SqlRow) -> Result<ConsoleSession> {
    Ok(ConsoleSession {
        id: row.text("id")?,
        operator_id: row.text("operator_id")?,
        created_at: Timestamp(row.int("created_at")?),
        expires_at: Timestamp(row.int("expires_at")?),
        last_seen_at: Timestamp(row.int("last_seen_at")?),
        step_up_until: row.opt_int("step_up_until")?.map(Timestamp),
    })
}

/// The statements both engines run, with `$n` parameters.
pub(crate) mod statements {
    pub const INSERT_OPERATOR: &str = "INSERT INTO operators (id, name, role, created_at, enrolment_hash, enrolment_expires_at) VALUES ($1, $2, $3, $4, $5, $6)";
    pub const DELETE_OPERATOR: &str = "DELETE FROM operators WHERE name = $1";
    pub const SPEND_ENROLMENT: &str = "UPDATE operators SET enrolment_hash = NULL, enrolment_expires_at = NULL, enrolled_at = $2, last_sign_in_at = $2 \
         WHERE enrolment_hash = $1 AND enrolment_expires_at > $2 RETURNING id";
    pub const INSERT_PASSKEY: &str = "INSERT INTO operator_passkeys (credential_id, operator_id, passkey, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5)";
    pub const UPDATE_PASSKEY: &str =
        "UPDATE operator_passkeys SET passkey = $2, last_used_at = $3 WHERE credential_id = $1";
    pub const PURGE_SESSIONS: &str = "DELETE FROM console_sessions WHERE expires_at < $1";
    pub const INSERT_SESSION: &str = "INSERT INTO console_sessions (id, operator_id, cookie_hash, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6)";
    pub const SIGNED_IN: &str = "UPDATE operators SET last_sign_in_at = $2 WHERE id = $1";
    pub const STEP_UP: &str = "UPDATE console_sessions SET step_up_until = $3, cookie_hash = $4 WHERE id = $1 AND cookie_hash = $2";
    pub const DELETE_SESSION: &str = "DELETE FROM console_sessions WHERE id = $1";
    pub const PURGE_CEREMONIES: &str = "DELETE FROM console_ceremonies WHERE expires_at < $1";
    pub const INSERT_CEREMONY: &str =
        "INSERT INTO console_ceremonies (id, state, expires_at) VALUES ($1, $2, $3)";
    pub const TAKE_CEREMONY: &str =
        "DELETE FROM console_ceremonies WHERE id = $1 RETURNING state, expires_at";
}

pub(crate) fn operators_query() -> String {
    format!("SELECT {OPERATOR_COLUMNS} FROM operators ORDER BY name")
}

pub(crate) fn operator_by_id_query() -> String {
    format!("SELECT {OPERATOR_COLUMNS} FROM operators WHERE id = $1")
}

pub(crate) fn by_enrolment_query() -> String {
    format!("SELECT {OPERATOR_COLUMNS} FROM operators WHERE enrolment_hash = $1 AND enrolment_expires_at > $2")
}

pub(crate) fn passkey_query() -> String {
    format!("SELECT {PASSKEY_COLUMNS} FROM operator_passkeys WHERE credential_id = $1")
}

pub(crate) fn seen_session_query() -> String {
    format!(
        "UPDATE console_sessions SET last_seen_at = $1 \
         WHERE cookie_hash = $2 AND expires_at > $1 AND last_seen_at > $3 \
         RETURNING {SESSION_COLUMNS}"
    )
}

pub(crate) fn find_users_query() -> String {
    format!(
        "SELECT {USER_COLUMNS} FROM users \
         WHERE external_id = $1 OR (CAST($2 AS TEXT) IS NOT NULL AND lower(email) = lower($2)) \
         OR (CAST($3 AS TEXT) IS NOT NULL AND phone = $3) \
         ORDER BY external_id, service_id LIMIT $4"
    )
}

#[async_trait]
impl OperatorStore for PgStore {
    async fn insert_operator(
        &self,
        o: &Operator,
        enrolment_hash: &str,
        expires_at: Timestamp,
    ) -> Result<()> {
        sqlx::query(statements::INSERT_OPERATOR)
            .bind(&o.id)
            .bind(&o.name)
            .bind(o.role.as_str())
            .bind(o.created_at.millis())
            .bind(enrolment_hash)
            .bind(expires_at.millis())
            .execute(self.writes())
            .await
            .map_err(crate::sql::conflict_on_unique)?;
        Ok(())
    }

    async fn operators(&self) -> Result<Vec<Operator>> {
        let all = sqlx::query(&operators_query())
            .fetch_all(self.reads())
            .await?;
        all.iter().map(operator).collect()
    }

    async fn delete_operator(&self, name: &str) -> Result<bool> {
        let deleted = sqlx::query(statements::DELETE_OPERATOR)
            .bind(name)
            .execute(self.writes())
            .await?
            .rows_affected();
        Ok(deleted == 1)
    }

    async fn operator_by_enrolment(
        &self,
        enrolment_hash: &str,
        now: Timestamp,
    ) -> Result<Option<Operator>> {
        let row = sqlx::query(&by_enrolment_query())
            .bind(enrolment_hash)
            .bind(now.millis())
            .fetch_optional(self.reads())
            .await?;
        row.as_ref().map(operator).transpose()
    }

    async fn enrol_operator(
        &self,
        enrolment_hash: &str,
        now: Timestamp,
        p: &OperatorPasskey,
        s: &ConsoleSession,
        cookie_hash: &str,
    ) -> Result<bool> {
        let mut tx = self.writes().begin().await?;
        let spent: Option<(String,)> = sqlx::query_as(statements::SPEND_ENROLMENT)
            .bind(enrolment_hash)
            .bind(now.millis())
            .fetch_optional(&mut *tx)
            .await?;
        if spent.as_ref().map(|(id,)| id) != Some(&p.operator_id) {
            return Ok(false);
        }
        sqlx::query(statements::INSERT_PASSKEY)
            .bind(&p.credential_id)
            .bind(&p.operator_id)
            .bind(p.passkey.to_string())
            .bind(p.created_at.millis())
            .bind(p.last_used_at.map(Timestamp::millis))
            .execute(&mut *tx)
            .await
            .map_err(crate::sql::conflict_on_unique)?;
        insert_session_pg(&mut tx, s, cookie_hash).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn operator_passkey(&self, credential_id: &str) -> Result<Option<OperatorPasskey>> {
        let row = sqlx::query(&passkey_query())
            .bind(credential_id)
            .fetch_optional(self.reads())
            .await?;
        row.as_ref().map(passkey).transpose()
    }

    async fn sign_in_operator(
        &self,
        p: &OperatorPasskey,
        s: &ConsoleSession,
        cookie_hash: &str,
    ) -> Result<Option<Operator>> {
        let mut tx = self.writes().begin().await?;
        let updated = update_passkey_pg(&mut tx, p).await?;
        sqlx::query(statements::SIGNED_IN)
            .bind(&p.operator_id)
            .bind(s.created_at.millis())
            .execute(&mut *tx)
            .await?;
        let found = sqlx::query(&operator_by_id_query())
            .bind(&p.operator_id)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(found) = found.filter(|_| updated) else {
            return Ok(None);
        };
        insert_session_pg(&mut tx, s, cookie_hash).await?;
        tx.commit().await?;
        Ok(Some(operator(&found)?))
    }

    async fn console_session(
        &self,
        cookie_hash: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> Result<Option<(ConsoleSession, Operator)>> {
        let mut tx = self.writes().begin().await?;
        let row = sqlx::query(&seen_session_query())
            .bind(now.millis())
            .bind(cookie_hash)
            .bind(idle_cutoff.millis())
            .fetch_optional(&mut *tx)
            .await?;
        let Some(s) = row.as_ref().map(session).transpose()? else {
            return Ok(None);
        };
        let o = sqlx::query(&operator_by_id_query())
            .bind(&s.operator_id)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some((s, operator(&o)?)))
    }

    async fn step_up_console_session(
        &self,
        session_id: &str,
        cookie_hash: &str,
        new_cookie_hash: &str,
        until: Timestamp,
        p: &OperatorPasskey,
    ) -> Result<bool> {
        let mut tx = self.writes().begin().await?;
        let stepped = sqlx::query(statements::STEP_UP)
            .bind(session_id)
            .bind(cookie_hash)
            .bind(until.millis())
            .bind(new_cookie_hash)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if !stepped || !update_passkey_pg(&mut tx, p).await? {
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn delete_console_session(&self, session_id: &str) -> Result<()> {
        sqlx::query(statements::DELETE_SESSION)
            .bind(session_id)
            .execute(self.writes())
            .await?;
        Ok(())
    }

    async fn insert_console_ceremony(
        &self,
        id: &str,
        state: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<()> {
        let mut tx = self.writes().begin().await?;
        sqlx::query(statements::PURGE_CEREMONIES)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
        sqlx::query(statements::INSERT_CEREMONY)
            .bind(id)
            .bind(state)
            .bind(expires_at.millis())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn take_console_ceremony(&self, id: &str, now: Timestamp) -> Result<Option<String>> {
        let row: Option<(String, i64)> = sqlx::query_as(statements::TAKE_CEREMONY)
            .bind(id)
            .fetch_optional(self.writes())
            .await?;
        Ok(row
            .filter(|(_, expires)| *expires > now.millis())
            .map(|(state, _)| state))
    }

    async fn find_users(&self, lookup: UserLookup<'_>, limit: u32) -> Result<Vec<User>> {
        let all = sqlx::query(&find_users_query())
            .bind(lookup.user_id)
            .bind(lookup.email)
            .bind(lookup.phone)
            .bind(i64::from(limit))
            .fetch_all(self.reads())
            .await?;
        all.iter().map(rows::user).collect()
    }
}

async fn insert_session_pg(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    s: &ConsoleSession,
    cookie_hash: &str,
) -> Result<()> {
    sqlx::query(statements::PURGE_SESSIONS)
        .bind(s.created_at.millis())
        .execute(&mut **tx)
        .await?;
    sqlx::query(statements::INSERT_SESSION)
        .bind(&s.id)
        .bind(&s.operator_id)
        .bind(cookie_hash)
        .bind(s.created_at.millis())
        .bind(s.expires_at.millis())
        .bind(s.last_seen_at.millis())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Whether the passkey was still there to update.
async fn update_passkey_pg(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    p: &OperatorPasskey,
) -> Result<bool> {
    Ok(sqlx::query(statements::UPDATE_PASSKEY)
        .bind(&p.credential_id)
        .bind(p.passkey.to_string())
        .bind(p.last_used_at.map(Timestamp::millis))
        .execute(&mut **tx)
        .await?
        .rows_affected()
        == 1)
}
