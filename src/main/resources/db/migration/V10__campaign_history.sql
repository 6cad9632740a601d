-- Who changed which campaign field (issue #16), like group_history: one row per changed field of an edit (old and new
-- value as text), one row for each other event (created, cancelled, outcome recorded), each with the operator's login
-- ("actor") and the campaign's version the change made. A refused campaign save lists the rows past the version the
-- dialog opened with: who changed what since. Written only by CampaignRepository, in the transaction of the change.
-- Campaigns saved before this version have no history (their first row comes with their next change).

CREATE TABLE campaign_history (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    action      TEXT    NOT NULL,
    field       TEXT,
    old_value   TEXT,
    new_value   TEXT,
    actor       TEXT,
    version     INTEGER
);

CREATE INDEX ix_campaign_history_campaign ON campaign_history (campaign_id, version);
