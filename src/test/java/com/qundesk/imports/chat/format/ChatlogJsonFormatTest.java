package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.qundesk.imports.MessageKind.APP;
import static com.qundesk.imports.MessageKind.EMOJI;
import static com.qundesk.imports.MessageKind.FILE;
import static com.qundesk.imports.MessageKind.IMAGE;
import static com.qundesk.imports.MessageKind.MONEY;
import static com.qundesk.imports.MessageKind.SYSTEM;
import static com.qundesk.imports.MessageKind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatlogJsonFormatTest {

    private static final String GROUP = "24751836902@chatroom";
    private static final long T0 = 1_740_790_800L;

    private final ChatlogJsonFormat format = new ChatlogJsonFormat();

    @Test
    void detectsChatlogArraysOnly() throws Exception {
        assertThat(format.id()).isEqualTo("chatlog-json");
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlog/chatlog-group.json"))).isTrue();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlog/chatlog-truncated.json"))).isTrue();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlog/not-chatlog.json"))).isFalse();
        assertThat(format.accepts(FormatTestSupportB.sniff("weflow/weflow-messages-first.json"))).isFalse();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlab/chatlab-group.json"))).isFalse();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlog/chatlog-two-chats.csv"))).isFalse();
    }

    @Test
    void readsRecordsWithCodesSplitAndOffsetTimes() throws Exception {
        var r = FormatTestSupportB.read(format, "chatlog/chatlog-group.json");

        assertThat(r.rejected()).hasSize(1);
        assertThat(r.rejected().get(0).line()).isEqualTo(17);
        assertThat(r.rejected().get(0).key()).isEqualTo("import.reject.time");
        assertThat(r.rejected().get(0).args()).containsExactly("not-a-time");

        List<ParsedMessage> m = r.messages();
        assertThat(m).hasSize(17);
        assertThat(m).extracting(ParsedMessage::kind).containsExactly(
                SYSTEM, TEXT, IMAGE, IMAGE, IMAGE, TEXT, SYSTEM, TEXT, SYSTEM, TEXT, SYSTEM, FILE, MONEY, APP, EMOJI,
                TEXT, TEXT);
        assertThat(m).extracting(ParsedMessage::line)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 18L);

        // 4.x join notice: the sysmsgtemplate XML is kept as is (Go's \u003c escapes decoded)
        ParsedMessage join = m.get(0);
        assertThat(join.text()).startsWith("<sysmsg type=\"sysmsgtemplate\">").contains("\"$username$\"邀请\"$names$\"");
        assertThat(join.senderId()).isNull();
        assertThat(join.epochSecond()).isEqualTo(T0);

        assertThat(m.subList(2, 5)).extracting(ParsedMessage::epochSecond).containsOnly(T0 + 190);
        // quote reply given as local_type 57<<32|49
        assertThat(m.get(5).text()).isEqualTo("收到，地铁站A口见");
        assertThat(m.get(5).senderId()).isEqualTo("wxid_wangwu03");
        // pat given as local_type 62<<32|49: a notice without sender
        assertThat(m.get(6).senderId()).isNull();
        assertThat(m.get(7).text()).contains("加V");
        assertThat(m.get(8).text()).contains("<revokemsg>");

        ParsedMessage mine = m.get(9);
        assertThat(mine.self()).isTrue();
        assertThat(mine.senderId()).isEqualTo("wxid_self_zhou");
        assertThat(mine.text()).isEqualTo("大家注意安全 & 不要私加陌生人");
        assertThat(m).filteredOn(ParsedMessage::self).hasSize(2);

        assertThat(m.get(14).epochSecond()).isEqualTo(T0 + 1800);  // fractional seconds
        assertThat(m.get(15).epochSecond()).isEqualTo(T0 + 1860);  // Z
        assertThat(m).allMatch(ParsedMessage::exactTime);
        assertThat(m.get(16).chatId()).isEqualTo("wxid_lisi02");
        assertThat(m.get(1).chatName()).isEqualTo("周末徒步群");

        // one chat info a talker, after the records, with the account seen sending
        assertThat(r.events().get(r.events().size() - 2)).isInstanceOf(ChatInfo.class);
        assertThat(r.chats()).containsExactly(
                new ChatInfo(GROUP, "周末徒步群", true, "wxid_self_zhou", null, null),
                new ChatInfo("wxid_lisi02", "李四", false, "wxid_self_zhou", null, null));
    }

    @Test
    void aCutFileKeepsTheRecordsBeforeTheCut() throws Exception {
        var r = FormatTestSupportB.read(format, "chatlog/chatlog-truncated.json");

        assertThat(r.messages()).hasSize(9);
        assertThat(r.messages()).extracting(ParsedMessage::line).endsWith(9L);
        assertThat(r.rejected()).containsExactly(
                new ParseContext.Collecting.Entry(10, "import.reject.truncated", List.of(1L)));
        assertThat(r.chats()).containsExactly(new ChatInfo(GROUP, "周末徒步群", true, null, null, null));
    }

    @Test
    void refusesJsonThatIsNotChatlog() {
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "chatlog/not-chatlog.json"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.notFormat"));
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "weflow/weflow-messages-first.json"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.notFormat"));
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "chatlab/empty.json"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.empty"));
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "chatlog/chatlog-two-chats.csv"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.json"));
    }
}
