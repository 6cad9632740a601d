package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportFormatException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
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

class WeFlowFormatTest {

    private static final String GROUP = "24751836902@chatroom";
    private static final long T0 = 1_740_790_800L;
    /** 2025-03-08 08:00:00 in Shanghai. */
    private static final long T1 = 1_741_392_000L;

    private final WeFlowFormat format = new WeFlowFormat();

    @Test
    void detectsTheWeflowHeader() throws Exception {
        assertThat(format.id()).isEqualTo("weflow");
        assertThat(format.accepts(FormatTestSupportB.sniff("weflow/weflow-messages-first.json"))).isTrue();
        assertThat(format.accepts(FormatTestSupportB.sniff("weflow/arkme-group.json"))).isTrue();
        assertThat(format.accepts(FormatTestSupportB.sniff("weflow/arkme-truncated.json"))).isTrue();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlab/chatlab-group.json"))).isFalse();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlab/not-chat.json"))).isFalse();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlog/chatlog-group.json"))).isFalse();
    }

    @Test
    void messagesBeforeSessionAreStreamedWithoutChatAndTheChatComesLast() throws Exception {
        var r = FormatTestSupportB.read(format, "weflow/weflow-messages-first.json");

        List<ParsedMessage> m = r.messages();
        assertThat(m).hasSize(20);
        assertThat(m).allMatch(x -> x.chatId() == null && x.chatName() == null);
        assertThat(m).extracting(ParsedMessage::kind).containsExactly(
                SYSTEM, TEXT, SYSTEM, IMAGE, IMAGE, IMAGE, TEXT, SYSTEM, SYSTEM, TEXT, TEXT, EMOJI, SYSTEM, FILE, MONEY,
                APP, IMAGE, VOICE, TEXT, TEXT);
        assertThat(r.rejected()).hasSize(1);
        assertThat(r.rejected().get(0).line()).isEqualTo(21);
        assertThat(r.rejected().get(0).key()).isEqualTo("import.reject.timeRange");

        assertThat(r.events().getLast()).isEqualTo(
                new ChatInfo(GROUP, "周末徒步群（北京）", true, "wxid_self_zhou", null, null));
        assertThat(r.chats()).hasSize(1);

        ParsedMessage join = m.get(0);
        assertThat(join.text()).contains("$names$").contains("sysmsgtemplate");
        assertThat(join.senderId()).isNull();
        assertThat(join.self()).isFalse();
        assertThat(join.epochSecond()).isEqualTo(T0);
        assertThat(m.get(2).text()).isEqualTo("\"赵六\"通过扫描\"张三\"分享的二维码加入群聊");
        assertThat(m.subList(3, 6)).extracting(ParsedMessage::epochSecond).containsOnly(T0 + 190);
        assertThat(m.subList(3, 6)).extracting(ParsedMessage::line).containsExactly(4L, 5L, 6L);
        assertThat(m.get(6).text()).startsWith("收到，地铁站A口见");
        assertThat(m.get(7).senderId()).as("a pat is a notice").isNull();
        assertThat(m.get(8).text()).contains("<revokemsg>");
        assertThat(m.get(9).senderId()).isEqualTo("wxid_sunba06");
        assertThat(m.get(9).text()).contains("加V").contains("私聊");
        assertThat(m.get(10).self()).isTrue();
        assertThat(m.get(10).senderId()).isEqualTo("wxid_self_zhou");
        assertThat(m.get(10).senderName()).isEqualTo("小周");
        assertThat(m.get(11).self()).as("isSend: true").isTrue();
        assertThat(m).filteredOn(ParsedMessage::self).hasSize(3);
        assertThat(m.get(12).text()).isEqualTo("\"张三\"将\"孙八\"移出了群聊");
        assertThat(m.get(18).epochSecond()).as("formattedTime only").isEqualTo(T0 + 3600);
        assertThat(m.get(19).epochSecond()).as("milliseconds").isEqualTo(T0 + 3660);
        assertThat(m).allMatch(ParsedMessage::exactTime);
    }

    @Test
    void arkmeJsonResolvesSendersAndReportsTheMemberList() throws Exception {
        var r = FormatTestSupportB.read(format, "weflow/arkme-group.json");

        assertThat(r.rejected()).isEmpty();
        List<ParsedMessage> m = r.messages();
        assertThat(m).extracting(ParsedMessage::kind).containsExactly(SYSTEM, TEXT, TEXT, SYSTEM, CARD, VIDEO, CALL,
                CARD);
        assertThat(m).allMatch(x -> GROUP.equals(x.chatId()) && "徒步群".equals(x.chatName()));
        assertThat(m).extracting(ParsedMessage::senderId).containsExactly(null, "wxid_zhangsan01", "wxid_self_zhou",
                null, "wxid_zhangsan01", "wxid_lisi02", "wxid_lisi02", "wxid_self_zhou");
        assertThat(m.get(1).senderName()).isEqualTo("张三");
        assertThat(m).extracting(ParsedMessage::self).containsExactly(false, false, true, false, false, false, false,
                true);
        assertThat(m.get(0).text()).contains("wxid_zhaoliu04").contains("$names$");
        assertThat(m.get(0).epochSecond()).isEqualTo(T1);

        assertThat(r.chats()).containsExactly(new ChatInfo(GROUP, "徒步群", true, "wxid_self_zhou",
                List.of("wxid_zhangsan01", "wxid_self_zhou", "wxid_lisi02", "wxid_wangwu03", "wxid_zhaoliu04"),
                1_741_510_800L));
    }

    @Test
    void aCutArkmeFileKeepsWhatCameBeforeAndReportsNoMemberList() throws Exception {
        var path = FormatTestSupportB.fixture("weflow/arkme-truncated.json");
        long lines = Files.readString(path).lines().count();

        var r = FormatTestSupportB.read(format, "weflow/arkme-truncated.json");

        assertThat(r.messages()).hasSize(3);
        assertThat(r.rejected()).hasSize(1);
        assertThat(r.rejected().get(0).line()).isEqualTo(4);
        assertThat(r.rejected().get(0).key()).isEqualTo("import.reject.truncated");
        assertThat(r.rejected().get(0).args()).containsExactly(lines);
        assertThat(r.chats()).containsExactly(new ChatInfo(GROUP, "徒步群", true, "wxid_self_zhou", null, null));
    }

    @Test
    void kindPrefersLocalTypeAndFallsBackToTheLabel() {
        assertThat(WeFlowFormat.kindOf(null, "图片消息")).isEqualTo(IMAGE);
        assertThat(WeFlowFormat.kindOf(49L, "文件消息")).isEqualTo(FILE);
        assertThat(WeFlowFormat.kindOf(49L, "引用消息")).isEqualTo(TEXT);
        assertThat(WeFlowFormat.kindOf(49L, null)).isEqualTo(APP);
        assertThat(WeFlowFormat.kindOf(244_813_135_921L, "引用消息")).isEqualTo(TEXT);
        assertThat(WeFlowFormat.kindOf(266_287_972_401L, "其他消息")).isEqualTo(SYSTEM);
        assertThat(WeFlowFormat.kindOf(8_594_229_559_345L, "红包卡片")).isEqualTo(MONEY);
        assertThat(WeFlowFormat.kindOf(25_769_803_825L, "文件消息")).isEqualTo(FILE);
        assertThat(WeFlowFormat.kindOf(3L, "文本消息")).as("the code wins").isEqualTo(IMAGE);
        assertThat(WeFlowFormat.kindOf(1L, "系统消息")).isEqualTo(SYSTEM);
        assertThat(WeFlowFormat.kindOf(99_999L, "文本消息")).isEqualTo(TEXT);
        assertThat(WeFlowFormat.kindOf(null, "未知类型(12345)")).isEqualTo(APP);
        assertThat(WeFlowFormat.kindOf(34L, "语音消息")).isEqualTo(VOICE);
        assertThat(WeFlowFormat.kindOf(null, null)).isEqualTo(APP);
    }

    @Test
    void refusesJsonWithoutTheWeflowHeader() {
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "chatlab/not-chat.json"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.notFormat"));
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "chatlab/chatlab-group.json"))
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
