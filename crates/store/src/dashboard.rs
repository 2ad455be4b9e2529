//! The console dashboard's counts ([`countersign_core::dashboard`]): reads
//! that group messages and refusal events by time bucket in the database,
//! so that a page shows months of traffic without loading it. Its own
//! trait (every [`crate::Store`] is one), with the PostgreSQL
//! implementation here and SQLite's in `sqlite/dashboard.rs`.

use async_trait::async_trait;
use countersign_core::dashboard::{DeliveryCount, PhoneSends, ProviderTime, RuleRefusals, DAYS};
use countersign_core::message::DeliveryStatus;
use countersign_core::policy::Channel;
use countersign_core::Timestamp;

use crate::rows::SqlRow;
use crate::{PgStore, Result, StoreError};

#[async_trait]
pub trait DashboardStore: Send + Sync {
    /// Messages created since `since`, counted per bucket of `bucket_ms`
    /// (counted from the epoch: whole UTC hours and days), channel and
    /// country calling code.
    async fn delivery_counts(&self, since: Timestamp, bucket_ms: i64)
        -> Result<Vec<DeliveryCount>>;
    /// How long the messages created since `since` took to reach their
    /// last status, for those left `sent` or `delivered`.
    async fn provider_times(&self, since: Timestamp) -> Result<Vec<ProviderTime>>;
    /// Sends refused by a limit since `since` (`challenge.send_refused`
    /// events), per limit.
    async fn send_refusals(&self, since: Timestamp) -> Result<Vec<RuleRefusals>>;
    /// SMS and calls created since `since`, per service and UTC day.
    async fn phone_sends(&self, since: Timestamp) -> Result<Vec<PhoneSends>>;
}

/// The country calling code of a message's destination. Destinations are
/// kept masked, but a phone number's mask keeps its calling code
/// (`contact::mask_phone`: "+33 6 •• •• •• 89"): the digits between the
/// `+` and the first space.
const CALLING_CODE: &str =
    "CASE WHEN channel NOT IN ('sms', 'voice') OR substr(destination, 1, 1) <> '+' THEN NULL \
     WHEN substr(destination, 3, 1) = ' ' THEN substr(destination, 2, 1) \
     WHEN substr(destination, 4, 1) = ' ' THEN substr(destination, 2, 2) \
     WHEN substr(destination, 5, 1) = ' ' THEN substr(destination, 2, 3) END";

pub(crate) fn delivery_counts_query() -> String {
    format!(
        "SELECT bucket, channel, calling_code, COUNT(*) AS sends, \
         SUM(CASE WHEN status IN ('failed', 'undelivered') THEN 1 ELSE 0 END) AS failures \
         FROM (SELECT (created_at / $2) * $2 AS bucket, channel, status, {CALLING_CODE} AS calling_code \
               FROM messages WHERE created_at >= $1) AS m \
         GROUP BY bucket, channel, calling_code"
    )
}

pub(crate) const PROVIDER_TIMES: &str = "SELECT channel, status, COUNT(*) AS messages, \
     CAST(ROUND(AVG(updated_at - created_at)) AS BIGINT) AS average_ms, \
     MAX(updated_at - created_at) AS longest_ms \
     FROM messages WHERE created_at >= $1 AND status IN ('sent', 'delivered') \
     GROUP BY channel, status";

/// Refusals per limit, with `limit_of_detail` the engine's way to read the
/// `limit` of an event's JSON detail.
pub(crate) fn send_refusals_query(limit_of_detail: &str) -> String {
    format!(
        "SELECT {limit_of_detail} AS rule, COUNT(*) AS refusals FROM events \
         WHERE kind = 'challenge.send_refused' AND at >= $1 GROUP BY rule"
    )
}

/// Days are `$2` long: [`DAYS`]' buckets.
pub(crate) const PHONE_SENDS: &str =
    "SELECT c.service_id AS service_id, (m.created_at / $2) * $2 AS day, COUNT(*) AS sends \
     FROM messages m JOIN challenges c ON c.id = m.challenge_id \
     WHERE m.created_at >= $1 AND m.channel IN ('sms', 'voice') GROUP BY c.service_id, day";

pub(crate) const DAY_MS: i64 = DAYS.bucket_ms;

fn count(row: &impl SqlRow, col: &str) -> Result<u64> {
    Ok(row.int(col)?.max(0) as u64)
}

fn channel(row: &impl SqlRow) -> Result<Channel> {
    let text = row.text("channel")?;
    Channel::ALL
        .into_iter()
        .find(|c| c.as_str() == text)
        .ok_or_else(|| StoreError::Corrupt(format!("message channel {text:?}")))
}

pub(crate) fn delivery_count(row: &impl SqlRow) -> Result<DeliveryCount> {
    Ok(DeliveryCount {
        bucket: Timestamp(row.int("bucket")?),
        channel: channel(row)?,
        calling_code: row
            .opt_text("calling_code")?
            .and_then(|code| code.parse().ok()),
        sends: count(row, "sends")?,
        failures: count(row, "failures")?,
    })
}

pub(crate) fn provider_time(row: &impl SqlRow) -> Result<ProviderTime> {
    let status = row.text("status")?;
    Ok(ProviderTime {
        channel: channel(row)?,
        status: DeliveryStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("message status {status:?}")))?,
        messages: count(row, "messages")?,
        average_ms: count(row, "average_ms")?,
        longest_ms: count(row, "longest_ms")?,
    })
}

/// `None` for an event whose detail names no limit.
pub(crate) fn rule_refusals(row: &impl SqlRow) -> Result<Option<RuleRefusals>> {
    let refusals = count(row, "refusals")?;
    Ok(row
        .opt_text("rule")?
        .map(|rule| RuleRefusals { rule, refusals }))
}

pub(crate) fn phone_sends(row: &impl SqlRow) -> Result<PhoneSends> {
    Ok(PhoneSends {
        service_id: row.text("service_id")?,
        day: Timestamp(row.int("day")?),
        sends: count(row, "sends")?,
    })
}

#[async_trait]
impl DashboardStore for PgStore {
    async fn delivery_counts(
        &self,
        since: Timestamp,
        bucket_ms: i64,
    ) -> Result<Vec<DeliveryCount>> {
        let all = sqlx::query(&delivery_counts_query())
            .bind(since.millis())
            .bind(bucket_ms)
            .fetch_all(self.reads())
            .await?;
        all.iter().map(delivery_count).collect()
    }

    async fn provider_times(&self, since: Timestamp) -> Result<Vec<ProviderTime>> {
        let all = sqlx::query(PROVIDER_TIMES)
            .bind(since.millis())
            .fetch_all(self.reads())
            .await?;
        all.iter().map(provider_time).collect()
    }

    async fn send_refusals(&self, since: Timestamp) -> Result<Vec<RuleRefusals>> {
        let all = sqlx::query(&send_refusals_query("CAST(detail AS jsonb) ->> 'limit'"))
            .bind(since.millis())
            .fetch_all(self.reads())
            .await?;
        let rules: Result<Vec<_>> = all.iter().map(rule_refusals).collect();
        Ok(rules?.into_iter().flatten().collect())
    }

    async fn phone_sends(&self, since: Timestamp) -> Result<Vec<PhoneSends>> {
        let all = sqlx::query(PHONE_SENDS)
            .bind(since.millis())
            .bind(DAY_MS)
            .fetch_all(self.reads())
            .await?;
        all.iter().map(phone_sends).collect()
    }
}
