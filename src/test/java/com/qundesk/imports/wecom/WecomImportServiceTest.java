package com.qundesk.imports.wecom;

import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.stats.DailyStatRepository.DayRow;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.stats.DailyStat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saved WeCom responses into the workspace: members, joins, leaves, the registry, statistics kept locally. */
@BothDatabases
class WecomImportServiceTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    TestWorkspace w;
    WecomImportService wecom;
    WecomImportService.Options options;

    @BeforeEach
    void setUp() {
        w = TestWorkspace.on(dialect, dir.resolve("ws"));
        wecom = w.ctx.wecomImports();
        options = new WecomImportService.Options(TestWorkspace.ZONE, null, LocalDate.of(2026, 11, 23), false);
    }

    private Path fixture(String name) throws Exception {
        Path target = dir.resolve(name);
        try (var in = getClass().getResourceAsStream("/imports/wecom/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    private Group wecomGroup(String chatId, String name) {
        return w.ctx.groups().create(Group.draft(Platform.WECOM, name, Purpose.SERVICE, GroupKind.LONG_TERM)
                .toBuilder().externalId(chatId).build());
    }

    @Test
    void groupchatGetUpdatesTheRegistryAndGivesMembersAndJoinsPerDay() throws Exception {
        Group g = wecomGroup("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", "销售客服群");

        WecomImportService.Result r = wecom.importFile(fixture("groupchat_get.response.json"), options);

        assertThat(r.groupsUpdated()).isEqualTo(1);
        assertThat(r.membersSeen()).isEqualTo(2);
        Group after = w.ctx.groups().get(g.id());
        assertThat(after.memberCount()).isEqualTo(2);
        assertThat(after.owner()).isEqualTo("ZhuShengBen");
        assertThat(after.admins()).containsExactly("sam", "pony");
        // both members joined on 2019-10-31 (1572505491, Shanghai)
        List<DayRow> days = w.ctx.chatImports().daily(g.id(), null, null);
        assertThat(days).singleElement().satisfies(d -> {
            assertThat(d.day()).isEqualTo(LocalDate.of(2019, 10, 31));
            assertThat(d.joins()).isEqualTo(2);
        });
        List<DailyStat> today = w.ctx.ledger().stats(g.id(), LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24));
        assertThat(today).singleElement().satisfies(s -> {
            assertThat(s.members()).isEqualTo(2);
            assertThat(s.leaves()).as("no earlier member list to compare with").isNull();
        });
    }

    @Test
    void aLaterMemberListWithSomeoneMissingCountsALeave() throws Exception {
        Group g = wecomGroup("wrAAAAAAAAAA-readers-01", "读书会一群");
        Path full = fixture("mixed-array.json");
        wecom.importFile(full, options);
        String fewer = Files.readString(full).replace(",\n                    {\"userid\": \"wmAAAAAAAAAAAAAAAAAAAAAAAAA2\", \"type\": 2, \"join_time\": 1717372800, \"join_scene\": 2}", "");
        assertThat(fewer).isNotEqualTo(Files.readString(full));
        Path later = Files.writeString(dir.resolve("later.json"), fewer);
        w.clock.advance(Duration.ofDays(1));

        wecom.importFile(later, options);

        List<DailyStat> s = w.ctx.ledger().stats(g.id(), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 25));
        assertThat(s).singleElement().satisfies(d -> {
            assertThat(d.members()).isEqualTo(2);
            assertThat(d.leaves()).isEqualTo(1);
        });
    }

    @Test
    void statisticsAreKeptPerOwnerAndDay() throws Exception {
        wecom.importFile(fixture("groupchat_statistic.response.json"), options);
        wecom.importFile(fixture("groupchat_statistic_group_by_day.response.json"), options);

        List<WecomImportService.Stat> byOwner = wecom.stats("zhangsan", null, null);
        assertThat(byOwner).singleElement().satisfies(s -> {
            assertThat(s.day()).isEqualTo(LocalDate.of(2026, 11, 23));
            assertThat(s.chatTotal()).isEqualTo(2);
            assertThat(s.migrateTraineeChatCnt()).isEqualTo(3);
        });
        List<WecomImportService.Stat> byDay = wecom.stats(WecomImportService.ALL_OWNERS, null, null);
        assertThat(byDay).extracting(WecomImportService.Stat::day)
                .containsExactly(LocalDate.of(2020, 9, 17), LocalDate.of(2020, 9, 18));
        // importing the same file again changes nothing
        wecom.importFile(dir.resolve("groupchat_statistic.response.json"), options);
        assertThat(wecom.stats(null, null, null)).hasSize(4);
    }

    @Test
    void aPerOwnerStatisticWithoutItsDayIsRefusedWithAMessage() throws Exception {
        Path f = fixture("groupchat_statistic.response.json");
        WecomImportService.Options noDay = new WecomImportService.Options(TestWorkspace.ZONE, null, null, false);
        assertThatThrownBy(() -> wecom.importFile(f, noDay)).isInstanceOf(ImportFormatException.class)
                .extracting(e -> ((ImportFormatException) e).messageKey()).isEqualTo("import.wecom.needDay");
        assertThat(wecom.stats(null, null, null)).isEmpty();
    }

    @Test
    void unknownChatsAreReportedOrCreatedOnRequest() throws Exception {
        Path list = fixture("pages.jsonl");
        WecomImportService.Result r = wecom.importFile(list, options);
        assertThat(r.unknownChats()).hasSize(3);
        assertThat(r.complete()).isFalse();

        Path get = fixture("groupchat_get.response.json");
        WecomImportService.Result created = wecom.importFile(get,
                new WecomImportService.Options(TestWorkspace.ZONE, null, null, true));
        assertThat(created.groupsCreated()).isEqualTo(1);
        assertThat(w.ctx.groups().list()).extracting(Group::name).contains("销售客服群");
    }

    /** groupchat/get's create_time is the group's creation: a group registered today is not born today. */
    @Test
    void createTimeSetsWhenTheGroupWasCreated() throws Exception {
        Path get = fixture("groupchat_get.response.json");
        wecom.importFile(get, new WecomImportService.Options(TestWorkspace.ZONE, null, null, true));
        Group g = w.ctx.groups().list().stream().filter(x -> "销售客服群".equals(x.name())).findFirst().orElseThrow();
        assertThat(g.createdAt()).isEqualTo(java.time.Instant.ofEpochSecond(1572505490L));
    }

    @Test
    void anErrorResponseChangesNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("err.json"), "{\"errcode\": 40014, \"errmsg\": \"invalid access_token\"}");
        assertThatThrownBy(() -> wecom.importFile(bad, options)).isInstanceOf(ImportFormatException.class)
                .extracting(e -> ((ImportFormatException) e).messageKey()).isEqualTo("import.wecom.errcode");
        assertThat(w.ctx.chatImports().history(10)).isEmpty();
    }
}
