package com.qundesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import com.qundesk.group.Purpose;
import com.qundesk.group.registry.RegistryImporter;
import com.qundesk.i18n.Messages;
import com.qundesk.plan.PlanTemplate;
import com.qundesk.plan.PlanTemplateItem;
import com.qundesk.plan.TemplateApplication;
import com.qundesk.value.ValueDimension;
import com.qundesk.workspace.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code qundesk plan template add|list|apply|remove}: one plan for the groups of a purpose or tag. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Plan templates: one plan for every live group of a purpose and/or carrying a tag.",
        subcommands = {PlanTemplateCommand.AddCmd.class, PlanTemplateCommand.ListCmd.class,
                PlanTemplateCommand.ApplyCmd.class, PlanTemplateCommand.RemoveCmd.class})
final class PlanTemplateCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    static final String ITEM_SHAPE = "DIM|HH:MM|TITLE[|RRULE][|TEXT]";

    /** One {@code --item}: DIM|HH:MM|TITLE, then an optional rule (empty: once) and the text (the rest). */
    static PlanTemplateItem item(int n, String spec) {
        String[] f = spec.split("\\|", 5);
        if (f.length < 3) {
            throw new ValidationException(FieldError.of("item", "cli.planTemplate.item", n, spec, ITEM_SHAPE));
        }
        ValueDimension dim = ValueDimension.parse(f[0].strip()).orElseThrow(() -> new ValidationException(
                FieldError.of("items[" + n + "].dimension", "validation.planTemplate.itemDimension", n)));
        LocalTime time;
        try {
            time = LocalTime.parse(f[1].strip(), DateTimeFormatter.ofPattern("H:mm"));
        } catch (DateTimeParseException e) {
            throw new ValidationException(FieldError.of("items[" + n + "].time", "validation.planTemplate.itemTime",
                    n, f[1].strip()));
        }
        String rule = f.length > 3 && !f[3].isBlank() ? f[3].strip() : null;
        String text = f.length > 4 && !f[4].isBlank() ? f[4] : null;
        return new PlanTemplateItem(null, dim, f[2], text, null, rule, time);
    }

    static ObjectNode json(PlanTemplate t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", t.id());
        o.put("name", t.name());
        o.put("purpose", t.purpose() == null ? null : t.purpose().token());
        o.put("tag", t.tag());
        ArrayNode items = o.putArray("items");
        for (PlanTemplateItem i : t.items()) {
            ObjectNode j = items.addObject();
            j.put("dimension", i.dimension().token());
            j.put("time", HH_MM.format(i.timeOfDay()));
            j.put("title", i.title());
            j.put("rrule", i.rrule());
            j.put("text", i.body());
        }
        return o;
    }

    static ObjectNode json(TemplateApplication a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("templateId", a.template().id());
        o.put("template", a.template().name());
        o.put("dryRun", a.dryRun());
        o.put("groupsAdded", a.added().size());
        o.put("groupsAlreadyHad", a.alreadyHad().size());
        o.put("itemsCreated", a.itemsCreated());
        ArrayNode added = o.putArray("added");
        for (TemplateApplication.GroupItems g : a.added()) {
            ObjectNode j = added.addObject();
            j.put("groupId", g.group().id());
            j.put("groupName", g.group().name());
            ArrayNode items = j.putArray("items");
            g.items().forEach(i -> items.add(PlanCommand.json(i)));
        }
        ArrayNode had = o.putArray("alreadyHad");
        for (TemplateApplication.GroupRef g : a.alreadyHad()) {
            had.addObject().put("groupId", g.id()).put("groupName", g.name());
        }
        return o;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Define a plan template; prints it as JSON.",
                    "Each --item is DIM|HH:MM|TITLE[|RRULE][|TEXT]: the dimension, the time of day, the title, an "
                            + "optional RFC 5545 rule (leave it empty for once) and the text to paste (the rest of "
                            + "the line; {group}, {owner} … are filled in). E.g.",
                    "  --item 'benefits|20:00|Weekly deal|FREQ=WEEKLY;BYDAY=WE|This week: …'",
                    "  --item 'cases|09:30|A customer story'"})
    static final class AddCmd extends CliCommand implements Callable<Integer> {
        @Option(names = "--name", required = true)
        private String name;
        @Option(names = "--purpose", description = "the groups of this purpose (shopping, resource, … or 好物 …)")
        private String purpose;
        @Option(names = "--tag", description = "the groups carrying this tag (with --purpose: groups of both)")
        private String tag;
        @Option(names = "--item", required = true, paramLabel = ITEM_SHAPE, description = "one item; repeat it")
        private List<String> items;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().openToChange();
            Purpose p = null;
            if (purpose != null) {
                p = RegistryImporter.purposeOf(purpose).orElseThrow(() -> new ValidationException(
                        FieldError.of("purpose", "registry.badPurpose", purpose)));
            }
            List<PlanTemplateItem> parsed = new ArrayList<>();
            for (int n = 1; n <= items.size(); n++) {
                parsed.add(item(n, items.get(n - 1)));
            }
            PlanTemplate t = ctx.planTemplates().define(new PlanTemplate(null, name, p, tag, null, parsed));
            out().println(MAPPER.writeValueAsString(json(t)));
            return QunDeskCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The plan templates with their items.")
    static final class ListCmd extends CliCommand implements Callable<Integer> {
        @Option(names = "--format", defaultValue = "table", description = "table or json")
        private String format;

        @Override
        public Integer call() throws Exception {
            List<PlanTemplate> all = root().open().planTemplates().list();
            if ("json".equals(format)) {
                ArrayNode arr = MAPPER.createArrayNode();
                all.forEach(t -> arr.add(json(t)));
                out().println(MAPPER.writeValueAsString(arr));
                return QunDeskCli.OK;
            }
            Messages m = messages();
            for (PlanTemplate t : all) {
                out().printf("%-5d %s  (%s)%n", t.id(), t.name(), m.describe(t.target()));
                for (PlanTemplateItem i : t.items()) {
                    out().printf("      %s  %-8s %-28s %s%n", HH_MM.format(i.timeOfDay()),
                            m.get(i.dimension().messageKey()), i.rrule() == null ? m.get("cli.planTemplate.once")
                                    : i.rrule(), i.title());
                }
            }
            out().println(m.get("cli.planTemplate.count", all.size()));
            return QunDeskCli.OK;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Give every live group the template fits, that does not have its items yet, one plan item "
                    + "per template item; prints per group what was (or, with --dry-run, would be) added.",
                    "Applying again reaches only the groups that joined the purpose or tag since."})
    static final class ApplyCmd extends CliCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME_OR_ID")
        private String template;
        @Option(names = "--dry-run", description = "say what would be added, change nothing")
        private boolean dryRun;
        @Option(names = "--format", defaultValue = "json", description = "json or table")
        private String format;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = dryRun ? root().open() : root().openToChange();
            TemplateApplication a = ctx.planTemplates().apply(ctx.planTemplates().resolve(template).id(), dryRun);
            if ("table".equals(format)) {
                Messages m = messages();
                for (TemplateApplication.GroupItems g : a.added()) {
                    out().printf("#%-5d %s  +%d%n", g.group().id(), g.group().name(), g.items().size());
                }
                out().println(m.get(dryRun ? "cli.planTemplate.wouldApply" : "cli.planTemplate.applied",
                        a.added().size(), a.alreadyHad().size(), a.itemsCreated()));
            } else {
                out().println(MAPPER.writeValueAsString(json(a)));
            }
            return QunDeskCli.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a plan template; the plan items it made stay in their groups' plans.")
    static final class RemoveCmd extends CliCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME_OR_ID")
        private String template;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().openToChange();
            PlanTemplate t = ctx.planTemplates().resolve(template);
            ctx.planTemplates().delete(t.id());
            ObjectNode o = MAPPER.createObjectNode();
            o.put("removed", t.id());
            o.put("name", t.name());
            out().println(MAPPER.writeValueAsString(o));
            return QunDeskCli.OK;
        }
    }
}
