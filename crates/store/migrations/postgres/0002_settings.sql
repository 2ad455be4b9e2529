-- Facts about this installation, set once: e.g. the fingerprint of the master
-- key, so that a server started with another key file refuses to run.
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
