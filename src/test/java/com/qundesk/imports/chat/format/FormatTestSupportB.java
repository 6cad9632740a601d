package com.qundesk.imports.chat.format;

import com.qundesk.imports.Sniff;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
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
        return com.qundesk.imports.Sniff.read(file);
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
