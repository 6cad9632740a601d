-- The PostgreSQL twin of db/migration/V6__registry_version.sql.
-- A token that changes with every committed change to the registry (groups and their tags), whoever makes it: the
-- app keeps one copy of the registry in memory and re-reads it only when the token it read differs (the reasons and
-- figures are in the SQLite file).
--
-- How it differs from SQLite, and why:
-- - The token comes from a sequence, not random(): nextval() is never rolled back, so a rolled-back change can never
--   leave a value a later change would take again (what random() made improbable in SQLite is impossible here), and
--   two operators' changes can never draw the same value.
-- - The triggers are deferred constraint triggers: they run at COMMIT, not at each statement. SQLite has one writer
--   at a time; PostgreSQL has many, and an immediate update of the single registry_version row would hold its row
--   lock from a transaction's first registry change to its commit. Two operators changing groups 1 then 2 and 2 then
--   1 would then deadlock on that row and each other's groups. Taken at commit, as the transaction's last step, the
--   lock is held for an instant and never while waiting for a group row.
-- - One bump per transaction: at COMMIT the transaction's trigger events run together; the first updates the row and
--   marks the transaction (a transaction-local setting, reset at its end), the others only see the mark. A bulk
--   change of 2,000 groups writes one new row version, not 2,000.
-- - The trigger names are SQLite's; a reader comparing the token sees a change once it is committed, as in SQLite.
CREATE TABLE registry_version (
    id    BIGINT PRIMARY KEY CHECK (id = 1),
    token BIGINT NOT NULL
);
CREATE SEQUENCE registry_version_token;
INSERT INTO registry_version (id, token) VALUES (1, nextval('registry_version_token'));

CREATE FUNCTION registry_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('qundesk.registry_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE registry_version SET token = nextval('registry_version_token') WHERE id = 1;
        PERFORM set_config('qundesk.registry_bumped', 'yes', true);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER tr_registry_group_insert AFTER INSERT ON chat_group
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_version_bump();
CREATE CONSTRAINT TRIGGER tr_registry_group_update AFTER UPDATE ON chat_group
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_version_bump();
CREATE CONSTRAINT TRIGGER tr_registry_group_delete AFTER DELETE ON chat_group
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_version_bump();
CREATE CONSTRAINT TRIGGER tr_registry_tag_insert AFTER INSERT ON group_tag
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_version_bump();
CREATE CONSTRAINT TRIGGER tr_registry_tag_update AFTER UPDATE ON group_tag
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_version_bump();
CREATE CONSTRAINT TRIGGER tr_registry_tag_delete AFTER DELETE ON group_tag
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_version_bump();
