package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every fixture is accepted by exactly its own format; empty and foreign files by none. */
class ChatlogWeflowChatLabDetectionTest {

    private static final List<ChatFormat> FORMATS = List.of(new ChatlogCsvFormat(), new ChatlogJsonFormat(),
            new WeFlowFormat(), new ChatLabFormat());

    @ParameterizedTest
    @CsvSource({
            "chatlog/chatlog-two-chats.csv, chatlog-csv",
            "chatlog/chatlog-excel-damaged.csv, chatlog-csv",
            "chatlog/chatlog-chatrooms.csv, ''",
            "chatlog/chatlog-group.json, chatlog-json",
            "chatlog/chatlog-truncated.json, chatlog-json",
            "chatlog/not-chatlog.json, ''",
            "weflow/weflow-messages-first.json, weflow",
            "weflow/arkme-group.json, weflow",
            "weflow/arkme-truncated.json, weflow",
            "chatlab/chatlab-group.json, chatlab",
            "chatlab/chatlab-group.jsonl, chatlab",
            "chatlab/chatlab-untyped.jsonl, chatlab",
            "chatlab/not-chat.json, ''",
            "chatlab/empty.json, ''",
    })
    void exactlyTheRightFormatAccepts(String fixture, String id) throws Exception {
        var sniff = FormatTestSupportB.sniff(fixture);
        List<String> accepting = FORMATS.stream().filter(f -> f.accepts(sniff)).map(ChatFormat::id).toList();
        assertThat(accepting).isEqualTo(id.isEmpty() ? List.of() : List.of(id));
    }

    @ParameterizedTest
    @CsvSource({"chatlog-csv", "chatlog-json", "weflow", "chatlab"})
    void anEmptyFileIsAFileError(String id) {
        ChatFormat format = FORMATS.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "chatlab/empty.json"))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.error.empty");
                    assertThat(e.line()).isZero();
                });
    }
}
