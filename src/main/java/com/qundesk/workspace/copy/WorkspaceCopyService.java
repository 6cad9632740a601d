package com.qundesk.workspace.copy;

import com.qundesk.db.Catalogue;
import com.qundesk.db.Database;
import com.qundesk.db.TableShape;
import com.qundesk.db.WorkspaceException;
import com.qundesk.db.WorkspaceLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * {@code qundesk workspace copy}: every row of one workspace into another that holds nothing yet, ids kept — a personal
 * file moved onto the team's server, or the team's database taken home as a file to open offline. The target is
 * written in one transaction (all or nothing); the source is only read, in one transaction (a consistent snapshot).
 */
public final class WorkspaceCopyService {
    private static final Logger log = LoggerFactory.getLogger(WorkspaceCopyService.class);

    /**
     * Tables a copy leaves alone: the migrations' own history, and rows the migrations seed — the registry's change
     * token (the target's own keeps moving when the copied groups arrive). {@code CopyTablesTest} fails when a new
     * migration seeds another table, so that someone decides about it.
     */
    static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "registry_version");
    /** The starter library the app adds at its first start: replaced by the source's library, not a reason to refuse. */
    private static final List<String> STARTER_TABLES = List.of("template", "template_version");

    /** Told how far the copy is. */
    @FunctionalInterface
    public interface Listener {
        /** {@code rows} of {@code total} rows of {@code table} are copied so far. */
        void progress(String table, long rows, long total);
    }

    /** What a copy did: the rows of each table copied (in the order copied) and how long it took. */
    public record Summary(Map<String, Long> rowsByTable, Duration took) {
        public long rows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Database.BeforeMigration beforeMigration;
    private final CopyRepository repo = new CopyRepository();

    /** {@code beforeMigration} backs up a source file that this build must migrate before reading it. */
    public WorkspaceCopyService(Database.BeforeMigration beforeMigration) {
        this.beforeMigration = beforeMigration;
    }

    /**
     * Copies {@code from} into {@code to}: a new file (created and migrated) or an existing server database (migrated
     * if needed) that holds no data. A source from a newer QunDesk is refused, an older one is first brought to this
     * build's format as any start of QunDesk would (a file is backed up first).
     *
     * @param cancelled asked between batches; when it answers true the copy stops and the target keeps nothing
     * @throws WorkspaceException when the source is missing, the target holds data or exists as a file, or a row is
     *                            refused (the target then holds nothing of the copy)
     * @throws CopyCancelledException when cancelled
     */
    public Summary copy(WorkspaceLocation from, WorkspaceLocation to, Listener listener, BooleanSupplier cancelled) {
        if (from.display().equals(to.display())) {
            throw new WorkspaceException("workspace.copy.same", null, from.display());
        }
        checkSource(from);
        boolean newFile = to instanceof WorkspaceLocation.LocalFile f && !Files.exists(f.file());
        if (to instanceof WorkspaceLocation.LocalFile f && !newFile && size(f.file()) > 0) {
            throw new WorkspaceException("workspace.copy.targetFileExists", null, to.display());
        }
        long started = System.nanoTime();
        boolean done = false;
        try (Database source = Database.open(from, beforeMigration)) {
            try (Database target = Database.open(to, Database.BeforeMigration.NONE)) {
                Map<String, Long> copied = target.inTransaction(t -> source.read(s ->
                        copyAll(s, t, to, listener, cancelled)));
                done = true;
                Summary summary = new Summary(copied, Duration.ofNanos(System.nanoTime() - started));
                log.info("Copied {} rows of {} tables from {} to {} in {} ms", summary.rows(), copied.size(),
                        from.display(), to.display(), summary.took().toMillis());
                return summary;
            }
        } finally {
            if (newFile && !done) {
                removeNewFile(((WorkspaceLocation.LocalFile) to).file());
            }
        }
    }

    private Map<String, Long> copyAll(Connection source, Connection target, WorkspaceLocation to, Listener listener,
                                      BooleanSupplier cancelled) throws SQLException {
        List<TableShape> tables = Catalogue.tables(target).stream()
                .filter(t -> !NOT_COPIED.contains(t.name())).toList();
        List<TableShape> starter = refuseUnlessEmpty(target, tables, to);
        for (TableShape t : starter.reversed()) {
            repo.clear(target, t);
        }
        Map<String, Long> copied = new LinkedHashMap<>();
        for (TableShape table : tables) {
            long total = repo.count(source, table);
            listener.progress(table.name(), 0, total);
            try {
                copied.put(table.name(), repo.copy(source, target, table, (t, rows) -> {
                    if (cancelled.getAsBoolean()) {
                        throw new CopyCancelledException();
                    }
                    listener.progress(t.name(), rows, total);
                }));
            } catch (SQLException e) {
                // a batch's own message repeats its whole statement; the server's reason is the next exception's
                SQLException reason = e.getNextException() != null ? e.getNextException() : e;
                throw new WorkspaceException("workspace.copy.refused", e, table.name(), to.display(),
                        String.valueOf(reason.getMessage()).strip());
            }
        }
        for (TableShape table : tables) {
            repo.moveIdentityPastCopiedIds(target, table);
        }
        return copied;
    }

    /**
     * Refuses a target that holds any row a copy would duplicate; gives the starter-library tables to empty first when
     * that library is all it holds.
     */
    private List<TableShape> refuseUnlessEmpty(Connection target, List<TableShape> tables, WorkspaceLocation to)
            throws SQLException {
        Map<String, Long> held = new LinkedHashMap<>();
        for (TableShape t : tables) {
            long n = repo.count(target, t);
            if (n > 0) {
                held.put(t.name(), n);
            }
        }
        List<TableShape> starter = new ArrayList<>();
        if (held.keySet().stream().allMatch(STARTER_TABLES::contains) && repo.onlyStarterTemplates(target)) {
            tables.stream().filter(t -> held.containsKey(t.name())).forEach(starter::add);
            return starter;
        }
        if (held.containsKey("chat_group")) {
            throw new WorkspaceException("workspace.copy.targetHasGroups", null, to.display(), held.get("chat_group"));
        }
        var first = held.entrySet().stream().filter(e -> !STARTER_TABLES.contains(e.getKey())).findFirst()
                .orElse(held.entrySet().iterator().next());
        throw new WorkspaceException("workspace.copy.targetHasRows", null, to.display(), first.getValue(),
                first.getKey());
    }

    /** A source must exist: a typo must not copy a new, empty workspace onto the team's server. */
    private static void checkSource(WorkspaceLocation from) {
        if (from instanceof WorkspaceLocation.LocalFile f) {
            if (!Files.isRegularFile(f.file())) {
                throw new WorkspaceException("workspace.copy.noSource", null, from.display());
            }
            if (size(f.file()) == 0) {
                throw new WorkspaceException("workspace.copy.emptySource", null, from.display());
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** A file this copy created and could not fill is removed with its companions: no half-made workspace stays. */
    private static void removeNewFile(Path file) {
        Path abs = file.toAbsolutePath();
        for (String suffix : List.of("", "-wal", "-shm", ".lock")) {
            try {
                Files.deleteIfExists(abs.resolveSibling(abs.getFileName() + suffix));
            } catch (IOException e) {
                log.warn("Could not remove {}{} after a failed copy", abs, suffix, e);
            }
        }
        try {
            Files.deleteIfExists(abs.resolveSibling("." + abs.getFileName() + ".checked"));
        } catch (IOException e) {
            log.warn("Could not remove the check mark of {}", abs, e);
        }
    }
}
