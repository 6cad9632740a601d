package com.qundesk.imports.chat.notice;

import com.qundesk.imports.chat.notice.NoticeParser.Notice;
import com.qundesk.imports.chat.notice.NoticeParser.NoticeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static com.qundesk.imports.chat.notice.NoticeParser.SELF;
import static org.assertj.core.api.Assertions.assertThat;

class NoticeParserTest {

    private static Notice parse(String text) {
        return NoticeParser.parse(text);
    }

    private static void join(String text, String inviter, String... persons) {
        Notice n = parse(text);
        assertThat(n.kind()).as(text).isEqualTo(NoticeKind.JOIN);
        assertThat(n.persons()).as(text).containsExactly(persons);
        assertThat(n.inviter()).as(text).isEqualTo(inviter);
        assertThat(n.personIds()).hasSameSizeAs(n.persons());
    }

    private static void removal(String text, String remover, String... persons) {
        Notice n = parse(text);
        assertThat(n.kind()).as(text).isEqualTo(NoticeKind.REMOVAL);
        assertThat(n.persons()).as(text).containsExactly(persons);
        assertThat(n.actor()).as(text).isEqualTo(remover);
        assertThat(n.inviter()).isNull();
    }

    // ------------------------------------------------------------------------------------------ joins, 3.x text

    @Test
    void inviteOfSeveralCountsEachName() {
        join("\"张伟\"邀请\"李娜、王芳\"加入了群聊", "张伟", "李娜", "王芳");
        join("\"张伟\"邀请\"李娜、王芳、赵磊\"加入了群聊", "张伟", "李娜", "王芳", "赵磊");
        join("\"张伟\"邀请\"李娜\"加入了群聊", "张伟", "李娜");
    }

    @Test
    void inviteOfTheExportingAccount() {
        join("\"张伟\"邀请你加入了群聊", "张伟", SELF);
        // the others listed after 群聊参与人还有 are members already, not joiners
        join("\"张伟\"邀请你加入了群聊，群聊参与人还有：李娜、王芳", "张伟", SELF);
        join("\"张伟\"邀请你和\"李娜\"加入了群聊", "张伟", SELF, "李娜");
        join("\"张伟\"邀请你和\"李娜、王芳\"加入了群聊", "张伟", SELF, "李娜", "王芳");
    }

    @Test
    void inviteByTheExportingAccount() {
        join("你邀请\"李娜\"加入了群聊", SELF, "李娜");
        join("你邀请\"李娜、王芳\"加入了群聊  撤销", SELF, "李娜", "王芳");
        join("你邀请\"李娜\"加入了群聊  $revoke$", SELF, "李娜");
    }

    @Test
    void qrCodeJoins() {
        join("\"李娜\"通过扫描\"张伟\"分享的二维码加入群聊", "张伟", "李娜");
        join("\"李娜\"通过扫描你分享的二维码加入群聊", SELF, "李娜");
        join("\"李娜\"通过\"张伟\"的邀请二维码加入群聊", "张伟", "李娜");
        join("\" 李娜\"通过扫描\"张伟\"分享的二维码加入群聊", "张伟", "李娜");
    }

    @Test
    void curlyQuotes() {
        join("“张伟”邀请“李娜、王芳”加入了群聊", "张伟", "李娜", "王芳");
        join("“李娜”通过扫描“张伟”分享的二维码加入群聊", "张伟", "李娜");
        removal("你将“王芳”移出了群聊", SELF, "王芳");
        join("\"张伟\"邀请“李娜”和“王芳”加入了群聊", "张伟", "李娜", "王芳");
    }

    @Test
    void aNameHoldingAKeywordIsNotCut() {
        join("\"邀请达人\"邀请\"李娜\"加入了群聊", "邀请达人", "李娜");
        join("\"通过考试\"通过扫描\"张伟\"分享的二维码加入群聊", "张伟", "通过考试");
        removal("\"将军\"将\"李娜\"移出了群聊", "将军", "李娜");
        // a name containing 和 stays whole when not between quotes
        join("\"张伟\"邀请\"小和尚\"加入了群聊", "张伟", "小和尚");
        // a name holding 、 cannot be told from a list: the rule is to split
        join("\"张伟\"邀请\"琛、\"加入了群聊", "张伟", "琛");
    }

    @Test
    void joinWithoutInviter() {
        join("\"李娜\"加入了群聊", null, "李娜");
    }

    // ------------------------------------------------------------------------------------------------- English

    @Test
    void englishInvites() {
        join("张伟 invited 李娜 to the group chat", "张伟", "李娜");
        join("Zhang Wei invited Li Na, Wang Fang and Zhao Lei to the group chat", "Zhang Wei", "Li Na", "Wang Fang",
                "Zhao Lei");
        join("Zhang Wei invited Li Na, Wang Fang, and Zhao Lei to the group chat.", "Zhang Wei", "Li Na",
                "Wang Fang", "Zhao Lei");
        join("\"Zhang Wei\" invited \"Li Na\" to the group chat", "Zhang Wei", "Li Na");
        join("Zhang Wei invited you to a group chat with Li Na, Wang Fang", "Zhang Wei", SELF);
        join("Zhang Wei invited you and Li Na to the group chat", "Zhang Wei", SELF, "Li Na");
        join("You invited Li Na to the group chat", SELF, "Li Na");
    }

    @Test
    void englishQrJoin() {
        join("\"Li Na\" joined group chat via the QR code shared by \"Zhang Wei\"", "Zhang Wei", "Li Na");
        join("\"Li Na\" joined the group chat via the QR Code shared by \"Zhang Wei\".", "Zhang Wei", "Li Na");
        join("\"Li Na\" joined the group chat via the QR code shared by you", SELF, "Li Na");
    }

    // ------------------------------------------------------------------------------------------------ removals

    @Test
    void removals() {
        removal("你将\"王芳\"移出了群聊", SELF, "王芳");
        removal("你将\"王芳、赵磊\"移出了群聊", SELF, "王芳", "赵磊");
        removal("\"张伟\"将\"王芳\"移出了群聊", "张伟", "王芳");
        removal("你被\"张伟\"移出群聊", "张伟", SELF);
        removal("你已被\"张伟\"移出群聊", "张伟", SELF);
        removal("You removed \"Wang Fang\" from the group chat", SELF, "Wang Fang");
        removal("You removed \"Wang Fang\", \"Zhao Lei\" from the group chat", SELF, "Wang Fang", "Zhao Lei");
        removal("\"Zhang Wei\" removed \"Wang Fang\" from the group chat", "Zhang Wei", "Wang Fang");
        removal("You were removed from the group chat by \"Zhang Wei\"", "Zhang Wei", SELF);
    }

    // --------------------------------------------------------------------------------------- others: kind only

    @Test
    void rename() {
        Notice n = parse("\"张伟\"修改群名为“读书会·春”");
        assertThat(n.kind()).isEqualTo(NoticeKind.RENAME);
        assertThat(n.actor()).isEqualTo("张伟");
        assertThat(n.detail()).isEqualTo("读书会·春");
        assertThat(n.persons()).isEmpty();
        Notice self = parse("你修改群名为“读书会”");
        assertThat(self.actor()).isEqualTo(SELF);
        assertThat(self.detail()).isEqualTo("读书会");
        Notice en = parse("\"Zhang Wei\" changed the group name to \"Book Club\"");
        assertThat(en.kind()).isEqualTo(NoticeKind.RENAME);
        assertThat(en.actor()).isEqualTo("Zhang Wei");
        assertThat(en.detail()).isEqualTo("Book Club");
    }

    @Test
    void revokes() {
        Notice n = parse("\"张伟\"撤回了一条消息");
        assertThat(n.kind()).isEqualTo(NoticeKind.REVOKE);
        assertThat(n.actor()).isEqualTo("张伟");
        assertThat(n.persons()).isEmpty();
        assertThat(parse("你撤回了一条消息").actor()).isEqualTo(SELF);
        assertThat(parse("\"张伟\" 撤回了一条消息").actor()).isEqualTo("张伟");
        Notice wrapped = parse("<revokemsg>你撤回了一条消息</revokemsg>");
        assertThat(wrapped.kind()).isEqualTo(NoticeKind.REVOKE);
        assertThat(wrapped.actor()).isEqualTo(SELF);
        Notice wrappedQuoted = parse("<revokemsg>&quot;张伟&quot; 撤回了一条消息</revokemsg>");
        assertThat(wrappedQuoted.actor()).isEqualTo("张伟");
        // the wrapper alone says it is a revoke
        assertThat(parse("<revokemsg>something else</revokemsg>").kind()).isEqualTo(NoticeKind.REVOKE);
        Notice en = parse("\"Zhang Wei\" recalled a message");
        assertThat(en.kind()).isEqualTo(NoticeKind.REVOKE);
        assertThat(en.actor()).isEqualTo("Zhang Wei");
        assertThat(parse("You recalled a message").actor()).isEqualTo(SELF);
    }

    @Test
    void pats() {
        Notice n = parse("\"张伟\" 拍了拍 \"李娜\"");
        assertThat(n.kind()).isEqualTo(NoticeKind.PAT);
        assertThat(n.actor()).isEqualTo("张伟");
        assertThat(n.detail()).isEqualTo("李娜");
        assertThat(n.persons()).isEmpty();
        Notice me = parse("我拍了拍\"李娜\"");
        assertThat(me.actor()).isEqualTo(SELF);
        assertThat(me.detail()).isEqualTo("李娜");
        Notice suffix = parse("\"张伟\" 拍了拍 \"李娜\" 的小脑袋");
        assertThat(suffix.detail()).isEqualTo("李娜");
        assertThat(parse("\"张伟\" 拍了拍我").detail()).isEqualTo(SELF);
        assertThat(parse("\"张伟\"拍了拍自己").detail()).isEqualTo("张伟");
        Notice en = parse("\"Zhang Wei\" patted \"Li Na\"");
        assertThat(en.kind()).isEqualTo(NoticeKind.PAT);
        assertThat(en.detail()).isEqualTo("Li Na");
    }

    @ParameterizedTest
    @ValueSource(strings = {"你已添加了李娜，现在可以开始聊天了。", "以下为新消息", "该群已解散",
            "\"张伟\"想邀请\"李娜\"加入群聊  去确认", "成员需通过邀请加入群聊", "群主已启用“群聊邀请确认”",
            "李娜开启了朋友验证，你还不是他（她）朋友。", "", "   ", "\"\"邀请\"\"加入了群聊", "邀请加入了群聊",
            "\"张伟\"邀请", "加入了群聊", "<sysmsg type=\"paymsg\"><content>收款方已收款</content></sysmsg>",
            "https://example.com/invite?加入了群聊"})
    void otherTextsAreOther(String text) {
        assertThat(parse(text).kind()).as(text).isEqualTo(NoticeKind.OTHER);
    }

    @Test
    void nullIsOther() {
        assertThat(parse(null)).isEqualTo(Notice.OTHER);
        assertThat(NoticeParser.looksLikeNotice(null)).isFalse();
    }

    // ------------------------------------------------------------------------------------------- 4.x templates

    private static String template(String tpl, String... links) {
        return "<sysmsg type=\"sysmsgtemplate\">\n\t<sysmsgtemplate>\n\t\t<content_template type=\"tmpl_type_profile\">"
                + "\n\t\t\t<plain><![CDATA[]]></plain>\n\t\t\t<template><![CDATA[" + tpl + "]]></template>"
                + "\n\t\t\t<link_list>" + String.join("", links) + "</link_list>\n\t\t</content_template>"
                + "\n\t</sysmsgtemplate>\n</sysmsg>\n";
    }

    private static String link(String name, String... idNick) {
        StringBuilder b = new StringBuilder("\n\t\t\t\t<link name=\"" + name + "\" type=\"link_profile\"><memberlist>");
        for (int i = 0; i < idNick.length; i += 2) {
            b.append("\n\t\t\t\t\t<member><username><![CDATA[").append(idNick[i])
                    .append("]]></username><nickname><![CDATA[").append(idNick[i + 1]).append("]]></nickname></member>");
        }
        b.append("</memberlist><separator><![CDATA[、]]></separator></link>");
        return b.toString();
    }

    @Test
    void templateWithOneName() {
        Notice n = parse(template("\"$username$\"邀请\"$names$\"加入了群聊",
                link("username", "wxid_zw01", "张伟"), link("names", "wxid_ln02", "李娜")));
        assertThat(n.kind()).isEqualTo(NoticeKind.JOIN);
        assertThat(n.persons()).containsExactly("李娜");
        assertThat(n.personIds()).containsExactly("wxid_ln02");
        assertThat(n.inviter()).isEqualTo("张伟");
        assertThat(n.inviterId()).isEqualTo("wxid_zw01");
    }

    @Test
    void templateWithThreeNamesCountsEachMemberEvenWhenANameHoldsTheSeparator() {
        Notice n = parse(template("\"$username$\"邀请\"$names$\"加入了群聊",
                link("username", "wxid_zw01", "张伟"),
                link("names", "wxid_ln02", "李娜", "wxid_wf03", "王、芳", "wxid_zl04", "赵\"磊\"")));
        assertThat(n.kind()).isEqualTo(NoticeKind.JOIN);
        assertThat(n.persons()).containsExactly("李娜", "王、芳", "赵\"磊\"");
        assertThat(n.personIds()).containsExactly("wxid_ln02", "wxid_wf03", "wxid_zl04");
    }

    @Test
    void templateForms() {
        Notice you = parse("34757816141@chatroom:\n" + template("你邀请\"$names$\"加入了群聊，并分享了$history$",
                link("names", "wxid_ln02", "李娜", "wxid_wf03", "王芳")));
        assertThat(you.kind()).isEqualTo(NoticeKind.JOIN);
        assertThat(you.persons()).containsExactly("李娜", "王芳");
        assertThat(you.inviter()).isEqualTo(SELF);
        assertThat(you.inviterId()).isNull();

        Notice qr = parse(template("\" $adder$\"通过扫描\"$from$\"分享的二维码加入群聊",
                link("adder", "wxid_ln02", "李娜"), link("from", "wxid_zw01", "张伟")));
        assertThat(qr.kind()).isEqualTo(NoticeKind.JOIN);
        assertThat(qr.persons()).containsExactly("李娜");
        assertThat(qr.personIds()).containsExactly("wxid_ln02");
        assertThat(qr.inviter()).isEqualTo("张伟");
        assertThat(qr.inviterId()).isEqualTo("wxid_zw01");

        Notice qr2 = parse(template("\"$adder$\"通过\"$from$\"的邀请二维码加入群聊",
                link("adder", "wxid_ln02", "李娜"), link("from", "wxid_zw01", "张伟")));
        assertThat(qr2.persons()).containsExactly("李娜");
        assertThat(qr2.inviterId()).isEqualTo("wxid_zw01");

        Notice invitedYou = parse(template("\"$username$\"邀请你和\"$names$\"加入了群聊",
                link("username", "wxid_zw01", "张伟"), link("names", "wxid_ln02", "李娜")));
        assertThat(invitedYou.persons()).containsExactly(SELF, "李娜");
        assertThat(invitedYou.personIds()).containsExactly(null, "wxid_ln02");

        Notice english = parse(template("$username$ invited $names$ to the group chat",
                link("username", "wxid_zw01", "Zhang Wei"),
                link("names", "wxid_ln02", "Li, Na", "wxid_wf03", "Wang Fang")));
        assertThat(english.kind()).isEqualTo(NoticeKind.JOIN);
        assertThat(english.persons()).containsExactly("Li, Na", "Wang Fang");

        Notice kick = parse(template("你将\"$kickoutname$\"移出了群聊", link("kickoutname", "wxid_wf03", "王芳")));
        assertThat(kick.kind()).isEqualTo(NoticeKind.REMOVAL);
        assertThat(kick.persons()).containsExactly("王芳");
        assertThat(kick.personIds()).containsExactly("wxid_wf03");
        assertThat(kick.actor()).isEqualTo(SELF);
    }

    @Test
    void templateWithBareTextAndNoPlain() {
        String xml = "<sysmsg type=\"sysmsgtemplate\"><sysmsgtemplate><content_template type=\"tmpl_type_profile\">"
                + "<template>\"$username$\"邀请\"$names$\"加入了群聊</template><link_list>"
                + "<link name=\"username\"><memberlist><member><username>wxid_zw01</username>"
                + "<nickname>张&amp;伟</nickname></member></memberlist></link>"
                + "<link name=\"names\"><memberlist><member><username>wxid_ln02</username></member>"
                + "<member><username>wxid_wf03</username><nickname>王芳</nickname></member></memberlist></link>"
                + "</link_list></content_template></sysmsgtemplate></sysmsg>";
        Notice n = parse(xml);
        assertThat(n.kind()).isEqualTo(NoticeKind.JOIN);
        assertThat(n.inviter()).isEqualTo("张&伟");
        // a member without nickname is named by its wxid
        assertThat(n.persons()).containsExactly("wxid_ln02", "王芳");
    }

    @Test
    void templatePlaceholderTextCannotFakeMembers() {
        // a private-use token character typed into the template itself is dropped, not expanded
        Notice n = parse(template("\"$username$\"邀请\"\uE000\uE100王芳\"加入了群聊", link("username", "wxid_zw01", "张伟")));
        assertThat(n.kind()).isEqualTo(NoticeKind.JOIN);
        assertThat(n.persons()).containsExactly("王芳");
    }

    @Test
    void systemXmlRemovalRevokeAndPat() {
        Notice del = parse("<sysmsg type=\"delchatroommember\"><delchatroommember><plain><![CDATA[你将\"王芳\"移出了群聊]]>"
                + "</plain><text><![CDATA[你将\"王芳\"移出了群聊]]></text><link><scene>invite</scene></link>"
                + "</delchatroommember></sysmsg>");
        assertThat(del.kind()).isEqualTo(NoticeKind.REMOVAL);
        assertThat(del.persons()).containsExactly("王芳");

        Notice rev = parse("<sysmsg type=\"revokemsg\"><revokemsg><session>123@chatroom</session><msgid>1</msgid>"
                + "<newmsgid>2</newmsgid><replacemsg><![CDATA[\"张伟\" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>");
        assertThat(rev.kind()).isEqualTo(NoticeKind.REVOKE);
        assertThat(rev.actor()).isEqualTo("张伟");
        Notice rev2 = parse("<?xml version=\"1.0\"?><sysmsg type=\"revokemsg\"><revokemsg>"
                + "<content>\"甲\" 撤回了一条消息</content><revoketime>0</revoketime></revokemsg></sysmsg>");
        assertThat(rev2.kind()).isEqualTo(NoticeKind.REVOKE);
        assertThat(rev2.actor()).isEqualTo("甲");

        Notice pat = parse("<sysmsg type=\"pat\"><pat><fromusername>wxid_zw01</fromusername>"
                + "<chatusername>123@chatroom</chatusername><pattedusername>wxid_ln02</pattedusername>"
                + "<patsuffix><![CDATA[]]></patsuffix><template><![CDATA[\"${wxid_zw01}\" 拍了拍 \"${wxid_ln02}\"]]>"
                + "</template></pat></sysmsg>");
        assertThat(pat.kind()).isEqualTo(NoticeKind.PAT);
        assertThat(pat.actorId()).isEqualTo("wxid_zw01");
        assertThat(pat.detail()).isEqualTo("wxid_ln02");

        Notice appPat = parse("<msg><appmsg appid=\"\" sdkver=\"0\"><title><![CDATA[\"张伟\" 拍了拍 \"李娜\"]]></title>"
                + "<type>62</type><patinfo><fromusername>wxid_zw01</fromusername>"
                + "<pattedusername>wxid_ln02</pattedusername></patinfo></appmsg></msg>");
        assertThat(appPat.kind()).isEqualTo(NoticeKind.PAT);
        assertThat(appPat.actor()).isEqualTo("张伟");
        assertThat(appPat.actorId()).isEqualTo("wxid_zw01");
        assertThat(appPat.detail()).isEqualTo("李娜");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<sysmsg type=\"sysmsgtemplate\"><sysmsgtemplate><content_template><template>\"$username$\"邀请",
            "<sysmsg type=\"sysmsgtemplate\"><sysmsgtemplate></content_template></sysmsg>",
            "<sysmsg type=\"sysmsgtemplate\"><template>&undefined;邀请你加入了群聊</template></sysmsg>",
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                    + "<sysmsg type=\"x\"><template>&lol2;邀请你加入了群聊</template></sysmsg>",
            "<!DOCTYPE sysmsg SYSTEM \"file:///etc/passwd\"><sysmsg><plain>你被\"A\"移出群聊</plain></sysmsg>",
            "<sysmsg", "<msg><appmsg><title>\"A\" 拍了拍 \"B\"</title>", "<sysmsg type=\"pat\"><<<>>></sysmsg>",
            "<sysmsg type=\"sysmsgtemplate\"><template><![CDATA[\"$username$\"邀请\"$names$\"加入了群聊]]></template>"
                    + "<link_list><link name=\"names\"><memberlist></memberlist></link></link_list></sysmsg>"})
    void malformedOrHostileXmlIsOther(String xml) {
        assertThat(parse(xml).kind()).as(xml).isEqualTo(NoticeKind.OTHER);
    }

    @Test
    void deepXmlIsOther() {
        String deep = "<sysmsg type=\"x\">" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</sysmsg>";
        assertThat(parse(deep).kind()).isEqualTo(NoticeKind.OTHER);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void megabyteJunkFinishesFast() {
        char[] junk = new char[1 << 20];
        String alphabet = "\"“”邀请加入了群聊通过扫描将移出被和、, and 你我 invited to the group joined removed from ";
        long seed = 42;
        for (int i = 0; i < junk.length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            junk[i] = alphabet.charAt((int) ((seed >>> 33) % alphabet.length()));
        }
        String s = new String(junk);
        NoticeParser.parse(s);
        NoticeParser.parse("\"" + "邀请".repeat(300_000) + "\"");
        NoticeParser.parse("\"A\"邀请" + " ".repeat(500_000) + "加入".repeat(200_000));
        NoticeParser.parse("A invited " + " ".repeat(500_000) + " to ".repeat(100_000));
        NoticeParser.parse("\"A\"邀请\"" + "你和".repeat(300_000) + "\"加入了群聊");
        Notice many = NoticeParser.parse("\"A\"邀请\"" + "李、".repeat(300_000) + "\"加入了群聊");
        assertThat(many.kind()).isEqualTo(NoticeKind.JOIN);
        assertThat(many.persons()).hasSize(10_000); // capped
        String bigXml = template("\"$username$\"邀请\"$names$\"加入了群聊", link("username", "u", "张伟"),
                link("names", Arrays.stream(new String[500]).flatMap(x -> java.util.stream.Stream.of("w", "李")).toArray(String[]::new)));
        assertThat(NoticeParser.parse(bigXml).persons()).hasSize(500);
    }

    @Test
    void theXmlReaderHandlesSelfClosingTagsCommentsReferencesAndSingleQuotes() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- saved by a bot -->\n"
                + "<sysmsg type='sysmsgtemplate'><sysmsgtemplate><content_template type=\"tmpl_type_profile\">"
                + "<plain/><template>&#x22;$username$&#34;邀请&quot;$names$&quot;加入了群聊</template><link_list>"
                + "<link name='username' type=\"link_profile\"><memberlist><member><username>wxid_zw01</username>"
                + "<nickname>&#24352;伟</nickname><!-- comment --></member></memberlist></link>"
                + "<link name=\"names\" type=\"link_profile\" hidden=\"1\"><memberlist>"
                + "<member><username>wxid_ln02</username><nickname><![CDATA[李<娜>]]></nickname></member>"
                + "<member><username>wxid_wf03</username><nickname>王芳</nickname><extra a=\"1\"/></member>"
                + "</memberlist><separator>、</separator></link><link name=\"revoke\" type=\"link_revoke\" />"
                + "</link_list></content_template></sysmsgtemplate></sysmsg>\n<trailing>junk";
        Notice n = parse(xml);
        assertThat(n.kind()).isEqualTo(NoticeKind.JOIN);
        assertThat(n.inviter()).isEqualTo("张伟");
        assertThat(n.persons()).containsExactly("李<娜>", "王芳");
        assertThat(n.personIds()).containsExactly("wxid_ln02", "wxid_wf03");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<sysmsg type=\"x\"><plain>&#0;你被\"A\"移出群聊</plain></sysmsg>",
            "<sysmsg type=\"x\"><plain>&#xD800;你被\"A\"移出群聊</plain></sysmsg>",
            "<sysmsg type=\"x\"><plain>&#x110000;你被\"A\"移出群聊</plain></sysmsg>",
            "<sysmsg type=\"x\"><plain>&amp你被\"A\"移出群聊</plain></sysmsg>",
            "<sysmsg type=\"x\"><plain>你被\"A\"移出群聊</plian></sysmsg>",
            "<sysmsg type=x><plain>你被\"A\"移出群聊</plain></sysmsg>",
            "<sysmsg type=\"x><plain>你被\"A\"移出群聊</plain></sysmsg>",
            "<sysmsg type=\"x\"><![CDATA[你被\"A\"移出群聊</sysmsg>",
            "<sysmsg type=\"x\"><!-- 你被\"A\"移出群聊 </sysmsg>",
            "<sysmsg type=\"x\"><plain>你被\"A\"移出群聊</plain>"})
    void badReferencesAndBrokenMarkupAreOther(String xml) {
        assertThat(parse(xml).kind()).as(xml).isEqualTo(NoticeKind.OTHER);
    }

    @Test
    void wellFormedVariantOfTheAboveIsRead() {
        assertThat(parse("<sysmsg type=\"x\"><plain>你被\"A\"移出群聊</plain></sysmsg>").kind())
                .isEqualTo(NoticeKind.REMOVAL);
    }

    @Test
    void prefilterNeverHidesANotice() {
        for (String s : new String[]{"\"张伟\"邀请\"李娜\"加入了群聊", "\"李娜\"通过\"张伟\"的邀请二维码加入群聊",
                "你被\"张伟\"移出群聊", "A invited B to the group", "\"B\" joined the group via the QR code shared by A",
                "You removed \"B\" from the group chat", "\"A\"修改群名为“X”", "\"A\" changed the group name to \"X\"",
                "你撤回了一条消息", "You recalled a message", "\"A\" 拍了拍 \"B\"", "\"A\" patted \"B\"",
                "<revokemsg>x</revokemsg>", "<msg><appmsg><type>62</type><patinfo/></appmsg></msg>",
                "<sysmsg type=\"pat\"><pat/></sysmsg>"}) {
            assertThat(parse(s).kind()).as(s).isNotEqualTo(NoticeKind.OTHER);
            assertThat(NoticeParser.looksLikeNotice(s)).as(s).isTrue();
        }
    }

    @Test
    void prefilter() {
        assertThat(NoticeParser.looksLikeNotice("\"张伟\"邀请\"李娜\"加入了群聊")).isTrue();
        assertThat(NoticeParser.looksLikeNotice("你撤回了一条消息")).isTrue();
        assertThat(NoticeParser.looksLikeNotice("<sysmsg type=\"pat\"></sysmsg>")).isTrue();
        assertThat(NoticeParser.looksLikeNotice("Zhang Wei invited Li Na to the group chat")).isTrue();
        assertThat(NoticeParser.looksLikeNotice("你已添加了李娜，现在可以开始聊天了。")).isFalse();
        assertThat(NoticeParser.looksLikeNotice("以下为新消息")).isFalse();
    }
}
