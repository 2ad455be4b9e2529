//! Prometheus metrics: request rate and latency per route, and the domain
//! counters an operator watches (codes sent by channel and outcome,
//! verifications by outcome).

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: String,
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct SendLabels {
    pub channel: String,
    pub outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabels {
    pub outcome: String,
}

pub struct Metrics {
    registry: Registry,
    pub requests: Family<RequestLabels, Counter>,
    pub latency: Family<RouteLabels, Histogram>,
    pub sends: Family<SendLabels, Counter>,
    pub verifications: Family<OutcomeLabels, Counter>,
    pub sends_refused: Family<LimitLabels, Counter>,
    pub delivery_reports: Family<SendLabels, Counter>,
    pub notices: Family<SendLabels, Counter>,
    pub webhook_deliveries: Family<WebhookLabels, Counter>,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct WebhookLabels {
    pub endpoint: String,
    pub outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LimitLabels {
    pub limit: String,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("countersign");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new([
                0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0,
            ])
        });
        let sends = Family::<SendLabels, Counter>::default();
        let verifications = Family::<OutcomeLabels, Counter>::default();
        let sends_refused = Family::<LimitLabels, Counter>::default();
        let delivery_reports = Family::<SendLabels, Counter>::default();
        let notices = Family::<SendLabels, Counter>::default();
        let webhook_deliveries = Family::<WebhookLabels, Counter>::default();
        registry.register(
            "security_notices",
            "Security-change notices, by channel and outcome (sent, retry, failed)",
            notices.clone(),
        );
        registry.register(
            "webhook_deliveries",
            "Webhook delivery attempts, by endpoint and outcome (delivered, retry, given_up)",
            webhook_deliveries.clone(),
        );
        registry.register(
            "sends_refused",
            "Sends refused by the toll-fraud guard, by limit (a rise is an attack or a bug)",
            sends_refused.clone(),
        );
        registry.register(
            "delivery_reports",
            "Provider status callbacks, by channel and reported status",
            delivery_reports.clone(),
        );
        registry.register(
            "http_requests",
            "HTTP requests by route and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "HTTP request latency",
            latency.clone(),
        );
        registry.register(
            "codes_sent",
            "One-time codes handed to providers, by channel and outcome",
            sends.clone(),
        );
        registry.register(
            "verifications",
            "Code verifications by outcome",
            verifications.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            sends,
            verifications,
            sends_refused,
            delivery_reports,
            notices,
            webhook_deliveries,
        }
    }
}

impl Metrics {
    pub fn render(&self) -> String {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry)
            .expect("writing to a String cannot fail");
        out
    }

    pub fn count_send(&self, channel: &str, outcome: &str) {
        self.sends
            .get_or_create(&SendLabels {
                channel: channel.into(),
                outcome: outcome.into(),
            })
            .inc();
    }

    pub fn count_rate_limited(&self, limit: &str) {
        self.sends_refused
            .get_or_create(&LimitLabels {
                limit: limit.into(),
            })
            .inc();
    }

    pub fn count_delivery_report(&self, channel: &str, status: &str) {
        self.delivery_reports
            .get_or_create(&SendLabels {
                channel: channel.into(),
                outcome: status.into(),
            })
            .inc();
    }

    pub fn count_verification(&self, outcome: &str) {
        self.verifications
            .get_or_create(&OutcomeLabels {
                outcome: outcome.into(),
            })
            .inc();
    }
}
