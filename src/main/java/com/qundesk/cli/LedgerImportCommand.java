package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import com.qundesk.i18n.Messages;
import com.qundesk.io.RejectedRow;
import com.qundesk.value.LedgerImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code qundesk values|outcomes|stats import FILE}: exit 0 when every row imported (rows already there count as
 * imported), 2 when some rows were rejected (listed on stderr), 1 when the file cannot be read.
 */
abstract class LedgerImportCommand extends CliCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    private Path file;

    abstract LedgerImporter.Kind kind();

    @Override
    public Integer call() {
        Messages m = messages();
        AppContext ctx = root().openToChange();
        LedgerImporter.Report r;
        try {
            r = ctx.ledgerImporter().importFile(file, kind());
        } catch (ValidationException e) {
            err().println(m.get("cli.error", e.errors().stream().map(m::describe).collect(Collectors.joining(" "))));
            return QunDeskCli.FAILED;
        }
        for (RejectedRow rej : r.rejected()) {
            err().println(m.get("registry.rejectedLine", r.fileName(), rej.row(), rej.reasons().stream()
                    .map((FieldError f) -> m.describe(f)).collect(Collectors.joining(" "))));
        }
        out().println(m.get("ledger.summary", r.imported(), r.unchanged(), r.rejected().size(), r.fileName()));
        return r.complete() ? QunDeskCli.OK : QunDeskCli.PARTIAL;
    }

    @Command(name = "values", mixinStandardHelpOptions = true, description = "The value ledger.",
            subcommands = {ValuesImport.class})
    static final class Values {
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import value events: group,time,dimension,title,reach,campaign")
    static final class ValuesImport extends LedgerImportCommand {
        @Override
        LedgerImporter.Kind kind() {
            return LedgerImporter.Kind.VALUES;
        }
    }

    @Command(name = "outcomes", mixinStandardHelpOptions = true, description = "Outcomes per group and day.",
            subcommands = {OutcomesImport.class})
    static final class Outcomes {
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import outcomes: group,day,type,value,campaign")
    static final class OutcomesImport extends LedgerImportCommand {
        @Override
        LedgerImporter.Kind kind() {
            return LedgerImporter.Kind.OUTCOMES;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Daily group statistics.",
            subcommands = {StatsImport.class, StatsDailyCommand.class, StatsWecomCommand.class})
    static final class Stats {
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import daily stats: group,day,members,"
            + "joins,leaves,messages,speakers,top3_share,owner_messages,flagged_ads")
    static final class StatsImport extends LedgerImportCommand {
        @Override
        LedgerImporter.Kind kind() {
            return LedgerImporter.Kind.STATS;
        }
    }
}
