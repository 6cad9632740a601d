package com.qundesk.group.registry;

import com.qundesk.group.Group;
import com.qundesk.group.GroupService;
import com.qundesk.io.CellSafety;
import com.qundesk.io.OutputFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Exports the registry as CSV (UTF-8 with BOM, so Excel and WPS open Chinese correctly) or .xlsx, with the
 * canonical English headers and tokens so the file imports back unchanged. Cells that a spreadsheet would run
 * as formulas are neutralised. Written to a temporary file and moved into place.
 */
public final class RegistryExporter {

    private final GroupService groups;
    private final OutputFiles outputs;

    public RegistryExporter(GroupService groups, OutputFiles outputs) {
        this.groups = groups;
        this.outputs = outputs;
    }

    /**
     * Writes every group to {@code file}; the format follows the extension (.csv or .xlsx). Never over the
     * workspace or a backup; over an existing file only when {@code replace}. Returns the count.
     */
    public int export(Path file, boolean replace) {
        outputs.check(file, replace);
        List<Group> all = groups.list();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        outputs.write(file, replace, tmp -> {
            if (name.endsWith(".xlsx")) {
                writeXlsx(all, tmp);
            } else {
                writeCsv(all, tmp);
            }
        });
        return all.size();
    }

    static String[] row(Group g) {
        return new String[] {g.name(), g.platform().token(), nz(g.externalId()), g.purpose().token(),
                g.kind().token(), nz(g.owner()), String.join(",", g.admins()), Integer.toString(g.memberCount()),
                Integer.toString(g.capacity()), String.join(",", g.tags()), g.status().token(), nz(g.notes()),
                nz(g.dissolutionReason()), g.createdAt() == null ? "" : g.createdAt().toString()};
    }

    static String[] headers() {
        RegistryColumn[] cols = RegistryColumn.values();
        String[] out = new String[cols.length];
        for (int i = 0; i < cols.length; i++) {
            out[i] = cols[i].header();
        }
        return out;
    }

    private static void writeCsv(List<Group> all, Path tmp) throws IOException {
        try (OutputStream os = Files.newOutputStream(tmp);
             Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
                p.printRecord((Object[]) headers());
                for (Group g : all) {
                    String[] cells = row(g);
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = CellSafety.neutralize(cells[i]);
                    }
                    p.printRecord((Object[]) cells);
                }
            }
        }
    }

    private static void writeXlsx(List<Group> all, Path tmp) throws IOException {
        try (OutputStream os = Files.newOutputStream(tmp)) {
            Workbook wb = new Workbook(os, "QunDesk", "1.0");
            Worksheet ws = wb.newWorksheet("Groups");
            String[] h = headers();
            for (int c = 0; c < h.length; c++) {
                ws.value(0, c, h[c]);
            }
            int r = 1;
            for (Group g : all) {
                String[] cells = row(g);
                for (int c = 0; c < cells.length; c++) {
                    if (c == 7 || c == 8) {
                        ws.value(r, c, Integer.parseInt(cells[c]));
                    } else {
                        ws.value(r, c, CellSafety.neutralize(cells[c]));
                    }
                }
                r++;
            }
            wb.finish();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
