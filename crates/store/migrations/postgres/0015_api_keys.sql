-- A service's API keys: several at once, so that a key can be replaced
-- without downtime (create the new one, deploy it, revoke the old one).
-- Only the SHA-256 of a key is stored, with `prefix` (its first characters)
-- to tell keys apart in a list. Revoking deletes the row: a request is
-- authenticated by one read of the unique index on `key_hash`, never from a
-- cache, so a revoked key is refused at once by every process.
-- `last_used_at` is written at most once a minute per key.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    key_hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX api_keys_by_service ON api_keys (service_id, created_at);

-- Each service's key so far becomes its first key. Only its hash is known:
-- it is listed with the bare prefix.
INSERT INTO api_keys (id, service_id, key_hash, prefix, created_at)
SELECT 'key_' || replace(gen_random_uuid()::text, '-', ''), id, api_key_hash, 'cs_live_', created_at
FROM services;

ALTER TABLE services DROP COLUMN api_key_hash;
