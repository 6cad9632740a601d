package com.qundesk.imports.format;

import com.qundesk.imports.ChatFormat;
import com.qundesk.imports.ChatInfo;
import com.qundesk.imports.MessageSink;
import com.qundesk.imports.ParseContext;
import com.qundesk.imports.ParsedMessage;
import com.qundesk.imports.Sniff;
import com.qundesk.io.EncodingDetector;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link Sniff} for a fixture and collects what a format reads from it (chatlog, WeFlow, ChatLab tests). */
final class FormatTestSupportB {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int HEAD = 8 * 1024;

    private FormatTestSupportB() {
    }

    /** A test resource under {@code imports/}, e.g. {@code chatlog/chatlog-two-chats.csv}. */
    static Path fixture(String name) {
        URL url = FormatTestSupportB.class.getResource("/imports/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 8 KiB of {@code file}, charset detected, BOM stripped. */
    static Sniff sniff(Path file) throws IOException {
        byte[] buf = new byte[HEAD];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(buf, 0, HEAD);
        }
        int end = n;
        if (n == HEAD && Files.size(file) > HEAD) {
            // do not let a UTF-8 sequence cut by the head limit look like GBK
            int back = 0;
            while (back < 3 && end > 0 && (buf[end - 1] & 0xC0) == 0x80) {
                end--;
                back++;
            }
            if (end > 0 && (buf[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        Charset charset = EncodingDetector.detect(buf, end);
        String head = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(buf, 0, end)).toString();
        if (!head.isEmpty() && head.charAt(0) == '\uFEFF') {
            head = head.substring(1);
        }
        return new Sniff(file, charset, head);
    }

    static Sniff sniff(String fixture) throws IOException {
        return sniff(fixture(fixture));
    }

    /** Everything a read produced, in order. */
    record Result(List<Object> events, ParseContext.Collecting context) {
        List<ParsedMessage> messages() {
            return events.stream().filter(ParsedMessage.class::isInstance).map(ParsedMessage.class::cast).toList();
        }

        List<ChatInfo> chats() {
            return events.stream().filter(ChatInfo.class::isInstance).map(ChatInfo.class::cast).toList();
        }

        List<ParseContext.Collecting.Entry> rejected() {
            return context.rejected;
        }

        List<ParseContext.Collecting.Entry> warnings() {
            return context.warnings;
        }
    }

    static Result read(ChatFormat format, String fixture) throws IOException {
        return read(format, sniff(fixture));
    }

    static Result read(ChatFormat format, Sniff sniff) throws IOException {
        ParseContext.Collecting context = ParseContext.collecting(SHANGHAI);
        List<Object> events = new ArrayList<>();
        format.read(sniff, context, new MessageSink() {
            @Override
            public void message(ParsedMessage message) {
                events.add(message);
            }

            @Override
            public void chat(ChatInfo info) {
                events.add(info);
            }
        });
        return new Result(events, context);
    }
}
