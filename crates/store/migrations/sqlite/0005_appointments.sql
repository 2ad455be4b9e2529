-- Support video-call appointments. `code_hash` is the SHA-256 of the
-- appointment code given to the customer (never stored in clear); the rest
-- of the appointment is `state` (JSON), saved with a version check.
CREATE TABLE appointments (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    user_pk TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL UNIQUE,
    agent TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    state TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX appointments_by_user ON appointments (user_pk, starts_at);
CREATE INDEX appointments_by_agent ON appointments (service_id, agent, starts_at);
