package com.qundesk.cli;

import com.qundesk.backup.BackupService;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.i18n.Messages;
import com.qundesk.workspace.AppContext;
import com.qundesk.workspace.copy.WorkspaceCopyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code qundesk workspace …}: whole workspaces, moved between a file and a team server. */
@Command(name = "workspace", mixinStandardHelpOptions = true,
        description = "Move a whole workspace between a file and a team server.",
        subcommands = {WorkspaceCommand.Copy.class})
final class WorkspaceCommand {

    /**
     * {@code qundesk workspace copy --from A --to B}: every row of A into B, ids kept, all or nothing. Progress on
     * stderr, the summary on stdout.
     */
    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copy every row of a workspace into a new file or an empty team database, ids and history kept "
                    + "(all or nothing): move a personal workspace onto the team server, or take the team's "
                    + "workspace home as a file to open offline.",
                    "Example: qundesk workspace copy --from mine.qundesk --to postgresql://lin@db.example.com/qundesk"})
    static final class Copy extends CliCommand implements Callable<Integer> {
        /** Between two progress lines of one table: a copy of millions of messages says how far it is, not more. */
        private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

        @Option(names = "--from", required = true, paramLabel = "PATH_OR_URL",
                description = "The workspace to copy: a file or postgresql://USER@HOST[:PORT]/DATABASE. Only read.")
        private String from;

        @Option(names = "--to", required = true, paramLabel = "PATH_OR_URL",
                description = "Where to: a file that does not exist yet, or an empty database on a PostgreSQL server "
                        + "(migrated first; the password from PGPASSWORD or ~/.pgpass).")
        private String to;

        private long lastLine;

        @Override
        public Integer call() {
            QunDeskCli root = root();
            Messages m = messages();
            WorkspaceLocation source = WorkspaceLocation.of(from);
            WorkspaceLocation target = WorkspaceLocation.of(to);
            lastLine = System.nanoTime();
            var service = new WorkspaceCopyService(BackupService.beforeMigration(root.paths(), root.clock(),
                    () -> AppContext.zoneFrom(root.prefs())));
            var summary = service.copy(source, target, (table, rows, total) -> {
                long now = System.nanoTime();
                if (rows == total || rows > 0 && now - lastLine >= PROGRESS_EVERY_NANOS) {
                    lastLine = now;
                    err().println(m.get("cli.workspaceCopy.progress", table, rows, total));
                    err().flush();
                }
            }, () -> false);
            summary.rowsByTable().forEach((table, rows) -> out().println(m.get("cli.workspaceCopy.table", table, rows)));
            out().println(m.get("cli.workspaceCopy.done", source.display(), target.display(),
                    summary.rowsByTable().size(), summary.rows(),
                    String.format(Locale.ROOT, "%.1f", summary.took().toMillis() / 1000.0)));
            return QunDeskCli.OK;
        }
    }
}
