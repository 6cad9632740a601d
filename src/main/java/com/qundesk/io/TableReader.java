package com.qundesk.io;

import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a CSV (UTF-8 or GBK, comma, semicolon or tab separated, RFC-4180 quoting) or .xlsx (first sheet) into a
 * {@link Table}. Problems the operator can fix are reported as {@link ValidationException}s naming the file.
 */
public final class TableReader {

    /** Spreadsheets the registry and ledger imports accept; larger files are refused with a message. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    /** Numeric cells with more digits than this are given in scientific form (no spreadsheet value has them). */
    private static final int MAX_PLAIN_DIGITS = 100;
    private static final Pattern HEADER_NOISE = Pattern.compile("[\\s_\\-（）()]");

    private TableReader() {
    }

    public static Table read(Path file) {
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new ValidationException(FieldError.of("file", "import.file.missing", file));
            }
            long size = Files.size(file);
            if (size == 0) {
                throw new ValidationException(FieldError.of("file", "import.file.empty", name));
            }
            if (size > MAX_BYTES) {
                throw new ValidationException(FieldError.of("file", "import.file.tooLarge", name, MAX_BYTES >> 20));
            }
            byte[] head = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(head, 0, 4);
                if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                    return readXlsx(file, name);
                }
            }
            return readCsv(Files.readAllBytes(file), name);
        } catch (IOException e) {
            throw new ValidationException(FieldError.of("file", "import.file.unreadable", name, e.getMessage()));
        }
    }

    static Table readCsv(byte[] bytes, String name) {
        Charset cs = EncodingDetector.detect(bytes, bytes.length);
        String text = new String(bytes, cs);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new ValidationException(FieldError.of("file", "import.file.binary", name));
        }
        char delimiter = guessDelimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<String> headers = null;
        List<Table.Row> rows = new ArrayList<>();
        LineCounter lines = new LineCounter(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                List<String> cells = new ArrayList<>(r.size());
                r.forEach(cells::add);
                if (headers == null) {
                    headers = cells;
                } else if (!cells.stream().allMatch(String::isBlank)) {
                    rows.add(new Table.Row(lines.lineAt(r.getCharacterPosition()), cells));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new ValidationException(FieldError.of("file", "import.file.badCsv", name, e.getMessage()));
        }
        if (headers == null) {
            throw new ValidationException(FieldError.of("file", "import.file.empty", name));
        }
        return new Table(name, "CSV", EncodingDetector.label(cs), headers, rows);
    }

    /**
     * The 1-based line a record starts on (multi-line quoted cells make this differ from the record number),
     * counted incrementally as the parser moves forward.
     */
    private static final class LineCounter {
        private final String text;
        private int pos;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(long target) {
            while (pos < target && pos < text.length()) {
                if (text.charAt(pos++) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static char guessDelimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        int commas = count(first, ',') + count(first, '，');
        int semis = count(first, ';');
        int tabs = count(first, '\t');
        if (tabs > commas && tabs >= semis) {
            return '\t';
        }
        if (semis > commas) {
            return ';';
        }
        return ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static Table readXlsx(Path file, String name) throws IOException {
        XlsxLimits.checkUnpackedSize(file, name);
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in);
             Stream<org.dhatim.fastexcel.reader.Row> sheetRows = sheetOf(wb, name).openStream()) {
            List<String> headers = null;
            List<Table.Row> rows = new ArrayList<>();
            for (org.dhatim.fastexcel.reader.Row r : (Iterable<org.dhatim.fastexcel.reader.Row>) sheetRows::iterator) {
                XlsxLimits.checkRow(name, r.getRowNum());
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(XlsxLimits.checkCell(name, r.getRowNum(), text(r.getCell(i))));
                }
                if (headers == null) {
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    headers = cells;
                } else if (!cells.stream().allMatch(String::isBlank)) {
                    rows.add(new Table.Row(r.getRowNum(), cells));
                }
            }
            if (headers == null) {
                throw new ValidationException(FieldError.of("file", "import.file.empty", name));
            }
            return new Table(name, "XLSX", "—", headers, rows);
        } catch (RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException(FieldError.of("file", "import.file.badXlsx", name, xmlReason(e)));
        }
    }

    private static Sheet sheetOf(ReadableWorkbook wb, String name) {
        Sheet first = wb.getFirstSheet();
        if (first == null) {
            throw new ValidationException(FieldError.of("file", "import.file.empty", name));
        }
        return first;
    }

    /** One line for the operator: an XML problem (a DTD or entity, refused) said plainly, not the parser's text. */
    private static String xmlReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.xml.stream.XMLStreamException) {
                return "malformed XML, or a DTD / external entity, which is never followed";
            }
        }
        return XlsxLimits.oneLine(e.getMessage());
    }

    private static String text(Cell c) {
        if (c == null || c.getValue() == null) {
            return "";
        }
        Object v = c.getValue();
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            if (Math.abs((long) s.scale()) > MAX_PLAIN_DIGITS || s.precision() - (long) s.scale() > MAX_PLAIN_DIGITS) {
                // written out, 1E-999999999 is a billion characters (out of memory) and 1E+999999999 overflows
                return s.toString();
            }
            return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
        }
        return v.toString().strip();
    }

    /** Header text reduced for matching: lower case, no spaces, underscores, dashes or full-width brackets. */
    public static String normalizeHeader(String h) {
        return h == null ? "" : HEADER_NOISE.matcher(h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
                .replaceAll("");
    }
}
