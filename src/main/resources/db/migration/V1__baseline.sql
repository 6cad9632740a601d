-- QunDesk workspace baseline: the groups registry, its history and workspace settings.
-- Instants are INTEGER epoch milliseconds (UTC); dates are shown in the operator's zone.

CREATE TABLE chat_group (
    id                  INTEGER PRIMARY KEY,
    platform            TEXT    NOT NULL CHECK (platform IN ('wechat', 'wecom')),
    external_id         TEXT             CHECK (external_id IS NULL OR length(external_id) > 0),
    name                TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    purpose             TEXT    NOT NULL CHECK (purpose IN ('shopping', 'resource', 'industry', 'paid', 'vip',
                                                            'fan', 'habit', 'service', 'event')),
    kind                TEXT    NOT NULL CHECK (kind IN ('long-term', 'flash')),
    owner               TEXT,
    admins              TEXT,
    member_count        INTEGER NOT NULL DEFAULT 0 CHECK (member_count >= 0),
    capacity            INTEGER NOT NULL CHECK (capacity > 0),
    parent_id           INTEGER REFERENCES chat_group (id),
    rules               TEXT,
    announcement        TEXT,
    ad_policy           TEXT    NOT NULL DEFAULT 'none'
                                CHECK (ad_policy IN ('none', 'red-envelope', 'weekly-window', 'ad-thread')),
    ad_fee_yuan         INTEGER CHECK (ad_fee_yuan IS NULL OR ad_fee_yuan >= 0),
    ad_weekday          INTEGER CHECK (ad_weekday IS NULL OR ad_weekday BETWEEN 1 AND 7),
    ad_hour_from        INTEGER CHECK (ad_hour_from IS NULL OR ad_hour_from BETWEEN 0 AND 23),
    ad_hour_to          INTEGER CHECK (ad_hour_to IS NULL OR ad_hour_to BETWEEN 1 AND 24),
    ad_thread_admin     TEXT,
    status              TEXT    NOT NULL DEFAULT 'active'
                                CHECK (status IN ('active', 'dissolution-scheduled', 'dissolved', 'archived')),
    created_at          INTEGER,
    reformed_at         INTEGER,
    dissolved_at        INTEGER,
    dissolution_reason  TEXT,
    notes               TEXT,
    updated_at          INTEGER NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id),
    CHECK (status <> 'dissolved' OR (dissolution_reason IS NOT NULL AND length(trim(dissolution_reason)) > 0))
);

CREATE UNIQUE INDEX ux_group_external ON chat_group (platform, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX ix_group_parent ON chat_group (parent_id);
CREATE INDEX ix_group_status ON chat_group (status);

CREATE TABLE group_tag (
    group_id INTEGER NOT NULL REFERENCES chat_group (id) ON DELETE CASCADE,
    tag      TEXT    NOT NULL CHECK (length(trim(tag)) > 0),
    PRIMARY KEY (group_id, tag)
) WITHOUT ROWID;

CREATE INDEX ix_group_tag_tag ON group_tag (tag);

CREATE TABLE group_history (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES chat_group (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    action     TEXT    NOT NULL,
    field      TEXT,
    old_value  TEXT,
    new_value  TEXT,
    note       TEXT
);

CREATE INDEX ix_group_history_group ON group_history (group_id, at);

CREATE TABLE workspace_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
