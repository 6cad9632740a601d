package com.qundesk.imports;

import com.qundesk.io.EncodingDetector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The start of a file, decoded, for format detection: detection reads content (header line, JSON keys), never the
 * file name alone.
 *
 * @param file    the file
 * @param charset the detected charset (UTF-8 or GB18030)
 * @param head    the first few KiB decoded, BOM removed
 */
public record Sniff(Path file, Charset charset, String head) {
    private static final int HEAD_BYTES = 64 * 1024;

    /** Reads the start of {@code file}: the charset (UTF-8 or GB18030) and the first 64 KiB decoded, BOM removed. */
    public static Sniff read(Path file) throws IOException {
        byte[] buf = new byte[HEAD_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
                n += r;
            }
        }
        // a head cut inside a UTF-8 character must not read as GB18030: stop before the cut character
        int end = n;
        if (n == buf.length) {
            int back = 0;
            while (back < 3 && end > 0 && (buf[end - 1] & 0xC0) == 0x80) {
                end--;
                back++;
            }
            if (end > 0 && (buf[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        Charset cs = EncodingDetector.detect(buf, end);
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(n + 16);
        dec.decode(ByteBuffer.wrap(buf, 0, n), chars, true);
        chars.flip();
        String head = chars.toString();
        if (!head.isEmpty() && head.charAt(0) == '\uFEFF') {
            head = head.substring(1);
        }
        return new Sniff(file, cs, head);
    }

    /** The first line of {@link #head} without its line end. */
    public String firstLine() {
        int n = head.indexOf('\n');
        String line = n < 0 ? head : head.substring(0, n);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The head without leading whitespace, to tell JSON ({@code [} or {@code {}) from CSV. */
    public String trimmedHead() {
        return head.stripLeading();
    }
}
