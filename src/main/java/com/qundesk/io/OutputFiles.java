package com.qundesk.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Files written for the operator (reports, exports): never over the workspace, its journal or lock files or a
 * backup, never over any existing file unless the caller says so ({@code --force}, or a save dialog that asked);
 * written whole into a hidden owner-only file beside the target, synced, then moved into place in one step.
 */
public final class OutputFiles {

    private final List<Path> keptFiles;
    private final Path keptFolder;

    /** @param keptFiles files never written over; @param keptFolder a folder nothing is written into (backups) */
    public OutputFiles(List<Path> keptFiles, Path keptFolder) {
        this.keptFiles = keptFiles.stream().map(OutputFiles::abs).toList();
        this.keptFolder = keptFolder == null ? null : abs(keptFolder);
    }

    /** The files of the workspace at {@code workspace} (file, -wal, -shm, -journal, .lock) and its backups folder. */
    public static OutputFiles guarding(Path workspace, Path backupsFolder) {
        Path ws = abs(workspace);
        String n = ws.getFileName().toString();
        return new OutputFiles(List.of(ws, ws.resolveSibling(n + "-wal"), ws.resolveSibling(n + "-shm"),
                ws.resolveSibling(n + "-journal"), ws.resolveSibling(n + ".lock")), backupsFolder);
    }

    /** Writes one file: the body receives an empty owner-only file to fill. */
    @FunctionalInterface
    public interface Body {
        void write(Path emptyOwnerOnlyFile) throws IOException;
    }

    /**
     * Writes {@code target} through {@code body}; refuses (changing nothing) a kept file always and an existing
     * file unless {@code replace}.
     */
    public Path write(Path target, boolean replace, Body body) {
        Path t = abs(target);
        check(t, replace);
        Path tmp = t.resolveSibling("." + t.getFileName() + ".part");
        try {
            Path parent = t.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
            }
            Files.deleteIfExists(tmp);
            OwnerOnlyFiles.ensureFile(tmp);
            body.write(tmp);
            OwnerOnlyFiles.restrict(tmp);
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            moveInto(tmp, t, replace);
            return t;
        } catch (FileAlreadyExistsException e) {
            throw new OutputRefusedException("output.error.exists", t);
        } catch (IOException e) {
            if (DiskFull.causedBy(e)) {
                throw DiskFull.in(t.getParent(), 0, e);
            }
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover hidden part file does no harm; the first problem is the one to report
            }
        }
    }

    /** Throws {@link OutputRefusedException} when {@code target} may not be written (see {@link #write}). */
    public void check(Path target, boolean replace) {
        Path t = abs(target);
        for (Path kept : keptFiles) {
            if (t.equals(kept) || same(t, kept)) {
                throw new OutputRefusedException("output.error.kept", t);
            }
        }
        if (keptFolder != null && (t.startsWith(keptFolder) || insideReal(t, keptFolder))) {
            throw new OutputRefusedException("output.error.backups", t);
        }
        if (Files.isDirectory(t)) {
            throw new OutputRefusedException("output.error.folder", t);
        }
        if (!replace && Files.exists(t)) {
            throw new OutputRefusedException("output.error.exists", t);
        }
    }

    /**
     * Moves {@code from} onto {@code to} in one step (same folder), then makes the rename durable; without
     * {@code replace} an existing {@code to} is refused.
     */
    public static void moveInto(Path from, Path to, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                if (Files.exists(to)) {
                    throw new FileAlreadyExistsException(to.toString());
                }
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            // a file system without atomic rename: the copy is complete and synced, so a plain move is the best left
            if (replace) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to);
            }
        }
        Path parent = to.toAbsolutePath().getParent();
        if (parent != null) {
            fsyncFolder(parent);
        }
    }

    /** Makes a rename durable (POSIX); Windows cannot open a folder this way and needs nothing. */
    public static void fsyncFolder(Path folder) {
        try (FileChannel c = FileChannel.open(folder, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here (Windows): NTFS journals the rename itself
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean insideReal(Path t, Path folder) {
        try {
            Path parent = t.getParent();
            return parent != null && Files.isDirectory(parent) && Files.isDirectory(folder)
                    && parent.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static Path abs(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
