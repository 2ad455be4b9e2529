-- Webhook endpoints a service registers through the API, for its own
-- events only (the operator's endpoints, in the configuration, get every
-- service's). The secret is sealed with the master key, like factor seeds,
-- and shown once. The endpoint's cursor (webhook_cursors, endpoint = id) is
-- written with it, at the service's newest event.
CREATE TABLE service_webhooks (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    events TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX service_webhooks_by_service ON service_webhooks (service_id, created_at);
