//! Per-user lockout: consecutive failures across all of a user's challenges.
//! Attempts per challenge stop one guesser; this stops a guesser who opens a
//! new challenge every five tries.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct LockoutPolicy {
    /// Every this many consecutive failures, the user is locked for `lock_seconds`.
    pub threshold: u32,
    pub lock_seconds: u32,
    /// After this many consecutive failures the user stays locked until an
    /// operator unlocks them. NIST SP 800-63B allows at most 100.
    pub hard_limit: u32,
}

impl Default for LockoutPolicy {
    fn default() -> Self {
        LockoutPolicy {
            threshold: 10,
            lock_seconds: 15 * 60,
            hard_limit: 100,
        }
    }
}

/// A lock with no end, until an operator lifts it.
pub const LOCKED_FOR_GOOD: Timestamp = Timestamp(i64::MAX / 2);

impl LockoutPolicy {
    /// The lock, if any, that the `failures`-th consecutive failure starts.
    pub fn lock_after(&self, failures: u32, now: Timestamp) -> Option<Timestamp> {
        if failures >= self.hard_limit.min(100) {
            Some(LOCKED_FOR_GOOD)
        } else if self.threshold > 0 && failures > 0 && failures.is_multiple_of(self.threshold) {
            Some(now.plus(std::time::Duration::from_secs(u64::from(self.lock_seconds))))
        } else {
            None
        }
    }
}

/// Whether a lock ending at `locked_until` still holds at `now`.
pub fn is_locked(locked_until: Option<Timestamp>, now: Timestamp) -> bool {
    locked_until.is_some_and(|until| now < until)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tenth_failure_locks_for_fifteen_minutes() {
        let p = LockoutPolicy::default();
        let now = Timestamp(1_000_000);
        for f in 1..10 {
            assert_eq!(p.lock_after(f, now), None);
        }
        assert_eq!(p.lock_after(10, now), Some(Timestamp(1_000_000 + 900_000)));
        assert_eq!(p.lock_after(11, now), None);
        assert_eq!(p.lock_after(20, now), Some(Timestamp(1_000_000 + 900_000)));
    }

    #[test]
    fn never_more_than_a_hundred_failures() {
        let lenient = LockoutPolicy {
            threshold: 0,
            lock_seconds: 0,
            hard_limit: 1000,
        };
        assert_eq!(lenient.lock_after(99, Timestamp(0)), None);
        assert_eq!(lenient.lock_after(100, Timestamp(0)), Some(LOCKED_FOR_GOOD));
    }

    #[test]
    fn locks_expire() {
        assert!(is_locked(Some(Timestamp(10)), Timestamp(9)));
        assert!(!is_locked(Some(Timestamp(10)), Timestamp(10)));
        assert!(!is_locked(None, Timestamp(10)));
    }
}
