package com.qundesk.imports.chat.ad;

import com.qundesk.imports.MessageKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdDetectorTest {

    private final AdDetector ads = AdDetector.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
            "加V：abc123 了解详情", "有意加v", "加Ｖ了解", "有意者加微信 abc", "加我微信送资料", "vx: abc123",
            "VX同号", "Vx同号 13800000000", "薇信 abc", "威信同号", "招兼职宝妈，在家可做", "诚招代理，零门槛",
            "招代理商", "有需要的私聊", "日赚300不是梦", "刷单返利", "扫码进群领福利", "ｖｘ：ａｂｃ"})
    void keywordAds(String text) {
        assertThat(ads.isAd(MessageKind.TEXT, text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "看看 https://shop.example.com/item?id=1", "http://1.2.3.4/a", "HTTPS://EVIL.COM", "www.example.com",
            "淘宝店 taobao.com/item/1", "abc.top/x", "短链 t.cn/A6xyz", "https://mp.weixin.qq.com.evil.com/s",
            "https://evilweixin.qq.com/", "https://mp.weixin.qq.com@evil.com/", "http://user:pw@evil.com:8080/x",
            "公众号 https://mp.weixin.qq.com/s/abc 还有 https://evil.com/b"})
    void outsideLinksAreAds(String text) {
        assertThat(ads.isAd(MessageKind.TEXT, text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"扫二维码加我", "扫码加群领红包", "这是我的微信二维码", "扫一扫二维码 v 123"})
    void qrCodeWithContactIsAnAd(String text) {
        assertThat(ads.isAd(MessageKind.TEXT, text)).as(text).isTrue();
    }

    /**
     * Decided: "代理商" in a sentence is normal business talk, not an ad (exception {@code !代理商}); so are a proxy
     * server, a registered agent, and members telling each other they sent a private message.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "我们公司的代理商下周到货", "代理服务器连不上了", "找个专利代理人问问", "我私聊你了", "已私聊，请查收",
            "私聊了", "加VIP群的请找群主", "vxworks 是一个实时系统", "群二维码过期了，谁再发一下",
            "今天天气不错，大家加油", "明天见", "邮件发到 a@b.com 就行", "版本1.2.3已发布", "官网是 example.com",
            "https://mp.weixin.qq.com/s/abc", "http://weixin.qq.com/r/xyz", "https://work.weixin.qq.com/ca/cawcde",
            "MP.WEIXIN.QQ.COM/s/x", "https://channels.weixin.qq.com/x", "http://", "看 .com/ 这个", "", "   ",
            "I'll text you later", "TV 坏了"})
    void normalChatIsNotAnAd(String text) {
        assertThat(ads.isAd(MessageKind.TEXT, text)).as(text).isFalse();
    }

    @Test
    void onlyTextAndAppMessagesAreRead() {
        String ad = "加V：abc123 https://evil.com/x";
        assertThat(ads.isAd(MessageKind.TEXT, ad)).isTrue();
        assertThat(ads.isAd(MessageKind.APP, ad)).isTrue();
        for (MessageKind k : List.of(MessageKind.SYSTEM, MessageKind.IMAGE, MessageKind.VOICE, MessageKind.VIDEO,
                MessageKind.EMOJI, MessageKind.FILE, MessageKind.MONEY, MessageKind.CARD, MessageKind.CALL)) {
            assertThat(ads.isAd(k, ad)).as(k.name()).isFalse();
        }
        assertThat(ads.isAd(MessageKind.TEXT, null)).isFalse();
        assertThat(ads.isAd(null, ad)).isFalse();
    }

    private static String app(String title, String des, String url, int type) {
        return "<?xml version=\"1.0\"?>\n<msg>\n\t<appmsg appid=\"\" sdkver=\"0\">\n\t\t<title><![CDATA[" + title
                + "]]></title>\n\t\t<des>" + des + "</des>\n\t\t<action />\n\t\t<type>" + type + "</type>\n\t\t<url>"
                + url + "</url>\n\t\t<thumburl>http://thumb.example.com/t.jpg</thumburl>\n\t</appmsg>\n"
                + "\t<fromusername>wxid_zw01</fromusername>\n</msg>";
    }

    @Test
    void xmlAppMessagesAreJudgedByTitleDescriptionAndUrl() {
        assertThat(ads.isAd(MessageKind.APP, app("好文推荐", "一篇文章", "https://shop.example.com/a", 5))).isTrue();
        assertThat(ads.isAd(MessageKind.APP, app("公众号文章", "摘要",
                "http://mp.weixin.qq.com/s?__biz=MzA&amp;mid=1&amp;idx=1", 5))).isFalse();
        assertThat(ads.isAd(MessageKind.APP, app("招兼职", "", "", 5))).isTrue();
        assertThat(ads.isAd(MessageKind.APP, app("活动", "详情加微信 abc", "", 5))).isTrue();
        // the thumbnail url and other parts are not read
        assertThat(ads.isAd(MessageKind.APP, app("周报", "本周要点", "", 5))).isFalse();
        // music shares link to music sites by nature
        assertThat(ads.isAd(MessageKind.APP, app("晴天", "周杰伦", "http://c.y.qq.com/v8/playsong.html?x=1", 3)))
                .isFalse();
        assertThat(ads.isAd(MessageKind.APP, app("晴天 加V：abc", "周杰伦", "http://c.y.qq.com/v8/x", 3))).isTrue();
        // a quote reply: the reply text is the title; the quoted message is not this message's content
        String reply = "<msg><appmsg appid=\"\" sdkver=\"0\"><title>好的谢谢</title><des /><type>57</type><url />"
                + "<refermsg><type>1</type><content>https://evil.com/x 加V</content></refermsg></appmsg></msg>";
        assertThat(ads.isAd(MessageKind.TEXT, reply)).isFalse();
        // XML that is not an app message has nothing a person wrote
        assertThat(ads.isAd(MessageKind.APP, "<msg><emoji cdnurl=\"http://emoji.example.com/x\" /></msg>")).isFalse();
        // the QR rule works across the fields
        assertThat(ads.isAd(MessageKind.APP, app("群二维码", "扫码加我", "", 5))).isTrue();
    }

    @Test
    void settingsRoundTrip() {
        AdDetector d = AdDetector.fromSetting("加V, 兼职\n!兼职介绍，日赚\r\n\n 加V ");
        assertThat(d.keywords()).containsExactly("加V", "兼职", "!兼职介绍", "日赚");
        assertThat(d.toSetting()).isEqualTo("加V\n兼职\n!兼职介绍\n日赚");
        assertThat(AdDetector.fromSetting(d.toSetting()).keywords()).isEqualTo(d.keywords());
        assertThat(d.isAd(MessageKind.TEXT, "招兼职")).isTrue();
        assertThat(d.isAd(MessageKind.TEXT, "我来做个兼职介绍")).isFalse();
        assertThat(d.isAd(MessageKind.TEXT, "vx: abc")).isFalse(); // not in this list
        assertThat(AdDetector.fromSetting(null).keywords()).isEqualTo(AdDetector.DEFAULT_KEYWORDS);
        AdDetector none = AdDetector.fromSetting("  ");
        assertThat(none.keywords()).isEmpty();
        assertThat(none.isAd(MessageKind.TEXT, "加V：abc123")).isFalse();
        assertThat(none.isAd(MessageKind.TEXT, "https://evil.com/x")).isTrue();
        assertThat(AdDetector.fromSetting(AdDetector.defaults().toSetting()).keywords())
                .isEqualTo(AdDetector.DEFAULT_KEYWORDS);
    }

    @Test
    void overlappingKeywordsAndLongTexts() {
        AdDetector d = new AdDetector(List.of("甲乙", "乙丙", "丙丁", "!子乙丙子"));
        assertThat(d.isAd(MessageKind.TEXT, "这是乙丙吗")).isTrue();
        assertThat(d.isAd(MessageKind.TEXT, "子乙丙子")).isFalse();
        assertThat(d.isAd(MessageKind.TEXT, "子乙丙子丁")).isFalse();
        assertThat(d.isAd(MessageKind.TEXT, "子乙丙丁")).isTrue(); // 丙丁 is outside the exception
        assertThat(d.isAd(MessageKind.TEXT, "甲乙丙子")).isTrue();
        assertThat(ads.isAd(MessageKind.TEXT, "好".repeat(100_000) + "加V")).isTrue();
        assertThat(ads.isAd(MessageKind.TEXT, "a".repeat(200_000) + ".com/")).isTrue();
        assertThat(ads.isAd(MessageKind.TEXT, ".com/".repeat(50_000))).isFalse();
    }
}
