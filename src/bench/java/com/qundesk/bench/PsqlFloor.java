package com.qundesk.bench;

import com.qundesk.db.ServerAddress;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The floor of the import figure on a server: {@code psql}'s {@code \copy} into a bare table without a key, timed as
 * the whole psql process (as the sqlite3 shell's {@code .import} is for a file): of the export's CSV into twelve
 * {@code text} columns, and of the rows an import stored ({@code chat_message}'s ten numbers, written out once with
 * {@code COPY … TO}) into ten {@code bigint} columns. Without psql on the PATH each says so instead of a figure.
 */
final class PsqlFloor {

    static final String CSV_TABLE = "CREATE TABLE t (localId text, TalkerId text, Type text, SubType text, "
            + "IsSender text, CreateTime text, Status text, StrContent text, StrTime text, Remark text, "
            + "NickName text, Sender text)";
    static final String ROWS_TABLE = "CREATE TABLE s (group_id bigint, at bigint, sender_id bigint, kind bigint, "
            + "seq bigint, day bigint, flags bigint, joins bigint, removals bigint, import_id bigint)";
    static final String STORED_COLUMNS = "group_id, at, sender_id, kind, seq, day, flags, joins, removals, import_id";

    private final ServerBench server;
    private final ServerAddress db;
    private final Path work;
    private final Optional<Path> psql = Display.onPath("psql");

    PsqlFloor(ServerBench server, ServerAddress db, Path work) {
        this.server = server;
        this.db = db;
        this.work = work;
    }

    /** Where the stored rows go for the second floor. */
    Path rowsFile() {
        return work.resolve("chat_message.copy");
    }

    /** Writes the stored messages of {@code from} to {@link #rowsFile()} in COPY's text format. */
    long exportRows(ServerAddress from) throws SQLException, IOException {
        try (Connection c = server.connect(from); OutputStream out = Files.newOutputStream(rowsFile())) {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY (SELECT " + STORED_COLUMNS + " FROM chat_message) TO STDOUT", out);
        }
    }

    /** {@code \copy} of the export's CSV (with its header line) into a new bare text table. */
    Map<String, Object> csv(Path csv) throws IOException, InterruptedException, SQLException {
        return timed("t", CSV_TABLE, csv, " WITH (FORMAT csv, HEADER true)");
    }

    /** {@code \copy} of the stored rows ({@link #exportRows}) into a new bare bigint table. */
    Map<String, Object> storedRows() throws IOException, InterruptedException, SQLException {
        return timed("s", ROWS_TABLE, rowsFile(), "");
    }

    private Map<String, Object> timed(String table, String create, Path file, String with)
            throws IOException, InterruptedException, SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (psql.isEmpty()) {
            out.put("skipped", "psql is not on PATH (Debian: apt-get install postgresql-client)");
            return out;
        }
        try (Connection c = server.connect(db); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + table);
            st.execute(create);
        }
        server.checkpoint();
        String path = file.toAbsolutePath().toString().replace("'", "''");
        List<String> cmd = new ArrayList<>(List.of(psql.get().toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", db.host(), "-p", Integer.toString(db.port()), "-U", db.user(), "-d", db.database(),
                "-c", "\\copy " + table + " FROM '" + path + "'" + with));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        server.password().ifPresent(pw -> pb.environment().put("PGPASSWORD", pw));
        String sslmode = db.params().get("sslmode");
        if (sslmode != null) {
            pb.environment().put("PGSSLMODE", sslmode);
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            out.put("skipped", "psql failed (" + code + "): " + output);
            return out;
        }
        long rows;
        try (Connection c = server.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            rows = rs.getLong(1);
        }
        out.put("rows", rows);
        out.put("seconds", Bench.round(s, 3));
        out.put("rowsPerSecond", Math.round(rows / s));
        return out;
    }
}
