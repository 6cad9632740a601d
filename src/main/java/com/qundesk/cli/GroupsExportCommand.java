package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code qundesk groups export FILE.csv|FILE.xlsx [--force]}. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export every group to CSV or .xlsx.")
final class GroupsExportCommand extends CliCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    private Path file;
    @Option(names = "--force", description = "replace FILE if it exists (never the workspace or a backup)")
    private boolean force;

    @Override
    public Integer call() {
        AppContext ctx = root().open();
        int n = ctx.registryExporter().export(file, force);
        out().println(messages().get("registry.exported", n, file.toAbsolutePath()));
        return QunDeskCli.OK;
    }
}
