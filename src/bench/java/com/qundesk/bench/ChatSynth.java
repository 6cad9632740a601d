package com.qundesk.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Synthesises one group's chat, deterministically: members whose activity follows a Zipf law (so the top-3 share
 * means something), messages spread over the days the group talks with a weekly rhythm and same-second bursts, and
 * the mix a real group has — text (some with commas, quotes and line breaks), images, stickers, voice, links, quote
 * replies, pats, revokes, join and removal notices, a few ads, and the exporting account's own messages.
 */
final class ChatSynth {

    /** WeChat 3.x type codes with the PyWxDump label and rendering of each. */
    enum Kind {
        TEXT(1, 0, "文本"), IMAGE(3, 0, "图片"), VOICE(34, 0, "语音"), VIDEO(43, 0, "视频"), STICKER(47, 0, "动画表情"),
        LINK(49, 5, "卡片链接"), QUOTE(49, 57, "引用回复"), PAT(49, 62, "拍一拍"), JOIN(10000, 0, "系统通知"),
        REMOVAL(10000, 0, "系统通知"), REVOKE(10000, 0, "消息撤回"), AD(1, 0, "文本");

        final int type;
        final int subType;
        final String label;

        Kind(int type, int subType, String label) {
            this.type = type;
            this.subType = subType;
            this.label = label;
        }

        boolean system() {
            return type == 10000;
        }
    }

    /** One synthesised message; {@code sender} is -1 for a notice, 0 for the exporting account. */
    static final class Message {
        long epoch;
        Kind kind;
        int sender;
        String content;
    }

    interface Sink {
        void message(Message m);
    }

    private static final String[] PHRASES = {"大家好", "收到，谢谢群主", "今晚八点直播，记得来", "这个链接打不开，谁能帮忙看看？",
            "已报名", "打卡第%d天", "有没有人一起拼单", "刚下单了，等发货", "分享一个小技巧：先收藏再看", "好的", "哈哈哈哈",
            "老师讲得太好了", "资料在群文件里", "明天几点开始？", "我也想要一份", "感谢分享！", "这个价格还挺划算的",
            "周末有空的可以线下见", "第%d期的回放在哪里看", "请问怎么退款", "已核销，谢谢", "同问", "赞👍", "辛苦了",
            "今天的作业交了", "麻烦拉我朋友进群", "他说\"明天见\"", "价格,规格,颜色都在图里", "早安☀️", "晚安",
            "有人去杭州的展会吗", "转发一下，需要的自取", "这周的优惠券什么时候发", "新人报到，请多关照"};
    private static final String[] ADS = {"兼职刷单，日结300，加V：abc%d", "私聊我领取免费资料，加微信 vx%d",
            "招代理，零成本创业，详情私聊"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
            "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晨", "雨萱", "子轩", "浩然", "欣怡", "宇航", "思远",
            "一鸣", "佳怡", "梓涵", "俊杰", "嘉怡", "文博", "晓彤", "天佑", "若曦", "志强", "美玲", "海燕"};

    private final SplittableRandom r;
    private final int members;
    private final String[] wxids;
    private final String[] names;
    private final double[] cumulative;
    private final String ownerName;

    ChatSynth(long seed, int groupKey, int members) {
        this.r = BenchPlan.rng(seed, 10, groupKey);
        this.members = Math.max(3, members);
        this.wxids = new String[this.members + 1];
        this.names = new String[this.members + 1];
        wxids[0] = BenchPlan.OWNER_WXID;
        names[0] = "群主小助手";
        ownerName = names[0];
        for (int i = 1; i <= this.members; i++) {
            wxids[i] = "wxid_" + Long.toString((groupKey + 1L) * 1_000_003L + i * 7_919L, 36) + "b" + i;
            names[i] = SURNAMES[(i * 7 + groupKey) % SURNAMES.length] + GIVEN[(i * 13 + groupKey * 3) % GIVEN.length]
                    + (i > SURNAMES.length * 2 ? String.valueOf(i % 97) : "");
        }
        cumulative = new double[this.members];
        double sum = 0;
        for (int i = 0; i < this.members; i++) {
            sum += 1.0 / Math.pow(i + 1, 0.9);
            cumulative[i] = sum;
        }
        for (int i = 0; i < this.members; i++) {
            cumulative[i] /= sum;
        }
    }

    int memberCount() {
        return members;
    }

    String wxid(int sender) {
        return wxids[sender];
    }

    String name(int sender) {
        return names[sender];
    }

    String ownerName() {
        return ownerName;
    }

    /**
     * Writes {@code total} messages between {@code from} and {@code to} (at least one a day, people talk from
     * 07:00 to midnight local time), in time order.
     */
    void generate(Instant from, Instant to, long total, Sink sink) {
        LocalDate first = from.atZone(BenchPlan.ZONE).toLocalDate();
        LocalDate last = to.atZone(BenchPlan.ZONE).toLocalDate();
        int days = (int) (last.toEpochDay() - first.toEpochDay() + 1);
        long[] lo = new long[days];
        long[] hi = new long[days];
        double[] weight = new double[days];
        double wsum = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            long start = day.atStartOfDay(BenchPlan.ZONE).toEpochSecond();
            lo[d] = Math.max(start + 7 * 3600, from.getEpochSecond());
            hi[d] = Math.min(start + 86_400, to.getEpochSecond() + 1);
            if (hi[d] <= lo[d]) {
                lo[d] = Math.max(start, from.getEpochSecond());
                hi[d] = Math.min(start + 86_400, to.getEpochSecond() + 1);
            }
            double span = Math.max(60, hi[d] - lo[d]) / 61_200.0;
            int dow = day.getDayOfWeek().getValue();
            weight[d] = span * (dow >= 6 ? 0.7 : 1.0) * (0.4 + 1.2 * r.nextDouble());
            wsum += weight[d];
        }
        long[] counts = new long[days];
        long assigned = 0;
        for (int d = 0; d < days; d++) {
            counts[d] = Math.max(1, (long) Math.floor((total - days) * weight[d] / wsum) + 1);
            assigned += counts[d];
        }
        for (int d = 0; assigned < total; d = (d + 1) % days) {
            counts[d]++;
            assigned++;
        }
        for (int d = days - 1; assigned > total && d >= 0; d--) {
            long take = Math.min(counts[d] - 1, assigned - total);
            counts[d] -= take;
            assigned -= take;
        }
        Message m = new Message();
        long[] times = new long[0];
        for (int d = 0; d < days; d++) {
            int c = (int) counts[d];
            if (times.length < c) {
                times = new long[c];
            }
            long span = Math.max(1, hi[d] - lo[d]);
            for (int i = 0; i < c; i++) {
                times[i] = lo[d] + r.nextLong(span);
            }
            Arrays.sort(times, 0, c);
            for (int i = 0; i < c; i++) {
                if (i > 0 && r.nextInt(100) < 3) {
                    times[i] = times[i - 1]; // a burst: several images in one second
                }
                fill(m, times[i]);
                sink.message(m);
            }
        }
    }

    private void fill(Message m, long epoch) {
        m.epoch = epoch;
        int p = r.nextInt(1000);
        Kind k;
        if (p < 665) {
            k = Kind.TEXT;
        } else if (p < 765) {
            k = Kind.IMAGE;
        } else if (p < 825) {
            k = Kind.STICKER;
        } else if (p < 855) {
            k = Kind.VOICE;
        } else if (p < 865) {
            k = Kind.VIDEO;
        } else if (p < 895) {
            k = Kind.LINK;
        } else if (p < 935) {
            k = Kind.QUOTE;
        } else if (p < 940) {
            k = Kind.PAT;
        } else if (p < 955) {
            k = Kind.JOIN;
        } else if (p < 957) {
            k = Kind.REMOVAL;
        } else if (p < 967) {
            k = Kind.REVOKE;
        } else if (p < 972) {
            k = Kind.AD;
        } else {
            k = Kind.TEXT;
        }
        m.kind = k;
        if (k.system()) {
            m.sender = -1;
        } else if (k != Kind.AD && r.nextInt(100) < 4) {
            m.sender = 0;
        } else {
            m.sender = pickMember();
        }
        m.content = switch (k) {
            case TEXT -> text();
            case IMAGE -> "<?xml version=\"1.0\"?><msg><img aeskey=\"" + Long.toHexString(r.nextLong())
                    + "\" length=\"" + (20_000 + r.nextInt(400_000)) + "\" /></msg>";
            case STICKER -> "<msg><emoji md5=\"" + Long.toHexString(r.nextLong()) + "\" len=\"" + r.nextInt(90_000)
                    + "\"/></msg>";
            case VOICE -> "<msg><voicemsg voicelength=\"" + (1000 + r.nextInt(50_000)) + "\"/></msg>";
            case VIDEO -> "<msg><videomsg length=\"" + r.nextInt(5_000_000) + "\" playlength=\"" + r.nextInt(60)
                    + "\"/></msg>";
            case LINK -> "<msg><appmsg><title>" + phrase() + "</title><type>5</type><url>https://mp.weixin.qq.com/s/"
                    + Long.toString(r.nextLong() & Long.MAX_VALUE, 36) + "</url></appmsg></msg>";
            case QUOTE -> "<msg><appmsg><title>" + phrase() + "</title><type>57</type><refermsg><displayname>"
                    + names[pickMember()] + "</displayname><content>" + phrase() + "</content></refermsg></appmsg></msg>";
            case PAT -> "<msg><appmsg><title>\"" + names[m.sender] + "\" 拍了拍 \"" + names[pickMember()]
                    + "\"</title><type>62</type></appmsg></msg>";
            case JOIN -> r.nextBoolean()
                    ? "\"" + names[pickMember()] + "\"邀请\"" + newcomer() + (r.nextInt(4) == 0 ? "、" + newcomer() : "")
                    + "\"加入了群聊"
                    : "\"" + newcomer() + "\"通过扫描\"" + names[pickMember()] + "\"分享的二维码加入群聊";
            case REMOVAL -> "你将\"" + names[pickMember()] + "\"移出了群聊";
            case REVOKE -> "\"" + names[pickMember()] + "\"撤回了一条消息";
            case AD -> ADS[r.nextInt(ADS.length)].formatted(r.nextInt(10_000));
        };
    }

    private int pickMember() {
        double u = r.nextDouble();
        int i = Arrays.binarySearch(cumulative, u);
        i = i < 0 ? -i - 1 : i;
        return Math.min(i, members - 1) + 1;
    }

    private String newcomer() {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)] + "新";
    }

    private String phrase() {
        String p = PHRASES[r.nextInt(PHRASES.length)];
        return p.indexOf('%') >= 0 ? p.formatted(1 + r.nextInt(60)) : p;
    }

    private String text() {
        int q = r.nextInt(100);
        if (q < 55) {
            return phrase();
        }
        if (q < 97) {
            return phrase() + "，" + phrase();
        }
        return phrase() + "\n" + phrase() + "\n" + phrase(); // a multi-line message
    }
}
