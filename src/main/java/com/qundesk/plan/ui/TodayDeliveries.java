package com.qundesk.plan.ui;

import com.qundesk.plan.InviteService;
import com.qundesk.plan.InviteWarning;
import com.qundesk.plan.PlanService;
import com.qundesk.plan.PlannedDelivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What Today's deliveries section shows: the value plan's open deliveries up to the end of today, and the invites that
 * need the operator. Read off the FX thread — by the section itself, or once while the workspace opens so that the
 * first Today view is drawn complete in one pass.
 */
public record TodayDeliveries(List<PlannedDelivery> due, List<InviteWarning> invites) {

    public TodayDeliveries {
        due = List.copyOf(due);
        invites = List.copyOf(invites);
    }

    /** Reads both at {@code now}; "today" ends at midnight in {@code zone} (the workspace's time zone). */
    public static TodayDeliveries read(PlanService plans, InviteService invites, Instant now, ZoneId zone) {
        return new TodayDeliveries(plans.due(now, restOfDay(now, zone).minusMillis(1)), invites.warnings(now));
    }

    /** How far ahead Today looks for deliveries: the rest of the day ({@link PlanService#due}). */
    static Duration restOfDay(Instant now, ZoneId zone) {
        return Duration.between(now, now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
    }
}
