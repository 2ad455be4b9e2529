-- The audit log's hash chain, per service: each event's place and hashes,
-- and the head (the newest link) that a truncation would contradict.
-- Events written before this migration are outside the chain.
ALTER TABLE events ADD COLUMN chain_seq BIGINT;
ALTER TABLE events ADD COLUMN prev_hash TEXT;
ALTER TABLE events ADD COLUMN hash TEXT;
CREATE INDEX events_by_chain ON events (service_id, chain_seq);

CREATE TABLE audit_heads (
    service_id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
