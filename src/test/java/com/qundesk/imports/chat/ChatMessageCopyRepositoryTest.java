package com.qundesk.imports.chat;

import com.qundesk.testsupport.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * PostgreSQL's storing path of a chat import on a real server: batches that cannot overlap stored rows share one COPY
 * kept open across them, a batch that may overlap ends it and is checked row by row against the key, and a failed
 * import lets go of the open COPY so that its transaction can roll back.
 */
class ChatMessageCopyRepositoryTest {

    private static final long GROUP = 7;
    private PostgresServer.Database db;

    @BeforeEach
    void server() {
        db = PostgresServer.workspace(ChatMessageCopyRepositoryTest.class);
    }

    private static MessageBatch batch(long firstAt, int rows) {
        ImportSession.Target t = new ImportSession.Target(GROUP, 0, null);
        MessageBatch b = new MessageBatch();
        for (int i = 0; i < rows; i++) {
            b.add(t, firstAt + i, 0, 0, 20_000, 1 + (int) ((firstAt + i) % 3), 0, 0, 0);
        }
        return b;
    }

    private static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM chat_message")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void batchesShareOneOpenCopyAndAnOverlappingBatchIsCheckedAgainstTheKey() throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            ChatMessageCopyRepository repo = new ChatMessageCopyRepository(c, 1);
            assertThat(repo.storedRange(GROUP)).as("nothing stored before this import").isEmpty();
            MessageBatch first = batch(1_000, 100);
            repo.store(first, false);
            repo.store(batch(1_100, 100), false);
            for (int i = 0; i < 100; i++) {
                assertThat(first.isNew[i]).as("row %d", i).isTrue();
            }
            repo.pause();
            assertThat(count(c)).as("both batches, once the open COPY is ended").isEqualTo(200);

            MessageBatch overlap = batch(1_150, 100); // 50 stored already, 50 new
            repo.store(overlap, true);
            for (int i = 0; i < 100; i++) {
                assertThat(overlap.isNew[i]).as("row %d", i).isEqualTo(i >= 50);
            }
            repo.store(batch(2_000, 10), false);
            repo.close();
            c.commit();
            assertThat(count(c)).isEqualTo(260);
            assertThat(new ChatMessageCopyRepository(c, 2).storedRange(GROUP)).containsExactly(1_000L, 2_009L);
        }
    }

    @Test
    void daySenderCountsGoStraightInWhenNoneIsStoredAndAreAddedToWhenSomeAre() throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false); // as in an import: the staging table lives until the commit
            ChatMessageCopyRepository repo = new ChatMessageCopyRepository(c);
            repo.addDaySenders(List.of(new long[]{GROUP, 20_000, 2, 5}, new long[]{GROUP, 20_000, 1, 3},
                    new long[]{GROUP, 20_001, 1, 1}, new long[]{GROUP + 1, 20_001, 1, 9}));
            repo.addDaySenders(List.of(new long[]{GROUP, 20_002, 1, 4}, new long[]{GROUP, 20_001, 1, 2}));
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT group_id, day, sender_id, messages FROM chat_day_sender ORDER BY 1, 2, 3")) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "=" + rs.getLong(4));
                }
            }
            assertThat(rows).containsExactly("7/20000/1=3", "7/20000/2=5", "7/20001/1=3", "7/20002/1=4",
                    "8/20001/1=9");
        }
    }

    @Test
    void aFailedImportLetsGoOfTheOpenCopySoThatItsTransactionRollsBack() throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            ChatMessageCopyRepository repo = new ChatMessageCopyRepository(c, 1);
            repo.store(batch(1_000, 100), false);
            repo.abandon();
            // without abandon the driver waits forever for the COPY to end before it sends the rollback
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> c.rollback());
            assertThat(count(c)).isZero();
        }
    }
}
