//! Retrying work that must happen at least once (security notices, webhook
//! deliveries) after the request that caused it has returned.

use std::time::Duration;

/// Give up after this many attempts: about a day and a half of trying.
pub const MAX_ATTEMPTS: u32 = 40;

/// How long a worker owns a claimed row before another may take it over
/// (the first worker died or stalled).
pub const LEASE: Duration = Duration::from_secs(60);

/// The wait after the `attempts`-th failure: 5 s, doubling, at most an hour,
/// so that a receiver that was down for minutes is retried within minutes
/// and one down for hours is not hammered.
pub fn backoff(attempts: u32) -> Duration {
    let doublings = attempts.saturating_sub(1).min(20);
    Duration::from_secs(5u64 << doublings).min(Duration::from_secs(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_then_caps_at_an_hour() {
        let waits: Vec<u64> = (1..=12).map(|n| backoff(n).as_secs()).collect();
        assert_eq!(
            waits,
            [5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600]
        );
        assert_eq!(backoff(u32::MAX).as_secs(), 3600);
        let total: u64 = (1..MAX_ATTEMPTS).map(|n| backoff(n).as_secs()).sum();
        assert!(
            total > 24 * 3600,
            "keeps trying for more than a day: {total}"
        );
    }
}
