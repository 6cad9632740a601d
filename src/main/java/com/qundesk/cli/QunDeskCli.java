package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.AppVersion;
import com.qundesk.core.UserPrefs;
import com.qundesk.backup.BackupService;
import com.qundesk.backup.IntactBackups;
import com.qundesk.db.Database;
import com.qundesk.db.WorkspaceException;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.i18n.Localizable;
import com.qundesk.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * {@code qundesk}: the command line. Each subcommand is a class that calls services only.
 * {@code --workspace} may stand before or after the subcommand.
 */
@Command(name = "qundesk", mixinStandardHelpOptions = true, versionProvider = QunDeskCli.Version.class,
        description = "QunDesk — a console for WeChat and WeCom community managers.",
        subcommands = {GroupsCommand.class, CampaignsCommand.class, FlashCommand.class, PlanCommand.class, CalendarCommand.class, DueCommand.class, HealthCommand.class,
                ReportCommand.class, LedgerImportCommand.Values.class,
                LedgerImportCommand.Outcomes.class, LedgerImportCommand.Stats.class, ImportCommand.class,
                DemoCommand.class, InitCommand.class, OperatorCommand.class, BackupCommand.class, RestoreCommand.class,
                WorkspaceCommand.class,
                CommandLine.HelpCommand.class})
public final class QunDeskCli {
    private static final Logger log = LoggerFactory.getLogger(QunDeskCli.class);

    /** Exit codes shared by all commands. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int PARTIAL = 2;
    /** A command or option this CLI does not know, or a missing argument (picocli's usage code; 2 means partly done). */
    public static final int USAGE = 64;

    private final AppPaths paths;
    private final Clock clock;
    private String workspace;
    private String operator;
    private AppContext opened;

    public QunDeskCli(AppPaths paths, Clock clock) {
        this.paths = paths;
        this.clock = clock;
    }

    @Option(names = "--workspace", scope = ScopeType.INHERIT, paramLabel = "PATH_OR_URL",
            description = "The workspace file (default: the per-user data folder), or a team workspace on a PostgreSQL "
                    + "server: postgresql://USER@HOST[:PORT]/DATABASE (the password from PGPASSWORD or ~/.pgpass).")
    void setWorkspace(String workspace) {
        this.workspace = workspace;
    }

    @Option(names = "--operator", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Work as NAME for this command (recorded as who made each change) instead of the server's "
                    + "user or the OS user.")
    void setOperator(String operator) {
        this.operator = operator;
    }

    /** The workspace named on the command line (or the default file). */
    public WorkspaceLocation location() {
        return workspace != null ? WorkspaceLocation.of(workspace) : new WorkspaceLocation.LocalFile(paths.defaultWorkspace());
    }

    /**
     * The workspace file.
     *
     * @throws WorkspaceException when the command line names a team workspace, which is no file
     */
    public Path workspace() {
        return switch (location()) {
            case WorkspaceLocation.LocalFile f -> f.file();
            case WorkspaceLocation.Server s -> throw new WorkspaceException("workspace.error.notAFile", null, s.display());
        };
    }

    public UserPrefs prefs() {
        return new UserPrefs(paths.prefsFile());
    }

    public Messages messages() {
        return new Messages(AppContext.localeFrom(prefs()));
    }

    /**
     * Opens the existing workspace named on the command line (closed when the command ends); a missing path or a
     * 0-byte file is refused: a typo must not create a new empty workspace.
     */
    public AppContext open() {
        if (opened == null && location() instanceof WorkspaceLocation.Server server) {
            opened = AppContext.open(paths, prefs(), server, clock);
        }
        if (opened == null) {
            Path ws = workspace();
            if (!Files.isRegularFile(ws)) {
                throw new WorkspaceException("cli.error.noWorkspace", null, ws.toAbsolutePath());
            }
            if (sizeOf(ws) == 0) {
                throw new WorkspaceException("cli.error.emptyFile", null, ws.toAbsolutePath());
            }
            opened = AppContext.open(paths, prefs(), ws, clock);
        }
        opened.actAs(operator);
        return opened;
    }

    /**
     * Opens the workspace for a command that changes data: first the automatic safety backup, as the app takes
     * at start and throttled the same way (none when the newest is younger than an hour).
     */
    public AppContext openToChange() {
        AppContext ctx = open();
        if (ctx.database().isLocal()) {
            ctx.backups().backupIfOlderThan(BackupService.AT_START_UNLESS_NEWER_THAN);
        }
        return ctx;
    }

    /** Opens the workspace, creating it when missing or a 0-byte file ({@code demo}, {@code init} only). */
    AppContext openOrCreate() {
        if (opened == null) {
            opened = AppContext.open(paths, prefs(), location(), clock);
        }
        opened.actAs(operator);
        return opened;
    }

    /** For a damaged workspace: the one command that puts its newest intact backup back. */
    String restoreAdvice(Messages m) {
        Path ws = workspace().toAbsolutePath();
        ZoneId zone = AppContext.zoneFrom(prefs());
        return IntactBackups.newest(paths, ws, zone)
                .map(b -> m.get("cli.damaged.restore", b.file(),
                        LocalDateTime.ofInstant(b.takenAt(), zone).withNano(0), ws))
                .orElseGet(() -> m.get("cli.damaged.noBackup", BackupService.folderFor(paths, ws)));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
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
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, rest) -> {
            usage.handleParseException(ex, rest);
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Messages m = root.messages();
            if (ex instanceof Localizable l) {
                commandLine.getErr().println(m.get("cli.error", m.describe(l)));
                if ("workspace.error.damaged".equals(l.messageKey())) {
                    commandLine.getErr().println(root.restoreAdvice(m));
                }
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

    /** {@code --version}: the version, the commit and date of the build, and the workspace format it knows. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"QunDesk " + AppVersion.current().orElse("development build"),
                    "commit " + AppVersion.commit() + ", built " + AppVersion.buildDate().orElse("from classes"),
                    "workspace format " + Database.latestSchemaVersion() + " (the newest this version reads and writes)"};
        }
    }
}
