//! Per-user lockout: consecutive failures across all of a user's challenges.
//! Attempts per challenge stop one guesser; this stops a guesser who opens a
//! new challenge every five tries.
//!
//! Every failure counts toward the temporary lock. Only failures on
//! challenges the integrator opened with its service key ("keyed") count
//! toward the permanent lock: a support join's challenge is opened by a
//! customer without a key, so whoever got hold of an appointment code can
//! slow the account down but never lock it for good. Only wrong answers
//! count: a repeat of a right answer is refused without counting (the
//! challenge is closed, or the method already met).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct LockoutPolicy {
    /// Every this many consecutive failures, the user is locked for `lock_seconds`.
    pub threshold: u32,
    pub lock_seconds: u32,
    /// After this many consecutive keyed failures (see the module's
    /// comment) the user stays locked until an operator unlocks them. NIST
    /// SP 800-63B allows at most 100.
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

/// A user's consecutive failures since their last approval: all of them,
/// and those on challenges the integrator opened (never more than `all`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Failures {
    pub all: u32,
    pub keyed: u32,
}

/// A lock with no end, until an operator lifts it.
pub const LOCKED_FOR_GOOD: Timestamp = Timestamp(i64::MAX / 2);

impl LockoutPolicy {
    /// The lock, if any, that a failure bringing the count to `failures`
    /// starts.
    pub fn lock_after(&self, failures: Failures, now: Timestamp) -> Option<Timestamp> {
        let Failures { all, keyed } = failures;
        if keyed >= self.hard_limit.min(100) {
            Some(LOCKED_FOR_GOOD)
        } else if self.threshold > 0 && all > 0 && all.is_multiple_of(self.threshold) {
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

    /// `n` failures, all keyed.
    fn keyed(n: u32) -> Failures {
        Failures { all: n, keyed: n }
    }

    #[test]
    fn every_tenth_failure_locks_for_fifteen_minutes() {
        let p = LockoutPolicy::default();
        let now = Timestamp(1_000_000);
        for f in 1..10 {
            assert_eq!(p.lock_after(keyed(f), now), None);
        }
        assert_eq!(
            p.lock_after(keyed(10), now),
            Some(Timestamp(1_000_000 + 900_000))
        );
        assert_eq!(p.lock_after(keyed(11), now), None);
        assert_eq!(
            p.lock_after(keyed(20), now),
            Some(Timestamp(1_000_000 + 900_000))
        );
        // Failures without the key lock for a while just the same.
        let keyless = Failures { all: 30, keyed: 0 };
        assert_eq!(
            p.lock_after(keyless, now),
            Some(Timestamp(1_000_000 + 900_000))
        );
    }

    #[test]
    fn only_keyed_failures_lock_for_good() {
        let p = LockoutPolicy::default();
        let now = Timestamp(0);
        assert_eq!(p.lock_after(keyed(100), now), Some(LOCKED_FOR_GOOD));
        for all in [100, 101, 1000] {
            let mostly_keyless = Failures { all, keyed: 99 };
            assert_ne!(p.lock_after(mostly_keyless, now), Some(LOCKED_FOR_GOOD));
        }
        let some_keyless = Failures {
            all: 150,
            keyed: 100,
        };
        assert_eq!(p.lock_after(some_keyless, now), Some(LOCKED_FOR_GOOD));
    }

    #[test]
    fn never_more_than_a_hundred_failures() {
        let lenient = LockoutPolicy {
            threshold: 0,
            lock_seconds: 0,
            hard_limit: 1000,
        };
        assert_eq!(lenient.lock_after(keyed(99), Timestamp(0)), None);
        assert_eq!(
            lenient.lock_after(keyed(100), Timestamp(0)),
            Some(LOCKED_FOR_GOOD)
        );
    }

    #[test]
    fn locks_expire() {
        assert!(is_locked(Some(Timestamp(10)), Timestamp(9)));
        assert!(!is_locked(Some(Timestamp(10)), Timestamp(10)));
        assert!(!is_locked(None, Timestamp(10)));
    }
}
