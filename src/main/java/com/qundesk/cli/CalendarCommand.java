package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code qundesk calendar export --out FILE.ics [--from DAY] [--to DAY] [--force]}. */
@Command(name = "calendar", mixinStandardHelpOptions = true, description = "The calendar as an iCalendar file.",
        subcommands = {CalendarCommand.ExportCmd.class})
final class CalendarCommand {

    /** Without --from/--to: from today for this many days. */
    static final int DEFAULT_DAYS = 90;

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Flash-group openings and dissolutions, reminders and planned deliveries as .ics (RFC 5545).")
    static final class ExportCmd extends CliCommand implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "FILE.ics")
        private Path out;
        @Option(names = "--force", description = "replace FILE.ics if it exists (never the workspace or a backup)")
        private boolean force;
        @Option(names = "--from", paramLabel = "DAY", description = "first day (default: today)")
        private String from;
        @Option(names = "--to", paramLabel = "DAY", description = "last day (default: 90 days on)")
        private String to;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().open();
            LocalDate today = ctx.clock().instant().atZone(ctx.zone()).toLocalDate();
            Instant start = from == null ? today.atStartOfDay(ctx.zone()).toInstant()
                    : CliTimes.parse(from, ctx.zone(), false, "--from");
            Instant end = to == null ? today.plusDays(DEFAULT_DAYS).atStartOfDay(ctx.zone()).toInstant()
                    : CliTimes.parse(to, ctx.zone(), true, "--to").plusSeconds(1);
            int events = ctx.calendarExport().write(out, force, start, end, messages());
            out().println(messages().get("cli.calendar.written", out, events));
            return QunDeskCli.OK;
        }
    }
}
