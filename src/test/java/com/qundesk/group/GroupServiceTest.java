package com.qundesk.group;

import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BothDatabases
class GroupServiceTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    java.nio.file.Path dir;
    private TestWorkspace w;
    private GroupService groups;

    @BeforeEach
    void open() {
        w = TestWorkspace.on(dialect, dir);
        groups = w.ctx.groups();
    }

    private Group draft(String name) {
        return Group.draft(Platform.WECHAT, name, Purpose.FAN, GroupKind.LONG_TERM);
    }

    private static List<String> keys(ValidationException e) {
        return e.errors().stream().map(FieldError::messageKey).toList();
    }

    @Test
    void createStoresEveryFieldAndRecordsHistory() {
        Group g = groups.create(draft("读者群").toBuilder().externalId("123@chatroom").owner("林一")
                .admins(List.of("林一", "小王", "小王")).memberCount(120).tags(List.of("粉丝", " ", "IP"))
                .adPolicy(AdPolicy.redEnvelope(100)).rules("群规").build());
        Group back = groups.get(g.id());
        assertThat(back.name()).isEqualTo("读者群");
        assertThat(back.admins()).containsExactly("林一", "小王");
        assertThat(back.tags()).containsExactlyInAnyOrder("粉丝", "IP");
        assertThat(back.adPolicy()).isEqualTo(AdPolicy.redEnvelope(100));
        assertThat(back.createdAt()).isEqualTo(TestWorkspace.NOW);
        assertThat(groups.history(g.id())).extracting(HistoryEntry::action).containsExactly("created");
    }

    @Test
    void updateRecordsEachChangedFieldWithOldAndNewValues() {
        Group g = groups.create(draft("A").toBuilder().memberCount(10).build());
        w.clock.advance(Duration.ofMinutes(5));
        groups.update(g.toBuilder().memberCount(30).owner("老周").build());
        List<HistoryEntry> h = groups.history(g.id());
        assertThat(h).filteredOn(e -> "memberCount".equals(e.field())).singleElement()
                .satisfies(e -> {
                    assertThat(e.oldValue()).isEqualTo("10");
                    assertThat(e.newValue()).isEqualTo("30");
                });
        assertThat(h).filteredOn(e -> "owner".equals(e.field())).singleElement()
                .satisfies(e -> assertThat(e.newValue()).isEqualTo("老周"));
    }

    @Test
    void refusesMembersAboveCapacityAndStoresNothing() {
        assertThatThrownBy(() -> groups.create(draft("big").toBuilder().memberCount(501).build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keys(e)).contains("validation.members.aboveCapacity"));
        assertThat(groups.list()).isEmpty();
    }

    @Test
    void checksExternalIdShapePerPlatformAndUniqueness() {
        assertThatThrownBy(() -> groups.create(draft("x").toBuilder().externalId("12345").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keys(e)).containsExactly("validation.externalId.wechat"));
        Group wecom = Group.draft(Platform.WECOM, "企微群", Purpose.SERVICE, GroupKind.LONG_TERM);
        assertThatThrownBy(() -> groups.create(wecom.toBuilder().externalId("123@chatroom").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keys(e)).containsExactly("validation.externalId.wecom"));
        groups.create(wecom.toBuilder().externalId("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA").build());
        groups.create(draft("a").toBuilder().externalId("1@chatroom").build());
        assertThatThrownBy(() -> groups.create(draft("b").toBuilder().externalId("1@chatroom").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keys(e)).containsExactly("validation.externalId.duplicate"));
    }

    @Test
    void refusesAParentCycle() {
        Group a = groups.create(draft("A"));
        Group b = groups.create(draft("B").toBuilder().parentId(a.id()).build());
        assertThatThrownBy(() -> groups.update(groups.get(a.id()).toBuilder().parentId(b.id()).build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keys(e)).containsExactly("validation.parent.cycle"));
        assertThat(groups.get(a.id()).parentId()).isNull();
    }

    @Test
    void refusesDatesOutOfOrderAndDissolvedWithoutReason() {
        Group g = draft("x").toBuilder().createdAt(TestWorkspace.NOW)
                .reformedAt(TestWorkspace.NOW.minus(Duration.ofDays(1))).build();
        assertThatThrownBy(() -> groups.create(g)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(keys(e)).containsExactly("validation.dates.reformedBeforeCreated"));
        Group d = draft("y").toBuilder().status(GroupStatus.DISSOLVED).build();
        assertThatThrownBy(() -> groups.create(d)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(keys(e)).contains("validation.dissolution.reasonRequired"));
    }

    @Test
    void createAllIsAllOrNothing() {
        assertThatThrownBy(() -> groups.createAll(List.of(draft("ok"), draft("bad").toBuilder().memberCount(-1)
                .build()), "imported")).isInstanceOf(ValidationException.class);
        assertThat(groups.list()).isEmpty();
    }

    @Test
    void duplicateArchiveAndDissolve() {
        Group g = groups.create(draft("A").toBuilder().externalId("9@chatroom").build());
        Group copy = groups.duplicate(g.id(), "A (copy)");
        assertThat(copy.externalId()).isNull();
        assertThat(copy.name()).isEqualTo("A (copy)");
        assertThat(groups.archive(copy.id()).status()).isEqualTo(GroupStatus.ARCHIVED);
        assertThatThrownBy(() -> groups.markDissolved(g.id(), " ", null)).isInstanceOf(ValidationException.class);
        Group d = groups.markDissolved(g.id(), "活动结束", null);
        assertThat(d.status()).isEqualTo(GroupStatus.DISSOLVED);
        assertThat(d.dissolvedAt()).isEqualTo(TestWorkspace.NOW);
        assertThat(groups.history(g.id())).extracting(HistoryEntry::action).contains("dissolved");
    }

    @Test
    void splitDividesMembersAmongNamedChildrenLinkedToTheParent() {
        Group parent = groups.create(draft("读者群").toBuilder().memberCount(486).build());
        List<Group> children = groups.split(parent.id(), new SplitRequest(4, "{name}·{k}组"));
        assertThat(children).extracting(Group::name).containsExactly("读者群·1组", "读者群·2组", "读者群·3组", "读者群·4组");
        assertThat(children).extracting(Group::memberCount).containsExactly(122, 122, 121, 121);
        assertThat(children).allSatisfy(c -> assertThat(c.parentId()).isEqualTo(parent.id()));
        assertThat(groups.history(parent.id())).extracting(HistoryEntry::action).contains("split");
        assertThatThrownBy(() -> groups.split(parent.id(), new SplitRequest(1, null)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void deleteIsRefusedWhileSubGroupsReferToTheGroup() {
        Group parent = groups.create(draft("P"));
        Group child = groups.create(draft("C").toBuilder().parentId(parent.id()).build());
        assertThatThrownBy(() -> groups.delete(parent.id())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(keys(e)).containsExactly("validation.delete.hasChildren"));
        groups.delete(child.id());
        groups.delete(parent.id());
        assertThat(groups.list()).isEmpty();
    }

    @Test
    void theKeptRegistryFollowsEveryChangeWhoeverMakesIt() throws Exception {
        Group a = groups.create(draft("一群").toBuilder().tags(List.of("甲")).build());
        List<Group> first = groups.list();
        assertThat(groups.list()).as("no change: the same copy").isSameAs(first);

        groups.update(groups.get(a.id()).toBuilder().name("一群（新）").build());
        assertThat(groups.list()).extracting(Group::name).containsExactly("一群（新）");

        // a change made in plain SQL, outside the services (an import, another tool): seen too
        w.ctx.database().inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("INSERT INTO group_tag (group_id, tag) VALUES (" + a.id() + ", '乙')");
            }
            return null;
        });
        assertThat(groups.list().getFirst().tags()).containsExactlyInAnyOrder("甲", "乙");

        // a change rolled back leaves the registry as it was, and a later change is still seen
        List<Group> before = groups.list();
        assertThatThrownBy(() -> w.ctx.database().inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE chat_group SET member_count = 99 WHERE id = " + a.id());
            }
            assertThat(groups.listIn(c).getFirst().memberCount()).isEqualTo(99);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(groups.list().getFirst().memberCount()).isEqualTo(before.getFirst().memberCount());
        groups.create(draft("二群"));
        assertThat(groups.list()).extracting(Group::name).containsExactly("一群（新）", "二群");
        assertThat(groups.list().getFirst().memberCount()).isEqualTo(before.getFirst().memberCount());
    }
}
