package com.qundesk.group;

import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** No lost update: versions, the refusal of a stale save with who changed what, the merge, the history's actor. */
@BothDatabases
class GroupVersionTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private TestWorkspace w;
    private GroupService groups;

    @BeforeEach
    void open() {
        w = TestWorkspace.on(dialect, dir);
        groups = w.ctx.groups();
    }

    private Group create(String name) {
        return groups.create(Group.draft(Platform.WECHAT, name, Purpose.FAN, GroupKind.LONG_TERM).toBuilder()
                .memberCount(10).owner("林一").build());
    }

    @Test
    void aNewGroupIsAtVersionOneAndEverySavedChangeRaisesIt() {
        Group g = create("读者群");
        assertThat(g.version()).isEqualTo(1);
        Group v2 = groups.update(g.toBuilder().memberCount(20).build());
        assertThat(v2.version()).isEqualTo(2);
        Group same = groups.update(v2.toBuilder().build());
        assertThat(same.version()).as("a save that changes nothing is no new version").isEqualTo(2);
        assertThat(groups.update(v2.toBuilder().assignee("ann").build()).version()).isEqualTo(3);
        assertThat(groups.get(g.id()).assignee()).isEqualTo("ann");
    }

    @Test
    void everyHistoryRowSaysWhoMadeItAndWhichVersion() {
        w.ctx.actAs("ann");
        Group g = create("读者群");
        w.ctx.actAs("bob");
        groups.update(g.toBuilder().memberCount(20).build());
        List<HistoryEntry> h = groups.history(g.id());
        assertThat(h).filteredOn(e -> "created".equals(e.action())).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("ann"))
                .satisfies(e -> assertThat(e.version()).isEqualTo(1L));
        assertThat(h).filteredOn(e -> "memberCount".equals(e.field())).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("bob"))
                .satisfies(e -> assertThat(e.version()).isEqualTo(2L));
    }

    @Test
    void aSaveFromAnOlderVersionIsRefusedWithWhoChangedWhatAndNothingIsWritten() {
        Group opened = create("读者群");
        w.ctx.operators().setDisplayName("bob", "Bob Li");
        w.ctx.actAs("bob");
        w.clock.advance(Duration.ofMinutes(3));
        groups.update(opened.toBuilder().memberCount(40).tags(List.of("VIP")).build());
        w.ctx.actAs("ann");
        Group mine = opened.toBuilder().owner("老周").memberCount(15).build();

        ConflictException e = catchThrowableOfType(ConflictException.class, () -> groups.update(mine));

        assertThat(e.messageKey()).isEqualTo("group.conflict");
        assertThat(e.actors()).containsExactly("Bob Li");
        assertThat(e.sinceVersion()).isEqualTo(1);
        assertThat(e.theirs().version()).isEqualTo(2);
        assertThat(e.changedAt()).isEqualTo(TestWorkspace.NOW.plus(Duration.ofMinutes(3)));
        assertThat(e.fields()).extracting(ConflictException.Field::field)
                .containsExactly("owner", "memberCount", "tags");
        assertThat(e.fields()).filteredOn(f -> f.field().equals("memberCount")).singleElement()
                .isEqualTo(new ConflictException.Field("memberCount", "40", "15", true));
        assertThat(e.fields()).filteredOn(f -> f.field().equals("owner")).singleElement()
                .isEqualTo(new ConflictException.Field("owner", "林一", "老周", false));
        assertThat(e.mineByDefault()).containsExactly("owner");
        Group stored = groups.get(opened.id());
        assertThat(stored.owner()).isEqualTo("林一");
        assertThat(stored.memberCount()).isEqualTo(40);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void theMergeSavesAgainstTheNewVersionWithTheFieldsChosen() {
        Group opened = create("读者群");
        w.ctx.actAs("bob");
        groups.update(opened.toBuilder().memberCount(40).tags(List.of("VIP")).build());
        w.ctx.actAs("ann");
        Group mine = opened.toBuilder().owner("老周").memberCount(15).build();
        ConflictException e = catchThrowableOfType(ConflictException.class, () -> groups.update(mine));

        Group merged = GroupFields.merge(e.theirs(), e.mine(), Set.of("owner", "memberCount"));
        Group saved = groups.update(merged);

        assertThat(saved.version()).isEqualTo(3);
        assertThat(saved.owner()).isEqualTo("老周");
        assertThat(saved.memberCount()).isEqualTo(15);
        assertThat(saved.tags()).as("theirs kept").containsExactly("VIP");
        assertThatThrownBy(() -> groups.update(merged)).as("the merge itself is now stale")
                .isInstanceOf(ConflictException.class);
    }

    /**
     * Many writers at once, on both databases: on a workspace file, a transaction that read before another writer
     * committed cannot write (SQLite's WAL rule) and is run again by Database, reaching the version check then.
     */
    @Test
    void ofEightOperatorsSavingTheSameVersionAtOnceExactlyOneSucceeds() throws Exception {
        Group opened = create("读者群");
        int n = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            int members = 100 + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    groups.update(opened.toBuilder().memberCount(members).build());
                    return "saved " + members;
                } catch (ConflictException e) {
                    return "refused";
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new java.util.ArrayList<>();
        for (var f : results) {
            outcomes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o.startsWith("saved")).hasSize(1);
        assertThat(outcomes).filteredOn("refused"::equals).hasSize(n - 1);
        Group stored = groups.get(opened.id());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(outcomes).contains("saved " + stored.memberCount());
        assertThat(groups.history(opened.id())).filteredOn(e -> "memberCount".equals(e.field())).hasSize(1);
    }

    @Test
    void lifecycleChangesMadeFromTheStoredGroupRaiseTheVersionToo() {
        Group g = create("读者群");
        Group archived = groups.archive(g.id());
        assertThat(archived.version()).isEqualTo(2);
        assertThatThrownBy(() -> groups.update(g.toBuilder().name("新名").build()))
                .isInstanceOf(ConflictException.class);
    }
}
