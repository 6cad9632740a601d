package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.Sniff;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static com.qundesk.imports.chat.format.FormatTestSupportA.read;
import static com.qundesk.imports.chat.format.FormatTestSupportA.sniff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSV reading under the CSV chat formats (FastCSV): what it does with odd, cut and huge files. */
class CsvRowsTest {

    private static final String HEADER = String.join(",", WeChatMsgFormat.FULL);
    private static final long T = 1_717_200_000L;
    private final WeChatMsgFormat wechatmsg = new WeChatMsgFormat();

    /** A twelve-column WeChatMsg group row whose StrContent cell is {@code content} as written. */
    private static String row(int i, String content) {
        return i + ",7,1,0,0," + (T + i) + ",2," + content + ",,李四,李四,wxid_lisi";
    }

    /** A per-chat WeChatMsg group file (UTF-8 with BOM) holding {@code text}. */
    private static Path groupFile(Path dir, String text) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("骑行群(12345678@chatroom)"));
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return Files.write(folder.resolve("骑行群.csv"), withBom);
    }

    private static List<CsvRow> rows(String csv, boolean lenient) throws IOException {
        List<CsvRow> out = new ArrayList<>();
        try (CsvRows rows = CsvRows.of(new StringReader(csv), lenient)) {
            for (CsvRow r = rows.next(); r != null; r = rows.next()) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<String> described(List<CsvRow> rows) {
        return rows.stream().map(CsvRow::toString).toList();
    }

    @Test
    void fastCsvAloneWouldAcceptTheHalfRecordOfACutFile() {
        // the reason CsvRows sets allowUnclosedQuote(false): FastCSV's default keeps a cut last record as if whole
        List<CsvRecord> records = CsvReader.builder().ofCsvRecord("a\n\"b").stream().toList();
        assertThat(records).extracting(CsvRecord::getFields).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void aFileEndingInsideAQuotedCellHasThatRecordRejected(@TempDir Path dir) throws IOException {
        Path file = groupFile(dir, HEADER + "\r\n" + row(1, "你好") + "\r\n" + row(2, "\"第一行\r\n第二行，没写完"));
        long[] progress = {-1};
        FormatTestSupportA.Collected c = new FormatTestSupportA.Collected();
        ParseContext context = new ParseContext() {
            @Override
            public ZoneId zone() {
                return FormatTestSupportA.SHANGHAI;
            }

            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void reject(long line, String messageKey, Object... args) {
                c.context.reject(line, messageKey, args);
            }

            @Override
            public void warn(String messageKey, Object... args) {
                c.context.warn(messageKey, args);
            }

            @Override
            public void progress(long bytesRead) {
                progress[0] = bytesRead;
            }
        };

        wechatmsg.read(sniff(file), context, c);

        assertThat(c.messages).extracting(ParsedMessage::line).containsExactly(2L);
        assertThat(c.context.rejected).containsExactly(
                new ParseContext.Collecting.Entry(3, "import.reject.truncated", List.of(3L)));
        assertThat(progress[0]).isEqualTo(Files.size(file));
        assertThatThrownBy(() -> rows("a,b\n\"c", true)).isInstanceOf(CsvRows.Broken.class)
                .extracting(e -> ((CsvRows.Broken) e).line()).isEqualTo(2L);
    }

    @Test
    void charactersAfterAClosingQuoteAreKept(@TempDir Path dir) throws IOException {
        Path file = groupFile(dir, HEADER + "\r\n" + row(1, "\"你好\"啊") + "\r\n" + row(2, "\"a\" b") + "\r\n"
                + row(3, "\"多行\r\n内容\"!") + "\r\n" + row(4, "平常"));

        var c = read(wechatmsg, file);

        assertThat(c.context.rejected).isEmpty();
        assertThat(c.messages).extracting(ParsedMessage::text).containsExactly("你好啊", "a b", "多行\r\n内容!", "平常");
        assertThat(c.messages).extracting(ParsedMessage::line).containsExactly(2L, 3L, 4L, 6L);
    }

    @Test
    void strictQuotingStopsAtCharactersAfterAClosingQuote() throws IOException {
        // chatlog's reader is strict, as it was on Commons CSV; unlike Commons it also refuses a blank there
        assertThat(described(rows("a,\"b\"\nc,d\n", false))).containsExactly("1:[a, b]", "2:[c, d]");
        for (String broken : List.of("a,b\n\"c\"x,d\ne,f\n", "a,b\n\"c\" ,d\ne,f\n")) {
            List<CsvRow> seen = new ArrayList<>();
            assertThatThrownBy(() -> {
                try (CsvRows rows = CsvRows.of(new StringReader(broken), false)) {
                    for (CsvRow r = rows.next(); r != null; r = rows.next()) {
                        seen.add(r);
                    }
                }
            }).isInstanceOf(CsvRows.Broken.class).extracting(e -> ((CsvRows.Broken) e).line()).isEqualTo(2L);
            assertThat(described(seen)).containsExactly("1:[a, b]");
        }
    }

    @Test
    void aQuoteAfterTrailingCharactersOpensAQuotedSectionAgain() throws IOException {
        // FastCSV, unlike Commons CSV (which read `ab"c"`), treats that quote as opening a quoted section; pinned
        // so that a change in FastCSV is noticed (no exporter writes such cells)
        assertThat(described(rows("\"a\"b\"c\",d\nx,y\n", true))).containsExactly("1:[ab\"c, d]", "2:[x, y]");
        assertThatThrownBy(() -> rows("\"a\"b\"c,d\nx,y\n", true)).isInstanceOf(CsvRows.Broken.class);
    }

    @Test
    void recordsStartOnTheirExactLines() throws IOException {
        String csv = "\uFEFFh1,h2\r\n"
                + "\r\n"                       // 2: empty, skipped
                + "a,\"two\r\nlines\"\r\n"     // 3-4
                + "b,c\n"                      // 5 (LF)
                + "\n"                         // 6: empty
                + "d,\"x\ny\nz\"\r"            // 7-9 (CR line end)
                + "e,\"lone\rcr\"\r\n"         // 10-11: a lone CR in a cell is a line break
                + "\"\",\"\"\n"                // 12: two empty quoted cells
                + "  \n"                       // 13: blanks are a record (HeaderedCsvReader skips it)
                + "f,g";                       // 14, no line end
        assertThat(described(rows(csv, true))).containsExactly("1:[h1, h2]", "3:[a, two\r\nlines]", "5:[b, c]",
                "7:[d, x\ny\nz]", "10:[e, lone\rcr]", "12:[, ]", "13:[  ]", "14:[f, g]");
        // FastCSV before 4.3 dropped this record whole (a lone CR in a quoted cell, the record ended by an LF)
        assertThat(described(rows("x,\"a\rb\"\nc,d\n", true))).containsExactly("1:[x, a\rb]", "3:[c, d]");
        // the one known miscount: a lone CR followed later by an LF in the same cell counts as one line break
        assertThat(described(rows("\"a\rb\nc\",d\ne\n", true))).containsExactly("1:[a\rb\nc, d]", "3:[e]");
    }

    @Test
    void rowsKeepTheirOwnCells() throws IOException {
        List<CsvRow> rows = rows("a,b,c\nd,e,f\ng,h\ni,j,k,l\nm,n,o\n", true);
        assertThat(described(rows)).containsExactly("1:[a, b, c]", "2:[d, e, f]", "3:[g, h]", "4:[i, j, k, l]",
                "5:[m, n, o]");
        List<String> cells = new ArrayList<>();
        rows.getFirst().forEach(cells::add);
        assertThat(cells).containsExactly("a", "b", "c");
        assertThat(HeaderedCsvReader.cell(rows.get(2), 2)).isEmpty();
    }

    @Test
    void aRowWithTensOfThousandsOfCellsIsCountedAndRefused(@TempDir Path dir) throws IOException {
        String wide = "1" + ",x".repeat(19_999);
        List<CsvRow> parsed = rows(wide + "\n", true);
        assertThat(parsed.getFirst().size()).isEqualTo(20_000);
        assertThat(parsed.getFirst().get(CsvRows.MAX_CELLS - 1)).isEqualTo("x");
        assertThat(parsed.getFirst().get(CsvRows.MAX_CELLS + 5)).isEmpty();

        var c = read(wechatmsg, groupFile(dir, HEADER + "\r\n" + wide + "\r\n" + row(2, "ok") + "\r\n"));
        assertThat(c.context.rejected).containsExactly(
                new ParseContext.Collecting.Entry(2, "import.reject.columns", List.of(12, 20_000)));
        assertThat(c.messages).extracting(ParsedMessage::text).containsExactly("ok");
    }

    @Test
    @Timeout(60)
    void aTenMegabyteLineIsReadAsOneRow(@TempDir Path dir) throws IOException {
        String ten = "长".repeat(10 << 20 >> 1) + "x".repeat(10 << 20 >> 1); // 10 Mi characters, 20 MiB of UTF-8
        Path file = groupFile(dir, HEADER + "\r\n" + row(1, ten) + "\r\n" + ten + "\r\n" + row(3, "之后"));

        var c = read(wechatmsg, file);

        assertThat(c.messages).extracting(ParsedMessage::line).containsExactly(2L, 4L);
        assertThat(c.messages.getFirst().text()).hasSize(10 << 20);
        assertThat(c.context.rejected).containsExactly(
                new ParseContext.Collecting.Entry(3, "import.reject.columns", List.of(12, 1)));
    }

    @Test
    @Timeout(60)
    void aCellLongerThanTheLimitStopsTheFileThere(@TempDir Path dir) throws IOException {
        // in a chat export that is an unclosed quote early in a big file, the rest of the file read as one cell;
        // here the quote does close, after more than the limit, so that reading it whole would show
        StringBuilder text = new StringBuilder(HEADER).append("\r\n").append(row(1, "前")).append("\r\n")
                .append("2,7,1,0,0,").append(T + 2).append(",2,\"引号没关上");
        String filler = "\r\n" + row(0, "后面的行都进了这个格子");
        while (text.length() <= CsvRows.MAX_CELL_CHARS + 1000) {
            text.append(filler);
        }
        text.append("\",,李四,李四,wxid_lisi\r\n").append(row(3, "末尾")).append("\r\n");
        Path file = groupFile(dir, text.toString());

        var c = read(wechatmsg, file);

        assertThat(c.messages).extracting(ParsedMessage::text).containsExactly("前");
        assertThat(c.context.rejected).containsExactly(
                new ParseContext.Collecting.Entry(3, "import.reject.truncated", List.of(3L)));
    }

    @Test
    void aHeaderThatNeverEndsIsNotCsv(@TempDir Path dir) throws IOException {
        Path file = groupFile(dir, "\"" + HEADER + "\r\n" + row(1, "x"));
        Sniff sniff = sniff(file);
        assertThatThrownBy(() -> new HeaderedCsvReader(sniff, ParseContext.collecting(FormatTestSupportA.SHANGHAI)))
                .isInstanceOf(ImportFormatException.class)
                .satisfies(e -> {
                    assertThat(((ImportFormatException) e).messageKey()).isEqualTo("import.error.csv");
                    assertThat(((ImportFormatException) e).line()).isEqualTo(1);
                });
    }

    @Test
    void aReadErrorIsAReadErrorNotACutFile() {
        Reader failing = new Reader() {
            private final String served = "a,b\nc,";
            private int pos;

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                if (pos == served.length()) {
                    throw new IOException("disk gone");
                }
                int n = Math.min(len, served.length() - pos);
                served.getChars(pos, pos + n, buf, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> {
            try (CsvRows rows = CsvRows.of(failing, true)) {
                while (rows.next() != null) {
                    // read on
                }
            }
        }).isInstanceOf(IOException.class).hasMessage("disk gone");
    }
}
