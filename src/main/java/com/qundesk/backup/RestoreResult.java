package com.qundesk.backup;

import java.nio.file.Path;

/**
 * What a restore did.
 *
 * @param previousState the backup of the state the restore replaced (null when there was no workspace yet)
 * @param schemaVersion the schema version of the restored file (older ones are migrated on the next open)
 */
public record RestoreResult(Path workspace, Path restoredFrom, Path previousState, String schemaVersion) {
}
