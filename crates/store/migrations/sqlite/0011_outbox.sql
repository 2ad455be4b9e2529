-- Work that must happen at least once after the request that caused it.
--
-- Security notices to a user's verified contacts, written in the same
-- transaction as the change they report and sent by a background worker.
CREATE TABLE notices (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL,
    user_pk TEXT,
    channel TEXT NOT NULL,
    destination TEXT NOT NULL,
    locale TEXT,
    content TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT NOT NULL,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX notices_due ON notices (status, next_attempt_at);

-- Webhooks read the audit log itself, which is their transactional outbox:
-- each endpoint keeps, per service, the chain position delivered so far.
CREATE TABLE webhook_endpoints (
    name TEXT PRIMARY KEY,
    first_seen BIGINT NOT NULL
);
CREATE TABLE webhook_cursors (
    endpoint TEXT NOT NULL,
    service_id TEXT NOT NULL,
    delivered_seq BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT NOT NULL,
    lease_token TEXT,
    PRIMARY KEY (endpoint, service_id)
);
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    endpoint TEXT NOT NULL,
    service_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    attempt BIGINT NOT NULL,
    status_code BIGINT,
    error TEXT,
    at BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint, at);
