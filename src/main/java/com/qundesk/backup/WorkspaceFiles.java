package com.qundesk.backup;

import com.qundesk.io.OutputFiles;
import com.qundesk.io.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The file steps of backup and restore: owner-only copies, fsync, and the atomic move into place. */
final class WorkspaceFiles {

    private WorkspaceFiles() {
    }

    static Path wal(Path db) {
        return db.resolveSibling(db.getFileName() + "-wal");
    }

    static Path shm(Path db) {
        return db.resolveSibling(db.getFileName() + "-shm");
    }

    /** A hidden name beside {@code target} for a file being written, so a half-written one never looks real. */
    static Path partial(Path target, String what) {
        return target.resolveSibling("." + target.getFileName() + "." + what);
    }

    /** Copies {@code from} to {@code to} (replacing it), owner-only, and forces it to disk. */
    static void copy(Path from, Path to) throws IOException {
        Files.deleteIfExists(to);
        OwnerOnlyFiles.ensureFile(to);
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, out);
            }
            out.force(true);
        }
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }

    /** Moves {@code from} onto {@code to} in one step (same folder), then makes the rename durable. */
    static void moveInto(Path from, Path to, boolean replace) throws IOException {
        OutputFiles.moveInto(from, to, replace);
    }

    /**
     * Puts {@code staged} (a complete, synced workspace beside {@code workspace}) in place of the workspace.
     * The caller guarantees no connection to the workspace is open: the old -wal/-shm belong to the old file
     * and would be replayed onto the new one, so they go first.
     */
    static void replaceWorkspace(Path staged, Path workspace) throws IOException {
        Files.deleteIfExists(wal(workspace));
        Files.deleteIfExists(shm(workspace));
        moveInto(staged, workspace, true);
    }
}
