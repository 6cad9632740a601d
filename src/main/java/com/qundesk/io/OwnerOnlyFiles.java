package com.qundesk.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold an operator's records (workspace, its -wal/-shm, backups, the lock file) are readable by
 * the owner only: 0600 files and 0700 folders where the file system has POSIX permissions. Elsewhere
 * (Windows) the per-user data folder's ACL already limits them to the user, and these calls do nothing.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /** True where the folder's file system understands POSIX permissions. */
    public static boolean supported(Path anyPathOnTheFileSystem) {
        Path p = anyPathOnTheFileSystem.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            return p != null && Files.getFileStore(p).supportsFileAttributeView("posix");
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates {@code file} empty and owner-only if it does not exist; makes an existing one owner-only. */
    public static void ensureFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                if (supported(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                } else {
                    Files.createFile(file);
                }
                return;
            } catch (FileAlreadyExistsException raced) {
                // someone created it meanwhile: restrict it below
            }
        }
        restrict(file);
    }

    /** Creates {@code folder} (and missing parents) with the last level owner-only; restricts it if it exists. */
    public static void ensureFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        if (supported(folder)) {
            Files.setPosixFilePermissions(folder, FOLDER);
        }
    }

    /** Makes an existing file owner-only (no-op when missing or without POSIX permissions). */
    public static void restrict(Path file) throws IOException {
        if (Files.exists(file) && supported(file)) {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
            if (!now.equals(FILE)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        }
    }

    /** Opens a channel for writing on a new or existing owner-only file. */
    public static FileChannel openForWrite(Path file) throws IOException {
        ensureFile(file);
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The attribute that creates a file owner-only, or none when the file system has no POSIX permissions. */
    public static FileAttribute<?>[] fileAttributes(Path where) {
        return supported(where) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }
}
