-- Imported chat exports and WeCom statistics. Messages are stored by identity only (group, second, sender, kind,
-- n-th occurrence of that tuple in its file), never their content: enough to never count one twice, to recompute a
-- day and to undo an import, and nothing an operator would not want on disk.

CREATE TABLE import_run (
    id          INTEGER PRIMARY KEY,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('chat', 'wecom')),
    source      TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    file_size   INTEGER NOT NULL CHECK (file_size >= 0),
    file_sha256 TEXT,
    format      TEXT    NOT NULL,
    zone        TEXT    NOT NULL,
    rows_read   INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
    imported    INTEGER NOT NULL DEFAULT 0 CHECK (imported >= 0),
    duplicates  INTEGER NOT NULL DEFAULT 0 CHECK (duplicates >= 0),
    rejected    INTEGER NOT NULL DEFAULT 0 CHECK (rejected >= 0),
    skipped     INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0),
    first_at    INTEGER,
    last_at     INTEGER,
    warnings    TEXT,
    undone_at   INTEGER
);

CREATE INDEX ix_import_run_started ON import_run (started_at);

-- Which groups an import fed, and how much.
CREATE TABLE import_group (
    import_id  INTEGER NOT NULL REFERENCES import_run (id),
    group_id   INTEGER NOT NULL REFERENCES chat_group (id),
    chat_key   TEXT    NOT NULL,
    imported   INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (import_id, group_id, chat_key)
) WITHOUT ROWID;

CREATE INDEX ix_import_group_group ON import_group (group_id);

-- Rows an import refused (the first thousand of each import), as message keys the UI and CLI translate.
CREATE TABLE import_rejection (
    import_id   INTEGER NOT NULL REFERENCES import_run (id),
    seq         INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    message_key TEXT    NOT NULL,
    args        TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (import_id, seq)
) WITHOUT ROWID;

-- The people who speak in a group, numbered per group so a message row holds a small integer.
CREATE TABLE chat_sender (
    id           INTEGER PRIMARY KEY,
    group_id     INTEGER NOT NULL REFERENCES chat_group (id),
    sender_key   TEXT    NOT NULL,
    display_name TEXT
);

CREATE UNIQUE INDEX ux_chat_sender ON chat_sender (group_id, sender_key);

-- One row per imported message or notice. sender_id 0 is the system (notices).
-- flags: 1 sent by the exporting account, 2 flagged as an ad, 4 time known only to the minute, 8 a system notice.
-- No foreign keys and no second index here on purpose: this table takes a million rows a file, and each check or
-- index entry costs a lookup per row. Groups that have messages are kept by import_group's foreign key; an undo
-- finds an import's rows by its groups and time range (import_group, import_run.first_at/last_at).
CREATE TABLE chat_message (
    group_id  INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    sender_id INTEGER NOT NULL,
    kind      INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 15),
    seq       INTEGER NOT NULL CHECK (seq >= 0),
    day       INTEGER NOT NULL,
    flags     INTEGER NOT NULL DEFAULT 0,
    joins     INTEGER NOT NULL DEFAULT 0 CHECK (joins >= 0),
    removals  INTEGER NOT NULL DEFAULT 0 CHECK (removals >= 0),
    import_id INTEGER NOT NULL,
    PRIMARY KEY (group_id, at, sender_id, kind, seq)
) WITHOUT ROWID;

-- Incremental aggregates: per group, day and sender (speakers and the top-3 share come from here) …
CREATE TABLE chat_day_sender (
    group_id  INTEGER NOT NULL,
    day       INTEGER NOT NULL,
    sender_id INTEGER NOT NULL,
    messages  INTEGER NOT NULL CHECK (messages >= 0),
    PRIMARY KEY (group_id, day, sender_id)
) WITHOUT ROWID;

-- … and per group and day.
CREATE TABLE chat_day (
    group_id       INTEGER NOT NULL,
    day            INTEGER NOT NULL,
    messages       INTEGER NOT NULL DEFAULT 0 CHECK (messages >= 0),
    owner_messages INTEGER NOT NULL DEFAULT 0 CHECK (owner_messages >= 0),
    joins          INTEGER NOT NULL DEFAULT 0 CHECK (joins >= 0),
    removals       INTEGER NOT NULL DEFAULT 0 CHECK (removals >= 0),
    flagged_ads    INTEGER NOT NULL DEFAULT 0 CHECK (flagged_ads >= 0),
    notices        INTEGER NOT NULL DEFAULT 0 CHECK (notices >= 0),
    PRIMARY KEY (group_id, day)
) WITHOUT ROWID;

-- Member lists seen at a moment (users.json, WeFlow groupMembers, WeCom groupchat/get): leaves are the members of
-- one snapshot missing from the next. members holds the sorted ids, one per line.
CREATE TABLE member_snapshot (
    id        INTEGER PRIMARY KEY,
    group_id  INTEGER NOT NULL REFERENCES chat_group (id),
    taken_at  INTEGER NOT NULL,
    day       INTEGER NOT NULL,
    size      INTEGER NOT NULL CHECK (size >= 0),
    members   TEXT    NOT NULL,
    import_id INTEGER NOT NULL REFERENCES import_run (id)
);

CREATE UNIQUE INDEX ux_member_snapshot ON member_snapshot (group_id, taken_at);
CREATE INDEX ix_member_snapshot_import ON member_snapshot (import_id);

-- WeCom customer-group members with their join details (groupchat/get).
CREATE TABLE wecom_member (
    group_id   INTEGER NOT NULL REFERENCES chat_group (id),
    userid     TEXT    NOT NULL,
    type       INTEGER,
    join_time  INTEGER,
    join_day   INTEGER,
    join_scene INTEGER,
    inviter    TEXT,
    import_id  INTEGER NOT NULL REFERENCES import_run (id),
    PRIMARY KEY (group_id, userid)
) WITHOUT ROWID;

CREATE INDEX ix_wecom_member_join ON wecom_member (group_id, join_day);

-- WeCom groupchat/statistic (per owner, one day) and statistic_group_by_day (per day, for an owner filter: '*' is
-- every owner). Kept for as long as the workspace lives, beyond WeCom's 180 days.
CREATE TABLE wecom_stat (
    owner                    TEXT    NOT NULL,
    day                      INTEGER NOT NULL,
    new_chat_cnt             INTEGER,
    chat_total               INTEGER,
    chat_has_msg             INTEGER,
    new_member_cnt           INTEGER,
    member_total             INTEGER,
    member_has_msg           INTEGER,
    msg_total                INTEGER,
    migrate_trainee_chat_cnt INTEGER,
    import_id                INTEGER NOT NULL REFERENCES import_run (id),
    PRIMARY KEY (owner, day)
) WITHOUT ROWID;
