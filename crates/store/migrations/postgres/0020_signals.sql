-- Signals to the other `serve` processes on this database, sent by
-- triggers so that no write path can forget one: each process LISTENs on
-- `countersign_<schema>` (several deployments may share a database in
-- different schemas) and wakes its outbox worker, its devices' long-polls,
-- or forgets a cached service. A notification goes out at commit, and
-- identical ones in one transaction go out once.
CREATE FUNCTION countersign_signal_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('countersign_' || current_schema(), 'outbox');
    RETURN NULL;
END $$;

CREATE TRIGGER events_signal AFTER INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION countersign_signal_outbox();
CREATE TRIGGER notices_signal AFTER INSERT ON notices
    FOR EACH STATEMENT EXECUTE FUNCTION countersign_signal_outbox();

CREATE FUNCTION countersign_signal_challenge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('countersign_' || current_schema(), 'challenge ' || NEW.user_pk);
    RETURN NULL;
END $$;

CREATE TRIGGER challenges_signal AFTER INSERT ON challenges
    FOR EACH ROW EXECUTE FUNCTION countersign_signal_challenge();

CREATE FUNCTION countersign_signal_service() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('countersign_' || current_schema(), 'service ' || NEW.id);
    RETURN NULL;
END $$;

CREATE TRIGGER services_signal AFTER UPDATE ON services
    FOR EACH ROW EXECUTE FUNCTION countersign_signal_service();
