-- The console dashboard (issue 17) reads messages and refused sends by
-- time: recent ones, without reading the rest.
CREATE INDEX messages_by_creation ON messages (created_at);
CREATE INDEX events_send_refused ON events (at) WHERE kind = 'challenge.send_refused';
