package com.qundesk.backup;

import com.qundesk.db.SqliteSnapshot;
import com.qundesk.db.BackupValidator;
import com.qundesk.core.AppPaths;
import com.qundesk.db.Database;
import com.qundesk.db.WorkspaceException;
import com.qundesk.db.WorkspaceLock;
import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import com.qundesk.io.DiskFull;
import com.qundesk.io.OwnerOnlyFiles;
import com.qundesk.settings.WorkspaceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Backups of one open workspace: consistent copies ({@code VACUUM INTO}) in
 * {@code <data folder>/backups/<workspace>/}, the last N kept (workspace setting {@value #KEEP_SETTING}), and
 * restore: the file is checked, the current state backed up, then the workspace replaced in one atomic move.
 * Every file is owner-only. No JavaFX here; the GUI and the CLI call the same methods.
 */
public final class BackupService {
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    public static final String KEEP_SETTING = "backups.keep";
    public static final int DEFAULT_KEEP = 10;
    public static final int MIN_KEEP = 1;
    public static final int MAX_KEEP = 100;
    /** At start no backup is taken when one is younger than this: quick restarts do not push older days out. */
    public static final Duration AT_START_UNLESS_NEWER_THAN = Duration.ofHours(1);
    /** While the app runs, a backup is taken when the newest is this old. */
    public static final Duration DAILY = Duration.ofDays(1);

    private final Database db;
    private final WorkspaceSettings settings;
    private final AppPaths paths;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    public BackupService(Database db, WorkspaceSettings settings, AppPaths paths, Clock clock, Supplier<ZoneId> zone) {
        this.db = db;
        this.settings = settings;
        this.paths = paths;
        this.clock = clock;
        this.zone = zone;
    }

    /** The folder holding this workspace's backups. */
    public Path folder() {
        return folderFor(paths, db.file());
    }

    /**
     * {@code <data folder>/backups/<workspace name>} for the default workspace; any other workspace gets a short
     * fingerprint of its path after the name, so two files both called {@code workspace.qundesk} never share (and
     * prune) one folder.
     */
    public static Path folderFor(AppPaths paths, Path workspace) {
        Path root = paths.dataDir().resolve("backups");
        String stem = BackupNames.stem(workspace);
        if (BackupNames.real(workspace).equals(BackupNames.real(paths.defaultWorkspace()))) {
            return root.resolve(stem);
        }
        return root.resolve(stem + "-" + BackupNames.fingerprint(workspace));
    }

    /** Takes a backup now, then drops the oldest beyond the number kept. */
    public synchronized BackupInfo backupNow() {
        BackupInfo b = write(BackupInfo.Kind.REGULAR, null);
        prune();
        return b;
    }

    /** Takes a backup unless the newest one is younger than {@code age} (at start, and the daily check). */
    public synchronized Optional<BackupInfo> backupIfOlderThan(Duration age) {
        Optional<BackupInfo> newest = list().stream().findFirst();
        if (newest.isPresent() && newest.get().takenAt().isAfter(clock.instant().minus(age))) {
            return Optional.empty();
        }
        return Optional.of(backupNow());
    }

    /** Writes a backup to {@code out} (which must not exist yet); not counted among the kept ones. */
    public synchronized Path backupTo(Path out) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new WorkspaceException("backup.error.exists", null, target);
        }
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writeVia(target, tmp -> vacuumInto(db, tmp, BackupInfo.Kind.REGULAR));
        } catch (IOException | RuntimeException e) {
            throw failure(e, "backup.error.write", target.getParent(), db.file());
        }
        log.info("Backup of {} written to {}", db.file(), target);
        return target;
    }

    /** This workspace's backups, newest first. */
    public List<BackupInfo> list() {
        return listIn(folder(), BackupNames.stem(db.file()), zone.get());
    }

    /** How many regular backups are kept. */
    public int keep() {
        return settings.get(KEEP_SETTING).flatMap(BackupService::parseKeep).orElse(DEFAULT_KEEP);
    }

    /** Saves the number kept (1–100) and drops what is now beyond it. */
    public synchronized void setKeep(String text) {
        String v = text == null ? "" : text.strip();
        int n = parseKeep(v).orElseThrow(() -> new ValidationException(List.of(
                FieldError.of(KEEP_SETTING, "backup.keep.invalid", v, Integer.toString(MIN_KEEP),
                        Integer.toString(MAX_KEEP)))));
        settings.put(KEEP_SETTING, Integer.toString(n));
        prune();
    }

    private static Optional<Integer> parseKeep(String v) {
        try {
            int n = Integer.parseInt(v.strip());
            return n >= MIN_KEEP && n <= MAX_KEEP ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the open workspace with {@code backup}: checks it (intact, a QunDesk workspace, not newer than
     * this build), backs up the current state, then moves the checked copy into place while no other work runs.
     * The caller reopens the workspace afterwards (an older schema is then migrated, with its own backup).
     */
    public synchronized RestoreResult restore(Path backup) {
        Path workspace = db.file().toAbsolutePath().normalize();
        Staged staged = stage(backup, workspace);
        try {
            RestoreResult result = db.exclusive(() -> {
                BackupInfo previous = write(BackupInfo.Kind.BEFORE_RESTORE, null);
                try {
                    WorkspaceFiles.replaceWorkspace(staged.file(), workspace);
                } catch (IOException e) {
                    throw new WorkspaceException("backup.error.restore", e, workspace);
                }
                return new RestoreResult(workspace, backup.toAbsolutePath(), previous.file(), staged.version());
            });
            log.info("Workspace {} restored from {}; the previous state is in {}", workspace, backup,
                    result.previousState());
            return result;
        } finally {
            deleteQuietly(staged.file());
            deleteQuietly(WorkspaceFiles.wal(staged.file()));
            deleteQuietly(WorkspaceFiles.shm(staged.file()));
        }
    }

    /**
     * Restore for the command line, on a workspace that is not open (it may not even open any more): takes the
     * workspace's lock, so it refuses while another QunDesk has it, checks the backup, saves the current file
     * (a clean copy if SQLite can still read it, else the raw file and its -wal) and moves the backup into place.
     */
    public static RestoreResult restoreClosed(AppPaths paths, Path workspace, Path backup, Clock clock, ZoneId zone) {
        Path ws = workspace.toAbsolutePath().normalize();
        try (WorkspaceLock lock = WorkspaceLock.acquire(ws)) {
            Staged staged = stage(backup, ws);
            try {
                Path previous = null;
                if (Files.isRegularFile(ws) && Files.size(ws) > 0) {
                    previous = writeBackup(paths, ws, clock, zone, BackupInfo.Kind.BEFORE_RESTORE, null,
                            tmp -> copyClosed(ws, tmp)).file();
                }
                WorkspaceFiles.replaceWorkspace(staged.file(), ws);
                log.info("Workspace {} restored from {} (command line); previous state in {}", ws, backup, previous);
                return new RestoreResult(ws, backup.toAbsolutePath(), previous, staged.version());
            } catch (IOException e) {
                throw failure(e, "backup.error.restore", ws, backup);
            } finally {
                deleteQuietly(staged.file());
                deleteQuietly(WorkspaceFiles.wal(staged.file()));
                deleteQuietly(WorkspaceFiles.shm(staged.file()));
            }
        }
    }

    /** The hook {@link Database#open} runs before migrating an existing workspace: a backup named for the version. */
    public static Database.BeforeMigration beforeMigration(AppPaths paths, Clock clock, Supplier<ZoneId> zone) {
        return (db, targetVersion) -> {
            BackupInfo b = writeBackup(paths, db.file(), clock, zone.get(), BackupInfo.Kind.BEFORE_MIGRATION,
                    targetVersion, tmp -> vacuumInto(db, tmp, BackupInfo.Kind.BEFORE_MIGRATION));
            log.info("Backed up {} to {} before migrating it to schema version {}", db.file(), b.file(),
                    targetVersion);
        };
    }

    private BackupInfo write(BackupInfo.Kind kind, String version) {
        return writeBackup(paths, db.file(), clock, zone.get(), kind, version, tmp -> vacuumInto(db, tmp, kind));
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path emptyOwnerOnlyFile) throws IOException;
    }

    private static BackupInfo writeBackup(AppPaths paths, Path workspace, Clock clock, ZoneId zone,
                                          BackupInfo.Kind kind, String version, Writer writer) {
        Path folder = folderFor(paths, workspace);
        String stem = BackupNames.stem(workspace);
        try {
            OwnerOnlyFiles.ensureFolder(folder.getParent());
            OwnerOnlyFiles.ensureFolder(folder);
            LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.SECONDS);
            Path target;
            int seq = 1;
            do {
                target = folder.resolve(BackupNames.name(stem, at, seq++, kind, version));
            } while (Files.exists(target));
            writeVia(target, writer);
            log.info("Backup taken: {}", target);
            return info(target, at.atZone(zone).toInstant(), kind, version);
        } catch (IOException | RuntimeException e) {
            throw failure(e, "backup.error.write", folder, workspace);
        }
    }

    /**
     * A full disk where the copy of {@code workspace} was being written, said as such; else {@code e} itself when
     * already told ({@code RuntimeException}), or {@code key} with {@code where}.
     */
    private static RuntimeException failure(Exception e, String key, Path where, Path workspace) {
        if (DiskFull.causedBy(e)) {
            return DiskFull.in(where, sizeOf(workspace), e);
        }
        return e instanceof RuntimeException r ? r : new WorkspaceException(key, e, where);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Writes into a hidden empty owner-only file beside {@code target}, syncs it, then moves it into place. */
    private static void writeVia(Path target, Writer writer) throws IOException {
        Path tmp = WorkspaceFiles.partial(target, "partial");
        Files.deleteIfExists(tmp);
        OwnerOnlyFiles.ensureFile(tmp);
        try {
            writer.write(tmp);
            OwnerOnlyFiles.restrict(tmp);
            WorkspaceFiles.fsync(tmp);
            WorkspaceFiles.moveInto(tmp, target, false);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * A clean copy of the open workspace. Unless {@code kind} is a before-restore copy (the state about to be
     * replaced, kept as it is), SQLite's quick_check runs first: a damaged workspace is not backed up, so its
     * copies never push intact backups out.
     */
    private static void vacuumInto(Database db, Path tmp, BackupInfo.Kind kind) {
        db.withConnection(c -> {
            if (kind != BackupInfo.Kind.BEFORE_RESTORE && !Database.intact(c)) {
                throw new WorkspaceException("backup.error.sourceDamaged", null, db.file());
            }
            SqliteSnapshot.vacuumInto(c, tmp);
            return null;
        });
    }

    /** A copy of a closed workspace: clean through SQLite when it still reads, else the raw file (and -wal). */
    private static void copyClosed(Path workspace, Path tmp) throws IOException {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + workspace);
        try (Connection c = ds.getConnection()) {
            SqliteSnapshot.vacuumInto(c, tmp);
        } catch (SQLException e) {
            log.warn("Workspace {} cannot be read by SQLite ({}); keeping a raw copy before the restore", workspace,
                    e.toString());
            WorkspaceFiles.copy(workspace, tmp);
            Path wal = WorkspaceFiles.wal(workspace);
            if (Files.exists(wal)) {
                // fold the journal into the copy where SQLite still can; the copy must stand on its own
                WorkspaceFiles.copy(wal, WorkspaceFiles.wal(tmp));
                SQLiteDataSource copy = new SQLiteDataSource();
                copy.setUrl("jdbc:sqlite:" + tmp);
                try (Connection c = copy.getConnection()) {
                    SqliteSnapshot.checkpoint(c);
                } catch (SQLException ignored) {
                    // damaged beyond that: the raw file is what there is
                }
                deleteQuietly(WorkspaceFiles.wal(tmp));
                deleteQuietly(WorkspaceFiles.shm(tmp));
            }
        }
    }

    private record Staged(Path file, String version) {
    }

    /** Copies {@code backup} beside the workspace (owner-only, synced) and checks that copy. */
    private static Staged stage(Path backup, Path workspace) {
        Path source = backup.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new WorkspaceException("backup.error.missing", null, source);
        }
        try {
            if (Files.exists(workspace) && Files.isSameFile(source, workspace)) {
                throw new WorkspaceException("backup.error.self", null, source);
            }
        } catch (IOException e) {
            throw new WorkspaceException("backup.error.missing", e, source);
        }
        Path staged = WorkspaceFiles.partial(workspace, "restoring");
        try {
            WorkspaceFiles.copy(source, staged);
            Path wal = WorkspaceFiles.wal(source);
            Files.deleteIfExists(WorkspaceFiles.wal(staged));
            Files.deleteIfExists(WorkspaceFiles.shm(staged));
            if (Files.exists(wal)) {
                WorkspaceFiles.copy(wal, WorkspaceFiles.wal(staged));
            }
            String version = BackupValidator.validate(staged, source);
            // validation closed its connection: any journal was folded into the file; sync that state
            WorkspaceFiles.fsync(staged);
            return new Staged(staged, version);
        } catch (IOException e) {
            deleteQuietly(staged);
            throw failure(e, "backup.error.restore", workspace, source);
        } catch (RuntimeException e) {
            deleteQuietly(staged);
            deleteQuietly(WorkspaceFiles.wal(staged));
            deleteQuietly(WorkspaceFiles.shm(staged));
            throw e;
        }
    }

    /** Drops the oldest regular and before-restore backups beyond {@link #keep()}; before-migration ones stay. */
    private void prune() {
        int keep = keep();
        List<BackupInfo> counted = list().stream().filter(b -> b.kind() != BackupInfo.Kind.BEFORE_MIGRATION).toList();
        for (int i = keep; i < counted.size(); i++) {
            Path f = counted.get(i).file();
            try {
                Files.deleteIfExists(f);
                log.info("Old backup removed: {}", f);
            } catch (IOException e) {
                log.warn("Could not remove old backup {}", f, e);
            }
        }
    }

    static List<BackupInfo> listIn(Path folder, String stem, ZoneId zone) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        record Entry(BackupInfo info, int seq) {
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                BackupNames.parse(stem, f.getFileName().toString()).ifPresent(p -> {
                    if (Files.isRegularFile(f)) {
                        out.add(new Entry(info(f, p.at().atZone(zone).toInstant(), p.kind(), p.version()), p.seq()));
                    }
                });
            }
        } catch (IOException e) {
            throw new WorkspaceException("backup.error.list", e, folder);
        }
        out.sort(Comparator.comparing((Entry e) -> e.info().takenAt()).thenComparingInt(Entry::seq).reversed());
        return out.stream().map(Entry::info).toList();
    }

    private static BackupInfo info(Path f, Instant at, BackupInfo.Kind kind, String version) {
        long size;
        try {
            size = Files.size(f);
        } catch (IOException e) {
            size = -1;
        }
        return new BackupInfo(f, at, size, kind, version);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover hidden file does no harm
        }
    }
}
