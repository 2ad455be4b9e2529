-- WebAuthn ceremonies that are not tied to a challenge (usernameless
-- sign-in): the server-side state, taken (deleted) by the one request that
-- finishes it.
CREATE TABLE webauthn_ceremonies (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX webauthn_ceremonies_by_expiry ON webauthn_ceremonies (expires_at);
