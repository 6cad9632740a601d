package com.qundesk.group;

import com.qundesk.core.FieldChange;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The recorded fields of a group, each as text, so that edits can be written into the history. */
public final class GroupFields {

    /** A field: its name in the history, its value, and how to take it from one group into another's builder. */
    private record Field(String name, Function<Group, Object> get, BiConsumer<Group.Builder, Group> copy)
            implements FieldChange.Of<Group> {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("platform", g -> g.platform().token(), (b, g) -> b.platform(g.platform())),
            new Field("externalId", Group::externalId, (b, g) -> b.externalId(g.externalId())),
            new Field("name", Group::name, (b, g) -> b.name(g.name())),
            new Field("purpose", g -> g.purpose().token(), (b, g) -> b.purpose(g.purpose())),
            new Field("kind", g -> g.kind().token(), (b, g) -> b.kind(g.kind())),
            new Field("owner", Group::owner, (b, g) -> b.owner(g.owner())),
            new Field("assignee", Group::assignee, (b, g) -> b.assignee(g.assignee())),
            new Field("admins", g -> String.join(", ", g.admins()), (b, g) -> b.admins(g.admins())),
            new Field("memberCount", Group::memberCount, (b, g) -> b.memberCount(g.memberCount())),
            new Field("capacity", Group::capacity, (b, g) -> b.capacity(g.capacity())),
            new Field("parentId", Group::parentId, (b, g) -> b.parentId(g.parentId())),
            new Field("tags", g -> String.join(", ", g.tags()), (b, g) -> b.tags(g.tags())),
            new Field("rules", Group::rules, (b, g) -> b.rules(g.rules())),
            new Field("announcement", Group::announcement, (b, g) -> b.announcement(g.announcement())),
            new Field("adPolicy", g -> describe(g.adPolicy()), (b, g) -> b.adPolicy(g.adPolicy())),
            new Field("status", g -> g.status().token(), (b, g) -> b.status(g.status())),
            new Field("createdAt", Group::createdAt, (b, g) -> b.createdAt(g.createdAt())),
            new Field("reformedAt", Group::reformedAt, (b, g) -> b.reformedAt(g.reformedAt())),
            new Field("dissolvedAt", Group::dissolvedAt, (b, g) -> b.dissolvedAt(g.dissolvedAt())),
            new Field("dissolutionReason", Group::dissolutionReason,
                    (b, g) -> b.dissolutionReason(g.dissolutionReason())),
            new Field("notes", Group::notes, (b, g) -> b.notes(g.notes())));

    private GroupFields() {
    }

    /** The fields in which {@code after} differs from {@code before}, in the form's order. */
    public static List<FieldChange> diff(Group before, Group after) {
        return FieldChange.between(before, after, FIELDS);
    }

    /**
     * {@code theirs} with {@code mine}'s value in each field named in {@code useMine}: the merge of a refused save
     * ({@link ConflictException}), to be saved against {@code theirs}' version.
     */
    public static Group merge(Group theirs, Group mine, Set<String> useMine) {
        Group.Builder b = theirs.toBuilder();
        for (Field f : FIELDS) {
            if (useMine.contains(f.name)) {
                f.copy.accept(b, mine);
            }
        }
        return b.build();
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
