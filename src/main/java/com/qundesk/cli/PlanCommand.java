package com.qundesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qundesk.workspace.AppContext;
import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import com.qundesk.plan.Delivery;
import com.qundesk.plan.DeliveryEdit;
import com.qundesk.plan.PlanItem;
import com.qundesk.plan.PlanRequest;
import com.qundesk.value.ValueDimension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code qundesk plan add|list|deliver|skip|invite|template}: the value plan from the command line. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan what each group gives its members; mark deliveries delivered or skipped.",
        subcommands = {PlanCommand.AddCmd.class, PlanCommand.ListCmd.class, PlanCommand.DeliverCmd.class,
                PlanCommand.SkipCmd.class, PlanCommand.InviteCmd.class, PlanTemplateCommand.class})
final class PlanCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static ObjectNode json(PlanItem i) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", i.id());
        o.put("groupId", i.groupId());
        o.put("dimension", i.dimension().token());
        o.put("title", i.title());
        o.put("text", i.body());
        if (i.reach() == null) {
            o.putNull("reach");
        } else {
            o.put("reach", i.reach());
        }
        o.put("rrule", i.rrule());
        o.put("start", i.startAt().toString());
        o.put("zone", i.zone().getId());
        o.put("source", i.source().token());
        o.put("ended", i.endedAt() != null);
        return o;
    }

    static ObjectNode json(Delivery d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("planItemId", d.planItemId());
        o.put("occurrence", d.occurrence().toString());
        o.put("state", d.state().token());
        if (d.valueEventId() == null) {
            o.putNull("valueEventId");
        } else {
            o.put("valueEventId", d.valueEventId());
        }
        o.put("reason", d.reason());
        return o;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an item to a group's plan: once (--at) or recurring (--rrule); prints it as JSON.")
    static final class AddCmd extends CliCommand implements Callable<Integer> {
        @Option(names = "--group", required = true, paramLabel = "ID_OR_EXTERNAL_ID")
        private String group;
        @Option(names = "--dimension", required = true,
                description = "benefits, information, resources, cases, activities, connections (or 福利 …)")
        private String dimension;
        @Option(names = "--title", required = true)
        private String title;
        @Option(names = "--template", paramLabel = "NAME", description = "a template of the library: its text")
        private String template;
        @Option(names = "--reach", description = "expected reach (default: the group's members)")
        private Integer reach;
        @Option(names = "--at", description = "once, at this time")
        private String at;
        @Option(names = "--rrule", description = "recurring, e.g. FREQ=WEEKLY;BYDAY=MO")
        private String rrule;
        @Option(names = "--start", description = "the first occurrence of a recurring item (default: now)")
        private String start;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().openToChange();
            if ((at == null) == (rrule == null)) {
                throw new ValidationException(FieldError.of("at", "cli.plan.atOrRrule"));
            }
            ValueDimension dim = ValueDimension.parse(dimension).orElseThrow(
                    () -> new ValidationException(FieldError.of("dimension", "validation.value.dimension")));
            String body = null;
            if (template != null) {
                body = ctx.templates().list().stream().filter(t -> t.name().equals(template.strip())).findFirst()
                        .orElseThrow(() -> new ValidationException(FieldError.of("template", "cli.plan.template",
                                template))).body();
            }
            String when = at != null ? at : start;
            Instant first = when == null ? ctx.clock().instant()
                    : CliTimes.parse(when, ctx.zone(), false, at != null ? "--at" : "--start");
            long groupId = ctx.plans().resolveGroup(group);
            PlanItem item = ctx.plans().add(new PlanRequest(groupId, dim, title, body, reach, rrule, first));
            out().println(MAPPER.writeValueAsString(json(item)));
            return QunDeskCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The plan items, of one group or all.")
    static final class ListCmd extends CliCommand implements Callable<Integer> {
        @Option(names = "--group", paramLabel = "ID_OR_EXTERNAL_ID")
        private String group;
        @Option(names = "--format", defaultValue = "table", description = "table or json")
        private String format;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().open();
            List<PlanItem> items = ctx.plans().list(group == null ? null : ctx.plans().resolveGroup(group));
            if ("json".equals(format)) {
                ArrayNode arr = MAPPER.createArrayNode();
                items.forEach(i -> arr.add(json(i)));
                out().println(MAPPER.writeValueAsString(arr));
            } else {
                var m = messages();
                for (PlanItem i : items) {
                    out().printf("%-5d #%-5d %-12s %-34s %s%n", i.id(), i.groupId(), m.get(i.dimension().messageKey()),
                            i.rrule() == null ? i.startAt().atZone(ctx.zone()).toLocalDateTime() : i.rrule(),
                            i.title());
                }
                out().println(m.get("cli.due.count", items.size()));
            }
            return QunDeskCli.OK;
        }
    }

    @Command(name = "deliver", mixinStandardHelpOptions = true,
            description = "Mark an occurrence delivered and write its value event (once: a repeat changes nothing).")
    static final class DeliverCmd extends CliCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PLAN_ITEM_ID")
        private long id;
        @Option(names = "--occurrence", required = true, description = "the planned time being delivered")
        private String occurrence;
        @Option(names = "--reach", description = "members reached (default: the plan's)")
        private Integer reach;
        @Option(names = "--at", description = "when it was delivered (default: now)")
        private String at;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().openToChange();
            Instant occ = CliTimes.parse(occurrence, ctx.zone(), false, "--occurrence");
            Instant when = at == null ? null : CliTimes.parse(at, ctx.zone(), false, "--at");
            Delivery d = ctx.plans().deliver(id, occ, new DeliveryEdit(null, null, reach, when, null));
            out().println(MAPPER.writeValueAsString(json(d)));
            return QunDeskCli.OK;
        }
    }

    @Command(name = "skip", mixinStandardHelpOptions = true, description = "Skip an occurrence, keeping the reason.")
    static final class SkipCmd extends CliCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PLAN_ITEM_ID")
        private long id;
        @Option(names = "--occurrence", required = true)
        private String occurrence;
        @Option(names = "--reason", required = true)
        private String reason;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().openToChange();
            Instant occ = CliTimes.parse(occurrence, ctx.zone(), false, "--occurrence");
            out().println(MAPPER.writeValueAsString(json(ctx.plans().skip(id, occ, reason))));
            return QunDeskCli.OK;
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true,
            description = "Record a WeChat group's invite: when its QR code was refreshed, whether it recruits.")
    static final class InviteCmd extends CliCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID_OR_EXTERNAL_ID")
        private String group;
        @Option(names = "--qr-refreshed", description = "when the QR code was refreshed (\"now\" or a time)")
        private String refreshed;
        @Option(names = "--recruiting", arity = "1", description = "true or false")
        private Boolean recruiting;
        @Option(names = "--advertises-qr", arity = "1", description = "true or false")
        private Boolean advertisesQr;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().openToChange();
            long id = ctx.plans().resolveGroup(group);
            Instant at = refreshed == null ? null : "now".equalsIgnoreCase(refreshed.strip()) ? ctx.clock().instant()
                    : CliTimes.parse(refreshed, ctx.zone(), false, "--qr-refreshed");
            var invite = ctx.invites().record(id, at, advertisesQr, recruiting);
            ObjectNode o = MAPPER.createObjectNode();
            o.put("groupId", invite.groupId());
            o.put("qrRefreshedAt", invite.qrRefreshedAt() == null ? null : invite.qrRefreshedAt().toString());
            o.put("advertisesQr", invite.advertisesQr());
            o.put("recruiting", invite.recruiting());
            out().println(MAPPER.writeValueAsString(o));
            return QunDeskCli.OK;
        }
    }
}
