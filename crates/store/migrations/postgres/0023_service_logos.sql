-- A service's logo (PUT /v1/service/logo): one per service, replaced
-- whole. The settings' `brand.logo` describes it (type, size, SHA-256);
-- both are written in one transaction. The image is stored base64 so that
-- every table copies as text and integers (migrate-db, backups).
CREATE TABLE service_logos (
    service_id TEXT PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    image TEXT NOT NULL
);
