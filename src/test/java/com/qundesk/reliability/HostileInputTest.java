package com.qundesk.reliability;

import com.qundesk.cli.QunDeskCli;
import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import com.qundesk.group.registry.RegistryImporter;
import com.qundesk.i18n.Localizable;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportProgress;
import com.qundesk.imports.ImportResult;
import com.qundesk.imports.Rejection;
import com.qundesk.imports.wecom.WecomImportService;
import com.qundesk.io.RejectedRow;
import com.qundesk.reliability.FuzzCorpusGenerator.Case;
import com.qundesk.reliability.FuzzSeeds.Seed;
import com.qundesk.reliability.FuzzSeeds.Target;
import com.qundesk.reliability.WorkspaceSnapshot.Scope;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.value.LedgerImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile input: every file of the committed corpus ({@code src/test/resources/fuzz}, written by
 * {@link FuzzCorpusGenerator}) and the large cases made at test time go through the real entry points — chat imports,
 * WeCom imports, the registry and the ledger importers — against a workspace that already holds data. Each must end
 * in a clean import or a clear error (an exception the operator can read: {@link Localizable}, with its message key in
 * both bundles), never in another exception, a hang (10 s for the small files) or an {@link OutOfMemoryError}; and no
 * row outside what that import may touch changes. A few go through the CLI too: exit 1 or 2, no stack trace.
 */
class HostileInputTest {

    private static final Duration SMALL_LIMIT = Duration.ofSeconds(10);
    private static final Duration LARGE_LIMIT = Duration.ofSeconds(60);
    /** The corpus in the source tree (not target/test-classes, which keeps files a regeneration removed). */
    private static final Path CORPUS = Path.of("src/test/resources/fuzz");
    private static final Set<String> LEDGER_TABLES = Set.of("value_event", "outcome", "daily_stat");

    @TempDir
    static Path dir;
    /** The populated workspace each format's files are imported into a fresh copy of. */
    private static FuzzWorkspace template;
    private static String currentFormat;
    private static FuzzWorkspace current;
    private static Properties english;
    private static Properties chinese;
    private static final Map<String, Seed> SEEDS = new LinkedHashMap<>();
    /** Per format: files, clean imports, clean imports with refused rows, clear errors, slowest ms, total ms. */
    private static final Map<String, long[]> FIGURES = new TreeMap<>();
    private static long snapshotNanos;

    record Attempt(Object result, Throwable error) {
    }

    @BeforeAll
    static void workspaces() throws IOException {
        template = FuzzWorkspace.create(dir.resolve("template"));
        english = bundle("messages.properties");
        chinese = bundle("messages_zh_CN.properties");
        FuzzSeeds.all().forEach(s -> SEEDS.put(s.format(), s));
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/com/qundesk/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @AfterAll
    static void printFigures() {
        long[] total = new long[6];
        StringBuilder b = new StringBuilder("Hostile input, per format: files | clean imports (of which with refused"
                + " rows) | clear errors | slowest ms\n");
        FIGURES.forEach((format, f) -> {
            b.append("  %-21s %4d | %4d (%d) | %4d | %5d%n".formatted(format, f[0], f[1], f[2], f[3], f[4]));
            for (int i = 0; i < 4; i++) {
                total[i] += f[i];
            }
            total[4] = Math.max(total[4], f[4]);
            total[5] += f[5];
        });
        b.append("  %-21s %4d | %4d (%d) | %4d | %5d%n".formatted("total", total[0], total[1], total[2], total[3],
                total[4]));
        b.append("  imports took %d ms in all, snapshots %d ms%n".formatted(total[5], snapshotNanos / 1_000_000));
        System.out.print(b);
    }

    /** The committed corpus is exactly what the generator writes (regenerate with -Dqundesk.fuzz.regenerate=true). */
    @Test
    void theCommittedCorpusIsWhatTheGeneratorWrites() throws Exception {
        List<Case> corpus = FuzzCorpusGenerator.corpus();
        if (Boolean.getBoolean("qundesk.fuzz.regenerate")) {
            FuzzCorpusGenerator.write(CORPUS, corpus);
        }
        Path root = CORPUS;
        Map<String, byte[]> committed = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                committed.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        assertThat(committed.keySet()).as("regenerate the corpus: -Dqundesk.fuzz.regenerate=true")
                .containsExactlyInAnyOrderElementsOf(corpus.stream().map(Case::path).toList());
        for (Case c : corpus) {
            assertThat(committed.get(c.path())).as(c.path()).isEqualTo(c.bytes());
        }
        assertThat(corpus.stream().filter(c -> !c.path().endsWith("users.json"))).hasSizeGreaterThanOrEqualTo(200);
        assertThat(corpus.stream().mapToLong(c -> c.bytes().length).sum()).isLessThan(5L << 20);
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileEndsInACleanImportOrAClearError() throws Exception {
        Path root = CORPUS;
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            String only = System.getProperty("qundesk.fuzz.only", "");
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("users.json"))
                    .filter(p -> root.relativize(p).toString().startsWith(only)).sorted().toList();
        }
        return files.stream().map(f -> {
            String rel = root.relativize(f).toString().replace('\\', '/');
            Seed seed = SEEDS.get(rel.substring(0, rel.indexOf('/')));
            return DynamicTest.dynamicTest(rel, () -> check(rel, f, seed, SMALL_LIMIT));
        });
    }

    @TestFactory
    Stream<DynamicTest> largeFilesEndCleanlyToo() {
        Path root = dir.resolve("large");
        return FuzzCorpusGenerator.large().stream().map(c -> DynamicTest.dynamicTest(c.path(), () -> {
            FuzzCorpusGenerator.writeTo(root, List.of(c));
            Path f = root.resolve(c.path());
            // the promise: a file of up to 1 MB finishes in under 10 s (the 100k-column sheets are under 1 MB)
            check(c.path(), f, SEEDS.get(c.path().substring(0, c.path().indexOf('/'))),
                    c.bytes().length <= 1 << 20 ? SMALL_LIMIT : LARGE_LIMIT);
            Files.delete(f);
        }));
    }

    /** The workspace for a format's files: a fresh copy of the template per format, so none sees another's imports. */
    private static FuzzWorkspace workspaceFor(String format, String run) throws IOException {
        if (!(run + format).equals(currentFormat)) {
            if (current != null) {
                current.close();
            }
            current = FuzzWorkspace.copyOf(template, dir.resolve(run + "/" + format));
            currentFormat = run + format;
        }
        return current;
    }

    private void check(String name, Path file, Seed seed, Duration limit) throws IOException {
        boolean large = name.contains("-10mb") || name.contains("-100k");
        FuzzWorkspace ws = workspaceFor(seed.format(), large ? "large" : "small");
        Path input = seed.target() == Target.CHAT_USERS ? besidePage(file) : file;
        long snap = System.nanoTime();
        WorkspaceSnapshot before = ws.last != null ? ws.last : WorkspaceSnapshot.take(ws.reader);
        snapshotNanos += System.nanoTime() - snap;
        long maxGroup = before.maxId("chat_group");
        long maxImport = before.maxId("import_run");
        long started = System.nanoTime();
        Attempt a = assertTimeoutPreemptively(limit, () -> attempt(ws, input, seed.target()),
                () -> name + " did not finish within " + limit.toSeconds() + " s");
        long ms = (System.nanoTime() - started) / 1_000_000;
        snap = System.nanoTime();
        WorkspaceSnapshot after = WorkspaceSnapshot.take(ws.reader);
        ws.last = after;
        snapshotNanos += System.nanoTime() - snap;

        long[] f = FIGURES.computeIfAbsent(large ? "large: " + seed.format() : seed.format(), k -> new long[6]);
        f[0]++;
        f[4] = Math.max(f[4], ms);
        f[5] += ms;
        Scope scope;
        if (a.error() != null) {
            List<String> problems = unclear(a.error());
            if (!problems.isEmpty()) {
                fail(name + ": " + String.join("; ", problems), a.error());
            }
            f[3]++;
            scope = Scope.NOTHING;
        } else {
            List<String> keys = keysOf(a.result());
            assertThat(keys.stream().filter(k -> !inBothBundles(k)).toList()).as(name + ": row message keys")
                    .isEmpty();
            f[1]++;
            if (hasRefusedRows(a.result())) {
                f[2]++;
            }
            scope = scopeOf(seed.target(), ws, before, after, maxGroup, maxImport, input);
        }
        if (name.contains("000-valid.") && !name.startsWith("wecom-callback/")) {
            // (the WeCom import refuses callbacks as a whole, by design: the reader handles them)
            assertThat(a.error()).as(name + ": the seed itself must import").isNull();
        }
        if (a.error() == null && !large) {
            checkRowsArrived(name, seed, a.result(), stored(seed.target(), before, after));
        }
        assertThat(WorkspaceSnapshot.changesOutside(before, after, scope))
                .as(name + ": rows outside this import changed").isEmpty();
    }

    private static Attempt attempt(FuzzWorkspace ws, Path file, Target target) {
        try {
            var ctx = ws.w.ctx;
            Object r = switch (target) {
                case CHAT, CHAT_USERS -> ctx.chatImports().importFile(file,
                        ImportOptions.in(TestWorkspace.ZONE).creatingGroups(true), () -> false, ImportProgress.NONE);
                case WECOM -> ctx.wecomImports().importFile(file, new WecomImportService.Options(TestWorkspace.ZONE,
                        null, FuzzWorkspace.WECOM_DAY, true));
                case REGISTRY -> ctx.registryImporter().importFile(file, false);
                case VALUES -> ctx.ledgerImporter().importFile(file, LedgerImporter.Kind.VALUES);
                case OUTCOMES -> ctx.ledgerImporter().importFile(file, LedgerImporter.Kind.OUTCOMES);
                case STATS -> ctx.ledgerImporter().importFile(file, LedgerImporter.Kind.STATS);
            };
            return new Attempt(r, null);
        } catch (Throwable t) { // OutOfMemoryError and StackOverflowError included: they are failures to report
            return new Attempt(null, t);
        }
    }

    /** A mutated users.json in a PyWxDump folder beside a valid page; the page is what is imported. */
    private static Path besidePage(Path usersJson) throws IOException {
        Seed page = SEEDS.get("pywxdump3");
        Path folder = Files.createDirectories(dir.resolve("users/" + usersJson.getFileName() + "/" + page.dir()));
        Files.copy(usersJson, folder.resolve("users.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path p = folder.resolve(page.fileName().formatted("page"));
        Files.write(p, FuzzCorpusGenerator.valid(page));
        return p;
    }

    /** What an import may have changed: its own rows and the groups it fed or created. */
    private static Scope scopeOf(Target target, FuzzWorkspace ws, WorkspaceSnapshot before, WorkspaceSnapshot after,
                                 long maxGroup, long maxImport, Path file) throws IOException {
        Set<Long> created = new HashSet<>();
        for (long id = maxGroup + 1; id <= after.maxId("chat_group"); id++) {
            created.add(id);
        }
        switch (target) {
            case REGISTRY -> {
                return new Scope(created, null, null);
            }
            case VALUES, OUTCOMES, STATS -> {
                return new Scope(Set.of(ws.target1, ws.targetB), LEDGER_TABLES, null);
            }
            default -> {
                long id = after.maxId("import_run");
                if (id <= maxImport) {
                    return new Scope(created, null, null);
                }
                Set<Long> groups = new HashSet<>(created);
                for (String t : List.of("import_group", "member_snapshot", "wecom_member")) {
                    groups.addAll(after.groupsOfImport(t, id));
                }
                if (target == Target.WECOM) {
                    // a groupchat/get updates the group it names by chat id (members, owner, history)
                    byte[] bytes = Files.readAllBytes(file);
                    for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                            StandardCharsets.UTF_16BE)) {
                        groups.addAll(before.groupsNamedIn(new String(bytes, cs)));
                    }
                }
                return new Scope(groups, null, id);
            }
        }
    }

    /** Why an exception is not a clear error; empty when it is one. */
    private static List<String> unclear(Throwable e) {
        List<String> out = new ArrayList<>();
        if (!(e instanceof Localizable l)) {
            out.add("not a clear error but " + e);
            return out;
        }
        List<String> keys = new ArrayList<>(List.of(l.messageKey()));
        if (e instanceof ValidationException v) {
            v.errors().forEach(x -> keys.add(x.messageKey()));
        }
        for (String k : keys) {
            if (!inBothBundles(k)) {
                out.add("message key " + k + " is not in both bundles");
            }
        }
        return out;
    }

    private static boolean inBothBundles(String key) {
        return english.containsKey(key) && chinese.containsKey(key);
    }

    private static List<String> keysOf(Object result) {
        List<String> keys = new ArrayList<>();
        switch (result) {
            case ImportResult r -> {
                r.rejected().stream().map(Rejection::messageKey).forEach(keys::add);
                keys.addAll(r.warnings());
            }
            case WecomImportService.Result r -> keys.addAll(r.notes());
            case RegistryImporter.Report r -> r.rejected().forEach(x -> x.reasons().stream()
                    .map(FieldError::messageKey).forEach(keys::add));
            case LedgerImporter.Report r -> r.rejected().forEach((RejectedRow x) -> x.reasons().stream()
                    .map(FieldError::messageKey).forEach(keys::add));
            default -> throw new IllegalStateException(String.valueOf(result));
        }
        return keys;
    }

    /**
     * The rows of each seed, counted from {@link FuzzSeeds}: messages and notices of a chat file, members and stat
     * days of a WeCom response, groups of a registry, rows of a ledger file.
     */
    private static final Map<String, Integer> SEED_ROWS = Map.ofEntries(Map.entry("wechatmsg12", 7),
            Map.entry("wechatmsg9", 7), Map.entry("wechatmsg-all", 4), Map.entry("wechatmsg-v2", 4),
            Map.entry("pywxdump3", 4), Map.entry("pywxdump2", 3), Map.entry("pywxdump-users", 4),
            Map.entry("chatlog-csv", 3), Map.entry("chatlog-json", 4), Map.entry("weflow", 4), Map.entry("arkme", 3),
            Map.entry("chatlab-json", 3), Map.entry("chatlab-jsonl", 3), Map.entry("wecom-get", 2),
            Map.entry("wecom-list", 0), Map.entry("wecom-statistic", 2), Map.entry("wecom-byday", 2),
            Map.entry("wecom-pages", 1), Map.entry("wecom-array", 2), Map.entry("registry-csv", 3),
            Map.entry("registry-xlsx", 3), Map.entry("values-csv", 3), Map.entry("values-xlsx", 3),
            Map.entry("outcomes-csv", 3), Map.entry("outcomes-xlsx", 3), Map.entry("stats-csv", 2),
            Map.entry("stats-xlsx", 2));
    /** Seed rows the import refuses by design: WeCom chats the workspace does not hold (list and pages). */
    private static final Map<String, Integer> SEED_REFUSED = Map.of("wecom-list", 1, "wecom-pages", 3);
    /**
     * Seed rows already in the hostile-input workspace, which the seed then finds rather than adds: its earlier
     * import of the wechatmsg12 seed, the outcome and the daily stat it holds for the first target on 2026-11-20.
     */
    private static final Map<String, Integer> SEED_HELD = Map.of("wechatmsg12", 7, "outcomes-csv", 1,
            "outcomes-xlsx", 1, "stats-csv", 1, "stats-xlsx", 1);
    /** Mutations that keep every row of the seed whole, and how many times the file then holds them. */
    private static final Map<String, Integer> WHOLE_ROWS = Map.of("blank-lines", 1, "cr-only", 1, "gb18030", 1,
            "header-twice", 2, "repeat-100", 100);

    /**
     * The seed's exact counts (an import that dropped rows without a word would pass on "no error" alone), and for
     * a mutation that keeps the seed's rows whole, that they all arrived.
     */
    private static void checkRowsArrived(String name, Seed seed, Object result, long stored) {
        String format = seed.format();
        int rows = SEED_ROWS.get(format);
        if (name.contains("000-valid.")) {
            assertThat(new long[] {arrived(result), refused(result), stored}).as(name + ": rows taken, refused, added")
                    .containsExactly(rows, SEED_REFUSED.getOrDefault(format, 0),
                            rows - SEED_HELD.getOrDefault(format, 0));
            return;
        }
        String mutation = name.replaceAll(".*\\d{3}-([a-z0-9-]+?)(_utf8)?\\.[a-z]+$", "$1");
        Integer times = WHOLE_ROWS.get(mutation);
        // (a registry refuses rows whose chat id another group already has: the seed's groups are held by then)
        if (times != null && seed.target() != Target.REGISTRY) {
            assertThat(arrived(result)).as(name + ": the seed's rows, whole in the file, all arrived")
                    .isEqualTo((long) rows * times);
        }
    }

    /** The rows an import took: new ones and those it found already stored. */
    private static long arrived(Object result) {
        return switch (result) {
            case ImportResult r -> r.imported() + r.duplicates();
            case WecomImportService.Result r -> r.membersSeen() + r.statDays();
            case RegistryImporter.Report r -> r.imported();
            case LedgerImporter.Report r -> r.imported() + r.unchanged();
            default -> throw new IllegalStateException(String.valueOf(result));
        };
    }

    private static long refused(Object result) {
        return switch (result) {
            case ImportResult r -> r.rejectedCount();
            case WecomImportService.Result r -> r.unknownChats().size();
            case RegistryImporter.Report r -> r.rejected().size();
            case LedgerImporter.Report r -> r.rejected().size();
            default -> throw new IllegalStateException(String.valueOf(result));
        };
    }

    /** Rows the import added to the tables its target writes. */
    private static long stored(Target target, WorkspaceSnapshot before, WorkspaceSnapshot after) {
        List<String> tables = switch (target) {
            case CHAT, CHAT_USERS -> List.of("chat_message");
            case WECOM -> List.of("wecom_member", "wecom_stat");
            case REGISTRY -> List.of("chat_group");
            case VALUES -> List.of("value_event");
            case OUTCOMES -> List.of("outcome");
            case STATS -> List.of("daily_stat");
        };
        return tables.stream().mapToLong(t -> after.count(t) - before.count(t)).sum();
    }

    private static boolean hasRefusedRows(Object result) {
        return switch (result) {
            case ImportResult r -> r.rejectedCount() > 0;
            case WecomImportService.Result r -> !r.complete();
            case RegistryImporter.Report r -> !r.complete();
            case LedgerImporter.Report r -> !r.complete();
            default -> false;
        };
    }

    // ------------------------------------------------------------------------------------------------------- CLI

    /** Garbage and empty files of every format through the CLI: exit 1 or 2, a line or two, no stack trace. */
    @Test
    void theCliSaysWhyInALineOrTwoWithoutAStackTrace() throws Exception {
        Path root = CORPUS;
        FuzzWorkspace ws = FuzzWorkspace.copyOf(template, dir.resolve("cli"));
        int runs = 0;
        for (Seed s : SEEDS.values()) {
            if (s.target() == Target.CHAT_USERS) {
                continue;
            }
            for (String label : List.of("trunc-a", "garbage", "empty")) {
                Path file;
                try (Stream<Path> found = Files.walk(root.resolve(s.format()))) {
                    file = found.filter(p -> p.getFileName().toString().matches(".*\\d{3}-" + label + "(_utf8)?\\.[a-z]+"))
                            .findFirst().orElseThrow();
                }
                String w = ws.w.file.toString();
                String f = file.toString();
                String[] args = switch (s.target()) {
                    case CHAT -> new String[] {"import", "chat", f, "--create-groups", "--workspace", w};
                    case WECOM -> new String[] {"import", "wecom", f, "--day", "2026-11-20", "--workspace", w};
                    case REGISTRY -> new String[] {"groups", "import", f, "--workspace", w};
                    case VALUES -> new String[] {"values", "import", f, "--workspace", w};
                    case OUTCOMES -> new String[] {"outcomes", "import", f, "--workspace", w};
                    case STATS -> new String[] {"stats", "import", f, "--workspace", w};
                    case CHAT_USERS -> throw new IllegalStateException();
                };
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = QunDeskCli.run(args, ws.w.paths, ws.w.clock, new PrintWriter(out), new PrintWriter(err));
                String e = err.toString();
                runs++;
                if (label.equals("trunc-a")) {
                    // a cut file may still hold whole rows that import: any exit code, but never a stack trace
                    assertThat(code).as(f).isIn(0, 1, 2);
                } else {
                    assertThat(code).as(f + "\n" + e).isIn(1, 2);
                    assertThat(e.lines().count()).as(f + "\n" + e).isBetween(1L, 2L);
                }
                assertThat(e).as(f).doesNotContain("Exception").doesNotContain("\tat ")
                        .doesNotContainPattern("![a-zA-Z]+\\.[a-zA-Z.]+!");
            }
        }
        ws.close();
        assertThat(runs).isGreaterThanOrEqualTo(60);
    }
}
