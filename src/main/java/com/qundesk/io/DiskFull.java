package com.qundesk.io;

import com.qundesk.i18n.LocalizedException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A full disk, told as such: SQLite's {@code SQLITE_FULL} or the OS's "no space left" anywhere in a failure's
 * causes becomes "the disk holding … is full; nothing was changed; free N MB" instead of a generic error or a
 * folder-permission hint. SQLite rolls the transaction back, and backups and exports write beside the target
 * and move into place, so nothing was changed is true when this is thrown.
 */
public final class DiskFull {
    private static final long MB = 1024 * 1024;
    /** Even an empty workspace and its journal need this much to work in. */
    private static final long MIN_NEED = 16 * MB;
    private static final long ALMOST_FULL = MB;

    private DiskFull() {
    }

    /** True when {@code failure} or one of its causes is a full disk. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException se && se.getResultCode() != null
                    && (se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_FULL.code) {
                return true;
            }
            if (t instanceof IOException && mentionsNoSpace(t instanceof FileSystemException fse
                    ? fse.getReason() : t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsNoSpace(String text) {
        if (text == null) {
            return false;
        }
        String s = text.toLowerCase(Locale.ROOT);
        return s.contains("no space left on device") || s.contains("not enough space on the disk")
                || s.contains("disk full");
    }

    /**
     * {@code failure} as the operator's message when it is a full disk under {@code workspace}'s folder,
     * else {@code failure} itself.
     */
    public static RuntimeException translate(RuntimeException failure, Path workspace) {
        return causedBy(failure) || ioErrorOnAFullDisk(failure, workspace) ? forWorkspace(workspace, failure) : failure;
    }

    /**
     * SQLite says only "disk I/O error" when it cannot even grow its shared-memory file (-shm) at open; on a disk
     * with less than {@value #ALMOST_FULL} bytes free that is the full disk too.
     */
    static boolean ioErrorOnAFullDisk(Throwable failure, Path workspace) {
        boolean ioError = false;
        for (Throwable t = failure; t != null && !ioError; t = t.getCause() == t ? null : t.getCause()) {
            ioError = t instanceof SQLiteException se && se.getResultCode() != null
                    && (se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_IOERR.code;
        }
        return ioError && usable(workspace.toAbsolutePath().normalize()) < ALMOST_FULL;
    }

    private static long usable(Path path) {
        try {
            Path existing = path;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** For the workspace at {@code workspace}: room for a copy of it (backup, VACUUM, migration) is needed. */
    public static LocalizedException forWorkspace(Path workspace, Throwable cause) {
        Path ws = workspace.toAbsolutePath().normalize();
        long need = size(ws) + size(ws.resolveSibling(ws.getFileName() + "-wal"));
        return in(ws.getParent() != null ? ws.getParent() : ws, need, cause);
    }

    /**
     * "The disk holding {folder} is full; nothing was changed; free N MB", N being what writing {@code needBytes}
     * (at least {@value #MIN_NEED} bytes) there takes beyond what is free now.
     */
    public static LocalizedException in(Path folder, long needBytes, Throwable cause) {
        Path f = folder.toAbsolutePath().normalize();
        long need = Math.max(MIN_NEED, needBytes);
        long usable = Math.min(usable(f), need);
        long mb = Math.max(1, (need - usable + MB - 1) / MB);
        return new LocalizedException("disk.full", cause, f, Long.toString(mb));
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
