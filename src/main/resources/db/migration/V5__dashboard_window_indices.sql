-- The health of every group (dashboard, health CLI, report) aggregates the window's daily stats. daily_stat is a
-- WITHOUT ROWID table, so through ix_daily_stat_day each row of the window cost a second lookup in the primary key
-- B-tree: 16,000 rows a 30-day window at 2,000 groups, ~40-70 ms per query (docs/performance.md). This index holds
-- every column those queries read, so SQLite answers them from the index alone; it also serves every query the
-- day-only index served, which is therefore dropped.
CREATE INDEX ix_daily_stat_day_metrics ON daily_stat (day, group_id, messages, joins, leaves, removals, flagged_ads,
                                                      owner_messages, top3_share, members);
DROP INDEX ix_daily_stat_day;
