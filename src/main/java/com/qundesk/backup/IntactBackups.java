package com.qundesk.backup;

import com.qundesk.core.AppPaths;
import com.qundesk.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Optional;

/** Finds the backup to offer when a workspace is damaged: the newest one SQLite's quick_check finds intact. */
public final class IntactBackups {
    private static final Logger log = LoggerFactory.getLogger(IntactBackups.class);

    private IntactBackups() {
    }

    /** The newest intact backup of {@code workspace}, if any (checked newest first, stopping at the first good one). */
    public static Optional<BackupInfo> newest(AppPaths paths, Path workspace, ZoneId zone) {
        Path ws = workspace.toAbsolutePath().normalize();
        for (BackupInfo b : BackupService.listIn(BackupService.folderFor(paths, ws), BackupNames.stem(ws), zone)) {
            if (intact(b.file())) {
                return Optional.of(b);
            }
            log.warn("Backup {} is damaged too; looking at an older one", b.file());
        }
        return Optional.empty();
    }

    private static boolean intact(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try (Connection c = ds.getConnection()) {
            return Database.intact(c);
        } catch (SQLException e) {
            return false;
        }
    }
}
