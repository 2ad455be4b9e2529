-- A hash of each OATH seed, so that one token (or one seed imported twice)
-- cannot be enrolled twice in a service: two factors with one seed would
-- let one code approve two challenges.
ALTER TABLE factors ADD COLUMN fingerprint TEXT;
CREATE UNIQUE INDEX factors_by_fingerprint ON factors (service_id, fingerprint);
