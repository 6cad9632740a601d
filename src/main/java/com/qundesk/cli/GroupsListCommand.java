package com.qundesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qundesk.workspace.AppContext;
import com.qundesk.flash.FlashState;
import com.qundesk.group.Group;
import com.qundesk.i18n.Messages;
import com.qundesk.io.CellSafety;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code qundesk groups list [--format table|json|csv]}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Print every group.")
final class GroupsListCommand extends CliCommand implements Callable<Integer> {

    enum Format { table, json, csv }

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE})")
    private Format format;

    @Override
    public Integer call() throws IOException {
        AppContext ctx = root().open();
        List<Group> groups = ctx.groups().list();
        Map<Long, FlashState> flash = ctx.flash().statesNow();
        switch (format) {
            case json -> printJson(groups, flash);
            case csv -> printCsv(groups);
            case table -> printTable(groups, flash, messages());
        }
        out().flush();
        return QunDeskCli.OK;
    }

    private void printJson(List<Group> groups, Map<Long, FlashState> flash) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode arr = mapper.createArrayNode();
        for (Group g : groups) {
            ObjectNode o = arr.addObject();
            o.put("id", g.id());
            o.put("platform", g.platform().token());
            o.put("externalId", g.externalId());
            o.put("name", g.name());
            o.put("purpose", g.purpose().token());
            o.put("kind", g.kind().token());
            o.put("owner", g.owner());
            o.put("assignee", g.assignee());
            o.put("version", g.version());
            o.put("memberCount", g.memberCount());
            o.put("capacity", g.capacity());
            o.put("status", g.status().token());
            if (flash.containsKey(g.id())) {
                o.put("flashState", flash.get(g.id()).token()); // what Today and the Groups view say
            }
            if (g.parentId() == null) {
                o.putNull("parentId");
            } else {
                o.put("parentId", g.parentId());
            }
            ArrayNode tags = o.putArray("tags");
            g.tags().forEach(tags::add);
            ArrayNode admins = o.putArray("admins");
            g.admins().forEach(admins::add);
            o.put("createdAt", g.createdAt() == null ? null : g.createdAt().toString());
            o.put("updatedAt", g.updatedAt() == null ? null : g.updatedAt().toString());
        }
        out().println(mapper.writeValueAsString(arr));
    }

    private void printCsv(List<Group> groups) throws IOException {
        CSVPrinter p = new CSVPrinter(out(), CSVFormat.RFC4180.builder().setHeader("id", "platform", "externalId",
                "name", "purpose", "kind", "owner", "memberCount", "capacity", "status", "parentId", "tags").get());
        for (Group g : groups) {
            p.printRecord(g.id(), g.platform().token(), CellSafety.neutralize(g.externalId()),
                    CellSafety.neutralize(g.name()), g.purpose().token(), g.kind().token(),
                    CellSafety.neutralize(g.owner()), g.memberCount(), g.capacity(), g.status().token(), g.parentId(), CellSafety.neutralize(String.join(",", g.tags())));
        }
        p.flush();
    }

    /** Columns: ID, platform, name, purpose, kind, owner, members/capacity, status, padded by display width. */
    private static final int[] WIDTHS = {6, 8, 32, 10, 10, 12, 9};

    private void printTable(List<Group> groups, Map<Long, FlashState> flash, Messages m) {
        out().println(row(m.get("column.platform"), "ID", m.get("column.name"), m.get("column.purpose"),
                m.get("column.kind"), m.get("column.owner"), m.get("column.members"), m.get("column.status")));
        for (Group g : groups) {
            out().println(row(m.get(g.platform().messageKey()), Long.toString(g.id()), g.name(),
                    m.get(g.purpose().messageKey()), m.get(g.kind().messageKey()), g.owner() == null ? "" : g.owner(),
                    g.memberCount() + "/" + g.capacity(), m.get(FlashState.statusKey(g.status(), flash.get(g.id())))));
        }
        out().println(m.get("cli.groups.count", groups.size()));
    }

    private static String row(String platform, String id, String name, String purpose, String kind, String owner,
                              String members, String status) {
        return DisplayWidth.pad(id, WIDTHS[0]) + " " + DisplayWidth.pad(platform, WIDTHS[1]) + " "
                + DisplayWidth.pad(name, WIDTHS[2]) + " " + DisplayWidth.pad(purpose, WIDTHS[3]) + " "
                + DisplayWidth.pad(kind, WIDTHS[4]) + " " + DisplayWidth.pad(owner, WIDTHS[5]) + " "
                + DisplayWidth.padLeft(members, WIDTHS[6]) + "  " + status;
    }
}
