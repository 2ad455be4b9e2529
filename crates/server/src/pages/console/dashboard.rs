//! The delivery and toll-fraud dashboard (`/console/dashboard`): each
//! chart is inline SVG drawn from [`countersign_core::dashboard::BarChart`]
//! by the `console/dashboard.html` template (no chart library, no script,
//! no inline `style`: the stylesheet colours it, as the CSP wants),
//! followed by a table with the same numbers for screen readers and for
//! copying.

use countersign_app::dashboard::Dashboard;
use countersign_core::contact::main_region;
use countersign_core::dashboard::{BarChart, Deliveries, Tally, Window, DAYS, HOURS};
use countersign_core::limits::Scope;
use countersign_core::message::DeliveryStatus;
use countersign_core::policy::Channel;

use super::*;

/// A table's numbers: a header per column, and rows led by their name.
struct Table {
    columns: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
}

/// One chart and its table: the same numbers, drawn and written.
struct Panel {
    /// The table's id; its heading's, with `-title`.
    id: String,
    title: String,
    chart: BarChart,
    /// The series' names, bottom-up, when there are several.
    legend: Vec<String>,
    table: Table,
}

/// A heading and its panels.
struct Section {
    title: String,
    lead: String,
    panels: Vec<Panel>,
}

#[derive(Template)]
#[template(path = "console/dashboard.html")]
struct DashboardPage {
    t: Texts,
    nav: Nav,
    sections: Vec<Section>,
}

fn channel_name(t: Texts, channel: Channel) -> String {
    t.get(&format!("console-dashboard-channel-{}", channel.as_str()))
}

/// "+44 (GB)": a calling code and the main region it serves.
fn country_name(code: u16) -> String {
    match main_region(code) {
        Some(region) => format!("+{code} ({region})"),
        None => format!("+{code}"),
    }
}

/// Sends and failures, as a panel: one bar and one row per `(name, tally)`.
fn tally_panel(
    t: Texts,
    id: String,
    title: String,
    first_column: &str,
    lines: Vec<(String, String, Tally)>,
    label_every: usize,
) -> Panel {
    let bars: Vec<(String, Vec<u64>)> = lines
        .iter()
        .map(|(_, short, tally)| (short.clone(), tally.stack()))
        .collect();
    Panel {
        id,
        title,
        chart: BarChart::stacked(&bars, label_every, None),
        legend: vec![
            t.get("console-dashboard-not-failed"),
            t.get("console-dashboard-failed"),
        ],
        table: Table {
            columns: vec![
                t.get(first_column),
                t.get("console-dashboard-sends"),
                t.get("console-dashboard-failures"),
            ],
            rows: lines
                .into_iter()
                .map(|(name, _, tally)| {
                    (
                        name,
                        vec![tally.sends.to_string(), tally.failures.to_string()],
                    )
                })
                .collect(),
        },
    }
}

/// A single series' panel: one bar (labelled `short`) and one row per
/// `(name, short, value, cells)`.
fn value_panel(
    id: String,
    title: String,
    columns: Vec<String>,
    lines: Vec<(String, String, u64, Vec<String>)>,
    limit: Option<u64>,
    label_every: usize,
) -> Panel {
    let bars: Vec<(String, Vec<u64>)> = lines
        .iter()
        .map(|(_, short, value, _)| (short.clone(), vec![*value]))
        .collect();
    Panel {
        id,
        title,
        chart: BarChart::stacked(&bars, label_every, limit),
        legend: Vec::new(),
        table: Table {
            columns,
            rows: lines
                .into_iter()
                .map(|(name, _, _, cells)| (name, cells))
                .collect(),
        },
    }
}

/// A window's panels: by time, by channel, by country, refusals by limit.
fn window_section(
    t: Texts,
    window: Window,
    deliveries: &Deliveries,
    refusals: &[(Scope, u64)],
) -> Section {
    let (period, key) = if window == HOURS {
        ("console-dashboard-hour", "hours")
    } else {
        ("console-dashboard-day", "days")
    };
    let title = |what: &str| t.get(&format!("console-dashboard-{what}-{key}"));
    // The tables' ids: "hours-sends", "days-countries"…
    let id = |what: &str| format!("{key}-{what}");
    let timeline = deliveries
        .timeline
        .iter()
        .map(|&(bucket, tally)| (window.name(bucket), window.short_name(bucket), tally))
        .collect();
    let channels = deliveries
        .by_channel
        .iter()
        .map(|&(channel, tally)| {
            let name = channel_name(t, channel);
            (name.clone(), name, tally)
        })
        .collect();
    let countries = deliveries
        .by_country
        .iter()
        .map(|&(code, tally)| {
            let name = country_name(code);
            (name, format!("+{code}"), tally)
        })
        .collect();
    let rules = refusals
        .iter()
        .map(|&(scope, n)| {
            let rule = |what: &str| t.get(&format!("console-dashboard-{what}-{}", scope.as_str()));
            (rule("rule"), rule("rule-short"), n, vec![n.to_string()])
        })
        .collect();
    Section {
        title: title("section"),
        lead: t.get("console-dashboard-failures-lead"),
        panels: vec![
            tally_panel(
                t,
                id("sends"),
                title("sends"),
                period,
                timeline,
                window.label_every(),
            ),
            tally_panel(
                t,
                id("channels"),
                title("channels"),
                "console-dashboard-channel",
                channels,
                1,
            ),
            tally_panel(
                t,
                id("countries"),
                title("countries"),
                "console-dashboard-country",
                countries,
                1,
            ),
            value_panel(
                id("refusals"),
                title("refusals"),
                vec![
                    t.get("console-dashboard-rule"),
                    t.get("console-dashboard-refusals"),
                ],
                rules,
                None,
                1,
            ),
        ],
    }
}

fn providers_section(t: Texts, d: &Dashboard) -> Section {
    let lines = d
        .provider_times
        .iter()
        .map(|p| {
            let status = match p.status {
                DeliveryStatus::Delivered => "console-dashboard-delivered",
                _ => "console-dashboard-accepted",
            };
            let name = t
                .msg("console-dashboard-time-of")
                .arg("channel", channel_name(t, p.channel))
                .arg("status", t.get(status))
                .to_string();
            let cells = vec![
                p.messages.to_string(),
                p.average_ms.to_string(),
                p.longest_ms.to_string(),
            ];
            let short = format!("{} {}", p.channel.as_str(), p.status.as_str());
            (name, short, p.average_ms, cells)
        })
        .collect();
    Section {
        title: t.get("console-dashboard-providers"),
        lead: t.get("console-dashboard-providers-lead"),
        panels: vec![value_panel(
            "provider-times".into(),
            t.get("console-dashboard-provider-times"),
            vec![
                t.get("console-dashboard-messages-of"),
                t.get("console-dashboard-messages"),
                t.get("console-dashboard-average-ms"),
                t.get("console-dashboard-longest-ms"),
            ],
            lines,
            None,
            1,
        )],
    }
}

fn budget_section(t: Texts, d: &Dashboard) -> Section {
    let budget = u64::from(d.daily_budget);
    let panels = d
        .budget_use
        .iter()
        .map(|(service, used)| {
            let lines = used
                .days
                .iter()
                .map(|(day, sends)| {
                    let share = (sends * 100).checked_div(budget).unwrap_or(0);
                    let cells = vec![sends.to_string(), format!("{share} %")];
                    (DAYS.name(*day), DAYS.short_name(*day), *sends, cells)
                })
                .collect();
            value_panel(
                format!("budget-{}", used.service_id),
                t.msg("console-dashboard-budget-of")
                    .arg("service", service.as_str())
                    .to_string(),
                vec![
                    t.get("console-dashboard-day"),
                    t.get("console-dashboard-phone-sends"),
                    t.get("console-dashboard-budget-used"),
                ],
                lines,
                Some(budget),
                DAYS.label_every(),
            )
        })
        .collect();
    Section {
        title: t.get("console-dashboard-budget"),
        lead: t
            .msg("console-dashboard-budget-lead")
            .arg("budget", d.daily_budget)
            .to_string(),
        panels,
    }
}

async fn dashboard(State(app): State<App>, headers: HeaderMap) -> Response {
    let result = async {
        let s = signed(&app, &headers).await?;
        let now = app.now();
        let d = app.console_dashboard(&s.console, now).await?;
        let t = texts();
        let sections = vec![
            window_section(t, HOURS, &d.hours, &d.refusals_hours),
            window_section(t, DAYS, &d.days, &d.refusals_days),
            providers_section(t, &d),
            budget_section(t, &d),
        ];
        Ok::<_, Refusal>(console_page(
            &t.get("console-dashboard-title"),
            &DashboardPage {
                t,
                nav: Nav::of(&s, now),
                sections,
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

pub(super) fn routes() -> Router<App> {
    Router::new().route("/console/dashboard", get(dashboard))
}
