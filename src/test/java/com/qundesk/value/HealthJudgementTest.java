package com.qundesk.value;

import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.StoredGroups;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;

import static com.qundesk.testsupport.StoredGroups.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a judgement rests on, from stored data: a group's real age where the registry says it was born today, the
 * member count behind every per-member figure, noise judged on volume alone, and the day a judgement is made for
 * (docs/value-model.md, "Age", "Members" and "The day judged").
 */
@BothDatabases
class HealthJudgementTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    TestWorkspace w;
    StoredGroups s;

    @BeforeEach
    void open() {
        w = TestWorkspace.on(dialect, dir);
        s = new StoredGroups(w);
    }

    @Test
    void aGroupImportedTodayIsAsOldAsItsEarliestEvidence() {
        // a registry imported today: every group's creation date is today
        Group stats = s.group("stats since 60 days", Purpose.FAN, 80, null);
        Group event = s.group("one event 45 days ago", Purpose.FAN, 80, null);
        Group outcome = s.group("one outcome 31 days ago", Purpose.FAN, 80, null);
        Group fresh = s.group("stats since 29 days", Purpose.FAN, 80, null);
        Group core = s.group("core group, stats since 400 days", Purpose.VIP, 30, null);
        s.messages(stats, TODAY.minusDays(60), 12);
        s.event(event, TODAY.minusDays(45).atTime(20, 0), ValueDimension.CASES, 30);
        s.outcome(outcome, TODAY.minusDays(31), OutcomeType.ORDERS, 2);
        s.messages(fresh, TODAY.minusDays(29), 12);
        s.messages(core, TODAY.minusDays(400), 3);
        s.event(core, TODAY.minusDays(2).atTime(20, 0), ValueDimension.CASES, 30);

        assertThat(s.health(stats).metrics().firstEvidenceAt)
                .isEqualTo(StoredGroups.at(TODAY.minusDays(60).atStartOfDay()));
        assertThat(s.fired(stats)).contains(HealthRule.SILENT);
        assertThat(s.health(stats).recommendation()).isEqualTo(Recommendation.DISSOLVE);
        assertThat(s.fired(event)).contains(HealthRule.SILENT);
        assertThat(s.fired(outcome)).contains(HealthRule.SILENT);
        assertThat(s.fired(fresh)).doesNotContain(HealthRule.SILENT);
        RuleFinding stale = s.health(core).findings().stream().filter(f -> f.rule() == HealthRule.STALE_CORE)
                .findFirst().orElseThrow();
        assertThat(stale.evidence()).containsEntry("lastFormed", TODAY.minusDays(400).toString())
                .containsEntry("days", 400L);
    }

    @Test
    void theRegistryDateStandsWhenItIsEarlierThanTheEvidence() {
        Group g = s.group("registered 40 days ago, stats since 10", Purpose.FAN, 80, 40);
        s.messages(g, TODAY.minusDays(10), 12);
        assertThat(s.health(g).findings()).filteredOn(f -> f.rule() == HealthRule.SILENT).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("daysWithoutValue", 40L));
    }

    @Test
    void aNoisyGroupThatDeliversValueIsToldToImproveNotToDissolve() {
        Group g = s.group("noisy but useful", Purpose.FAN, 120, 400);
        for (int d = 0; d < 30; d++) {
            s.messages(g, TODAY.minusDays(d), 150);
            if (d % 3 == 0) {
                s.event(g, TODAY.minusDays(d).atTime(9, 0), ValueDimension.INFORMATION, 100);
            }
        }
        GroupHealth h = s.health(g);
        assertThat(h.metrics().valueEvents()).isEqualTo(10); // 2.3 a week
        assertThat(h.findings()).extracting(RuleFinding::rule).containsExactly(HealthRule.NOISY);
        assertThat(h.recommendation()).isEqualTo(Recommendation.IMPROVE);
        assertThat(new com.qundesk.i18n.Messages(java.util.Locale.ENGLISH).describe(h.reasons().getFirst()))
                .contains("150 messages a day").contains("quiet hours").contains("sub-group");
    }

    @Test
    void reachIsCappedAtTheMembersAndAGroupWithoutMembersGetsNoPerMemberFigures() {
        Group small = s.group("10 members", Purpose.FAN, 10, 400);
        Group unknown = s.group("members unknown", Purpose.FAN, 0, 400);
        for (Group g : new Group[] {small, unknown}) {
            s.event(g, TODAY.atTime(9, 0), ValueDimension.BENEFITS, 50);
            s.event(g, TODAY.atTime(9, 30), ValueDimension.CASES, 3);
        }
        // 10 members: reach min(50, 10) + 3 = 13, weighted 2^(−15 h / 15 d) and 2^(−14.5 h / 15 d)
        double w1 = Math.pow(0.5, 15.0 / 360);
        double w2 = Math.pow(0.5, 14.5 / 360);
        assertThat(s.health(small).metrics().weightedReach).isCloseTo(10 * w1 + 3 * w2,
                org.assertj.core.data.Offset.offset(1e-9));
        // V = 12.54 / 10 / (30 / 7) = 0.2927 → 26.6 value points, not the 60 an uncapped 53 would give
        assertThat(s.health(small).index().terms().get("valuePerMemberPerWeek"))
                .isEqualTo(ValueModel.round((10 * w1 + 3 * w2) / 10 / (30 / 7.0), 4));
        GroupHealth h = s.health(unknown);
        // breadth only: 10 · 2 / 6 = 3.3 (it was 44 when an unknown count counted as one member)
        assertThat(h.index().value()).isEqualTo(3.3);
        assertThat(h.index().perMember()).isFalse();
        assertThat(h.index().terms()).doesNotContainKey("valuePerMemberPerWeek");
        assertThat(h.recommendation()).isEqualTo(Recommendation.KEEP);
        assertThat(h.reasons().getFirst().messageKey()).isEqualTo("recommendation.keep.noMembers");
        var p = w.ctx.dashboard().portfolio(TODAY, 30);
        assertThat(p.top()).extracting(x -> x.group().id()).doesNotContain(unknown.id());
        assertThat(p.bottom()).extracting(x -> x.group().id()).doesNotContain(unknown.id());
    }

    @Test
    void aFutureDayIsJudgedAsItWillEnd() {
        Group g = s.group("28 days old today", Purpose.FAN, 50, 28);
        assertThat(s.fired(g)).doesNotContain(HealthRule.SILENT);
        // by the end of the day after tomorrow it is 30 days old and has delivered nothing
        GroupHealth later = s.health(g, TODAY.plusDays(2), 30);
        assertThat(later.findings()).extracting(RuleFinding::rule).contains(HealthRule.SILENT);
        assertThat(later.recommendation()).isEqualTo(Recommendation.DISSOLVE);
        assertThat(w.ctx.health().evaluateGroup(g.id(), TODAY.plusDays(2), 30).findings())
                .isEqualTo(later.findings());
        // a past day is judged as it ended: 18 days old then
        assertThat(s.health(g, TODAY.minusDays(10), 30).findings()).isEmpty();
    }
}
