package com.qundesk.imports.chat.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.LocalTimes;
import com.qundesk.imports.Sniff;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streaming helpers shared by the chatlog, WeFlow and ChatLab readers: opening a file with its detected charset
 * (BOM dropped), counting bytes for progress, peeking at the keys a JSON head starts with, reading scalar JSON
 * values leniently (exporters write numbers as strings and booleans as 0/1) and looping over an array of records.
 */
final class ChatJsonSupport {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonFactory FACTORY = MAPPER.getFactory();
    /** Rows between two cancellation checks / progress reports. */
    static final int CHECK_EVERY = 4096;
    /** Epoch values above this are milliseconds (10^11 s is the year 5138). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private ChatJsonSupport() {
    }

    /** An input stream that counts the bytes read through it, for {@link ParseContext#progress}. */
    static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        static CountingStream open(Path file) throws IOException {
            return new CountingStream(Files.newInputStream(file));
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }

    /** A buffered reader in {@code charset} with a leading BOM removed. */
    static BufferedReader reader(InputStream in, Charset charset) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    /** A streaming JSON parser over the file (UTF-8 bytes directly, Jackson skips the BOM; otherwise a reader). */
    static JsonParser parser(Sniff sniff, CountingStream in) throws IOException {
        if (StandardCharsets.UTF_8.equals(sniff.charset())) {
            return FACTORY.createParser(in);
        }
        return FACTORY.createParser(reader(in, sniff.charset()));
    }

    /** The first token of a JSON file, or an {@link ImportFormatException} for an empty or non-JSON file. */
    static JsonToken firstToken(JsonParser p) {
        try {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ImportFormatException(0, "import.error.empty");
            }
            return t;
        } catch (JsonEOFException e) {
            throw new ImportFormatException(0, "import.error.empty");
        } catch (IOException e) {
            throw new ImportFormatException(textLine(p), "import.error.json", shortMessage(e));
        }
    }

    /** What the start of a JSON text shows: its first object's keys, even when the text is cut. */
    record Peek(boolean array, boolean complete, Map<String, String> keys) {
        static final Peek NONE = new Peek(false, false, Map.of());

        boolean has(String key) {
            return keys.containsKey(key);
        }
    }

    /**
     * The top-level keys of the object {@code text} starts with, or of the first element when it starts with an
     * array; scalar values are given as text, containers as {@code ""}. Tolerates a text cut anywhere (a sniff head):
     * the keys read so far are returned with {@code complete == false}.
     */
    static Peek peek(String text) {
        String s = text == null ? "" : text.stripLeading();
        if (s.isEmpty() || (s.charAt(0) != '{' && s.charAt(0) != '[')) {
            return Peek.NONE;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        boolean array = s.charAt(0) == '[';
        boolean complete = false;
        try (JsonParser p = FACTORY.createParser(s)) {
            p.nextToken();
            if (array && p.nextToken() != JsonToken.START_OBJECT) {
                return new Peek(true, false, keys);
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    keys.put(name, "");
                    p.skipChildren();
                } else {
                    keys.put(name, v == JsonToken.VALUE_NULL ? "" : p.getText());
                }
            }
            complete = t == JsonToken.END_OBJECT;
        } catch (IOException e) {
            // a cut head or broken JSON: what was read so far is the answer
        }
        return new Peek(array, complete, keys);
    }

    /** The current value as text: strings and numbers as written, booleans as true/false, containers as JSON. */
    static String text(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case START_OBJECT, START_ARRAY -> MAPPER.writeValueAsString(p.readValueAsTree());
            default -> null;
        };
    }

    /** The current value as a whole number (numbers, or strings of digits), else null; containers are skipped. */
    static Long longValue(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return (long) p.getDoubleValue();
            case VALUE_STRING:
                return parseLong(p.getText());
            case START_OBJECT:
            case START_ARRAY:
                p.skipChildren();
                return null;
            default:
                return null;
        }
    }

    /** The current value as a boolean: true/false, 1/0, "true"/"1"; null for null or anything else. */
    static Boolean bool(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                return p.getLongValue() != 0;
            case VALUE_STRING: {
                String s = p.getText().strip();
                return s.equals("1") || s.equalsIgnoreCase("true") ? Boolean.TRUE
                        : s.equals("0") || s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            }
            case START_OBJECT:
            case START_ARRAY:
                p.skipChildren();
                return null;
            default:
                return null;
        }
    }

    /** Digits (optionally signed) to a long without exceptions; null when it is not a plain integer. */
    static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        int n = t.length();
        if (n == 0 || n > 19) {
            return null;
        }
        int i = t.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return null;
        }
        long v = 0;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9' || v > (Long.MAX_VALUE - (c - '0')) / 10) {
                return null; // not a digit, or more than a long holds (19 nines would wrap around)
            }
            v = v * 10 + (c - '0');
        }
        return t.charAt(0) == '-' ? -v : v;
    }

    /** An epoch value in seconds or milliseconds (told apart by magnitude) as seconds. */
    static long epochSecond(long value) {
        return Math.abs(value) > MILLIS_THRESHOLD ? Math.floorDiv(value, 1000L) : value;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The 1-based text line the parser is at. */
    static long textLine(JsonParser p) {
        long line = p.currentLocation().getLineNr();
        return line < 1 ? 1 : line;
    }

    /** A parser message without Jackson's source excerpt (which could quote message content). */
    static String shortMessage(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            String m = j.getOriginalMessage();
            return m == null ? e.getClass().getSimpleName() : firstLine(m);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    }

    private static String firstLine(String s) {
        int n = s.indexOf('\n');
        String line = n < 0 ? s : s.substring(0, n);
        return line.length() > 160 ? line.substring(0, 160) : line;
    }

    /** True for an exception meaning the JSON text ended too early (a cut file), rather than a syntax error. */
    static boolean isCut(IOException e) {
        return e instanceof JsonEOFException;
    }

    /** How far {@link #readRecords} got: the records counted so far, and whether one is being read. */
    static final class Records {
        private long count;
        private boolean inRecord;

        /** The record a JSON error at this point belongs to: the one being read, else the next one. */
        long errorAt() {
            return inRecord ? count : count + 1;
        }
    }

    /** Reads one record: the parser is at its {@code START_OBJECT}; {@code record} is its 1-based number. */
    @FunctionalInterface
    interface RecordReader {
        void read(long record) throws IOException;
    }

    /**
     * The record loop of the JSON readers, over an array the parser has just entered: counts every element, checks
     * cancellation and reports progress every {@link #CHECK_EVERY} elements, skips and rejects an element that is not
     * an object ({@code import.reject.record}) and hands each object to {@code reader}. A cut array throws a
     * {@link JsonEOFException}.
     */
    static void readRecords(JsonParser p, ParseContext context, CountingStream in, Records records,
                            RecordReader reader) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonEOFException(p, null, "end of input in array");
            }
            records.count++;
            if (records.count % CHECK_EVERY == 0) {
                context.checkCancelled();
                context.progress(in.count());
            }
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                context.reject(records.count, "import.reject.record");
                continue;
            }
            records.inRecord = true;
            reader.read(records.count);
            records.inRecord = false;
        }
    }

    /**
     * Rejects the record a JSON error broke off ({@link Records#errorAt}): {@code import.reject.truncated} for a cut
     * text, else {@code import.reject.jsonBroken}, with the text line as argument.
     */
    static void rejectBroken(ParseContext context, JsonParser p, Records records, IOException e) {
        context.reject(records.errorAt(), isCut(e) ? "import.reject.truncated" : "import.reject.jsonBroken",
                textLine(p));
    }

    /**
     * The reader's shared time handling: a local-time text in the context's zone (or an RFC 3339 time with its
     * offset), rejected when unreadable or implausible, with the once-per-file minute-only warning.
     */
    static final class Times {
        private final ParseContext context;
        private boolean warnedMinutes;
        /** Set by {@link #parse}: false when the text had no seconds. */
        boolean exact;

        Times(ParseContext context) {
            this.context = context;
        }

        /** Epoch second of {@code text}, or null after rejecting {@code line}. */
        Long parse(String text, long line) {
            LocalTimes.Parsed parsed = LocalTimes.parse(text, context.zone());
            if (parsed == null) {
                Long strict = text == null ? null : LocalTimes.parseOffsetDateTime(text);
                if (strict == null) {
                    context.reject(line, "import.reject.time", text == null ? "" : text);
                    return null;
                }
                parsed = new LocalTimes.Parsed(strict, true);
            }
            return check(parsed.epochSecond(), parsed.hasSeconds(), text, line);
        }

        /** Epoch second of an epoch field (seconds or milliseconds), or null after rejecting {@code line}. */
        Long epoch(long value, long line) {
            return check(epochSecond(value), true, Long.toString(value), line);
        }

        private Long check(long epoch, boolean hasSeconds, String text, long line) {
            if (!LocalTimes.plausible(epoch)) {
                context.reject(line, "import.reject.timeRange", text);
                return null;
            }
            exact = hasSeconds;
            if (!hasSeconds && !warnedMinutes) {
                warnedMinutes = true;
                context.warn("import.warn.minuteTimes");
            }
            return epoch;
        }
    }
}
