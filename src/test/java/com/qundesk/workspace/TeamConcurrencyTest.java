package com.qundesk.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.core.UserPrefs;
import com.qundesk.db.ServerAddress;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.group.ConflictException;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.ChildJvm;
import com.qundesk.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten operators on one team workspace at once, for {@value #DEFAULT_SECONDS} seconds ({@code -Dqundesk.test.teamSeconds}
 * changes it): eight in this JVM, each with its own connections, and two as separate processes through the CLI as a
 * script would run it. They create groups, edit their own and a shared group, and create and dissolve flash groups.
 * Afterwards every acknowledged change is there exactly once; the counts are printed.
 */
class TeamConcurrencyTest {

    static final int DEFAULT_SECONDS = 60;
    private static final int THREAD_OPERATORS = 8;
    private static final int PROCESS_OPERATORS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What one operator was told succeeded. */
    private static final class Acks {
        final List<String> created = new ArrayList<>();
        final Map<Long, Integer> lastMemberCount = new ConcurrentHashMap<>();
        int sharedEdits;
        int conflicts;
        final List<Long> flashCreated = new ArrayList<>();
        final List<Long> flashDissolved = new ArrayList<>();
    }

    @Test
    void everyAcknowledgedChangeIsThereExactlyOnce() throws Exception {
        ServerAddress address = PostgresServer.workspace(TeamConcurrencyTest.class).address();
        int seconds = Integer.getInteger("qundesk.test.teamSeconds", DEFAULT_SECONDS);
        Instant end = Instant.now().plusSeconds(seconds);
        long shared;
        try (AppContext lead = open(address, "lead")) {
            shared = lead.groups().create(draft("共享的群")).id();
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREAD_OPERATORS + PROCESS_OPERATORS);
        List<Future<Acks>> operators = new ArrayList<>();
        for (int i = 0; i < THREAD_OPERATORS; i++) {
            int op = i;
            operators.add(pool.submit(() -> inProcess(address, op, shared, end)));
        }
        for (int i = 0; i < PROCESS_OPERATORS; i++) {
            int op = THREAD_OPERATORS + i;
            operators.add(pool.submit(() -> throughTheCli(address, op, end)));
        }
        List<Acks> acks = new ArrayList<>();
        for (Future<Acks> f : operators) {
            acks.add(f.get());
        }
        pool.shutdown();

        try (AppContext check = open(address, "check")) {
            List<Group> groups = check.groups().list();
            Map<String, Long> byName = groups.stream().collect(Collectors.groupingBy(Group::name, Collectors.counting()));
            Map<Long, Group> byId = groups.stream().collect(Collectors.toMap(Group::id, Function.identity()));
            int created = 0;
            int edits = 0;
            int sharedEdits = 0;
            int conflicts = 0;
            for (Acks a : acks) {
                for (String name : a.created) {
                    assertThat(byName.get(name)).as("acknowledged group %s", name).isEqualTo(1L);
                }
                created += a.created.size();
                a.lastMemberCount.forEach((id, count) ->
                        assertThat(byId.get(id).memberCount()).as("group %d's last acknowledged edit", id).isEqualTo(count));
                edits += a.lastMemberCount.size();
                sharedEdits += a.sharedEdits;
                conflicts += a.conflicts;
            }
            int flashCreated = 0;
            int flashDissolved = 0;
            for (Acks a : acks) {
                for (long id : a.flashCreated) {
                    assertThat(byId).as("flash group %d", id).containsKey(id);
                }
                for (long id : a.flashDissolved) {
                    assertThat(check.flash().get(id).lifecycle().state().token()).as("flash group %d", id).isEqualTo("dissolved");
                }
                flashCreated += a.flashCreated.size();
                flashDissolved += a.flashDissolved.size();
            }
            assertThat(byName.values()).as("no group twice").allMatch(n -> n == 1);
            Group sharedNow = byId.get(shared);
            assertThat(sharedNow.version()).as("one version per acknowledged edit of the shared group, none lost")
                    .isEqualTo(1L + sharedEdits);
            assertThat(created).as("the operators did get work done").isGreaterThan(THREAD_OPERATORS);
            assertThat(flashCreated).as("the CLI operators too").isPositive();
            System.out.printf("Team concurrency: %d operators (%d threads, %d CLI processes) for %d s on PostgreSQL: "
                            + "%d groups created, %d groups' edits checked, %d edits of one shared group saved and %d refused "
                            + "as conflicts (each told who changed it), %d flash groups created and %d dissolved through "
                            + "the CLI; every acknowledged change present exactly once.%n",
                    THREAD_OPERATORS + PROCESS_OPERATORS, THREAD_OPERATORS, PROCESS_OPERATORS, seconds, created, edits,
                    sharedEdits, conflicts, flashCreated, flashDissolved);
        }
    }

    private Acks inProcess(ServerAddress address, int op, long shared, Instant end) {
        Acks acks = new Acks();
        Random rnd = new Random(op);
        List<Group> mine = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        try (AppContext ctx = open(address, "op" + op)) {
            while (Instant.now().isBefore(end)) {
                int pick = rnd.nextInt(100);
                if (pick < 35 || mine.isEmpty()) {
                    String name = "op" + op + "-群" + n.incrementAndGet();
                    mine.add(ctx.groups().create(draft(name)));
                    acks.created.add(name);
                } else if (pick < 80) {
                    Group g = ctx.groups().get(mine.get(rnd.nextInt(mine.size())).id());
                    int count = rnd.nextInt(400);
                    ctx.groups().update(g.toBuilder().memberCount(count).build());
                    acks.lastMemberCount.put(g.id(), count);
                } else {
                    // the shared group: read, think a moment, save against the version read; a refusal names who
                    Group g = ctx.groups().get(shared);
                    Thread.onSpinWait();
                    try {
                        ctx.groups().update(g.toBuilder().notes("op" + op + " " + n.incrementAndGet()).build());
                        acks.sharedEdits++;
                    } catch (ConflictException e) {
                        assertThat(e.actors()).as("a refusal says who changed it").isNotEmpty();
                        assertThat(e.sinceVersion()).isEqualTo(g.version());
                        acks.conflicts++;
                    }
                }
            }
        }
        return acks;
    }

    private Acks throughTheCli(ServerAddress address, int op, Instant end) throws Exception {
        Acks acks = new Acks();
        Path home = dir.resolve("cli" + op);
        int period = 0;
        while (Instant.now().isBefore(end)) {
            period++;
            ChildJvm.Result created = ChildJvm.run(home, "com.qundesk.app.Launcher", "flash", "create", "--preset",
                    "resource-flash", "--name-pattern", "cli" + op + "-第{n}期", "--period", Integer.toString(period),
                    "--workspace", address.display());
            assertThat(created.code()).as(created.err()).isZero();
            JsonNode made = JSON.readTree(created.out());
            long id = (made.isArray() ? made.get(0) : made).get("id").asLong();
            acks.flashCreated.add(id);
            if (period % 2 == 0) {
                ChildJvm.Result dissolved = ChildJvm.run(home, "com.qundesk.app.Launcher", "flash", "dissolve",
                        Long.toString(id), "--skip-checklist", "--reason", "并发测试", "--workspace", address.display());
                assertThat(dissolved.code()).as(dissolved.err()).isZero();
                acks.flashDissolved.add(id);
            }
        }
        return acks;
    }

    private AppContext open(ServerAddress address, String who) {
        AppPaths paths = new AppPaths(dir.resolve(who));
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.LANGUAGE, "en");
        prefs.put(UserPrefs.ZONE, "Asia/Shanghai");
        return AppContext.open(paths, prefs, new WorkspaceLocation.Server(address), new MutableClock(Instant.now()));
    }

    private static Group draft(String name) {
        return Group.draft(Platform.WECHAT, name, Purpose.FAN, GroupKind.LONG_TERM);
    }
}
