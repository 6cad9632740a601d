package com.qundesk.db;

import java.util.List;
import java.util.Optional;

/**
 * One table of a workspace as its database's catalogue describes it: its columns in declaration order, its primary key
 * (the order rows are read and compared in), the tables it refers to, and what a copy has to know about it.
 *
 * @param name        the table's name
 * @param columns     every column, in declaration order
 * @param primaryKey  the primary key's columns, in key order (never empty in a QunDesk workspace)
 * @param references  the other tables this one's foreign keys point at (itself excluded)
 * @param selfRef     a column referring to this table's own single-column key (a group's parent), if any
 * @param generatedId the key column the database numbers itself (a rowid alias, an identity), if any
 */
public record TableShape(String name, List<String> columns, List<String> primaryKey, List<String> references,
                         Optional<String> selfRef, Optional<String> generatedId) {

    /** The column list for a statement, each name quoted. */
    public String columnList() {
        return String.join(", ", columns.stream().map(TableShape::quote).toList());
    }

    /** The primary key as an ORDER BY list, each name quoted. */
    public String keyOrder() {
        return String.join(", ", primaryKey.stream().map(TableShape::quote).toList());
    }

    /** A table or column name from the catalogue as an SQL identifier both databases read alike. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
