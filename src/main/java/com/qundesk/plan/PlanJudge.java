package com.qundesk.plan;

import com.qundesk.value.ValueDimension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges plans from their occurrences in a window (a pure function, tested without a database). The signs of
 * mechanical pushing are those PRODUCT.md names: the same text to many groups on one day, more than three
 * deliveries a day to one group, a plan of one dimension only. Items that came from a flash preset's plan are
 * not counted for "same text": a welcome posted in each of ten groups opened together for one event is how flash
 * groups work, not a push.
 */
public final class PlanJudge {

    /** "Many groups": this many or more got the same text on one day. */
    public static final int MANY_GROUPS = 5;
    /** "More than three deliveries a day to one group". */
    public static final int MAX_PER_DAY = 3;
    /** A one-dimension plan is only a sign once it planned at least this many deliveries in the window. */
    public static final int ONE_DIMENSION_MIN_PLANNED = 3;

    private PlanJudge() {
    }

    /** One occurrence in the window, with what became of it (null: nothing yet). */
    public record Occurrence(PlanItem item, String groupName, Instant at, Delivery.State outcome) {
    }

    public static Map<Long, PlanJudgement> judge(List<PlanItem> activeItems, List<Occurrence> window, ZoneId zone) {
        Map<Long, Set<ValueDimension>> dims = new HashMap<>();
        for (PlanItem i : activeItems) {
            dims.computeIfAbsent(i.groupId(), k -> EnumSet.noneOf(ValueDimension.class)).add(i.dimension());
        }
        Map<Long, int[]> counts = new HashMap<>();
        Map<Long, Map<LocalDate, List<String>>> perDay = new HashMap<>();
        Map<String, Map<Long, String>> sameText = new LinkedHashMap<>();
        for (Occurrence o : window) {
            long g = o.item().groupId();
            int[] n = counts.computeIfAbsent(g, k -> new int[3]);
            n[0]++;
            if (o.outcome() == Delivery.State.DELIVERED) {
                n[1]++;
            } else if (o.outcome() == Delivery.State.SKIPPED) {
                n[2]++;
            }
            LocalDate day = o.at().atZone(zone).toLocalDate();
            perDay.computeIfAbsent(g, k -> new TreeMap<>()).computeIfAbsent(day, k -> new ArrayList<>())
                    .add(o.item().title());
            if (o.item().source() != PlanItem.Source.FLASH) {
                sameText.computeIfAbsent(day + "\n" + textOf(o.item()), k -> new TreeMap<>()).put(g, o.groupName());
            }
        }
        Map<Long, List<PushingSign>> signs = new HashMap<>();
        for (var e : sameText.entrySet()) {
            if (e.getValue().size() >= MANY_GROUPS) {
                String[] dayAndText = e.getKey().split("\n", 2);
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("day", dayAndText[0]);
                ev.put("text", abbreviate(dayAndText[1]));
                ev.put("groups", e.getValue().size());
                ev.put("groupNames", List.copyOf(new TreeSet<>(e.getValue().values())));
                for (long g : e.getValue().keySet()) {
                    signs.computeIfAbsent(g, k -> new ArrayList<>())
                            .add(new PushingSign(PushingSign.Kind.SAME_TEXT_MANY_GROUPS, ev));
                }
            }
        }
        Set<Long> all = new TreeSet<>(dims.keySet());
        all.addAll(counts.keySet());
        Map<Long, PlanJudgement> out = new HashMap<>();
        for (long g : all) {
            List<PushingSign> s = new ArrayList<>(signs.getOrDefault(g, List.of()));
            List<Map.Entry<LocalDate, List<String>>> busy = perDay.getOrDefault(g, Map.of()).entrySet().stream()
                    .filter(d -> d.getValue().size() > MAX_PER_DAY).toList();
            if (!busy.isEmpty()) {
                var worst = busy.stream().max(java.util.Comparator.comparingInt(d -> d.getValue().size())).orElseThrow();
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("day", worst.getKey().toString());
                ev.put("deliveries", worst.getValue().size());
                ev.put("titles", List.copyOf(worst.getValue()));
                ev.put("days", busy.size());
                s.add(new PushingSign(PushingSign.Kind.MORE_THAN_THREE_A_DAY, ev));
            }
            Set<ValueDimension> covered = dims.getOrDefault(g, Set.of());
            int[] n = counts.getOrDefault(g, new int[3]);
            if (covered.size() == 1 && n[0] >= ONE_DIMENSION_MIN_PLANNED) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("dimension", covered.iterator().next().token());
                ev.put("planned", n[0]);
                s.add(new PushingSign(PushingSign.Kind.ONE_DIMENSION, ev));
            }
            List<ValueDimension> never = new ArrayList<>();
            for (ValueDimension d : ValueDimension.values()) {
                if (!covered.contains(d)) {
                    never.add(d);
                }
            }
            out.put(g, new PlanJudgement(g, n[0], n[1], n[2], never, s));
        }
        return out;
    }

    private static String textOf(PlanItem i) {
        String t = i.body() == null || i.body().isBlank() ? i.title() : i.body();
        return t.strip().replaceAll("\\s+", " ");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
