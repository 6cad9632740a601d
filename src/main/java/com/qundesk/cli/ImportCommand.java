package com.qundesk.cli;

import com.qundesk.group.Group;
import com.qundesk.i18n.Messages;
import com.qundesk.imports.BatchFile;
import com.qundesk.imports.ImportBatchService;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.ImportKind;
import com.qundesk.imports.ImportLogRepository;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportOutcome;
import com.qundesk.imports.ImportResult;
import com.qundesk.imports.Rejection;
import com.qundesk.imports.chat.ChatImportService;
import com.qundesk.workspace.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code qundesk import chat|wecom|history|undo}: chat exports and WeCom statistics into the workspace. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import chat exports and WeCom statistics.",
        subcommands = {ImportCommand.Chat.class, WecomImportCommand.class, ImportCommand.History.class,
                ImportCommand.Undo.class})
final class ImportCommand {

    /** Finds a group by internal id, external id or exact name. */
    static Group findGroup(AppContext ctx, String idOrName) {
        List<Group> all = ctx.groups().list();
        for (Group g : all) {
            if (idOrName.equals(g.externalId()) || idOrName.equals(String.valueOf(g.id()))) {
                return g;
            }
        }
        List<Group> named = all.stream().filter(g -> g.name().equals(idOrName.strip())).toList();
        if (named.size() == 1) {
            return named.getFirst();
        }
        throw new ImportFormatException(0, named.isEmpty() ? "cli.import.noGroup" : "cli.import.ambiguousGroup",
                idOrName);
    }

    @Command(name = "chat", mixinStandardHelpOptions = true,
            description = "Import chat exports (WeChatMsg, PyWxDump, chatlog, WeFlow, ChatLab): files or folders.")
    static final class Chat extends CliCommand implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "PATH")
        private List<Path> paths;
        @Option(names = "--group", paramLabel = "ID_OR_NAME", description = "the group every chat goes to")
        private String group;
        @Option(names = "--tz", paramLabel = "ZONE", description = "zone of local times in the files "
                + "(default: the operator's zone)")
        private ZoneId zone;
        @Option(names = "--format", paramLabel = "NAME", description = "skip detection: wechatmsg, pywxdump, "
                + "chatlog-csv, chatlog-json, weflow, chatlab")
        private String format;
        @Option(names = "--create-groups", description = "create a group for a chat that matches none")
        private boolean createGroups;

        @Override
        public Integer call() {
            Messages m = messages();
            AppContext ctx = root().openToChange();
            ChatImportService imports = ctx.chatImports();
            ImportOptions options = new ImportOptions(zone != null ? zone : ctx.zone(), format,
                    group == null ? null : findGroup(ctx, group).id(), createGroups, java.util.Map.of());
            int[] files = {0};
            int[] failed = {0};
            int[] partial = {0};
            ImportBatchService.Listener listener = new ImportBatchService.Listener() {
                @Override
                public void finished(Path f, ImportOutcome outcome) {
                    ImportResult r = (ImportResult) outcome;
                    report(m, f, r);
                    if (!r.complete()) {
                        partial[0]++;
                    }
                }

                @Override
                public void failed(Path f, RuntimeException error) {
                    fileFailed(err(), m, f, error);
                    failed[0]++;
                }
            };
            for (Path p : paths) {
                List<Path> expanded;
                try {
                    expanded = imports.expand(p);
                } catch (RuntimeException e) {
                    err().println(m.get("cli.import.fileFailed", p, m.get("import.error.read", e.getMessage())));
                    failed[0]++;
                    continue;
                }
                if (expanded.isEmpty()) {
                    err().println(m.get("cli.import.fileFailed", p, m.get("import.error.noFiles")));
                    failed[0]++;
                }
                files[0] += expanded.size();
                ctx.importBatch().run(expanded.stream()
                        .map(f -> new BatchFile(f, ImportKind.CHAT, options, null, null)).toList(), () -> false, listener);
            }
            if (failed[0] == files[0] && files[0] > 0 || files[0] == 0) {
                return QunDeskCli.FAILED;
            }
            return failed[0] + partial[0] > 0 ? QunDeskCli.PARTIAL : QunDeskCli.OK;
        }

        private void report(Messages m, Path f, ImportResult r) {
            for (Rejection rej : r.rejected()) {
                err().println(m.get("cli.import.rejected", f.getFileName(), rej.line(), m.describe(rej)));
            }
            if (r.rejectedCount() > r.rejected().size()) {
                err().println(m.get("cli.import.moreRejected", r.rejectedCount() - r.rejected().size()));
            }
            for (ImportResult.UnmappedChat u : r.unmapped()) {
                // with --create-groups a chat is only left out when its name matches several groups
                err().println(m.get(createGroups ? "cli.import.unmappedAmbiguous" : "cli.import.unmapped",
                        f.getFileName(), u.chatName(), u.messages()));
            }
            for (String w : r.warnings()) {
                err().println(m.get("cli.import.warning", f.getFileName(), m.get(w)));
            }
            out().println(m.get("cli.import.summary", f.getFileName(), r.format(), r.imported(), r.duplicates(),
                    r.rejectedCount(), r.skipped()));
            for (ImportResult.ChatOutcome c : r.chats()) {
                out().println("  → " + c.groupName() + (c.created() ? " " + m.get("cli.import.created") : "")
                        + ": " + m.get("cli.import.chatSummary", c.imported(), c.duplicates()));
            }
        }
    }

    /** Says why a file could not be imported; an error that is not about the file stops the command. */
    static void fileFailed(PrintWriter err, Messages m, Path f, RuntimeException error) {
        if (!(error instanceof ImportFormatException e)) {
            throw error;
        }
        err.println(m.get("cli.import.fileFailed", f, lineOf(m, e.line()) + m.describe(e)));
    }

    static String lineOf(Messages m, long line) {
        return line > 0 ? m.get("cli.import.atLine", line) + " " : "";
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "The imports made, newest first.")
    static final class History extends CliCommand implements Callable<Integer> {
        @Option(names = "--limit", defaultValue = "50")
        private int limit;

        @Override
        public Integer call() {
            Messages m = messages();
            AppContext ctx = root().open();
            for (ImportLogRepository.ImportRun r : ctx.chatImports().history(limit)) {
                out().printf("%-5d %s  %-12s %-28s %s%n", r.id(),
                        r.startedAt().atZone(ctx.zone()).toLocalDateTime().withNano(0), r.format(), r.fileName(),
                        m.get(r.undone() ? "cli.import.historyUndone" : "cli.import.historyLine", r.imported(),
                                r.duplicates(), r.rejected(), String.join("、", r.groups())));
            }
            return QunDeskCli.OK;
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true, description = "Take an import back out, as a whole.")
    static final class Undo extends CliCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "IMPORT_ID")
        private long id;

        @Override
        public Integer call() {
            AppContext ctx = root().openToChange();
            ctx.chatImports().undo(id);
            out().println(messages().get("cli.import.undone", id));
            return QunDeskCli.OK;
        }
    }
}
