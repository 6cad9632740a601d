package com.qundesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qundesk.workspace.AppContext;
import com.qundesk.imports.chat.ChatImportRepository.DayRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code qundesk stats daily [--group EXTERNAL_ID] [--from DAY] [--to DAY] --format csv|json}: the daily stats the
 * imports produced, by group and day; days without any message or event are left out.
 */
@Command(name = "daily", mixinStandardHelpOptions = true, description = "Daily group stats, by group and day.")
final class StatsDailyCommand extends CliCommand implements Callable<Integer> {
    private static final String[] COLUMNS = {"group", "day", "messages", "speakers", "top3_share", "joins",
            "removals", "leaves", "owner_messages", "flagged_ads"};

    @Option(names = "--group", paramLabel = "EXTERNAL_ID", description = "one group (external id, id or name)")
    private String group;
    @Option(names = "--from", paramLabel = "DAY")
    private LocalDate from;
    @Option(names = "--to", paramLabel = "DAY")
    private LocalDate to;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE})")
    private String format;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = root().open();
        Long groupId = group == null ? null : ImportCommand.findGroup(ctx, group).id();
        List<DayRow> rows = ctx.chatImports().daily(groupId, from, to);
        if ("json".equalsIgnoreCase(format)) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode arr = mapper.createArrayNode();
            for (DayRow r : rows) {
                ObjectNode o = arr.addObject();
                o.put("group", key(r));
                o.put("day", r.day().toString());
                o.put("messages", r.messages());
                o.put("speakers", r.speakers());
                o.put("top3_share", r.top3Share());
                o.put("joins", r.joins());
                o.put("removals", r.removals());
                if (r.leaves() == null) {
                    o.putNull("leaves");
                } else {
                    o.put("leaves", r.leaves());
                }
                o.put("owner_messages", r.ownerMessages());
                o.put("flagged_ads", r.flaggedAds());
            }
            out().println(mapper.writeValueAsString(arr));
        } else {
            out().println(String.join(",", COLUMNS));
            for (DayRow r : rows) {
                out().println(String.join(",", csv(key(r)), r.day().toString(), String.valueOf(r.messages()),
                        String.valueOf(r.speakers()), String.format(Locale.ROOT, "%.4f", r.top3Share()),
                        String.valueOf(r.joins()), String.valueOf(r.removals()),
                        r.leaves() == null ? "" : String.valueOf(r.leaves()), String.valueOf(r.ownerMessages()),
                        String.valueOf(r.flaggedAds())));
            }
        }
        return QunDeskCli.OK;
    }

    private static String key(DayRow r) {
        return r.externalId() != null ? r.externalId() : String.valueOf(r.groupId());
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
