package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code qundesk backup [--out FILE]}: a consistent copy of the workspace, into the backups folder or FILE. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the workspace (into the backups folder, keeping the last N, or to --out FILE).")
final class BackupCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "Write the backup to FILE (which must not exist).")
    private Path out;

    @Override
    public Integer call() {
        AppContext ctx = root().open();
        Path written = out != null ? ctx.backups().backupTo(out) : ctx.backups().backupNow().file();
        out().println(messages().get("cli.backup.written", written));
        return QunDeskCli.OK;
    }
}
