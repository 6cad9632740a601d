package com.qundesk.imports.chat;

import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportProgress;
import com.qundesk.imports.ImportResult;
import com.qundesk.stats.DailyStatRepository.DayRow;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.workspace.AppContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.qundesk.imports.chat.ChatFixtures.OWNER;
import static com.qundesk.imports.chat.ChatFixtures.ROOM;
import static com.qundesk.imports.chat.ChatFixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two operators import overlapping exports of one group into one team workspace at the same moment (two threads,
 * two app contexts, so two connection pools on the server): every message is stored exactly once, the reports'
 * new rows add up to the messages and their duplicates to the overlap, and the daily stats are those of one
 * sequential import of the whole history.
 */
class ConcurrentTeamImportTest {
    private static final int MESSAGES = 40_000;
    private static final int OVERLAP = 16_000;

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void twoOverlappingImportsAtOnceStoreEveryMessageOnceAndGiveTheSequentialStats() throws Exception {
        List<ChatFixtures.Msg> all = history();
        int half = (MESSAGES + OVERLAP) / 2;
        Path first = ChatFixtures.wechatMsg(dir.resolve("a"), "夜话会1群", ROOM, all.subList(0, half));
        Path second = ChatFixtures.wechatMsg(dir.resolve("b"), "夜话会1群", ROOM, all.subList(MESSAGES - half, MESSAGES));
        Path whole = ChatFixtures.wechatMsg(dir.resolve("whole"), "夜话会1群", ROOM, all);

        TestWorkspace sequential = workspace("sequential");
        ImportResult once = importFile(sequential.ctx, whole);
        assertThat(once.imported()).isEqualTo(MESSAGES);

        TestWorkspace team = workspace("team");
        AppContext otherOperator = AppContext.open(team.paths, team.prefs, team.location, team.clock);
        open.add(otherOperator::close);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<ImportResult> a = two.submit(() -> {
                together.await();
                return importFile(team.ctx, first);
            });
            Future<ImportResult> b = two.submit(() -> {
                together.await();
                return importFile(otherOperator, second);
            });
            ImportResult ra = a.get(5, TimeUnit.MINUTES);
            ImportResult rb = b.get(5, TimeUnit.MINUTES);

            assertThat(ra.imported() + rb.imported()).as("new rows").isEqualTo(MESSAGES);
            assertThat(ra.duplicates() + rb.duplicates()).as("rows already there").isEqualTo(OVERLAP);
        } finally {
            two.shutdownNow();
        }
        assertThat(storedMessages(team)).isEqualTo(MESSAGES);
        assertThat(daily(team)).isEqualTo(daily(sequential)).hasSizeGreaterThan(5);
    }

    private TestWorkspace workspace(String name) {
        TestWorkspace w = TestWorkspace.on(Dialect.POSTGRESQL, dir.resolve(name));
        open.add(w::close);
        w.ctx.groups().create(Group.draft(Platform.WECHAT, "夜话会1群", Purpose.INDUSTRY, GroupKind.LONG_TERM)
                .toBuilder().externalId(ROOM).build());
        return w;
    }

    private static ImportResult importFile(AppContext ctx, Path file) {
        return ctx.chatImports().importFile(file, ImportOptions.in(ZONE), () -> false, ImportProgress.NONE);
    }

    /** A week of a busy group: many speakers, the owner, images in one second, joins. */
    private static List<ChatFixtures.Msg> history() {
        Random r = new Random(16);
        String[] speakers = new String[60];
        for (int i = 0; i < speakers.length; i++) {
            speakers[i] = i == 0 ? OWNER : "wxid_member" + i;
        }
        List<ChatFixtures.Msg> out = new ArrayList<>();
        long at = ChatFixtures.at("2026-11-02T08:00:00");
        for (int i = 0; i < MESSAGES; i++) {
            at += r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(30);
            String s = speakers[r.nextInt(speakers.length)];
            out.add(switch (r.nextInt(20)) {
                case 0 -> ChatFixtures.notice(at, "\"张三\"邀请\"新人" + i + "\"加入了群聊");
                case 1, 2 -> ChatFixtures.image(at, s);
                default -> ChatFixtures.text(at, s, "第" + i + "条");
            });
        }
        return out;
    }

    private static long storedMessages(TestWorkspace w) {
        return w.ctx.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM chat_message");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The daily stats as {@code stats daily} prints them, without the workspaces' own group ids. */
    private static List<String> daily(TestWorkspace w) {
        return w.ctx.chatImports().daily(null, null, null).stream().map(ConcurrentTeamImportTest::line).toList();
    }

    private static String line(DayRow d) {
        return String.join(",", d.externalId(), d.day().toString(), "" + d.messages(), "" + d.speakers(),
                "" + d.top3Share(), "" + d.joins(), "" + d.removals(), "" + d.leaves(), "" + d.ownerMessages(),
                "" + d.flaggedAds(), "" + d.members());
    }
}
