package com.qundesk.imports.chat.format;

import com.qundesk.imports.Sniff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link Sniff} of a fixture the way the importer does, and collects what a parser emits. */
final class FormatTestSupportA {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int HEAD = 8 * 1024;

    private FormatTestSupportA() {
    }

    /** A test resource under {@code /imports/}, as a file. */
    static Path fixture(String path) {
        URL url = FormatTestSupportA.class.getResource("/imports/" + path);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + path);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's start as the importer reads it (charset detected, BOM removed). */
    static Sniff sniff(Path file) {
        try {
            return com.qundesk.imports.Sniff.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything a parser emitted. */
    static final class Collected implements MessageSink {
        final List<ParsedMessage> messages = new ArrayList<>();
        final List<ChatInfo> chats = new ArrayList<>();
        final ParseContext.Collecting context = ParseContext.collecting(SHANGHAI);

        @Override
        public void message(ParsedMessage message) {
            messages.add(message);
        }

        @Override
        public void chat(ChatInfo info) {
            chats.add(info);
        }

        List<Long> rejectedLines() {
            return context.rejected.stream().map(ParseContext.Collecting.Entry::line).toList();
        }

        List<String> rejectedKeys() {
            return context.rejected.stream().map(ParseContext.Collecting.Entry::key).toList();
        }

        List<String> warningKeys() {
            return context.warnings.stream().map(ParseContext.Collecting.Entry::key).toList();
        }
    }

    static Collected read(ChatFormat format, Path file) throws IOException {
        Collected c = new Collected();
        format.read(sniff(file), c.context, c);
        return c;
    }
}
