package com.qundesk.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qundesk.reliability.FuzzSeeds.Seed;
import com.qundesk.reliability.FuzzSeeds.Shape;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.qundesk.reliability.FuzzCorpusGenerator.utf8;

/** The mutations of {@link FuzzCorpusGenerator}, one family per method; each adds labelled cases to a map. */
final class FuzzMutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String MARK = "QQMARKQQ";

    private FuzzMutations() {
    }

    /** Byte-level damage any file can suffer: cut, garbled, NULs, nothing at all. */
    static void bytes(Map<String, byte[]> cases, byte[] valid, Random r, boolean zip) {
        for (String label : List.of("trunc-a", "trunc-b", "trunc-c")) {
            cases.put(label, java.util.Arrays.copyOf(valid, 1 + r.nextInt(valid.length - 1)));
        }
        int cut = firstMultiByte(valid);
        if (!zip && cut > 0) {
            cases.put("trunc-in-char", java.util.Arrays.copyOf(valid, cut + 1));
        }
        byte[] garbage = new byte[1024];
        r.nextBytes(garbage);
        if (zip) {
            garbage[0] = 'P';
            garbage[1] = 'K';
            garbage[2] = 3;
            garbage[3] = 4;
        }
        cases.put("garbage", garbage);
        byte[] flipped = valid.clone();
        for (int i = 0; i < 8; i++) {
            flipped[r.nextInt(flipped.length)] = (byte) r.nextInt(256);
        }
        cases.put("flips", flipped);
        ByteArrayOutputStream nul = new ByteArrayOutputStream();
        int every = Math.max(1, valid.length / 4);
        for (int i = 0; i < valid.length; i++) {
            if (i > 0 && i % every == 0) {
                nul.write(0);
            }
            nul.write(valid[i]);
        }
        cases.put("nul-bytes", nul.toByteArray());
        cases.put("empty", new byte[0]);
        cases.put("bom-only", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        cases.put("blank", utf8("  \r\n\t\n  "));
    }

    private static int firstMultiByte(byte[] b) {
        for (int i = 3; i < b.length; i++) {
            if ((b[i] & 0xE0) == 0xE0) {
                return i;
            }
        }
        return -1;
    }

    /** Text files in the wrong line ends and encodings. */
    static void text(Map<String, byte[]> cases, String valid, Random r) {
        cases.put("cr-only", utf8(valid.replace("\r\n", "\r").replace('\n', '\r')));
        String noBom = valid.startsWith("\uFEFF") ? valid.substring(1) : valid;
        cases.put("utf16le-bom", ("\uFEFF" + noBom).getBytes(StandardCharsets.UTF_16LE));
        cases.put("utf16be", noBom.getBytes(StandardCharsets.UTF_16BE));
        cases.put("gb18030", noBom.getBytes(GB18030));
        // one Chinese run in GBK bytes inside an otherwise UTF-8 file: the file is no longer valid UTF-8
        int nl = noBom.indexOf('\n');
        int at = nl;
        while (at >= 0 && at < noBom.length() && noBom.charAt(at) < 0x4E00) {
            at++;
        }
        if (at > 0 && at < noBom.length()) {
            int end = at;
            while (end < noBom.length() && noBom.charAt(end) >= 0x4E00 && end - at < 4) {
                end++;
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(utf8(noBom.substring(0, at)));
            b.writeBytes(noBom.substring(at, end).getBytes(GB18030));
            b.writeBytes(utf8(noBom.substring(end)));
            cases.put("gbk-in-utf8", b.toByteArray());
        }
        byte[] v = utf8(noBom);
        int pos = Math.max(nl, 0) + 1 + r.nextInt(Math.max(1, v.length - Math.max(nl, 0) - 1));
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.write(v, 0, Math.min(pos, v.length));
        bad.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0,
                (byte) 0x80, (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        bad.write(v, Math.min(pos, v.length), v.length - Math.min(pos, v.length));
        cases.put("invalid-utf8", bad.toByteArray());
    }

    /** CSV structure: unclosed quotes, headers twice, rows of the wrong width, many rows, many columns. */
    static void csv(Map<String, byte[]> cases, Seed s, Random r) {
        List<List<String>> rows = FuzzCorpusGenerator.renderRows(s.rows(), (k, d) -> d);
        String bom = s.bom() ? "\uFEFF" : "";
        String eol = s.eol();
        List<String> lines = rows.stream().map(FuzzCorpusGenerator::csvLine).toList();
        int pick = 1 + r.nextInt(lines.size() - 1);
        List<String> unclosed = new ArrayList<>(lines);
        unclosed.set(pick, unclosed.get(pick).replaceFirst(",", ",\"未闭合的引号"));
        cases.put("unclosed-quote", utf8(bom + String.join(eol, unclosed) + eol));
        List<String> twice = new ArrayList<>(lines);
        twice.add(lines.getFirst());
        twice.addAll(lines.subList(1, lines.size()));
        cases.put("header-twice", utf8(bom + String.join(eol, twice) + eol));
        List<String> shortRows = new ArrayList<>(List.of(lines.getFirst()));
        List<String> longRows = new ArrayList<>(List.of(lines.getFirst()));
        for (List<String> row : rows.subList(1, rows.size())) {
            shortRows.add(FuzzCorpusGenerator.csvLine(row.subList(0, row.size() - 1)));
            List<String> longer = new ArrayList<>(row);
            longer.add("多余");
            longer.add("");
            longRows.add(FuzzCorpusGenerator.csvLine(longer));
        }
        cases.put("short-rows", utf8(bom + String.join(eol, shortRows) + eol));
        cases.put("long-rows", utf8(bom + String.join(eol, longRows) + eol));
        List<String> trailing = new ArrayList<>(List.of(lines.getFirst()));
        for (List<String> row : rows.subList(1, rows.size())) {
            trailing.add(String.join(",", row.stream().map(c -> "\"" + c.replace("\"", "") + "\"x ").toList()));
        }
        cases.put("quote-trailing", utf8(bom + String.join(eol, trailing) + eol));
        cases.put("header-only", utf8(bom + lines.getFirst() + eol));
        cases.put("blank-lines", utf8(bom + String.join(eol + eol + " " + eol + ",,," + eol, lines) + eol));
        StringBuilder many = new StringBuilder(bom).append(lines.getFirst()).append(eol);
        for (int i = 0; i < 100; i++) {
            for (String l : lines.subList(1, lines.size())) {
                many.append(l).append(eol);
            }
        }
        cases.put("repeat-100", utf8(many.toString()));
        cases.put("wide-2000", wideCsv(rows, bom, eol, 2_000));
    }

    private static byte[] wideCsv(List<List<String>> rows, String bom, String eol, int extra) {
        StringBuilder b = new StringBuilder(bom);
        for (int r = 0; r < rows.size(); r++) {
            b.append(FuzzCorpusGenerator.csvLine(rows.get(r)));
            for (int i = 0; i < extra; i++) {
                b.append(r == 0 ? ",c" + i : ",x");
            }
            b.append(eol);
        }
        return utf8(b.toString());
    }

    /** JSON structure: values of the wrong type, roots that are not objects, text around, nesting, duplicates. */
    static void json(Map<String, byte[]> cases, String valid, Random r) {
        JsonNode tree = parse(valid);
        for (int i = 1; i <= 4; i++) {
            cases.put("tree-" + i, utf8(mutateTree(tree, r, 3).toString()));
        }
        cases.put("trailing-garbage", utf8(valid.strip() + "}]}garbage\u0000"));
        cases.put("comment", utf8("// exported by hand\n/* note */" + valid));
        cases.put("null-root", utf8("null"));
        cases.put("scalar-root", utf8("12345678901234567890123"));
        cases.put("deep-2000", utf8(nestFirst(valid, 2_000)));
        int brace = valid.indexOf('{');
        if (brace >= 0) {
            cases.put("dup-keys", utf8(valid.substring(0, brace + 1) + "\"weflow\":1,\"chatlab\":[],\"errcode\":\"x\","
                    + "\"messages\":{},\"group_chat\":null," + valid.substring(brace + 1)));
        }
        int q = valid.indexOf("\":\"");
        if (q < 0) {
            q = valid.indexOf("\": \"");
        }
        if (q > 0) {
            cases.put("raw-quote", utf8(valid.substring(0, q + 3) + "\"未转义\"" + valid.substring(q + 3)));
        }
    }

    /** JSON Lines: one line broken, one of the wrong type, nesting, blank and comment lines. */
    static void jsonLines(Map<String, byte[]> cases, String valid, Random r) {
        List<String> lines = new ArrayList<>(valid.lines().toList());
        for (int i = 1; i <= 3; i++) {
            List<String> m = new ArrayList<>(lines);
            int at = r.nextInt(m.size());
            if (!m.get(at).isBlank()) {
                m.set(at, mutateTree(parse(m.get(at)), r, 2).toString());
            }
            cases.put("tree-" + i, utf8(String.join("\n", m) + "\n"));
        }
        List<String> broken = new ArrayList<>(lines);
        int at = r.nextInt(broken.size());
        broken.set(at, broken.get(at).substring(0, broken.get(at).length() / 2));
        cases.put("broken-line", utf8(String.join("\n", broken) + "\n"));
        List<String> deep = new ArrayList<>(lines);
        deep.add(1, "[".repeat(2_000) + "]".repeat(2_000));
        cases.put("deep-2000", utf8(String.join("\n", deep) + "\n"));
        List<String> odd = new ArrayList<>(lines);
        odd.add(1, "null");
        odd.add(2, "\"text\"");
        odd.add(3, "# a comment");
        odd.add(4, "[1,2,3]");
        cases.put("odd-lines", utf8(String.join("\n", odd) + "\n"));
        cases.put("crlf-blank", utf8(String.join("\r\n\r\n   \r\n", lines) + "\r\n"));
    }

    /** XML callbacks: entity expansion, external entities, nesting, broken markup. */
    static void xml(Map<String, byte[]> cases, String valid) {
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>\n";
        cases.put("billion-laughs", utf8(laughs + valid.replace("add_member", "&g;")));
        cases.put("xxe", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + valid.replace("add_member", "&x;")));
        cases.put("deep-2000", utf8(valid.replace("<MemChangeList>",
                "<MemChangeList>" + "<a>".repeat(2_000) + "</a>".repeat(2_000))));
        cases.put("unclosed", utf8(valid.replace("</ChatId>", "")));
        cases.put("cdata-break", utf8(valid.replace("<![CDATA[update]]>", "<![CDATA[up]]>date]]>")));
        cases.put("two-roots", utf8(valid + valid.replace("<xml>", "<xml><xml>")));
        cases.put("entity-junk", utf8(valid.replace("add_member", "&bogus;&#xFFFFFF;&#0;")));
        cases.put("not-xml-root", utf8(valid.replace("<xml>", "<root>").replace("</xml>", "</root>")));
    }

    /** xlsx: numbers no spreadsheet holds, damaged parts, hostile XML inside the package. */
    static void xlsx(Map<String, byte[]> cases, List<List<String>> rows, Random r) {
        List<List<String>> valid = FuzzCorpusGenerator.renderRows(rows, (k, d) -> d);
        Map<String, String> parts = MiniXlsx.parts(valid);
        String sheet = parts.get(MiniXlsx.SHEET);
        String firstNumber = sheet.replaceFirst("(?s).*?<c r=\"([A-Z]+\\d+)\"><v>.*", "$1");
        for (String[] n : new String[][] {{"cell-1e999999999", "1E+999999999"}, {"cell-1e-999999999", "1E-999999999"},
                {"cell-many-digits", "9".repeat(400) + ".5"}, {"cell-nan", "NaN"}, {"cell-text", "abc"},
                {"cell-serial-9999", "2958465.99999"}, {"cell-serial-negative", "-1"}}) {
            // numeric cells only (they have no t attribute); string cells keep their shared-string index
            cases.put(n[0], MiniXlsx.zip(with(parts, MiniXlsx.SHEET,
                    sheet.replaceAll("(<c r=\"[A-Z]+\\d+\">)<v>-?\\d+</v>", "$1<v>" + n[1] + "</v>"))));
        }
        cases.put("sheet-truncated", MiniXlsx.zip(with(parts, MiniXlsx.SHEET, sheet.substring(0, sheet.length() / 2))));
        cases.put("sheet-invalid", MiniXlsx.zip(with(parts, MiniXlsx.SHEET, sheet.replace("</row>", "</rows>"))));
        String doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n";
        String strings = parts.get(MiniXlsx.STRINGS);
        String body = strings.substring(strings.indexOf("<sst"));
        cases.put("sst-billion-laughs", MiniXlsx.zip(with(parts, MiniXlsx.STRINGS,
                doctype + body.replaceFirst("<t xml:space=\"preserve\">", "<t xml:space=\"preserve\">&f;"))));
        cases.put("sst-xxe", MiniXlsx.zip(with(parts, MiniXlsx.STRINGS,
                doctype + body.replaceFirst("<t xml:space=\"preserve\">", "<t xml:space=\"preserve\">&x;"))));
        cases.put("sheet-deep", MiniXlsx.zip(with(parts, MiniXlsx.SHEET,
                sheet.replace("<sheetData>", "<sheetData>" + "<x>".repeat(2_000) + "</x>".repeat(2_000)))));
        cases.put("sst-out-of-range", MiniXlsx.zip(with(parts, MiniXlsx.SHEET,
                sheet.replaceFirst("t=\"s\"><v>\\d+</v>", "t=\"s\"><v>99999</v>"))));
        cases.put("sst-negative", MiniXlsx.zip(with(parts, MiniXlsx.SHEET,
                sheet.replaceFirst("t=\"s\"><v>\\d+</v>", "t=\"s\"><v>-1</v>"))));
        cases.put("bad-refs", MiniXlsx.zip(with(parts, MiniXlsx.SHEET,
                sheet.replace("r=\"" + firstNumber + "\"", "r=\"ZZZZZZ99999999999\"").replace("<row r=\"2\">",
                        "<row r=\"-5\">"))));
        cases.put("no-sheets", MiniXlsx.zip(with(parts, MiniXlsx.WORKBOOK,
                parts.get(MiniXlsx.WORKBOOK).replaceAll("<sheet [^>]*/>", ""))));
        Map<String, String> missing = new LinkedHashMap<>(parts);
        missing.remove(MiniXlsx.SHEET);
        cases.put("missing-sheet-part", MiniXlsx.zip(missing));
        Map<String, String> noStrings = new LinkedHashMap<>(parts);
        noStrings.remove(MiniXlsx.STRINGS);
        cases.put("missing-strings-part", MiniXlsx.zip(noStrings));
        Map<String, String> noWorkbook = new LinkedHashMap<>(parts);
        noWorkbook.remove(MiniXlsx.WORKBOOK);
        cases.put("no-workbook", MiniXlsx.zip(noWorkbook));
        cases.put("inline-strings-hostile", MiniXlsx.zip(with(parts, MiniXlsx.SHEET, sheet.replaceFirst(
                "<c r=\"(A\\d+)\" t=\"s\"><v>\\d+</v></c>",
                "<c r=\"$1\" t=\"inlineStr\"><is><t>=cmd|' /C calc'!A0&#x202E;&#x200B;</t></is></c>"))));
        cases.put("formula-cells", MiniXlsx.zip(with(parts, MiniXlsx.SHEET, sheet.replaceAll(
                "<c r=\"([A-Z]+\\d+)\"><v>(\\d+)</v></c>", "<c r=\"$1\"><f>HYPERLINK(\"http://x\")+1/0</f><v>$2</v></c>"))));
        List<List<String>> wide = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            List<String> row = new ArrayList<>(valid.get(i));
            for (int c = 0; c < 2_000; c++) {
                row.add(i == 0 ? "c" + c : "x");
            }
            wide.add(row);
        }
        cases.put("wide-2000", MiniXlsx.of(wide));
        byte[] zip = MiniXlsx.zip(parts);
        byte[] tail = java.util.Arrays.copyOf(zip, zip.length + 512);
        for (int i = zip.length; i < tail.length; i++) {
            tail[i] = (byte) r.nextInt(256);
        }
        cases.put("garbage-after-end", tail);
    }

    private static Map<String, String> with(Map<String, String> parts, String name, String content) {
        Map<String, String> m = new LinkedHashMap<>(parts);
        m.put(name, content);
        return m;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A copy of {@code tree} with {@code count} nodes (chosen in document order) replaced by other kinds of value. */
    static JsonNode mutateTree(JsonNode tree, Random r, int count) {
        JsonNode copy = tree.deepCopy();
        for (int i = 0; i < count; i++) {
            List<JsonNode[]> slots = new ArrayList<>(); // {parent, key-or-index as text node}
            collect(copy, slots);
            if (slots.isEmpty()) {
                return copy;
            }
            JsonNode[] slot = slots.get(r.nextInt(slots.size()));
            JsonNode replacement = replacement(r);
            if (slot[0] instanceof ObjectNode o) {
                o.set(slot[1].asText(), replacement);
            } else if (slot[0] instanceof ArrayNode a) {
                a.set(slot[1].asInt(), replacement);
            }
        }
        return copy;
    }

    private static void collect(JsonNode node, List<JsonNode[]> out) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : new ArrayList<>(o.properties())) {
                out.add(new JsonNode[] {o, f.textNode(e.getKey())});
                collect(e.getValue(), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new JsonNode[] {a, f.numberNode(i)});
                collect(a.get(i), out);
            }
        }
    }

    private static JsonNode replacement(Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(10)) {
            case 0 -> f.nullNode();
            case 1 -> f.textNode("=cmd|' /C calc'!A0");
            case 2 -> f.numberNode(-1);
            case 3 -> f.numberNode(BigInteger.TEN.pow(30));
            case 4 -> f.numberNode(1.5e308);
            case 5 -> f.booleanNode(true);
            case 6 -> f.arrayNode().add(f.objectNode()).add(f.nullNode());
            case 7 -> f.objectNode().put("x", "\u202E\u200B");
            case 8 -> f.textNode("");
            default -> f.numberNode(253_402_300_799L);
        };
    }

    /** {@code depth} nested arrays as the first value of the first array (or object) in {@code json}. */
    private static String nestFirst(String json, int depth) {
        String deep = "[".repeat(depth) + "]".repeat(depth);
        int a = json.indexOf('[');
        if (a >= 0) {
            return json.substring(0, a + 1) + deep + "," + json.substring(a + 1);
        }
        int o = json.indexOf('{');
        return json.substring(0, o + 1) + "\"deep\":" + deep + "," + json.substring(o + 1);
    }

    // ------------------------------------------------------------------------------------------ large, at test time

    /** The seed with one text value 10 MB long, on a single line. */
    static byte[] tenMegabyteLine(Seed s) {
        return FuzzCorpusGenerator.render(s, firstText("长".repeat(10 * 1024 * 1024 / 3)));
    }

    /** The seed with one value nested {@code depth} levels deep (arrays, elements or brackets, as the format has). */
    static byte[] deep(Seed s, int depth) {
        return switch (s.shape()) {
            case JSON, JSONL -> utf8(new String(FuzzCorpusGenerator.render(s, firstText(MARK)), StandardCharsets.UTF_8)
                    .replace("\"" + MARK + "\"", "[".repeat(depth) + "]".repeat(depth)));
            case XML -> utf8(new String(FuzzCorpusGenerator.render(s, firstText(MARK)), StandardCharsets.UTF_8)
                    .replace(MARK, "<a>".repeat(depth) + "</a>".repeat(depth)));
            case XLSX -> {
                Map<String, String> parts = MiniXlsx.parts(FuzzCorpusGenerator.renderRows(s.rows(), (k, d) -> d));
                String sheet = parts.get(MiniXlsx.SHEET);
                yield MiniXlsx.zip(with(parts, MiniXlsx.SHEET,
                        sheet.replace("<sheetData>", "<sheetData>" + "<x>".repeat(depth) + "</x>".repeat(depth))));
            }
            case CSV -> FuzzCorpusGenerator.render(s, firstText("[".repeat(depth) + "]".repeat(depth)));
        };
    }

    /** The seed with {@code n} extra columns (CSV, xlsx), keys (JSON) or elements (XML). */
    static byte[] wide(Seed s, int n) {
        switch (s.shape()) {
            case CSV -> {
                List<List<String>> rows = FuzzCorpusGenerator.renderRows(s.rows(), (k, d) -> d);
                return wideCsv(rows, s.bom() ? "\uFEFF" : "", s.eol(), n);
            }
            case XLSX -> {
                List<List<String>> rows = new ArrayList<>(FuzzCorpusGenerator.renderRows(s.rows(), (k, d) -> d));
                List<String> header = new ArrayList<>(rows.getFirst());
                for (int c = 0; c < n; c++) {
                    header.add("c" + c);
                }
                rows.set(0, header);
                return MiniXlsx.of(rows);
            }
            case XML -> {
                return utf8(new String(FuzzCorpusGenerator.render(s, firstText(MARK)), StandardCharsets.UTF_8)
                        .replace(MARK, "<Item>x</Item>".repeat(n)));
            }
            default -> {
                StringBuilder keys = new StringBuilder("{");
                for (int i = 0; i < n; i++) {
                    keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
                }
                keys.append('}');
                return utf8(new String(FuzzCorpusGenerator.render(s, firstText(MARK)), StandardCharsets.UTF_8)
                        .replace("\"" + MARK + "\"", keys.toString()));
            }
        }
    }

    /** Puts {@code value} in the first {@code text} slot (or the first {@code name} slot when there is none). */
    private static java.util.function.BiFunction<String, String, String> firstText(String value) {
        boolean[] done = {false};
        return (kind, dflt) -> {
            if (!done[0] && kind.equals("text")) {
                done[0] = true;
                return value;
            }
            return dflt;
        };
    }
}
