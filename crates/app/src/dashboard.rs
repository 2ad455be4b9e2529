//! The console's delivery and toll-fraud dashboard: messages sent and
//! failed per channel and country, hour by hour over two days and day by
//! day over thirty; how long providers took to answer and to report
//! delivery; sends refused by each limit; each service's SMS and calls
//! against the daily budget. Read-only: an admin's or an auditor's.
//!
//! It counts what the database keeps: messages live as long as their
//! challenge (`[retention] challenges_days`), so days older than that show
//! nothing.

use countersign_core::dashboard::{
    budget_use, deliveries, refusals_by_rule, BudgetUse, Deliveries, ProviderTime, DAYS, HOURS,
};
use countersign_core::limits::Scope;
use countersign_core::operator::{check, Action};
use countersign_core::Timestamp;

use crate::console::Console;
use crate::{App, AppError, AppResult};

/// What the dashboard shows at one instant.
pub struct Dashboard {
    /// The last 48 hours, by hour.
    pub hours: Deliveries,
    /// The last 30 days, by day.
    pub days: Deliveries,
    /// Refused sends per limit in the last 48 hours and 30 days.
    pub refusals_hours: Vec<(Scope, u64)>,
    pub refusals_days: Vec<(Scope, u64)>,
    /// Messages of the last 30 days left `sent` or `delivered`.
    pub provider_times: Vec<ProviderTime>,
    /// `[limits] daily_phone_budget`.
    pub daily_budget: u32,
    /// Each service that sent SMS or calls in the last 30 days (by name).
    pub budget_use: Vec<(String, BudgetUse)>,
}

impl App {
    /// The dashboard at `now`, if the operator's role may see it.
    pub async fn console_dashboard(&self, c: &Console, now: Timestamp) -> AppResult<Dashboard> {
        check(&c.operator, &c.session, Action::SeeDashboard, now).map_err(AppError::Console)?;
        let store = self.store.as_ref();
        let hourly = store
            .delivery_counts(HOURS.start(now), HOURS.bucket_ms)
            .await?;
        let daily = store
            .delivery_counts(DAYS.start(now), DAYS.bucket_ms)
            .await?;
        let mut provider_times = store.provider_times(DAYS.start(now)).await?;
        provider_times.sort_by_key(|t| (t.channel.as_str(), t.status.as_str()));
        let services = store.services().await?;
        let used = budget_use(now, &store.phone_sends(DAYS.start(now)).await?)
            .into_iter()
            .map(|used| {
                let name = services
                    .iter()
                    .find(|s| s.id.as_str() == used.service_id)
                    .map_or_else(|| used.service_id.clone(), |s| s.name.clone());
                (name, used)
            })
            .collect();
        Ok(Dashboard {
            hours: deliveries(HOURS, now, &hourly),
            days: deliveries(DAYS, now, &daily),
            refusals_hours: refusals_by_rule(&store.send_refusals(HOURS.start(now)).await?),
            refusals_days: refusals_by_rule(&store.send_refusals(DAYS.start(now)).await?),
            provider_times,
            daily_budget: self.config.limits.daily_phone_budget,
            budget_use: used,
        })
    }
}
