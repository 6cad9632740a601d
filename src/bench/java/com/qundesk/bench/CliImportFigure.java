package com.qundesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The command line's import as an operator runs it (issue 17, target 1): {@code java <jvm.options> -jar qundesk.jar
 * import chat FOLDER --create-groups --workspace FRESH} on a 20-group WeChatMsg export, timed as a separate process
 * from start to exit, alternated in one run with the sqlite3 shell's {@code .import} of the same 20 CSV files into
 * bare tables of a fresh database (one shell process, also start to exit). The export is generated deterministically
 * beside the other inputs ({@code <dir>/cli-import/wechatmsg}, one folder per group as WeChatMsg writes them).
 * When the launcher the README gives for the command line is there ({@code bin/qundesk} beside the jar's
 * {@code target/}), that is what is timed — its AOT cache trained first by {@code bin/qundesk-aot-train} on two
 * groups of the export when missing — and {@code java <jvm.options> -jar} is timed in the same rounds beside it.
 * The same 20 chats are also written as a PyWxDump 3.x folder ({@code <dir>/cli-import/pywxdump}: 200 pages of 5,000
 * rows with each room's {@code users.json}) and imported by the same command line in each round, beside the sqlite3
 * shell's {@code .import} of those pages into a bare table per group.
 */
final class CliImportFigure {

    static final int GROUPS = 20;
    private static final String FOLDER = "cli-import";

    private final Path jar;
    private final Path root;
    private final List<String> jvmOptions;
    private final PrintWriter out;

    CliImportFigure(Path jar, Path inputs, List<String> jvmOptions, PrintWriter out) {
        this.jar = jar;
        this.root = inputs.resolve(FOLDER);
        this.jvmOptions = jvmOptions;
        this.out = out;
    }

    /** Generates the export when missing, then alternates the two commands {@code runs} times; writes {@code json}. */
    Map<String, Object> run(BenchScale scale, long seed, int runs, Path json) throws IOException, InterruptedException {
        Path export = root.resolve("wechatmsg");
        List<Path> csvs = generate(export, scale.headlineMessages, seed);
        Path work = root.resolve("work");
        Files.createDirectories(work);
        Path home = work.resolve("home");
        Files.createDirectories(home);
        Path ws = work.resolve("fresh.qundesk");
        Path floorDb = work.resolve("sqlite3-floor.db");
        Optional<Path> sqlite = Display.onPath("sqlite3");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scale", scale.token());
        r.put("export", export.toAbsolutePath().toString());
        r.put("files", csvs.size());
        r.put("bytes", totalBytes(csvs));
        List<String> cmd = command(home, ws, export);
        r.put("command", String.join(" ", cmd));
        r.put("machine", Bench.machine());
        r.put("loadAtStart", Bench.loadText());
        Optional<Path> launcher = launcher();
        List<String> launcherCmd = launcher.map(l -> launcherCommand(l, ws, export)).orElse(null);
        if (launcher.isPresent()) {
            train(launcher.get(), export, work);
            r.put("launcherCommand", String.join(" ", launcherCmd));
        }
        // the same chats as a PyWxDump folder, through the same command line (the launcher when there)
        Path pyExport = root.resolve("pywxdump");
        List<List<Path>> pages = generatePyWxDump(pyExport, scale.headlineMessages, seed);
        List<String> pyCmd = launcherCmd != null ? launcherCommand(launcher.get(), ws, pyExport)
                : command(home, ws, pyExport);
        Path pyFloorDb = work.resolve("sqlite3-floor-pywxdump.db");
        r.put("pywxdumpExport", pyExport.toAbsolutePath().toString());
        r.put("pywxdumpPages", pages.stream().mapToInt(List::size).sum());
        r.put("pywxdumpBytes", totalBytes(pages.stream().flatMap(List::stream).toList()));
        r.put("pywxdumpCommand", String.join(" ", pyCmd));
        List<Double> py = new ArrayList<>();
        List<Double> pyFloor = new ArrayList<>();
        List<Double> viaLauncher = new ArrayList<>();
        List<Double> cli = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("load", Bench.loadText());
            init(home, ws, work);
            if (launcherCmd != null) {
                double l = exec(launcherCmd, work.resolve("cli-launcher-" + (i + 1) + ".log"));
                viaLauncher.add(l);
                round.put("launcherSeconds", Bench.round(l, 3));
                init(home, ws, work);
            }
            double a = exec(cmd, work.resolve("cli-import-" + (i + 1) + ".log"));
            cli.add(a);
            round.put("cliSeconds", Bench.round(a, 3));
            round.put("messagesStored", count(sqlite, ws, "SELECT count(*) FROM chat_message"));
            if (sqlite.isPresent()) {
                fresh(floorDb);
                double b = sqliteImport(sqlite.get(), floorDb, csvs, work.resolve("sqlite3-" + (i + 1) + ".log"));
                floor.add(b);
                round.put("sqlite3Seconds", Bench.round(b, 3));
            }
            init(home, ws, work);
            double c = exec(pyCmd, work.resolve("cli-pywxdump-" + (i + 1) + ".log"));
            py.add(c);
            round.put("pywxdumpSeconds", Bench.round(c, 3));
            round.put("pywxdumpMessagesStored", count(sqlite, ws, "SELECT count(*) FROM chat_message"));
            if (sqlite.isPresent()) {
                fresh(pyFloorDb);
                double d = sqliteImportPages(sqlite.get(), pyFloorDb, pages,
                        work.resolve("sqlite3-pywxdump-" + (i + 1) + ".log"));
                pyFloor.add(d);
                round.put("pywxdumpSqlite3Seconds", Bench.round(d, 3));
            }
            rounds.add(round);
            log(String.format(Locale.ROOT, "  run %d, PyWxDump folder (%d pages): %s %.2f s, sqlite3 .import %s",
                    i + 1, r.get("pywxdumpPages"), launcherCmd != null ? "bin/qundesk" : "java -jar", c,
                    pyFloor.size() > i ? String.format(Locale.ROOT, "%.2f s", pyFloor.get(i)) : "-"));
            log(String.format(Locale.ROOT, "  run %d: bin/qundesk %s, java -jar %.2f s, sqlite3 .import %s (load %s)", i + 1,
                    viaLauncher.size() > i ? String.format(Locale.ROOT, "%.2f s", viaLauncher.get(i)) : "-", a, floor.size() > i ? String.format(Locale.ROOT, "%.2f s", floor.get(i)) : "-", round.get("load")));
        }
        r.put("runs", rounds);
        r.put("cliMedianSeconds", Bench.round(Bench.median(cli), 3));
        if (!viaLauncher.isEmpty()) {
            r.put("launcherMedianSeconds", Bench.round(Bench.median(viaLauncher), 3));
        }
        if (sqlite.isEmpty()) {
            r.put("sqlite3", "skipped: sqlite3 is not on PATH");
        } else {
            r.put("sqlite3Rows", count(sqlite, floorDb, sumOfTables(csvs.size())));
            r.put("sqlite3MedianSeconds", Bench.round(Bench.median(floor), 3));
            r.put("ratioCliToSqlite3", Bench.round(Bench.median(cli) / Bench.median(floor), 2));
            log(String.format(Locale.ROOT, "cli-import: java -jar median %.2f s, sqlite3 .import %.2f s, ratio %.2f×",
                    Bench.median(cli), Bench.median(floor), Bench.median(cli) / Bench.median(floor)));
            if (!viaLauncher.isEmpty()) {
                r.put("ratioLauncherToSqlite3", Bench.round(Bench.median(viaLauncher) / Bench.median(floor), 2));
                log(String.format(Locale.ROOT, "cli-import: bin/qundesk median %.2f s, ratio %.2f×",
                        Bench.median(viaLauncher), Bench.median(viaLauncher) / Bench.median(floor)));
            }
        }
        r.put("pywxdumpMedianSeconds", Bench.round(Bench.median(py), 3));
        if (sqlite.isPresent()) {
            r.put("pywxdumpSqlite3Rows", count(sqlite, pyFloorDb, sumOfTables(pages.size())));
            r.put("pywxdumpSqlite3MedianSeconds", Bench.round(Bench.median(pyFloor), 3));
            r.put("ratioPywxdumpToSqlite3", Bench.round(Bench.median(py) / Bench.median(pyFloor), 2));
            log(String.format(Locale.ROOT, "cli-import: PyWxDump folder median %.2f s, sqlite3 .import %.2f s, ratio %.2f×",
                    Bench.median(py), Bench.median(pyFloor), Bench.median(py) / Bench.median(pyFloor)));
        }
        r.put("loadAtEnd", Bench.loadText());
        Files.createDirectories(json.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), r);
        log("Wrote " + json);
        return r;
    }

    /** A fresh workspace made by the app's {@code init} (not timed). */
    private void init(Path home, Path ws, Path work) throws IOException, InterruptedException {
        fresh(ws);
        exec(List.of(java(), "-Dqundesk.home=" + home.toAbsolutePath(), "-jar", jar.toAbsolutePath().toString(),
                "init", "--workspace", ws.toAbsolutePath().toString()), work.resolve("init.log"));
    }

    /** The command line as the README gives it: java, the app's JVM options, -jar. */
    private List<String> command(Path home, Path ws, Path export) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(com.qundesk.app.JvmOptions.forTheApp());
        cmd.addAll(jvmOptions);
        cmd.add("-Dqundesk.home=" + home.toAbsolutePath());
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        cmd.addAll(List.of("import", "chat", export.toAbsolutePath().toString(), "--create-groups", "--workspace",
                ws.toAbsolutePath().toString()));
        return cmd;
    }

    /** bin/qundesk of the source tree the jar was built in (target/qundesk.jar → bin/qundesk), when there. */
    private Optional<Path> launcher() {
        Path target = jar.toAbsolutePath().getParent();
        Path l = target == null || target.getParent() == null ? null : target.getParent().resolve("bin/qundesk");
        return l != null && Files.isExecutable(l) ? Optional.of(l) : Optional.empty();
    }

    private static List<String> launcherCommand(Path launcher, Path ws, Path export) {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "import", "chat",
                export.toAbsolutePath().toString(), "--create-groups", "--workspace", ws.toAbsolutePath().toString()));
        return cmd;
    }

    /** The launcher's documented training run, on a copy of two groups of the export, when its cache is missing or stale. */
    private void train(Path launcher, Path export, Path work) throws IOException, InterruptedException {
        Path cache = jar.toAbsolutePath().resolveSibling("qundesk-cli.aot");
        if (Files.exists(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            log("cli-import: using the launcher's AOT cache " + cache);
            return;
        }
        Path sample = work.resolve("training");
        if (!Files.isDirectory(sample)) {
            List<Path> groups;
            try (var s = Files.list(export)) {
                groups = s.sorted().limit(2).toList();
            }
            for (Path g : groups) {
                Path to = Files.createDirectories(sample.resolve(g.getFileName().toString()));
                try (var files = Files.list(g)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, to.resolve(f.getFileName().toString()));
                    }
                }
            }
        }
        log("cli-import: training the launcher's AOT cache (bin/qundesk-aot-train): none, or older than the jar");
        double s = exec(List.of(launcher.resolveSibling("qundesk-aot-train").toString(), sample.toString()),
                work.resolve("aot-train.log"));
        log(String.format(Locale.ROOT, "  trained in %.1f s", s));
    }

    /**
     * The same 20 chats as PyWxDump 3.x writes them: {@code <owner>/csv/<chat_id>/<chat_id>_<i>_<j>.csv} pages of
     * 5,000 rows with the room's {@code users.json}; returns each group's pages, in order, one list a group.
     */
    static List<List<Path>> generatePyWxDump(Path export, long total, long seed) throws IOException {
        Path marker = export.resolveSibling("generated-pywxdump-" + total + "-" + seed);
        boolean have = Files.exists(marker);
        List<List<Path>> groups = new ArrayList<>();
        for (int i = 1; i <= GROUPS; i++) {
            Path dir = have ? export.resolve(BenchPlan.OWNER_WXID).resolve("csv").resolve(chatId(i))
                    : ChatExportWriter.writePyWxDump(export, name(i), chatId(i), synth(seed, i), FROM, TO, share(total, i));
            try (var pages = Files.list(dir)) {
                groups.add(pages.filter(f -> f.getFileName().toString().endsWith(".csv"))
                        .sorted(java.util.Comparator.comparingLong(CliImportFigure::firstRow)).toList());
            }
        }
        if (!have) {
            Files.writeString(marker, "");
        }
        return groups;
    }

    /** A PyWxDump page's first row number: {@code <chat_id>_<first>_<end>.csv}. */
    private static long firstRow(Path page) {
        String[] parts = page.getFileName().toString().split("_");
        return Long.parseLong(parts[parts.length - 2]);
    }

    private static final Instant FROM = LocalDate.of(2026, 6, 1).atStartOfDay(BenchPlan.ZONE).toInstant();
    private static final Instant TO = LocalDate.of(2026, 12, 1).atStartOfDay(BenchPlan.ZONE).toInstant();

    private static String name(int i) {
        return String.format(Locale.ROOT, "命令行群%02d", i);
    }

    private static String chatId(int i) {
        return (40_000_000_000L + i * 104_729L) + "@chatroom";
    }

    private static ChatSynth synth(long seed, int i) {
        return new ChatSynth(seed, 200_000 + i, 180);
    }

    /** Group {@code i}'s share of {@code total} messages. */
    private static long share(long total, int i) {
        return total / GROUPS + (i <= total % GROUPS ? 1 : 0);
    }

    /** One WeChatMsg folder per group, {@code total} messages over the 20; the same files for the same seed. */
    static List<Path> generate(Path export, long total, long seed) throws IOException {
        Path marker = export.resolveSibling("generated-" + total + "-" + seed);
        List<Path> files = new ArrayList<>();
        boolean have = Files.exists(marker);
        for (int i = 1; i <= GROUPS; i++) {
            Path file = export.resolve(name(i) + "(" + chatId(i) + ")").resolve(name(i) + ".csv");
            if (!have) {
                ChatExportWriter.writeWeChatMsg(export, name(i), chatId(i), synth(seed, i), FROM, TO, share(total, i),
                        500 + i);
            }
            files.add(file);
        }
        if (!have) {
            Files.writeString(marker, "");
        }
        return files;
    }

    /** One sqlite3 shell: a bare twelve-column table per file, {@code .import} of each. Start to exit, seconds. */
    private static double sqliteImport(Path sqlite, Path db, List<Path> csvs, Path log)
            throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder(".mode csv\n");
        for (int i = 0; i < csvs.size(); i++) {
            script.append("CREATE TABLE t").append(i).append("(localId, TalkerId, Type, SubType, IsSender, CreateTime, ")
                    .append("Status, StrContent, StrTime, Remark, NickName, Sender);\n")
                    .append(".import --skip 1 '").append(csvs.get(i).toAbsolutePath()).append("' t").append(i)
                    .append('\n');
        }
        return sqliteScript(sqlite, db, script, log);
    }

    /**
     * One sqlite3 shell for PyWxDump pages: a bare table per group, created from its first page's header row by
     * {@code .import}, every later page appended without its header. Start to exit, seconds.
     */
    private static double sqliteImportPages(Path sqlite, Path db, List<List<Path>> groups, Path log)
            throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder(".mode csv\n");
        for (int i = 0; i < groups.size(); i++) {
            for (int j = 0; j < groups.get(i).size(); j++) {
                script.append(".import ").append(j == 0 ? "" : "--skip 1 ").append('\'')
                        .append(groups.get(i).get(j).toAbsolutePath()).append("' t").append(i).append('\n');
            }
        }
        return sqliteScript(sqlite, db, script, log);
    }

    private static double sqliteScript(Path sqlite, Path db, StringBuilder script, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(sqlite.toString(), db.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(script.toString().getBytes(StandardCharsets.UTF_8));
        }
        int code = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IOException("sqlite3 failed (" + code + "): see " + log);
        }
        return s;
    }

    private double exec(List<String> cmd, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("QUNDESK_JAR", jar.toAbsolutePath().toString());
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dqundesk.home=" + log.resolveSibling("home").toAbsolutePath());
        long t0 = System.nanoTime();
        int code = pb.start().waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IOException("exit " + code + " from " + String.join(" ", cmd) + ": see " + log);
        }
        return s;
    }

    private static Object count(Optional<Path> sqlite, Path db, String sql) throws IOException, InterruptedException {
        if (sqlite.isEmpty()) {
            return "unknown (no sqlite3)";
        }
        Process p = new ProcessBuilder(sqlite.get().toString(), "-readonly", db.toString(), sql)
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static String sumOfTables(int n) {
        StringBuilder sb = new StringBuilder("SELECT 0");
        for (int i = 0; i < n; i++) {
            sb.append(" + (SELECT count(*) FROM t").append(i).append(')');
        }
        return sb.toString();
    }

    private static void fresh(Path db) throws IOException {
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
    }

    private static long totalBytes(List<Path> files) throws IOException {
        long sum = 0;
        for (Path f : files) {
            sum += Files.size(f);
        }
        return sum;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void log(String line) {
        out.println(line);
        out.flush();
    }
}
