package com.qundesk.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One backup file of a workspace.
 *
 * @param takenAt      when it was taken (from its name, read in the operator's zone)
 * @param kind         why it was taken
 * @param schemaTarget for {@link Kind#BEFORE_MIGRATION}: the schema version the workspace was then migrated to
 */
public record BackupInfo(Path file, Instant takenAt, long size, Kind kind, String schemaTarget) {

    public enum Kind {
        /** At start, daily, or "Back up now"; counts toward the number kept. */
        REGULAR,
        /** The state a restore replaced; counts toward the number kept. */
        BEFORE_RESTORE,
        /** Taken before a schema upgrade; kept, not pruned (one per upgrade). */
        BEFORE_MIGRATION
    }
}
