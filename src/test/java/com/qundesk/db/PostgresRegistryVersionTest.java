package com.qundesk.db;

import com.qundesk.testsupport.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V6 on PostgreSQL: the registry's version token changes with every committed change to chat_group and group_tag,
 * once per transaction, is seen by other connections only once the change is committed, does not change when the
 * change is rolled back, and two operators changing the same groups in opposite orders do not deadlock on it.
 */
class PostgresRegistryVersionTest {

    private static PostgresServer.Database pg;

    @BeforeEach
    void migratedPostgres() throws SQLException {
        if (pg == null) {
            PostgresServer.Database db = PostgresServer.database(PostgresRegistryVersionTest.class);
            Schemas.migratePostgres(db, "latest");
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO chat_group (id, platform, name, purpose, kind, capacity, updated_at) VALUES"
                        + " (1, 'wechat', '夜话会1群', 'paid', 'long-term', 500, 0),"
                        + " (2, 'wecom', '售后群', 'service', 'long-term', 200, 0)");
                s.executeUpdate("INSERT INTO group_tag (group_id, tag) VALUES (1, 'VIP')");
                Schemas.moveIdentitiesOn(c);
            }
            pg = db;
        }
    }

    @ParameterizedTest(name = "{0} changes the token")
    @CsvSource(delimiter = ';', value = {
            "an inserted group; ; INSERT INTO chat_group (platform, name, purpose, kind, capacity, updated_at)"
                    + " VALUES ('wechat', '新群', 'fan', 'long-term', 500, 0)",
            "an updated group; ; UPDATE chat_group SET member_count = member_count + 1 WHERE id = 1",
            "a deleted group; INSERT INTO chat_group (id, platform, name, purpose, kind, capacity, updated_at)"
                    + " VALUES (50, 'wechat', '待删', 'fan', 'flash', 100, 0); DELETE FROM chat_group WHERE id = 50",
            "an inserted tag; ; INSERT INTO group_tag (group_id, tag) VALUES (2, '售后')",
            "an updated tag; INSERT INTO group_tag (group_id, tag) VALUES (1, 'old');"
                    + " UPDATE group_tag SET tag = 'new' WHERE group_id = 1 AND tag = 'old'",
            "a deleted tag; INSERT INTO group_tag (group_id, tag) VALUES (1, 'gone');"
                    + " DELETE FROM group_tag WHERE group_id = 1 AND tag = 'gone'"})
    void aCommittedChangeChangesTheToken(String what, String given, String change) throws SQLException {
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            if (given != null) {
                s.executeUpdate(given);
            }
            long before = token(c);
            assertThat(s.executeUpdate(change)).as(what).isEqualTo(1);
            assertThat(token(c)).as("the token after %s", what).isNotEqualTo(before);
        }
    }

    @Test
    void aTransactionOfManyChangesChangesItOnceAndOnlyWhenItCommits() throws SQLException {
        try (Connection writer = pg.connect(); Connection reader = pg.connect(); Statement s = writer.createStatement()) {
            long before = token(reader);
            writer.setAutoCommit(false);
            s.executeUpdate("UPDATE chat_group SET notes = 'n' WHERE id IN (1, 2)");
            s.executeUpdate("INSERT INTO group_tag (group_id, tag) VALUES (2, 'A'), (2, 'B'), (2, 'C')");
            assertThat(token(reader)).as("seen by another operator before the commit").isEqualTo(before);
            writer.commit();
            assertThat(token(reader)).as("one new value for the whole transaction").isEqualTo(before + 1);
        }
    }

    @Test
    void aRolledBackChangeLeavesTheTokenAsItWas() throws SQLException {
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            long before = token(c);
            var members = Schemas.rows(c, "SELECT member_count FROM chat_group WHERE id = 1");
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE chat_group SET member_count = 99 WHERE id = 1");
            s.executeUpdate("INSERT INTO group_tag (group_id, tag) VALUES (1, 'rolled-back')");
            s.executeUpdate("DELETE FROM group_tag WHERE group_id = 1 AND tag = 'VIP'");
            c.rollback();
            c.setAutoCommit(true);
            assertThat(token(c)).isEqualTo(before);
            assertThat(Schemas.rows(c, "SELECT member_count FROM chat_group WHERE id = 1")).isEqualTo(members);
        }
    }

    /**
     * Operator A changes group 1, B changes group 2 and commits a moment later, A meanwhile changes group 2 too and
     * waits for B's row lock. Had the triggers updated the single registry row at each statement, A would hold that
     * row from its first change, B would wait for it, and A for B: a deadlock, one of the two changes refused.
     */
    @Test
    void twoOperatorsChangingGroupsAtTheSameTimeDoNotDeadlockOnTheToken() throws Exception {
        try (Connection a = pg.connect(); Connection b = pg.connect(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            long before = token(a);
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            sa.executeUpdate("UPDATE chat_group SET owner = 'A' WHERE id = 1");
            CompletableFuture<Void> operatorB = CompletableFuture.runAsync(() -> {
                try {
                    sb.executeUpdate("UPDATE chat_group SET owner = 'B' WHERE id = 2");
                    Thread.sleep(500);
                    b.commit();
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException("operator B: " + e.getMessage(), e);
                }
            });
            Thread.sleep(200);
            sa.executeUpdate("UPDATE chat_group SET admins = 'A' WHERE id = 2");
            a.commit();
            operatorB.get(20, TimeUnit.SECONDS);
            assertThat(Schemas.rows(a, "SELECT id, owner, admins FROM chat_group WHERE id IN (1, 2) ORDER BY id"))
                    .containsExactly("1|A|null", "2|B|A");
            assertThat(token(a)).isEqualTo(before + 2);
        }
    }

    private static long token(Connection c) throws SQLException {
        return Long.parseLong(Schemas.scalar(c, "SELECT token FROM registry_version WHERE id = 1"));
    }
}
