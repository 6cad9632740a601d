package com.qundesk.imports.chat.format;

import com.qundesk.imports.Sniff;
import com.qundesk.imports.chat.format.ChatFormat;
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
import java.util.List;
import java.util.Optional;

/** The chat-export formats QunDesk reads, and detection from a file's content. */
public final class ChatFormats {
    private static final int HEAD_BYTES = 64 * 1024;

    private final List<ChatFormat> formats;

    public ChatFormats(List<ChatFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Every format QunDesk ships, in detection order (most specific first). */
    public static ChatFormats standard() {
        return new ChatFormats(List.of(
                new com.qundesk.imports.chat.format.WeChatMsgFormat(),
                new com.qundesk.imports.chat.format.PyWxDumpFormat(),
                new com.qundesk.imports.chat.format.ChatlogCsvFormat(),
                new com.qundesk.imports.chat.format.ChatlogJsonFormat(),
                new com.qundesk.imports.chat.format.WeFlowFormat(),
                new com.qundesk.imports.chat.format.ChatLabFormat()
        ));
    }

    public List<ChatFormat> all() {
        return formats;
    }

    public Optional<ChatFormat> byId(String id) {
        return formats.stream().filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The format whose detection accepts the file's start, if any. */
    public Optional<ChatFormat> detect(Sniff sniff) {
        return formats.stream().filter(f -> f.accepts(sniff)).findFirst();
    }

    /** Reads the start of {@code file}: the charset (UTF-8 or GB18030) and the first 64 KiB decoded, BOM removed. */
    public static Sniff sniff(Path file) throws IOException {
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
}
