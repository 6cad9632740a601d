package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.FieldError;
import com.qundesk.group.Purpose;
import com.qundesk.core.ValidationException;
import com.qundesk.group.registry.RegistryImporter;
import com.qundesk.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code qundesk groups import FILE [--purpose PURPOSE] [--dry-run]}: exit 0 when every row imported, 2 when some were rejected
 * (one line per rejected row on stderr), 1 when the file cannot be read at all.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import groups from a CSV or .xlsx file (headers in English or Chinese).")
final class GroupsImportCommand extends CliCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    private Path file;
    @Option(names = "--dry-run", description = "check every row but store nothing")
    private boolean dryRun;
    @Option(names = "--purpose", paramLabel = "PURPOSE", description = "the purpose of groups the sheet gives none "
            + "(needed when it has no purpose column): shopping, resource, industry, paid, vip, fan, habit, service, "
            + "event, or their Chinese names")
    private String purpose;

    @Override
    public Integer call() {
        Messages m = messages();
        Purpose defaultPurpose = null;
        if (purpose != null) {
            defaultPurpose = RegistryImporter.purposeOf(purpose).orElse(null);
            if (defaultPurpose == null) {
                err().println(m.get("cli.error", m.get("cli.groups.badPurpose", purpose,
                        RegistryImporter.purposeChoices())));
                return QunDeskCli.FAILED;
            }
        }
        AppContext ctx = dryRun ? root().open() : root().openToChange();
        RegistryImporter.Report r;
        try {
            r = ctx.registryImporter().importFile(file, new RegistryImporter.Options(defaultPurpose, ctx.zone()),
                    dryRun);
        } catch (ValidationException e) {
            err().println(m.get("cli.error", e.errors().stream().map(m::describe).collect(Collectors.joining(" "))));
            return QunDeskCli.FAILED;
        }
        if (!r.ignoredHeaders().isEmpty()) {
            err().println(m.get("registry.ignoredColumns", String.join(", ", r.ignoredHeaders())));
        }
        for (RegistryImporter.Rejected rej : r.rejected()) {
            err().println(m.get("registry.rejectedLine", r.fileName(), rej.row(), rej.reasons().stream()
                    .map((FieldError f) -> m.describe(f)).collect(Collectors.joining(" "))));
        }
        out().println(m.get(dryRun ? "registry.summary.dryRun" : "registry.summary", r.imported(),
                r.rejected().size(), r.fileName()));
        return r.complete() ? QunDeskCli.OK : QunDeskCli.PARTIAL;
    }
}
