-- Campaigns, flash-group lifecycles with their reminders and checklists, and versioned templates.

CREATE TABLE campaign (
    id                     INTEGER PRIMARY KEY,
    type                   TEXT    NOT NULL CHECK (type IN ('night-talk', 'training', 'voyage', 'resource-flash',
                                   'goods-flash', 'habit-camp', 'expert-share', 'promotion', 'meetup', 'other')),
    name                   TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    starts_at              INTEGER NOT NULL,
    ends_at                INTEGER NOT NULL,
    owner                  TEXT,
    goal_signups           INTEGER CHECK (goal_signups IS NULL OR goal_signups >= 0),
    goal_conversions       INTEGER CHECK (goal_conversions IS NULL OR goal_conversions >= 0),
    goal_coupons_issued    INTEGER CHECK (goal_coupons_issued IS NULL OR goal_coupons_issued >= 0),
    goal_coupons_redeemed  INTEGER CHECK (goal_coupons_redeemed IS NULL OR goal_coupons_redeemed >= 0),
    goal_gmv_yuan          INTEGER CHECK (goal_gmv_yuan IS NULL OR goal_gmv_yuan >= 0),
    cancelled_at           INTEGER,
    cancel_reason          TEXT,
    outcome_summary        TEXT,
    notes                  TEXT,
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL,
    CHECK (ends_at >= starts_at),
    CHECK (cancelled_at IS NULL OR (cancel_reason IS NOT NULL AND length(trim(cancel_reason)) > 0))
);

CREATE INDEX ix_campaign_dates ON campaign (starts_at, ends_at);

-- A group linked to a campaign (flash groups it spun up, or long-term groups it used).
CREATE TABLE campaign_group (
    campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    group_id    INTEGER NOT NULL REFERENCES chat_group (id),
    PRIMARY KEY (campaign_id, group_id)
) WITHOUT ROWID;

CREATE INDEX ix_campaign_group_group ON campaign_group (group_id);

CREATE TABLE flash_lifecycle (
    group_id          INTEGER PRIMARY KEY REFERENCES chat_group (id) ON DELETE CASCADE,
    preset            TEXT    NOT NULL CHECK (preset IN ('resource-flash', 'activity', 'camp', 'custom')),
    state             TEXT    NOT NULL CHECK (state IN ('planned', 'open', 'due', 'extended', 'dissolved', 'converted')),
    opens_at          INTEGER NOT NULL,
    due_at            INTEGER NOT NULL,
    ended_at          INTEGER,
    end_reason        TEXT,
    skipped_checklist TEXT,
    CHECK (due_at >= opens_at),
    CHECK (state NOT IN ('dissolved', 'converted') OR ended_at IS NOT NULL)
);

CREATE INDEX ix_flash_state_due ON flash_lifecycle (state, due_at);

CREATE TABLE flash_checklist (
    group_id INTEGER NOT NULL REFERENCES flash_lifecycle (group_id) ON DELETE CASCADE,
    item     TEXT    NOT NULL CHECK (item IN ('befriended', 'farewell-sent', 'outcomes-recorded', 'chat-exported',
                                              'keepers-invited')),
    done_at  INTEGER NOT NULL,
    PRIMARY KEY (group_id, item)
) WITHOUT ROWID;

-- Reminders are rows, not timers: the scheduler fires each pending one exactly once (fired_at), across restarts.
CREATE TABLE reminder (
    id             INTEGER PRIMARY KEY,
    group_id       INTEGER NOT NULL REFERENCES flash_lifecycle (group_id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL CHECK (kind IN ('reminder', 'dissolution')),
    fire_at        INTEGER NOT NULL,
    offset_minutes INTEGER NOT NULL CHECK (offset_minutes >= 0),
    fired_at       INTEGER,
    cancelled_at   INTEGER
);

CREATE INDEX ix_reminder_pending ON reminder (fire_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX ix_reminder_group ON reminder (group_id);

CREATE TABLE template (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL CHECK (kind IN ('rules', 'announcement', 'welcome', 'farewell', 'ad-policy')),
    name     TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    language TEXT    NOT NULL CHECK (language IN ('zh', 'en')),
    builtin  INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    UNIQUE (kind, name, language)
);

CREATE TABLE template_version (
    id          INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES template (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL CHECK (version >= 1),
    body        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (template_id, version)
);

-- Which template version a group uses for each kind of text.
CREATE TABLE group_template (
    group_id            INTEGER NOT NULL REFERENCES chat_group (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL,
    template_version_id INTEGER NOT NULL REFERENCES template_version (id),
    PRIMARY KEY (group_id, kind)
) WITHOUT ROWID;
