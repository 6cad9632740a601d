package com.qundesk.testsupport;

import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.stats.DailyStat;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.HealthRule;
import com.qundesk.value.Outcome;
import com.qundesk.value.OutcomeType;
import com.qundesk.value.RuleFinding;
import com.qundesk.value.ValueDimension;
import com.qundesk.value.ValueEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes groups, daily stats, value events and outcomes through the real services into a test workspace, so the
 * value tests judge what {@code MetricsRepository} reads back from SQLite rather than numbers set by hand. Days and
 * times are local to {@link TestWorkspace#ZONE}; today is {@link #TODAY}.
 */
public final class StoredGroups {

    public static final LocalDate TODAY = TestWorkspace.NOW.atZone(TestWorkspace.ZONE).toLocalDate();

    private final TestWorkspace w;

    public StoredGroups(TestWorkspace w) {
        this.w = w;
    }

    /** A long-term group of {@code members}, created {@code ageDays} days before now (null: born today). */
    public Group group(String name, Purpose purpose, int members, Integer ageDays) {
        Instant created = ageDays == null ? TestWorkspace.NOW : TestWorkspace.NOW.minus(java.time.Duration.ofDays(ageDays));
        return w.ctx.groups().create(Group.draft(Platform.WECHAT, name, purpose, GroupKind.LONG_TERM).toBuilder()
                .memberCount(members).createdAt(created).build());
    }

    /** A day's stats: members (null unknown), leaves (null unknown), messages, top-3 share, flagged ads. */
    public void stat(Group g, LocalDate day, Integer members, Integer leaves, int messages, double top3, int ads) {
        w.ctx.ledger().setStats(List.of(new DailyStat(g.id(), day, members, 0, leaves, 0, messages,
                messages == 0 ? 0 : 5, top3, 0, ads, "manual")));
    }

    /** A day's stats with only messages. */
    public void messages(Group g, LocalDate day, int messages) {
        stat(g, day, null, null, messages, 0, 0);
    }

    public void event(Group g, LocalDateTime localAt, ValueDimension d, int reach) {
        w.ctx.ledger().addEvent(new ValueEvent(null, g.id(), null, at(localAt), d, d.name() + " " + localAt, reach,
                null));
    }

    public void outcome(Group g, LocalDate day, OutcomeType type, double value) {
        w.ctx.ledger().setOutcomes(List.of(new Outcome(g.id(), null, day, type, value)));
    }

    public static Instant at(LocalDateTime local) {
        return local.atZone(TestWorkspace.ZONE).toInstant();
    }

    public GroupHealth health(Group g) {
        return health(g, TODAY, 30);
    }

    /** The group's verdict from the portfolio's evaluation (every live group at once), as the dashboard reads it. */
    public GroupHealth health(Group g, LocalDate day, int window) {
        return w.ctx.health().evaluate(day, window).stream().filter(h -> h.group().id().equals(g.id())).findFirst()
                .orElseThrow();
    }

    public java.util.Set<HealthRule> fired(Group g) {
        return java.util.Set.copyOf(health(g).findings().stream().map(RuleFinding::rule).toList());
    }
}
