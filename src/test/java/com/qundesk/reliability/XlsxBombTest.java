package com.qundesk.reliability;

import com.qundesk.core.ValidationException;
import com.qundesk.io.TableReader;
import com.qundesk.io.XlsxLimits;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Workbooks small on disk and huge inside: refused before they are read, in seconds and bounded memory, with one
 * line naming the file; an XML entity (XXE) is refused with one line too, never the parser's text.
 */
class XlsxBombTest {

    @TempDir
    Path dir;

    /** Writes a workbook whose part {@code streamed} is written by {@code body} (the other parts as MiniXlsx's). */
    private Path workbook(String file, String streamed, PartWriter body) throws IOException {
        Map<String, String> parts = MiniXlsx.parts(List.of(List.of("name", "platform"), List.of("A", "wechat")));
        Path out = dir.resolve(file);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                if (p.getKey().equals(streamed)) {
                    Writer w = new OutputStreamWriter(new NoClose(zip), StandardCharsets.UTF_8);
                    body.write(w);
                    w.flush();
                } else {
                    zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface PartWriter {
        void write(Writer w) throws IOException;
    }

    @Test
    void oneHugeCellInASmallFileIsRefusedBeforeReading() throws Exception {
        Path bomb = workbook("cell.xlsx", MiniXlsx.STRINGS, w -> {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\" count=\"4\" uniqueCount=\"4\"><si><t>name</t></si><si><t>platform"
                    + "</t></si><si><t>");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'A');
            for (int i = 0; i < 400; i++) {
                w.write(chunk);
            }
            w.write("</t></si><si><t>wechat</t></si></sst>");
        });
        assertThat(Files.size(bomb)).isLessThan(2L << 20);
        ValidationException e = refused(bomb);
        assertThat(e.errors().getFirst().messageKey()).isEqualTo("import.file.xlsxTooBig");

        CliRunner cli = new CliRunner(dir);
        cli.run("init", "--workspace", cli.ws);
        CliRunner.Result r = cli.run("groups", "import", bomb.toString(), "--workspace", cli.ws);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("cell.xlsx unpacks to more than 100 MB");
    }

    @Test
    void aMillionAndAHalfRowsAreRefusedAtExcelsRowLimit() throws Exception {
        Path bomb = workbook("rows.xlsx", MiniXlsx.SHEET, w -> {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
            for (int r = 2; r <= 1_500_000; r++) {
                w.write("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>1</v></c></row>");
            }
            w.write("</sheetData></worksheet>");
        });
        assertThat(Files.size(bomb)).isLessThan(8L << 20);
        ValidationException e = refused(bomb);
        assertThat(e.errors().getFirst().messageKey()).isIn("import.file.xlsxTooManyRows", "import.file.xlsxTooBig");
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedNamingTheRow() throws Exception {
        Path file = dir.resolve("long.xlsx");
        Files.write(file, MiniXlsx.of(List.of(List.of("name"), List.of("x".repeat(XlsxLimits.MAX_CELL_CHARS + 1)))));
        ValidationException e = refused(file);
        assertThat(e.errors().getFirst().messageKey()).isEqualTo("import.file.xlsxCellTooLong");
        assertThat(e.errors().getFirst().messageArgs()).contains("2");
    }

    @Test
    void anExternalEntityIsRefusedInOneLine() throws Exception {
        Path xxe = workbook("xxe.xlsx", MiniXlsx.SHEET, w -> w.write("<?xml version=\"1.0\"?><!DOCTYPE w ["
                + "<!ENTITY e SYSTEM \"file:///etc/passwd\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is>"
                + "</c></row></sheetData></worksheet>"));
        CliRunner cli = new CliRunner(dir);
        cli.run("init", "--workspace", cli.ws);
        CliRunner.Result r = cli.run("groups", "import", xxe.toString(), "--workspace", cli.ws);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("xxe.xlsx is not a readable .xlsx workbook").doesNotContain("root:")
                .doesNotContain("Exception").doesNotContain("at [row,col");
    }

    private static ValidationException refused(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                TableReader.read(file);
            } catch (ValidationException e) {
                return e;
            }
            throw new AssertionError(file + " was read");
        });
    }

    /** Lets a writer flush into the zip entry without closing the zip. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
