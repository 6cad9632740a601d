package com.qundesk.workspace.copy;

import com.qundesk.db.Catalogue;
import com.qundesk.db.Database;
import com.qundesk.db.TableShape;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy of one table, statement by statement: a row that refers to a row of a later statement. */
class CopyRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void aGroupWhoseParentComesLaterIsLinkedOnceTheParentIsThere() throws Exception {
        TestWorkspace demo = TestWorkspace.demo(dir.resolve("demo"));
        demo.close();
        try (Connection c = WorkspaceTables.sqlite(demo.file); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE chat_group SET parent_id = (SELECT max(id) FROM chat_group) "
                    + "WHERE id = (SELECT min(id) FROM chat_group)");
        }
        Path copy = dir.resolve("copy.qundesk");
        Database.open(copy).close();

        // one row per statement: the parent is inserted by a statement after the child's
        CopyRepository repo = new CopyRepository(1);
        try (Connection source = WorkspaceTables.sqlite(demo.file); Connection target = WorkspaceTables.sqlite(copy);
             Statement pragma = target.createStatement()) {
            pragma.execute("PRAGMA foreign_keys = ON");
            TableShape groups = Catalogue.tables(target).stream().filter(t -> t.name().equals("chat_group"))
                    .findFirst().orElseThrow();
            target.setAutoCommit(false);
            assertThat(repo.copy(source, target, groups, (t, rows) -> { })).isGreaterThan(30);
            target.commit();
        }

        Map<String, List<List<Object>>> original;
        try (Connection c = WorkspaceTables.sqlite(demo.file)) {
            original = WorkspaceTables.rows(c);
        }
        try (Connection c = WorkspaceTables.sqlite(copy)) {
            assertThat(WorkspaceTables.rows(c).get("chat_group")).isEqualTo(original.get("chat_group"));
        }
    }
}
