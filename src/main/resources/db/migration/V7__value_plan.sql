-- The value plan: what each group will be given (plan items, once or on an RFC 5545 rhythm), what became of
-- each occurrence (delivered, with the value event it wrote, or skipped with a reason), which occurrences the
-- operator was already told about (so reminders are caught up once after the app was closed), plan templates
-- applied to many groups, and when each group's invite QR code was last refreshed.

CREATE TABLE plan_item (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES chat_group (id) ON DELETE CASCADE,
    dimension   TEXT    NOT NULL CHECK (dimension IN ('benefits', 'information', 'resources', 'cases', 'activities',
                                                      'connections')),
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    body        TEXT,
    reach       INTEGER CHECK (reach IS NULL OR reach >= 0),
    -- the recurrence rule without DTSTART (NULL: once, at start_at)
    rrule       TEXT    CHECK (rrule IS NULL OR length(trim(rrule)) > 0),
    -- the first (or only) occurrence; recurring rules keep its wall-clock time in zone
    start_at    INTEGER NOT NULL,
    zone        TEXT    NOT NULL,
    source      TEXT    NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'template', 'flash')),
    template_id INTEGER REFERENCES plan_template (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    ended_at    INTEGER
);

CREATE INDEX ix_plan_item_group ON plan_item (group_id);

CREATE TABLE plan_delivery (
    id             INTEGER PRIMARY KEY,
    plan_item_id   INTEGER NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
    occurrence     INTEGER NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('delivered', 'skipped')),
    value_event_id INTEGER REFERENCES value_event (id) ON DELETE SET NULL,
    reason         TEXT,
    recorded_at    INTEGER NOT NULL,
    CHECK (state <> 'skipped' OR length(trim(reason)) > 0),
    -- exactly one outcome per occurrence: a second "delivered" changes nothing
    UNIQUE (plan_item_id, occurrence)
);

CREATE INDEX ix_plan_delivery_occurrence ON plan_delivery (occurrence);

CREATE TABLE plan_notice (
    plan_item_id INTEGER NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
    occurrence   INTEGER NOT NULL,
    noticed_at   INTEGER NOT NULL,
    PRIMARY KEY (plan_item_id, occurrence)
) WITHOUT ROWID;

CREATE TABLE plan_template (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    purpose    TEXT    CHECK (purpose IS NULL OR purpose IN ('shopping', 'resource', 'industry', 'paid', 'vip', 'fan',
                                                             'habit', 'service', 'event')),
    tag        TEXT,
    created_at INTEGER NOT NULL
);

CREATE TABLE plan_template_item (
    id          INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES plan_template (id) ON DELETE CASCADE,
    dimension   TEXT    NOT NULL CHECK (dimension IN ('benefits', 'information', 'resources', 'cases', 'activities',
                                                      'connections')),
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    body        TEXT,
    reach       INTEGER CHECK (reach IS NULL OR reach >= 0),
    rrule       TEXT,
    -- local wall-clock time of day of the first occurrence, HH:MM
    time_of_day TEXT    NOT NULL CHECK (time_of_day GLOB '[0-2][0-9]:[0-5][0-9]')
);

CREATE TABLE group_invite (
    group_id        INTEGER PRIMARY KEY REFERENCES chat_group (id) ON DELETE CASCADE,
    qr_refreshed_at INTEGER,
    -- the group still advertises its QR code (posters, articles) rather than invitations only
    advertises_qr   INTEGER NOT NULL DEFAULT 1 CHECK (advertises_qr IN (0, 1)),
    recruiting      INTEGER NOT NULL DEFAULT 0 CHECK (recruiting IN (0, 1))
);
