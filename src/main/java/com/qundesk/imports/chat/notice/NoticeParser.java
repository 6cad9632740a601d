package com.qundesk.imports.chat.notice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads WeChat group notices (joins, removals, revokes, pats, renames) from the text of a system message: the 3.x
 * plain text ({@code "A"邀请"B、C"加入了群聊}, {@code 你将"B"移出了群聊}, English {@code A invited B, C and D to the
 * group chat} …), the {@code <revokemsg>…</revokemsg>} wrapper, and the 4.x system XML ({@code <sysmsg
 * type="sysmsgtemplate">} with {@code $name$} placeholders filled from the link member lists, {@code
 * delchatroommember}, {@code revokemsg}, {@code pat}; the {@code <appmsg>} pat of type 49/62).
 *
 * <p>Every person named counts: a list is split on {@code 、} (and {@code ", "} / {@code " and "} in English), and the
 * exporting account ({@code 你}, {@code 我}, {@code You} written without quotes) is the person {@link #SELF}. In 4.x
 * XML each member of a link counts, whatever its nickname holds, and its wxid is kept.
 *
 * <p>Inputs are hostile: the parser never throws, never loops back over the text (every search moves forward, so
 * the work is linear in the text's length), uses no regular expression, and reads XML with a small forward-only
 * reader that has no DTD or external-entity support at all (a StAX reader costs more to create than a notice takes
 * to read). Anything it cannot read is {@link NoticeKind#OTHER}. Stateless and thread safe.
 */
public final class NoticeParser {

    /** What a notice tells. */
    public enum NoticeKind {
        /** Someone (or several people) joined: {@link Notice#persons()} are the new members. */
        JOIN,
        /** Someone was removed by an owner or admin: {@link Notice#persons()} are the removed members. */
        REMOVAL,
        /** A message was revoked ({@link Notice#actor()} revoked it). */
        REVOKE,
        /** A pat ({@link Notice#actor()} patted {@link Notice#detail()}). */
        PAT,
        /** The group was renamed ({@link Notice#actor()} renamed it to {@link Notice#detail()}). */
        RENAME,
        /** Anything else, including text that cannot be read. */
        OTHER
    }

    /**
     * A read notice.
     *
     * @param kind      what it tells
     * @param persons   JOIN: who joined; REMOVAL: who was removed (display names; {@link #SELF} for the exporting
     *                  account); empty for the other kinds
     * @param personIds the wxid of each person, same size and order as {@code persons}; an entry is null where the
     *                  text gives only a name (3.x plain text, or {@link #SELF})
     * @param actor     JOIN: the inviter (or who shared the QR code), REMOVAL: who removed, REVOKE: who revoked, PAT:
     *                  who patted, RENAME: who renamed; null when the notice names nobody
     * @param actorId   the actor's wxid when the XML gives it, else null
     * @param detail    PAT: who was patted; RENAME: the new group name; else null
     */
    public record Notice(NoticeKind kind, List<String> persons, List<String> personIds, String actor,
                         String actorId, String detail) {

        /** The notice of everything that is not a join, removal, revoke, pat or rename. */
        public static final Notice OTHER = new Notice(NoticeKind.OTHER, List.of(), List.of(), null, null, null);

        public Notice {
            persons = persons == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(persons));
            personIds = personIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(personIds));
            if (personIds.size() != persons.size()) {
                throw new IllegalArgumentException("personIds must match persons");
            }
        }

        /** For a JOIN, who invited (or shared the QR code) when the notice names them; else null. */
        public String inviter() {
            return kind == NoticeKind.JOIN ? actor : null;
        }

        /** The wxid of {@link #inviter()} when known. */
        public String inviterId() {
            return kind == NoticeKind.JOIN ? actorId : null;
        }
    }

    /** How the exporting account ({@code 你}, {@code 我}, {@code You}) is written in {@link Notice#persons()}. */
    public static final String SELF = "你";

    /** Longer texts are not notices (a 4.x invitation of 500 people is about 100 KB). */
    static final int MAX_LENGTH = 4 << 20;
    static final int MAX_PERSONS = 10_000;
    static final int MAX_DEPTH = 64;
    static final int MAX_LINKS = 256;
    /** Marks a placeholder filled from a link member list: TOKEN, then (char) (TOKEN_BASE + link index). */
    static final char TOKEN = '\uE000';
    static final char TOKEN_BASE = '\uE100';

    /** Every notice {@link #parse} reads contains one of these. */
    private static final String[] ANCHORS = {"群聊", "撤回", "拍了拍", "群名", "group", "recalled", "patted",
            "<sysmsg", "<revokemsg", "<patinfo"};

    private NoticeParser() {
    }

    /**
     * A cheap prefilter: false when {@code text} surely is not a join, removal, revoke, pat or rename notice (so
     * {@link #parse} would answer {@link NoticeKind#OTHER}); true when it might be one.
     */
    public static boolean looksLikeNotice(String text) {
        if (text == null || text.length() < 4 || text.length() > MAX_LENGTH) {
            return false;
        }
        for (String a : ANCHORS) {
            if (text.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the notice in {@code text} (a system message's text); {@link Notice#OTHER} when it is none. */
    public static Notice parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Notice.OTHER;
        }
        try {
            return parseChecked(text);
        } catch (RuntimeException | StackOverflowError e) {
            // hostile input must never stop an import: whatever went wrong, this is not a notice we can read
            return Notice.OTHER;
        }
    }

    private static Notice parseChecked(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Notice.OTHER;
        }
        int xml = xmlStart(s);
        if (xml >= 0) {
            return XmlNoticeReader.parse(s.substring(xml));
        }
        if (s.startsWith("<revokemsg>")) {
            int end = s.lastIndexOf("</revokemsg>");
            String inner = unescape(s.substring("<revokemsg>".length(), end < 0 ? s.length() : end).strip());
            Notice n = new PlainNoticeReader(inner, List.of()).parse();
            return n.kind() == NoticeKind.REVOKE ? n : of(NoticeKind.REVOKE, null, null, null, null);
        }
        return new PlainNoticeReader(s, List.of()).parse();
    }

    /**
     * Where the XML starts: at the beginning ({@code <sysmsg}, {@code <msg}, {@code <?xml}) or after a 4.x
     * {@code chatroom-id:\n} prefix; -1 for plain text.
     */
    private static int xmlStart(String s) {
        int i = 0;
        if (s.charAt(0) != '<') {
            int nl = s.indexOf('\n');
            if (nl < 0 || nl > 200) {
                return -1;
            }
            int p = nl - 1;
            if (p > 0 && s.charAt(p) == '\r') {
                p--;
            }
            if (p < 0 || s.charAt(p) != ':') {
                return -1;
            }
            i = nl + 1;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
        if (s.startsWith("<sysmsg", i) || s.startsWith("<msg", i) || s.startsWith("<?xml", i)) {
            return i;
        }
        return -1;
    }

    /** A {@code <link>} of a sysmsgtemplate: its member list (names and wxids) or its plain text. */
    static final class Link {
        String name;
        final List<String> names = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        String plain;
    }

    record Person(String name, String id) {
    }

    static Notice of(NoticeKind kind, List<String> persons, String actor, String actorId, String detail) {
        return new Notice(kind, persons, persons == null ? null : Collections.nCopies(persons.size(), null), actor,
                actorId, detail);
    }

    static boolean isSelf(String name, boolean english) {
        return name.equals("你") || name.equals("我") || name.equalsIgnoreCase("you")
                || english && name.equalsIgnoreCase("me");
    }

    static boolean isChinese(String lit) {
        return lit.charAt(0) > 0x2000;
    }

    static boolean isOpenQuote(char c) {
        return c == '"' || c == '“' || c == '「' || c == '＂';
    }

    static boolean isCloseQuote(char c) {
        return c == '"' || c == '”' || c == '」' || c == '＂';
    }

    static boolean isQuote(char c) {
        return isOpenQuote(c) || isCloseQuote(c);
    }

    static boolean isTokenChar(char c) {
        return c >= TOKEN_BASE && c < TOKEN_BASE + MAX_LINKS;
    }

    /** Removes quote characters from both ends. */
    static String stripQuotes(String v) {
        int a = 0;
        int b = v.length();
        while (a < b && (isQuote(v.charAt(a)) || Character.isWhitespace(v.charAt(a)))) {
            a++;
        }
        while (b > a && (isQuote(v.charAt(b - 1)) || Character.isWhitespace(v.charAt(b - 1)))) {
            b--;
        }
        return v.substring(a, b);
    }

    static boolean nonEmpty(String v) {
        return v != null && !v.isEmpty();
    }

    /** The five predefined XML entities, for the 3.x {@code <revokemsg>} wrapper (not parsed as XML). */
    static String unescape(String v) {
        if (v.indexOf('&') < 0) {
            return v;
        }
        return v.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
