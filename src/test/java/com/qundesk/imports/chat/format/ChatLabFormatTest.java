package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportFormatException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.qundesk.imports.MessageKind.APP;
import static com.qundesk.imports.MessageKind.CALL;
import static com.qundesk.imports.MessageKind.CARD;
import static com.qundesk.imports.MessageKind.EMOJI;
import static com.qundesk.imports.MessageKind.FILE;
import static com.qundesk.imports.MessageKind.IMAGE;
import static com.qundesk.imports.MessageKind.MONEY;
import static com.qundesk.imports.MessageKind.SYSTEM;
import static com.qundesk.imports.MessageKind.TEXT;
import static com.qundesk.imports.MessageKind.VIDEO;
import static com.qundesk.imports.MessageKind.VOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatLabFormatTest {

    private static final String GROUP = "24751836902@chatroom";
    /** 2025-03-15 09:00:00 in Shanghai. */
    private static final long T2 = 1_742_000_400L;
    private static final List<String> MEMBERS = List.of("wxid_zhangsan01", "wxid_lisi02", "wxid_wangwu03",
            "wxid_zhaoliu04", "wxid_self_zhou");

    private final ChatLabFormat format = new ChatLabFormat();

    @Test
    void detectsBothShapesByContent() throws Exception {
        assertThat(format.id()).isEqualTo("chatlab");
        var json = FormatTestSupportB.sniff("chatlab/chatlab-group.json");
        var jsonl = FormatTestSupportB.sniff("chatlab/chatlab-group.jsonl");
        var untyped = FormatTestSupportB.sniff("chatlab/chatlab-untyped.jsonl");
        assertThat(json.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(format.accepts(json)).isTrue();
        assertThat(format.accepts(jsonl)).isTrue();
        assertThat(format.accepts(untyped)).isTrue();
        assertThat(ChatLabFormat.isJsonLines(json)).isFalse();
        assertThat(ChatLabFormat.isJsonLines(jsonl)).isTrue();
        assertThat(ChatLabFormat.isJsonLines(untyped)).isTrue();
        assertThat(format.accepts(FormatTestSupportB.sniff("weflow/weflow-messages-first.json"))).isFalse();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlog/chatlog-group.json"))).isFalse();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlab/not-chat.json"))).isFalse();
    }

    @Test
    void readsTheJsonShape() throws Exception {
        var r = FormatTestSupportB.read(format, "chatlab/chatlab-group.json");

        assertThat(r.rejected()).isEmpty();
        List<ParsedMessage> m = r.messages();
        assertThat(m).extracting(ParsedMessage::kind).containsExactly(
                SYSTEM, SYSTEM, TEXT, IMAGE, IMAGE, IMAGE, TEXT, SYSTEM, TEXT, SYSTEM, TEXT, SYSTEM, MONEY, MONEY, APP,
                EMOJI, APP, APP, APP, CARD, CARD, CALL, VOICE, VIDEO, FILE, APP);
        assertThat(m).allMatch(x -> GROUP.equals(x.chatId()) && "周末徒步群".equals(x.chatName()));
        assertThat(m).extracting(ParsedMessage::line).startsWith(1L, 2L, 3L).endsWith(26L);

        assertThat(m.get(0).text()).isEqualTo("\"张三\"邀请\"李四、王五\"加入了群聊");
        assertThat(m.get(0).senderId()).as("system notices have no sender").isNull();
        assertThat(m.get(0).epochSecond()).isEqualTo(T2);
        assertThat(m.get(2).senderId()).isEqualTo("wxid_zhangsan01");
        assertThat(m.get(2).senderName()).as("group nickname first").isEqualTo("张三-领队");
        assertThat(m.subList(3, 6)).extracting(ParsedMessage::epochSecond).containsOnly(T2 + 190);
        assertThat(m.get(6).text()).isEqualTo("收到，地铁站A口见");
        assertThat(m.get(7).senderId()).as("pat").isNull();
        assertThat(m.get(8).text()).contains("加V");
        assertThat(m.get(9).senderId()).as("recall").isNull();
        assertThat(m).filteredOn(ParsedMessage::self).extracting(ParsedMessage::text)
                .containsExactly("大家注意安全，不要私加陌生人", "[链接] 春季徒步装备清单");
        assertThat(m.get(11).text()).isEqualTo("\"张三\"将\"孙八\"移出了群聊");

        assertThat(r.chats()).containsExactly(new ChatInfo(GROUP, "周末徒步群", true, "wxid_self_zhou", MEMBERS,
                1_742_000_000L));
        assertThat(r.events().getLast()).isInstanceOf(ChatInfo.class);
    }

    @Test
    void readsJsonLinesAndRejectsOnlyTheBrokenLine() throws Exception {
        var r = FormatTestSupportB.read(format, "chatlab/chatlab-group.jsonl");

        assertThat(r.rejected()).containsExactly(new ParseContext.Collecting.Entry(9, "import.reject.jsonLine",
                List.of()));
        List<ParsedMessage> m = r.messages();
        assertThat(m).extracting(ParsedMessage::line).containsExactly(7L, 8L, 10L, 11L, 12L, 14L);
        assertThat(m).extracting(ParsedMessage::kind).containsExactly(TEXT, IMAGE, TEXT, SYSTEM, TEXT, SYSTEM);
        assertThat(m).extracting(ParsedMessage::epochSecond)
                .containsExactly(T2 + 65, T2 + 190, T2 + 720, T2 + 900, T2 + 960, T2 + 1020);
        assertThat(m.get(2).self()).isTrue();
        assertThat(m.get(4).senderId()).as("a message line without _type").isEqualTo("wxid_wangwu03");
        assertThat(m).allMatch(x -> GROUP.equals(x.chatId()));
        assertThat(r.chats()).containsExactly(new ChatInfo(GROUP, "周末徒步群", true, "wxid_self_zhou", MEMBERS,
                1_742_000_000L));
    }

    @Test
    void aBrokenMemberLineMeansNoMemberList() throws Exception {
        var r = FormatTestSupportB.read(format, "chatlab/chatlab-untyped.jsonl");

        assertThat(r.rejected()).extracting(ParseContext.Collecting.Entry::line).containsExactly(3L);
        List<ParsedMessage> m = r.messages();
        assertThat(m).extracting(ParsedMessage::line).containsExactly(4L, 5L);
        assertThat(m).extracting(ParsedMessage::kind).containsExactly(TEXT, EMOJI);
        assertThat(m).extracting(ParsedMessage::self).containsExactly(false, true);
        assertThat(m.get(0).epochSecond()).isEqualTo(T2 + 65);
        assertThat(r.chats()).containsExactly(new ChatInfo(GROUP, "周末徒步群", true, "wxid_self_zhou", null, null));
    }

    @Test
    void refusesOtherJson() {
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "chatlab/not-chat.json"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.notFormat"));
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "weflow/arkme-group.json"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.notFormat"));
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "chatlog/chatlog-group.json"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.notFormat"));
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "chatlab/empty.json"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.empty"));
    }
}
