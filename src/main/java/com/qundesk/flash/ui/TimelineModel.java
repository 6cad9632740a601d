package com.qundesk.flash.ui;

import com.qundesk.campaign.Campaign;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashState;
import com.qundesk.flash.Reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calendar's content as plain data: the visible range for a day, week or month view, and one row per
 * campaign followed by its flash groups, each with a bar from start to end (or dissolution) and its reminders.
 */
public final class TimelineModel {

    public enum Scale {
        DAY(1), WEEK(7), MONTH(31);

        final int days;

        Scale(int days) {
            this.days = days;
        }
    }

    public enum Kind { CAMPAIGN, FLASH, DELIVERY }

    /** One row of the timeline. {@code state} is the flash state as of now (null for campaigns). */
    public record Row(Kind kind, long id, String label, Instant start, Instant end, FlashState state,
                      boolean cancelled, List<Instant> reminders) {
    }

    private TimelineModel() {
    }

    /** The range shown: a day from midnight, a week from Monday, a month from its first day (in the zone). */
    public static Instant[] range(Scale scale, LocalDate anchor, ZoneId zone) {
        LocalDate first = switch (scale) {
            case DAY -> anchor;
            case WEEK -> anchor.minusDays(anchor.getDayOfWeek().getValue() - 1L);
            case MONTH -> anchor.withDayOfMonth(1);
        };
        LocalDate last = switch (scale) {
            case DAY -> first.plusDays(1);
            case WEEK -> first.plusDays(7);
            case MONTH -> first.plusMonths(1);
        };
        return new Instant[] {first.atStartOfDay(zone).toInstant(), last.atStartOfDay(zone).toInstant()};
    }

    public static LocalDate step(Scale scale, LocalDate anchor, int direction) {
        return switch (scale) {
            case DAY -> anchor.plusDays(direction);
            case WEEK -> anchor.plusWeeks(direction);
            case MONTH -> anchor.plusMonths(direction);
        };
    }

    /** Rows overlapping [from, to): campaigns (latest first) each followed by its flash groups, then the rest. */
    public static List<Row> rows(List<Campaign> campaigns, List<FlashGroup> flash, List<Reminder> reminders,
                                 Instant from, Instant to, Instant now) {
        Map<Long, List<Instant>> remindersByGroup = new HashMap<>();
        for (Reminder r : reminders) {
            if (r.kind() == Reminder.Kind.REMINDER && r.cancelledAt() == null) {
                remindersByGroup.computeIfAbsent(r.groupId(), k -> new ArrayList<>()).add(r.fireAt());
            }
        }
        Map<Long, List<FlashGroup>> byCampaign = new LinkedHashMap<>();
        List<FlashGroup> loose = new ArrayList<>();
        for (FlashGroup f : flash) {
            if (f.campaignId() == null) {
                loose.add(f);
            } else {
                byCampaign.computeIfAbsent(f.campaignId(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Row> out = new ArrayList<>();
        List<Campaign> sorted = campaigns.stream().sorted(Comparator.comparing(Campaign::startsAt)).toList();
        for (Campaign k : sorted) {
            List<Row> groupRows = new ArrayList<>();
            for (FlashGroup f : byCampaign.getOrDefault(k.id(), List.of())) {
                Row r = flashRow(f, remindersByGroup, now);
                if (overlaps(r, from, to)) {
                    groupRows.add(r);
                }
            }
            Row campaignRow = new Row(Kind.CAMPAIGN, k.id(), k.name(), k.startsAt(), k.endsAt(), null,
                    k.cancelledAt() != null, List.of());
            if (overlaps(campaignRow, from, to) || !groupRows.isEmpty()) {
                out.add(campaignRow);
                out.addAll(groupRows);
            }
        }
        for (FlashGroup f : loose) {
            Row r = flashRow(f, remindersByGroup, now);
            if (overlaps(r, from, to)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * One row per group with planned deliveries in [from, to): a thin bar from the first to the last, a mark at each
     * (the value plan's occurrences, whatever became of them).
     */
    public static List<Row> deliveryRows(List<com.qundesk.plan.PlannedDelivery> deliveries, String labelPrefix) {
        Map<Long, List<com.qundesk.plan.PlannedDelivery>> byGroup = new LinkedHashMap<>();
        for (var d : deliveries) {
            byGroup.computeIfAbsent(d.item().groupId(), k -> new ArrayList<>()).add(d);
        }
        List<Row> out = new ArrayList<>();
        for (var e : byGroup.entrySet()) {
            List<Instant> marks = e.getValue().stream().map(com.qundesk.plan.PlannedDelivery::occurrence).toList();
            out.add(new Row(Kind.DELIVERY, e.getKey(), labelPrefix + e.getValue().getFirst().groupName(),
                    marks.getFirst(), marks.getLast().plus(Duration.ofMinutes(30)), null, false, marks));
        }
        return out;
    }

    private static Row flashRow(FlashGroup f, Map<Long, List<Instant>> reminders, Instant now) {
        var l = f.lifecycle();
        Instant end = l.state().isFinal() && l.endedAt() != null ? l.endedAt() : l.dueAt();
        if (end.isBefore(l.opensAt())) {
            end = l.opensAt().plus(Duration.ofMinutes(1));
        }
        return new Row(Kind.FLASH, f.group().id(), f.group().name(), l.opensAt(), end, l.stateAt(now), false,
                reminders.getOrDefault(f.group().id(), List.of()));
    }

    static boolean overlaps(Row r, Instant from, Instant to) {
        return r.start().isBefore(to) && r.end().isAfter(from);
    }

    /** The x position (0..width) of an instant within [from, to), clamped. */
    public static double x(Instant t, Instant from, Instant to, double width) {
        double total = Duration.between(from, to).toMillis();
        double at = Duration.between(from, t).toMillis();
        return Math.max(0, Math.min(width, width * at / total));
    }
}
