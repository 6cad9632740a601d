package com.qundesk.value;

import com.qundesk.flash.FlashLifecycle;
import com.qundesk.flash.FlashState;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule fires at its threshold and not just below it (docs/value-model.md states each comparison). */
class HealthRulesTest {

    private static final ZoneId Z = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-11-24T04:00:00Z");
    private static final LocalDate TODAY = NOW.atZone(Z).toLocalDate();
    private static final HealthThresholds T = HealthThresholds.DEFAULTS;

    private static Group group(Purpose p, int members) {
        return Group.draft(Platform.WECHAT, "g", p, GroupKind.LONG_TERM).toBuilder().id(1L).memberCount(members)
                .createdAt(NOW.minus(Duration.ofDays(400))).build();
    }

    /** Metrics of a group that delivered something yesterday, so only the rule under test can fire. */
    private static GroupMetrics fresh() {
        GroupMetrics m = new GroupMetrics(1, TODAY.minusDays(29), TODAY);
        m.eventsByDimension.put(ValueDimension.INFORMATION, 10);
        m.lastValueAt = NOW.minus(Duration.ofDays(1));
        return m;
    }

    private static Set<HealthRule> fired(Group g, GroupMetrics m, FlashLifecycle f) {
        return Set.copyOf(HealthRules.evaluate(g, m, f, false, T, NOW, Z).stream().map(RuleFinding::rule).toList());
    }

    @Test
    void oversizedAbove150ButNotForShoppingShelvesOrBroadcastGroups() {
        assertThat(fired(group(Purpose.FAN, 151), fresh(), null)).contains(HealthRule.OVERSIZED);
        assertThat(fired(group(Purpose.FAN, 150), fresh(), null)).doesNotContain(HealthRule.OVERSIZED);
        assertThat(fired(group(Purpose.SHOPPING, 400), fresh(), null)).doesNotContain(HealthRule.OVERSIZED);
        assertThat(HealthRules.evaluate(group(Purpose.FAN, 400), fresh(), null, true, T, NOW, Z))
                .extracting(RuleFinding::rule).doesNotContain(HealthRule.OVERSIZED);
    }

    @Test
    void silentAfter30DaysWithoutValueOrOutcome() {
        GroupMetrics m = fresh();
        m.lastValueAt = TODAY.minusDays(30).atTime(12, 0).atZone(Z).toInstant();
        assertThat(fired(group(Purpose.FAN, 50), m, null)).contains(HealthRule.SILENT);
        m.lastValueAt = TODAY.minusDays(29).atTime(12, 0).atZone(Z).toInstant();
        assertThat(fired(group(Purpose.FAN, 50), m, null)).doesNotContain(HealthRule.SILENT);
        m.lastValueAt = null;
        m.lastOutcomeDay = TODAY.minusDays(3);
        assertThat(fired(group(Purpose.FAN, 50), m, null)).doesNotContain(HealthRule.SILENT);
    }

    @Test
    void noisyAbove100MessagesADayOnVolumeAloneEvenWhenTheGroupDeliversValue() {
        GroupMetrics m = fresh();
        m.eventsByDimension.clear();
        m.statDays = 30;
        m.messages = 3001;
        assertThat(fired(group(Purpose.FAN, 50), m, null)).contains(HealthRule.NOISY);
        m.messages = 3000;
        assertThat(fired(group(Purpose.FAN, 50), m, null)).doesNotContain(HealthRule.NOISY);
        // 9,000 messages a day drive the quiet members out whatever the group delivers: improve, not dissolve
        m.messages = 9000;
        m.eventsByDimension.put(ValueDimension.CASES, 50);
        List<RuleFinding> findings = HealthRules.evaluate(group(Purpose.FAN, 50), m, null, false, T, NOW, Z);
        assertThat(findings).extracting(RuleFinding::rule).containsExactly(HealthRule.NOISY);
        assertThat(Recommender.recommend(findings, ValueModel.index(m, 50), true).recommendation())
                .isEqualTo(Recommendation.IMPROVE);
    }

    @Test
    void anUnknownPurposeIsNoExemptionFromTheSizeRules() {
        Group unknown = group(Purpose.FAN, 151).toBuilder().purpose(null).build();
        assertThat(fired(unknown, fresh(), null)).contains(HealthRule.OVERSIZED);
        assertThat(fired(unknown.toBuilder().memberCount(150).build(), fresh(), null))
                .doesNotContain(HealthRule.OVERSIZED);
    }

    @Test
    void concentratedAboveSixtyPercentForTheTopThree() {
        GroupMetrics m = fresh();
        m.messages = 1000;
        m.top3Weighted = 601;
        assertThat(fired(group(Purpose.FAN, 50), m, null)).contains(HealthRule.CONCENTRATED);
        m.top3Weighted = 600;
        assertThat(fired(group(Purpose.FAN, 50), m, null)).doesNotContain(HealthRule.CONCENTRATED);
    }

    @Test
    void adHeavyAboveFivePercentFlagged() {
        GroupMetrics m = fresh();
        m.messages = 1000;
        m.flaggedAds = 51;
        assertThat(fired(group(Purpose.FAN, 50), m, null)).contains(HealthRule.AD_HEAVY);
        m.flaggedAds = 50;
        assertThat(fired(group(Purpose.FAN, 50), m, null)).doesNotContain(HealthRule.AD_HEAVY);
    }

    @Test
    void staleCoreAfter365DaysSinceTheLastFormation() {
        Group vip = group(Purpose.VIP, 30).toBuilder().createdAt(NOW.minus(Duration.ofDays(800)))
                .reformedAt(NOW.minus(Duration.ofDays(365))).build();
        assertThat(fired(vip, fresh(), null)).contains(HealthRule.STALE_CORE);
        Group recent = vip.toBuilder().reformedAt(NOW.minus(Duration.ofDays(364))).build();
        assertThat(fired(recent, fresh(), null)).doesNotContain(HealthRule.STALE_CORE);
    }

    @Test
    void overdueFlashFromItsDueTime() {
        Group g = group(Purpose.EVENT, 30).toBuilder().kind(GroupKind.FLASH).build();
        FlashLifecycle due = new FlashLifecycle(1, LifetimePreset.CUSTOM, FlashState.OPEN,
                NOW.minus(Duration.ofDays(2)), NOW, null, null, Set.of(), Set.of());
        assertThat(fired(g, fresh(), due)).contains(HealthRule.OVERDUE_FLASH);
        FlashLifecycle ahead = new FlashLifecycle(1, LifetimePreset.CUSTOM, FlashState.OPEN,
                NOW.minus(Duration.ofDays(2)), NOW.plusSeconds(1), null, null, Set.of(), Set.of());
        assertThat(fired(g, fresh(), ahead)).doesNotContain(HealthRule.OVERDUE_FLASH);
    }

    @Test
    void lowFrequencyForLongTermGroupsTaggedSo() {
        Group g = group(Purpose.SERVICE, 30).toBuilder().tags(List.of("低频")).build();
        assertThat(fired(g, fresh(), null)).contains(HealthRule.LOW_FREQUENCY);
        assertThat(fired(g.toBuilder().tags(List.of("售后")).build(), fresh(), null))
                .doesNotContain(HealthRule.LOW_FREQUENCY);
    }

    @Test
    void churnSpikeWhenADayLosesMoreThanFivePercent() {
        GroupMetrics m = fresh();
        m.maxLeaveShare = 0.051;
        m.maxLeaveShareDay = TODAY.minusDays(3);
        assertThat(fired(group(Purpose.FAN, 100), m, null)).contains(HealthRule.CHURN_SPIKE);
        m.maxLeaveShare = 0.05;
        assertThat(fired(group(Purpose.FAN, 100), m, null)).doesNotContain(HealthRule.CHURN_SPIKE);
    }

    @Test
    void nearCapacityWithinFivePercentOfTheCap() {
        assertThat(fired(group(Purpose.SHOPPING, 475), fresh(), null)).contains(HealthRule.NEAR_CAPACITY);
        assertThat(fired(group(Purpose.SHOPPING, 474), fresh(), null)).doesNotContain(HealthRule.NEAR_CAPACITY);
    }

    @Test
    void everyFindingCarriesEvidence() {
        GroupMetrics m = fresh();
        m.messages = 1000;
        m.top3Weighted = 900;
        RuleFinding f = HealthRules.evaluate(group(Purpose.FAN, 50), m, null, false, T, NOW, Z).getFirst();
        assertThat(f.evidence()).containsEntry("messages", 1000L).containsKey("top3Share");
    }
}
