package com.qundesk.group;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The recorded fields of a group, each as text, so that edits can be written into the history. */
final class GroupFields {

    private record Field(String name, Function<Group, Object> get) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("platform", g -> g.platform().token()),
            new Field("externalId", Group::externalId),
            new Field("name", Group::name),
            new Field("purpose", g -> g.purpose().token()),
            new Field("kind", g -> g.kind().token()),
            new Field("owner", Group::owner),
            new Field("admins", g -> String.join(", ", g.admins())),
            new Field("memberCount", Group::memberCount),
            new Field("capacity", Group::capacity),
            new Field("parentId", Group::parentId),
            new Field("tags", g -> String.join(", ", g.tags())),
            new Field("rules", Group::rules),
            new Field("announcement", Group::announcement),
            new Field("adPolicy", g -> describe(g.adPolicy())),
            new Field("status", g -> g.status().token()),
            new Field("createdAt", Group::createdAt),
            new Field("reformedAt", Group::reformedAt),
            new Field("dissolvedAt", Group::dissolvedAt),
            new Field("dissolutionReason", Group::dissolutionReason),
            new Field("notes", Group::notes));

    private GroupFields() {
    }

    record Change(String field, String oldValue, String newValue) {
    }

    static List<Change> diff(Group before, Group after) {
        List<Change> changes = new ArrayList<>();
        for (Field f : FIELDS) {
            String a = text(f.get.apply(before));
            String b = text(f.get.apply(after));
            if (!Objects.equals(a, b)) {
                changes.add(new Change(f.name, a, b));
            }
        }
        return changes;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    static String describe(AdPolicy ad) {
        return switch (ad.type()) {
            case NONE -> "none";
            case RED_ENVELOPE -> "red-envelope " + ad.feeYuan();
            case WEEKLY_WINDOW -> "weekly-window " + ad.weekday() + " " + ad.hourFrom() + "-" + ad.hourTo();
            case AD_THREAD -> "ad-thread " + ad.threadAdmin();
        };
    }
}
