-- Signals to the `serve` processes on this database: each LISTENs on
-- `countersign_<schema>` (several deployments may share a database in
-- different schemas). A NOTIFY serialises the commits of every notifying
-- transaction in the database (measured: 2.7 times fewer verifies when each
-- event insert notified), so the hot paths never notify: a `serve` process
-- wakes its own outbox worker after its writes, and its connections say so
-- (`countersign.quiet`). Writes from elsewhere (the CLI) announce their
-- events and notices; a settings change is rare and always announced; a
-- challenge a device can approve is announced by the application.
CREATE FUNCTION countersign_signal_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('countersign.quiet', true) IS DISTINCT FROM 'on' THEN
        PERFORM pg_notify('countersign_' || current_schema(), 'outbox');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER events_signal AFTER INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION countersign_signal_outbox();
CREATE TRIGGER notices_signal AFTER INSERT ON notices
    FOR EACH STATEMENT EXECUTE FUNCTION countersign_signal_outbox();

CREATE FUNCTION countersign_signal_service() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('countersign_' || current_schema(), 'service ' || NEW.id);
    RETURN NULL;
END $$;

CREATE TRIGGER services_signal AFTER UPDATE ON services
    FOR EACH ROW EXECUTE FUNCTION countersign_signal_service();
