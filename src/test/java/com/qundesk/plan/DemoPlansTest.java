package com.qundesk.plan;

import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo workspace has plans with a history: mostly delivered, some skipped, a few open, and signs to show. */
@BothDatabases
class DemoPlansTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    @Test
    void theDemoHasPlansWithARealisticHistory() {
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        var now = w.clock.instant();
        List<PlannedDelivery> past = w.ctx.plans().occurrences(now.minus(Duration.ofDays(60)), now, now);
        long delivered = past.stream().filter(d -> d.state() == PlannedDelivery.State.DELIVERED).count();
        long skipped = past.stream().filter(d -> d.state() == PlannedDelivery.State.SKIPPED).count();
        assertThat(delivered).isGreaterThan(40);
        assertThat(skipped).isBetween(3L, delivered / 3);
        assertThat(past).filteredOn(d -> d.state() == PlannedDelivery.State.SKIPPED)
                .allSatisfy(d -> assertThat(d.delivery().reason()).isNotBlank());
        assertThat(w.ctx.plans().due(now, Duration.ofHours(24))).extracting(PlannedDelivery::state)
                .contains(PlannedDelivery.State.OVERDUE, PlannedDelivery.State.UPCOMING)
                .filteredOn(s -> s == PlannedDelivery.State.OVERDUE).hasSizeLessThan(12);
        // each delivered occurrence wrote its value event
        assertThat(past).filteredOn(d -> d.state() == PlannedDelivery.State.DELIVERED)
                .allSatisfy(d -> assertThat(d.delivery().valueEventId()).isNotNull());
        Collection<PlanJudgement> judged = w.ctx.plans().judge(w.ctx.health().today(), 30).values();
        assertThat(judged.stream().flatMap(j -> j.pushingSigns().stream()).map(PushingSign::kind).distinct())
                .containsExactlyInAnyOrder(PushingSign.Kind.SAME_TEXT_MANY_GROUPS,
                        PushingSign.Kind.MORE_THAN_THREE_A_DAY, PushingSign.Kind.ONE_DIMENSION);
    }

    /** The demo has a plan template applied to its store groups, so a newcomer sees one plan given to many. */
    @Test
    void theDemoHasAPlanTemplateAppliedToTheStoreGroups() {
        TestWorkspace w = TestWorkspace.demo(dir);
        List<PlanTemplate> templates = w.ctx.planTemplates().list();
        assertThat(templates).singleElement().satisfies(t -> {
            assertThat(t.purpose()).isEqualTo(com.qundesk.group.Purpose.SHOPPING);
            assertThat(t.tag()).isEqualTo("门店");
            assertThat(t.items()).hasSize(2);
        });
        TemplateApplication again = w.ctx.planTemplates().apply(templates.getFirst().id(), true);
        assertThat(again.added()).as("already applied").isEmpty();
        assertThat(again.alreadyHad()).extracting(TemplateApplication.GroupRef::name)
                .containsExactlyInAnyOrder("瑞幸咖啡门店福利群·静安", "瑞幸咖啡门店福利群·徐汇");
        assertThat(w.ctx.plans().list(null)).filteredOn(i -> i.source() == PlanItem.Source.TEMPLATE).hasSize(4);
    }

    /**
     * The demo is a Chinese community's workspace: its flash groups' preset plans are Chinese too, also when the
     * demo is made from an English command line (they came out in English inside the Chinese window).
     */
    @Test
    void theDemosPresetPlansAreChineseWhateverLanguageMadeIt() {
        TestWorkspace w = TestWorkspace.demo(dialect, dir); // the test workspace's language is English
        assertThat(w.ctx.plans().list(null)).isNotEmpty().allSatisfy(i -> assertThat(i.title())
                .as("plan item title").matches(t -> t.codePoints().anyMatch(c ->
                        Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "has Chinese characters"));
    }
}
