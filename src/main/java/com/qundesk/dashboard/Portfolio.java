package com.qundesk.dashboard;

import com.qundesk.flash.FlashDiscipline;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Purpose;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.ValueDimension;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The portfolio dashboard as plain data, computed off the FX thread and rendered by the view and the PDF report.
 *
 * @param deliveredShare   share of live groups that delivered value in the window
 * @param deliveredTrend   the same share for consecutive earlier windows, oldest first, ending with this one
 * @param valueByWeek      value events per dimension per week (week start → counts), oldest first
 * @param recommendations  every live group's verdict, most drastic first
 */
public record Portfolio(LocalDate day, int windowDays, Map<GroupStatus, Integer> byStatus,
                        Map<Purpose, Integer> byPurpose, int liveGroups, int deliveredGroups, double deliveredShare,
                        List<TrendPoint> deliveredTrend, List<WeekValue> valueByWeek, Funnel funnel,
                        List<GroupHealth> top, List<GroupHealth> bottom, List<GroupHealth> recommendations,
                        FlashDiscipline flash) {

    public record TrendPoint(LocalDate windowEnd, double share) {
    }

    public record WeekValue(LocalDate weekStart, Map<ValueDimension, Integer> counts) {
    }

    /** Coupons issued → redeemed (rate against the 18% benchmark), orders and GMV in the window. */
    public record Funnel(double couponsIssued, double couponsRedeemed, Double redemptionRate, double orders,
                         double gmv, double signups, List<GroupRate> byGroup) {
    }

    public record GroupRate(long groupId, String name, double issued, double redeemed, double rate) {
    }

    /** Flash groups dissolved on time, late, and overdue now (past due, not dissolved). */
}
