package com.qundesk.imports.chat;

import com.qundesk.imports.chat.ad.AdDetector;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.imports.ImportCancelledException;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.ImportLogRepository;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportPreview;
import com.qundesk.imports.ImportProgress;
import com.qundesk.imports.ImportResult;
import com.qundesk.imports.chat.ChatFixtures.Msg;
import com.qundesk.stats.DailyStatRepository.DayRow;
import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.stats.DailyStat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.qundesk.imports.chat.ChatFixtures.OWNER;
import static com.qundesk.imports.chat.ChatFixtures.ROOM;
import static com.qundesk.imports.chat.ChatFixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chat imports end to end: real files through the real parsers into a real workspace, a file and a team server. */
@BothDatabases
class ChatImportServiceTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    TestWorkspace w;
    ChatImportService imports;
    Group room;

    @BeforeEach
    void setUp() {
        w = TestWorkspace.on(dialect, dir.resolve("ws"));
        imports = w.ctx.chatImports();
        room = w.ctx.groups().create(Group.draft(Platform.WECHAT, "夜话会1群", Purpose.INDUSTRY, GroupKind.LONG_TERM)
                .toBuilder().externalId(ROOM).build());
    }

    private ImportResult run(Path file) {
        return imports.importFile(file, ImportOptions.in(ZONE), () -> false, ImportProgress.NONE);
    }

    private Map<LocalDate, DayRow> days() {
        return daysOf(imports, room);
    }

    private static Map<LocalDate, DayRow> daysOf(ChatImportService imports, Group room) {
        Map<LocalDate, DayRow> out = new TreeMap<>();
        for (DayRow r : imports.daily(room.id(), null, null)) {
            out.put(r.day(), r);
        }
        return out;
    }

    /** The stats computed the plain way from the fixture itself: the oracle the importer must match. */
    private static Map<LocalDate, int[]> expected(List<Msg> msgs) {
        Map<LocalDate, Map<String, Integer>> bySender = new TreeMap<>();
        Map<LocalDate, int[]> out = new TreeMap<>();
        for (Msg m : msgs) {
            if (m.system()) {
                continue;
            }
            LocalDate day = Instant.ofEpochSecond(m.at()).atZone(ZONE).toLocalDate();
            bySender.computeIfAbsent(day, d -> new HashMap<>()).merge(m.self() ? "self" : m.sender(), 1, Integer::sum);
            int[] e = out.computeIfAbsent(day, d -> new int[4]);
            e[0]++;
            if (m.self()) {
                e[2]++;
            }
        }
        bySender.forEach((day, counts) -> {
            int[] e = out.get(day);
            e[1] = counts.size();
            e[3] = counts.values().stream().sorted((a, b) -> b - a).limit(3).mapToInt(Integer::intValue).sum();
        });
        return out;
    }

    private void assertMatches(List<Msg> msgs) {
        Map<LocalDate, DayRow> got = days();
        Map<LocalDate, int[]> want = expected(msgs);
        assertThat(got.keySet()).containsAll(want.keySet());
        want.forEach((day, e) -> {
            DayRow r = got.get(day);
            assertThat(r.messages()).as("messages on %s", day).isEqualTo(e[0]);
            assertThat(r.speakers()).as("speakers on %s", day).isEqualTo(e[1]);
            assertThat(r.ownerMessages()).as("owner messages on %s", day).isEqualTo(e[2]);
            assertThat(r.top3Share()).as("top-3 share on %s", day)
                    .isEqualTo(Math.round(10_000.0 * e[3] / e[0]) / 10_000.0);
        });
    }

    @Test
    void aWeChatMsgExportBecomesDailyStatsByTheOneDefinition() throws Exception {
        List<Msg> week = ChatFixtures.week();
        Path file = ChatFixtures.wechatMsg(dir, "夜话会1群", ROOM, week);

        ImportResult r = run(file);

        assertThat(r.format()).isEqualTo("wechatmsg");
        assertThat(r.rejectedCount()).isZero();
        assertThat(r.unmapped()).isEmpty();
        assertThat(r.imported()).isEqualTo(week.size());
        assertThat(r.chats()).singleElement().satisfies(c -> assertThat(c.groupId()).isEqualTo(room.id()));
        assertMatches(week);
        DayRow first = days().get(LocalDate.of(2026, 11, 2));
        assertThat(first.messages()).isEqualTo(8);
        assertThat(first.speakers()).isEqualTo(5);
        assertThat(first.top3Share()).isEqualTo(0.75);
        assertThat(first.joins()).as("李四、王五 each count").isEqualTo(2);
        assertThat(first.removals()).isEqualTo(1);
        assertThat(first.flaggedAds()).isEqualTo(1);
        DayRow second = days().get(LocalDate.of(2026, 11, 3));
        assertThat(second.joins()).as("joined by QR code").isEqualTo(1);
        assertThat(second.messages()).as("the revoke notice is not a message").isEqualTo(2);
        assertThat(days().get(LocalDate.of(2026, 11, 4)).messages()).as("23:59:59 local").isEqualTo(1);
        assertThat(days().get(LocalDate.of(2026, 11, 5)).messages()).as("00:00:00 local").isEqualTo(1);
        // the dashboard reads the same rows
        List<DailyStat> stats = w.ctx.ledger().stats(room.id(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        assertThat(stats).extracting(DailyStat::source).containsOnly("import");
        assertThat(stats.getFirst().messages()).isEqualTo(8);
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        Path file = ChatFixtures.wechatMsg(dir, "夜话会1群", ROOM, ChatFixtures.week());
        run(file);
        Map<LocalDate, DayRow> before = days();

        ImportResult again = run(file);

        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(ChatFixtures.week().size());
        assertThat(again.complete()).isTrue();
        assertThat(days()).isEqualTo(before);
        // both imports are in the group's history, newest first
        assertThat(imports.historyOf(room.id())).extracting(ImportLogRepository.ImportRun::imported)
                .containsExactly(0L, (long) ChatFixtures.week().size());
        Group other = w.ctx.groups().create(Group.draft(Platform.WECHAT, "别的群", Purpose.INDUSTRY, GroupKind.LONG_TERM));
        assertThat(imports.historyOf(other.id())).isEmpty();
    }

    @Test
    void theAdKeywordListIsTheWorkspaces() throws Exception {
        // the detector of the defaults, built (and kept) before the setting changes: the change is not missed
        assertThat(imports.adDetector().keywords()).isEqualTo(AdDetector.DEFAULT_KEYWORDS);
        imports.setAdKeywords("夜话会\n!不是广告");
        assertThat(imports.adDetector().keywords()).containsExactly("夜话会", "!不是广告");

        run(ChatFixtures.wechatMsg(dir, "夜话会1群", ROOM, ChatFixtures.week()));

        assertThat(days().get(LocalDate.of(2026, 11, 2)).flaggedAds())
                .as("the owner's 夜话会 message is flagged, the 加V one no longer").isEqualTo(1);
        assertThat(w.reopen().chatImports().adDetector().keywords()).containsExactly("夜话会", "!不是广告");
    }

    @Test
    void threeImagesInOneSecondStayThree() throws Exception {
        long t = ChatFixtures.at("2026-11-10T12:00:00");
        List<Msg> msgs = List.of(ChatFixtures.image(t, "wxid_li4"), ChatFixtures.image(t, "wxid_li4"),
                ChatFixtures.image(t, "wxid_li4"), ChatFixtures.text(t, "wxid_li4", "看图"));
        run(ChatFixtures.wechatMsg(dir, "夜话会1群", ROOM, msgs));
        assertThat(days().get(LocalDate.of(2026, 11, 10)).messages()).isEqualTo(4);
    }

    @Test
    void anySplitIntoOverlappingPartsGivesTheStatsOfTheWholeFile() throws Exception {
        List<Msg> week = ChatFixtures.week();
        Random random = new Random(42);
        for (int trial = 0; trial < 6; trial++) {
            TestWorkspace other = TestWorkspace.on(dialect, dir.resolve("split" + trial));
            Group g = other.ctx.groups().create(Group.draft(Platform.WECHAT, "夜话会1群", Purpose.INDUSTRY,
                    GroupKind.LONG_TERM).toBuilder().externalId(ROOM).build());
            // exporters cut by time: parts hold whole seconds
            List<Integer> cuts = secondBoundaries(week);
            int parts = 2 + random.nextInt(3);
            List<Path> files = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int a = cuts.get(random.nextInt(cuts.size()));
                int b = cuts.get(random.nextInt(cuts.size()));
                List<Msg> part = week.subList(Math.min(a, b), Math.max(a, b));
                files.add(ChatFixtures.wechatMsg(dir.resolve("t" + trial + "p" + p), "夜话会1群", ROOM, part));
            }
            // and together they cover the whole week
            files.add(ChatFixtures.wechatMsg(dir.resolve("t" + trial + "head"), "夜话会1群", ROOM,
                    week.subList(0, week.size() / 2 + 3)));
            files.add(ChatFixtures.wechatMsg(dir.resolve("t" + trial + "tail"), "夜话会1群", ROOM,
                    week.subList(week.size() / 2 - 3, week.size())));
            java.util.Collections.shuffle(files, random);
            long total = 0;
            for (Path f : files) {
                total += other.ctx.chatImports().importFile(f, ImportOptions.in(ZONE), () -> false,
                        ImportProgress.NONE).imported();
            }
            assertThat(total).as("trial %d stores each message once", trial).isEqualTo(week.size());
            run(ChatFixtures.wechatMsg(dir.resolve("whole" + trial), "夜话会1群", ROOM, week));
            List<DayRow> whole = imports.daily(room.id(), null, null);
            List<DayRow> split = other.ctx.chatImports().daily(g.id(), null, null);
            assertThat(split).usingRecursiveFieldByFieldElementComparatorIgnoringFields("groupId")
                    .as("trial %d", trial).isEqualTo(whole);
        }
    }

    private static List<Integer> secondBoundaries(List<Msg> msgs) {
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        for (int i = 1; i < msgs.size(); i++) {
            if (msgs.get(i).at() != msgs.get(i - 1).at()) {
                cuts.add(i);
            }
        }
        cuts.add(msgs.size());
        return cuts;
    }

    @Test
    void theSameGroupExportedByTwoToolsCountsOnce() throws Exception {
        List<Msg> week = ChatFixtures.week();
        run(ChatFixtures.wechatMsg(dir, "夜话会1群", ROOM, week.subList(0, 80)));
        ImportResult py = run(ChatFixtures.pyWxDump(dir, ROOM + "_0_5000.csv", week.subList(40, week.size()),
                StandardCharsets.UTF_8));

        assertThat(py.format()).isEqualTo("pywxdump");
        assertThat(py.duplicates()).as("the 40 overlapping rows").isEqualTo(40);
        assertThat(py.imported()).isEqualTo(week.size() - 80);
        assertMatches(week);
        assertThat(days().get(LocalDate.of(2026, 11, 2)).joins()).isEqualTo(2);
    }

    @Test
    void membersMissingFromTheNextUsersJsonAreLeavesOnTheDayOfThatExport() throws Exception {
        List<Msg> week = ChatFixtures.week();
        Path first = ChatFixtures.pyWxDump(dir.resolve("e1"), ROOM + "_0_5000.csv", week.subList(0, 16),
                StandardCharsets.UTF_8);
        usersJson(first, "wxid_owner01", "wxid_zhang3", "wxid_li4", "wxid_wang5", "wxid_ad01");
        run(first);
        LocalDate firstDay = LocalDate.of(2026, 11, 5);
        assertThat(days().get(firstDay).members()).as("the last message day of the first export").isEqualTo(5);
        assertThat(days().get(firstDay).leaves()).as("no earlier list").isNull();

        Path second = ChatFixtures.pyWxDump(dir.resolve("e2"), ROOM + "_0_5000.csv", week.subList(16, week.size()),
                StandardCharsets.UTF_8);
        usersJson(second, "wxid_owner01", "wxid_zhang3", "wxid_li4", "wxid_zhao6");
        run(second);

        DayRow later = days().get(LocalDate.of(2026, 11, 6));
        assertThat(later.members()).isEqualTo(4);
        assertThat(later.leaves()).as("王五 and the advertiser are gone").isEqualTo(2);
    }

    private static void usersJson(Path page, String... members) throws Exception {
        String list = String.join("\",\"", members);
        Files.writeString(page.resolveSibling("users.json"), "{\"" + ROOM + "\": {\"wxid\": \"" + ROOM
                + "\", \"nickname\": \"夜话会1群\", \"remark\": \"\", \"extra\": {\"wxid\": \"" + ROOM
                + "\", \"roomWxids\": [\"" + list + "\"], \"owner\": \"" + OWNER + "\"}}}");
    }

    @Test
    void aGbkExportReadsLikeTheUtf8One() throws Exception {
        List<Msg> week = ChatFixtures.week();
        run(ChatFixtures.pyWxDump(dir, ROOM + "_0_5000.csv", week, java.nio.charset.Charset.forName("GBK")));
        assertMatches(week);
        assertThat(days().get(LocalDate.of(2026, 11, 2)).flaggedAds()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNoChatExportIsRefusedAndChangesNothing() throws Exception {
        Path junk = Files.writeString(dir.resolve("orders.csv"), "order,amount\n1,20\n");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThatThrownBy(() -> run(junk)).isInstanceOf(ImportFormatException.class)
                .extracting(e -> ((ImportFormatException) e).messageKey()).isEqualTo("import.error.unknownFormat");
        assertThatThrownBy(() -> run(empty)).isInstanceOf(ImportFormatException.class)
                .extracting(e -> ((ImportFormatException) e).messageKey()).isEqualTo("import.error.empty");
        assertThat(imports.history(10)).isEmpty();
    }

    @Test
    void aCancelledImportLeavesTheWorkspaceAsItWas() throws Exception {
        Path first = ChatFixtures.wechatMsg(dir.resolve("a"), "夜话会1群", ROOM, ChatFixtures.week().subList(0, 10));
        run(first);
        Map<LocalDate, DayRow> before = days();
        List<Msg> many = new ArrayList<>();
        long t = ChatFixtures.at("2026-11-20T08:00:00");
        for (int i = 0; i < 30_000; i++) {
            many.add(ChatFixtures.text(t + i, "wxid_s" + (i % 40), "消息" + i));
        }
        Path big = ChatFixtures.wechatMsg(dir.resolve("b"), "夜话会1群", ROOM, many);
        AtomicInteger polls = new AtomicInteger();

        assertThatThrownBy(() -> imports.importFile(big, ImportOptions.in(ZONE), () -> polls.incrementAndGet() > 1,
                ImportProgress.NONE)).isInstanceOf(ImportCancelledException.class);

        assertThat(days()).isEqualTo(before);
        assertThat(imports.history(10)).hasSize(1);
    }

    @Test
    void undoTakesAnImportOutAsAWhole() throws Exception {
        List<Msg> week = ChatFixtures.week();
        run(ChatFixtures.wechatMsg(dir.resolve("a"), "夜话会1群", ROOM, week.subList(0, 20)));
        Map<LocalDate, DayRow> before = days();
        ImportResult second = run(ChatFixtures.wechatMsg(dir.resolve("b"), "夜话会1群", ROOM, week.subList(20, week.size())));
        assertThat(days()).isNotEqualTo(before);

        imports.undo(second.importId());

        assertThat(days()).isEqualTo(before);
        assertThat(imports.history(10).getFirst().undone()).isTrue();
        assertThatThrownBy(() -> imports.undo(second.importId())).isInstanceOf(ImportFormatException.class);
        // importing it again brings it back
        assertThat(run(ChatFixtures.wechatMsg(dir.resolve("c"), "夜话会1群", ROOM, week.subList(20, week.size())))
                .imported()).isEqualTo(week.size() - 20);
        assertMatches(week);
    }

    @Test
    void aChatWithoutAGroupIsReportedOrCreatedOnRequest() throws Exception {
        Path file = ChatFixtures.wechatMsg(dir, "新群", "99887766@chatroom", ChatFixtures.week().subList(0, 5));

        ImportResult r = run(file);
        assertThat(r.imported()).isZero();
        assertThat(r.complete()).isFalse();
        assertThat(r.unmapped()).singleElement().satisfies(u -> assertThat(u.messages()).isEqualTo(5));

        ImportResult created = imports.importFile(file, ImportOptions.in(ZONE).creatingGroups(true), () -> false,
                ImportProgress.NONE);
        assertThat(created.imported()).isEqualTo(5);
        assertThat(created.chats()).singleElement().satisfies(c -> assertThat(c.created()).isTrue());
        assertThat(w.ctx.groups().list()).extracting(Group::externalId).contains("99887766@chatroom");

        ImportResult forced = imports.importFile(ChatFixtures.wechatMsg(dir.resolve("x"), "别的群", "11@chatroom",
                        ChatFixtures.week().subList(0, 5)), ImportOptions.in(ZONE).withGroup(room.id()), () -> false,
                ImportProgress.NONE);
        assertThat(forced.chats()).singleElement().satisfies(c -> assertThat(c.groupId()).isEqualTo(room.id()));
    }

    @Test
    void aGroupIsFoundByItsExactNameWhenTheFileHasNoId() throws Exception {
        Group named = w.ctx.groups().create(Group.draft(Platform.WECHAT, "读书会", Purpose.HABIT, GroupKind.LONG_TERM));
        Path folder = Files.createDirectories(dir.resolve("读书会"));
        Path file = folder.resolve("读书会_utf8.csv");
        Files.copy(ChatFixtures.wechatMsg(dir.resolve("tmp"), "读书会", "x", ChatFixtures.week().subList(0, 5)), file);

        ImportResult r = run(file);

        assertThat(r.chats()).singleElement().satisfies(c -> assertThat(c.groupId()).isEqualTo(named.id()));
    }

    @Test
    void thePreviewShowsFormatChatsAndFirstRowsWithoutStoringAnything() throws Exception {
        Path file = ChatFixtures.wechatMsg(dir, "夜话会1群", ROOM, ChatFixtures.week());

        ImportPreview p = imports.preview(file, ImportOptions.in(ZONE), 1000, () -> false);

        assertThat(p.format()).isEqualTo("wechatmsg");
        assertThat(p.charset()).isEqualTo("UTF-8");
        assertThat(p.chats()).singleElement().satisfies(c -> {
            assertThat(c.groupId()).isEqualTo(room.id());
            assertThat(c.matchedBy()).isEqualTo("id");
        });
        assertThat(p.rows()).isNotEmpty();
        assertThat(p.rows().get(1).self()).isTrue();
        assertThat(p.scannedAll()).isTrue();
        assertThat(imports.history(10)).isEmpty();
        assertThat(days()).isEmpty();
    }

    @Test
    void aFolderExpandsToItsPagesInPageOrder() throws Exception {
        List<Msg> week = ChatFixtures.week();
        ChatFixtures.pyWxDump(dir.resolve("exp"), ROOM + "_10_5000.csv", week.subList(60, week.size()),
                StandardCharsets.UTF_8);
        ChatFixtures.pyWxDump(dir.resolve("exp"), ROOM + "_2_5000.csv", week.subList(0, 60), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("exp").resolve(OWNER).resolve("csv").resolve(ROOM).resolve("users.json"), "{}");

        List<Path> files = imports.expand(dir.resolve("exp"));

        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly(ROOM + "_2_5000.csv", ROOM + "_10_5000.csv");
        for (Path f : files) {
            run(f);
        }
        assertMatches(week);
    }
}
