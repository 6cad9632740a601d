package com.qundesk.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup file names: {@code <workspace>-YYYYMMDD-HHMMSS[-n][-before-restore|-before-vN].qundesk}, in the
 * folder {@code <data folder>/backups/<workspace>[-<path fingerprint>]/}. The time is the operator's local time, so the names read
 * naturally in a file manager.
 */
final class BackupNames {

    static final String EXTENSION = ".qundesk";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile(
            "(?<stem>.+)-(?<stamp>\\d{8}-\\d{6})(?:-(?<seq>\\d{1,3}))?(?<kind>-before-restore|-before-v(?<v>[\\w.]+))?"
                    + Pattern.quote(EXTENSION));

    private BackupNames() {
    }

    /** The workspace's name without its extension ({@code workspace.qundesk} → {@code workspace}). */
    static String stem(Path workspace) {
        String name = workspace.toAbsolutePath().normalize().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The absolute path with symbolic links in its folder resolved (the file itself may not exist yet). */
    static Path real(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Path parent = abs.getParent();
            return parent == null || !Files.isDirectory(parent) ? abs : parent.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs;
        }
    }

    /** Eight hex digits of SHA-256 of the workspace's real path: stable for one file, distinct across folders. */
    static String fingerprint(Path workspace) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(real(workspace).toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String name(String stem, LocalDateTime at, int seq, BackupInfo.Kind kind, String version) {
        String suffix = switch (kind) {
            case REGULAR -> "";
            case BEFORE_RESTORE -> "-before-restore";
            case BEFORE_MIGRATION -> "-before-v" + version;
        };
        return stem + "-" + STAMP.format(at) + (seq > 1 ? "-" + seq : "") + suffix + EXTENSION;
    }

    /** A parsed backup name of {@code stem}'s workspace, or empty for any other file. */
    static Optional<Parsed> parse(String stem, String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches() || !m.group("stem").equals(stem)) {
            return Optional.empty();
        }
        try {
            LocalDateTime at = LocalDateTime.parse(m.group("stamp"), STAMP);
            int seq = m.group("seq") == null ? 1 : Integer.parseInt(m.group("seq"));
            String kind = m.group("kind");
            BackupInfo.Kind k = kind == null ? BackupInfo.Kind.REGULAR
                    : kind.equals("-before-restore") ? BackupInfo.Kind.BEFORE_RESTORE : BackupInfo.Kind.BEFORE_MIGRATION;
            return Optional.of(new Parsed(at, seq, k, m.group("v")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    record Parsed(LocalDateTime at, int seq, BackupInfo.Kind kind, String version) {
    }
}
