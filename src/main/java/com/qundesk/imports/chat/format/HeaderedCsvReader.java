package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.Sniff;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the records of an exporter's CSV (RFC 4180, multi-line quoted cells, CRLF or LF, BOM stripped) with the
 * 1-based line each record starts on. Blank lines are skipped. A file that ends inside a quoted cell (cut short, or
 * an unclosed quote) has that last record rejected ({@code import.reject.truncated}) and ends there; so does a cell
 * too long to be a message (see {@link CsvRows}: an unclosed quote swallowing the rest of a big file). Characters
 * after a closing quote are kept ({@code "a"b} reads {@code ab}) rather than failing the file. Checks for
 * cancellation and reports progress every few thousand records.
 */
final class HeaderedCsvReader implements Closeable {

    private final ParseContext context;
    private final ChatJsonSupport.CountingStream counter;
    private final CsvRows rows;
    private final List<String> header;
    private long line;
    private long count;
    private boolean ended;

    HeaderedCsvReader(Sniff sniff, ParseContext context) throws IOException {
        this.context = context;
        this.counter = ChatJsonSupport.CountingStream.open(sniff.file());
        try {
            this.rows = CsvRows.open(counter, sniff.charset(), true);
        } catch (IOException | RuntimeException e) {
            counter.close();
            throw e;
        }
        CsvRow first;
        try {
            first = next();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (first == null) {
            close();
            throw new ImportFormatException(0, "import.error.empty");
        }
        List<String> names = new ArrayList<>(first.size());
        for (String s : first) {
            names.add(s.strip());
        }
        // a spreadsheet may leave empty trailing header cells
        while (!names.isEmpty() && names.getLast().isEmpty()) {
            names.removeLast();
        }
        this.header = List.copyOf(names);
    }

    /** The header cells, stripped, without empty trailing cells. */
    List<String> header() {
        return header;
    }

    /** The next non-blank record, or null at the end of the file (or after a truncated last record). */
    CsvRow next() {
        while (!ended) {
            CsvRow r;
            try {
                r = rows.next();
            } catch (CsvRows.Broken e) {
                // the file ends inside a quoted cell (or a cell never ends): nothing after it can be read
                ended = true;
                if (header != null) {
                    context.reject(e.line(), "import.reject.truncated", e.line());
                    return null;
                }
                throw new ImportFormatException(e.line(), "import.error.csv", e.getMessage());
            } catch (IOException e) {
                ended = true;
                throw new UncheckedIOException(e);
            }
            if (r == null) {
                ended = true;
                return null;
            }
            line = r.line();
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if ((++count & 4095) == 0) {
                context.checkCancelled();
                context.progress(counter.count());
            }
            return r;
        }
        return null;
    }

    /** The line the record last returned by {@link #next()} starts on (1-based). */
    long line() {
        return line;
    }

    /** Bytes read from the file so far. */
    long bytesRead() {
        return counter.count();
    }

    @Override
    public void close() throws IOException {
        context.progress(counter.count());
        rows.close();
    }

    /** The cell at {@code i}, or "" when the record is shorter. */
    static String cell(CsvRow r, int i) {
        return i >= 0 && i < r.size() ? r.get(i) : "";
    }

    /**
     * A non-negative decimal integer with optional surrounding blanks, or {@code -1} when the text is empty or not
     * one (hand-written: it runs for several cells of every row, and exceptions must not be the control flow).
     */
    static long parseNonNegative(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        while (n > i && s.charAt(n - 1) == ' ') {
            n--;
        }
        if (i == n || n - i > 18) {
            return -1;
        }
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The header cells of a sniffed first line (split at commas, quotes and blanks removed). */
    static List<String> headerOf(String firstLine) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = firstLine.length();
        while (start <= n) {
            int comma = firstLine.indexOf(',', start);
            int end = comma < 0 ? n : comma;
            String cell = firstLine.substring(start, end).strip();
            if (cell.length() >= 2 && cell.charAt(0) == '"' && cell.charAt(cell.length() - 1) == '"') {
                cell = cell.substring(1, cell.length() - 1).strip();
            }
            out.add(cell);
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        if (!out.isEmpty() && out.getFirst().startsWith("\uFEFF")) {
            out.set(0, out.getFirst().substring(1));
        }
        while (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }

    /** True when {@code actual} starts with the names of {@code expected} (compared ignoring case). */
    static boolean startsWith(List<String> actual, List<String> expected) {
        if (actual.size() < expected.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!actual.get(i).equalsIgnoreCase(expected.get(i))) {
                return false;
            }
        }
        return true;
    }
}
