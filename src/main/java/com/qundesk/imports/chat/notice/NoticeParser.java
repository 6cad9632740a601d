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
    private static final int MAX_LENGTH = 4 << 20;
    private static final int MAX_PERSONS = 10_000;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_LINKS = 256;
    /** Marks a placeholder filled from a link member list: TOKEN, then (char) (TOKEN_BASE + link index). */
    private static final char TOKEN = '\uE000';
    private static final char TOKEN_BASE = '\uE100';

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
            return parseXml(s.substring(xml));
        }
        if (s.startsWith("<revokemsg>")) {
            int end = s.lastIndexOf("</revokemsg>");
            String inner = unescape(s.substring("<revokemsg>".length(), end < 0 ? s.length() : end).strip());
            Notice n = new Plain(inner, List.of()).parse();
            return n.kind() == NoticeKind.REVOKE ? n : of(NoticeKind.REVOKE, null, null, null, null);
        }
        return new Plain(s, List.of()).parse();
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

    // ---------------------------------------------------------------------------------------------------- XML

    /** A {@code <link>} of a sysmsgtemplate: its member list (names and wxids) or its plain text. */
    private static final class Link {
        String name;
        final List<String> names = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        String plain;
    }

    private static Notice parseXml(String xml) {
        XmlData d = new XmlData();
        if (!d.read(xml)) {
            return Notice.OTHER;
        }
        return d.notice();
    }

    /** What one pass over a sysmsg or appmsg collects. */
    private static final class XmlData {
        String root;
        String sysType;
        boolean rootClosed;
        String template;
        String plain;
        String text;
        String replace;
        String content;
        String from;
        String patted;
        String title;
        String appType;
        boolean patinfo;
        final List<Link> links = new ArrayList<>();
        Link link;
        String memberUser;
        String memberNick;
        String memberDisplay;

        /**
         * One forward pass over {@code xml} with a deliberately small XML reader: elements, attributes, text, CDATA,
         * comments, processing instructions and the predefined and numeric character references. There is no DTD
         * support at all ({@code <!DOCTYPE} and any unknown entity make the text unreadable), so no entity can
         * expand or reach outside; nesting is capped; every step moves forward, so the work is linear. Reading stops
         * when the root element closes. Returns false when the XML is malformed before that.
         */
        boolean read(String xml) {
            int n = xml.length();
            String[] path = new String[MAX_DEPTH];
            int depth = 0;
            StringBuilder buf = new StringBuilder();
            int i = 0;
            while (i < n) {
                char c = xml.charAt(i);
                if (c != '<') {
                    int j = xml.indexOf('<', i);
                    if (j < 0) {
                        j = n;
                    }
                    if (depth > 0 && !decode(xml, i, j, buf)) {
                        return false;
                    }
                    i = j;
                } else if (xml.startsWith("<![CDATA[", i)) {
                    int e = xml.indexOf("]]>", i + 9);
                    if (e < 0) {
                        return false;
                    }
                    buf.append(xml, i + 9, e);
                    i = e + 3;
                } else if (xml.startsWith("<!--", i)) {
                    int e = xml.indexOf("-->", i + 4);
                    if (e < 0) {
                        return false;
                    }
                    i = e + 3;
                } else if (xml.startsWith("<?", i)) {
                    int e = xml.indexOf("?>", i + 2);
                    if (e < 0) {
                        return false;
                    }
                    i = e + 2;
                } else if (xml.startsWith("<!", i)) {
                    return false; // DOCTYPE, ENTITY…: refused
                } else if (xml.startsWith("</", i)) {
                    int a = i + 2;
                    int b = nameEnd(xml, a);
                    int e = skipBlank(xml, b);
                    if (depth == 0 || e >= n || xml.charAt(e) != '>' || !xml.regionMatches(a, path[depth - 1], 0,
                            path[depth - 1].length()) || b - a != path[depth - 1].length()) {
                        return false;
                    }
                    String name = path[--depth];
                    end(name, depth > 0 ? path[depth - 1] : "", buf);
                    buf.setLength(0);
                    if (depth == 0) {
                        rootClosed = true;
                        return true;
                    }
                    i = e + 1;
                } else {
                    int a = i + 1;
                    int b = nameEnd(xml, a);
                    if (b == a || depth == MAX_DEPTH) {
                        return false;
                    }
                    String name = xml.substring(a, b);
                    String typeAttr = null;
                    String nameAttr = null;
                    int k = b;
                    boolean empty = false;
                    while (true) {
                        k = skipBlank(xml, k);
                        if (k >= n) {
                            return false;
                        }
                        char d = xml.charAt(k);
                        if (d == '>') {
                            k++;
                            break;
                        }
                        if (d == '/') {
                            if (k + 1 >= n || xml.charAt(k + 1) != '>') {
                                return false;
                            }
                            k += 2;
                            empty = true;
                            break;
                        }
                        int an = nameEnd(xml, k);
                        if (an == k) {
                            return false;
                        }
                        String attr = xml.substring(k, an);
                        k = skipBlank(xml, an);
                        if (k >= n || xml.charAt(k) != '=') {
                            return false;
                        }
                        k = skipBlank(xml, k + 1);
                        if (k >= n || xml.charAt(k) != '"' && xml.charAt(k) != '\'') {
                            return false;
                        }
                        int ve = xml.indexOf(xml.charAt(k), k + 1);
                        if (ve < 0) {
                            return false;
                        }
                        if (attr.equals("type") || attr.equals("name")) {
                            StringBuilder v = new StringBuilder(ve - k);
                            if (!decode(xml, k + 1, ve, v)) {
                                return false;
                            }
                            if (attr.equals("type")) {
                                typeAttr = v.toString();
                            } else {
                                nameAttr = v.toString();
                            }
                        }
                        k = ve + 1;
                    }
                    path[depth++] = name;
                    buf.setLength(0);
                    start(name, depth, typeAttr, nameAttr);
                    if (empty) {
                        depth--;
                        end(name, depth > 0 ? path[depth - 1] : "", "");
                        if (depth == 0) {
                            rootClosed = true;
                            return true;
                        }
                    }
                    i = k;
                }
                if (buf.length() > MAX_LENGTH) {
                    return false;
                }
            }
            return false; // the root never closed: cut off
        }

        private void start(String name, int depth, String typeAttr, String nameAttr) {
            if (depth == 1) {
                root = name;
                sysType = typeAttr;
            } else if (name.equals("link") && links.size() < MAX_LINKS) {
                link = new Link();
                link.name = nameAttr;
                links.add(link);
            } else if (name.equals("member")) {
                memberUser = memberNick = memberDisplay = null;
            } else if (name.equals("patinfo")) {
                patinfo = true;
            }
        }

        private void end(String name, String parent, CharSequence buf) {
            switch (name) {
                case "template" -> {
                    if (parent.equals("content_template") || template == null) {
                        template = val(buf);
                    }
                }
                case "plain" -> {
                    if (link != null && parent.equals("link")) {
                        link.plain = val(buf);
                    } else if (plain == null || plain.isEmpty()) {
                        plain = val(buf);
                    }
                }
                case "text" -> text = text == null ? val(buf) : text;
                case "replacemsg" -> replace = val(buf);
                case "content" -> content = content == null ? val(buf) : content;
                case "fromusername" -> from = from == null ? val(buf) : from;
                case "pattedusername" -> patted = patted == null ? val(buf) : patted;
                case "title" -> {
                    if (parent.equals("appmsg")) {
                        title = val(buf);
                    }
                }
                case "type" -> {
                    if (parent.equals("appmsg")) {
                        appType = val(buf);
                    }
                }
                case "username" -> memberUser = val(buf);
                case "nickname" -> memberNick = val(buf);
                case "displayname" -> memberDisplay = val(buf);
                case "member" -> {
                    if (link != null && link.names.size() < MAX_PERSONS) {
                        String nm = nonEmpty(memberNick) ? memberNick
                                : nonEmpty(memberDisplay) ? memberDisplay : memberUser;
                        if (nonEmpty(nm)) {
                            link.names.add(nm);
                            link.ids.add(nonEmpty(memberUser) ? memberUser : null);
                        }
                    }
                }
                case "link" -> link = null;
                default -> {
                    // not needed
                }
            }
        }

        Notice notice() {
            if ("msg".equals(root)) {
                return appPat();
            }
            if (!"sysmsg".equals(root)) {
                return Notice.OTHER;
            }
            String type = sysType == null ? "" : sysType;
            switch (type) {
                case "revokemsg" -> {
                    String t = nonEmpty(replace) ? replace : content;
                    Notice n = t == null ? Notice.OTHER : new Plain(t, List.of()).parse();
                    return n.kind() == NoticeKind.REVOKE ? n : of(NoticeKind.REVOKE, null, null, null, null);
                }
                case "pat" -> {
                    String a = nonEmpty(from) ? from : null;
                    String b = nonEmpty(patted) ? patted : null;
                    return of(NoticeKind.PAT, null, a, a, b);
                }
                case "delchatroommember" -> {
                    String t = nonEmpty(plain) ? plain : text;
                    Notice n = t == null ? Notice.OTHER : new Plain(t, List.of()).parse();
                    return n.kind() == NoticeKind.REMOVAL ? n : of(NoticeKind.REMOVAL, null, null, null, null);
                }
                default -> {
                    if (nonEmpty(template)) {
                        return new Plain(fill(template), links).parse();
                    }
                    String t = nonEmpty(plain) ? plain : nonEmpty(text) ? text : content;
                    return t == null ? Notice.OTHER : new Plain(t, List.of()).parse();
                }
            }
        }

        /** The 49/62 pat: {@code <msg><appmsg><title>"A" 拍了拍 "B"</title>…<patinfo>…}. */
        private Notice appPat() {
            if (!patinfo && !"62".equals(appType)) {
                return Notice.OTHER;
            }
            Notice byTitle = title == null ? Notice.OTHER : new Plain(title, List.of()).parse();
            String a = byTitle.kind() == NoticeKind.PAT ? byTitle.actor() : null;
            String b = byTitle.kind() == NoticeKind.PAT ? byTitle.detail() : null;
            String aId = nonEmpty(from) ? from : null;
            String bId = nonEmpty(patted) ? patted : null;
            return of(NoticeKind.PAT, null, a != null ? a : aId, aId, b != null ? b : bId);
        }

        /** The template with each {@code $name$} replaced by a token standing for that link's members. */
        private String fill(String tpl) {
            StringBuilder out = new StringBuilder(tpl.length() + 16);
            int n = tpl.length();
            int i = 0;
            while (i < n) {
                char c = tpl.charAt(i);
                if (c >= TOKEN && c < TOKEN_BASE + MAX_LINKS) {
                    i++; // a token character in the input itself would be misread: drop it
                    continue;
                }
                if (c == '$') {
                    int j = i + 1;
                    while (j < n && j - i <= 64 && isIdent(tpl.charAt(j))) {
                        j++;
                    }
                    if (j < n && j > i + 1 && tpl.charAt(j) == '$') {
                        String name = tpl.substring(i + 1, j);
                        int li = linkIndex(name);
                        if (li >= 0) {
                            Link l = links.get(li);
                            if (!l.names.isEmpty()) {
                                out.append(TOKEN).append((char) (TOKEN_BASE + li));
                            } else if (l.plain != null) {
                                out.append(l.plain);
                            }
                        }
                        i = j + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            }
            return out.toString();
        }

        private int linkIndex(String name) {
            for (int k = 0; k < links.size(); k++) {
                if (name.equals(links.get(k).name)) {
                    return k;
                }
            }
            return -1;
        }
    }

    /** The end of an XML name starting at {@code from}. */
    private static int nameEnd(String xml, int from) {
        int i = from;
        int n = xml.length();
        while (i < n) {
            char c = xml.charAt(i);
            if (c <= ' ' || c == '/' || c == '>' || c == '=' || c == '<' || c == '"' || c == '\'') {
                break;
            }
            i++;
        }
        return i;
    }

    private static int skipBlank(String xml, int from) {
        int i = from;
        while (i < xml.length() && xml.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    /**
     * Appends {@code xml[from, to)} with its character references decoded (the five predefined entities and
     * {@code &#…;}); false for any other entity or a bad reference.
     */
    private static boolean decode(String xml, int from, int to, StringBuilder out) {
        int i = from;
        while (i < to) {
            int amp = xml.indexOf('&', i);
            if (amp < 0 || amp >= to) {
                out.append(xml, i, to);
                return true;
            }
            out.append(xml, i, amp);
            int semi = amp + 1;
            while (semi < to && semi - amp <= 12 && xml.charAt(semi) != ';') {
                semi++;
            }
            if (semi >= to || xml.charAt(semi) != ';') {
                return false;
            }
            String ref = xml.substring(amp + 1, semi);
            switch (ref) {
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "amp" -> out.append('&');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> {
                    if (ref.length() < 2 || ref.charAt(0) != '#') {
                        return false;
                    }
                    int cp = 0;
                    boolean hex = ref.charAt(1) == 'x' || ref.charAt(1) == 'X';
                    int k = hex ? 2 : 1;
                    if (k >= ref.length()) {
                        return false;
                    }
                    for (; k < ref.length(); k++) {
                        int dgt = Character.digit(ref.charAt(k), hex ? 16 : 10);
                        if (dgt < 0) {
                            return false;
                        }
                        cp = cp * (hex ? 16 : 10) + dgt;
                        if (cp > Character.MAX_CODE_POINT) {
                            return false;
                        }
                    }
                    if (cp == 0 || Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                        return false;
                    }
                    out.appendCodePoint(cp);
                }
            }
            i = semi + 1;
        }
        return true;
    }

    /** An element's text, without surrounding blanks (only made for the elements that are read). */
    private static String val(CharSequence buf) {
        return buf.toString().strip();
    }

    private static boolean isIdent(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    // ----------------------------------------------------------------------------------------------- plain text

    /** One plain notice text (possibly a filled template whose tokens stand for link member lists). */
    private static final class Plain {
        private final String s;
        private final List<Link> links;

        Plain(String text, List<Link> links) {
            this.s = text.strip();
            this.links = links;
        }

        Notice parse() {
            if (s.isEmpty()) {
                return Notice.OTHER;
            }
            Notice n = chinese();
            if (n == null) {
                n = english();
            }
            return n == null ? Notice.OTHER : n;
        }

        private Notice chinese() {
            Notice n;
            int invite = s.indexOf("邀请");
            int via = s.indexOf("通过");
            if (via >= 0 && (invite < 0 || via < invite)) {
                if ((n = joinVia()) != null || (n = joinInvite()) != null) {
                    return n;
                }
            } else if (invite >= 0) {
                if ((n = joinInvite()) != null || (n = joinVia()) != null) {
                    return n;
                }
            }
            if (s.contains("移出")) {
                if ((n = removedBy()) != null || (n = removed()) != null) {
                    return n;
                }
            }
            if ((n = rename()) != null || (n = revoke("撤回了一条", "撤回了")) != null || (n = pat("拍了拍")) != null) {
                return n;
            }
            return joinBare();
        }

        private Notice english() {
            Notice n;
            if ((n = joinedEnglish()) != null || (n = invitedEnglish()) != null
                    || (n = removedFromEnglish()) != null || (n = removedEnglish()) != null
                    || (n = renameEnglish()) != null || (n = revoke("recalled a message", null)) != null
                    || (n = pat(" patted ")) != null) {
                return n;
            }
            return null;
        }

        /** {@code X邀请Y加入(了)群聊…}: the inviter X, the new members Y. */
        private Notice joinInvite() {
            int i = find("邀请", 0, 0, false);
            if (i < 0) {
                return null;
            }
            int j = find("加入", i + 2, i + 2, false, "了群聊", "群聊");
            if (j < 0) {
                return null;
            }
            return join(i + 2, j, 0, i, false);
        }

        /** {@code Y通过扫描X分享的二维码加入群聊}, {@code Y通过X的邀请二维码加入群聊}: the new member Y, X shared the code. */
        private Notice joinVia() {
            int i = find("通过", 0, 0, false);
            if (i < 0) {
                return null;
            }
            int j = s.indexOf("加入", i + 2);
            while (j >= 0 && !(s.startsWith("群聊", j + 2) || s.startsWith("了群聊", j + 2))) {
                j = s.indexOf("加入", j + 2);
            }
            if (j < 0) {
                return null;
            }
            int a = skipWs(i + 2, j);
            if (s.startsWith("扫描", a)) {
                a = skipWs(a + 2, j);
            }
            Person inviter = leadingPerson(a, j);
            List<String> names = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            persons(0, i, false, names, ids);
            if (names.isEmpty()) {
                return null;
            }
            return new Notice(NoticeKind.JOIN, names, ids, inviter == null ? null : inviter.name,
                    inviter == null ? null : inviter.id, null);
        }

        /** {@code Y加入了群聊} with nobody named as inviter. */
        private Notice joinBare() {
            if (s.contains("邀请") || s.contains("通过")) {
                return null; // an invitation or QR form that did not read: not a bare join
            }
            int j = find("加入", 0, 0, false, "了群聊", "群聊");
            return j < 0 ? null : join(0, j, -1, -1, false);
        }

        /** {@code X将Y移出(了)群聊}: X removed Y. */
        private Notice removed() {
            int i = find("将", 0, 0, false);
            if (i < 0) {
                return null;
            }
            int j = find("移出", i + 1, i + 1, false, "了群聊", "群聊");
            return j < 0 ? null : removal(i + 1, j, 0, i, false);
        }

        /** {@code 你被X移出群聊}, {@code 你已被X移出群聊}: X removed the exporting account (or whoever is named). */
        private Notice removedBy() {
            String lit = "已被";
            int i = find(lit, 0, 0, false);
            if (i < 0) {
                lit = "被";
                i = find(lit, 0, 0, false);
            }
            if (i < 0) {
                return null;
            }
            int after = i + lit.length();
            int j = find("移出", after, after, false, "了群聊", "群聊");
            return j < 0 ? null : removal(0, i, after, j, false);
        }

        /** {@code X修改群名为“Y”}. */
        private Notice rename() {
            String lit = "修改群名为";
            int i = find(lit, 0, 0, false);
            if (i < 0) {
                lit = "改群名为";
                i = find(lit, 0, 0, false);
            }
            return i < 0 ? null : renamed(0, i, i + lit.length(), false);
        }

        private Notice renameEnglish() {
            String lit = " changed the group name to ";
            int i = find(lit, 0, 0, true);
            if (i < 0) {
                lit = " changed group name to ";
                i = find(lit, 0, 0, true);
            }
            return i < 0 ? null : renamed(0, i, i + lit.length(), true);
        }

        private Notice renamed(int actorFrom, int actorTo, int nameFrom, boolean english) {
            Person actor = single(actorFrom, actorTo, english);
            String name = stripQuotes(s.substring(nameFrom).strip());
            return of(NoticeKind.RENAME, null, actor == null ? null : actor.name, actor == null ? null : actor.id,
                    name.isEmpty() ? null : name);
        }

        /** {@code X撤回了一条消息} / {@code X recalled a message}. */
        private Notice revoke(String lit, String alternative) {
            int i = s.indexOf(lit);
            if (i < 0 && alternative != null) {
                lit = alternative;
                i = s.indexOf(lit);
                if (i < 0 || s.indexOf("消息", i) < 0) {
                    return null;
                }
            }
            if (i < 0) {
                return null;
            }
            int end = i;
            String before = s.substring(0, end).stripTrailing();
            if (before.endsWith(" has")) {
                end = before.length() - 4;
            } else if (before.endsWith("已")) {
                end = before.length() - 1;
            }
            boolean english = !isChinese(lit);
            Person actor = validSlot(0, end, english) ? single(0, end, english) : null;
            return of(NoticeKind.REVOKE, null, actor == null ? null : actor.name, actor == null ? null : actor.id,
                    null);
        }

        /** {@code X 拍了拍 Y…} / {@code X patted Y}. */
        private Notice pat(String lit) {
            boolean english = !isChinese(lit);
            int i = find(lit, 0, 0, english);
            if (i < 0) {
                return null;
            }
            Person actor = single(0, i, english);
            int a = skipWs(i + lit.length(), s.length());
            Person target = leadingPerson(a, s.length());
            if (target == null) {
                if (s.startsWith("自己", a) || english && s.regionMatches(true, a, "themselves", 0, 10)) {
                    target = actor;
                } else {
                    int e = a;
                    while (e < s.length() && !Character.isWhitespace(s.charAt(e)) && s.charAt(e) != '的') {
                        e++;
                    }
                    target = e > a ? single(a, e, english) : null;
                }
            }
            return of(NoticeKind.PAT, null, actor == null ? null : actor.name, actor == null ? null : actor.id,
                    target == null ? null : target.name);
        }

        /** {@code X invited Y, Z and W to the group chat}, {@code X invited you to a group chat with …}. */
        private Notice invitedEnglish() {
            int i = find(" invited ", 0, 0, true);
            if (i < 0) {
                return null;
            }
            int j = find(" to ", i + 9, i + 9, true, "the group", "a group", "join", "group chat");
            return j < 0 ? null : join(i + 9, j, 0, i, true);
        }

        /** {@code Y joined (the) group chat via the QR code shared by X}. */
        private Notice joinedEnglish() {
            int i = find(" joined ", 0, 0, true);
            if (i < 0 || s.indexOf("group", i) < 0) {
                return null;
            }
            List<String> names = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            persons(0, i, true, names, ids);
            if (names.isEmpty()) {
                return null;
            }
            int by = s.indexOf(" shared by ", i);
            Person inviter = null;
            if (by >= 0) {
                int a = by + " shared by ".length();
                int e = s.length();
                while (e > a && (s.charAt(e - 1) == '.' || Character.isWhitespace(s.charAt(e - 1)))) {
                    e--;
                }
                inviter = single(a, e, true);
            }
            return new Notice(NoticeKind.JOIN, names, ids, inviter == null ? null : inviter.name,
                    inviter == null ? null : inviter.id, null);
        }

        /** {@code X removed Y from the group chat}. */
        private Notice removedEnglish() {
            int i = find(" removed ", 0, 0, true);
            if (i < 0) {
                return null;
            }
            int j = find(" from the group", i + 9, i + 9, true);
            return j < 0 ? null : removal(i + 9, j, 0, i, true);
        }

        /** {@code You were removed from the group chat by X}. */
        private Notice removedFromEnglish() {
            String lit = " removed from the group chat";
            int i = s.indexOf(lit);
            if (i < 0) {
                return null;
            }
            String before = s.substring(0, i);
            int end = i;
            for (String aux : new String[]{" were", " was", " have been", " has been", " been", "'ve been"}) {
                if (before.endsWith(aux)) {
                    end = i - aux.length();
                    break;
                }
            }
            if (end == i) {
                return null;
            }
            int by = s.indexOf(" by ", i + lit.length());
            int actorFrom = -1;
            int actorTo = -1;
            if (by >= 0) {
                actorFrom = by + 4;
                actorTo = s.length();
                while (actorTo > actorFrom && (s.charAt(actorTo - 1) == '.' || Character.isWhitespace(s.charAt(actorTo - 1)))) {
                    actorTo--;
                }
            }
            return removal(0, end, actorFrom, actorTo, true);
        }

        private Notice join(int personsFrom, int personsTo, int actorFrom, int actorTo, boolean english) {
            return listed(NoticeKind.JOIN, personsFrom, personsTo, actorFrom, actorTo, english);
        }

        private Notice removal(int personsFrom, int personsTo, int actorFrom, int actorTo, boolean english) {
            return listed(NoticeKind.REMOVAL, personsFrom, personsTo, actorFrom, actorTo, english);
        }

        private Notice listed(NoticeKind kind, int personsFrom, int personsTo, int actorFrom, int actorTo,
                              boolean english) {
            List<String> names = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            persons(personsFrom, personsTo, english, names, ids);
            if (names.isEmpty()) {
                return null;
            }
            Person actor = actorFrom >= 0 ? single(actorFrom, actorTo, english) : null;
            return new Notice(kind, names, ids, actor == null ? null : actor.name, actor == null ? null : actor.id,
                    null);
        }

        // ------------------------------------------------------------------------------------ slots and names

        /**
         * The first index ≥ {@code from} of {@code lit} such that the text between {@code slotFrom} and it is a
         * possible name slot (see {@link #validSlot}) and, when suffixes are given, {@code lit} is followed by one of
         * them. Only moves forward: linear in the text.
         */
        private int find(String lit, int slotFrom, int from, boolean english, String... suffixes) {
            // the slot's leading blanks are skipped once, not once a candidate (a long blank run must not make this
            // quadratic)
            int a = skipWs(slotFrom, s.length());
            int i = s.indexOf(lit, from);
            while (i >= 0) {
                if (a < i && validSlot(a, i, english) && followedBy(i + lit.length(), suffixes)) {
                    return i;
                }
                i = s.indexOf(lit, i + 1);
            }
            return -1;
        }

        private boolean followedBy(int at, String[] suffixes) {
            if (suffixes.length == 0) {
                return true;
            }
            for (String suf : suffixes) {
                if (s.startsWith(suf, at)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A name slot is non-empty; when it starts with a quote it must also end with one (so the name {@code 邀请达人}
         * in {@code "邀请达人"邀请"B"…} is not cut at its own {@code 邀请}). WeChat quotes every Chinese name but the
         * exporting account's, so in Chinese a slot is a quoted name, a filled placeholder, or {@code 你}/{@code 我}
         * (alone or followed by {@code 和}/{@code 、}): {@code 成员需通过邀请加入群聊} names nobody. English notices
         * may leave names unquoted.
         */
        private boolean validSlot(int from, int to, boolean english) {
            int a = skipWs(from, to);
            int b = to;
            while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
                b--;
            }
            if (b <= a) {
                return false;
            }
            char c = s.charAt(a);
            if (isOpenQuote(c)) {
                return b - a >= 2 && isCloseQuote(s.charAt(b - 1));
            }
            if (english || c == TOKEN) {
                return true;
            }
            if (c == '你' || c == '我') {
                return b - a == 1 || s.charAt(a + 1) == '和' || s.charAt(a + 1) == '、';
            }
            return false;
        }

        private int skipWs(int from, int to) {
            int a = from;
            while (a < to && Character.isWhitespace(s.charAt(a))) {
                a++;
            }
            return a;
        }

        /**
         * Adds the persons named in {@code s[from, to)}: split on {@code 、} (English: also {@code ,} and {@code
         * and}), on {@code 和} between a quote or {@code 你} and a quote or {@code 你}; quotes stripped; an unquoted
         * {@code 你}/{@code 我}/{@code you} is {@link #SELF}; a token stands for all members of its link.
         */
        private void persons(int from, int to, boolean english, List<String> names, List<String> ids) {
            int start = from;
            int first = skipWs(start, to);
            int i = from;
            while (i < to && names.size() < MAX_PERSONS) {
                char c = s.charAt(i);
                int sepLen = 0;
                if (c == '、') {
                    sepLen = 1;
                } else if (c == '和' && andBetween(start, first, i, to)) {
                    sepLen = 1;
                } else if (english && c == ',') {
                    sepLen = 1;
                    if (s.startsWith(" and ", i + 1)) {
                        sepLen = 5;
                    }
                } else if (english && c == ' ' && s.startsWith(" and ", i)) {
                    sepLen = 5;
                }
                if (sepLen > 0) {
                    piece(start, i, english, names, ids);
                    i += sepLen;
                    start = i;
                    first = skipWs(start, to);
                } else {
                    i++;
                }
            }
            if (names.size() < MAX_PERSONS) {
                piece(start, to, english, names, ids);
            }
        }

        /** {@code 和} separates two persons when it sits between quotes/{@code 你} ({@code 你和"B"}, {@code "A"和"B"}). */
        private boolean andBetween(int pieceStart, int pieceFirst, int at, int to) {
            int p = at - 1;
            while (p >= pieceStart && Character.isWhitespace(s.charAt(p))) {
                p--;
            }
            int q = at + 1;
            while (q < to && Character.isWhitespace(s.charAt(q))) {
                q++;
            }
            if (p < pieceStart || q >= to) {
                return false;
            }
            char before = s.charAt(p);
            char after = s.charAt(q);
            boolean leftOk = isCloseQuote(before) || isTokenChar(before)
                    || (before == '你' || before == '我') && p == pieceFirst;
            boolean rightOk = isOpenQuote(after) || after == TOKEN || after == '你' || after == '我';
            return leftOk && rightOk;
        }

        private void piece(int from, int to, boolean english, List<String> names, List<String> ids) {
            int a = skipWs(from, to);
            int b = to;
            while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
                b--;
            }
            if (b <= a) {
                return;
            }
            boolean tokens = false;
            for (int k = a; k + 1 < b; k++) {
                if (s.charAt(k) == TOKEN && isTokenChar(s.charAt(k + 1))) {
                    int li = s.charAt(k + 1) - TOKEN_BASE;
                    if (li < links.size()) {
                        Link l = links.get(li);
                        for (int m = 0; m < l.names.size() && names.size() < MAX_PERSONS; m++) {
                            names.add(l.names.get(m));
                            ids.add(l.ids.get(m));
                        }
                        tokens = true;
                    }
                    k++;
                }
            }
            if (tokens) {
                return;
            }
            boolean quoted = isQuote(s.charAt(a)) || isQuote(s.charAt(b - 1));
            String name = stripQuotes(s.substring(a, b)).strip();
            if (name.isEmpty()) {
                return;
            }
            if (!quoted && isSelf(name, english)) {
                names.add(SELF);
            } else {
                names.add(name);
            }
            ids.add(null);
        }

        /** One person (inviter, remover, patter…): the first one named in {@code s[from, to)}. */
        private Person single(int from, int to, boolean english) {
            if (from < 0 || to <= from) {
                return null;
            }
            List<String> names = new ArrayList<>(1);
            List<String> ids = new ArrayList<>(1);
            piece(from, to, english, names, ids);
            return names.isEmpty() ? null : new Person(names.getFirst(), ids.getFirst());
        }

        /** A person at the start of {@code s[from, to)}: a quoted name, a token, or {@code 你}/{@code 我}. */
        private Person leadingPerson(int from, int to) {
            int a = skipWs(from, to);
            if (a >= to) {
                return null;
            }
            char c = s.charAt(a);
            if (isOpenQuote(c)) {
                int e = a + 1;
                while (e < to && !isCloseQuote(s.charAt(e))) {
                    e++;
                }
                return e < to ? single(a, e + 1, false) : null;
            }
            if (c == TOKEN && a + 1 < to) {
                return single(a, a + 2, false);
            }
            if (c == '你' || c == '我') {
                return new Person(SELF, null);
            }
            if (s.regionMatches(true, a, "you", 0, 3) && (a + 3 >= to || !Character.isLetter(s.charAt(a + 3)))) {
                return new Person(SELF, null);
            }
            return null;
        }
    }

    private record Person(String name, String id) {
    }

    private static Notice of(NoticeKind kind, List<String> persons, String actor, String actorId, String detail) {
        return new Notice(kind, persons, persons == null ? null : Collections.nCopies(persons.size(), null), actor,
                actorId, detail);
    }

    private static boolean isSelf(String name, boolean english) {
        return name.equals("你") || name.equals("我") || name.equalsIgnoreCase("you")
                || english && name.equalsIgnoreCase("me");
    }

    private static boolean isChinese(String lit) {
        return lit.charAt(0) > 0x2000;
    }

    private static boolean isOpenQuote(char c) {
        return c == '"' || c == '“' || c == '「' || c == '＂';
    }

    private static boolean isCloseQuote(char c) {
        return c == '"' || c == '”' || c == '」' || c == '＂';
    }

    private static boolean isQuote(char c) {
        return isOpenQuote(c) || isCloseQuote(c);
    }

    private static boolean isTokenChar(char c) {
        return c >= TOKEN_BASE && c < TOKEN_BASE + MAX_LINKS;
    }

    /** Removes quote characters from both ends. */
    private static String stripQuotes(String v) {
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

    private static boolean nonEmpty(String v) {
        return v != null && !v.isEmpty();
    }

    /** The five predefined XML entities, for the 3.x {@code <revokemsg>} wrapper (not parsed as XML). */
    private static String unescape(String v) {
        if (v.indexOf('&') < 0) {
            return v;
        }
        return v.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
