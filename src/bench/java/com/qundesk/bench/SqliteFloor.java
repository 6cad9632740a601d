package com.qundesk.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The floor for the import figure: the sqlite3 shell's {@code .import} of the same CSV into a bare twelve-column
 * table of a fresh database file (default journal and synchronous settings, one transaction, no parsing beyond CSV,
 * no indices). Timed as the whole shell process, start to exit.
 */
final class SqliteFloor {

    private SqliteFloor() {
    }

    static Map<String, Object> measure(Path csv, Path work, int runs) throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Path> sqlite = Display.onPath("sqlite3");
        if (sqlite.isEmpty()) {
            out.put("skipped", "sqlite3 is not on PATH");
            return out;
        }
        Files.createDirectories(work);
        Path db = work.resolve("sqlite3-floor.db");
        String script = "CREATE TABLE t(localId, TalkerId, Type, SubType, IsSender, CreateTime, Status, StrContent, "
                + "StrTime, Remark, NickName, Sender);\n.import --csv --skip 1 '" + csv.toAbsolutePath() + "' t\n"
                + "SELECT count(*) FROM t;\n";
        List<Double> seconds = new ArrayList<>();
        long rows = 0;
        String version = "";
        for (int i = 0; i < runs; i++) {
            Files.deleteIfExists(db);
            Files.deleteIfExists(work.resolve("sqlite3-floor.db-journal"));
            ProcessBuilder pb = new ProcessBuilder(sqlite.get().toString(), db.toString()).redirectErrorStream(true);
            long t0 = System.nanoTime();
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int code = p.waitFor();
            seconds.add((System.nanoTime() - t0) / 1e9);
            if (code != 0) {
                out.put("skipped", "sqlite3 failed (" + code + "): " + output);
                return out;
            }
            String[] lines = output.split("\\R");
            rows = Long.parseLong(lines[lines.length - 1].strip());
        }
        Process v = new ProcessBuilder(sqlite.get().toString(), "--version").redirectErrorStream(true).start();
        version = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        v.waitFor();
        Files.deleteIfExists(db);
        double median = Bench.median(seconds);
        out.put("sqlite3", version.split(" ")[0]);
        out.put("rows", rows);
        out.put("seconds", Bench.round(median, 3));
        out.put("samplesSeconds", seconds.stream().map(s -> Bench.round(s, 3)).toList());
        out.put("rowsPerSecond", Math.round(rows / median));
        return out;
    }
}
