-- The PostgreSQL twin of db/migration/V5__dashboard_window_indices.sql: the same indices under the same names (the
-- measurements behind them are SQLite's, in that file and docs/performance.md; on PostgreSQL they may serve as
-- index-only scans once the table is vacuumed).

CREATE INDEX ix_daily_stat_day_metrics ON daily_stat (day, group_id, messages, joins, leaves, removals, flagged_ads,
                                                      owner_messages, top3_share, members);
DROP INDEX ix_daily_stat_day;

CREATE INDEX ix_value_event_at_cover ON value_event (at, group_id, dimension, reach);
DROP INDEX ix_value_event_at;

CREATE INDEX ix_outcome_group_day_value ON outcome (group_id, day, value);
