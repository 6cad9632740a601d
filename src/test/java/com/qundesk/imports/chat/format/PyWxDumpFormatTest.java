package com.qundesk.imports.chat.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.qundesk.imports.MessageKind.APP;
import static com.qundesk.imports.MessageKind.EMOJI;
import static com.qundesk.imports.MessageKind.IMAGE;
import static com.qundesk.imports.MessageKind.MONEY;
import static com.qundesk.imports.MessageKind.SYSTEM;
import static com.qundesk.imports.MessageKind.TEXT;
import static com.qundesk.imports.MessageKind.VOICE;
import static com.qundesk.imports.chat.format.FormatTestSupportA.fixture;
import static com.qundesk.imports.chat.format.FormatTestSupportA.read;
import static com.qundesk.imports.chat.format.FormatTestSupportA.sniff;
import static org.assertj.core.api.Assertions.assertThat;

class PyWxDumpFormatTest {

    private static final String ROOM = "2233445566@chatroom";
    private static final String DIR = "pywxdump/wxid_owner/csv/" + ROOM + "/";
    private static final String PAGE1 = DIR + ROOM + "_0_5000.csv";
    private static final String PAGE2 = DIR + ROOM + "_5000_10000.csv";
    private static final long T = 1_728_043_200L; // 2024-10-04 20:00:00 +08:00
    private static final List<String> MEMBERS = List.of("wxid_owner", "wxid_chenyi", "wxid_zhouer", "wxid_wusan",
            "wxid_zhengsi");

    private final PyWxDumpFormat format = new PyWxDumpFormat();

    private static ParsedMessage at(FormatTestSupportA.Collected c, long line) {
        return c.messages.stream().filter(m -> m.line() == line).findFirst().orElseThrow();
    }

    @Test
    void readsAGroupPageWithUsersJson() throws IOException {
        var c = read(format, fixture(PAGE1));

        assertThat(c.messages).extracting(ParsedMessage::line)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L);
        assertThat(c.messages).extracting(ParsedMessage::kind).containsExactly(TEXT, TEXT, IMAGE, IMAGE, TEXT,
                SYSTEM, SYSTEM, SYSTEM, EMOJI, VOICE, TEXT, APP, MONEY, SYSTEM, SYSTEM);
        assertThat(c.rejectedLines()).containsExactly(19L);
        assertThat(c.rejectedKeys()).containsExactly("import.reject.time");
        assertThat(c.context.warnings).isEmpty();
        assertThat(c.chats).containsExactly(new ChatInfo(ROOM, "城南读书会", true, "wxid_owner", MEMBERS, null));
        assertThat(c.messages).allSatisfy(m -> {
            assertThat(m.chatId()).isEqualTo(ROOM);
            assertThat(m.chatName()).isEqualTo("城南读书会");
            assertThat(m.exactTime()).isTrue();
        });

        assertThat(c.messages).filteredOn(ParsedMessage::self).extracting(ParsedMessage::line)
                .as("is_sender=1, and is_sender=0 rows whose talker is the owner")
                .containsExactly(2L, 4L, 5L, 9L);
        assertThat(at(c, 2).epochSecond()).isEqualTo(T);
        assertThat(at(c, 2).senderId()).isEqualTo("wxid_owner");
        assertThat(at(c, 2).senderName()).isEqualTo("群主小城");
        assertThat(at(c, 4).senderId()).isEqualTo("wxid_owner");
        assertThat(at(c, 3).senderId()).isEqualTo("wxid_chenyi");
        assertThat(at(c, 3).senderName()).as("group nickname").isEqualTo("陈一（班长）");
        assertThat(at(c, 3).epochSecond()).isEqualTo(T + 7);
        assertThat(at(c, 6).senderName()).as("remark when no group nickname").isEqualTo("二哥");
        assertThat(at(c, 6).text()).isEqualTo("（我也来）\n\n[引用](2024-10-04 20:00:00)群主小城:大家好，今晚共读第五章");
        assertThat(at(c, 9).text()).isEqualTo("<revokemsg>你撤回了一条消息</revokemsg>");
        assertThat(at(c, 12).senderName()).as("nickname").isEqualTo("吴三");
        assertThat(at(c, 14).senderId()).as("talker 未知").isNull();
        assertThat(at(c, 14).self()).isFalse();
        assertThat(c.messages).filteredOn(m -> m.kind() == SYSTEM).allSatisfy(m -> {
            assertThat(m.senderId()).isNull();
            assertThat(m.senderName()).isNull();
        });
    }

    @Test
    void spreadsheetDamagedPageWithACutLastRecord() throws IOException {
        var c = read(format, fixture(PAGE2));

        assertThat(c.messages).extracting(ParsedMessage::line).containsExactly(2L, 3L, 4L);
        assertThat(c.messages).extracting(ParsedMessage::epochSecond)
                .containsExactly(1_728_091_800L, 1_728_091_860L, 1_728_091_860L);
        assertThat(c.messages).extracting(ParsedMessage::exactTime).containsOnly(false);
        assertThat(c.messages).extracting(ParsedMessage::self).containsExactly(true, false, true);
        assertThat(c.warningKeys()).containsExactly("import.warn.minuteTimes");
        assertThat(c.rejectedLines()).containsExactly(5L);
        assertThat(c.rejectedKeys()).containsExactly("import.reject.truncated");
        assertThat(c.chats).hasSize(1);
    }

    @Test
    void ownerFromTheFirstOwnRowWhenTheLayoutIsLost(@TempDir Path dir) throws IOException {
        Path page = Files.copy(fixture(PAGE1), dir.resolve(ROOM + "_0_5000.csv"));
        var c = read(format, page);

        assertThat(c.messages).filteredOn(ParsedMessage::self).extracting(ParsedMessage::line)
                .containsExactly(2L, 4L, 5L, 9L);
        assertThat(at(c, 4).senderId()).isEqualTo("wxid_owner");
        assertThat(c.messages).extracting(ParsedMessage::senderName).containsOnlyNulls();
        assertThat(c.chats).containsExactly(new ChatInfo(ROOM, null, true, "wxid_owner", null, null));
    }

    @Test
    void usersJsonInTheParentFolderAndABrokenOne(@TempDir Path dir) throws IOException {
        Path chat = Files.createDirectories(dir.resolve(ROOM));
        Path page = Files.copy(fixture(PAGE1), chat.resolve(ROOM + "_0_5000.csv"));
        Files.copy(fixture(DIR + "users.json"), dir.resolve("users.json"));
        assertThat(read(format, page).chats.getFirst().members()).isEqualTo(MEMBERS);

        Files.writeString(chat.resolve("users.json"), "{\"broken");
        var c = read(format, page);
        assertThat(c.warningKeys()).containsExactly("import.warn.usersJson");
        assertThat(c.messages).hasSize(15);
    }

    @Test
    void version2ContentJson() throws IOException {
        var c = read(format, fixture("pywxdump/v2x/wxid_hong2024/wxid_hong2024_0_7.csv"));

        assertThat(c.messages).extracting(ParsedMessage::kind).containsExactly(SYSTEM, TEXT, EMOJI, TEXT, TEXT,
                IMAGE);
        assertThat(c.messages).extracting(ParsedMessage::text).containsExactly("你已添加了小红，现在可以开始聊天了。", "你好呀",
                "表情", "多行\n第二行", "不是JSON的内容", "图片");
        assertThat(c.messages).extracting(ParsedMessage::self)
                .containsExactly(false, true, false, false, true, false);
        assertThat(c.messages).extracting(ParsedMessage::senderId)
                .containsExactly(null, null, "wxid_hong2024", "wxid_hong2024", null, "wxid_hong2024");
        assertThat(c.messages.get(1).epochSecond()).isEqualTo(1_691_853_774L); // 2023-08-12 23:22:54 +08:00
        assertThat(c.context.rejected).isEmpty();
        assertThat(c.chats).containsExactly(new ChatInfo("wxid_hong2024", null, false, null, null, null));
    }

    @Test
    void listsPagesInNumericOrder(@TempDir Path dir) throws IOException {
        Path chat = Files.createDirectories(dir.resolve("a@chatroom"));
        for (String n : List.of("a@chatroom_10000_15000.csv", "a@chatroom_0_5000.csv", "a@chatroom_5000_10000.csv",
                "users.json", "notes.csv")) {
            Files.writeString(chat.resolve(n), "x");
        }
        assertThat(PyWxDumpFormat.pages(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("a@chatroom_0_5000.csv", "a@chatroom_5000_10000.csv", "a@chatroom_10000_15000.csv");

        assertThat(PyWxDumpFormat.pages(fixture("pywxdump"))).extracting(p -> p.getFileName().toString())
                .containsExactly("wxid_hong2024_0_7.csv", ROOM + "_0_5000.csv", ROOM + "_5000_10000.csv");
        assertThat(PyWxDumpFormat.isUsersJson(fixture(DIR + "users.json"))).isTrue();
        assertThat(PyWxDumpFormat.isUsersJson(fixture(PAGE1))).isFalse();
    }

    @Test
    void detection() {
        assertThat(format.id()).isEqualTo("pywxdump");
        assertThat(format.accepts(sniff(fixture(PAGE1)))).isTrue();
        assertThat(format.accepts(sniff(fixture("pywxdump/v2x/wxid_hong2024/wxid_hong2024_0_7.csv")))).isTrue();
        for (String f : List.of("wechatmsg/夜话会1群(123456789@chatroom)/夜话会1群.csv",
                "wechatmsg/old9/读书会/读书会_utf8.csv", "wechatmsg/all/messages.csv",
                "wechatmsg/v2/夜话会2群(99887766@chatroom)/夜话会2群.csv", "wechatmsg/samples/msg.csv")) {
            assertThat(format.accepts(sniff(fixture(f)))).as(f).isFalse();
        }
        assertThat(new WeChatMsgFormat().accepts(sniff(fixture(PAGE1)))).isFalse();
    }
}
