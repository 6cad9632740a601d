package com.qundesk.workspace.copy;

import com.qundesk.db.Catalogue;
import com.qundesk.db.Database;
import com.qundesk.db.TableShape;
import com.qundesk.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a copy reads from the catalogues: the same tables in the same foreign-key order with the same columns on a
 * SQLite file and on PostgreSQL, and which tables a freshly migrated workspace already fills (the copy skips those).
 */
class CopyTablesTest {

    @TempDir
    Path dir;

    @Test
    void bothCataloguesGiveTheSameTablesInAnOrderTheForeignKeysAccept() throws Exception {
        List<TableShape> onFile;
        try (Database db = Database.open(dir.resolve("w.qundesk"))) {
            onFile = db.read(Catalogue::tables);
        }
        PostgresServer.Database server = PostgresServer.database(CopyTablesTest.class);
        Database.open(server.address(), Optional.empty()).close();
        List<TableShape> onServer;
        try (Connection c = server.connect()) {
            onServer = Catalogue.tables(c);
        }

        assertThat(onFile).hasSizeGreaterThan(25);
        assertThat(onServer.stream().map(TableShape::name).toList())
                .isEqualTo(onFile.stream().map(TableShape::name).toList());
        for (int i = 0; i < onFile.size(); i++) {
            TableShape f = onFile.get(i);
            TableShape s = onServer.get(i);
            assertThat(s.columns()).as(f.name()).isEqualTo(f.columns());
            assertThat(s.primaryKey()).as(f.name()).isEqualTo(f.primaryKey()).isNotEmpty();
            assertThat(s.references()).as(f.name()).isEqualTo(f.references());
            assertThat(s.selfRef()).as(f.name()).isEqualTo(f.selfRef());
            List<String> before = onFile.subList(0, i).stream().map(TableShape::name).toList();
            assertThat(before).as("%s comes after what it refers to", f.name()).containsAll(f.references());
        }
        TableShape groups = onServer.stream().filter(t -> t.name().equals("chat_group")).findFirst().orElseThrow();
        assertThat(groups.selfRef()).contains("parent_id");
        assertThat(groups.generatedId()).contains("id");
    }

    @Test
    void aNewWorkspaceHoldsRowsOnlyInTheTablesACopyLeavesAlone() throws Exception {
        try (Database db = Database.open(dir.resolve("fresh.qundesk"))) {
            assertThat(db.read(CopyTablesTest::filledTables)).isSubsetOf(WorkspaceCopyService.NOT_COPIED)
                    .contains("registry_version");
        }
        PostgresServer.Database server = PostgresServer.database(CopyTablesTest.class);
        Database.open(server.address(), Optional.empty()).close();
        try (Connection c = server.connect()) {
            assertThat(filledTables(c)).isSubsetOf(WorkspaceCopyService.NOT_COPIED).contains("registry_version");
        }
    }

    private static List<String> filledTables(Connection c) throws java.sql.SQLException {
        List<String> filled = new ArrayList<>();
        for (TableShape t : Catalogue.tables(c)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + TableShape.quote(t.name()));
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    filled.add(t.name());
                }
            }
        }
        return filled;
    }
}
