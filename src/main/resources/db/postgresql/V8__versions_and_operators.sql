-- The PostgreSQL twin of db/migration/V8__versions_and_operators.sql (translation: see V1 and docs/team.md).
-- Every editable record carries a version checked and raised in one UPDATE; groups and campaigns get an assigned
-- operator; each history row says who wrote it; the operator table keeps each login's display name (the reasons are
-- in the SQLite file). Existing rows: version 1, no assignee, no actor.

ALTER TABLE chat_group ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE chat_group ADD COLUMN assignee TEXT CHECK (assignee IS NULL OR length(trim(assignee)) > 0);
CREATE INDEX ix_group_assignee ON chat_group (assignee);

ALTER TABLE campaign ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE campaign ADD COLUMN assignee TEXT CHECK (assignee IS NULL OR length(trim(assignee)) > 0);

-- who wrote the row (the operator's login), and the group's version the change made (NULL for events that do not
-- change the group's row, e.g. a checklist item): a refused save lists the rows past the version it was made from.
ALTER TABLE group_history ADD COLUMN actor TEXT;
ALTER TABLE group_history ADD COLUMN version BIGINT;

CREATE TABLE operator (
    login        TEXT   PRIMARY KEY CHECK (length(trim(login)) > 0),
    display_name TEXT   NOT NULL CHECK (length(trim(display_name)) > 0),
    updated_at   BIGINT NOT NULL
);
