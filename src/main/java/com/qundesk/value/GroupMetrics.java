package com.qundesk.value;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * One group's numbers over a window (inclusive local days {@code from}..{@code to}): what it delivered
 * (value events by dimension, recency-weighted reach), what it produced (outcomes), and what it cost in
 * attention (messages, concentration, ads), plus membership movement. Mutable while being aggregated.
 */
public final class GroupMetrics {
    public final long groupId;
    public final LocalDate from;
    public final LocalDate to;
    public final Map<ValueDimension, Integer> eventsByDimension = new EnumMap<>(ValueDimension.class);
    /** Σ over events of recency weight × reach, capped at the members (unknown reach counts half of them). */
    public double weightedReach;
    /**
     * The weighted reach's terms while they are collected: summed in ascending order at the end, so a group's figure
     * does not depend on the order a database returns its events in (it differs between databases and plans).
     */
    double[] reachTerms = new double[4];
    int reachTermCount;

    void addReachTerm(double term) {
        if (reachTermCount == reachTerms.length) {
            reachTerms = java.util.Arrays.copyOf(reachTerms, reachTermCount * 2);
        }
        reachTerms[reachTermCount++] = term;
    }

    void sumReachTerms() {
        java.util.Arrays.sort(reachTerms, 0, reachTermCount);
        double sum = 0;
        for (int i = 0; i < reachTermCount; i++) {
            sum += reachTerms[i];
        }
        weightedReach = sum;
        reachTerms = null;
    }
    public int reachSum;
    public final Map<OutcomeType, Double> outcomes = new EnumMap<>(OutcomeType.class);
    public Instant lastValueAt;
    /** The earliest daily stat, imported message, value event or outcome of the group (any time), or null. */
    public Instant firstEvidenceAt;
    public LocalDate lastOutcomeDay;
    public int statDays;
    public long messages;
    public long joins;
    public long leaves;
    public int leaveDaysKnown;
    public long removals;
    public long flaggedAds;
    public long ownerMessages;
    /** Σ top3_share × messages, to weigh the share by volume. */
    public double top3Weighted;
    public int daysAbove100;
    public double membersSum;
    public int membersDays;
    public double maxLeaveShare;
    public LocalDate maxLeaveShareDay;
    public Integer firstMembers;
    public Integer lastMembers;

    public GroupMetrics(long groupId, LocalDate from, LocalDate to) {
        this.groupId = groupId;
        this.from = from;
        this.to = to;
    }

    public int windowDays() {
        return (int) (to.toEpochDay() - from.toEpochDay() + 1);
    }

    public int valueEvents() {
        int sum = 0;
        for (int n : eventsByDimension.values()) {
            sum += n;
        }
        return sum;
    }

    public int dimensionsCovered() {
        int covered = 0;
        for (int n : eventsByDimension.values()) {
            if (n > 0) {
                covered++;
            }
        }
        return covered;
    }

    public double outcome(OutcomeType t) {
        return outcomes.getOrDefault(t, 0.0);
    }

    /** Messages from the top three speakers as a share of all messages in the window. */
    public double top3Share() {
        return messages == 0 ? 0 : top3Weighted / messages;
    }

    public double messagesPerDay() {
        return statDays == 0 ? 0 : (double) messages / statDays;
    }

    public Double averageMembers() {
        return membersDays == 0 ? null : membersSum / membersDays;
    }

    public double adShare() {
        return messages == 0 ? 0 : (double) flaggedAds / messages;
    }

    /** Coupons redeemed ÷ issued, or null when none were issued. */
    public Double redemptionRate() {
        double issued = outcome(OutcomeType.COUPONS_ISSUED);
        return issued <= 0 ? null : outcome(OutcomeType.COUPONS_REDEEMED) / issued;
    }
}
