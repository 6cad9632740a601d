package com.qundesk.dashboard.ui;

import com.qundesk.dashboard.DashboardService;
import com.qundesk.dashboard.GroupDetail;
import com.qundesk.dashboard.Portfolio;
import com.qundesk.group.GroupScope;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.HistoryEntry;
import com.qundesk.group.Purpose;
import com.qundesk.i18n.Messages;
import com.qundesk.imports.chat.ChatImportService;
import com.qundesk.report.ReportService;
import com.qundesk.ui.Formats;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.HealthService;
import com.qundesk.value.LedgerService;
import com.qundesk.value.Recommendation;
import com.qundesk.value.RuleFinding;
import com.qundesk.value.ValueDimension;
import com.qundesk.value.ValueModel;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's presentation model: loads the portfolio and one group's detail from the services, and turns them
 * into the texts, series and lines the dashboard's figures, charts and lists show. No JavaFX here: the controller
 * draws what this answers. The loading methods run off the FX thread.
 */
public final class DashboardModel {

    /** Day labels on the charts' category axes ("11-24"). */
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd");

    /** One bar or point of a chart: its category and its value. */
    public record Point(String label, Number value) {
    }

    /** One series of a chart: its legend name (null for a chart without legend) and its points. */
    public record Series(String name, List<Point> points) {
    }

    /** The four figures above the charts, each with its explanation; {@code redemptionGood} null when no rate. */
    public record Figures(String asOf, String deliveredShare, String deliveredText, String redemption,
                          Boolean redemptionGood, String redemptionText, String flash, String flashText,
                          String actions, String actionsText) {
    }

    private final Messages m;
    private final Formats formats;
    private final DashboardService dashboard;
    private final HealthService health;
    private final LedgerService ledger;
    private final ChatImportService chatImports;
    private final ReportService reports;

    public DashboardModel(Messages m, Formats formats, DashboardService dashboard, HealthService health,
                          LedgerService ledger, ChatImportService chatImports, ReportService reports) {
        this.m = m;
        this.formats = formats;
        this.dashboard = dashboard;
        this.health = health;
        this.ledger = ledger;
        this.chatImports = chatImports;
        this.reports = reports;
    }

    /** The portfolio of the last {@code windowDays} days up to today (off the FX thread). */
    public Portfolio portfolio(int windowDays) {
        return portfolio(windowDays, GroupScope.TEAM);
    }

    /** The same of the groups of {@code scope}: the team's, one operator's or the unassigned ones. */
    public Portfolio portfolio(int windowDays, GroupScope scope) {
        return dashboard.portfolio(health.today(), windowDays, scope);
    }

    /** One group's detail over the last {@code windowDays} days (off the FX thread). */
    public GroupDetail detail(long groupId, int windowDays) {
        return dashboard.groupDetail(groupId, health.today(), windowDays, ledger);
    }

    /** One line per chat import that touched the group, newest first, or a line saying there were none. */
    public List<String> importLines(long groupId) {
        List<String> lines = new ArrayList<>();
        for (var r : chatImports.historyOf(groupId)) {
            lines.add(formats.dateTime(r.startedAt()) + "  " + r.fileName() + " (" + r.format() + ")  "
                    + m.get(r.undone() ? "cli.import.historyUndone" : "cli.import.historyLine", r.imported(),
                    r.duplicates(), r.rejected(), String.join("、", r.groups())));
        }
        if (lines.isEmpty()) {
            lines.add(m.get("dashboard.detail.noImports"));
        }
        return lines;
    }

    /** The name the PDF report is offered under. */
    public String reportFileName() {
        return "qundesk-report-" + health.today() + ".pdf";
    }

    /** Writes the PDF report to {@code file}, replacing it (the save dialog asked before). */
    public void writeReport(Path file, int windowDays) {
        reports.write(file, true, health.today(), windowDays, m);
    }

    public Figures figures(Portfolio p) {
        Double rate = p.funnel().redemptionRate();
        var f = p.flash();
        int ended = f.onTime() + f.late();
        long toAct = p.recommendations().stream().filter(h -> h.recommendation() != Recommendation.KEEP).count();
        return new Figures(m.get("dashboard.asOf", formats.date(p.day()), p.windowDays()),
                percent(p.deliveredShare()), m.get("dashboard.deliveredText", p.deliveredGroups(), p.liveGroups(),
                p.windowDays(), percent(1 - p.deliveredShare())),
                rate == null ? "—" : percent(rate), rate == null ? null : rate >= ValueModel.REDEMPTION_BENCHMARK,
                rate == null ? m.get("dashboard.redemptionNone") : m.get("dashboard.redemptionText",
                        (long) p.funnel().couponsRedeemed(), (long) p.funnel().couponsIssued(),
                        percent(ValueModel.REDEMPTION_BENCHMARK)),
                ended == 0 ? "—" : percent((double) f.onTime() / ended),
                m.get("dashboard.flashText", f.onTime(), f.late(), f.overdue(), f.open(), f.planned()),
                Long.toString(toAct), m.get("dashboard.actionsText", count(p, Recommendation.DISSOLVE),
                count(p, Recommendation.SPLIT), count(p, Recommendation.RE_FORM),
                count(p, Recommendation.CONVERT_TO_FLASH), count(p, Recommendation.IMPROVE)));
    }

    /** The delivered share (in percent, one decimal) at the end of each window. */
    public Series deliveredTrend(Portfolio p) {
        List<Point> points = new ArrayList<>();
        for (Portfolio.TrendPoint t : p.deliveredTrend()) {
            points.add(new Point(SHORT.format(t.windowEnd()), Math.round(t.share() * 1000) / 10.0));
        }
        return new Series(null, points);
    }

    /** Value events per week, one series per dimension. */
    public List<Series> valueByDimension(Portfolio p) {
        List<Series> dims = new ArrayList<>();
        for (ValueDimension d : ValueDimension.values()) {
            List<Point> points = new ArrayList<>();
            for (Portfolio.WeekValue w : p.valueByWeek()) {
                points.add(new Point(SHORT.format(w.weekStart()), w.counts().getOrDefault(d, 0)));
            }
            dims.add(new Series(m.get(d.messageKey()), points));
        }
        return dims;
    }

    /** The groups per status, statuses without groups left out; each label carries its count. */
    public List<Point> byStatus(Portfolio p) {
        List<Point> slices = new ArrayList<>();
        for (GroupStatus s : GroupStatus.values()) {
            int n = p.byStatus().getOrDefault(s, 0);
            if (n > 0) {
                slices.add(new Point(m.get(s.messageKey()) + " " + n, n));
            }
        }
        return slices;
    }

    /** The groups per purpose, every purpose. */
    public List<Point> byPurpose(Portfolio p) {
        List<Point> purposes = new ArrayList<>();
        for (Purpose pu : Purpose.values()) {
            purposes.add(new Point(m.get(pu.messageKey()), p.byPurpose().getOrDefault(pu, 0)));
        }
        return purposes;
    }

    /** The coupon redemption rate (percent) of the first eight groups, and the benchmark beside each. */
    public List<Series> redemption(Portfolio p) {
        List<Point> rates = new ArrayList<>();
        List<Point> bench = new ArrayList<>();
        for (Portfolio.GroupRate r : p.funnel().byGroup().stream().limit(8).toList()) {
            // shortened at both ends: "瑞幸咖啡门店福利群·静安" and "…·徐汇" stay two bars, not one
            String label = r.name().length() > 10 ? r.name().substring(0, 5) + "…" + r.name().substring(
                    r.name().length() - 4) : r.name();
            rates.add(new Point(label, Math.round(r.rate() * 1000) / 10.0));
            bench.add(new Point(label, ValueModel.REDEMPTION_BENCHMARK * 100));
        }
        return List.of(new Series(m.get("dashboard.series.redemption"), rates),
                new Series(m.get("dashboard.series.benchmark"), bench));
    }

    /** How the group's value index is made up, in words. */
    public String terms(GroupHealth h) {
        Map<String, Double> terms = h.index().terms();
        return h.index().perMember()
                ? m.get("dashboard.detail.terms", terms.get("valuePerMemberPerWeek"),
                        terms.get("conversionsPerMemberPerWeek"), terms.get("gmvPerMemberPerWeek"),
                        terms.get("dimensionsCovered").intValue(), terms.get("valuePoints"), terms.get("outcomePoints"),
                        terms.get("breadthPoints"))
                : m.get("dashboard.detail.termsNoMembers", terms.get("dimensionsCovered").intValue(),
                        terms.get("breadthPoints"));
    }

    /** The group's value events per dimension over the window. */
    public Series dimensions(GroupHealth h) {
        List<Point> points = new ArrayList<>();
        for (ValueDimension dim : ValueDimension.values()) {
            points.add(new Point(m.get(dim.messageKey()), h.metrics().eventsByDimension.getOrDefault(dim, 0)));
        }
        return new Series(null, points);
    }

    /** The group's value events and conversions per week. */
    public List<Series> weeks(GroupDetail d) {
        List<Point> values = new ArrayList<>();
        List<Point> conversions = new ArrayList<>();
        for (GroupDetail.Week w : d.weeks()) {
            values.add(new Point(SHORT.format(w.start()), w.valueEvents()));
            conversions.add(new Point(SHORT.format(w.start()), w.conversions()));
        }
        return List.of(new Series(m.get("dashboard.series.valueEvents"), values),
                new Series(m.get("dashboard.series.conversions"), conversions));
    }

    /** The health rules the group breaks, each with why, or a line saying it breaks none. */
    public List<String> rules(GroupHealth h) {
        List<String> rules = new ArrayList<>();
        for (RuleFinding f : h.findings()) {
            rules.add(m.get(f.rule().messageKey()) + " — " + m.describe(f));
        }
        if (rules.isEmpty()) {
            rules.add(m.get("dashboard.detail.noRules"));
        }
        return rules;
    }

    /** The group's history, one line per change: when, what, which field from what to what, and the note. */
    public List<String> history(GroupDetail d) {
        List<String> history = new ArrayList<>();
        for (HistoryEntry e : d.history()) {
            String action = m.has("history.action." + e.action()) ? m.get("history.action." + e.action()) : e.action();
            String field = e.field() == null ? "" : " " + (m.has("field." + e.field()) ? m.get("field." + e.field())
                    : e.field()) + ": " + nz(e.oldValue()) + " → " + nz(e.newValue());
            history.add(formats.dateTime(e.at()) + "  " + action + field
                    + (e.note() == null ? "" : " (" + e.note() + ")"));
        }
        return history;
    }

    private static long count(Portfolio p, Recommendation r) {
        return p.recommendations().stream().filter(h -> h.recommendation() == r).count();
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static String nz(String s) {
        return s == null ? "—" : s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }
}
