-- Send counters of the toll-fraud guard: one row per limit and window,
-- incremented with an upsert so that the count holds across processes.
CREATE TABLE send_counters (
    key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    window_end BIGINT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (key, window_start)
);
CREATE INDEX send_counters_by_end ON send_counters (window_end);

-- Signatures of trusted devices already accepted: each is good once.
CREATE TABLE device_signatures (
    signature_hash TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
