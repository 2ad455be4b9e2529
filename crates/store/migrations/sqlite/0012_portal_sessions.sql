-- Security-center sessions, opened through a one-time link the integrator
-- asks for. The link token and the cookie value are stored only as SHA-256
-- hashes; `cookie_hash` is set when the link is redeemed (once: the
-- redemption is a conditional update on `cookie_hash IS NULL`). A user's
-- sessions go with the user.
CREATE TABLE portal_sessions (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    user_pk TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    link_hash TEXT NOT NULL UNIQUE,
    link_expires_at BIGINT NOT NULL,
    cookie_hash TEXT UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    return_url TEXT,
    locale TEXT,
    step_up_challenge TEXT,
    step_up_until BIGINT,
    pending_removal TEXT
);
CREATE INDEX portal_sessions_by_user ON portal_sessions (user_pk);
CREATE INDEX portal_sessions_by_expiry ON portal_sessions (expires_at);
