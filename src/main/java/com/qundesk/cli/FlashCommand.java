package com.qundesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qundesk.workspace.AppContext;
import com.qundesk.flash.ChecklistIncompleteException;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.core.FieldError;
import com.qundesk.group.Platform;
import com.qundesk.core.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code qundesk flash create|dissolve|extend}. */
@Command(name = "flash", mixinStandardHelpOptions = true, description = "Create and end flash groups.",
        subcommands = {FlashCommand.CreateCmd.class, FlashCommand.DissolveCmd.class, FlashCommand.ExtendCmd.class})
final class FlashCommand {

    static ObjectNode json(ObjectMapper mapper, FlashGroup f, Instant now) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", f.group().id());
        o.put("name", f.group().name());
        o.put("platform", f.group().platform().token());
        o.put("preset", f.lifecycle().preset().token());
        o.put("state", f.lifecycle().stateAt(now).token());
        o.put("opensAt", f.lifecycle().opensAt().toString());
        o.put("dueAt", f.lifecycle().dueAt().toString());
        if (f.campaignId() == null) {
            o.putNull("campaignId");
        } else {
            o.put("campaignId", f.campaignId());
        }
        return o;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create flash groups from a lifetime preset; prints them as JSON.")
    static final class CreateCmd extends CliCommand implements Callable<Integer> {
        @Option(names = "--preset", required = true, description = "resource-flash, activity, camp or custom")
        private String preset;
        @Option(names = "--campaign", description = "campaign id (needed by activity and camp)")
        private Long campaign;
        @Option(names = "--count", defaultValue = "1")
        private int count;
        @Option(names = "--opens", description = "when the groups open (default: now)")
        private String opens;
        @Option(names = "--duration", description = "custom: ISO duration after opening, e.g. PT2H or P2D (days on the calendar)")
        private String duration;
        @Option(names = "--dissolve-at", description = "custom: absolute dissolution time")
        private String dissolveAt;
        @Option(names = "--name-pattern", description = "e.g. 夜话会第{n}期-{k}群; {k} numbers the groups")
        private String namePattern;
        @Option(names = "--period", description = "the {n} in the name pattern")
        private Integer period;
        @Option(names = "--platform", defaultValue = "wechat", description = "wechat or wecom")
        private String platform;
        @Option(names = "--owner")
        private String owner;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().openToChange();
            LifetimePreset p;
            try {
                p = LifetimePreset.fromToken(preset);
            } catch (IllegalArgumentException e) {
                throw new ValidationException(FieldError.of("preset", "cli.error.preset", preset));
            }
            Platform pf;
            try {
                pf = Platform.fromToken(platform);
            } catch (IllegalArgumentException e) {
                throw new ValidationException(FieldError.of("platform", "cli.error.platform", platform));
            }
            Instant opensAt = opens == null ? ctx.clock().instant() : time(opens, ctx.zone(), false, "--opens");
            // a duration is turned into the dissolution time here, its days counted on the operator's calendar
            Instant abs = dissolveAt != null ? time(dissolveAt, ctx.zone(), false, "--dissolve-at")
                    : duration != null ? CliTimes.after(opensAt, duration, ctx.zone(), "--duration") : null;
            FlashPlan plan = new FlashPlan(campaign, p, count, opensAt, null, abs, namePattern, period, pf, null, owner,
                    null, null);
            List<FlashGroup> created = ctx.flash().create(plan);
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode arr = mapper.createArrayNode();
            created.forEach(f -> arr.add(json(mapper, f, ctx.clock().instant())));
            out().println(mapper.writeValueAsString(arr));
            return QunDeskCli.OK;
        }
    }

    @Command(name = "dissolve", mixinStandardHelpOptions = true,
            description = "Record that a person dissolved the flash group.")
    static final class DissolveCmd extends CliCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID")
        private long id;
        @Option(names = "--reason")
        private String reason;
        @Option(names = "--skip-checklist", description = "dissolve although checklist items are open")
        private boolean skip;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().openToChange();
            try {
                FlashGroup f = ctx.flash().dissolve(id, reason, skip);
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                out().println(mapper.writeValueAsString(json(mapper, f, ctx.clock().instant())));
                return QunDeskCli.OK;
            } catch (ChecklistIncompleteException e) {
                var m = messages();
                err().println(m.get("cli.flash.checklistOpen", id, String.join(", ",
                        e.open().stream().map(i -> m.get(i.messageKey())).toList())));
                return QunDeskCli.FAILED;
            }
        }
    }

    @Command(name = "extend", mixinStandardHelpOptions = true, description = "Move the dissolution later, with a reason.")
    static final class ExtendCmd extends CliCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID")
        private long id;
        @Option(names = "--to", required = true, description = "the new due time")
        private String to;
        @Option(names = "--reason", required = true)
        private String reason;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().openToChange();
            FlashGroup f = ctx.flash().extend(id, time(to, ctx.zone(), false, "--to"), reason);
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out().println(mapper.writeValueAsString(json(mapper, f, ctx.clock().instant())));
            return QunDeskCli.OK;
        }
    }
}
