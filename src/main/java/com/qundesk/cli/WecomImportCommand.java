package com.qundesk.cli;

import com.qundesk.i18n.Messages;
import com.qundesk.imports.BatchFile;
import com.qundesk.imports.ImportBatchService;
import com.qundesk.imports.ImportKind;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportOutcome;
import com.qundesk.imports.wecom.WecomImportService;
import com.qundesk.workspace.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code qundesk import wecom FILE...}: saved WeCom customer-group API responses (groupchat/get, groupchat/list,
 * groupchat/statistic, statistic_group_by_day). Exit 0 when every file imported, 2 when some chats were unknown or
 * some files failed, 1 when none could be read.
 */
@Command(name = "wecom", mixinStandardHelpOptions = true,
        description = "Import saved WeCom responses: groupchat/get, groupchat/list, statistic, statistic_group_by_day.")
final class WecomImportCommand extends CliCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    private List<Path> files;
    @Option(names = "--day", paramLabel = "DAY", description = "the day a groupchat/statistic (per owner) response is for")
    private LocalDate day;
    @Option(names = "--owner", paramLabel = "USERID", description = "the owner filter of a statistic_group_by_day "
            + "response (default: every owner)")
    private String owner;
    @Option(names = "--tz", paramLabel = "ZONE", description = "zone of WeCom's days (default: the operator's zone)")
    private ZoneId zone;
    @Option(names = "--create-groups", description = "create a WeCom group for a groupchat/get chat that matches none")
    private boolean createGroups;

    @Override
    public Integer call() {
        Messages m = messages();
        AppContext ctx = root().openToChange();
        ImportOptions options = new ImportOptions(zone != null ? zone : ctx.zone(), null, null, createGroups,
                Map.of());
        int[] failed = {0};
        int[] partial = {0};
        ctx.importBatch().run(files.stream().map(f -> new BatchFile(f, ImportKind.WECOM, options, owner, day)).toList(),
                () -> false, new ImportBatchService.Listener() {
                    @Override
                    public void finished(Path f, ImportOutcome outcome) {
                        WecomImportService.Result r = (WecomImportService.Result) outcome;
                        for (String chat : r.unknownChats()) {
                            err().println(m.get(createGroups ? "cli.wecom.unknownChatNotCreated"
                                    : "cli.wecom.unknownChat", f.getFileName(), chat));
                        }
                        for (String note : r.notes()) {
                            err().println(m.get("cli.import.warning", f.getFileName(), m.get(note)));
                        }
                        out().println(m.get("cli.wecom.summary", f.getFileName(), r.responses(), r.groupsUpdated(),
                                r.groupsCreated(), r.membersSeen(), r.statDays()));
                        if (!r.complete()) {
                            partial[0]++;
                        }
                    }

                    @Override
                    public void failed(Path f, RuntimeException error) {
                        ImportCommand.fileFailed(err(), m, f, error);
                        failed[0]++;
                    }
                });
        if (failed[0] == files.size()) {
            return QunDeskCli.FAILED;
        }
        return failed[0] + partial[0] > 0 ? QunDeskCli.PARTIAL : QunDeskCli.OK;
    }
}
