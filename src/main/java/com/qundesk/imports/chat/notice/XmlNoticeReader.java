package com.qundesk.imports.chat.notice;

import com.qundesk.imports.chat.notice.NoticeParser.Link;
import com.qundesk.imports.chat.notice.NoticeParser.Notice;
import com.qundesk.imports.chat.notice.NoticeParser.NoticeKind;

import java.util.ArrayList;
import java.util.List;

import static com.qundesk.imports.chat.notice.NoticeParser.*;

/**
 * Reads the notice of a 4.x system XML ({@code <sysmsg>} templates, {@code delchatroommember}, {@code revokemsg},
 * {@code pat}) or an {@code <appmsg>} pat with a small forward-only reader; one instance collects what one pass
 * over the XML finds.
 */
final class XmlNoticeReader {
    /** Reads a notice from sysmsg or appmsg XML; {@link Notice#OTHER} when it holds none. */
    static Notice parse(String xml) {
        XmlNoticeReader d = new XmlNoticeReader();
        if (!d.read(xml)) {
            return Notice.OTHER;
        }
        return d.notice();
    }

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
                Notice n = t == null ? Notice.OTHER : new PlainNoticeReader(t, List.of()).parse();
                return n.kind() == NoticeKind.REVOKE ? n : of(NoticeKind.REVOKE, null, null, null, null);
            }
            case "pat" -> {
                String a = nonEmpty(from) ? from : null;
                String b = nonEmpty(patted) ? patted : null;
                return of(NoticeKind.PAT, null, a, a, b);
            }
            case "delchatroommember" -> {
                String t = nonEmpty(plain) ? plain : text;
                Notice n = t == null ? Notice.OTHER : new PlainNoticeReader(t, List.of()).parse();
                return n.kind() == NoticeKind.REMOVAL ? n : of(NoticeKind.REMOVAL, null, null, null, null);
            }
            default -> {
                if (nonEmpty(template)) {
                    return new PlainNoticeReader(fill(template), links).parse();
                }
                String t = nonEmpty(plain) ? plain : nonEmpty(text) ? text : content;
                return t == null ? Notice.OTHER : new PlainNoticeReader(t, List.of()).parse();
            }
        }
    }

    /** The 49/62 pat: {@code <msg><appmsg><title>"A" 拍了拍 "B"</title>…<patinfo>…}. */
    private Notice appPat() {
        if (!patinfo && !"62".equals(appType)) {
            return Notice.OTHER;
        }
        Notice byTitle = title == null ? Notice.OTHER : new PlainNoticeReader(title, List.of()).parse();
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
}
