package com.qundesk.imports.chat.ad;



/**
 * The character-level reading behind {@link AdDetector}: folding ASCII case and full-width forms, telling whether a
 * link's host is outside WeChat, and finding the fields of a WeChat XML app message. Static; no state.
 */
final class AdText {

    private AdText() {
    }

    /** Whether the host starting at {@code at} (after {@code http://}, or a {@code www.…}) is outside WeChat. */
    static boolean outside(String text, int at, int to) {
        int e = at;
        int limit = Math.min(to, at + 255);
        int hostStart = at;
        int hostEnd = -1;
        while (e < limit) {
            char c = fold(text.charAt(e));
            if (c == '/' || c == '?' || c == '#' || c == '\\' || !isHostOrUserChar(c)) {
                break;
            }
            if (c == '@') {
                hostStart = e + 1;
                hostEnd = -1;
            } else if (c == ':' && hostEnd < 0) {
                hostEnd = e;
            }
            e++;
        }
        if (hostEnd < 0) {
            hostEnd = e;
        }
        while (hostEnd > hostStart && text.charAt(hostEnd - 1) == '.') {
            hostEnd--;
        }
        if (hostEnd <= hostStart) {
            return false; // "http://" with nothing after it links nowhere
        }
        return !wechatHost(text, hostStart, hostEnd);
    }

    /** {@code name.tld/…}: walks back from the dot over host characters. */
    static boolean bareDomainOutside(String text, int from, int dot, int slash) {
        int hs = dot;
        int limit = Math.max(from, dot - 255);
        while (hs > limit && isHostChar(fold(text.charAt(hs - 1)))) {
            hs--;
        }
        while (hs < dot && (text.charAt(hs) == '.' || text.charAt(hs) == '-')) {
            hs++;
        }
        if (hs >= dot) {
            return false; // ".com/" alone names no site
        }
        return !wechatHost(text, hs, slash);
    }

    /** {@code weixin.qq.com} and its sub-domains ({@code mp.}, {@code work.}, {@code channels.} …). */
    private static boolean wechatHost(String text, int from, int to) {
        String base = "weixin.qq.com";
        int len = to - from;
        if (len < base.length() || !foldedMatch(text, to - base.length(), base)) {
            return false;
        }
        return len == base.length() || text.charAt(to - base.length() - 1) == '.';
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    private static boolean isHostOrUserChar(char c) {
        return isHostChar(c) || c == '@' || c == ':' || c == '_' || c == '%' || c == '~' || c == '+';
    }

    static boolean foldedMatch(String text, int at, String folded) {
        if (at < 0 || at + folded.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < folded.length(); k++) {
            if (fold(text.charAt(at + k)) != folded.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The text of the first {@code <name>} after {@code from} (CDATA unwrapped), or null. */
    static String element(String text, int from, String name) {
        int[] r = elementRange(text, from, name);
        return r == null ? null : text.substring(r[0], r[1]).strip();
    }

    static int[] elementRange(String text, int from, String name) {
        String open = "<" + name + ">";
        int a = text.indexOf(open, from);
        if (a < 0) {
            return null;
        }
        a += open.length();
        int b = text.indexOf("</" + name + ">", a);
        if (b < 0) {
            return null;
        }
        if (text.startsWith("<![CDATA[", a)) {
            int c = text.lastIndexOf("]]>", b);
            if (c >= a + 9) {
                return new int[]{a + 9, c};
            }
        }
        return new int[]{a, b};
    }

    static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** ASCII lower case; full-width ASCII forms (U+FF01–FF5E) to their ASCII letter. */
    static char fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            char a = (char) (c - 0xFEE0);
            return a >= 'A' && a <= 'Z' ? (char) (a + 32) : a;
        }
        return c;
    }

    static String fold(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            cs[i] = fold(cs[i]);
        }
        return new String(cs);
    }
}
