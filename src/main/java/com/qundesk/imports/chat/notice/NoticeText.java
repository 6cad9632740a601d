package com.qundesk.imports.chat.notice;

import com.qundesk.imports.chat.notice.NoticeParser.Link;

import java.util.ArrayList;
import java.util.List;

import static com.qundesk.imports.chat.notice.NoticeParser.*;

/**
 * A plain notice text (possibly a filled template whose tokens stand for link member lists) as the notice readers
 * see it: where its name slots are and the persons named in them. Every search only moves forward.
 */
abstract class NoticeText {
    final String s;
    final List<Link> links;

    NoticeText(String text, List<Link> links) {
        this.s = text.strip();
        this.links = links;
    }


    /**
     * The first index ≥ {@code from} of {@code lit} such that the text between {@code slotFrom} and it is a
     * possible name slot (see {@link #validSlot}) and, when suffixes are given, {@code lit} is followed by one of
     * them. Only moves forward: linear in the text.
     */
    int find(String lit, int slotFrom, int from, boolean english, String... suffixes) {
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

    boolean followedBy(int at, String[] suffixes) {
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
    boolean validSlot(int from, int to, boolean english) {
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

    int skipWs(int from, int to) {
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
    void persons(int from, int to, boolean english, List<String> names, List<String> ids) {
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
    boolean andBetween(int pieceStart, int pieceFirst, int at, int to) {
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

    void piece(int from, int to, boolean english, List<String> names, List<String> ids) {
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
    Person single(int from, int to, boolean english) {
        if (from < 0 || to <= from) {
            return null;
        }
        List<String> names = new ArrayList<>(1);
        List<String> ids = new ArrayList<>(1);
        piece(from, to, english, names, ids);
        return names.isEmpty() ? null : new Person(names.getFirst(), ids.getFirst());
    }

    /** A person at the start of {@code s[from, to)}: a quoted name, a token, or {@code 你}/{@code 我}. */
    Person leadingPerson(int from, int to) {
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
