//! How long what is done is kept: ended challenges with their messages,
//! and audit events. Everything else that expires (send counters, device
//! signatures, ceremonies, portal sessions) goes as soon as it has.

use std::time::Duration;

use serde::Deserialize;

use crate::service::MAX_SECURITY_HOLD_SECONDS;
use crate::Timestamp;

/// Rows deleted per table and per transaction: a purge never holds the
/// database (SQLite's one writer, PostgreSQL's row locks) for long.
pub const PURGE_BATCH: u32 = 500;

/// Sent notices and the webhook delivery log are kept this long.
const LOGS_KEPT_DAYS: u32 = 30;

const DAY: u64 = 86_400;

/// The `[retention]` settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Retention {
    /// Days a closed or expired challenge, with its messages, is kept
    /// after it ended.
    pub challenges_days: u32,
    /// Days an audit event is kept; `None`: for ever.
    pub events_days: Option<u32>,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            challenges_days: 30,
            events_days: None,
        }
    }
}

/// What a purge at one instant may delete: rows that ended before these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cutoffs {
    pub now: Timestamp,
    /// Challenges that expired before this and are not held.
    pub challenges: Timestamp,
    /// Held challenges that expired before this: a hold ends at the latest
    /// [`MAX_SECURITY_HOLD_SECONDS`] after the challenge opened, so it is
    /// over and kept as long as any other.
    pub held_challenges: Timestamp,
    /// Sent notices and webhook deliveries last touched before this.
    pub logs: Timestamp,
    /// Events that happened before this, if events are pruned at all.
    pub events: Option<Timestamp>,
}

impl Retention {
    pub fn cutoffs(&self, now: Timestamp) -> Cutoffs {
        let before = |days: u32| now.minus(Duration::from_secs(u64::from(days) * DAY));
        let challenges = before(self.challenges_days);
        Cutoffs {
            now,
            challenges,
            held_challenges: challenges
                .minus(Duration::from_secs(u64::from(MAX_SECURITY_HOLD_SECONDS))),
            logs: before(LOGS_KEPT_DAYS),
            events: self.events_days.map(before),
        }
    }

    /// Why the settings cannot be used, if they cannot.
    pub fn check(&self) -> Result<(), String> {
        if self.challenges_days == 0 || self.events_days == Some(0) {
            return Err("retention.challenges_days and retention.events_days: expected at least 1 (leave events_days out to keep events for ever)".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutoffs_count_back_from_now() {
        let now = Timestamp(1_900_000_000_000);
        let day = 86_400_000;
        let c = Retention {
            challenges_days: 30,
            events_days: Some(400),
        }
        .cutoffs(now);
        assert_eq!(c.challenges, Timestamp(now.0 - 30 * day));
        assert_eq!(c.held_challenges, Timestamp(now.0 - 37 * day));
        assert_eq!(c.events, Some(Timestamp(now.0 - 400 * day)));
        assert_eq!(Retention::default().cutoffs(now).events, None);
        assert!(Retention::default().check().is_ok());
        let never = Retention {
            events_days: Some(0),
            ..Retention::default()
        };
        assert!(never.check().is_err());
    }
}
