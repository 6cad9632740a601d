package com.qundesk.cli;

import com.qundesk.app.AppContext;
import com.qundesk.app.AppPaths;
import com.qundesk.app.UserPrefs;
import com.qundesk.i18n.Localizable;
import com.qundesk.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code qundesk}: the command line. Each subcommand is a class that calls services only.
 * {@code --workspace} may stand before or after the subcommand.
 */
@Command(name = "qundesk", mixinStandardHelpOptions = true, versionProvider = QunDeskCli.Version.class,
        description = "QunDesk — a console for WeChat and WeCom community managers.",
        subcommands = {GroupsCommand.class, CampaignsCommand.class, FlashCommand.class, PlanCommand.class, CalendarCommand.class, DueCommand.class, HealthCommand.class,
                ReportCommand.class, LedgerImportCommand.Values.class,
                LedgerImportCommand.Outcomes.class, LedgerImportCommand.Stats.class, ImportCommand.class,
                DemoCommand.class, BackupCommand.class, RestoreCommand.class, com.qundesk.bench.BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class QunDeskCli {
    private static final Logger log = LoggerFactory.getLogger(QunDeskCli.class);

    /** Exit codes shared by all commands. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int PARTIAL = 2;

    private final AppPaths paths;
    private final Clock clock;
    private Path workspace;
    private AppContext opened;

    public QunDeskCli(AppPaths paths, Clock clock) {
        this.paths = paths;
        this.clock = clock;
    }

    @Option(names = "--workspace", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "The workspace file (default: the per-user data folder).")
    void setWorkspace(Path workspace) {
        this.workspace = workspace;
    }

    public Path workspace() {
        return workspace != null ? workspace : paths.defaultWorkspace();
    }

    public UserPrefs prefs() {
        return new UserPrefs(paths.prefsFile());
    }

    public Messages messages() {
        return new Messages(AppContext.localeFrom(prefs()));
    }

    /** Opens the workspace named on the command line, creating it when missing; closed when the command ends. */
    public AppContext open() {
        if (opened == null) {
            opened = AppContext.open(paths, prefs(), workspace(), clock);
        }
        return opened;
    }

    public AppPaths paths() {
        return paths;
    }

    public Clock clock() {
        return clock;
    }

    /** Runs the CLI and returns its exit code; errors are reported in a line or two, stack traces go to the log. */
    public static int run(String[] args, AppPaths paths, Clock clock, PrintWriter out, PrintWriter err) {
        QunDeskCli root = new QunDeskCli(paths, clock);
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Messages m = root.messages();
            if (ex instanceof Localizable l) {
                commandLine.getErr().println(m.get("cli.error", m.describe(l)));
            } else {
                log.error("Command failed", ex);
                commandLine.getErr().println(m.get("cli.error.unexpected", root.paths().logDir()));
            }
            commandLine.getErr().flush();
            return FAILED;
        });
        int code;
        try {
            code = cl.execute(args);
        } finally {
            if (root.opened != null) {
                root.opened.close();
            }
        }
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = QunDeskCli.class.getPackage().getImplementationVersion();
            return new String[] {"QunDesk " + (v == null ? "development build" : v)};
        }
    }
}
