-- No lost update, and who did what (issue #16): every editable record carries a version, raised by each update in
-- the same UPDATE that checks it (`... SET ..., version = version + 1 WHERE id = ? AND version = ?`): an operator
-- saving what they read at an older version changes no row and is told who changed what since. Groups (flash groups
-- are groups) and campaigns get an assigned operator; each history row says who wrote it; the operator table keeps
-- the display name an operator set for their login (the server user in a team workspace, the OS user on a file).
-- Existing rows: version 1, no assignee, no actor (shown as "unknown").
-- Flash lifecycles are not versioned: their changes are transitions of a state machine checked in their own
-- transaction (FlashService), not a form an operator keeps open; what they change in a group goes through the group.

ALTER TABLE chat_group ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE chat_group ADD COLUMN assignee TEXT CHECK (assignee IS NULL OR length(trim(assignee)) > 0);
CREATE INDEX ix_group_assignee ON chat_group (assignee);

ALTER TABLE campaign ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE campaign ADD COLUMN assignee TEXT CHECK (assignee IS NULL OR length(trim(assignee)) > 0);

-- who wrote the row (the operator's login), and the group's version the change made (NULL for events that do not
-- change the group's row, e.g. a checklist item): a refused save lists the rows past the version it was made from.
ALTER TABLE group_history ADD COLUMN actor TEXT;
ALTER TABLE group_history ADD COLUMN version INTEGER;

CREATE TABLE operator (
    login        TEXT PRIMARY KEY CHECK (length(trim(login)) > 0),
    display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;
