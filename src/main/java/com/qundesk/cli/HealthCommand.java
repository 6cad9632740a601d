package com.qundesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qundesk.workspace.AppContext;
import com.qundesk.i18n.Messages;
import com.qundesk.plan.PlanJudgement;
import com.qundesk.plan.PushingSign;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.HealthService;
import com.qundesk.value.RuleFinding;
import com.qundesk.group.GroupScope;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code qundesk health [--at DAY] [--window DAYS] [--assignee LOGIN | --unassigned] --format json}: every live
 * group's value index, rules and verdict — of the team, or of one operator's groups (or the unassigned ones), read
 * as the dashboard reads them per operator.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Judge every active group by the value it delivers: index, fired rules, recommendation.")
final class HealthCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--at", description = "the last day of the window (default: today)")
    private LocalDate at;
    @Option(names = "--window", defaultValue = "30", description = "days (7, 30, 90 …; default ${DEFAULT-VALUE})")
    private int window;
    @Option(names = "--format", defaultValue = "table", description = "table or json")
    private String format;
    @ArgGroup(exclusive = true)
    private Whose whose;

    /** Whose groups: one operator's or the unassigned ones (default: the team's, every group). */
    static final class Whose {
        @Option(names = "--assignee", paramLabel = "LOGIN", description = "only the groups assigned to this operator")
        String assignee;
        @Option(names = "--unassigned", description = "only the groups assigned to nobody")
        boolean unassigned;
    }

    @Override
    public Integer call() throws Exception {
        AppContext ctx = root().open();
        HealthService health = ctx.health();
        LocalDate day = at != null ? at : health.today();
        GroupScope scope = whose == null ? GroupScope.TEAM
                : whose.unassigned ? GroupScope.UNASSIGNED : GroupScope.of(whose.assignee);
        List<GroupHealth> all = health.evaluate(day, window, scope);
        Messages m = messages();
        Map<Long, PlanJudgement> plans = ctx.plans().judge(day, window);
        if ("json".equals(format)) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode arr = mapper.createArrayNode();
            for (GroupHealth h : all) {
                ObjectNode o = arr.addObject();
                o.put("groupId", h.group().id());
                o.put("externalId", h.group().externalId());
                o.put("name", h.group().name());
                o.put("assignee", h.group().assignee());
                o.put("valueIndex", h.index().value());
                ObjectNode terms = o.putObject("terms");
                h.index().terms().forEach(terms::put);
                ArrayNode rules = o.putArray("rules");
                for (RuleFinding f : h.findings()) {
                    ObjectNode r = rules.addObject();
                    r.put("rule", f.rule().token());
                    r.set("evidence", mapper.valueToTree(f.evidence()));
                    r.put("text", m.describe(f));
                }
                o.put("recommendation", h.recommendation().token());
                ArrayNode reasons = o.putArray("reasons");
                h.reasons().forEach(f -> reasons.add(m.describe(f)));
                PlanJudgement p = plans.getOrDefault(h.group().id(), PlanJudgement.empty(h.group().id()));
                ObjectNode plan = o.putObject("plan");
                plan.put("planned", p.planned());
                plan.put("delivered", p.delivered());
                plan.put("skipped", p.skipped());
                ArrayNode never = plan.putArray("dimensionsNeverPlanned");
                p.dimensionsNeverPlanned().forEach(d -> never.add(d.token()));
                ArrayNode signs = plan.putArray("pushingSigns");
                for (PushingSign s : p.pushingSigns()) {
                    ObjectNode sign = signs.addObject();
                    sign.put("sign", s.kind().token());
                    sign.set("evidence", mapper.valueToTree(s.evidence()));
                }
            }
            out().println(mapper.writeValueAsString(arr));
        } else {
            out().println(m.get("cli.health.header", day, window));
            for (GroupHealth h : all) {
                out().printf("%-6d %5.1f  %-14s %s%n", h.group().id(), h.index().value(),
                        m.get(h.recommendation().messageKey()), h.group().name());
                for (RuleFinding f : h.reasons()) {
                    out().println("         · " + m.describe(f));
                }
            }
        }
        return QunDeskCli.OK;
    }
}
