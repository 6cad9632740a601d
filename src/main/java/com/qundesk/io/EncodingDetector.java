package com.qundesk.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 (with or without BOM) or GB18030 (a superset of GBK, what Chinese Windows tools and Excel's
 * "Save as CSV" write): a strict UTF-8 decode of the bytes decides.
 */
public final class EncodingDetector {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final int PROBE = 1 << 20;

    private EncodingDetector() {
    }

    /** The charset of {@code bytes} (only the first MiB is examined; a cut multi-byte sequence at its end is fine). */
    public static Charset detect(byte[] bytes, int length) {
        if (length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        int n = Math.min(length, PROBE);
        // do not fail on a UTF-8 sequence cut by the probe limit
        int end = n;
        if (n < length) {
            int back = 0;
            while (back < 3 && end > 0 && (bytes[end - 1] & 0xC0) == 0x80) {
                end--;
                back++;
            }
            if (end > 0 && (bytes[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }

    public static String label(Charset c) {
        return c.equals(StandardCharsets.UTF_8) ? "UTF-8" : "GBK/GB18030";
    }
}
