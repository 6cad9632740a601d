package com.qundesk.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open workspace file holds one idle connection: a committed transaction stays in the write-ahead log instead of
 * being checkpointed into the file (with an fsync) as its own connection closes — which every transaction of a
 * single-threaded command paid before — and the log is folded into the file when the workspace closes.
 */
class HeldConnectionTest {

    @TempDir
    Path dir;

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    @Test
    void committedWorkStaysInTheLogWhileOpenAndIsInTheFileOnceClosed() throws Exception {
        Path file = dir.resolve("w.qundesk");
        Database db = Database.open(file);
        for (int i = 0; i < 3; i++) {
            String key = "k" + i;
            db.inTransaction(c -> {
                try (var ps = c.prepareStatement("INSERT INTO workspace_setting (key, value) VALUES (?, 'v')")) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                }
                return null;
            });
        }
        // every transaction's own connection is closed by now: the log was not checkpointed away behind each
        assertThat(wal(file)).exists();
        assertThat(Files.size(wal(file))).isPositive();

        db.close();
        // the last connection closed: the log is folded into the file and removed, the rows are in the file itself
        assertThat(wal(file)).doesNotExist();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM workspace_setting WHERE key LIKE 'k%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }
}
