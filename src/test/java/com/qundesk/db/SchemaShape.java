package com.qundesk.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.qundesk.db.Schemas.rows;

/**
 * What the application relies on in a workspace's schema, read from the database's own catalogue and written as one
 * line per fact ("chat_group column 9 member_count integer NOT NULL DEFAULT 0", "group_tag fk (group_id) ->
 * chat_group (id) ON DELETE CASCADE"), sorted, so that the SQLite and the PostgreSQL schemas compare line by line and
 * a difference names itself. Types are compared by family (SQLite INTEGER is BIGINT or INTEGER on PostgreSQL, REAL
 * is DOUBLE PRECISION).
 */
final class SchemaShape {

    private static final Pattern CHECK = Pattern.compile("\\bCHECK\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> PG_DELETE_RULES = Map.of("a", "NO ACTION", "r", "RESTRICT", "c", "CASCADE",
            "n", "SET NULL", "d", "SET DEFAULT");

    private SchemaShape() {
    }

    static List<String> tables(Connection c, boolean postgres) throws SQLException {
        return postgres
                ? rows(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY 1")
                : rows(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                        + " AND name <> 'flyway_schema_history' ORDER BY 1");
    }

    /** Every fact of a SQLite workspace's schema, sorted. */
    static List<String> ofSqlite(Connection c) throws SQLException {
        List<String> facts = new ArrayList<>();
        for (String t : tables(c, false)) {
            TreeMap<Integer, String> pk = new TreeMap<>();
            for (String col : rows(c, "SELECT cid, name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('" + t + "')")) {
                String[] f = col.split("\\|", -1);
                boolean notNull = f[3].equals("1") || !f[5].equals("0");
                facts.add(column(t, Integer.parseInt(f[0]) + 1, f[1], f[2], notNull, f[4]));
                if (!f[5].equals("0")) {
                    pk.put(Integer.parseInt(f[5]), f[1]);
                }
            }
            facts.add(t + " primary key (" + String.join(",", pk.values()) + ")");
            for (String ix : rows(c, "SELECT name, \"unique\", origin, partial FROM pragma_index_list('" + t + "')")) {
                String[] f = ix.split("\\|", -1);
                List<String> cols = rows(c, "SELECT coalesce(name, '(expr)') FROM pragma_index_info('" + f[0] + "') ORDER BY seqno");
                if (f[2].equals("c")) {
                    facts.add(index(t, f[0], f[1].equals("1"), f[3].equals("1"), cols));
                } else if (f[2].equals("u")) {
                    facts.add(t + " unique (" + String.join(",", cols) + ")");
                }
            }
            TreeMap<Integer, String[]> fks = new TreeMap<>();
            for (String fk : rows(c, "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('" + t
                    + "') ORDER BY id, seq")) {
                String[] f = fk.split("\\|", -1);
                fks.merge(Integer.parseInt(f[0]), new String[]{f[1], f[2], f[3], f[4]},
                        (a, b) -> new String[]{a[0], a[1] + "," + b[1], a[2] + "," + b[2], a[3]});
            }
            fks.values().forEach(f -> facts.add(foreignKey(t, f[1], f[0], f[2], f[3])));
            String sql = Schemas.scalar(c, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + t + "'");
            facts.add(t + " checks " + count(CHECK.matcher(sql)));
        }
        rows(c, "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
                .forEach(r -> facts.add(r.replace("|", " trigger ")));
        return facts.stream().sorted().toList();
    }

    /** Every fact of a PostgreSQL workspace's schema (the public schema), sorted. */
    static List<String> ofPostgres(Connection c) throws SQLException {
        List<String> facts = new ArrayList<>();
        for (String col : rows(c, "SELECT table_name, ordinal_position, column_name, data_type, is_nullable, column_default"
                + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'")) {
            String[] f = col.split("\\|", -1);
            String dflt = f[5].equals("null") ? "null" : f[5].replaceAll("::[a-z ]+$", "");
            facts.add(column(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4].equals("NO"), dflt));
        }
        String colsOf = "array_to_string(ARRAY(SELECT coalesce(a.attname, '(expr)') FROM unnest(%s::int2[]) WITH ORDINALITY"
                + " k(num, n) LEFT JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.num ORDER BY k.n), ',')";
        for (String ix : rows(c, "SELECT t.relname, i.relname, ix.indisunique, ix.indpred IS NOT NULL, coalesce(con.contype, 'i'), "
                + colsOf.formatted("ix.indkey", "ix.indrelid")
                + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid"
                + " LEFT JOIN pg_constraint con ON con.conindid = ix.indexrelid AND con.contype IN ('p', 'u')"
                + " WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'flyway_schema_history'")) {
            String[] f = ix.split("\\|", -1);
            List<String> cols = List.of(f[5].split(","));
            switch (f[4]) {
                case "p" -> facts.add(f[0] + " primary key (" + f[5] + ")");
                case "u" -> facts.add(f[0] + " unique (" + f[5] + ")");
                default -> facts.add(index(f[0], f[1], f[2].equals("t"), f[3].equals("t"), cols));
            }
        }
        for (String fk : rows(c, "SELECT con.conrelid::regclass::text, " + colsOf.formatted("con.conkey", "con.conrelid")
                + ", con.confrelid::regclass::text, " + colsOf.formatted("con.confkey", "con.confrelid")
                + ", con.confdeltype FROM pg_constraint con WHERE con.contype = 'f'"
                + " AND con.connamespace = 'public'::regnamespace")) {
            String[] f = fk.split("\\|", -1);
            facts.add(foreignKey(f[0], f[1], f[2], f[3], PG_DELETE_RULES.get(f[4])));
        }
        for (String t : tables(c, true)) {
            facts.add(t + " checks " + Schemas.scalar(c, "SELECT count(*) FROM pg_constraint WHERE contype = 'c'"
                    + " AND conrelid = 'public." + t + "'::regclass"));
        }
        rows(c, "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal")
                .forEach(r -> facts.add(r.replace("|", " trigger ")));
        return facts.stream().sorted().toList();
    }

    private static String column(String table, int position, String name, String type, boolean notNull, String dflt) {
        return "%s column %02d %s %s%s%s".formatted(table, position, name, family(type), notNull ? " NOT NULL" : "",
                dflt.equals("null") ? "" : " DEFAULT " + dflt);
    }

    private static String index(String table, String name, boolean unique, boolean partial, List<String> cols) {
        return "%s %sindex %s (%s)%s".formatted(table, unique ? "unique " : "", name, String.join(",", cols),
                partial ? " WHERE …" : "");
    }

    private static String foreignKey(String table, String from, String target, String to, String onDelete) {
        return "%s fk (%s) -> %s (%s) ON DELETE %s".formatted(table, from, target, to, onDelete);
    }

    private static String family(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "integer", "bigint", "smallint" -> "integer";
            case "real", "double precision" -> "real";
            case "text" -> "text";
            case "blob", "bytea" -> "blob";
            default -> "?" + type;
        };
    }

    private static long count(Matcher m) {
        return m.results().count();
    }
}
