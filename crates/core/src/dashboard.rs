//! The console's delivery and toll-fraud dashboard: what the store counts
//! (messages per time bucket, channel and country calling code; how long
//! providers took to report; sends refused by each limit; SMS and calls
//! per service and day), folded into what the page shows, and the charts'
//! geometry. Buckets are UTC hours and UTC days, the daily budget's own
//! windows.
//!
//! The charts are drawn here as geometry (bars, grid lines, labels, in SVG
//! user units) that a template writes out as inline SVG, coloured by the
//! stylesheet: no chart library, no script, no font to measure text with,
//! and no inline `style` (which the pages' CSP forbids). Each chart's
//! numbers are also the page's table that follows it.

use crate::limits::Scope;
use crate::message::DeliveryStatus;
use crate::policy::Channel;
use crate::Timestamp;

/// A span of time cut into equal buckets, the last of which holds now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub bucket_ms: i64,
    pub buckets: u32,
}

/// The last 48 hours, by hour.
pub const HOURS: Window = Window {
    bucket_ms: 3_600_000,
    buckets: 48,
};
/// The last 30 days, by UTC day.
pub const DAYS: Window = Window {
    bucket_ms: 86_400_000,
    buckets: 30,
};

impl Window {
    /// The start of the bucket that holds `t`.
    pub fn bucket_of(self, t: Timestamp) -> Timestamp {
        Timestamp(t.millis().div_euclid(self.bucket_ms) * self.bucket_ms)
    }

    /// The first bucket's start: what the window counts from.
    pub fn start(self, now: Timestamp) -> Timestamp {
        Timestamp(self.bucket_of(now).millis() - i64::from(self.buckets - 1) * self.bucket_ms)
    }

    /// Every bucket's start, oldest first.
    pub fn bucket_starts(self, now: Timestamp) -> Vec<Timestamp> {
        let start = self.start(now).millis();
        (0..i64::from(self.buckets))
            .map(|i| Timestamp(start + i * self.bucket_ms))
            .collect()
    }

    fn hourly(self) -> bool {
        self.bucket_ms < DAYS.bucket_ms
    }

    /// A bucket as a table names it: "2026-12-01 16:00" by the hour,
    /// "2026-12-01" by the day (UTC).
    pub fn name(self, bucket: Timestamp) -> String {
        let text = bucket.to_rfc3339();
        if self.hourly() {
            format!("{} {}", &text[..10], &text[11..16])
        } else {
            text[..10].to_owned()
        }
    }

    /// A bucket under a chart's bar: "16:00", "12-01".
    pub fn short_name(self, bucket: Timestamp) -> String {
        let text = bucket.to_rfc3339();
        if self.hourly() {
            text[11..16].to_owned()
        } else {
            text[5..10].to_owned()
        }
    }

    /// Every how many bars a label fits under a chart.
    pub fn label_every(self) -> usize {
        if self.hourly() {
            6
        } else {
            5
        }
    }
}

/// Messages created in one bucket, on one channel, to one country calling
/// code (`None` for email), and how many of them failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryCount {
    pub bucket: Timestamp,
    pub channel: Channel,
    pub calling_code: Option<u16>,
    pub sends: u64,
    pub failures: u64,
}

/// The time from a message's creation to the last status it got
/// (`updated_at - created_at`), for the messages of one channel whose last
/// status is `status`: for `sent`, until the provider accepted the message;
/// for `delivered`, until the provider's delivery report came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderTime {
    pub channel: Channel,
    pub status: DeliveryStatus,
    pub messages: u64,
    pub average_ms: u64,
    pub longest_ms: u64,
}

/// Sends refused by one limit (its [`Scope`] name, as the
/// `challenge.send_refused` events record it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRefusals {
    pub rule: String,
    pub refusals: u64,
}

/// SMS and calls one service sent in one UTC day: what its daily budget
/// counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneSends {
    pub service_id: String,
    pub day: Timestamp,
    pub sends: u64,
}

/// Messages sent, and how many of them failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub sends: u64,
    pub failures: u64,
}

impl Tally {
    fn add(&mut self, c: &DeliveryCount) {
        self.sends += c.sends;
        self.failures += c.failures;
    }

    /// The chart's stack: what did not fail, then what did.
    pub fn stack(self) -> Vec<u64> {
        vec![self.sends.saturating_sub(self.failures), self.failures]
    }
}

/// A window's messages: by bucket, by channel, by country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deliveries {
    /// Every bucket, oldest first.
    pub timeline: Vec<(Timestamp, Tally)>,
    /// Every channel.
    pub by_channel: Vec<(Channel, Tally)>,
    /// The calling codes SMS and calls went to, most sends first.
    pub by_country: Vec<(u16, Tally)>,
}

/// Folds the store's counts for `window` at `now`.
pub fn deliveries(window: Window, now: Timestamp, counts: &[DeliveryCount]) -> Deliveries {
    let mut timeline: Vec<(Timestamp, Tally)> = window
        .bucket_starts(now)
        .into_iter()
        .map(|b| (b, Tally::default()))
        .collect();
    let mut by_channel: Vec<(Channel, Tally)> = Channel::ALL
        .into_iter()
        .map(|c| (c, Tally::default()))
        .collect();
    let mut by_country: Vec<(u16, Tally)> = Vec::new();
    for c in counts {
        let Some(slot) = timeline.iter_mut().find(|(b, _)| *b == c.bucket) else {
            continue;
        };
        slot.1.add(c);
        if let Some(channel) = by_channel.iter_mut().find(|(ch, _)| *ch == c.channel) {
            channel.1.add(c);
        }
        if let Some(code) = c.calling_code {
            match by_country.iter_mut().find(|(k, _)| *k == code) {
                Some(country) => country.1.add(c),
                None => {
                    let mut tally = Tally::default();
                    tally.add(c);
                    by_country.push((code, tally));
                }
            }
        }
    }
    by_country.sort_by(|a, b| b.1.sends.cmp(&a.1.sends).then(a.0.cmp(&b.0)));
    Deliveries {
        timeline,
        by_channel,
        by_country,
    }
}

/// Refusals for every limit, none left out.
pub fn refusals_by_rule(rows: &[RuleRefusals]) -> Vec<(Scope, u64)> {
    Scope::ALL
        .into_iter()
        .map(|scope| {
            let n = rows
                .iter()
                .filter(|r| r.rule == scope.as_str())
                .map(|r| r.refusals)
                .sum();
            (scope, n)
        })
        .collect()
}

/// One service's SMS and calls on every day of [`DAYS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetUse {
    pub service_id: String,
    pub days: Vec<(Timestamp, u64)>,
}

/// The services that sent SMS or calls in [`DAYS`] at `now`, by id.
pub fn budget_use(now: Timestamp, rows: &[PhoneSends]) -> Vec<BudgetUse> {
    let mut services: Vec<&str> = rows.iter().map(|r| r.service_id.as_str()).collect();
    services.sort_unstable();
    services.dedup();
    services
        .into_iter()
        .map(|service_id| BudgetUse {
            service_id: service_id.to_owned(),
            days: DAYS
                .bucket_starts(now)
                .into_iter()
                .map(|day| {
                    let sends = rows
                        .iter()
                        .filter(|r| r.service_id == service_id && r.day == day)
                        .map(|r| r.sends)
                        .sum();
                    (day, sends)
                })
                .collect(),
        })
        .collect()
}

/// A bar chart's geometry, in SVG user units (y grows downwards).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarChart {
    pub width: u32,
    pub height: u32,
    /// The plot's left edge (the grid's labels are left of it), right
    /// edge and baseline.
    pub left: u32,
    pub right: u32,
    pub baseline: u32,
    pub bars: Vec<Bar>,
    pub grid: Vec<GridLine>,
    pub labels: Vec<AxisLabel>,
    /// Where a limit's line is drawn (a budget), if the chart has one.
    pub limit: Option<u32>,
}

/// One bar: its parts stacked from the baseline up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub x: u32,
    pub width: u32,
    pub parts: Vec<BarPart>,
}

/// One series' part of a bar (empty parts are left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarPart {
    pub y: u32,
    pub height: u32,
    pub series: usize,
}

/// A horizontal grid line and the value it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridLine {
    pub y: u32,
    pub value: u64,
}

/// A label centred under a bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxisLabel {
    pub x: u32,
    pub text: String,
}

const WIDTH: u32 = 480;
const HEIGHT: u32 = 200;
/// Bars are never wider than this, however few.
const WIDEST_BAR: u32 = 40;
const LEFT: u32 = 56;
const RIGHT: u32 = 8;
const TOP: u32 = 8;
const BOTTOM: u32 = 24;

/// The smallest 1, 2 or 5 times a power of ten at least `v` (and at least
/// 1): the top of a chart's scale.
fn scale_top(v: u64) -> u64 {
    let mut step = 1u64;
    loop {
        for m in [1, 2, 5] {
            if step.saturating_mul(m) >= v {
                return step.saturating_mul(m);
            }
        }
        step = step.saturating_mul(10);
    }
}

impl BarChart {
    /// Stacked bars, one per `(label, values)` (the values bottom-up, one
    /// per series), a label under every `label_every`th bar, and a line at
    /// `limit` if there is one.
    pub fn stacked(
        bars: &[(String, Vec<u64>)],
        label_every: usize,
        limit: Option<u64>,
    ) -> BarChart {
        let tallest = bars
            .iter()
            .map(|(_, values)| values.iter().sum::<u64>())
            .chain(limit)
            .max()
            .unwrap_or(0);
        let top = scale_top(tallest);
        let (plot_width, plot_height) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        let baseline = TOP + plot_height;
        let y = |v: u64| {
            let above = u128::from(v.min(top)) * u128::from(plot_height) / u128::from(top);
            baseline - above as u32
        };
        let n = bars.len().max(1) as u32;
        let slot = plot_width / n;
        let width = (slot * 3 / 4).clamp(1, WIDEST_BAR);
        let mut labels = Vec::new();
        let drawn = bars
            .iter()
            .enumerate()
            .map(|(i, (label, values))| {
                let x = LEFT + i as u32 * plot_width / n + (slot - width) / 2;
                if i.is_multiple_of(label_every.max(1)) {
                    labels.push(AxisLabel {
                        x: x + width / 2,
                        text: label.clone(),
                    });
                }
                let mut below = 0u64;
                let parts = values
                    .iter()
                    .enumerate()
                    .filter_map(|(series, v)| {
                        let (bottom, upto) = (y(below), y(below + v));
                        below += v;
                        (bottom > upto).then_some(BarPart {
                            y: upto,
                            height: bottom - upto,
                            series,
                        })
                    })
                    .collect();
                Bar { x, width, parts }
            })
            .collect();
        let mut marks = vec![0, top];
        if top.is_multiple_of(2) {
            marks.insert(1, top / 2);
        }
        BarChart {
            width: WIDTH,
            height: HEIGHT,
            left: LEFT,
            right: WIDTH - RIGHT,
            baseline,
            bars: drawn,
            grid: marks
                .into_iter()
                .map(|value| GridLine { y: y(value), value })
                .collect(),
            labels,
            limit: limit.map(y),
        }
    }

    /// Where the labels under the bars sit.
    pub fn label_y(&self) -> u32 {
        self.height - 6
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-01T16:30:00Z
    const NOW: Timestamp = Timestamp(1_796_142_600_000);

    fn count(bucket: Timestamp, channel: Channel, code: Option<u16>, sends: u64) -> DeliveryCount {
        DeliveryCount {
            bucket,
            channel,
            calling_code: code,
            sends,
            failures: 1,
        }
    }

    #[test]
    fn windows_are_whole_utc_hours_and_days_ending_with_now() {
        assert_eq!(HOURS.name(HOURS.bucket_of(NOW)), "2026-12-01 16:00");
        assert_eq!(DAYS.name(DAYS.bucket_of(NOW)), "2026-12-01");
        let hours = HOURS.bucket_starts(NOW);
        assert_eq!(hours.len(), 48);
        assert_eq!(hours[0], HOURS.start(NOW));
        assert_eq!(HOURS.name(hours[0]), "2026-11-29 17:00");
        assert_eq!(HOURS.short_name(hours[0]), "17:00");
        let days = DAYS.bucket_starts(NOW);
        assert_eq!(DAYS.name(days[0]), "2026-11-02");
        assert_eq!(DAYS.short_name(days[29]), "12-01");
    }

    #[test]
    fn counts_fold_by_bucket_channel_and_country() {
        let hour = HOURS.bucket_of(NOW);
        let before = Timestamp(hour.millis() - HOURS.bucket_ms);
        let folded = deliveries(
            HOURS,
            NOW,
            &[
                count(hour, Channel::Sms, Some(33), 3),
                count(before, Channel::Voice, Some(33), 2),
                count(hour, Channel::Sms, Some(44), 4),
                count(hour, Channel::Email, None, 5),
                // Outside the window: not counted.
                count(Timestamp(0), Channel::Sms, Some(1), 9),
            ],
        );
        assert_eq!(
            folded.timeline[47].1,
            Tally {
                sends: 12,
                failures: 3
            }
        );
        assert_eq!(folded.timeline[46].1.sends, 2);
        assert_eq!(
            folded.by_channel[0],
            (
                Channel::Sms,
                Tally {
                    sends: 7,
                    failures: 2
                }
            )
        );
        assert_eq!(folded.by_channel[2].1.sends, 5);
        let countries: Vec<_> = folded
            .by_country
            .iter()
            .map(|(c, t)| (*c, t.sends))
            .collect();
        assert_eq!(countries, [(33, 5), (44, 4)]);
        assert_eq!(
            Tally {
                sends: 5,
                failures: 2
            }
            .stack(),
            [3, 2]
        );
    }

    #[test]
    fn every_limit_and_every_day_is_shown() {
        let rules = refusals_by_rule(&[RuleRefusals {
            rule: "country".into(),
            refusals: 2,
        }]);
        assert_eq!(rules.len(), Scope::ALL.len());
        assert!(rules.contains(&(Scope::Country, 2)) && rules.contains(&(Scope::Ip, 0)));
        let today = DAYS.bucket_of(NOW);
        let used = budget_use(
            NOW,
            &[PhoneSends {
                service_id: "svc_1".into(),
                day: today,
                sends: 3,
            }],
        );
        assert_eq!(used.len(), 1);
        assert_eq!(used[0].days.len(), 30);
        assert_eq!(used[0].days[29], (today, 3));
    }

    #[test]
    fn bars_are_stacked_to_scale() {
        let chart = BarChart::stacked(
            &[("a".into(), vec![6, 4]), ("b".into(), vec![0, 0])],
            1,
            Some(20),
        );
        let grid: Vec<u64> = chart.grid.iter().map(|g| g.value).collect();
        assert_eq!(grid, [0, 10, 20]);
        let plot = chart.baseline - chart.grid[2].y;
        let a = &chart.bars[0];
        assert_eq!(a.parts.len(), 2);
        assert_eq!(a.parts[0].y + a.parts[0].height, chart.baseline);
        assert_eq!(a.parts[1].y + a.parts[1].height, a.parts[0].y);
        assert_eq!(a.parts[0].height + a.parts[1].height, plot / 2);
        assert!(chart.bars[1].parts.is_empty());
        assert_eq!(chart.limit, Some(chart.grid[2].y));
        assert_eq!(chart.labels.len(), 2);
        assert!(chart.bars[1].x > a.x + a.width);
        assert_eq!(scale_top(0), 1);
        assert_eq!(scale_top(3), 5);
        assert_eq!(scale_top(7001), 10_000);
    }
}
