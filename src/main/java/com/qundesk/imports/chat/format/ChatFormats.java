package com.qundesk.imports.chat.format;

import com.qundesk.imports.Sniff;

import java.util.List;
import java.util.Optional;

/** The chat-export formats QunDesk reads, and detection from a file's content. */
public final class ChatFormats {
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
}
