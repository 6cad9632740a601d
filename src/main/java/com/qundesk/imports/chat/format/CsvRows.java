package com.qundesk.imports.chat.format;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.RecordType;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The CSV reading under the chat formats, on FastCSV: RFC 4180 (quoted cells may hold commas, doubled quotes and line
 * breaks), CRLF, LF or CR line ends, a leading BOM dropped, empty lines skipped, every record with the exact 1-based
 * text line it starts on. Rows of any width are returned as they are; the formats judge them.
 *
 * <p>When the data cannot be read on, {@link #next()} throws {@link Broken} with the line the unreadable record
 * starts on, and nothing after it is read: a file that ends inside a quoted cell (cut short, or a quote never
 * closed), a cell longer than {@link #MAX_CELL_CHARS} or a record longer than {@link #MAX_ROW_CHARS} characters (in a
 * chat export that is an unclosed quote swallowing the rest of the file; stopping there keeps the memory bounded), and
 * for strict quoting ({@code lenientQuotes=false}) any character between a closing quote and the next comma or line
 * end. With {@code lenientQuotes} such characters are kept ({@code "a"b} reads {@code ab}, {@code "a" b} reads
 * {@code a b}), as Commons CSV's {@code trailingData} did.
 *
 * <p>Known differences from Commons CSV, which the formats used before (both only in files no exporter writes):
 * with {@code lenientQuotes} a quote <em>after</em> such trailing characters opens a quoted section again (Commons
 * kept it as a character), so {@code "a"b"c} is not {@code ab"c}; strict quoting refuses blanks after a closing
 * quote, which Commons skipped. And a quoted cell holding a lone CR followed later by an LF counts the two as one line
 * break, so the lines after it are one less than a text editor shows.
 */
final class CsvRows implements Closeable {

    /** The longest cell read, in characters (FastCSV's default buffer limit). */
    static final int MAX_CELL_CHARS = 16 << 20;
    /** The most characters one record may hold in all its cells. */
    static final long MAX_ROW_CHARS = 64L << 20;
    /** Cells kept per record; further cells are counted but not kept (see {@link CsvRow}). */
    static final int MAX_CELLS = 16_384;

    /** The CSV cannot be read on from {@link #line()}, where the unreadable record starts. */
    static final class Broken extends RuntimeException {
        private final long line;

        Broken(long line, String detail, Throwable cause) {
            super(detail, cause);
            this.line = line;
        }

        /** The 1-based line the record that could not be read starts on. */
        long line() {
            return line;
        }
    }

    private final Handler handler = new Handler();
    private final CsvReader<CsvRow> reader;
    private final Iterator<CsvRow> records;
    private boolean ended;

    private CsvRows(Reader in, boolean lenientQuotes) {
        this.reader = CsvReader.builder()
                .fieldSeparator(',')
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowExtraCharsAfterClosingQuote(lenientQuotes)
                .allowUnclosedQuote(false)
                .trimWhitespacesAroundQuotes(false)
                .detectBomHeader(false)
                .maxBufferSize(MAX_CELL_CHARS)
                .build(handler, in);
        this.records = reader.iterator();
    }

    /** Reads {@code in} decoded with {@code charset}; closing the result closes {@code in}. */
    static CsvRows open(InputStream in, Charset charset, boolean lenientQuotes) throws IOException {
        return of(new InputStreamReader(in, charset), lenientQuotes);
    }

    /** Reads {@code in}; closing the result closes {@code in}. */
    static CsvRows of(Reader in, boolean lenientQuotes) throws IOException {
        PushbackReader r = new PushbackReader(in, 1);
        try {
            int first = r.read();
            if (first >= 0 && first != '\uFEFF') {
                r.unread(first);
            }
            return new CsvRows(r, lenientQuotes);
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /**
     * The next non-empty record, or null at the end of the data.
     *
     * @throws Broken      when the data cannot be read on (after which this returns null)
     * @throws IOException when the file cannot be read
     */
    CsvRow next() throws IOException {
        if (ended) {
            return null;
        }
        try {
            if (!records.hasNext()) {
                ended = true;
                return null;
            }
            return records.next();
        } catch (UncheckedIOException e) {
            ended = true;
            throw e.getCause();
        } catch (CsvParseException e) {
            ended = true;
            // FastCSV wraps whatever the parser or the record handler threw
            Throwable cause = e.getCause() == null ? e : e.getCause();
            switch (cause) {
                case Error error -> throw error;
                case CsvParseException p -> throw new Broken(handler.line, p.getMessage(), e);
                case RuntimeException r -> throw r;
                default -> throw e;
            }
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Builds {@link CsvRow}s in one reused cell buffer. */
    private static final class Handler extends CsvCallbackHandler<CsvRow> {
        /** Cells of one ASCII character (type codes, flags, {@code 0}/{@code 1}) are shared, not allocated. */
        private static final String[] ONE_CHAR = new String[128];

        static {
            for (char c = 0; c < ONE_CHAR.length; c++) {
                ONE_CHAR[c] = String.valueOf(c);
            }
        }

        private String[] cells = new String[16];
        private int count;
        private long chars;
        private long line;
        private RecordType type = RecordType.DATA;

        @Override
        protected RecordType getRecordType() {
            return type;
        }

        @Override
        protected int getFieldCount() {
            return count;
        }

        @Override
        protected void beginRecord(long startingLineNumber) {
            line = startingLineNumber;
            count = 0;
            chars = 0;
            type = RecordType.DATA;
        }

        @Override
        protected void addField(char[] buf, int offset, int len, boolean quoted) {
            chars += len;
            if (chars > MAX_ROW_CHARS) {
                throw new CsvParseException("the record starting at line %d is longer than %d characters"
                        .formatted(line, MAX_ROW_CHARS));
            }
            if (count < MAX_CELLS) {
                if (count == cells.length) {
                    cells = Arrays.copyOf(cells, Math.min(MAX_CELLS, count * 2));
                }
                cells[count] = len == 0 ? ""
                        : len == 1 && buf[offset] < ONE_CHAR.length ? ONE_CHAR[buf[offset]]
                        : new String(buf, offset, len);
            }
            count++;
        }

        @Override
        protected void setComment(char[] buf, int offset, int len) {
            type = RecordType.COMMENT; // comments are off: never called
        }

        @Override
        protected void setEmpty() {
            type = RecordType.EMPTY;
        }

        @Override
        protected CsvRow buildRecord() {
            if (type != RecordType.DATA) {
                return null; // an empty line is no record
            }
            // the one allocation per record besides its strings (FastCSV's own handler does the same)
            return new CsvRow(Arrays.copyOf(cells, Math.min(count, MAX_CELLS)), count, line);
        }
    }
}
