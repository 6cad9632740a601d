package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import com.qundesk.backup.BackupService;
import com.qundesk.backup.RestoreResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code qundesk restore FILE}: replaces the workspace with a backup. Works on the closed workspace (so it also
 * rescues one that no longer opens) and refuses while another QunDesk has it open.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace the workspace with the backup FILE (the current state is backed up first).")
final class RestoreCommand extends CliCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    private Path file;

    @Override
    public Integer call() {
        QunDeskCli root = root();
        RestoreResult r = BackupService.restoreClosed(root.paths(), root.workspace(), file, root.clock(),
                AppContext.zoneFrom(root.prefs()));
        if (r.previousState() != null) {
            out().println(messages().get("cli.restore.done", r.workspace(), r.restoredFrom(), r.previousState()));
        } else {
            out().println(messages().get("cli.restore.doneNew", r.workspace(), r.restoredFrom()));
        }
        return QunDeskCli.OK;
    }
}
