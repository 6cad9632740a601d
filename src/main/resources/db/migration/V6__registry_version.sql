-- A token that changes with every change to the registry (groups and their tags), whoever makes it: the app keeps
-- one copy of the registry in memory and re-reads it only when the token it read differs (docs/performance.md: at
-- 2,000 groups reading and mapping the registry cost 12-20 ms, and the portfolio, Today, the flash list and the
-- import view each did it). random() rather than a counter, so that a rolled-back change can never leave a value a
-- later change would take again.
CREATE TABLE registry_version (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    token INTEGER NOT NULL
);
INSERT INTO registry_version (id, token) VALUES (1, random());

CREATE TRIGGER tr_registry_group_insert AFTER INSERT ON chat_group
BEGIN
    UPDATE registry_version SET token = random() WHERE id = 1;
END;
CREATE TRIGGER tr_registry_group_update AFTER UPDATE ON chat_group
BEGIN
    UPDATE registry_version SET token = random() WHERE id = 1;
END;
CREATE TRIGGER tr_registry_group_delete AFTER DELETE ON chat_group
BEGIN
    UPDATE registry_version SET token = random() WHERE id = 1;
END;
CREATE TRIGGER tr_registry_tag_insert AFTER INSERT ON group_tag
BEGIN
    UPDATE registry_version SET token = random() WHERE id = 1;
END;
CREATE TRIGGER tr_registry_tag_update AFTER UPDATE ON group_tag
BEGIN
    UPDATE registry_version SET token = random() WHERE id = 1;
END;
CREATE TRIGGER tr_registry_tag_delete AFTER DELETE ON group_tag
BEGIN
    UPDATE registry_version SET token = random() WHERE id = 1;
END;
