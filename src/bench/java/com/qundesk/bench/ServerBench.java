package com.qundesk.bench;

import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.core.UserPrefs;
import com.qundesk.db.Database;
import com.qundesk.db.PgPassword;
import com.qundesk.db.ServerAddress;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.workspace.AppContext;
import com.qundesk.workspace.copy.WorkspaceCopyService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The bench's team workspace (issue 16): the built workspace copied onto a PostgreSQL server by the app's own
 * {@code workspace copy} path, so that the dashboard runs on the same rows as on the file, and fresh migrated
 * databases for the import figure. The address names a database the bench connects to in order to create and drop
 * its own ones beside it ({@code <database>_ws}, {@code <database>_import}, {@code <database>_floor}), so its user
 * needs {@code CREATEDB}; the password comes from {@code PGPASSWORD} or the password file, as for the app.
 */
final class ServerBench {

    private final ServerAddress admin;
    private final Optional<String> password;
    private final AppPaths home;
    private final Consumer<String> log;

    ServerBench(ServerAddress admin, AppPaths home, Consumer<String> log) {
        this.admin = admin;
        this.password = PgPassword.system().lookup(admin);
        this.home = home;
        this.log = log;
    }

    ServerAddress admin() {
        return admin;
    }

    AppPaths home() {
        return home;
    }

    Optional<String> password() {
        return password;
    }

    /** The address of one of the bench's own databases on the same server. */
    ServerAddress database(String suffix) {
        return new ServerAddress(admin.host(), admin.port(), admin.database() + "_" + suffix, admin.user(),
                admin.params());
    }

    /** Drops the bench's database {@code suffix} if there is one and creates it empty. */
    ServerAddress fresh(String suffix) throws SQLException {
        ServerAddress a = database(suffix);
        try (Connection c = connect(admin); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + a.database() + "\" WITH (FORCE)");
            st.execute("CREATE DATABASE \"" + a.database() + "\" TEMPLATE template0 ENCODING 'UTF8'");
        }
        return a;
    }

    void drop(String suffix) throws SQLException {
        try (Connection c = connect(admin); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + database(suffix).database() + "\" WITH (FORCE)");
        }
    }

    Connection connect(ServerAddress a) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", a.user());
        password.ifPresent(pw -> p.setProperty("password", pw));
        return DriverManager.getConnection(a.jdbcUrl(), p);
    }

    /**
     * Copies the built SQLite workspace into a fresh {@code <database>_ws} with {@code workspace copy}'s service, then
     * {@code ANALYZE}s it (what autovacuum does within a minute of a bulk load; without it the first plans guess).
     */
    Map<String, Object> copy(Path file) throws SQLException {
        Map<String, Object> r = new LinkedHashMap<>();
        ServerAddress ws = fresh("ws");
        log.accept("Copying the built workspace onto " + ws.display() + " — load " + Bench.loadText());
        long t0 = System.nanoTime();
        WorkspaceCopyService.Summary s = new WorkspaceCopyService(Database.BeforeMigration.NONE).copy(
                new WorkspaceLocation.LocalFile(file), new WorkspaceLocation.Server(ws), (t, n, total) -> { },
                () -> false);
        r.put("copySeconds", Bench.round((System.nanoTime() - t0) / 1e9, 1));
        r.put("copiedRows", s.rows());
        long t1 = System.nanoTime();
        try (Connection c = connect(ws); Statement st = c.createStatement()) {
            st.execute("ANALYZE");
        }
        r.put("analyzeSeconds", Bench.round((System.nanoTime() - t1) / 1e9, 1));
        log.accept(String.format(java.util.Locale.ROOT, "  %,d rows in %.1f s, ANALYZE %.1f s", s.rows(),
                (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9));
        return r;
    }

    /**
     * Writes out what earlier steps left dirty, so that a timed step does not pay for the one before it; needs a
     * superuser (or {@code pg_checkpoint}): without one the steps start with whatever is dirty.
     */
    void checkpoint() {
        try (Connection c = connect(admin); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            log.accept("  (no CHECKPOINT between steps: " + e.getMessage() + ")");
        }
    }

    /**
     * The import figure: {@code runs} rounds, each an import of the headline export into a fresh migrated database
     * holding only the registry (timed around {@code importFile} as for a file), then the psql floors of the same
     * file and of the rows it stored — alternated, so that the machine's load moves all three alike.
     */
    Map<String, Object> importFigure(Path registry, Path headline, int runs, MutableClock clock, Path work)
            throws IOException, InterruptedException, SQLException {
        Map<String, Object> r = new LinkedHashMap<>();
        PsqlFloor floor = floor(work);
        List<Map<String, Object>> imports = new ArrayList<>();
        List<Map<String, Object>> csv = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ServerAddress a = fresh("import");
            try (AppContext ctx = open(a, clock)) {
                ctx.registryImporter().importFile(registry, false);
                checkpoint();
                log.accept("Importing the headline export into a fresh database on the server (" + (i + 1) + "/"
                        + runs + ") — load " + Bench.loadText());
                imports.add(BenchRunner.timedImport(ctx, headline, log));
            }
            if (i == 0) {
                r.put("storedRowsExported", floor.exportRows(a));
            }
            log.accept("psql \\copy of the CSV, then of the stored rows, into bare tables — load " + Bench.loadText());
            csv.add(floor.csv(headline));
            rows.add(floor.storedRows());
            log.accept("  " + csv.getLast().getOrDefault("seconds", csv.getLast().get("skipped")) + " s, "
                    + rows.getLast().getOrDefault("seconds", rows.getLast().get("skipped")) + " s");
        }
        drop("import");
        drop("floor");
        Files.deleteIfExists(floor.rowsFile());
        r.put("runs", imports);
        r.put("psqlCsv", csv);
        r.put("psqlStoredRows", rows);
        double imp = medianSeconds(imports);
        r.put("importMedianSeconds", Bench.round(imp, 3));
        double c = medianSeconds(csv);
        double s = medianSeconds(rows);
        if (!Double.isNaN(c)) {
            r.put("psqlCsvMedianSeconds", Bench.round(c, 3));
            r.put("ratioToPsqlCsv", Bench.round(imp / c, 2));
        }
        if (!Double.isNaN(s)) {
            r.put("psqlStoredRowsMedianSeconds", Bench.round(s, 3));
            r.put("ratioToPsqlStoredRows", Bench.round(imp / s, 2));
        }
        return r;
    }

    private static double medianSeconds(List<Map<String, Object>> runs) {
        List<Double> s = runs.stream().filter(m -> m.get("seconds") instanceof Number)
                .map(m -> ((Number) m.get("seconds")).doubleValue()).toList();
        return s.isEmpty() ? Double.NaN : Bench.median(s);
    }

    /** Opens one of the bench's databases as the app would (migrating it when it is new). */
    AppContext open(ServerAddress a, MutableClock clock) {
        return AppContext.open(home, new UserPrefs(home.prefsFile()), new WorkspaceLocation.Server(a), clock);
    }

    /** The floor of the import figure: {@code psql \copy} into bare tables of a fresh {@code <database>_floor}. */
    PsqlFloor floor(Path work) throws IOException, SQLException {
        Files.createDirectories(work);
        return new PsqlFloor(this, fresh("floor"), work);
    }
}
