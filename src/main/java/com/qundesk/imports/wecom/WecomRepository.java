package com.qundesk.imports.wecom;

import com.qundesk.imports.ImportedRows;
import com.qundesk.imports.wecom.WecomImportService.Stat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.qundesk.db.Jdbc.getInt;
import static com.qundesk.db.Jdbc.setInt;
import static com.qundesk.db.Jdbc.setLong;

/** The WeCom tables: the members of each group with their join times ({@code wecom_member}) and the statistics. */
public final class WecomRepository implements ImportedRows {

    /**
     * Stores a {@code groupchat/get} member list (a member seen before is updated); returns the days, in
     * {@code zone}, on which listed members joined.
     */
    Set<Long> upsertMembers(Connection c, long groupId, List<WecomResponse.GroupDetail.Member> members, long importId,
                            ZoneId zone) throws SQLException {
        Set<Long> days = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO wecom_member (group_id, userid, type, join_time, "
                + "join_day, join_scene, inviter, import_id) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (group_id, userid) "
                + "DO UPDATE SET type=excluded.type, join_time=excluded.join_time, join_day=excluded.join_day, "
                + "join_scene=excluded.join_scene, inviter=excluded.inviter")) {
            for (WecomResponse.GroupDetail.Member m : members) {
                Long day = m.joinTime() == null ? null
                        : Instant.ofEpochSecond(m.joinTime()).atZone(zone).toLocalDate().toEpochDay();
                ps.setLong(1, groupId);
                ps.setString(2, m.userid());
                setInt(ps, 3, m.type());
                setLong(ps, 4, m.joinTime());
                setLong(ps, 5, day);
                setInt(ps, 6, m.joinScene());
                ps.setString(7, m.inviter());
                ps.setLong(8, importId);
                ps.addBatch();
                if (day != null) {
                    days.add(day);
                }
            }
            ps.executeBatch();
        }
        return days;
    }

    /** Stores one owner's statistics of one day, replacing what an earlier import stored for them. */
    void upsertStat(Connection c, String owner, long day, WecomResponse.Data d, long importId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO wecom_stat (owner, day, new_chat_cnt, chat_total, "
                + "chat_has_msg, new_member_cnt, member_total, member_has_msg, msg_total, migrate_trainee_chat_cnt, "
                + "import_id) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (owner, day) DO UPDATE SET "
                + "new_chat_cnt=excluded.new_chat_cnt, chat_total=excluded.chat_total, "
                + "chat_has_msg=excluded.chat_has_msg, new_member_cnt=excluded.new_member_cnt, "
                + "member_total=excluded.member_total, member_has_msg=excluded.member_has_msg, "
                + "msg_total=excluded.msg_total, migrate_trainee_chat_cnt=excluded.migrate_trainee_chat_cnt, "
                + "import_id=excluded.import_id")) {
            ps.setString(1, owner);
            ps.setLong(2, day);
            setInt(ps, 3, d.newChatCnt());
            setInt(ps, 4, d.chatTotal());
            setInt(ps, 5, d.chatHasMsg());
            setInt(ps, 6, d.newMemberCnt());
            setInt(ps, 7, d.memberTotal());
            setInt(ps, 8, d.memberHasMsg());
            setInt(ps, 9, d.msgTotal());
            setInt(ps, 10, d.migrateTraineeChatCnt());
            ps.setLong(11, importId);
            ps.executeUpdate();
        }
    }

    /** The stored statistics, by owner then day; null bounds and owner: all of them. */
    List<Stat> stats(Connection c, String owner, LocalDate from, LocalDate to) throws SQLException {
        List<Stat> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT owner, day, new_chat_cnt, chat_total, chat_has_msg, "
                + "new_member_cnt, member_total, member_has_msg, msg_total, migrate_trainee_chat_cnt FROM wecom_stat "
                + "WHERE day BETWEEN ? AND ?" + (owner == null ? "" : " AND owner = ?") + " ORDER BY owner, day")) {
            ps.setLong(1, from == null ? Long.MIN_VALUE : from.toEpochDay());
            ps.setLong(2, to == null ? Long.MAX_VALUE : to.toEpochDay());
            if (owner != null) {
                ps.setString(3, owner);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stat(rs.getString(1), LocalDate.ofEpochDay(rs.getLong(2)), getInt(rs, 3),
                            getInt(rs, 4), getInt(rs, 5), getInt(rs, 6), getInt(rs, 7), getInt(rs, 8),
                            getInt(rs, 9), getInt(rs, 10)));
                }
            }
        }
        return out;
    }

    @Override
    public void removeImport(Connection c, long importId) throws SQLException {
        for (String sql : new String[]{"DELETE FROM wecom_member WHERE import_id=?",
                "DELETE FROM wecom_stat WHERE import_id=?"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, importId);
                ps.executeUpdate();
            }
        }
    }
}
