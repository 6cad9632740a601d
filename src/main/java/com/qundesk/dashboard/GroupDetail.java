package com.qundesk.dashboard;

import com.qundesk.group.HistoryEntry;
import com.qundesk.stats.DailyStat;
import com.qundesk.value.GroupHealth;

import java.time.LocalDate;
import java.util.List;

/** One group's dashboard: its verdict, weekly value and outcomes, daily stats of the window, and history. */
public record GroupDetail(GroupHealth health, List<Week> weeks, List<DailyStat> stats, List<HistoryEntry> history) {

    /** Value events and conversions (orders, sign-ups, renewals, referrals, redeemed coupons) in one week. */
    public record Week(LocalDate start, int valueEvents, double conversions) {
    }
}
