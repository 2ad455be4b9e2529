-- Events are appended unlinked (`unsealed`) and linked into their service's
-- audit chain shortly after by a sealer (any server process; the chain
-- head's row lock makes them take turns). Writers then never wait for the
-- head, which every writer of a service would otherwise queue on from its
-- first event to its commit. Events older than migration 0007 have neither
-- a link nor this flag, and stay outside the chain.
ALTER TABLE events ADD COLUMN unsealed BOOLEAN;
CREATE INDEX events_unsealed ON events (service_id, seq) WHERE unsealed;
