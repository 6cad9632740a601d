package com.qundesk.group;

import java.time.Instant;
import java.util.List;

/**
 * A WeChat or WeCom group as the registry keeps it. Immutable; {@code id} is null until stored.
 * Tags and admins are kept in order, without duplicates. {@code version} is the stored row's version (raised by every
 * update; 0 for an unsaved draft): an update names the version it was made from and is refused if the row moved on
 * ({@link ConflictException}). {@code assignee} is the operator the group is assigned to (null: nobody).
 */
public record Group(
        Long id,
        Platform platform,
        String externalId,
        String name,
        Purpose purpose,
        GroupKind kind,
        String owner,
        List<String> admins,
        int memberCount,
        int capacity,
        Long parentId,
        List<String> tags,
        String rules,
        String announcement,
        AdPolicy adPolicy,
        GroupStatus status,
        Instant createdAt,
        Instant reformedAt,
        Instant dissolvedAt,
        String dissolutionReason,
        String notes,
        Instant updatedAt,
        String assignee,
        long version) {

    public Group {
        admins = admins == null ? List.of() : List.copyOf(admins);
        tags = tags == null ? List.of() : List.copyOf(tags);
        adPolicy = adPolicy == null ? AdPolicy.NONE : adPolicy;
        status = status == null ? GroupStatus.ACTIVE : status;
    }

    /** A new, unsaved active group with the platform's default capacity. */
    public static Group draft(Platform platform, String name, Purpose purpose, GroupKind kind) {
        return new Group(null, platform, null, name, purpose, kind, null, List.of(), 0,
                platform.defaultCapacity(), null, List.of(), null, null, AdPolicy.NONE, GroupStatus.ACTIVE,
                null, null, null, null, null, null, null, 0);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public double fill() {
        return capacity <= 0 ? 0 : (double) memberCount / capacity;
    }

    /** Mutable companion for edits; {@link #build()} gives a new record. */
    public static final class Builder {
        public Long id;
        public Platform platform;
        public String externalId;
        public String name;
        public Purpose purpose;
        public GroupKind kind;
        public String owner;
        public List<String> admins;
        public int memberCount;
        public int capacity;
        public Long parentId;
        public List<String> tags;
        public String rules;
        public String announcement;
        public AdPolicy adPolicy;
        public GroupStatus status;
        public Instant createdAt;
        public Instant reformedAt;
        public Instant dissolvedAt;
        public String dissolutionReason;
        public String notes;
        public Instant updatedAt;
        public String assignee;
        public long version;

        Builder(Group g) {
            id = g.id; platform = g.platform; externalId = g.externalId; name = g.name; purpose = g.purpose;
            kind = g.kind; owner = g.owner; admins = g.admins; memberCount = g.memberCount; capacity = g.capacity;
            parentId = g.parentId; tags = g.tags; rules = g.rules; announcement = g.announcement;
            adPolicy = g.adPolicy; status = g.status; createdAt = g.createdAt; reformedAt = g.reformedAt;
            dissolvedAt = g.dissolvedAt; dissolutionReason = g.dissolutionReason; notes = g.notes;
            updatedAt = g.updatedAt; assignee = g.assignee; version = g.version;
        }

        public Builder id(Long v) { id = v; return this; }
        public Builder platform(Platform v) { platform = v; return this; }
        public Builder externalId(String v) { externalId = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder purpose(Purpose v) { purpose = v; return this; }
        public Builder kind(GroupKind v) { kind = v; return this; }
        public Builder owner(String v) { owner = v; return this; }
        public Builder admins(List<String> v) { admins = v; return this; }
        public Builder memberCount(int v) { memberCount = v; return this; }
        public Builder capacity(int v) { capacity = v; return this; }
        public Builder parentId(Long v) { parentId = v; return this; }
        public Builder tags(List<String> v) { tags = v; return this; }
        public Builder rules(String v) { rules = v; return this; }
        public Builder announcement(String v) { announcement = v; return this; }
        public Builder adPolicy(AdPolicy v) { adPolicy = v; return this; }
        public Builder status(GroupStatus v) { status = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder reformedAt(Instant v) { reformedAt = v; return this; }
        public Builder dissolvedAt(Instant v) { dissolvedAt = v; return this; }
        public Builder dissolutionReason(String v) { dissolutionReason = v; return this; }
        public Builder notes(String v) { notes = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder assignee(String v) { assignee = v; return this; }
        public Builder version(long v) { version = v; return this; }

        public Group build() {
            return new Group(id, platform, externalId, name, purpose, kind, owner, admins, memberCount, capacity,
                    parentId, tags, rules, announcement, adPolicy, status, createdAt, reformedAt, dissolvedAt,
                    dissolutionReason, notes, updatedAt, assignee, version);
        }
    }
}
