package com.qundesk.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.db.Database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A random loop of registry imports and flash-group transitions run through the CLI in child JVMs, with a model of
 * what every acknowledged command (one whose process exited 0) must have left in the workspace, and checks that the
 * command killed in flight is either wholly applied or wholly absent.
 */
final class EditScript {

    /** What became of the command that was running at the kill. */
    enum Outcome { APPLIED, ABSENT }

    private sealed interface Edit {
        String[] args();
    }

    /** Groups per registry import and flash groups per create: enough work that kills land inside the writes. */
    static final int BATCH = 1_000;
    static final int FLASH_COUNT = 50;

    /** {@code groups import} of {@value #BATCH} new groups of batch {@code n}, in one transaction. */
    private record GroupsImport(int n, Path csv) implements Edit {
        public String[] args() {
            return new String[] {"groups", "import", csv.toString(), "--purpose", "industry"};
        }

        String csvText() {
            StringBuilder b = new StringBuilder("name,platform,externalId,memberCount,tags\n");
            for (int i = 0; i < BATCH; i++) {
                b.append("批次").append(n).append("-").append(i).append(",wechat,e").append(n).append("x").append(i)
                        .append("@chatroom,").append(i % 400).append(",导入").append(n).append('\n');
            }
            return b.toString();
        }

        /** external id|name|member count|tags, in external-id order. */
        List<String> expected() {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                rows.add("e" + n + "x" + i + "@chatroom|批次" + n + "-" + i + "|" + i % 400 + "|导入" + n);
            }
            rows.sort(null);
            return rows;
        }
    }

    /** {@code flash create} of {@value #FLASH_COUNT} open custom flash groups named 快闪n-k, in one transaction. */
    private record FlashCreate(int n) implements Edit {
        public String[] args() {
            return new String[] {"flash", "create", "--preset", "custom", "--duration", "PT6H", "--count",
                    Integer.toString(FLASH_COUNT), "--name-pattern", "快闪" + n + "-{k}"};
        }
    }

    private record Extend(long id, Instant to, int n) implements Edit {
        public String[] args() {
            return new String[] {"flash", "extend", Long.toString(id), "--to", to.toString(), "--reason", "延期" + n};
        }
    }

    private record Dissolve(long id, int n) implements Edit {
        public String[] args() {
            return new String[] {"flash", "dissolve", Long.toString(id), "--reason", "结束" + n, "--skip-checklist"};
        }
    }

    /** A flash group as the acknowledged commands left it. */
    private record Flash(String state, long dueMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildCli cli;
    private final Path workspace;
    private final Path files;
    private final Random random;
    private final List<GroupsImport> batches = new ArrayList<>();
    private final Map<Long, Flash> flash = new LinkedHashMap<>();
    private Edit inFlight;
    private int next = 1;
    private int commands;
    private int acknowledged;

    EditScript(ChildCli cli, Path workspace, Path files, Random random) {
        this.cli = cli;
        this.workspace = workspace;
        this.files = files;
        this.random = random;
    }

    ChildCli cli() {
        return cli;
    }

    int commands() {
        return commands;
    }

    int acknowledged() {
        return acknowledged;
    }

    /** The next edit: of kind {@code kind} (0 import, 1 create, 2 extend, 3 dissolve), or a random one when -1. */
    private Edit nextEdit(int kind) throws IOException {
        int n = next++;
        List<Long> live = flash.entrySet().stream().filter(e -> !e.getValue().state().equals("dissolved"))
                .map(Map.Entry::getKey).toList();
        if (kind < 0) {
            int pick = random.nextInt(live.isEmpty() ? 2 : 10);
            kind = pick == 0 || pick == 2 || pick == 3 ? 0 : pick == 1 || pick == 4 || pick == 5 ? 1 : pick < 8 ? 2 : 3;
        }
        switch (kind) {
            case 0 -> {
                GroupsImport g = new GroupsImport(n, files.resolve("batch-" + n + ".csv"));
                Files.writeString(g.csv(), g.csvText(), StandardCharsets.UTF_8);
                return g;
            }
            case 1 -> {
                return new FlashCreate(n);
            }
            default -> {
                long id = live.get(random.nextInt(live.size()));
                // each extension later than any before: 2031-01-01 plus n hours
                return kind == 2 ? new Extend(id, Instant.parse("2031-01-01T00:00:00Z").plusSeconds(3600L * n), n)
                        : new Dissolve(id, n);
            }
        }
    }

    private static int kindOf(Edit e) {
        return switch (e) {
            case GroupsImport g -> 0;
            case FlashCreate f -> 1;
            case Extend x -> 2;
            case Dissolve d -> 3;
        };
    }

    private ChildCli.Run start(Edit e) throws IOException {
        commands++;
        List<String> args = new ArrayList<>(List.of(e.args()));
        args.addAll(List.of("--workspace", workspace.toString()));
        return cli.start(args.toArray(String[]::new));
    }

    /**
     * Runs one command of {@code kind} to its end (it must succeed); returns {when it first opened the workspace, how
     * long it took}, in ms after its start.
     */
    long[] runToEnd(int kind) throws IOException, InterruptedException {
        Edit e = nextEdit(kind);
        ChildCli.Run run = start(e);
        long opened = run.waitWatching(Path.of(workspace + "-wal"));
        acknowledge(e, run);
        return new long[] {opened, run.elapsedMillis()};
    }

    /**
     * Runs random commands; each is, with probability 1/2, the one to kill, at a random moment of its run: anywhere in
     * it, or ({@code inDatabase}) between its first opening of the workspace and its end, as calibrated per kind of
     * command ({@code timing[kind]} = {opened, ended} ms after the start). A victim that ends before its moment is
     * acknowledged like any other command, and the next one is the victim.
     */
    void runUntilKilled(long[][] timing, boolean inDatabase) throws IOException, InterruptedException {
        boolean victim = false;
        while (true) {
            Edit e = nextEdit(-1);
            victim = victim || random.nextBoolean();
            long[] t = timing[kindOf(e)];
            long from = inDatabase ? Math.max(0, t[0]) : 0;
            long at = victim ? from + (long) (random.nextDouble() * Math.max(1, t[1] - from)) : 120_000;
            ChildCli.Run run = start(e);
            if (run.waitFor(at)) {
                acknowledge(e, run);
                // faster than its calibration (run on a busier machine): aim later kills within this run's time,
                // else on a machine that got quieter the kills land after the commands' ends, run after run
                t[1] = Math.min(t[1], run.elapsedMillis());
                t[0] = Math.min(t[0], t[1] - 1);
                continue;
            }
            boolean writing = ChildCli.writing(workspace);
            run.kill();
            inFlight = e;
            killedAt.add(kindOf(e) + ":" + at + (writing ? "w" : ""));
            if (writing) {
                killedWriting++;
            }
            return;
        }
    }

    /** Where each kill landed: kind of command and ms after its start, {@code w} when inside a write transaction. */
    final List<String> killedAt = new ArrayList<>();
    int killedWriting;

    private void acknowledge(Edit e, ChildCli.Run run) throws IOException {
        assertThat(run.exitCode()).as(String.join(" ", e.args()) + "\n" + run.stderr()).isZero();
        acknowledged++;
        switch (e) {
            case GroupsImport g -> {
                assertThat(run.stdout()).contains("1,000 group(s) imported");
                batches.add(g);
            }
            case FlashCreate f -> {
                String out = run.stdout();
                JsonNode arr = JSON.readTree(out.substring(out.indexOf('['), out.lastIndexOf(']') + 1));
                assertThat(arr.size()).isEqualTo(FLASH_COUNT);
                for (JsonNode g : arr) {
                    flash.put(g.get("id").asLong(), new Flash(g.get("state").asText(),
                            Instant.parse(g.get("dueAt").asText()).toEpochMilli()));
                }
            }
            case Extend x -> flash.put(x.id(), new Flash("extended", x.to().toEpochMilli()));
            case Dissolve d -> flash.put(d.id(), new Flash("dissolved", flash.get(d.id()).dueMillis()));
        }
    }

    /**
     * Opens the workspace after a kill: integrity, every acknowledged edit present, the command killed in flight
     * wholly applied or wholly absent (the model then follows what it found). Returns what became of that command.
     */
    Outcome verify(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(CrashSafetyTest.text(s, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(CrashSafetyTest.count(s, "SELECT count(*) FROM pragma_foreign_key_check")).isZero();
            for (GroupsImport g : batches) {
                assertThat(batch(s, g)).as("acknowledged groups import " + g.n()).isEqualTo(g.expected());
            }
            Long killedOn = switch (inFlight) {
                case Extend x -> x.id();
                case Dissolve d -> d.id();
                case null, default -> null;
            };
            for (Map.Entry<Long, Flash> f : flash.entrySet()) {
                if (f.getKey().equals(killedOn)) {
                    continue; // the command killed in flight may have moved it: checked below
                }
                assertThat(flashState(s, f.getKey())).as("acknowledged state of flash group " + f.getKey())
                        .isEqualTo(f.getValue());
                assertThat(groupStatus(s, f.getKey()).equals("dissolved")).as("group status follows its lifecycle")
                        .isEqualTo(f.getValue().state().equals("dissolved"));
            }
            Outcome o = inFlight == null ? null : inFlight(s, inFlight);
            inFlight = null;
            return o;
        }
    }

    private Outcome inFlight(Statement s, Edit e) throws SQLException {
        switch (e) {
            case GroupsImport g -> {
                List<String> found = batch(s, g);
                assertThat(found).as("groups import killed in flight").isIn(List.of(), g.expected());
                if (found.isEmpty()) {
                    return Outcome.ABSENT;
                }
                batches.add(g);
                return Outcome.APPLIED;
            }
            case FlashCreate f -> {
                List<String> rows = UpgradeTest.rows(s, "SELECT g.id, l.state, l.due_at, (SELECT count(*) FROM reminder"
                        + " r WHERE r.group_id = g.id) FROM chat_group g LEFT JOIN flash_lifecycle l ON l.group_id ="
                        + " g.id WHERE g.name LIKE '快闪" + f.n() + "-%' ORDER BY g.id");
                assertThat(rows.size()).as("flash create killed in flight: " + rows).isIn(0, FLASH_COUNT);
                for (String row : rows) {
                    String[] cells = row.split("\\|");
                    assertThat(cells[1]).as("lifecycle of " + row).isEqualTo("open");
                    assertThat(Long.parseLong(cells[3])).as("reminders of " + row).isPositive();
                    flash.put(Long.parseLong(cells[0]), new Flash("open", Long.parseLong(cells[2])));
                }
                return rows.isEmpty() ? Outcome.ABSENT : Outcome.APPLIED;
            }
            case Extend x -> {
                Flash before = flash.get(x.id());
                Flash extended = new Flash("extended", x.to().toEpochMilli());
                Flash now = flashState(s, x.id());
                assertThat(now).as("flash extend killed in flight").isIn(before, extended);
                flash.put(x.id(), now);
                return now.equals(before) ? Outcome.ABSENT : Outcome.APPLIED;
            }
            case Dissolve d -> {
                Flash before = flash.get(d.id());
                Flash now = flashState(s, d.id());
                String status = groupStatus(s, d.id());
                boolean applied = now.state().equals("dissolved");
                assertThat(now).as("flash dissolve killed in flight")
                        .isEqualTo(applied ? new Flash("dissolved", before.dueMillis()) : before);
                assertThat(status.equals("dissolved")).as("group status moved with the lifecycle").isEqualTo(applied);
                flash.put(d.id(), now);
                return applied ? Outcome.APPLIED : Outcome.ABSENT;
            }
        }
    }

    private static List<String> batch(Statement s, GroupsImport g) throws SQLException {
        List<String> rows = new ArrayList<>(UpgradeTest.rows(s, "SELECT g.external_id, g.name, g.member_count,"
                + " (SELECT group_concat(t.tag) FROM group_tag t WHERE t.group_id = g.id) FROM chat_group g"
                + " WHERE g.external_id LIKE 'e" + g.n() + "x%@chatroom'"));
        rows.sort(null);
        return rows;
    }

    private static Flash flashState(Statement s, long id) throws SQLException {
        List<String> row = UpgradeTest.rows(s, "SELECT state, due_at FROM flash_lifecycle WHERE group_id = " + id);
        assertThat(row).as("flash group " + id).hasSize(1);
        String[] cells = row.getFirst().split("\\|");
        return new Flash(cells[0], Long.parseLong(cells[1]));
    }

    private static String groupStatus(Statement s, long id) throws SQLException {
        return CrashSafetyTest.text(s, "SELECT status FROM chat_group WHERE id = " + id);
    }
}
