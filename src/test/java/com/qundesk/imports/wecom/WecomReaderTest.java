package com.qundesk.imports.wecom;

import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.wecom.WecomResponse.ChangeEvent;
import com.qundesk.imports.wecom.WecomResponse.Data;
import com.qundesk.imports.wecom.WecomResponse.DayStatistic;
import com.qundesk.imports.wecom.WecomResponse.GroupDetail;
import com.qundesk.imports.wecom.WecomResponse.GroupList;
import com.qundesk.imports.wecom.WecomResponse.OwnerStatistic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WecomReaderTest {

    @TempDir
    Path dir;

    private static Path resource(String name) throws Exception {
        return Path.of(WecomReaderTest.class.getResource("/imports/wecom/" + name).toURI());
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static ImportFormatException failure(Path p) {
        try {
            WecomReader.readAll(p);
        } catch (ImportFormatException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected ImportFormatException, got " + e, e);
        }
        throw new AssertionError("expected ImportFormatException");
    }

    // --------------------------------------------------------------------------------- the official examples

    @Test
    void groupChatList() throws Exception {
        GroupList l = (GroupList) WecomReader.read(resource("groupchat_list.response.json"));
        assertThat(l.chats()).containsExactly(new GroupList.Entry("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", 0),
                new GroupList.Entry("wrOgQhDgAAcwMTB7YmDkbeBsAAAA", 0));
        assertThat(l.nextCursor()).isEqualTo("tJzlB9tdqfh-g7i_J-ehOz_TWcd7dSKa39_AqCIeMFw");
    }

    @Test
    void groupChatDetail() throws Exception {
        GroupDetail g = (GroupDetail) WecomReader.read(resource("groupchat_get.response.json"));
        assertThat(g.chatId()).isEqualTo("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA");
        assertThat(g.name()).isEqualTo("销售客服群");
        assertThat(g.owner()).isEqualTo("ZhuShengBen");
        assertThat(g.createTime()).isEqualTo(1572505490L);
        assertThat(g.notice()).isEqualTo("文明沟通，拒绝脏话");
        assertThat(g.members()).containsExactly(
                new GroupDetail.Member("abel", 1, null, 1572505491L, 1, "jack", "客服小张", "张三丰"),
                new GroupDetail.Member("wmOgQhDgAAuXFJGwbve4g4iXknfOAAAA", 2, "ozynqsulJFCZ2z1aYeS8h-nuasdAAA",
                        1572505491L, 1, null, "顾客老王", "王语嫣"));
        assertThat(g.members()).extracting(GroupDetail.Member::external).containsExactly(false, true);
        assertThat(g.memberIds()).containsExactly("abel", "wmOgQhDgAAuXFJGwbve4g4iXknfOAAAA");
        assertThat(g.admins()).containsExactly("sam", "pony");
        assertThat(g.memberVersion()).isEqualTo("71217227bbd112ecfe3a49c482195cb4");
    }

    @Test
    void statisticPerOwner() throws Exception {
        OwnerStatistic s = (OwnerStatistic) WecomReader.read(resource("groupchat_statistic.response.json"));
        assertThat(s.items()).containsExactly(
                new OwnerStatistic.Item("zhangsan", new Data(2, 2, 0, 0, 6, 0, 0, 3)),
                new OwnerStatistic.Item("lisi", new Data(1, 3, 2, 0, 6, 0, 0, 3)));
    }

    @Test
    void statisticPerDay() throws Exception {
        DayStatistic s = (DayStatistic) WecomReader.read(resource("groupchat_statistic_group_by_day.response.json"));
        assertThat(s.items()).containsExactly(
                new DayStatistic.Item(1600272000L, new Data(2, 2, 0, 0, 6, 0, 0, 3)),
                new DayStatistic.Item(1600358400L, new Data(2, 2, 0, 0, 6, 0, 0, 3)));
    }

    @Test
    void changeCallback() throws Exception {
        ChangeEvent e = (ChangeEvent) WecomReader.read(resource("change_external_chat.update_add_member.callback.xml"));
        assertThat(e).isEqualTo(new ChangeEvent("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", "update", "add_member", 1, 0, 10,
                List.of("Jack", "Rose"), 1403610513L));
    }

    // ------------------------------------------------------------------------------------- several a file

    @Test
    void jsonLinesOfPages() throws Exception {
        List<WecomResponse> pages = WecomReader.readAll(resource("pages.jsonl"));
        assertThat(pages).hasSize(2);
        GroupList p1 = (GroupList) pages.get(0);
        GroupList p2 = (GroupList) pages.get(1);
        assertThat(p1.chats()).extracting(GroupList.Entry::chatId)
                .containsExactly("wrAAAAAAAAAA-readers-01", "wrAAAAAAAAAA-readers-02");
        assertThat(p1.chats()).extracting(GroupList.Entry::status).containsExactly(0, 1);
        assertThat(p1.nextCursor()).isEqualTo("cursor-page-2");
        assertThat(p2.chats()).containsExactly(new GroupList.Entry("wrAAAAAAAAAA-readers-03", 3));
        assertThat(p2.nextCursor()).as("an empty cursor means the last page").isNull();
        assertThatThrownBy(() -> WecomReader.read(resource("pages.jsonl")))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.wecom.several"));
    }

    @Test
    void arrayOfMixedResponses() throws Exception {
        List<WecomResponse> all = WecomReader.readAll(resource("mixed-array.json"));
        assertThat(all).hasSize(2);
        GroupDetail g = (GroupDetail) all.get(0);
        assertThat(g.members()).hasSize(3);
        assertThat(g.members().get(1)).isEqualTo(new GroupDetail.Member("wmAAAAAAAAAAAAAAAAAAAAAAAAA1", 2,
                "oAAAAAAAAAAAAAAAAAAAAAAAAA1", 1717286400L, 3, "zhangwei", null, "李娜"));
        assertThat(g.members().get(2).name()).isNull();
        assertThat(g.admins()).isEmpty();
        assertThat(g.notice()).isEmpty();
        DayStatistic d = (DayStatistic) all.get(1);
        // migrate_trainee_chat_cnt absent: null, not 0
        assertThat(d.items()).containsExactly(new DayStatistic.Item(1717171200L, new Data(1, 1, 1, 3, 3, 2, 57, null)));
    }

    @Test
    void severalCallbacksOneAfterTheOther() throws Exception {
        List<WecomResponse> all = WecomReader.readAll(resource("callbacks.xml"));
        assertThat(all).containsExactly(
                new ChangeEvent("wrAAAAAAAAAA-readers-01", "update", "del_member", null, 0, 1,
                        List.of("wmAAAAAAAAAAAAAAAAAAAAAAAAA2"), 1717290000L),
                new ChangeEvent("wrAAAAAAAAAA-readers-01", "update", "del_member", null, 1, 1,
                        List.of("wmAAAAAAAAAAAAAAAAAAAAAAAAA1"), 1717290060L),
                new ChangeEvent("wrAAAAAAAAAA-readers-02", "dismiss", null, null, null, null, List.of(), 1717380000L));
    }

    @Test
    void bomAndCrlf() throws Exception {
        Path p = dir.resolve("bom.json");
        Files.write(p, ("\uFEFF{\"errcode\":0,\"errmsg\":\"ok\",\r\n\"group_chat_list\":[],\r\n\"next_cursor\":\"\"}\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(WecomReader.read(p)).isEqualTo(new GroupList(List.of(), null));
    }

    @Test
    void emptyItemsAreTold() throws Exception {
        assertThat(WecomReader.read(file("o.json", "{\"errcode\":0,\"total\":0,\"next_offset\":0,\"items\":[]}")))
                .isEqualTo(new OwnerStatistic(List.of()));
        assertThat(WecomReader.read(file("d.json", "{\"errcode\":0,\"items\":[]}")))
                .isEqualTo(new DayStatistic(List.of()));
    }

    // --------------------------------------------------------------------------------------------- refusals

    @Test
    void errcodeIsAClearError() throws Exception {
        ImportFormatException e = failure(file("e.jsonl",
                "{\"errcode\":0,\"errmsg\":\"ok\",\"group_chat_list\":[],\"next_cursor\":\"\"}\n"
                        + "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}\n"));
        assertThat(e.messageKey()).isEqualTo("import.wecom.errcode");
        assertThat(e.messageArgs()).containsExactly("40014", "invalid access_token");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void unknownJsonIsNotWecom() throws Exception {
        for (String json : List.of("{\"errcode\":0,\"errmsg\":\"ok\"}", "{\"messages\":[]}", "[1,2]", "\"text\"",
                "{\"items\":[{\"name\":\"x\",\"data\":{}}]}")) {
            ImportFormatException e = failure(file("u.json", json));
            assertThat(e.messageKey()).as(json).isEqualTo("import.error.notFormat");
            assertThat(e.messageArgs()).containsExactly("WeCom");
        }
        assertThat(failure(file("t.txt", "hello")).messageKey()).isEqualTo("import.error.notFormat");
    }

    @Test
    void malformedJsonNamesTheLine() throws Exception {
        ImportFormatException e = failure(file("m.jsonl",
                "{\"errcode\":0,\"group_chat_list\":[],\"next_cursor\":\"\"}\n"
                        + "{\"errcode\":0,\"group_chat_list\":[}\n"));
        assertThat(e.messageKey()).isEqualTo("import.error.json");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.messageArgs()).hasSize(1);
        ImportFormatException cut = failure(file("cut.json", "{\"errcode\":0,\n\"group_chat_list\":[{\"chat_id\":\"wr1\""));
        assertThat(cut.messageKey()).isEqualTo("import.error.json");
        assertThat(cut.line()).isEqualTo(2);
    }

    @Test
    void emptyFiles() throws Exception {
        assertThat(failure(file("e0.json", "")).messageKey()).isEqualTo("import.error.empty");
        assertThat(failure(file("e1.json", " \n\r\n ")).messageKey()).isEqualTo("import.error.empty");
        assertThat(failure(file("e2.json", "[]")).messageKey()).isEqualTo("import.error.empty");
    }

    @Test
    void badNumbersAreRefusedWithTheField() throws Exception {
        String tpl = "{\"errcode\":0,\"items\":[{\"stat_time\":1600272000,\"data\":{\"new_chat_cnt\":%s}}]}";
        ImportFormatException neg = failure(file("n.json", tpl.formatted("-1")));
        assertThat(neg.messageKey()).isEqualTo("import.wecom.negative");
        assertThat(neg.messageArgs()).containsExactly("items[0].data.new_chat_cnt", "-1");
        ImportFormatException big = failure(file("b.json", tpl.formatted("3000000000")));
        assertThat(big.messageKey()).isEqualTo("import.wecom.badNumber");
        assertThat(big.messageArgs()).containsExactly("items[0].data.new_chat_cnt", "3000000000");
        ImportFormatException huge = failure(file("h.json", tpl.formatted("123456789012345678901234567890")));
        assertThat(huge.messageKey()).isEqualTo("import.wecom.badNumber");
        assertThat(failure(file("f.json", tpl.formatted("1.5"))).messageKey()).isEqualTo("import.wecom.badNumber");
        assertThat(failure(file("s.json", tpl.formatted("\"many\""))).messageKey()).isEqualTo("import.wecom.badNumber");
        assertThat(failure(file("o.json", tpl.formatted("{}"))).messageKey()).isEqualTo("import.wecom.badNumber");
        // a string of digits is read
        DayStatistic ok = (DayStatistic) WecomReader.read(file("q.json", tpl.formatted("\"12\"")));
        assertThat(ok.items().getFirst().data().newChatCnt()).isEqualTo(12);

        ImportFormatException time = failure(file("t.json",
                "{\"errcode\":0,\"group_chat\":{\"chat_id\":\"wr1\",\"create_time\":-5}}"));
        assertThat(time.messageKey()).isEqualTo("import.wecom.badTime");
        assertThat(time.messageArgs()).containsExactly("group_chat.create_time", "-5");
        ImportFormatException ms = failure(file("ms.json", "{\"errcode\":0,\"group_chat\":{\"chat_id\":\"wr1\","
                + "\"member_list\":[{\"userid\":\"a\",\"join_time\":1572505491000}]}}"));
        assertThat(ms.messageKey()).as("milliseconds are not seconds").isEqualTo("import.wecom.badTime");
        assertThat(ms.messageArgs()).containsExactly("group_chat.member_list[0].join_time", "1572505491000");
        ImportFormatException status = failure(file("st.json",
                "{\"group_chat_list\":[{\"chat_id\":\"wr1\",\"status\":0},{\"chat_id\":\"wr2\",\"status\":-1}]}"));
        assertThat(status.messageKey()).isEqualTo("import.wecom.negative");
        assertThat(status.messageArgs()).containsExactly("group_chat_list[1].status", "-1");
    }

    @Test
    void missingIdsAndWrongShapes() throws Exception {
        ImportFormatException noId = failure(file("a.json", "{\"group_chat_list\":[{\"status\":0}]}"));
        assertThat(noId.messageKey()).isEqualTo("import.wecom.missing");
        assertThat(noId.messageArgs()).containsExactly("group_chat_list[0].chat_id");
        ImportFormatException noUser = failure(file("b.json",
                "{\"group_chat\":{\"chat_id\":\"wr1\",\"member_list\":[{\"type\":1}]}}"));
        assertThat(noUser.messageArgs()).containsExactly("group_chat.member_list[0].userid");
        ImportFormatException notList = failure(file("c.json", "{\"group_chat_list\":{\"chat_id\":\"wr1\"}}"));
        assertThat(notList.messageKey()).isEqualTo("import.wecom.badValue");
        assertThat(notList.messageArgs()).containsExactly("group_chat_list");
        ImportFormatException noData = failure(file("d.json", "{\"items\":[{\"owner\":\"zhangsan\"}]}"));
        assertThat(noData.messageKey()).isEqualTo("import.wecom.missing");
        assertThat(noData.messageArgs()).containsExactly("items[0].data");
        ImportFormatException mixed = failure(file("e.json",
                "{\"items\":[{\"owner\":\"a\",\"data\":{}},{\"stat_time\":1600272000,\"data\":{}}]}"));
        assertThat(mixed.messageKey()).isEqualTo("import.wecom.missing");
        assertThat(mixed.messageArgs()).containsExactly("items[1].owner");
    }

    @Test
    void callbackRefusals() throws Exception {
        ImportFormatException xxe = failure(file("x.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE xml [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]>\n<xml><Event>change_external_chat</Event><ChatId>&e;</ChatId></xml>"));
        assertThat(xxe.messageKey()).isEqualTo("import.error.xml");
        ImportFormatException cut = failure(file("c.xml", "<xml>\n<Event>change_external_chat</Event>\n<ChatId>wr1"));
        assertThat(cut.messageKey()).isEqualTo("import.error.xml");
        ImportFormatException enc = failure(file("e.xml",
                "<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt><![CDATA[msg_encrypt]]></Encrypt></xml>"));
        assertThat(enc.messageKey()).isEqualTo("import.wecom.encrypted");
        ImportFormatException other = failure(file("o.xml",
                "<xml><Event><![CDATA[change_external_contact]]></Event></xml>"));
        assertThat(other.messageKey()).isEqualTo("import.wecom.event");
        assertThat(other.messageArgs()).containsExactly("change_external_contact");
        ImportFormatException neg = failure(file("n.xml", "<xml><Event>change_external_chat</Event>"
                + "<ChatId>wr1</ChatId><MemChangeCnt>-3</MemChangeCnt></xml>"));
        assertThat(neg.messageKey()).isEqualTo("import.wecom.negative");
        assertThat(neg.messageArgs()).containsExactly("MemChangeCnt", "-3");
        ImportFormatException second = failure(file("s.xml", "<xml><Event>change_external_chat</Event>"
                + "<ChatId>wr1</ChatId></xml>\n\n<xml><Event>change_external_chat</Event>\n<ChatId>wr2</ChatId>"
                + "<CreateTime>abc</CreateTime></xml>\n"));
        assertThat(second.messageKey()).isEqualTo("import.wecom.badTime");
        assertThat(second.line()).isEqualTo(3);
    }
}
