package com.qundesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.core.MutableClock;
import com.qundesk.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark at the small scale, as CI runs it: generate, build the workspace through the services and measure
 * the in-process figures. It checks that it finishes, that the workspace holds exactly what the scale says and that
 * the JSON has its keys; it never asserts a time.
 */
class BenchSmokeTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T01:00:00Z"));

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.run(args, clock, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("exit code; stderr: %s; stdout: %s", err, out).isZero();
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void generatesTheSameBytesForTheSameSeedAndDay() throws Exception {
        run("generate", "--scale", "small", "--out", dir.resolve("a").toString(), "--until", "2026-11-30");
        run("generate", "--scale", "small", "--out", dir.resolve("b").toString(), "--until", "2026-11-30");
        Map<String, String> a = digests(dir.resolve("a"));
        assertThat(a).containsKeys("registry.csv", "values.csv", "outcomes.csv", "stats.csv", "manifest.json");
        assertThat(a.keySet()).anyMatch(k -> k.startsWith("chats/pywxdump/") && k.endsWith("users.json"));
        assertThat(a.keySet()).anyMatch(k -> k.startsWith("chats/wechatmsg/") && k.endsWith(".csv"));
        assertThat(digests(dir.resolve("b"))).isEqualTo(a);
        byte[] head = Files.readAllBytes(dir.resolve("a").resolve(new ObjectMapper()
                .readTree(dir.resolve("a/manifest.json").toFile()).get("headline").asText()));
        assertThat(new String(head, 0, 120, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,");
    }

    @Test
    void smallScaleBuildsTheWorkspaceAndWritesTheFigures() throws Exception {
        Path inputs = dir.resolve("inputs");
        Path json = dir.resolve("small.json");
        run("generate", "--scale", "small", "--out", inputs.toString(), "--until", "2026-11-30");
        String out = run("run", "--scale", "small", "--dir", inputs.toString(), "--only", "import,dashboard",
                "--json", json.toString())[0];
        assertThat(out).contains("importMessagesPerSecond", "dashboardP95Ms");

        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertThat(r.get("scale").asText()).isEqualTo("small");
        assertThat(r.get("machine").get("nproc").asInt()).isPositive();
        assertThat(r.get("buildProblems")).isEmpty();
        JsonNode sizes = r.get("sizes");
        assertThat(sizes.get("groups").asLong()).isEqualTo(BenchScale.SMALL.groups);
        assertThat(sizes.get("flashGroups").asLong()).isEqualTo(BenchScale.SMALL.flashGroups);
        assertThat(sizes.get("campaigns").asLong()).isEqualTo(BenchScale.SMALL.campaigns);
        assertThat(sizes.get("valueEvents").asLong()).isEqualTo(BenchScale.SMALL.valueEvents);
        assertThat(sizes.get("outcomes").asLong()).isEqualTo(BenchScale.SMALL.outcomes);
        assertThat(sizes.get("dailyStats").asLong()).isEqualTo(BenchScale.SMALL.dailyStats);
        assertThat(sizes.get("messages").asLong()).isEqualTo(BenchScale.SMALL.messages);

        JsonNode imp = r.get("import");
        assertThat(imp.get("bigWorkspace").get("rowsRead").asLong()).isEqualTo(BenchScale.SMALL.headlineMessages);
        assertThat(imp.get("bigWorkspace").get("imported").asLong()).isEqualTo(BenchScale.SMALL.headlineMessages);
        assertThat(imp.get("bigWorkspace").has("messagesPerSecond")).isTrue();
        assertThat(imp.get("emptyWorkspace").get("imported").asLong()).isEqualTo(BenchScale.SMALL.headlineMessages);
        JsonNode floor = imp.get("sqlite3Import");
        assertThat(floor.has("rowsPerSecond") || floor.has("skipped")).isTrue();
        if (floor.has("rows")) {
            assertThat(floor.get("rows").asLong()).isEqualTo(BenchScale.SMALL.headlineMessages);
        }
        JsonNode dash = r.get("dashboard");
        for (String k : List.of("portfolio", "health", "groupDetail")) {
            assertThat(dash.get(k).get("runs").asInt()).as(k).isEqualTo(BenchRunner.RUNS);
            assertThat(dash.get(k).has("medianMs")).as(k).isTrue();
            assertThat(dash.get(k).has("p95Ms")).as(k).isTrue();
        }
        assertThat(dash.get("liveGroupsJudged").asInt()).isPositive();
        assertThat(dash.get("busyCore").isBoolean()).isTrue();
        assertThat(r.get("targets").fieldNames()).toIterable().contains("importMessagesPerSecond",
                "importRatioToSqlite3", "dashboardP95Ms", "groupDetailP95Ms", "coldStartFirstFrameMs",
                "startViewWithDataMs", "peakRssMiB", "longestPulseGapMs");
        assertThat(r.has("coldstart")).isFalse();

        // the spawned-app figures say why they were not measured rather than failing
        run("run", "--scale", "small", "--dir", inputs.toString(), "--only", "coldstart",
                "--jar", dir.resolve("missing.jar").toString(), "--json", json.toString());
        JsonNode again = new ObjectMapper().readTree(json.toFile());
        assertThat(again.get("coldstart").get("skipped").asText()).contains("missing.jar");
        assertThat(again.has("build")).as("the built workspace is reused").isFalse();
    }

    /** The server path ({@code --workspace postgresql://…}) on the tests' own PostgreSQL, so that it cannot rot. */
    @Test
    void smallScaleOnAServerCopiesTheWorkspaceAndMeasuresImportAndDashboardThere() throws Exception {
        PostgresServer.Database db = PostgresServer.database(BenchSmokeTest.class);
        Path inputs = dir.resolve("inputs");
        Path json = dir.resolve("small.json");
        run("generate", "--scale", "small", "--out", inputs.toString(), "--until", "2026-11-30");
        String out = run("run", "--scale", "small", "--dir", inputs.toString(), "--only", "import,dashboard",
                "--json", json.toString(), "--workspace", db.address().display(), "--server-runs", "1")[0];
        assertThat(out).contains("portfolio, alternated", "serverPortfolioMedianRatio", "serverImportVsPsqlCsv");

        JsonNode server = new ObjectMapper().readTree(json.toFile()).get("server");
        assertThat(server.get("address").asText()).isEqualTo(db.address().display());
        assertThat(server.get("workspace").get("copiedRows").asLong()).isGreaterThan(BenchScale.SMALL.messages);
        JsonNode dash = server.get("dashboard");
        for (String k : List.of("portfolio", "health", "groupDetail")) {
            assertThat(dash.get(k).get("runs").asInt()).as(k).isEqualTo(BenchRunner.RUNS);
        }
        assertThat(dash.get("liveGroupsJudged").asInt()).as("the same verdicts as on the file")
                .isEqualTo(new ObjectMapper().readTree(json.toFile()).get("dashboard").get("liveGroupsJudged").asInt());
        assertThat(server.get("portfolioAlternated").get("server").get("runs").asInt()).isEqualTo(BenchRunner.RUNS);
        assertThat(server.get("dashboardRatios").has("portfolioMedian")).isTrue();

        JsonNode imp = server.get("import");
        JsonNode first = imp.get("runs").get(0);
        assertThat(first.get("rowsRead").asLong()).isEqualTo(BenchScale.SMALL.headlineMessages);
        assertThat(first.get("imported").asLong()).isEqualTo(BenchScale.SMALL.headlineMessages);
        assertThat(imp.get("storedRowsExported").asLong()).isEqualTo(BenchScale.SMALL.headlineMessages);
        JsonNode csv = imp.get("psqlCsv").get(0);
        JsonNode rows = imp.get("psqlStoredRows").get(0);
        // psql is the machine's (not needed by the tests): without it the floors say so
        assertThat(csv.has("rows") || csv.get("skipped").asText().contains("psql")).isTrue();
        if (csv.has("rows")) {
            assertThat(csv.get("rows").asLong()).isEqualTo(BenchScale.SMALL.headlineMessages);
            assertThat(rows.get("rows").asLong()).isEqualTo(BenchScale.SMALL.headlineMessages);
            assertThat(imp.has("ratioToPsqlCsv")).isTrue();
        }
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE '" + db.name() + "\\_%' ORDER BY 1")) {
            List<String> left = new java.util.ArrayList<>();
            while (rs.next()) {
                left.add(rs.getString(1));
            }
            assertThat(left).as("the import and floor databases are dropped, the copy kept for a look")
                    .containsExactly(db.name() + "_ws");
        }
    }

    private static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                out.put(root.relativize(p).toString().replace('\\', '/'),
                        HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
