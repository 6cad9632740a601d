package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportCancelledException;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.MessageKind;
import com.qundesk.io.EncodingDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static com.qundesk.imports.MessageKind.APP;
import static com.qundesk.imports.MessageKind.CALL;
import static com.qundesk.imports.MessageKind.EMOJI;
import static com.qundesk.imports.MessageKind.FILE;
import static com.qundesk.imports.MessageKind.IMAGE;
import static com.qundesk.imports.MessageKind.MONEY;
import static com.qundesk.imports.MessageKind.SYSTEM;
import static com.qundesk.imports.MessageKind.TEXT;
import static com.qundesk.imports.MessageKind.VOICE;
import static com.qundesk.imports.chat.format.FormatTestSupportA.fixture;
import static com.qundesk.imports.chat.format.FormatTestSupportA.read;
import static com.qundesk.imports.chat.format.FormatTestSupportA.sniff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeChatMsgFormatTest {

    private static final String GROUP = "wechatmsg/夜话会1群(123456789@chatroom)/夜话会1群.csv";
    private static final long B = 1_717_200_000L; // 2024-06-01 08:00:00 +08:00

    private final WeChatMsgFormat format = new WeChatMsgFormat();

    private static ParsedMessage at(FormatTestSupportA.Collected c, long line) {
        return c.messages.stream().filter(m -> m.line() == line).findFirst().orElseThrow();
    }

    @Test
    void readsAGroupFileNamedByItsFolder() throws IOException {
        var c = read(format, fixture(GROUP));

        assertThat(c.messages).hasSize(21);
        assertThat(c.messages).extracting(ParsedMessage::line)
                .containsExactly(2L, 3L, 4L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L,
                        22L, 25L, 26L);
        assertThat(c.messages).extracting(ParsedMessage::kind).containsExactly(SYSTEM, TEXT, TEXT, IMAGE, IMAGE,
                IMAGE, SYSTEM, SYSTEM, SYSTEM, TEXT, SYSTEM, TEXT, APP, FILE, MONEY, EMOJI, VOICE, TEXT, TEXT, CALL,
                SYSTEM);
        assertThat(c.rejectedLines()).containsExactly(23L, 24L);
        assertThat(c.rejectedKeys()).containsExactly("import.reject.time", "import.reject.columns");
        assertThat(c.context.rejected.get(1).args()).containsExactly(12, 13);
        assertThat(c.warningKeys()).containsExactly("import.warn.minuteTimes");
        assertThat(c.chats).containsExactly(
                new ChatInfo("123456789@chatroom", "夜话会1群", true, "wxid_owner01", null, null));
        assertThat(c.messages).allSatisfy(m -> {
            assertThat(m.chatId()).isEqualTo("123456789@chatroom");
            assertThat(m.chatName()).isEqualTo("夜话会1群");
        });

        ParsedMessage join = at(c, 2);
        assertThat(join.text()).isEqualTo("\"张三\"邀请\"李四、王五\"加入了群聊");
        assertThat(join.epochSecond()).isEqualTo(B);
        assertThat(join.senderId()).isNull();

        ParsedMessage multiLine = at(c, 4);
        assertThat(multiLine.text()).isEqualTo("欢迎欢迎！\n今晚八点开聊，\n记得准时");
        assertThat(multiLine.self()).isTrue();
        assertThat(multiLine.senderId()).isEqualTo("wxid_owner01");
        assertThat(multiLine.senderName()).isEqualTo("群主小夜");

        assertThat(List.of(at(c, 7), at(c, 8), at(c, 9))).allSatisfy(m -> {
            assertThat(m.epochSecond()).isEqualTo(B + 180);
            assertThat(m.senderId()).isEqualTo("wxid_zhangsan");
            assertThat(m.senderName()).isEqualTo("张三-运营");
        });
        assertThat(at(c, 11).senderId()).as("a pat has no sender").isNull();
        assertThat(at(c, 13).text()).startsWith("<?xml").contains("<refermsg>");
        assertThat(at(c, 13).senderName()).isEqualTo("王五");
        assertThat(at(c, 14).self()).isTrue();
        assertThat(at(c, 15).senderId()).isEqualTo("wxid_sunqi");
        assertThat(at(c, 15).senderName()).as("left member: names are the wxid").isNull();

        ParsedMessage damagedStrTime = at(c, 17);
        assertThat(damagedStrTime.epochSecond()).isEqualTo(B + 600);
        assertThat(damagedStrTime.exactTime()).isTrue();
        assertThat(at(c, 21).epochSecond()).isEqualTo(B + 3600);
        assertThat(at(c, 21).exactTime()).isTrue();
        assertThat(at(c, 22).epochSecond()).isEqualTo(B + 3660);
        assertThat(at(c, 22).exactTime()).isFalse();
        assertThat(c.messages).filteredOn(ParsedMessage::self).extracting(ParsedMessage::line)
                .containsExactly(4L, 14L, 17L, 25L);
        assertThat(c.messages).filteredOn(m -> m.kind() == SYSTEM).allSatisfy(m -> assertThat(m.senderId()).isNull());
    }

    @Test
    void aGbkCopyReadsTheSame() throws IOException {
        Path gbk = fixture("wechatmsg/gbk/夜话会1群(123456789@chatroom)/夜话会1群.csv");
        assertThat(sniff(gbk).charset()).isEqualTo(EncodingDetector.GB18030);
        assertThat(sniff(fixture(GROUP)).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(format.accepts(sniff(gbk))).isTrue();

        var utf8 = read(format, fixture(GROUP));
        var gb = read(format, gbk);
        assertThat(gb.messages).hasSize(21).isEqualTo(utf8.messages);
        assertThat(gb.chats).isEqualTo(utf8.chats);
        assertThat(gb.context.rejected).isEqualTo(utf8.context.rejected);
    }

    @Test
    void oldNineColumnFileHasNoSenders() throws IOException {
        var c = read(format, fixture("wechatmsg/old9/读书会/读书会_utf8.csv"));

        assertThat(c.messages).extracting(ParsedMessage::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(c.messages).extracting(ParsedMessage::kind).containsExactly(TEXT, TEXT, SYSTEM, IMAGE);
        assertThat(c.messages).extracting(ParsedMessage::senderId).containsOnlyNulls();
        assertThat(c.messages).extracting(ParsedMessage::self).containsExactly(false, true, false, false);
        assertThat(c.messages.getFirst().epochSecond()).isEqualTo(1_622_700_000L);
        assertThat(c.messages).extracting(ParsedMessage::chatName).containsOnly("读书会");
        assertThat(c.warningKeys()).containsExactly("import.warn.noSenders");
        assertThat(c.rejectedLines()).as("the cut last line").containsExactly(6L);
        assertThat(c.context.rejected.getFirst().args()).containsExactly(9, 6);
        assertThat(c.chats).containsExactly(new ChatInfo(null, "读书会", null, null, null, null));
    }

    @Test
    void exportAllFileNamesChatsByRemarkAndSendersByDisplayName() throws IOException {
        var c = read(format, fixture("wechatmsg/all/messages.csv"));
        assertExportAll(c);
    }

    @Test
    void exportAllIsRecognisedByContentUnderAnotherName(@TempDir Path dir) throws IOException {
        Path copy = Files.copy(fixture("wechatmsg/all/messages.csv"), dir.resolve("全部聊天记录.csv"));
        assertExportAll(read(format, copy));
    }

    private static void assertExportAll(FormatTestSupportA.Collected c) {
        assertThat(c.messages).hasSize(9);
        assertThat(c.context.rejected).isEmpty();
        assertThat(c.messages).extracting(ParsedMessage::chatId).containsExactly("talker:3", "talker:3", "talker:3",
                "talker:3", "talker:5", "talker:5", "talker:5", "55667788@chatroom", "55667788@chatroom");
        assertThat(c.messages).extracting(ParsedMessage::chatName).containsExactly("周末徒步群", "周末徒步群", "周末徒步群",
                "周末徒步群", "小红", "小红", "小红", "骑行群备注", "骑行群备注");
        assertThat(c.messages).extracting(ParsedMessage::senderName).containsExactly("阿强", null, "小美", null, "小红",
                null, "小红", "老周", null);
        assertThat(c.messages).extracting(ParsedMessage::senderId).containsOnlyNulls();
        assertThat(c.messages).extracting(ParsedMessage::self)
                .containsExactly(false, true, false, false, false, true, false, false, true);
        assertThat(c.messages.get(3).kind()).isEqualTo(SYSTEM);
        assertThat(c.messages.getFirst().epochSecond()).isEqualTo(1_700_000_000L);
        assertThat(c.chats).containsExactly(
                new ChatInfo("talker:3", "周末徒步群", true, null, null, null),
                new ChatInfo("talker:5", "小红", false, null, null, null),
                new ChatInfo("55667788@chatroom", "骑行群备注", true, null, null, null));
    }

    @Test
    void exportAllRule() throws IOException {
        String header = String.join(",", WeChatMsgFormat.FULL) + "\n";
        // a per-chat group file whose TalkerId changes between database shards: names vary by sender
        List<CsvRow> sharded = records(header
                + "1,7,1,0,0,1717200000,2,a,x,李四,李四,wxid_lisi\n"
                + "2,7,1,0,0,1717200001,2,b,x,张三,张三,wxid_zhangsan\n"
                + "3,9,1,0,0,1717200002,2,c,x,李四,李四,wxid_lisi\n"
                + "4,9,1,0,0,1717200003,2,d,x,王五,王五,wxid_wangwu\n");
        assertThat(WeChatMsgFormat.isExportAll(sharded)).isFalse();
        // two chats, each with one constant Remark/NickName pair and ASCII display names
        List<CsvRow> twoChats = records(header
                + "1,3,1,0,0,1717200000,2,a,x,,Hiking,Tom\n"
                + "2,3,1,0,0,1717200001,2,b,x,,Hiking,Amy\n"
                + "3,5,1,0,0,1717200002,2,c,x,Hong,Hong,Hong\n");
        assertThat(WeChatMsgFormat.isExportAll(twoChats)).isTrue();
        // a display name is never a wxid
        assertThat(WeChatMsgFormat.isExportAll(records(header + "1,3,1,0,0,1717200000,2,a,x,,群,我\n"))).isTrue();
        assertThat(WeChatMsgFormat.isExportAll(records(header + "1,3,1,0,0,1717200000,2,a,x,李四,李四,wxid_lisi\n")))
                .isFalse();
    }

    private static List<CsvRow> records(String csv) throws IOException {
        List<CsvRow> out = new ArrayList<>();
        try (CsvRows rows = CsvRows.of(new StringReader(csv), true)) {
            rows.next(); // the header
            for (CsvRow r = rows.next(); r != null; r = rows.next()) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void v2ChineseHeader() throws IOException {
        var c = read(format, fixture("wechatmsg/v2/夜话会2群(99887766@chatroom)/夜话会2群.csv"));
        long v = 1_740_830_400L; // 2025-03-01 20:00:00 +08:00

        assertThat(c.messages).extracting(ParsedMessage::line)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 8L, 9L, 10L, 16L, 17L);
        assertThat(c.messages).extracting(ParsedMessage::kind)
                .containsExactly(TEXT, TEXT, IMAGE, EMOJI, TEXT, SYSTEM, SYSTEM, APP, MONEY, CALL);
        assertThat(c.messages).extracting(ParsedMessage::self)
                .containsExactly(false, true, false, false, false, false, false, false, false, true);
        assertThat(c.messages).extracting(ParsedMessage::senderName)
                .containsExactly("陈一", null, "周二", "陈一", "周二", null, null, "吴三", "陈一", null);
        assertThat(c.messages).extracting(ParsedMessage::senderId).containsOnlyNulls();
        assertThat(c.messages.getFirst().epochSecond()).isEqualTo(v);
        assertThat(at(c, 6).text()).isEqualTo("同意\n引用：陈一: 晚上好");
        assertThat(at(c, 10).epochSecond()).isEqualTo(v + 300);
        assertThat(at(c, 10).exactTime()).isFalse();
        assertThat(c.warningKeys()).containsExactly("import.warn.minuteTimes");
        assertThat(c.rejectedLines()).containsExactly(19L);
        assertThat(c.rejectedKeys()).containsExactly("import.reject.time");
        assertThat(c.chats).containsExactly(new ChatInfo("99887766@chatroom", "夜话会2群", true, null, null, null));
    }

    @Test
    void publicSampleFromWechatVisualization() throws IOException {
        var c = read(format, fixture("wechatmsg/samples/msg.csv"));

        assertThat(c.messages).hasSize(4);
        assertThat(c.messages).extracting(ParsedMessage::epochSecond)
                .containsExactly(1_622_712_658L, 1_622_712_663L, 1_622_712_674L, 1_622_712_674L);
        assertThat(c.messages).extracting(ParsedMessage::text).containsExactly("[呲牙]", "好的", "223515", "]");
        assertThat(c.messages).allSatisfy(m -> {
            assertThat(m.self()).isTrue();
            assertThat(m.exactTime()).as("CreateTime wins over the damaged StrTime").isTrue();
            assertThat(m.kind()).isEqualTo(TEXT);
            assertThat(m.senderId()).isNull();
        });
        assertThat(c.context.rejected).isEmpty();
        assertThat(c.context.warnings).isEmpty();
        assertThat(c.chats).as("nothing names the chat").isEmpty();
    }

    @Test
    void detectsEveryVariantAndNothingElse() {
        assertThat(format.id()).isEqualTo("wechatmsg");
        for (String f : List.of(GROUP, "wechatmsg/old9/读书会/读书会_utf8.csv", "wechatmsg/all/messages.csv",
                "wechatmsg/v2/夜话会2群(99887766@chatroom)/夜话会2群.csv", "wechatmsg/samples/msg.csv")) {
            assertThat(format.accepts(sniff(fixture(f)))).as(f).isTrue();
        }
    }

    @Test
    void emptyAndForeignFilesAreRefused(@TempDir Path dir) throws IOException {
        Path empty = Files.write(dir.resolve("empty.csv"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThatThrownBy(() -> read(format, empty)).isInstanceOf(ImportFormatException.class)
                .extracting(e -> ((ImportFormatException) e).messageKey()).isEqualTo("import.error.empty");
        Path other = Files.writeString(dir.resolve("other.csv"), "a,b,c\r\n1,2,3\r\n");
        assertThatThrownBy(() -> read(format, other)).isInstanceOf(ImportFormatException.class)
                .extracting(e -> ((ImportFormatException) e).messageKey()).isEqualTo("import.error.notFormat");
    }

    @Test
    void stopsWhenCancelled(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", WeChatMsgFormat.FULL)).append("\r\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append(i).append(",7,1,0,0,").append(B + i).append(",2,x,,,,\r\n");
        }
        Path file = Files.writeString(dir.resolve("x.csv"), csv);
        int[] seen = {0};
        ParseContext cancelling = new ParseContext() {
            @Override
            public ZoneId zone() {
                return FormatTestSupportA.SHANGHAI;
            }

            @Override
            public boolean cancelled() {
                return seen[0] > 100;
            }

            @Override
            public void reject(long line, String messageKey, Object... args) {
            }

            @Override
            public void warn(String messageKey, Object... args) {
            }
        };
        assertThatThrownBy(() -> format.read(sniff(file), cancelling, m -> seen[0]++))
                .isInstanceOf(ImportCancelledException.class);
        assertThat(seen[0]).isBetween(101, 5000);
    }

    @Test
    void chatFromFolderAndFileName() {
        assertThat(WeChatMsgChatPath.of(Path.of("x", "小红(wxid_red01)", "小红.csv")))
                .isEqualTo(new WeChatMsgChatPath("wxid_red01", "小红", false));
        assertThat(WeChatMsgChatPath.of(Path.of("x", "夜话会(123@chatroom)", "夜话会.csv")))
                .isEqualTo(new WeChatMsgChatPath("123@chatroom", "夜话会", true));
        assertThat(WeChatMsgChatPath.of(Path.of("x", "张三(备用)", "张三(备用).csv")))
                .as("parentheses that hold no id belong to the remark")
                .isEqualTo(new WeChatMsgChatPath(null, "张三(备用)", null));
        assertThat(WeChatMsgChatPath.of(Path.of("x", "读书会", "读书会_utf8.csv")))
                .isEqualTo(new WeChatMsgChatPath(null, "读书会", null));
        assertThat(WeChatMsgChatPath.of(Path.of("x", "samples", "msg.csv")))
                .isEqualTo(WeChatMsgChatPath.UNKNOWN);
    }

    @Test
    void kindTable() {
        assertThat(WeChatTypes.kindOf(1, 0)).isEqualTo(TEXT);
        assertThat(WeChatTypes.kindOf(49, 57)).isEqualTo(TEXT);
        assertThat(WeChatTypes.kindOf(49, 1)).isEqualTo(TEXT);
        assertThat(WeChatTypes.kindOf(49, 8)).isEqualTo(EMOJI);
        assertThat(WeChatTypes.kindOf(49, 74)).isEqualTo(FILE);
        assertThat(WeChatTypes.kindOf(49, 87)).isEqualTo(APP);
        assertThat(WeChatTypes.kindOf(49, 2003)).isEqualTo(MONEY);
        assertThat(WeChatTypes.kindOf(49, 62)).isEqualTo(SYSTEM);
        assertThat(WeChatTypes.kindOf(42, 0)).isEqualTo(MessageKind.CARD);
        assertThat(WeChatTypes.kindOf(48, 0)).isEqualTo(MessageKind.CARD);
        assertThat(WeChatTypes.kindOf(37, 0)).isEqualTo(SYSTEM);
        assertThat(WeChatTypes.kindOf(10002, 0)).isEqualTo(SYSTEM);
        assertThat(WeChatTypes.kindOf(9999, 0)).isEqualTo(APP);
        assertThat(WeChatTypes.kindOfLocalType((57L << 32) | 49)).isEqualTo(TEXT);
        assertThat(WeChatTypes.kindOfLocalType(8594229559345L)).as("red envelope 2001<<32|49").isEqualTo(MONEY);
        assertThat(WeChatTypes.kindOfLocalType(266287972401L)).as("pat 62<<32|49").isEqualTo(SYSTEM);
        assertThat(WeChatTypes.kindOfLabel("引用回复")).isEqualTo(TEXT);
        assertThat(WeChatTypes.kindOfLabel("语音/视频通话")).isEqualTo(CALL);
        assertThat(WeChatTypes.kindOfLabel("表情")).isEqualTo(EMOJI);
        assertThat(WeChatTypes.kindOfLabel("名片")).isEqualTo(MessageKind.CARD);
        assertThat(WeChatTypes.kindOfLabel("邀请加群")).isEqualTo(SYSTEM);
        assertThat(WeChatTypes.kindOfLabel("语音")).isEqualTo(VOICE);
        assertThat(WeChatTypes.kindOfLabel("合并转发")).isEqualTo(APP);
        assertThat(WeChatTypes.kindOfLabel(null)).isEqualTo(APP);
    }
}
