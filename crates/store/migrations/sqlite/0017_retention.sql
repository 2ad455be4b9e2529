-- Retention: ended challenges and old events are purged in small batches.
--
-- When a service's oldest events are pruned, the place and hash of the last
-- one deleted is kept here, written in the same transaction as the
-- deletion: the chain is verified from it (the first kept event's
-- prev_hash must be its hash), so a deletion or an edit among the kept
-- events is still found.
CREATE TABLE audit_checkpoints (
    service_id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    at BIGINT NOT NULL
);
-- A purge batch takes the oldest expired rows first.
CREATE INDEX challenges_by_expiry ON challenges (expires_at);
CREATE INDEX device_signatures_by_expiry ON device_signatures (expires_at);
