package com.qundesk.db;

import com.qundesk.workspace.AppContext;
import com.qundesk.backup.BackupInfo;
import com.qundesk.backup.RestoreResult;
import com.qundesk.io.OwnerOnlyFiles;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The workspace, its journal files, the lock file and every backup are readable by the owner only (POSIX). */
class WorkspacePrivacyTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(OwnerOnlyFiles.supported(dir), "no POSIX permissions on this file system");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static Path sibling(Path f, String suffix) {
        return f.resolveSibling(f.getFileName() + suffix);
    }

    @Test
    void aNewWorkspaceItsJournalAndItsLockAreOwnerOnly() throws Exception {
        TestWorkspace w = new TestWorkspace(dir.resolve("ws"));
        try (Connection c = w.ctx.database().connect(); Statement s = c.createStatement()) {
            // an open connection in WAL mode keeps -wal and -shm on disk
            s.executeUpdate("INSERT INTO workspace_setting (key, value) VALUES ('k', 'v')");
            assertThat(mode(w.file)).isEqualTo("rw-------");
            assertThat(mode(sibling(w.file, "-wal"))).isEqualTo("rw-------");
            assertThat(mode(sibling(w.file, "-shm"))).isEqualTo("rw-------");
            assertThat(mode(sibling(w.file, ".lock"))).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingWorkspaceReadableByOthersIsTightenedWhenOpened() throws Exception {
        TestWorkspace w = new TestWorkspace(dir.resolve("ws"));
        w.close();
        Files.setPosixFilePermissions(w.file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(sibling(w.file, ".lock"), PosixFilePermissions.fromString("rw-rw-rw-"));
        try (AppContext ctx = AppContext.open(w.paths, w.prefs, w.file, w.clock)) {
            assertThat(mode(w.file)).isEqualTo("rw-------");
            assertThat(mode(sibling(w.file, ".lock"))).isEqualTo("rw-------");
        }
    }

    @Test
    void backupsTheirFoldersAndARestoredWorkspaceAreOwnerOnly() throws Exception {
        TestWorkspace w = new TestWorkspace(dir.resolve("ws"));
        BackupInfo b = w.ctx.backups().backupNow();
        assertThat(mode(b.file())).isEqualTo("rw-------");
        assertThat(mode(b.file().getParent())).isEqualTo("rwx------");
        assertThat(mode(b.file().getParent().getParent())).isEqualTo("rwx------");
        Path out = w.ctx.backups().backupTo(dir.resolve("copy.qundesk"));
        assertThat(mode(out)).isEqualTo("rw-------");

        // a backup file copied in from elsewhere with open permissions still restores as owner-only
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
        RestoreResult r = w.ctx.backups().restore(out);
        assertThat(mode(w.file)).isEqualTo("rw-------");
        assertThat(mode(r.previousState())).isEqualTo("rw-------");
    }
}
