-- The console's operators (issue 17). An operator is added with a one-time
-- enrolment link (its token only as a SHA-256 hash, cleared once used);
-- the passkey registered through it is then the only way in. Sessions keep
-- their cookie only as a hash. Ceremonies hold a passkey ceremony's
-- server-side state until the one request that finishes it takes it.
CREATE TABLE operators (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    enrolment_hash TEXT UNIQUE,
    enrolment_expires_at BIGINT,
    enrolled_at BIGINT,
    last_sign_in_at BIGINT
);
CREATE TABLE operator_passkeys (
    credential_id TEXT PRIMARY KEY,
    operator_id TEXT NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    passkey TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX operator_passkeys_by_operator ON operator_passkeys (operator_id);
CREATE TABLE console_sessions (
    id TEXT PRIMARY KEY,
    operator_id TEXT NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    cookie_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    step_up_until BIGINT
);
CREATE INDEX console_sessions_by_expiry ON console_sessions (expires_at);
CREATE TABLE console_ceremonies (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX console_ceremonies_by_expiry ON console_ceremonies (expires_at);
-- The console finds users by email address (in any case) or phone number.
CREATE INDEX users_by_email ON users (lower(email));
CREATE INDEX users_by_phone ON users (phone);
