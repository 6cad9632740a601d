package com.qundesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qundesk.workspace.AppContext;
import com.qundesk.flash.DueItem;
import com.qundesk.plan.PlannedDelivery;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code qundesk due [--at ISO_INSTANT] [--within HOURS] [--assignee LOGIN | --mine] --format json}. Each item names
 * its assignee (the group's, else its campaign's; null: nobody). {@code --mine} lists what Today's "Mine" lists: the
 * items of the operator running the command and the unassigned ones.
 */
@Command(name = "due", mixinStandardHelpOptions = true,
        description = "What is overdue, and what falls due within the window, as of an instant (default now).")
final class DueCommand extends CliCommand implements Callable<Integer> {
    @Option(names = "--at", description = "the instant to ask about (default: now)")
    private String at;
    @Option(names = "--within", defaultValue = "24", description = "hours ahead (default: ${DEFAULT-VALUE})")
    private double within;
    @Option(names = "--format", defaultValue = "table", description = "table or json")
    private String format;
    @ArgGroup(exclusive = true)
    private Whose whose;

    /** Whose items: one operator's, or mine (the operator's and the unassigned ones). */
    static final class Whose {
        @Option(names = "--assignee", paramLabel = "LOGIN", description = "only the items assigned to this operator")
        String assignee;
        @Option(names = "--mine", description = "only my items and the unassigned ones (as Today's \"Mine\")")
        boolean mine;
    }

    /** Whether an item assigned to {@code assignee} (null: nobody) is listed. */
    private boolean listed(String assignee, String me) {
        if (whose == null) {
            return true;
        }
        return whose.mine ? assignee == null || assignee.equals(me) : whose.assignee.equals(assignee);
    }

    @Override
    public Integer call() throws Exception {
        AppContext ctx = root().open();
        Instant when = at == null ? ctx.clock().instant() : time(at, ctx.zone(), false, "--at");
        Duration ahead = Duration.ofMinutes(Math.round(within * 60));
        String me = ctx.operator();
        List<DueItem> items = ctx.flash().due(when, ahead).stream().filter(i -> listed(i.assignee(), me)).toList();
        Map<Long, String> assigneeOf = new HashMap<>();
        ctx.groups().list().forEach(g -> assigneeOf.put(g.id(), g.assignee()));
        List<PlannedDelivery> deliveries = ctx.plans().due(when, ahead).stream()
                .filter(d -> listed(assigneeOf.get(d.item().groupId()), me)).toList();
        if ("json".equals(format)) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode arr = mapper.createArrayNode();
            for (DueItem i : items) {
                ObjectNode o = arr.addObject();
                o.put("groupId", i.groupId());
                o.put("name", i.name());
                o.put("kind", i.kind().name().toLowerCase(Locale.ROOT));
                o.put("dueAt", i.dueAt().toString());
                o.put("state", i.state().name().toLowerCase(Locale.ROOT));
                o.put("assignee", i.assignee());
            }
            for (PlannedDelivery d : deliveries) {
                ObjectNode o = arr.addObject();
                o.put("groupId", d.item().groupId());
                o.put("name", d.groupName());
                o.put("kind", "delivery");
                o.put("dueAt", d.occurrence().toString());
                o.put("state", d.state().token());
                o.put("planItemId", d.item().id());
                o.put("occurrence", d.occurrence().toString());
                o.put("dimension", d.item().dimension().token());
                o.put("title", d.item().title());
                o.put("text", d.text());
                o.put("assignee", assigneeOf.get(d.item().groupId()));
            }
            out().println(mapper.writeValueAsString(arr));
        } else {
            var m = messages();
            // columns padded by display width: a Chinese character takes two columns in a terminal
            for (DueItem i : items) {
                out().printf("%s %s %s  #%d %s%n",
                        DisplayWidth.pad(m.get("due.state." + i.state().name().toLowerCase(Locale.ROOT)), 9),
                        DisplayWidth.pad(m.get("due.kind." + i.kind().name().toLowerCase(Locale.ROOT)), 12),
                        i.dueAt().atZone(ctx.zone()).toLocalDateTime(), i.groupId(), i.name());
            }
            for (PlannedDelivery d : deliveries) {
                out().printf("%s %s %s  #%d %s · %s %s%n", DisplayWidth.pad(m.get("due.state." + d.state().token()), 9),
                        DisplayWidth.pad(m.get("due.kind.delivery"), 12), d.occurrence().atZone(ctx.zone()).toLocalDateTime(),
                        d.item().groupId(), d.groupName(), d.item().title(), m.get("cli.due.planItem", d.item().id()));
            }
            out().println(m.get("cli.due.count", items.size() + deliveries.size()));
        }
        return QunDeskCli.OK;
    }
}
