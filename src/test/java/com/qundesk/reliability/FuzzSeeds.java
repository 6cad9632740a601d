package com.qundesk.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * One small valid file per import format, the seeds the hostile-input corpus is mutated from. Values the mutator may
 * replace are written {@code {{kind:default}}}: {@code epoch} (epoch seconds), {@code local} (a date-time text),
 * {@code time}/{@code day} (ledger times and days), {@code count} and {@code num} (numbers), {@code text} (message
 * contents), {@code name} (display and group names), {@code id} (wxids, chat ids, user ids).
 *
 * <p>The chat ids name groups the hostile-input workspace already holds (see {@link HostileInputTest}), so valid rows
 * land in an existing group; mutated ids make the importer create groups of its own.
 */
final class FuzzSeeds {

    enum Shape { CSV, JSON, JSONL, XML, XLSX }

    /** The entry point a seed's files go through. */
    enum Target { CHAT, CHAT_USERS, WECOM, REGISTRY, VALUES, OUTCOMES, STATS }

    /**
     * A seed.
     *
     * @param dir      the corpus folder, under {@code fuzz/} (may hold the exporter's chat folder, which names the chat)
     * @param fileName the file name for a case label, {@code %s} standing for the label
     * @param text     the template of JSON, JSON Lines and XML seeds
     * @param rows     the cells of CSV and xlsx seeds (first row the header)
     * @param bom      CSV: written with a UTF-8 BOM
     * @param eol      CSV: the line end
     */
    record Seed(String dir, String fileName, Shape shape, Target target, String text, List<List<String>> rows,
                boolean bom, String eol) {

        /** The top folder of the seed under {@code fuzz/} (its format), e.g. {@code wechatmsg12}. */
        String format() {
            int slash = dir.indexOf('/');
            return slash < 0 ? dir : dir.substring(0, slash);
        }

        String file(String label) {
            return dir + "/" + fileName.formatted(label);
        }
    }

    static final String ROOM_1 = "20001@chatroom";
    static final String ROOM_2 = "20002@chatroom";
    static final String ROOM_PYWX = "20003@chatroom";
    static final String ROOM_PYWX2 = "20004@chatroom";
    static final String ROOM_HIKE = "24751836902@chatroom";
    static final String WECOM_CHAT = "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA";

    private FuzzSeeds() {
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    private static Seed csv(String dir, String fileName, Target target, boolean bom, String eol,
                            List<List<String>> rows) {
        return new Seed(dir, fileName, Shape.CSV, target, null, rows, bom, eol);
    }

    private static Seed text(String dir, String fileName, Shape shape, Target target, String text) {
        return new Seed(dir, fileName, shape, target, text, null, false, "\n");
    }

    static final List<String> WECHATMSG_HEADER = List.of("localId", "TalkerId", "Type", "SubType", "IsSender",
            "CreateTime", "Status", "StrContent", "StrTime", "Remark", "NickName", "Sender");

    static List<List<String>> wechatMsgRows() {
        List<List<String>> r = new ArrayList<>();
        r.add(WECHATMSG_HEADER);
        r.add(row("1", "7", "10000", "0", "0", "{{epoch:1762045140}}", "2",
                "\"{{name:张三}}\"邀请\"{{name:李四}}、王五\"加入了群聊", "{{local:2025-11-02 09:39:00}}", "", "", ""));
        r.add(row("2", "7", "{{count:1}}", "0", "1", "{{epoch:1762045200}}", "2", "{{text:欢迎大家，今晚 8 点夜话会}}",
                "{{local:2025-11-02 09:40:00}}", "{{name:群主小周}}", "{{name:小周}}", "{{id:wxid_owner01}}"));
        r.add(row("3", "7", "1", "0", "0", "{{epoch:1762045205}}", "2", "{{text:收到, \"好的\"}}",
                "{{local:2025-11-02 09:40:05}}", "{{name:张三}}", "张三", "{{id:wxid_zhang3}}"));
        r.add(row("4", "7", "3", "0", "0", "{{epoch:1762045209}}", "", "<msg><img length=\"1\"/></msg>",
                "{{local:2025-11-02 09:40:09}}", "李四", "李四", "{{id:wxid_li4}}"));
        r.add(row("5", "7", "49", "{{count:57}}", "0", "{{epoch:1762045230}}", "2", "{{text:有资料吗？\n想先看看}}",
                "{{local:2025-11-02 09:40:30}}", "王五", "王五", "wxid_wang5"));
        r.add(row("6", "7", "1", "0", "0", "{{epoch:1762045231}}", "2", "{{text:兼职日赚，加V私聊}}",
                "{{local:2025-11-02 09:40:31}}", "广告哥", "广告哥", "wxid_ad01"));
        r.add(row("7", "7", "10000", "0", "0", "{{epoch:1762045240}}", "2", "你将\"{{name:广告哥}}\"移出了群聊",
                "{{local:2025-11-02 09:40:40}}", "", "", ""));
        return r;
    }

    static final String CHATLOG_JSON = """
            [{"seq":1740790800000,"time":"{{local:2025-03-01T09:00:00+08:00}}","talker":"{{id:24751836902@chatroom}}",\
            "talkerName":"{{name:周末徒步群}}","isChatRoom":true,"sender":"系统消息","senderName":"","isSelf":false,\
            "type":10000,"subType":0,"content":"\\"{{name:张三}}\\"邀请\\"李四\\"加入了群聊"},\
            {"seq":{{epoch:1740790865000}},"time":"{{local:2025-03-01T09:01:05+08:00}}","talker":"24751836902@chatroom",\
            "talkerName":"周末徒步群","isChatRoom":true,"sender":"{{id:wxid_zhangsan01}}","senderName":"{{name:张三}}",\
            "isSelf":false,"type":{{count:1}},"subType":0,"content":"{{text:欢迎新朋友！周六早上八点集合}}"},\
            {"seq":1740790990000,"time":"2025-03-01T09:03:10+08:00","talker":"24751836902@chatroom",\
            "talkerName":"周末徒步群","isChatRoom":true,"sender":"wxid_self_zhou","senderName":"小周","isSelf":true,\
            "type":3,"subType":{{count:0}},"content":"{{text:![图片](http://127.0.0.1:5030/image/8f1c)}}"},\
            {"seq":1740791000000,"talker":"24751836902@chatroom","sender":"wxid_lisi02","isSelf":"0",\
            "type":"{{count:1}}","content":"{{text:seq 给出时间}}"}]
            """;

    static final String WEFLOW = """
            {
              "weflow": {"version": "1.0.3", "exportedAt": {{epoch:1741510800}}, "generator": "WeFlow"},
              "session": {"wxid": "{{id:24751836902@chatroom}}", "nickname": "{{name:周末徒步群}}", "remark": "徒步群",
                "displayName": "{{name:徒步群}}", "type": "群聊", "messageCount": 4},
              "messages": [
                {"localId": 1, "createTime": {{epoch:1740790800}}, "formattedTime": "{{local:2025-03-01 09:00:00}}",
                  "type": "系统消息", "localType": 10000, "content": "\\"{{name:张三}}\\"邀请\\"李四\\"加入了群聊",
                  "isSend": null, "senderUsername": "", "senderDisplayName": ""},
                {"localId": 2, "createTime": {{epoch:1740790865}}, "formattedTime": "2025-03-01 09:01:05",
                  "type": "文本消息", "localType": {{count:1}}, "content": "{{text:欢迎新朋友！}}", "isSend": 0,
                  "senderUsername": "{{id:wxid_zhangsan01}}", "senderDisplayName": "{{name:张三}}"},
                {"localId": 3, "formattedTime": "{{local:2025-03-01 09:02:00}}", "type": "图片消息",
                  "content": "[图片]", "isSend": 1, "senderUsername": "wxid_self_zhou", "senderDisplayName": "小周"},
                {"localId": 4, "createTime": "{{epoch:1740791000}}", "type": "{{name:文件消息}}", "localType": 49,
                  "content": "{{text:行程.pdf}}", "isSend": "1", "senderUsername": "wxid_self_zhou"}
              ]
            }
            """;

    static final String ARKME = """
            {
              "weflow": {"version": "1.0.9", "exportedAt": {{epoch:1741510800}}, "generator": "WeFlow",
                "format": "arkme-json"},
              "session": {"wxid": "{{id:24751836902@chatroom}}", "nickname": "周末徒步群", "remark": "{{name:徒步群}}",
                "displayName": "徒步群", "type": "群聊"},
              "senders": [
                {"senderID": 1, "wxid": "unknown", "displayName": "unknown"},
                {"senderID": {{count:2}}, "wxid": "{{id:wxid_zhangsan01}}", "displayName": "{{name:张三}}",
                  "groupNickname": "张三-领队"},
                {"senderID": 3, "wxid": "wxid_self_zhou", "displayName": "小周"}
              ],
              "messages": [
                {"localId": 1, "createTime": {{epoch:1741392000}}, "type": "系统消息", "localType": 10000,
                  "content": "\\"{{name:张三}}\\"邀请\\"王五\\"加入了群聊", "senderID": 1},
                {"localId": 2, "createTime": {{epoch:1741392065}}, "type": "文本消息", "localType": 1,
                  "content": "{{text:周六见}}", "isSend": 0, "senderID": {{count:2}}},
                {"localId": 3, "createTime": 1741392210, "formattedTime": "{{local:2025-03-08 08:03:30}}",
                  "type": "文本消息", "content": "{{text:收到}}", "isSend": true, "senderID": 3}
              ],
              "groupMembers": [
                {"wxid": "{{id:wxid_zhangsan01}}", "displayName": "{{name:张三}}", "messageCount": {{count:1}}},
                {"wxid": "wxid_self_zhou", "displayName": "小周", "messageCount": 1},
                {"wxid": "wxid_wangwu03", "displayName": "王五", "messageCount": 0}
              ]
            }
            """;

    static final String CHATLAB = """
            {
              "chatlab": {"version": "0.0.2", "exportedAt": {{epoch:1742000000}}, "generator": "WeFlow"},
              "meta": {"name": "{{name:周末徒步群}}", "platform": "wechat", "type": "group",
                "groupId": "{{id:24751836902@chatroom}}", "ownerId": "{{id:wxid_self_zhou}}"},
              "members": [
                {"platformId": "{{id:wxid_zhangsan01}}", "accountName": "{{name:山野张三}}", "groupNickname": "张三-领队",
                  "roles": [{"id": "owner", "name": "群主"}]},
                {"platformId": "wxid_self_zhou", "accountName": "小周"}
              ],
              "messages": [
                {"sender": "24751836902@chatroom", "accountName": "系统消息", "timestamp": {{epoch:1742000400}},
                  "type": 80, "content": "\\"{{name:张三}}\\"邀请\\"李四\\"加入了群聊"},
                {"sender": "{{id:wxid_zhangsan01}}", "accountName": "山野张三", "groupNickname": "{{name:张三-领队}}",
                  "timestamp": {{epoch:1742000465}}, "type": {{count:0}}, "content": "{{text:大家好}}",
                  "platformMessageId": "{{id:m-001}}"},
                {"sender": "wxid_self_zhou", "accountName": "小周", "timestamp": "{{local:2025-03-15 09:02:00}}",
                  "type": 1, "content": "{{text:[图片]}}", "replyToMessageId": "m-001"}
              ]
            }
            """;

    static final String CHATLAB_JSONL = """
            {"_type":"header","chatlab":{"version":"0.0.2","exportedAt":{{epoch:1742000000}}},"meta":{"name":"{{name:周末徒步群}}","platform":"wechat","type":"group","groupId":"{{id:24751836902@chatroom}}","ownerId":"wxid_self_zhou"}}
            {"_type":"member","platformId":"{{id:wxid_zhangsan01}}","accountName":"{{name:山野张三}}"}
            {"_type":"member","platformId":"wxid_self_zhou","accountName":"小周"}
            {"_type":"message","sender":"{{id:wxid_zhangsan01}}","accountName":"{{name:山野张三}}","timestamp":{{epoch:1742000465}},"type":{{count:0}},"content":"{{text:大家好}}"}
            {"sender":"wxid_self_zhou","accountName":"小周","timestamp":"{{local:2025-03-15 09:02:00}}","type":5,"content":"{{text:[表情]}}"}
            {"_type":"message","sender":"24751836902@chatroom","timestamp":{{epoch:1742000600}},"type":80,"content":"你将\\"{{name:李四}}\\"移出了群聊"}
            """;

    static final String WECOM_GET = """
            {
              "errcode": {{count:0}},
              "errmsg": "ok",
              "group_chat": {
                "chat_id": "{{id:wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA}}",
                "name": "{{name:销售客服群}}",
                "owner": "{{id:ZhuShengBen}}",
                "create_time": {{epoch:1572505490}},
                "notice": "{{text:文明沟通，拒绝脏话}}",
                "member_list": [
                  {"userid": "{{id:abel}}", "type": {{count:1}}, "join_time": {{epoch:1572505491}},
                    "join_scene": {{count:1}}, "invitor": {"userid": "{{id:jack}}"}, "group_nickname": "{{name:客服小张}}",
                    "name": "张三丰"},
                  {"userid": "wmOgQhDgAAuXFJGwbve4g4iXknfOAAAA", "type": 2, "unionid": "ozynqsulJFCZ2z1aYeS8h-nuasdAAA",
                    "join_time": "{{epoch:1572505491}}", "join_scene": 3, "group_nickname": "顾客老王", "name": "王语嫣"}
                ],
                "admin_list": [{"userid": "{{id:sam}}"}, {"userid": "pony"}],
                "member_version": "71217227bbd112ecfe3a49c482195cb4"
              }
            }
            """;

    static final String WECOM_LIST = """
            {"errcode": 0, "errmsg": "ok",
              "group_chat_list": [{"chat_id": "{{id:wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA}}", "status": {{count:0}}},
                {"chat_id": "{{id:wrOgQhDgAAcwMTB7YmDkbeBsAAAA}}", "status": 1}],
              "next_cursor": "{{text:tJzlB9tdqfh-g7i_J-ehOz_TWcd7dSKa39_AqCIeMFw}}"}
            """;

    static final String WECOM_STATISTIC = """
            {"errcode": 0, "errmsg": "ok", "total": 2, "next_offset": 2,
              "items": [
                {"owner": "{{id:zhangsan}}", "data": {"new_chat_cnt": {{count:2}}, "chat_total": 2, "chat_has_msg": 0,
                  "new_member_cnt": 0, "member_total": {{count:6}}, "member_has_msg": 0, "msg_total": 0,
                  "migrate_trainee_chat_cnt": 3}},
                {"owner": "lisi", "data": {"new_chat_cnt": 1, "chat_total": "{{count:3}}", "chat_has_msg": 2,
                  "new_member_cnt": 0, "member_total": 6, "member_has_msg": 0, "msg_total": {{count:0}}}}
              ]}
            """;

    static final String WECOM_BY_DAY = """
            {"errcode": 0, "errmsg": "ok",
              "items": [
                {"stat_time": {{epoch:1600272000}}, "data": {"new_chat_cnt": {{count:2}}, "chat_total": 2,
                  "chat_has_msg": 0, "new_member_cnt": 0, "member_total": 6, "member_has_msg": 0,
                  "msg_total": {{count:0}}, "migrate_trainee_chat_cnt": 3}},
                {"stat_time": "{{epoch:1600358400}}", "data": {"new_chat_cnt": 2, "chat_total": {{count:2}}}}
              ]}
            """;

    static final String WECOM_PAGES = """
            {"errcode":0,"errmsg":"ok","group_chat_list":[{"chat_id":"{{id:wrAAAAAAAAAA-readers-01}}","status":0},{"chat_id":"wrAAAAAAAAAA-readers-02","status":{{count:1}}}],"next_cursor":"cursor-page-2"}

            {"errcode":0,"errmsg":"ok","group_chat_list":[{"chat_id":"wrAAAAAAAAAA-readers-03","status":3}],"next_cursor":""}
            {"errcode":0,"errmsg":"ok","items":[{"stat_time":{{epoch:1600272000}},"data":{"chat_total":{{count:4}}}}]}
            """;

    static final String WECOM_ARRAY = """
            [{"errcode":0,"errmsg":"ok","group_chat":{"chat_id":"{{id:wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA}}",\
            "name":"{{name:销售客服群}}","owner":"ZhuShengBen","member_list":[{"userid":"{{id:abel}}","type":1,\
            "join_time":{{epoch:1572505491}},"join_scene":1}]}},\
            {"errcode":0,"errmsg":"ok","items":[{"stat_time":{{epoch:1600272000}},"data":{"msg_total":{{count:9}}}}]}]
            """;

    static final String WECOM_CALLBACK = """
            <xml>
            \t<ToUserName><![CDATA[toUser]]></ToUserName>
            \t<FromUserName><![CDATA[sys]]></FromUserName>
            \t<CreateTime>{{epoch:1403610513}}</CreateTime>
            \t<MsgType><![CDATA[event]]></MsgType>
            \t<Event><![CDATA[change_external_chat]]></Event>
            \t<ChatId>{{id:wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA}}</ChatId>
            \t<ChangeType><![CDATA[update]]></ChangeType>
            \t<UpdateDetail>{{text:add_member}}</UpdateDetail>
            \t<JoinScene>{{count:1}}</JoinScene>
            \t<QuitScene>0</QuitScene>
            \t<MemChangeCnt>{{count:10}}</MemChangeCnt>
            \t<MemChangeList>
            \t\t<Item>{{id:Jack}}</Item>
            \t\t<Item>Rose</Item>
            \t</MemChangeList>
            </xml>
            """;

    static final String PYWXDUMP_USERS = """
            {"wxid_owner01": {"wxid": "wxid_owner01", "nickname": "{{name:小周}}", "remark": ""},
             "20003@chatroom": {"wxid": "{{id:20003@chatroom}}", "nickname": "{{name:PyWx群}}", "remark": "",
               "extra": {"roomWxids": ["wxid_owner01", "{{id:wxid_zhang3}}", "wxid_li4"], "owner": "wxid_owner01",
                 "wxid2userinfo": {"wxid_zhang3": {"roomNickname": "{{name:张三}}"}, "wxid_li4": {"nickname": "李四"}},
                 "announcement": "{{text:群公告}}"}},
             "wxid_zhang3": {"wxid": "wxid_zhang3", "nickname": "张三", "remark": "{{name:老张}}"}}
            """;

    /** Every seed, in corpus order. */
    static List<Seed> all() {
        List<Seed> s = new ArrayList<>();
        s.add(csv("wechatmsg12/夜话会(" + ROOM_1 + ")", "%s.csv", Target.CHAT, true, "\r\n", wechatMsgRows()));
        List<List<String>> nine = wechatMsgRows().stream().map(r -> r.subList(0, 9)).toList();
        s.add(csv("wechatmsg9/读书会", "%s_utf8.csv", Target.CHAT, true, "\r\n", nine));
        s.add(csv("wechatmsg-all", "%s.csv", Target.CHAT, true, "\r\n", List.of(WECHATMSG_HEADER,
                row("1", "7", "1", "0", "0", "{{epoch:1762045200}}", "2", "{{text:今晚见}}", "{{local:2025-11-02 09:40:00}}",
                        "{{name:夜话会}}", "夜话会", "{{name:张三}}"),
                row("2", "7", "1", "0", "1", "{{epoch:1762045260}}", "2", "{{text:好的}}", "2025-11-02 09:41:00",
                        "夜话会", "夜话会", "我"),
                row("3", "8", "1", "0", "0", "{{epoch:1762045300}}", "2", "{{text:在吗}}", "2025-11-02 09:41:40",
                        "{{name:李四}}", "李四", "李四"),
                row("4", "7", "10000", "0", "0", "{{epoch:1762045320}}", "2", "\"张三\"邀请\"{{name:王五}}\"加入了群聊",
                        "2025-11-02 09:42:00", "夜话会", "夜话会", ""))));
        s.add(csv("wechatmsg-v2/夜话会2群(" + ROOM_2 + ")", "%s.csv", Target.CHAT, true, "\r\n", List.of(
                row("消息ID", "类型", "发送人", "时间", "内容", "备注", "昵称", "更多信息"),
                row("1", "{{name:文本}}", "{{name:张三}}", "{{local:2025-11-02 09:40:00}}", "{{text:你好}}", "", "", ""),
                row("2", "图片", "我", "{{local:2025-11-02 09:40:30}}", "[图片]", "", "", ""),
                row("3", "系统消息", "", "2025-11-02 09:41:00", "\"{{name:李四}}\"加入了群聊", "", "", ""),
                row("4", "文本", "{{name:王五}}", "2025/11/2 9:42", "{{text:晚上好}}", "老王", "{{name:王五}}", "{{text:}}"))));
        s.add(csv("pywxdump3/wxid_owner01/csv/" + ROOM_PYWX, ROOM_PYWX + "_%s.csv", Target.CHAT, false, "\n", List.of(
                row("id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg", "src", "CreateTime"),
                row("1", "6123456789012345678", "系统通知", "0", "系统", "{{id:20003@chatroom}}",
                        "\"{{name:张三}}\"邀请\"李四\"加入了群聊", "", "{{local:2025-11-02 09:39:00}}"),
                row("2", "6123456789012345679", "文本", "{{count:0}}", "{{id:wxid_zhang3}}", "20003@chatroom",
                        "{{text:大家好}}", "", "{{local:2025-11-02 09:40:00}}"),
                row("3", "6123456789012345680", "{{name:文本}}", "1", "wxid_owner01", "20003@chatroom", "{{text:欢迎}}",
                        "", "{{epoch:1762045260}}"),
                row("4", "6123456789012345681", "图片", "0", "wxid_li4", "{{id:20003@chatroom}}", "图片",
                        "{{text:C:\\img\\a.jpg}}", "2024/10/4 11:42"))));
        s.add(csv("pywxdump2/wxid_hong2024", "wxid_hong2024_%s.csv", Target.CHAT, false, "\n", List.of(
                row("id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "content", "CreateTime"),
                row("1", "77001", "文本", "{{count:0}}", "{{id:wxid_zhang3}}", "{{id:20004@chatroom}}",
                        "{\"src\": \"\", \"msg\": \"{{text:早上好}}\"}", "{{local:2025-11-02 09:40:00}}"),
                row("2", "77002", "文本", "1", "我", "20004@chatroom", "{\"src\": \"\", \"msg\": \"{{text:早}}\"}",
                        "{{local:2025-11-02 09:40:10}}"),
                row("3", "77003", "{{name:系统通知}}", "0", "系统", "20004@chatroom",
                        "{{text:\"张三\"撤回了一条消息}}", "{{epoch:1762045300}}"))));
        s.add(text("pywxdump-users", "%s.json", Shape.JSON, Target.CHAT_USERS, PYWXDUMP_USERS));
        s.add(csv("chatlog-csv", "%s.csv", Target.CHAT, false, "\r\n", List.of(
                row("Time", "SenderName", "Sender", "TalkerName", "Talker", "Content"),
                row("{{local:2025-03-01 09:00:00}}", "", "系统消息", "{{name:周末徒步群}}", "{{id:24751836902@chatroom}}",
                        "\"{{name:张三}}\"邀请\"李四、王五\"加入了群聊"),
                row("{{local:2025-03-01 09:01:05}}", "{{name:张三}}", "{{id:wxid_zhangsan01}}", "周末徒步群",
                        "24751836902@chatroom", "{{text:欢迎新朋友！周六早上八点集合}}"),
                row("2025/3/1 9:03", "李四", "wxid_lisi02", "周末徒步群", "{{id:24751836902@chatroom}}",
                        "{{text:![图片](http://127.0.0.1:5030/image/8f1c)}}"))));
        s.add(text("chatlog-json", "%s.json", Shape.JSON, Target.CHAT, CHATLOG_JSON));
        s.add(text("weflow", "%s.json", Shape.JSON, Target.CHAT, WEFLOW));
        s.add(text("arkme", "%s.json", Shape.JSON, Target.CHAT, ARKME));
        s.add(text("chatlab-json", "%s.json", Shape.JSON, Target.CHAT, CHATLAB));
        s.add(text("chatlab-jsonl", "%s.jsonl", Shape.JSONL, Target.CHAT, CHATLAB_JSONL));
        s.add(text("wecom-get", "%s.json", Shape.JSON, Target.WECOM, WECOM_GET));
        s.add(text("wecom-list", "%s.json", Shape.JSON, Target.WECOM, WECOM_LIST));
        s.add(text("wecom-statistic", "%s.json", Shape.JSON, Target.WECOM, WECOM_STATISTIC));
        s.add(text("wecom-byday", "%s.json", Shape.JSON, Target.WECOM, WECOM_BY_DAY));
        s.add(text("wecom-pages", "%s.jsonl", Shape.JSONL, Target.WECOM, WECOM_PAGES));
        s.add(text("wecom-array", "%s.json", Shape.JSON, Target.WECOM, WECOM_ARRAY));
        s.add(text("wecom-callback", "%s.xml", Shape.XML, Target.WECOM, WECOM_CALLBACK));
        List<List<String>> registry = List.of(
                row("name", "platform", "externalId", "purpose", "kind", "owner", "memberCount", "capacity", "tags",
                        "status", "notes"),
                row("{{name:导入群甲}}", "wechat", "{{id:30001@chatroom}}", "resource", "long-term", "{{name:小周}}",
                        "{{count:120}}", "{{count:500}}", "{{text:VIP,夜话}}", "active", "{{text:从表格导入}}"),
                row("{{name:导入群乙}}", "{{name:企业微信}}", "{{id:wrImport0000002}}", "服务", "长期", "阿强", "80", "200",
                        "", "{{name:活跃}}", ""),
                row("导入群丙", "wechat", "", "event", "flash", "", "{{count:0}}", "", "快闪", "dissolved",
                        "{{text:活动结束}}"));
        List<List<String>> registryWithReason = new ArrayList<>();
        for (List<String> r : registry) {
            List<String> x = new ArrayList<>(r);
            x.add(registryWithReason.isEmpty() ? "dissolutionReason" : r.getFirst().equals("导入群丙") ? "活动结束" : "");
            registryWithReason.add(x);
        }
        s.add(csv("registry-csv", "%s.csv", Target.REGISTRY, true, "\r\n", registryWithReason));
        s.add(new Seed("registry-xlsx", "%s.xlsx", Shape.XLSX, Target.REGISTRY, null, registryWithReason, false, ""));
        List<List<String>> values = List.of(
                row("group", "time", "dimension", "title", "reach", "campaign"),
                row("{{id:20001@chatroom}}", "{{time:2026-11-20 20:00}}", "benefits", "{{text:满30减10券}}",
                        "{{count:120}}", ""),
                row("{{name:目标群B}}", "{{time:2026-11-21T12:00:00Z}}", "{{name:信息}}", "{{text:行业早报}}", "", ""),
                row("20001@chatroom", "{{day:2026-11-22}}", "resources", "资料包", "{{count:3,000}}", "{{name:}}"));
        s.add(csv("values-csv", "%s.csv", Target.VALUES, false, "\n", values));
        s.add(new Seed("values-xlsx", "%s.xlsx", Shape.XLSX, Target.VALUES, null, values, false, ""));
        List<List<String>> outcomes = List.of(
                row("group", "day", "type", "value", "campaign"),
                row("{{id:20001@chatroom}}", "{{day:2026-11-20}}", "orders", "{{num:12}}", ""),
                row("目标群B", "{{day:2026/11/21}}", "{{name:gmv}}", "{{num:¥1,234.50}}", ""),
                row("{{name:目标群B}}", "20261122", "signups", "{{num:0}}", ""));
        s.add(csv("outcomes-csv", "%s.csv", Target.OUTCOMES, true, "\r\n", outcomes));
        s.add(new Seed("outcomes-xlsx", "%s.xlsx", Shape.XLSX, Target.OUTCOMES, null, outcomes, false, ""));
        List<List<String>> stats = List.of(
                row("群", "日期", "人数", "入群", "退群", "消息数", "发言人数", "前三占比", "群主消息", "广告"),
                row("{{id:20001@chatroom}}", "{{day:2026-11-20}}", "{{count:321}}", "5", "{{count:2}}", "240", "31",
                        "{{num:0.42}}", "12", "1"),
                row("{{name:目标群B}}", "{{day:2026-11-21}}", "", "{{count:0}}", "", "{{count:1,200}}", "60",
                        "{{num:35%}}", "", ""));
        s.add(csv("stats-csv", "%s.csv", Target.STATS, false, "\r\n", stats));
        s.add(new Seed("stats-xlsx", "%s.xlsx", Shape.XLSX, Target.STATS, null, stats, false, ""));
        return s;
    }
}
