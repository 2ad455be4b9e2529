//! Reading rows the same way from both engines.

use countersign_core::audit::ChainLink;
use countersign_core::challenge::Challenge;
use countersign_core::event::{Event, Personal};
use countersign_core::factor::{Factor, FactorStatus, FactorType};
use countersign_core::help::{Article, Category};
use countersign_core::ids::{
    ApiKeyId, ChallengeId, FactorId, MessageId, ServiceId, UserId, UserKey, WebhookId,
};
use countersign_core::message::{DeliveryStatus, MessageRecord};
use countersign_core::policy::Channel;
use countersign_core::portal::{Pending, PortalSession};
use countersign_core::service::{ApiKey, Service};
use countersign_core::support::Appointment;
use countersign_core::user::User;
use countersign_core::webhook::ServiceWebhook;
use countersign_core::Timestamp;

use crate::{Erasure, NoticeRecord, Result, StoreError, WebhookDelivery};

/// The column reads this crate needs, for SQLite and PostgreSQL rows alike.
pub(crate) trait SqlRow {
    fn text(&self, col: &str) -> Result<String>;
    fn opt_text(&self, col: &str) -> Result<Option<String>>;
    fn int(&self, col: &str) -> Result<i64>;
    fn opt_int(&self, col: &str) -> Result<Option<i64>>;
    fn flag(&self, col: &str) -> Result<bool>;
}

macro_rules! impl_sql_row {
    ($row:ty) => {
        impl SqlRow for $row {
            fn text(&self, col: &str) -> Result<String> {
                Ok(sqlx::Row::try_get(self, col)?)
            }
            fn opt_text(&self, col: &str) -> Result<Option<String>> {
                Ok(sqlx::Row::try_get(self, col)?)
            }
            fn int(&self, col: &str) -> Result<i64> {
                Ok(sqlx::Row::try_get(self, col)?)
            }
            fn opt_int(&self, col: &str) -> Result<Option<i64>> {
                Ok(sqlx::Row::try_get(self, col)?)
            }
            fn flag(&self, col: &str) -> Result<bool> {
                Ok(sqlx::Row::try_get(self, col)?)
            }
        }
    };
}
impl_sql_row!(sqlx::postgres::PgRow);

fn json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

pub(crate) fn api_key(row: &impl SqlRow) -> Result<ApiKey> {
    Ok(ApiKey {
        id: ApiKeyId::from_trusted(row.text("id")?),
        service_id: ServiceId::from_trusted(row.text("service_id")?),
        prefix: row.text("prefix")?,
        created_at: Timestamp(row.int("created_at")?),
        last_used_at: row.opt_int("last_used_at")?.map(Timestamp),
    })
}

pub(crate) fn service(row: &impl SqlRow) -> Result<Service> {
    Ok(Service {
        id: ServiceId::from_trusted(row.text("id")?),
        name: row.text("name")?,
        created_at: Timestamp(row.int("created_at")?),
        settings: json("service settings", &row.text("settings")?)?,
    })
}

pub(crate) fn article(row: &impl SqlRow) -> Result<Article> {
    let category = row.text("category")?;
    Ok(Article {
        slug: row.text("slug")?,
        locale: row.text("locale")?,
        title: row.text("title")?,
        category: Category::parse(&category)
            .map_err(|e| StoreError::Corrupt(format!("help article: {e}")))?,
        body: row.text("body")?,
        published_at: row.opt_int("published_at")?.map(Timestamp),
        updated_at: Timestamp(row.int("updated_at")?),
        views: u64::try_from(row.int("views")?).unwrap_or(0),
    })
}

pub(crate) fn user(row: &impl SqlRow) -> Result<User> {
    Ok(User {
        id: UserKey::from_trusted(row.text("id")?),
        service_id: ServiceId::from_trusted(row.text("service_id")?),
        user_id: UserId::from_trusted(row.text("external_id")?),
        email: row.opt_text("email")?,
        phone: row.opt_text("phone")?,
        email_verified: row.flag("email_verified")?,
        phone_verified: row.flag("phone_verified")?,
        locale: row.opt_text("locale")?,
        display_name: row.opt_text("display_name")?,
        created_at: Timestamp(row.int("created_at")?),
        updated_at: Timestamp(row.int("updated_at")?),
        failed_attempts: u32::try_from(row.int("failed_attempts")?).unwrap_or(u32::MAX),
        locked_until: row.opt_int("locked_until")?.map(Timestamp),
        security_hold_until: row.opt_int("security_hold_until")?.map(Timestamp),
    })
}

pub(crate) fn challenge(row: &impl SqlRow) -> Result<Challenge> {
    let mut c: Challenge = json("challenge state", &row.text("state")?)?;
    c.version = row.int("version")?;
    Ok(c)
}

pub(crate) fn message(row: &impl SqlRow) -> Result<MessageRecord> {
    let channel: Channel = json("message channel", &format!("\"{}\"", row.text("channel")?))?;
    let status = row.text("status")?;
    Ok(MessageRecord {
        id: MessageId::from_trusted(row.text("id")?),
        challenge_id: ChallengeId::from_trusted(row.text("challenge_id")?),
        channel,
        to: row.text("destination")?,
        status: DeliveryStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("message status {status:?}")))?,
        provider_ref: row.opt_text("provider_ref")?,
        attempts: u32::try_from(row.int("attempts")?).unwrap_or(u32::MAX),
        error: row.opt_text("error")?,
        created_at: Timestamp(row.int("created_at")?),
        updated_at: Timestamp(row.int("updated_at")?),
    })
}

pub(crate) fn event(row: &impl SqlRow) -> Result<Event> {
    Ok(Event {
        id: row.text("id")?,
        service_id: row.text("service_id")?,
        user_id: row.opt_text("user_id")?,
        kind: row.text("kind")?,
        at: Timestamp(row.int("at")?),
        ip: row.opt_text("ip")?,
        detail: json("event detail", &row.text("detail")?)?,
        personal: Personal::from_columns(
            row.opt_text("personal_salt")?,
            row.opt_text("personal_digest")?,
        ),
    })
}

pub(crate) fn service_webhook(row: &impl SqlRow) -> Result<ServiceWebhook> {
    Ok(ServiceWebhook {
        id: WebhookId::from_trusted(row.text("id")?),
        service_id: ServiceId::from_trusted(row.text("service_id")?),
        url: row.text("url")?,
        events: json("webhook events", &row.text("events")?)?,
        created_at: Timestamp(row.int("created_at")?),
    })
}

pub(crate) fn erasure(row: &impl SqlRow) -> Result<Erasure> {
    Ok(Erasure {
        service_id: row.text("service_id")?,
        user_id: row.text("user_id")?,
        up_to_seq: row.int("up_to_seq")?,
        requested_at: Timestamp(row.int("requested_at")?),
    })
}

/// An event with its place in the chain ([`crate::sql::CHAINED_EVENT_COLUMNS`]).
pub(crate) fn chained_event(row: &impl SqlRow) -> Result<(Event, ChainLink)> {
    Ok((
        event(row)?,
        ChainLink {
            chain_seq: row.int("chain_seq")?,
            prev_hash: row.text("prev_hash")?,
            hash: row.text("hash")?,
        },
    ))
}

pub(crate) fn factor(row: &impl SqlRow) -> Result<Factor> {
    let kind = row.text("kind")?;
    let status = row.text("status")?;
    let params = row.opt_text("params")?;
    let kind = FactorType::parse(&kind)
        .ok_or_else(|| StoreError::Corrupt(format!("factor kind {kind:?}")))?;
    Ok(Factor {
        id: FactorId::from_trusted(row.text("id")?),
        service_id: ServiceId::from_trusted(row.text("service_id")?),
        user_pk: UserKey::from_trusted(row.text("user_pk")?),
        kind,
        status: FactorStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("factor status {status:?}")))?,
        label: row.opt_text("label")?,
        otp: params
            .as_deref()
            .filter(|_| matches!(kind, FactorType::Totp | FactorType::Hotp))
            .map(|p| json("factor params", p))
            .transpose()?,
        device: params
            .as_deref()
            .filter(|_| kind == FactorType::Device)
            .map(|p| json("device params", p))
            .transpose()?,
        webauthn: params
            .as_deref()
            .filter(|_| kind == FactorType::Webauthn)
            .map(|p| json("webauthn params", p))
            .transpose()?,
        sealed_secret: row.opt_text("secret")?,
        seed_fingerprint: None,
        moving_factor: u64::try_from(row.int("moving_factor")?).unwrap_or(0),
        codes_left: (kind == FactorType::RecoveryCodes)
            .then(|| row.int("codes_left"))
            .transpose()?
            .map(|n| u32::try_from(n).unwrap_or(0)),
        created_at: Timestamp(row.int("created_at")?),
        last_used_at: row.opt_int("last_used_at")?.map(Timestamp),
    })
}

pub(crate) fn appointment(row: &impl SqlRow) -> Result<Appointment> {
    let mut a: Appointment = json("appointment state", &row.text("state")?)?;
    a.version = row.int("version")?;
    Ok(a)
}

pub(crate) fn notice(row: &impl SqlRow) -> Result<NoticeRecord> {
    Ok(NoticeRecord {
        id: row.text("id")?,
        service_id: ServiceId::from_trusted(row.text("service_id")?),
        user_pk: row.opt_text("user_pk")?.map(UserKey::from_trusted),
        channel: json("notice channel", &format!("\"{}\"", row.text("channel")?))?,
        to: row.text("destination")?,
        locale: row.opt_text("locale")?,
        content: json("notice content", &row.text("content")?)?,
        attempts: u32::try_from(row.int("attempts")?).unwrap_or(u32::MAX),
    })
}

pub(crate) fn webhook_delivery(row: &impl SqlRow) -> Result<WebhookDelivery> {
    Ok(WebhookDelivery {
        id: row.text("id")?,
        endpoint: row.text("endpoint")?,
        service_id: row.text("service_id")?,
        event_id: row.text("event_id")?,
        attempt: u32::try_from(row.int("attempt")?).unwrap_or(u32::MAX),
        status_code: row
            .opt_int("status_code")?
            .and_then(|c| u16::try_from(c).ok()),
        error: row.opt_text("error")?,
        at: Timestamp(row.int("at")?),
    })
}

pub(crate) fn portal_session(row: &impl SqlRow) -> Result<PortalSession> {
    Ok(PortalSession {
        id: row.text("id")?,
        service_id: ServiceId::from_trusted(row.text("service_id")?),
        user_pk: UserKey::from_trusted(row.text("user_pk")?),
        created_at: Timestamp(row.int("created_at")?),
        expires_at: Timestamp(row.int("expires_at")?),
        link_expires_at: Timestamp(row.int("link_expires_at")?),
        last_seen_at: Timestamp(row.int("last_seen_at")?),
        return_url: row.opt_text("return_url")?,
        locale: row.opt_text("locale")?,
        step_up_challenge: row.opt_text("step_up_challenge")?,
        step_up_until: row.opt_int("step_up_until")?.map(Timestamp),
        pending: row
            .opt_text("pending_action")?
            .as_deref()
            .map(|stored| {
                Pending::decode(stored)
                    .ok_or_else(|| StoreError::Corrupt(format!("pending action {stored:?}")))
            })
            .transpose()?,
        user_agent: row.opt_text("user_agent")?,
        ip: row.opt_text("ip")?,
    })
}
