package com.qundesk.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static com.qundesk.db.Jdbc.getInstant;
import static com.qundesk.db.Jdbc.setInstant;

/** SQL for group_invite: one row per group whose invite the operator recorded. */
public final class InviteRepository {

    public void upsert(Connection c, Invite i) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_invite (group_id, qr_refreshed_at, "
                + "advertises_qr, recruiting) VALUES (?,?,?,?) ON CONFLICT (group_id) DO UPDATE SET "
                + "qr_refreshed_at = excluded.qr_refreshed_at, advertises_qr = excluded.advertises_qr, "
                + "recruiting = excluded.recruiting")) {
            ps.setLong(1, i.groupId());
            setInstant(ps, 2, i.qrRefreshedAt());
            ps.setInt(3, i.advertisesQr() ? 1 : 0);
            ps.setInt(4, i.recruiting() ? 1 : 0);
            ps.executeUpdate();
        }
    }

    public Map<Long, Invite> all(Connection c) throws SQLException {
        Map<Long, Invite> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, qr_refreshed_at, advertises_qr, recruiting "
                + "FROM group_invite");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Invite(rs.getLong(1), getInstant(rs, 2), rs.getInt(3) == 1, rs.getInt(4) == 1));
            }
        }
        return out;
    }
}
