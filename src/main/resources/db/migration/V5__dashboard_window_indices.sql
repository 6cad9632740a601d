-- Indices for the dashboard's window queries, from their plans on the big benchmark workspace (2,000 groups, 730,000
-- daily stats, 50,000 value events; docs/performance.md). Each lets SQLite answer from the index alone instead of one
-- table lookup per row.

-- The health of every group (dashboard, health CLI, report) aggregates the window's daily stats. daily_stat is a
-- WITHOUT ROWID table, so through ix_daily_stat_day each row of the window cost a second lookup in the primary-key
-- B-tree: 16,000 rows a 30-day window, 70 ms and 32 ms for the two queries in the sqlite3 shell, 14 and 1.6 ms now.
-- The new index serves every query the day-only index served, which is therefore dropped.
CREATE INDEX ix_daily_stat_day_metrics ON daily_stat (day, group_id, messages, joins, leaves, removals, flagged_ads,
                                                      owner_messages, top3_share, members);
DROP INDEX ix_daily_stat_day;

-- Value events by time: the window's metrics (group, dimension, reach), the delivered-share trend over six windows
-- (group, time: 25,000 rows, 22 -> 3 ms) and value by week (time, dimension: 12,000 rows, 10 -> 1.3 ms).
CREATE INDEX ix_value_event_at_cover ON value_event (at, group_id, dimension, reach);
DROP INDEX ix_value_event_at;

-- Each group's last day with an outcome (max(day) ... GROUP BY group_id): a covering scan in group order, 14 -> 5 ms.
CREATE INDEX ix_outcome_group_day_value ON outcome (group_id, day, value);
