package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportCancelledException;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.MessageKind;
import com.qundesk.io.EncodingDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
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

class ChatlogCsvFormatTest {

    private static final String GROUP = "24751836902@chatroom";
    /** 2025-03-01 09:00:00 in Shanghai. */
    private static final long T0 = 1_740_790_800L;

    private final ChatlogCsvFormat format = new ChatlogCsvFormat();

    @Test
    void acceptsMessageFilesButNotTheChatRoomList() throws Exception {
        assertThat(format.id()).isEqualTo("chatlog-csv");
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlog/chatlog-two-chats.csv"))).isTrue();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlog/chatlog-excel-damaged.csv"))).isTrue();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlog/chatlog-chatrooms.csv"))).isFalse();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlog/chatlog-group.json"))).isFalse();
        assertThat(format.accepts(FormatTestSupportB.sniff("chatlab/empty.json"))).isFalse();
    }

    @Test
    void readsTwoChatsWithKindsFromChatlogPlaceholders() throws Exception {
        var r = FormatTestSupportB.read(format, "chatlog/chatlog-two-chats.csv");

        assertThat(r.rejected()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        List<ParsedMessage> m = r.messages();
        assertThat(m).hasSize(27);
        assertThat(m).extracting(ParsedMessage::kind).containsExactly(
                SYSTEM, TEXT, SYSTEM, IMAGE, IMAGE, IMAGE, TEXT, SYSTEM, SYSTEM, TEXT, SYSTEM, TEXT, SYSTEM, FILE, VOICE,
                EMOJI, APP, MONEY, CARD, SYSTEM, VIDEO, MONEY, CALL, APP, TEXT, TEXT, CARD);
        assertThat(m).allMatch(ParsedMessage::exactTime);

        // a chat info for each talker, before its first message
        assertThat(r.chats()).containsExactly(ChatInfo.of(GROUP, "周末徒步群", true),
                ChatInfo.of("wxid_lisi02", "李四", false));
        assertThat(r.events().get(0)).isEqualTo(ChatInfo.of(GROUP, "周末徒步群", true));
        assertThat(r.events().get(25)).isEqualTo(ChatInfo.of("wxid_lisi02", "李四", false));

        ParsedMessage join = m.get(0);
        assertThat(join.text()).isEqualTo("\"张三\"邀请\"李四、王五\"加入了群聊");
        assertThat(join.senderId()).isNull();
        assertThat(join.senderName()).isNull();
        assertThat(join.epochSecond()).isEqualTo(T0);
        assertThat(join.chatId()).isEqualTo(GROUP);
        assertThat(join.chatName()).isEqualTo("周末徒步群");
        assertThat(join.line()).isEqualTo(2);
        assertThat(m.get(2).text()).isEqualTo("\"赵六\"通过扫描\"张三\"分享的二维码加入群聊");

        // three images in the same second stay three messages
        assertThat(m.subList(3, 6)).extracting(ParsedMessage::epochSecond).containsOnly(T0 + 190);
        assertThat(m.subList(3, 6)).extracting(ParsedMessage::line).containsExactly(5L, 6L, 7L);
        assertThat(m.subList(3, 6)).extracting(ParsedMessage::senderId).containsOnly("wxid_lisi02");

        // the quote reply spans three text lines; the next record starts after it
        ParsedMessage quote = m.get(6);
        assertThat(quote.line()).isEqualTo(8);
        assertThat(quote.text()).startsWith("> 张三(wxid_zhangsan01)").endsWith("收到，地铁站A口见");
        assertThat(m.get(7).line()).isEqualTo(11);

        // a 49/62 pat is rendered as its template: a notice, without sender
        assertThat(m.get(7).text()).contains("拍了拍");
        assertThat(m.get(7).senderId()).isNull();
        assertThat(m.get(8).text()).isEqualTo("\"李四\" 拍了拍 \"王五\"");

        ParsedMessage ad = m.get(9);
        assertThat(ad.senderId()).isEqualTo("wxid_sunba06");
        assertThat(ad.senderName()).isEqualTo("孙八");
        assertThat(ad.text()).contains("加V").contains("私聊");
        assertThat(m.get(10).text()).isEqualTo("\"孙八\"撤回了一条消息");
        assertThat(m.get(12).text()).isEqualTo("\"张三\"将\"孙八\"移出了群聊");

        // in a group the exporting account cannot be told from the file
        ParsedMessage mineInGroup = m.get(11);
        assertThat(mineInGroup.senderId()).isEqualTo("wxid_self_zhou");
        assertThat(mineInGroup.self()).isFalse();
        assertThat(m.subList(0, 24)).noneMatch(ParsedMessage::self);

        // Type: 10002 Content: … is a system XML notice
        assertThat(m.get(19).text()).startsWith("Type: 10002 Content: <sysmsg");
        assertThat(m.get(19).senderId()).isNull();

        // one-to-one chat: whoever is not the talker is the exporting account
        assertThat(m.get(24).chatId()).isEqualTo("wxid_lisi02");
        assertThat(m.get(24).text()).isEqualTo("周六我可能晚到十分钟, 先走别等我");
        assertThat(m.get(24).self()).isFalse();
        assertThat(m.get(24).senderId()).isEqualTo("wxid_lisi02");
        assertThat(m.subList(25, 27)).allMatch(ParsedMessage::self);
        assertThat(m.subList(25, 27)).extracting(ParsedMessage::senderId).containsOnly("wxid_self_zhou");
        assertThat(m.get(25).epochSecond()).isEqualTo(T0 + 24 * 3600 + 11 * 3600 + 60);
    }

    @Test
    void spreadsheetDamagedGbkFileKeepsGoodRowsAndRejectsTheRest() throws Exception {
        var sniff = FormatTestSupportB.sniff("chatlog/chatlog-excel-damaged.csv");
        assertThat(sniff.charset()).isEqualTo(EncodingDetector.GB18030);

        var r = FormatTestSupportB.read(format, sniff);

        List<ParsedMessage> m = r.messages();
        assertThat(m).extracting(ParsedMessage::line).containsExactly(2L, 3L, 7L);
        assertThat(m).extracting(ParsedMessage::epochSecond).containsExactly(T0, T0 + 60, T0 + 300);
        assertThat(m).noneMatch(ParsedMessage::exactTime);
        assertThat(m.get(0).kind()).isEqualTo(SYSTEM);
        assertThat(m.get(1).text()).isEqualTo("欢迎新朋友！");
        assertThat(m.get(2).text()).isEqualTo("多行\r\n内容");
        assertThat(r.warnings()).extracting(ParseContext.Collecting.Entry::key)
                .containsExactly("import.warn.minuteTimes");
        assertThat(r.rejected()).extracting(ParseContext.Collecting.Entry::line).containsExactly(4L, 5L, 6L, 9L);
        assertThat(r.rejected()).extracting(ParseContext.Collecting.Entry::key).containsExactly(
                "import.reject.columns", "import.reject.time", "import.reject.timeRange", "import.reject.truncated");
        assertThat(r.rejected().get(0).args()).containsExactly(6, 5);
        assertThat(r.rejected().get(1).args()).containsExactly("昨天 9:03");
        assertThat(r.rejected().get(3).args()).containsExactly(9L);
    }

    @Test
    void contentPlaceholdersGiveTheKind() {
        assertThat(ChatlogCsvFormat.kindOfContent("[图片]")).isEqualTo(IMAGE);
        assertThat(ChatlogCsvFormat.kindOfContent("[视频]")).isEqualTo(VIDEO);
        assertThat(ChatlogCsvFormat.kindOfContent("[视频号|春天](https://x)")).isEqualTo(APP);
        assertThat(ChatlogCsvFormat.kindOfContent("[视频号直播|周末]")).isEqualTo(APP);
        assertThat(ChatlogCsvFormat.kindOfContent("[视频通话]")).isEqualTo(CALL);
        assertThat(ChatlogCsvFormat.kindOfContent("[表情]")).isEqualTo(EMOJI);
        assertThat(ChatlogCsvFormat.kindOfContent("[GIF表情]")).isEqualTo(EMOJI);
        assertThat(ChatlogCsvFormat.kindOfContent("![动画表情](http://cdn/x.gif)")).isEqualTo(EMOJI);
        assertThat(ChatlogCsvFormat.kindOfContent("[文件]路线.pdf")).isEqualTo(FILE);
        assertThat(ChatlogCsvFormat.kindOfContent("[合并转发|群聊的聊天记录]")).isEqualTo(APP);
        assertThat(ChatlogCsvFormat.kindOfContent("[群公告]")).isEqualTo(APP);
        assertThat(ChatlogCsvFormat.kindOfContent("[红包封面]")).isEqualTo(MONEY);
        assertThat(ChatlogCsvFormat.kindOfContent("[名片]")).isEqualTo(CARD);
        assertThat(ChatlogCsvFormat.kindOfContent("[引用]")).isEqualTo(TEXT);
        assertThat(ChatlogCsvFormat.kindOfContent("Type: 48 Content: <msg><location/></msg>")).isEqualTo(CARD);
        assertThat(ChatlogCsvFormat.kindOfContent("Type: 37 Content: <msg/>")).isEqualTo(SYSTEM);
        assertThat(ChatlogCsvFormat.kindOfContent("Type: abc")).isEqualTo(TEXT);
        assertThat(ChatlogCsvFormat.kindOfContent("[不认识]好的")).isEqualTo(TEXT);
        assertThat(ChatlogCsvFormat.kindOfContent("[语音]")).isEqualTo(VOICE);
        assertThat(ChatlogCsvFormat.kindOfContent("我拍了拍桌子")).isEqualTo(TEXT);
        assertThat(ChatlogCsvFormat.kindOfContent("")).isEqualTo(TEXT);
    }

    @Test
    void chatRoomListIsReadByItsOwnReader() throws Exception {
        Path file = FormatTestSupportB.fixture("chatlog/chatlog-chatrooms.csv");
        assertThat(ChatlogRoomList.looksLike(FormatTestSupportB.sniff(file).firstLine())).isTrue();
        assertThat(ChatlogRoomList.looksLike("Time,SenderName,Sender,TalkerName,Talker,Content")).isFalse();
        assertThat(ChatlogRoomList.looksLike("\uFEFF\"Name\",\"Remark\",\"NickName\",\"Owner\",\"UserCount\"")).isTrue();

        List<ChatlogRoomList.Room> rooms = ChatlogRoomList.read(file, StandardCharsets.UTF_8);
        assertThat(rooms).containsExactly(
                new ChatlogRoomList.Room(GROUP, "徒步群", "周末徒步群", "wxid_zhangsan01", 186),
                new ChatlogRoomList.Room("31460285571@chatroom", null, "读书会, 第二期", "wxid_self_zhou", -1));

        assertThatThrownBy(() -> ChatlogRoomList.read(FormatTestSupportB.fixture("chatlog/chatlog-two-chats.csv"),
                StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.notFormat"));
    }

    @Test
    void refusesAFileThatIsNotChatlogCsv() {
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "chatlog/chatlog-chatrooms.csv"))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.error.notFormat");
                    assertThat(e.line()).isEqualTo(1);
                });
        assertThatThrownBy(() -> FormatTestSupportB.read(format, "chatlab/empty.json"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.empty"));
    }

    @Test
    void stopsWhenTheOperatorCancels(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("\uFEFFTime,SenderName,Sender,TalkerName,Talker,Content\r\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("2025-03-01 09:00:00,张三,wxid_zhangsan01,周末徒步群,").append(GROUP).append(",第").append(i)
                    .append("条\r\n");
        }
        Path file = dir.resolve("big.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        ParseContext cancelled = new ParseContext() {
            @Override
            public ZoneId zone() {
                return FormatTestSupportB.SHANGHAI;
            }

            @Override
            public boolean cancelled() {
                return true;
            }

            @Override
            public void reject(long line, String messageKey, Object... args) {
            }

            @Override
            public void warn(String messageKey, Object... args) {
            }
        };
        int[] seen = {0};
        assertThatThrownBy(() -> format.read(FormatTestSupportB.sniff(file), cancelled, new MessageSink() {
            @Override
            public void message(ParsedMessage message) {
                seen[0]++;
            }
        })).isInstanceOf(ImportCancelledException.class);
        assertThat(seen[0]).isBetween(4000, 4096);
    }

    @Test
    void kindOfASystemSenderIsAlwaysSystem() throws Exception {
        var r = FormatTestSupportB.read(format, "chatlog/chatlog-two-chats.csv");
        assertThat(r.messages()).filteredOn(x -> x.kind() == MessageKind.SYSTEM).hasSize(7)
                .allMatch(x -> x.senderId() == null && x.senderKey().isEmpty());
    }
}
