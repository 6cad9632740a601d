package com.qundesk.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's window queries (value/MetricsRepository, dashboard/DashboardService) read only covering indices: at
 * 730,000 daily stats and 50,000 value events each row of a window must not cost a second lookup (V5,
 * docs/performance.md).
 */
class WindowIndexTest {

    private static final String LIVE = com.qundesk.group.GroupRepository.LIVE_GROUP_IDS;

    @TempDir
    Path dir;

    @Test
    void theWindowQueriesReadOnlyCoveringIndices() throws Exception {
        Database db = Database.open(dir.resolve("w.qundesk"));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // the window's aggregate of the live groups: their primary-key ranges, no sort for the GROUP BY
            List<String> aggregate = plan(s, "SELECT group_id, count(*), sum(messages), sum(joins), "
                    + "sum(coalesce(leaves, 0)), count(leaves), sum(removals), sum(flagged_ads), sum(owner_messages), "
                    + "sum(top3_share * messages), sum(CASE WHEN messages > 100 THEN 1 ELSE 0 END), sum(members), "
                    + "count(members) FROM daily_stat WHERE day BETWEEN 1 AND 30 AND group_id IN (" + LIVE + ") "
                    + "GROUP BY group_id");
            assertThat(aggregate).anyMatch(l -> l.contains("daily_stat USING PRIMARY KEY (group_id=? AND day>? AND day<?)"));
            assertThat(aggregate).noneMatch(l -> l.contains("TEMP B-TREE"));
            // the latest event and outcome of each live group: one step in its index range, not a scan of history
            assertThat(plan(s, "SELECT g.id, (SELECT max(v.at) FROM value_event v WHERE v.group_id = g.id AND v.at < 9) "
                    + "FROM chat_group g WHERE g.id IN (" + LIVE + ")"))
                    .anyMatch(l -> l.contains("COVERING INDEX ix_value_event_group_at (group_id=? AND at<?)"));
            assertThat(plan(s, "SELECT g.id, (SELECT o.day FROM outcome o WHERE o.group_id = g.id AND o.day <= 9 "
                    + "AND o.value > 0 ORDER BY o.day DESC LIMIT 1) FROM chat_group g WHERE g.id IN (" + LIVE + ")"))
                    .anyMatch(l -> l.contains("COVERING INDEX ix_outcome_group_day_value (group_id=? AND day<?)"))
                    .noneMatch(l -> l.contains("TEMP B-TREE"));
            assertThat(plan(s, "SELECT group_id, day, 1.0 * leaves / members FROM daily_stat "
                    + "WHERE day BETWEEN 1 AND 30 AND members > 0 AND leaves > 0"))
                    .anyMatch(l -> l.contains("COVERING INDEX ix_daily_stat_day_metrics"));
            assertThat(plan(s, "SELECT group_id, at FROM value_event WHERE at >= 1 AND at < 2"))
                    .anyMatch(l -> l.contains("COVERING INDEX ix_value_event_at_cover"));
            assertThat(plan(s, "SELECT group_id, at, dimension, reach FROM value_event WHERE at >= 1 AND at < 2"))
                    .anyMatch(l -> l.contains("COVERING INDEX ix_value_event_at_cover"));
            // one group's stats still go by the primary key
            assertThat(plan(s, "SELECT * FROM daily_stat WHERE day BETWEEN 1 AND 30 AND group_id = 5"))
                    .anyMatch(l -> l.contains("PRIMARY KEY"));
        }
    }

    private static List<String> plan(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rs.next()) {
                out.add(rs.getString(4));
            }
        }
        return out;
    }
}
