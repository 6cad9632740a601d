package com.qundesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qundesk.workspace.AppContext;
import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignType;
import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code qundesk campaigns list|add}. */
@Command(name = "campaigns", mixinStandardHelpOptions = true, description = "List and add campaigns.",
        subcommands = {CampaignsCommand.ListCmd.class, CampaignsCommand.AddCmd.class})
final class CampaignsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print every campaign.")
    static final class ListCmd extends CliCommand implements Callable<Integer> {
        @Option(names = "--format", defaultValue = "table", description = "table or json")
        private String format;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = root().open();
            List<Campaign> all = ctx.campaigns().list();
            Instant now = ctx.clock().instant();
            if ("json".equals(format)) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ArrayNode arr = mapper.createArrayNode();
                for (Campaign k : all) {
                    ObjectNode o = arr.addObject();
                    o.put("id", k.id());
                    o.put("type", k.type().token());
                    o.put("name", k.name());
                    o.put("start", k.startsAt().toString());
                    o.put("end", k.endsAt().toString());
                    o.put("owner", k.owner());
                    o.put("assignee", k.assignee());
                    o.put("version", k.version());
                    o.put("status", k.statusAt(now).token());
                    ArrayNode groups = o.putArray("groupIds");
                    ctx.campaigns().groupIds(k.id()).forEach(groups::add);
                }
                out().println(mapper.writeValueAsString(arr));
            } else {
                var m = messages();
                for (Campaign k : all) {
                    out().printf("%-5d %-12s %-30s %s → %s  %s%n", k.id(), m.get(k.type().messageKey()), k.name(),
                            k.startsAt(), k.endsAt(), m.get(k.statusAt(now).messageKey()));
                }
            }
            return QunDeskCli.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a campaign; prints its id.")
    static final class AddCmd extends CliCommand implements Callable<Integer> {
        @Option(names = "--name", required = true)
        private String name;
        @Option(names = "--type", required = true,
                description = "night-talk, training, voyage, resource-flash, goods-flash, habit-camp, expert-share, "
                        + "promotion, meetup, other — or the Chinese name")
        private String type;
        @Option(names = "--start", required = true, description = "ISO date or date-time")
        private String start;
        @Option(names = "--end", required = true, description = "ISO date or date-time (a date means its end)")
        private String end;
        @Option(names = "--owner")
        private String owner;

        @Override
        public Integer call() {
            AppContext ctx = root().openToChange();
            CampaignType t = CampaignType.parse(type).orElseThrow(
                    () -> new ValidationException(FieldError.of("type", "cli.error.campaignType", type,
                            CampaignType.choices())));
            Campaign draft = Campaign.draft(t, name, time(start, ctx.zone(), false, "--start"),
                    time(end, ctx.zone(), true, "--end"));
            draft = new Campaign(null, draft.type(), draft.name(), draft.startsAt(), draft.endsAt(), owner, null, null,
                    null, null, null, null, null);
            Campaign saved = ctx.campaigns().create(draft);
            out().println(saved.id());
            return QunDeskCli.OK;
        }
    }
}
