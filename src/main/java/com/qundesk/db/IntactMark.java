package com.qundesk.db;

import com.qundesk.io.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * When SQLite's quick_check last found the workspace intact, kept in a hidden file beside it
 * ({@code .<workspace>.checked}: size, modification time and check time). The check reads every page (~1.6 s of
 * CPU for a 280 MB workspace), so opening skips it when the file is exactly as this build left it after a check
 * less than {@link #VALID} ago; a page damaged since then is still found by the next check, by the quick_check
 * before every backup, and by SQLite as soon as it is read ({@code SQLITE_CORRUPT}, told the same way).
 */
final class IntactMark {
    static final Duration VALID = Duration.ofHours(1);

    private final Path mark;
    private final Path workspace;

    IntactMark(Path workspace) {
        this.workspace = workspace.toAbsolutePath();
        this.mark = this.workspace.resolveSibling("." + this.workspace.getFileName() + ".checked");
    }

    /** True when the workspace is unchanged since a check that found it intact less than {@link #VALID} ago. */
    boolean fresh(Instant now) {
        try {
            String[] f = Files.readString(mark, StandardCharsets.UTF_8).strip().split(" ");
            Instant checkedAt = Instant.ofEpochMilli(Long.parseLong(f[2]));
            return f.length == 3 && f[0].equals(state()) && f[1].equals(Long.toString(Files.size(workspace)))
                    && checkedAt.isAfter(now.minus(VALID)) && !checkedAt.isAfter(now);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The check time of a fresh mark, or null. */
    Instant checkedAt() {
        try {
            return Instant.ofEpochMilli(Long.parseLong(Files.readString(mark, StandardCharsets.UTF_8).strip()
                    .split(" ")[2]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Records the workspace's current state as found intact at {@code checkedAt}. */
    void write(Instant checkedAt) {
        try {
            String text = state() + " " + Files.size(workspace) + " " + checkedAt.toEpochMilli();
            OwnerOnlyFiles.ensureFile(mark);
            Files.writeString(mark, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // no mark: the next open checks again
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(mark);
        } catch (IOException ignored) {
            // a stale mark cannot match a changed file
        }
    }

    private String state() throws IOException {
        return Long.toString(Files.getLastModifiedTime(workspace).toMillis());
    }
}
