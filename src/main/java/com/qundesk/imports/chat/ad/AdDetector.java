package com.qundesk.imports.chat.ad;

import com.qundesk.imports.MessageKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Flags advertising and spam messages, so they are reported (the ad policy, the "ad-heavy" health rule) and never
 * counted as value. A text or app message is an ad when it
 * <ul>
 *     <li>links to a site outside WeChat ({@code http(s)://…}, {@code www.…}, or a bare domain with a path such as
 *     {@code abc.top/x}; WeChat's own {@code weixin.qq.com} and its sub-domains such as {@code mp.weixin.qq.com} and
 *     {@code work.weixin.qq.com} are not outside);</li>
 *     <li>contains one of the configured keywords (a "contact me" ask, a job or reseller offer…) that is not part
 *     of an exception phrase ({@code !代理商} in the list: "our distributor" is normal talk);</li>
 *     <li>or mentions a QR code together with contact words ({@code 扫二维码加我}).</li>
 * </ul>
 * System notices are never ads; images, voice, video, emoji, files, money, cards and calls cannot be read (false).
 * For a WeChat XML app message ({@code <msg><appmsg><title>…}) only its title, description and url are read;
 * music shares ({@code <type>3</type>}, 76) link to music sites by nature and are not judged by their link.
 *
 * <p>Matching ignores ASCII case and full-width forms ({@code 加Ｖ} = {@code 加v}); a keyword that begins or ends
 * with a Latin letter only matches when no Latin letter touches that end ({@code vx} in {@code vx:abc123} but not in
 * {@code vxworks}, {@code 加V} but not {@code 加VIP群}).
 *
 * <p>Fast: every keyword, link marker and QR word is compiled into one automaton (Aho–Corasick with a dense
 * transition table over the few characters the patterns use), so a message is read once, character by character,
 * with no allocation and no regular expression. Immutable and thread safe.
 */
public final class AdDetector {

    /**
     * The default keyword list. Each entry is there because it is a typical spam ask and rare in normal group talk;
     * entries starting with {@code !} are exceptions (phrases in which a keyword does not count):
     * <ul>
     *     <li>{@code 加V}, {@code 加v}: "add my WeChat" shorthand (V = 微信), the classic spam ask; {@code 加VIP群} is
     *     not a hit (Latin-letter boundary).</li>
     *     <li>{@code 加微信}, {@code 加我微信}: the same ask, spelled out.</li>
     *     <li>{@code vx}, {@code VX}: an abbreviation of 微信 used as "vx: abc123"; whole Latin words only.</li>
     *     <li>{@code 薇信}, {@code 威信}: homophones of 微信 used to dodge WeChat's own filter; nobody writes them
     *     innocently.</li>
     *     <li>{@code 兼职}: part-time job offers, the most common group spam.</li>
     *     <li>{@code 代理}, {@code 招代理}: reseller recruitment (诚招代理, 代理加盟). Exceptions {@code !代理商}
     *     ("our distributor says…"), {@code !代理服务器} (a proxy server) and {@code !代理人} (a legal or
     *     registered agent) are normal talk; {@code 招代理商} is still caught by {@code 招代理}.</li>
     *     <li>{@code 私聊}: "有需要的私聊" moves a sale out of the group. Exceptions {@code !私聊你}, {@code !私聊了},
     *     {@code !已私聊}: members telling each other they sent a private message.</li>
     *     <li>{@code 日赚}: "日赚300" get-rich offers.</li>
     *     <li>{@code 刷单}: click-farming recruitment, a scam.</li>
     *     <li>{@code 扫码进群}: pulling members into another group.</li>
     * </ul>
     * Kept short on purpose: a false positive makes a healthy group look ad-heavy. Operators add their own words in
     * Settings.
     */
    public static final List<String> DEFAULT_KEYWORDS = List.of(
            "加V", "加v", "加微信", "加我微信", "vx", "VX", "薇信", "威信", "兼职", "代理", "招代理", "私聊", "日赚",
            "刷单", "扫码进群",
            "!代理商", "!代理服务器", "!代理人", "!私聊你", "!私聊了", "!已私聊");

    /** Top-level domains that make {@code name.tld/path} a link although it has no {@code http://}. */
    private static final List<String> BARE_TLDS = List.of("com", "cn", "net", "org", "top", "xyz", "vip", "cc",
            "shop", "club", "site", "online", "info", "me", "ink", "icu", "io", "co", "tk", "ltd", "wang", "work",
            "fun", "link", "life", "live", "store", "tv", "hk");
    private static final List<String> QR_WORDS = List.of("二维码", "扫码", "扫一扫");
    private static final List<String> CONTACT_WORDS = List.of("加我", "加好友", "加群", "进群", "微信", "加微", "v");

    private static final byte KEYWORD = 0;
    private static final byte SCHEME = 1;
    private static final byte WWW = 2;
    private static final byte TLD = 3;
    private static final byte QR = 4;
    private static final byte CONTACT = 5;

    private final List<String> entries;
    /** Per pattern: its type, folded text, and (keywords) the exception phrases around it. */
    private final byte[] type;
    private final String[] pattern;
    private final boolean[] latinStart;
    private final boolean[] latinEnd;
    private final String[][] exceptionText;
    private final int[][] exceptionOffset;
    /** Automaton: symbol of each char (0 = not in any pattern), dense transitions, outputs per state. */
    private final short[] symbol;
    private final int symbols;
    private final int[] delta;
    private final int[][] out;

    /**
     * A detector for {@code keywords}; entries starting with {@code !} are exception phrases. Blank entries and
     * repeats are ignored.
     */
    public AdDetector(List<String> keywords) {
        Set<String> kept = new LinkedHashSet<>();
        for (String k : keywords) {
            if (k != null && !k.strip().isEmpty() && !k.strip().equals("!")) {
                kept.add(k.strip());
            }
        }
        this.entries = List.copyOf(kept);

        List<String> positives = new ArrayList<>();
        List<String> exceptions = new ArrayList<>();
        for (String e : entries) {
            if (e.startsWith("!")) {
                exceptions.add(AdText.fold(e.substring(1).strip()));
            } else {
                positives.add(AdText.fold(e));
            }
        }
        List<String> pats = new ArrayList<>();
        List<Byte> types = new ArrayList<>();
        for (String p : positives) {
            add(pats, types, p, KEYWORD);
        }
        add(pats, types, "http://", SCHEME);
        add(pats, types, "https://", SCHEME);
        add(pats, types, "www.", WWW);
        for (String t : BARE_TLDS) {
            add(pats, types, "." + t + "/", TLD);
        }
        for (String q : QR_WORDS) {
            add(pats, types, q, QR);
        }
        for (String c : CONTACT_WORDS) {
            add(pats, types, c, CONTACT);
        }
        int n = pats.size();
        this.pattern = pats.toArray(new String[0]);
        this.type = new byte[n];
        this.latinStart = new boolean[n];
        this.latinEnd = new boolean[n];
        this.exceptionText = new String[n][];
        this.exceptionOffset = new int[n][];
        for (int p = 0; p < n; p++) {
            type[p] = types.get(p);
            latinStart[p] = AdText.isLatin(pattern[p].charAt(0));
            latinEnd[p] = AdText.isLatin(pattern[p].charAt(pattern[p].length() - 1));
            List<String> et = new ArrayList<>();
            List<Integer> eo = new ArrayList<>();
            if (type[p] == KEYWORD) {
                for (String ex : exceptions) {
                    for (int o = ex.indexOf(pattern[p]); o >= 0; o = ex.indexOf(pattern[p], o + 1)) {
                        et.add(ex);
                        eo.add(o);
                    }
                }
            }
            exceptionText[p] = et.toArray(new String[0]);
            exceptionOffset[p] = eo.stream().mapToInt(Integer::intValue).toArray();
        }

        // symbols: every distinct folded char of the patterns; every char folding to one shares its symbol
        this.symbol = new short[65536];
        int sym = 1;
        for (String p : pattern) {
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (symbol[c] == 0) {
                    if (sym == Short.MAX_VALUE) {
                        throw new IllegalArgumentException("too many keyword characters");
                    }
                    symbol[c] = (short) sym++;
                }
            }
        }
        for (int c = 0; c < 65536; c++) {
            char f = AdText.fold((char) c);
            if (f != c && symbol[f] != 0) {
                symbol[c] = symbol[f];
            }
        }
        this.symbols = sym;

        // trie
        List<int[]> next = new ArrayList<>();
        List<List<Integer>> outs = new ArrayList<>();
        next.add(new int[sym]);
        outs.add(new ArrayList<>());
        for (int p = 0; p < n; p++) {
            int st = 0;
            for (int i = 0; i < pattern[p].length(); i++) {
                int s = symbol[pattern[p].charAt(i)];
                if (next.get(st)[s] == 0) {
                    next.add(new int[sym]);
                    outs.add(new ArrayList<>());
                    next.get(st)[s] = next.size() - 1;
                }
                st = next.get(st)[s];
            }
            outs.get(st).add(p);
        }
        // failure links, breadth first, turned into a full transition table
        int states = next.size();
        int[] fail = new int[states];
        this.delta = new int[states * sym];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 1; s < sym; s++) {
            int t = next.getFirst()[s];
            delta[s] = t;
            if (t != 0) {
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int st = queue.poll();
            outs.get(st).addAll(outs.get(fail[st]));
            for (int s = 1; s < sym; s++) {
                int t = next.get(st)[s];
                if (t != 0) {
                    fail[t] = delta[fail[st] * sym + s];
                    delta[st * sym + s] = t;
                    queue.add(t);
                } else {
                    delta[st * sym + s] = delta[fail[st] * sym + s];
                }
            }
        }
        this.out = new int[states][];
        for (int st = 0; st < states; st++) {
            out[st] = outs.get(st).isEmpty() ? null : outs.get(st).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static void add(List<String> pats, List<Byte> types, String p, byte t) {
        if (!p.isEmpty()) {
            pats.add(p);
            types.add(t);
        }
    }

    /** The detector with {@link #DEFAULT_KEYWORDS}. */
    public static AdDetector defaults() {
        return new AdDetector(DEFAULT_KEYWORDS);
    }

    /**
     * A detector from a setting: keywords separated by commas (also {@code ，}) or new lines, exceptions starting
     * with {@code !}. Null means the defaults; a blank setting means no keywords (links and QR-code asks are still
     * flagged).
     */
    public static AdDetector fromSetting(String setting) {
        if (setting == null) {
            return defaults();
        }
        List<String> list = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= setting.length(); i++) {
            if (i == setting.length() || isSeparator(setting.charAt(i))) {
                String k = setting.substring(start, i).strip();
                if (!k.isEmpty()) {
                    list.add(k);
                }
                start = i + 1;
            }
        }
        return new AdDetector(list);
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '，' || c == '\n' || c == '\r';
    }

    /** The keyword list as a setting ({@link #fromSetting} reads it back), one entry a line. */
    public String toSetting() {
        return String.join("\n", entries);
    }

    /** The keywords and exceptions ({@code !…}) in use. */
    public List<String> keywords() {
        return entries;
    }

    /** True when the message is an ad (see the class comment); never for system notices and unreadable kinds. */
    public boolean isAd(MessageKind kind, String text) {
        if (text == null || text.isEmpty() || kind != MessageKind.TEXT && kind != MessageKind.APP) {
            return false;
        }
        int a = 0;
        int n = text.length();
        while (a < n && Character.isWhitespace(text.charAt(a))) {
            a++;
        }
        if (a < n && text.charAt(a) == '<') {
            int app = text.indexOf("<appmsg", a);
            if (app < 0) {
                // other XML (location, emoji, a system XML mislabelled): nothing a person wrote to read
                return text.startsWith("<msg", a) || text.startsWith("<?xml", a) || text.startsWith("<sysmsg", a)
                        ? false : scan(text, a, n, true, new int[1]);
            }
            String appType = AdText.element(text, app, "type");
            boolean links = !"3".equals(appType) && !"76".equals(appType);
            int[] flags = new int[1];
            for (String field : new String[]{"title", "des", "url"}) {
                int[] range = AdText.elementRange(text, app, field);
                if (range != null && scan(text, range[0], range[1], links, flags)) {
                    return true;
                }
            }
            return flags[0] == 3;
        }
        int[] flags = new int[1];
        return scan(text, a, n, true, flags) || flags[0] == 3;
    }

    /**
     * Runs the automaton over {@code text[from, to)}: true at the first keyword or outside link; {@code flags[0]}
     * collects bit 1 for a QR word and bit 2 for a contact word.
     */
    private boolean scan(String text, int from, int to, boolean links, int[] flags) {
        int st = 0;
        final int sym = symbols;
        for (int i = from; i < to; i++) {
            st = delta[st * sym + symbol[text.charAt(i)]];
            int[] o = out[st];
            if (o == null) {
                continue;
            }
            for (int p : o) {
                int start = i - pattern[p].length() + 1;
                if (latinStart[p] && start > from && AdText.isLatin(AdText.fold(text.charAt(start - 1)))
                        || latinEnd[p] && i + 1 < to && AdText.isLatin(AdText.fold(text.charAt(i + 1)))) {
                    continue;
                }
                switch (type[p]) {
                    case KEYWORD -> {
                        if (!excepted(p, text, start, from, to)) {
                            return true;
                        }
                    }
                    case SCHEME -> {
                        if (links && AdText.outside(text, i + 1, to)) {
                            return true;
                        }
                    }
                    case WWW -> {
                        if (links && AdText.outside(text, start, to)) {
                            return true;
                        }
                    }
                    case TLD -> {
                        if (links && AdText.bareDomainOutside(text, from, start, i)) {
                            return true;
                        }
                    }
                    case QR -> flags[0] |= 1;
                    case CONTACT -> flags[0] |= 2;
                    default -> {
                        // no other types
                    }
                }
            }
        }
        return false;
    }

    private boolean excepted(int p, String text, int start, int from, int to) {
        String[] et = exceptionText[p];
        for (int k = 0; k < et.length; k++) {
            int at = start - exceptionOffset[p][k];
            if (at >= from && at + et[k].length() <= to && AdText.foldedMatch(text, at, et[k])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "AdDetector" + Arrays.toString(entries.toArray());
    }
}
