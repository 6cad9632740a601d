package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code qundesk report --out FILE.pdf [--window DAYS]}: the dashboard as a PDF report. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write the value dashboard as a PDF report.")
final class ReportCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "the PDF file to write")
    private Path out;
    @Option(names = "--force", description = "replace FILE if it exists (never the workspace or a backup)")
    private boolean force;
    @Option(names = "--window", defaultValue = "30", description = "days (default ${DEFAULT-VALUE})")
    private int window;

    @Override
    public Integer call() {
        AppContext ctx = root().open();
        ctx.reports().write(out, force, ctx.health().today(), window, messages());
        out().println(messages().get("cli.report.written", out.toAbsolutePath()));
        return QunDeskCli.OK;
    }
}
