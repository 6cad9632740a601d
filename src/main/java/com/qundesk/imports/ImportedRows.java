package com.qundesk.imports;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The rows an import stored in tables that another import's repository owns (the WeCom members and statistics),
 * which undoing the import takes out too, inside the undo's transaction.
 */
public interface ImportedRows {

    /** Deletes the rows import {@code importId} stored. */
    void removeImport(Connection c, long importId) throws SQLException;
}
