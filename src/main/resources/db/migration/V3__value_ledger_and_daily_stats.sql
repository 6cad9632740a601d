-- The value ledger (what members got), outcomes (what it produced) and daily group statistics
-- (imported or entered). Days are local calendar days in the operator's zone, stored as epoch days.

ALTER TABLE chat_group ADD COLUMN broadcast INTEGER NOT NULL DEFAULT 0 CHECK (broadcast IN (0, 1));

CREATE TABLE value_event (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES chat_group (id),
    campaign_id INTEGER REFERENCES campaign (id),
    at          INTEGER NOT NULL,
    dimension   TEXT    NOT NULL CHECK (dimension IN ('benefits', 'information', 'resources', 'cases', 'activities',
                                                      'connections')),
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    reach       INTEGER NOT NULL DEFAULT 0 CHECK (reach >= 0),
    note        TEXT,
    created_at  INTEGER NOT NULL
);

CREATE INDEX ix_value_event_group_at ON value_event (group_id, at);
CREATE INDEX ix_value_event_at ON value_event (at);
-- Re-importing the same ledger file must not add the same event twice.
CREATE UNIQUE INDEX ux_value_event_identity ON value_event (group_id, at, dimension, title);

CREATE TABLE outcome (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES chat_group (id),
    campaign_id INTEGER REFERENCES campaign (id),
    day         INTEGER NOT NULL,
    type        TEXT    NOT NULL CHECK (type IN ('orders', 'gmv', 'coupons-issued', 'coupons-redeemed', 'signups',
                                                 'renewals', 'referrals')),
    value       REAL    NOT NULL CHECK (value >= 0)
);

CREATE UNIQUE INDEX ux_outcome_identity ON outcome (group_id, day, type, coalesce(campaign_id, 0));
CREATE INDEX ix_outcome_day ON outcome (day);

CREATE TABLE daily_stat (
    group_id       INTEGER NOT NULL REFERENCES chat_group (id),
    day            INTEGER NOT NULL,
    members        INTEGER CHECK (members IS NULL OR members >= 0),
    joins          INTEGER NOT NULL DEFAULT 0 CHECK (joins >= 0),
    leaves         INTEGER CHECK (leaves IS NULL OR leaves >= 0),
    removals       INTEGER NOT NULL DEFAULT 0 CHECK (removals >= 0),
    messages       INTEGER NOT NULL DEFAULT 0 CHECK (messages >= 0),
    speakers       INTEGER NOT NULL DEFAULT 0 CHECK (speakers >= 0),
    top3_share     REAL    NOT NULL DEFAULT 0 CHECK (top3_share >= 0 AND top3_share <= 1),
    owner_messages INTEGER NOT NULL DEFAULT 0 CHECK (owner_messages >= 0),
    flagged_ads    INTEGER NOT NULL DEFAULT 0 CHECK (flagged_ads >= 0),
    source         TEXT    NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import')),
    PRIMARY KEY (group_id, day)
) WITHOUT ROWID;

CREATE INDEX ix_daily_stat_day ON daily_stat (day);
