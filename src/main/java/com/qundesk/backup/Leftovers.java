package com.qundesk.backup;

import com.qundesk.core.AppPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The hidden files a killed restore or backup leaves behind, removed at the next start. */
public final class Leftovers {
    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);

    private Leftovers() {
    }

    /**
     * Removes what a killed restore or backup left behind: the hidden {@code .<workspace>.restoring} copy (and
     * its journal) beside the workspace and hidden {@code .partial} files in its backups folder. Called right
     * after the workspace was opened: this process holds its lock, so no restore or backup of it is running.
     */
    public static void remove(AppPaths paths, Path workspace) {
        Path ws = workspace.toAbsolutePath().normalize();
        Path staged = WorkspaceFiles.partial(ws, "restoring");
        for (Path p : List.of(staged, WorkspaceFiles.wal(staged), WorkspaceFiles.shm(staged))) {
            removeLeftover(p);
        }
        Path folder = BackupService.folderFor(paths, ws);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> {
                    String n = f.getFileName().toString();
                    return n.startsWith(".") && n.endsWith(".partial");
                }).forEach(Leftovers::removeLeftover);
            } catch (IOException e) {
                log.warn("Could not look for leftovers in {}", folder, e);
            }
        }
    }

    private static void removeLeftover(Path p) {
        try {
            if (Files.deleteIfExists(p)) {
                log.info("Removed {}, left by an interrupted restore or backup", p);
            }
        } catch (IOException e) {
            log.warn("Could not remove {}", p, e);
        }
    }
}
