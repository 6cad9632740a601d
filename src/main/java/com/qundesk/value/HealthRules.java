package com.qundesk.value;

import com.qundesk.flash.FlashLifecycle;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Purpose;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the health rules for one group. Each rule states its comparison exactly (docs/value-model.md):
 * "above" is strictly greater, "within" and "for N days" are inclusive.
 */
public final class HealthRules {

    private HealthRules() {
    }

    /**
     * Groups that are about relationships, where Dunbar's 150 applies: long-term groups other than shopping
     * shelves, customer service and event broadcasts (flash groups are short-lived by design). An unknown purpose
     * (null) is not an exemption: the size rules apply to it.
     */
    static boolean relationshipGroup(Group g) {
        Purpose p = g.purpose();
        return g.kind() == GroupKind.LONG_TERM && p != Purpose.SHOPPING && p != Purpose.SERVICE && p != Purpose.EVENT;
    }

    /**
     * When the group's current formation began: its re-formation if that is later than its birth, else its birth —
     * the registry's creation date, or the earliest evidence (stats, messages, value, outcomes) where that date is
     * missing or later (a registry imported today says every group was born today).
     */
    static Instant formedAt(Group g, GroupMetrics m) {
        Instant born = g.createdAt();
        if (m.firstEvidenceAt != null && (born == null || m.firstEvidenceAt.isBefore(born))) {
            born = m.firstEvidenceAt;
        }
        return g.reformedAt() != null && born != null && g.reformedAt().isAfter(born) ? g.reformedAt() : born;
    }

    public static List<RuleFinding> evaluate(Group g, GroupMetrics m, FlashLifecycle flash, boolean broadcast,
                                             HealthThresholds t, Instant now, ZoneId zone) {
        List<RuleFinding> out = new ArrayList<>();
        LocalDate today = now.atZone(zone).toLocalDate();
        int members = g.memberCount();

        if (members > t.oversizedMembers() && relationshipGroup(g) && !broadcast) {
            out.add(finding(HealthRule.OVERSIZED, "rule.oversized.evidence", ev("members", members,
                    "threshold", t.oversizedMembers()), members, t.oversizedMembers()));
        }

        boolean planned = flash != null && now.isBefore(flash.opensAt());
        Instant since = formedAt(g, m);
        long ageDays = since == null ? Long.MAX_VALUE : Duration.between(since, now).toDays();
        if (!planned && ageDays >= t.silentDays()) {
            LocalDate lastValue = m.lastValueAt == null ? null : m.lastValueAt.atZone(zone).toLocalDate();
            LocalDate last = latest(lastValue, m.lastOutcomeDay);
            long quietDays = last == null ? ageDays : ChronoUnit.DAYS.between(last, today);
            if (quietDays >= t.silentDays()) {
                out.add(finding(HealthRule.SILENT, last == null ? "rule.silent.never" : "rule.silent.evidence",
                        ev("daysWithoutValue", quietDays, "lastValueOrOutcome", last == null ? null : last.toString(),
                                "threshold", t.silentDays()),
                        last == null ? ageDays : quietDays, last == null ? "" : last.toString()));
            }
        }

        double perDay = m.messagesPerDay();
        double valuePerWeek = m.valueEvents() / (m.windowDays() / 7.0);
        // volume alone: 100+ messages a day drive the silent majority out whatever else the group delivers
        if (m.statDays > 0 && perDay > t.noisyMessagesPerDay()) {
            out.add(finding(HealthRule.NOISY, "rule.noisy.evidence", ev("messagesPerDay", round1(perDay),
                            "daysAbove100", m.daysAbove100, "valueEventsPerWeek", round1(valuePerWeek),
                            "threshold", t.noisyMessagesPerDay()),
                    round1(perDay), m.daysAbove100, round1(valuePerWeek)));
        }

        if (m.messages >= t.concentratedMinMessages() && m.top3Share() > t.concentratedTop3Share()) {
            out.add(finding(HealthRule.CONCENTRATED, "rule.concentrated.evidence", ev("top3Share",
                    round3(m.top3Share()), "messages", m.messages, "threshold", t.concentratedTop3Share()),
                    percent(m.top3Share()), m.messages));
        }

        if (m.messages > 0 && m.adShare() > t.adHeavyShare()) {
            out.add(finding(HealthRule.AD_HEAVY, "rule.adHeavy.evidence", ev("flaggedAds", m.flaggedAds, "messages",
                    m.messages, "share", round3(m.adShare()), "threshold", t.adHeavyShare()),
                    m.flaggedAds, percent(m.adShare())));
        }

        if (g.purpose() == Purpose.VIP && g.kind() == GroupKind.LONG_TERM && since != null
                && ageDays >= t.staleCoreDays()) {
            out.add(finding(HealthRule.STALE_CORE, "rule.staleCore.evidence", ev("lastFormed",
                    since.atZone(zone).toLocalDate().toString(), "days", ageDays, "threshold", t.staleCoreDays()),
                    since.atZone(zone).toLocalDate().toString(), ageDays));
        }

        if (flash != null && !flash.state().isFinal() && !now.isBefore(flash.dueAt())) {
            long hours = Duration.between(flash.dueAt(), now).toHours();
            out.add(finding(HealthRule.OVERDUE_FLASH, "rule.overdueFlash.evidence", ev("dueAt",
                    flash.dueAt().toString(), "hoursOverdue", hours),
                    flash.dueAt().atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString()
                            .replace('T', ' '), hours));
        }

        if (g.kind() == GroupKind.LONG_TERM) {
            for (String tag : t.lowFrequencyTags()) {
                if (g.tags().contains(tag)) {
                    out.add(finding(HealthRule.LOW_FREQUENCY, "rule.lowFrequency.evidence", ev("tag", tag), tag));
                    break;
                }
            }
        }

        if (m.maxLeaveShareDay != null && m.maxLeaveShare > t.churnLeaveShare()) {
            out.add(finding(HealthRule.CHURN_SPIKE, "rule.churnSpike.evidence", ev("day",
                    m.maxLeaveShareDay.toString(), "leaveShare", round3(m.maxLeaveShare), "threshold",
                    t.churnLeaveShare()), m.maxLeaveShareDay.toString(), percent(m.maxLeaveShare)));
        }

        if (g.capacity() > 0 && members >= t.nearCapacityShare() * g.capacity()) {
            out.add(finding(HealthRule.NEAR_CAPACITY, "rule.nearCapacity.evidence", ev("members", members,
                    "capacity", g.capacity(), "threshold", t.nearCapacityShare()), members, g.capacity()));
        }
        return out;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }

    private static RuleFinding finding(HealthRule rule, String key, Map<String, Object> evidence, Object... args) {
        return new RuleFinding(rule, evidence, key, java.util.Arrays.asList(args));
    }

    private static Map<String, Object> ev(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String percent(double v) {
        return Math.round(v * 1000) / 10.0 + "%";
    }
}
