package com.qundesk.reliability;

import com.qundesk.db.Database;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.reliability.WorkspaceSnapshot.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety: the real CLI runs in a child JVM and is killed with SIGKILL at random moments — while importing a
 * chat export of 300,000 messages, and while it runs a loop of registry imports and flash-group transitions. After
 * each kill the workspace opens, {@code PRAGMA integrity_check} is ok, the file's import is wholly there or wholly
 * absent, every command that exited 0 before the kill is there, and nothing else changed.
 *
 * <p>{@value #DEFAULT_TRIALS} kills per scenario by default; {@code -Dqundesk.crash.trials=100} for the long run,
 * {@code -Dqundesk.crash.seed=N} to replay one (the seed is printed).
 */
class CrashSafetyTest {

    static final int DEFAULT_TRIALS = 10;
    static final int MESSAGES = 300_000;
    static final String ROOM = "555000111@chatroom";
    private static final int TRIALS = Integer.getInteger("qundesk.crash.trials", DEFAULT_TRIALS);
    private static final long SEED = Long.getLong("qundesk.crash.seed", new SecureRandom().nextLong());

    @TempDir
    static Path dir;
    private static FuzzWorkspace template;
    private static WorkspaceSnapshot templateRows;
    private static long bigGroup;
    private static Path export;
    private static final List<String> SUMMARY = new ArrayList<>();

    @BeforeAll
    static void exportAndWorkspace() throws IOException {
        System.out.printf("CrashSafetyTest: %d trials per scenario, seed %d (replay: -Dqundesk.crash.seed=%d)%n",
                TRIALS, SEED, SEED);
        export = writeExport(dir.resolve("export/大群(" + ROOM + ")/大群.csv"), new Random(SEED));
        template = FuzzWorkspace.create(dir.resolve("template"));
        bigGroup = template.w.ctx.groups().create(Group.draft(Platform.WECHAT, "大群", Purpose.INDUSTRY,
                GroupKind.LONG_TERM).toBuilder().externalId(ROOM).build()).id();
        templateRows = WorkspaceSnapshot.take(template.reader);
    }

    @AfterAll
    static void printSummary() {
        template.close();
        SUMMARY.forEach(System.out::println);
    }

    /** A WeChatMsg per-chat export (FORMATS.md §1): BOM, CRLF, quoted cells, 200 speakers, joins, images. */
    static Path writeExport(Path file, Random r) throws IOException {
        Files.createDirectories(file.getParent());
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        long t = 1_761_955_200L; // 2025-11-01
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,"
                    + "Sender\r\n");
            for (int i = 1; i <= MESSAGES; i++) {
                t += r.nextInt(20);
                String time = local.format(Instant.ofEpochSecond(t).atOffset(ZoneOffset.ofHours(8)));
                int s = r.nextInt(200);
                if (i % 997 == 0) {
                    w.write(i + ",7,10000,0,0," + t + ",2,\"\"\"成员" + s + "\"\"邀请\"\"新人" + i + "\"\"加入了群聊\","
                            + time + ",,,\r\n");
                } else if (i % 13 == 0) {
                    w.write(i + ",7,3,0,0," + t + ",2,\"<msg><img length=\"\"" + i + "\"\"/></msg>\"," + time + ",成员" + s
                            + ",成员" + s + ",wxid_m" + s + "\r\n");
                } else {
                    w.write(i + ",7,1,0," + (s == 0 ? 1 : 0) + "," + t + ",2,\"第" + i + "条，\"\"引号\"\",逗号\"," + time
                            + ",成员" + s + ",成员" + s + ",wxid_m" + s + "\r\n");
                }
            }
        }
        return file;
    }

    /** A copy of the template workspace at {@code file} (VACUUM INTO: a consistent copy with no WAL). */
    private static Path copyTemplate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Statement s = template.reader.createStatement()) {
            s.execute("VACUUM INTO '" + file.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    private static ChildCli child(List<String> jvmOptions) {
        return new ChildCli(template.w.paths.dataDir(), jvmOptions);
    }

    // -------------------------------------------------------------------------------------------------- import

    /** What the big group holds after the import: messages, senders, day rows and their sums, daily stats. */
    record ImportState(long runs, long messages, long senders, long days, long dayMessages, long stats,
                       long statMessages) {
        static ImportState of(Statement s, long group) throws SQLException {
            return new ImportState(
                    count(s, "SELECT count(*) FROM import_run WHERE file_name = '大群.csv'"),
                    count(s, "SELECT count(*) FROM chat_message WHERE group_id = " + group),
                    count(s, "SELECT count(*) FROM chat_sender WHERE group_id = " + group),
                    count(s, "SELECT count(*) FROM chat_day WHERE group_id = " + group),
                    count(s, "SELECT coalesce(sum(messages), 0) FROM chat_day WHERE group_id = " + group),
                    count(s, "SELECT count(*) FROM daily_stat WHERE group_id = " + group),
                    count(s, "SELECT coalesce(sum(messages), 0) FROM daily_stat WHERE group_id = " + group));
        }

        static final ImportState ABSENT = new ImportState(0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aKilledImportIsWhollyThereOrWhollyAbsent() throws Exception {
        Random r = new Random(SEED);
        ChildCli cli = child(List.of());
        // calibration: the whole import, watching when it first opens the workspace; what it leaves
        Path calibration = copyTemplate(dir.resolve("import/calibration.qundesk"));
        ChildCli.Run full = cli.start("import", "chat", export.toString(), "--workspace", calibration.toString());
        long opened = full.waitWatching(Path.of(calibration + "-wal"));
        long duration = full.elapsedMillis();
        assertThat(full.exitCode()).as(full.stderr()).isZero();
        ImportState whole = verify(calibration, null);
        assertThat(whole.runs()).isEqualTo(1);
        assertThat(whole.messages()).isEqualTo(MESSAGES);
        assertThat(whole.dayMessages()).isEqualTo(MESSAGES - MESSAGES / 997);
        assertThat(whole.statMessages()).isEqualTo(whole.dayMessages());

        int absent = 0;
        int present = 0;
        int writing = 0;
        int finishedFirst = 0;
        List<String> kills = new ArrayList<>();
        int killed = 0;
        for (int trial = 1; killed < TRIALS && trial <= 3 * TRIALS; trial++) {
            Path ws = copyTemplate(dir.resolve("import/trial-" + trial + ".qundesk"));
            // every other kill after the workspace was opened (the import's transaction); the others anywhere
            long from = killed % 2 == 1 ? Math.max(0, opened) : 0;
            long delay = from + (long) (r.nextDouble() * Math.max(1, duration - from));
            ChildCli.Run run = cli.start("import", "chat", export.toString(), "--workspace", ws.toString());
            boolean ended = run.waitFor(delay);
            if (ended) {
                // faster than the calibration run: aim the next kills within this run's time
                finishedFirst++;
                duration = Math.min(duration, run.elapsedMillis());
            } else {
                killed++;
                boolean w = ChildCli.writing(ws);
                writing += w ? 1 : 0;
                kills.add(delay + (w ? "w" : ""));
                run.kill();
            }
            ImportState after = verify(ws, whole);
            if (after.equals(whole)) {
                present++;
            } else {
                absent++;
            }
            if (ended) {
                assertThat(run.exitCode()).as(run.stderr()).isZero();
                assertThat(after).as("an import that exited 0 is there").isEqualTo(whole);
            }
            Files.deleteIfExists(ws);
        }
        assertThat(killed).as("kills").isEqualTo(TRIALS);
        SUMMARY.add(("Crash safety, import of %d messages (shortest run %d ms, workspace opened at %d ms): %d kills, %d of them"
                + " inside the import's write transaction; %d more runs ended before their kill (and were checked);"
                + " afterwards the import was wholly there %d times and wholly absent %d times; integrity ok every"
                + " time; kills (ms, w = writing)"
                + " %s").formatted(MESSAGES, duration, opened, killed, writing, finishedFirst, present, absent, kills));
    }

    /**
     * Opens the workspace after a kill and checks it: integrity, foreign keys, the import wholly there ({@code
     * whole}, when known) or wholly absent, and nothing outside the big group and that import changed.
     */
    private static ImportState verify(Path ws, ImportState whole) throws SQLException {
        // closed again before the next child starts: one writer per workspace
        try (Database db = Database.open(ws); Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(text(s, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(count(s, "SELECT count(*) FROM pragma_foreign_key_check")).isZero();
            ImportState state = ImportState.of(s, bigGroup);
            if (whole != null) {
                assertThat(state).as("the import is wholly there or wholly absent").isIn(whole, ImportState.ABSENT);
            }
            long importId = count(s, "SELECT coalesce(max(id), 0) FROM import_run");
            WorkspaceSnapshot after = WorkspaceSnapshot.take(c);
            assertThat(WorkspaceSnapshot.changesOutside(templateRows, after, new Scope(Set.of(bigGroup), null,
                    importId > templateRows.maxId("import_run") ? importId : null)))
                    .as("rows outside the import").isEmpty();
            return state;
        }
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.getString(1);
        }
    }

    // --------------------------------------------------------------------------------------------------- edits

    @Test
    void everyAcknowledgedEditSurvivesAKill() throws Exception {
        Random r = new Random(SEED ^ 0x5DEECE66DL);
        Path ws = copyTemplate(dir.resolve("edits/workspace.qundesk"));
        // short commands: a compiler that starts fast matters more than peak speed
        EditScript script = new EditScript(child(List.of("-XX:TieredStopAtLevel=1")), ws, dir.resolve("edits"), r);
        // calibration: one command of each kind to its end, watching when it first opens the workspace
        long[][] timing = new long[4][];
        for (int kind = 0; kind < 4; kind++) {
            timing[kind] = script.runToEnd(kind);
        }
        try (Database db = Database.open(ws)) {
            script.verify(db);
        }
        int inFlightApplied = 0;
        int inFlightAbsent = 0;
        for (int trial = 1; trial <= TRIALS; trial++) {
            // every other kill after the command opened the workspace; the others anywhere in its run
            script.runUntilKilled(timing, trial % 2 == 0);
            EditScript.Outcome o;
            try (Database db = Database.open(ws)) {
                o = script.verify(db);
            }
            if (o == EditScript.Outcome.APPLIED) {
                inFlightApplied++;
            } else {
                inFlightAbsent++;
            }
        }
        long perCommand = (timing[0][1] + timing[1][1] + timing[2][1] + timing[3][1]) / 4;
        long startup = (timing[0][0] + timing[1][0] + timing[2][0] + timing[3][0]) / 4;
        SUMMARY.add(("Crash safety, registry edits and flash transitions (%d ms a command, workspace opened at %d ms):"
                + " %d kills over %d commands (%d acknowledged, all present after every kill), %d of them inside a"
                + " write transaction; the command killed in flight was wholly applied %d times and wholly absent %d"
                + " times; integrity ok every time; kills (kind 0 import 1 create 2 extend 3 dissolve : ms, w ="
                + " writing) %s").formatted(perCommand, startup, TRIALS, script.commands(), script.acknowledged(),
                script.killedWriting, inFlightApplied, inFlightAbsent, script.killedAt));
    }
}
