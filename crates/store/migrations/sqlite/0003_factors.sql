-- Authenticators a user enrolled. `secret` is the seed sealed under the
-- master key (never in clear); `moving_factor` is the last TOTP step accepted
-- or the next HOTP counter, and only ever moves forward.
CREATE TABLE factors (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    user_pk TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    label TEXT,
    params TEXT,
    secret TEXT,
    moving_factor BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX factors_by_user ON factors (user_pk);

-- Recovery codes, as hashes; each is good once.
CREATE TABLE recovery_codes (
    factor_id TEXT NOT NULL REFERENCES factors(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (factor_id, code_hash)
);
