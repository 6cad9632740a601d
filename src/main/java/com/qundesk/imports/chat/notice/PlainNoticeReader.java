package com.qundesk.imports.chat.notice;

import com.qundesk.imports.chat.notice.NoticeParser.Link;
import com.qundesk.imports.chat.notice.NoticeParser.Notice;
import com.qundesk.imports.chat.notice.NoticeParser.NoticeKind;

import java.util.ArrayList;
import java.util.List;

import static com.qundesk.imports.chat.notice.NoticeParser.*;

/**
 * Reads the notice of one plain text (3.x plain text, the {@code <revokemsg>} wrapper's text, or a 4.x template
 * filled with tokens that stand for link member lists): the Chinese and English sentence forms of joins, removals,
 * revokes, pats and renames.
 */
final class PlainNoticeReader extends NoticeText {
    PlainNoticeReader(String text, List<Link> links) {
        super(text, links);
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
        return new Notice(NoticeKind.JOIN, names, ids, inviter == null ? null : inviter.name(),
                inviter == null ? null : inviter.id(), null);
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
        return of(NoticeKind.RENAME, null, actor == null ? null : actor.name(), actor == null ? null : actor.id(),
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
        return of(NoticeKind.REVOKE, null, actor == null ? null : actor.name(), actor == null ? null : actor.id(),
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
        return of(NoticeKind.PAT, null, actor == null ? null : actor.name(), actor == null ? null : actor.id(),
                target == null ? null : target.name());
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
        return new Notice(NoticeKind.JOIN, names, ids, inviter == null ? null : inviter.name(),
                inviter == null ? null : inviter.id(), null);
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
        return new Notice(kind, names, ids, actor == null ? null : actor.name(), actor == null ? null : actor.id(),
                null);
    }

}
