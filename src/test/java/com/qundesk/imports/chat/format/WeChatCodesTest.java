package com.qundesk.imports.chat.format;

import com.qundesk.imports.MessageKind;
import org.junit.jupiter.api.Test;

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

class WeChatCodesTest {

    private static long combined(long type, long sub) {
        return sub << 32 | type;
    }

    @Test
    void mapsTypeAndSubTypeToTheProjectFamilies() {
        assertThat(WeChatCodes.kind(1, 0)).isEqualTo(TEXT);
        assertThat(WeChatCodes.kind(49, 57)).isEqualTo(TEXT);
        assertThat(WeChatCodes.kind(49, 1)).isEqualTo(TEXT);
        assertThat(WeChatCodes.kind(3, 0)).isEqualTo(IMAGE);
        assertThat(WeChatCodes.kind(34, 0)).isEqualTo(VOICE);
        assertThat(WeChatCodes.kind(43, 0)).isEqualTo(VIDEO);
        assertThat(WeChatCodes.kind(47, 0)).isEqualTo(EMOJI);
        assertThat(WeChatCodes.kind(49, 8)).isEqualTo(EMOJI);
        assertThat(WeChatCodes.kind(49, 6)).isEqualTo(FILE);
        assertThat(WeChatCodes.kind(49, 74)).isEqualTo(FILE);
        for (int sub : new int[] {2000, 2001, 2003}) {
            assertThat(WeChatCodes.kind(49, sub)).isEqualTo(MONEY);
        }
        assertThat(WeChatCodes.kind(42, 0)).isEqualTo(CARD);
        assertThat(WeChatCodes.kind(48, 0)).isEqualTo(CARD);
        assertThat(WeChatCodes.kind(50, 0)).isEqualTo(CALL);
        for (long t : new long[] {10000, 10002, 37}) {
            assertThat(WeChatCodes.kind(t, 0)).isEqualTo(SYSTEM);
        }
        assertThat(WeChatCodes.kind(10000, 4)).isEqualTo(SYSTEM);
        assertThat(WeChatCodes.kind(49, 62)).isEqualTo(SYSTEM);
        for (int sub : new int[] {0, 3, 4, 5, 17, 19, 24, 33, 36, 40, 50, 51, 53, 63, 87}) {
            assertThat(WeChatCodes.kind(49, sub)).as("49/%d", sub).isEqualTo(APP);
        }
        assertThat(WeChatCodes.kind(12345, 0)).isEqualTo(APP);
        assertThat(WeChatCodes.kind(49, 57L + (1L << 32))).as("no int overflow").isEqualTo(APP);
    }

    @Test
    void splitsWeChat4LocalTypes() {
        assertThat(WeChatCodes.type(244_813_135_921L)).isEqualTo(49);
        assertThat(WeChatCodes.subType(244_813_135_921L)).isEqualTo(57);
        assertThat(WeChatCodes.type(10000)).isEqualTo(10000);
        assertThat(WeChatCodes.subType(10000)).isZero();
        assertThat(WeChatCodes.kind(combined(49, 57), 0)).isEqualTo(TEXT);
        assertThat(WeChatCodes.kind(combined(49, 62), 0)).isEqualTo(SYSTEM);
        assertThat(WeChatCodes.kind(combined(49, 2001), 0)).isEqualTo(MONEY);
        assertThat(WeChatCodes.kind(combined(49, 6), 99)).as("the combined SubType wins").isEqualTo(FILE);
        assertThat(WeChatCodes.kind(combined(10000, 4), 0)).isEqualTo(SYSTEM);
    }

    @Test
    void mapsChineseLabels() {
        String[][] cases = {
                {"文本", "TEXT"}, {"引用回复", "TEXT"}, {"图片", "IMAGE"}, {"语音", "VOICE"}, {"视频", "VIDEO"},
                {"动画表情", "EMOJI"}, {"表情", "EMOJI"}, {"文件", "FILE"}, {"转账", "MONEY"}, {"红包", "MONEY"},
                {"名片", "CARD"}, {"位置", "CARD"}, {"语音/视频通话", "CALL"}, {"语音通话", "CALL"},
                {"视频通话", "CALL"}, {"系统通知", "SYSTEM"}, {"拍一拍", "SYSTEM"}, {"消息撤回", "SYSTEM"},
                {"邀请加群", "SYSTEM"}, {"卡片链接", "APP"}, {"合并转发", "APP"}, {"小程序", "APP"}, {"接龙", "APP"},
                {"群公告", "APP"}, {"音乐", "APP"}, {"视频号", "APP"}, {"文本消息", "TEXT"}, {"引用消息", "TEXT"},
                {"转账消息", "MONEY"}, {"聊天记录", "APP"}, {"其他消息", "APP"}, {"未知类型(81604378673)", "APP"},
        };
        for (String[] c : cases) {
            assertThat(WeChatCodes.kindOfLabel(c[0])).as(c[0]).isEqualTo(MessageKind.valueOf(c[1]));
        }
        assertThat(WeChatCodes.kindOfLabel("奇怪的标签")).isNull();
        assertThat(WeChatCodes.kindOfLabel(null)).isNull();
    }

    /** PyWxDump's type_converter: a recall is 消息撤回 + the sub-type; its other labels land where the codes do. */
    @Test
    void readsPyWxDumpsOwnLabels() {
        for (String recall : new String[]{"消息撤回1", "消息撤回5", "消息撤回6", "消息撤回33", "消息撤回36", "消息撤回57"}) {
            assertThat(WeChatCodes.kindOfLabel(recall)).as(recall).isEqualTo(MessageKind.SYSTEM);
        }
        assertThat(WeChatCodes.kindOfLabel("消息撤回x")).isNull();
        assertThat(WeChatCodes.kindOfLabel("粘贴的文本")).isEqualTo(WeChatCodes.kind(49, 1));
        assertThat(WeChatCodes.kindOfLabel("用户上传的GIF表情")).isEqualTo(WeChatCodes.kind(49, 8));
        assertThat(WeChatCodes.kindOfLabel("文件(猜)")).isEqualTo(WeChatCodes.kind(49, 74));
        assertThat(WeChatCodes.kindOfLabel("赠送红包封面")).isEqualTo(WeChatCodes.kind(49, 2003));
        assertThat(WeChatCodes.kindOfLabel("添加好友")).isEqualTo(WeChatCodes.kind(37, 0));
        assertThat(WeChatCodes.kindOfLabel("推荐公众号")).isEqualTo(WeChatCodes.kind(42, 0));
        // a red packet (49/2001) has no label of its own: 未知, read as a message (APP) of its sender
        assertThat(com.qundesk.imports.chat.format.WeChatTypes.kindOfLabel("未知")).isEqualTo(MessageKind.APP);
    }

    @Test
    void mapsChatLabTypes() {
        MessageKind[] expected = new MessageKind[100];
        expected[0] = TEXT;
        expected[1] = IMAGE;
        expected[2] = VOICE;
        expected[3] = VIDEO;
        expected[4] = FILE;
        expected[5] = EMOJI;
        expected[7] = APP;
        expected[8] = CARD;
        expected[20] = MONEY;
        expected[21] = MONEY;
        expected[22] = SYSTEM;
        expected[23] = CALL;
        expected[24] = APP;
        expected[25] = TEXT;
        expected[26] = APP;
        expected[27] = CARD;
        expected[80] = SYSTEM;
        expected[81] = SYSTEM;
        expected[99] = APP;
        for (int i = 0; i < expected.length; i++) {
            assertThat(ChatLabTypes.kind(i)).as("ChatLab %d", i).isEqualTo(expected[i] == null ? APP : expected[i]);
        }
        assertThat(ChatLabTypes.kind(-1)).isEqualTo(APP);
        assertThat(ChatLabTypes.kind(1L << 40)).isEqualTo(APP);
    }
}
