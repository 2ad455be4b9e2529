//! [`DashboardStore`] on SQLite: the same queries as PostgreSQL's
//! (`crate::dashboard`), as reads.

use async_trait::async_trait;
use countersign_core::dashboard::{DeliveryCount, PhoneSends, ProviderTime, RuleRefusals};
use countersign_core::Timestamp;

use super::engine::all;
use super::SqliteStore;
use crate::dashboard::{
    delivery_count, delivery_counts_query, phone_sends, provider_time, rule_refusals,
    send_refusals_query, DashboardStore, DAY_MS, PHONE_SENDS, PROVIDER_TIMES,
};
use crate::Result;

#[async_trait]
impl DashboardStore for SqliteStore {
    async fn delivery_counts(
        &self,
        since: Timestamp,
        bucket_ms: i64,
    ) -> Result<Vec<DeliveryCount>> {
        self.db
            .read(move |c| {
                all(
                    c,
                    &delivery_counts_query(),
                    &[&since.millis(), &bucket_ms],
                    |r| delivery_count(r),
                )
            })
            .await
    }

    async fn provider_times(&self, since: Timestamp) -> Result<Vec<ProviderTime>> {
        self.db
            .read(move |c| all(c, PROVIDER_TIMES, &[&since.millis()], |r| provider_time(r)))
            .await
    }

    async fn send_refusals(&self, since: Timestamp) -> Result<Vec<RuleRefusals>> {
        let rules = self
            .db
            .read(move |c| {
                all(
                    c,
                    &send_refusals_query("json_extract(detail, '$.limit')"),
                    &[&since.millis()],
                    |r| rule_refusals(r),
                )
            })
            .await?;
        Ok(rules.into_iter().flatten().collect())
    }

    async fn phone_sends(&self, since: Timestamp) -> Result<Vec<PhoneSends>> {
        self.db
            .read(move |c| {
                all(c, PHONE_SENDS, &[&since.millis(), &DAY_MS], |r| {
                    phone_sends(r)
                })
            })
            .await
    }
}
