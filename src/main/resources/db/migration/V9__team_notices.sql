-- Reminders in a team (issue #16): each reminder is claimed once per team (V7, V8), and is now also addressed to the
-- people it is for. A lead watches the whole portfolio (operator.lead); a copy of the app that claims a due item
-- writes one notice per recipient in the same transaction: the group's assignee, or nobody in particular (NULL:
-- whichever copy is on duty shows it, as before); an overdue item (it fell due while the app was closed, or a due
-- flash group still not dissolved a day after its due time) also goes to every lead. Each copy takes the unshown
-- notices for its operator (or for NULL) with a conditional write on shown_at, so each is shown once per recipient.
-- On a workspace file every notice is NULL-addressed: one operator, as before.

ALTER TABLE operator ADD COLUMN lead INTEGER NOT NULL DEFAULT 0 CHECK (lead IN (0, 1));

CREATE TABLE notice_inbox (
    id           INTEGER PRIMARY KEY,
    recipient    TEXT    CHECK (recipient IS NULL OR length(trim(recipient)) > 0),
    group_id     INTEGER NOT NULL REFERENCES chat_group (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('opened', 'reminder', 'dissolution_due', 'delivery')),
    -- a plan delivery's item (kind 'delivery' only); fired_for is then the occurrence
    plan_item_id INTEGER REFERENCES plan_item (id) ON DELETE CASCADE,
    due_at       INTEGER,
    fired_for    INTEGER NOT NULL,
    -- late: it fell due while every copy was closed; overdue: late, or escalated to the leads (late implies overdue)
    late         INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    overdue      INTEGER NOT NULL DEFAULT 0 CHECK (overdue IN (0, 1)),
    created_at   INTEGER NOT NULL,
    shown_at     INTEGER CHECK (shown_at IS NULL OR shown_at >= created_at),
    CHECK (overdue >= late),
    CHECK ((kind = 'delivery') = (plan_item_id IS NOT NULL))
);
CREATE INDEX ix_notice_inbox_unshown ON notice_inbox (recipient, shown_at);
CREATE INDEX ix_notice_inbox_group ON notice_inbox (group_id, kind, fired_for);
