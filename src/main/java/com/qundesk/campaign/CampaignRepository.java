package com.qundesk.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.qundesk.db.Jdbc.getInstant;
import static com.qundesk.db.Jdbc.getInt;
import static com.qundesk.db.Jdbc.getLong;
import static com.qundesk.db.Jdbc.setInstant;
import static com.qundesk.db.Jdbc.setInt;
import static com.qundesk.db.Jdbc.setLong;
import static com.qundesk.db.Jdbc.insertedId;

/** SQL for campaigns, their group links and their history (who changed which field). */
public final class CampaignRepository {

    private static final String COLUMNS = "id, type, name, starts_at, ends_at, owner, goal_signups, goal_conversions, "
            + "goal_coupons_issued, goal_coupons_redeemed, goal_gmv_yuan, cancelled_at, cancel_reason, "
            + "outcome_summary, notes, created_at, updated_at, assignee, version";

    public List<Campaign> findAll(Connection c) throws SQLException {
        List<Campaign> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM campaign ORDER BY starts_at DESC, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    public Optional<Campaign> findById(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM campaign WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public long insert(Connection c, Campaign k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaign (type, name, starts_at, ends_at, owner, "
                + "goal_signups, goal_conversions, goal_coupons_issued, goal_coupons_redeemed, goal_gmv_yuan, "
                + "cancelled_at, cancel_reason, outcome_summary, notes, created_at, updated_at, assignee) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id")) {
            bind(ps, k);
            return insertedId(ps);
        }
    }

    /**
     * Writes {@code k} over the stored row if that is still at {@code k.version()}, raising the version in the same
     * UPDATE; false (nothing written) when another change moved it on since.
     */
    public boolean update(Connection c, Campaign k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE campaign SET type=?, name=?, starts_at=?, ends_at=?, "
                + "owner=?, goal_signups=?, goal_conversions=?, goal_coupons_issued=?, goal_coupons_redeemed=?, "
                + "goal_gmv_yuan=?, cancelled_at=?, cancel_reason=?, outcome_summary=?, notes=?, created_at=?, "
                + "updated_at=?, assignee=?, version = version + 1 WHERE id=? AND version=?")) {
            int next = bind(ps, k);
            ps.setLong(next++, k.id());
            ps.setLong(next, k.version());
            return ps.executeUpdate() == 1;
        }
    }

    /** A history row written by {@code actor}; {@code version}: the campaign's version the change made. */
    public void addHistory(Connection c, long campaignId, Instant at, String action, String field, String oldValue,
                           String newValue, String actor, Long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaign_history (campaign_id, at, action, field, "
                + "old_value, new_value, actor, version) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, action);
            ps.setString(4, field);
            ps.setString(5, oldValue);
            ps.setString(6, newValue);
            ps.setString(7, actor);
            setLong(ps, 8, version);
            ps.executeUpdate();
        }
    }

    /** The campaign's history, newest first. */
    public List<CampaignHistoryEntry> history(Connection c, long campaignId) throws SQLException {
        return history(c, campaignId, 0, "ORDER BY at DESC, id DESC");
    }

    /** The history rows of the changes that took the campaign past {@code version}, oldest first. */
    public List<CampaignHistoryEntry> historySince(Connection c, long campaignId, long version) throws SQLException {
        return history(c, campaignId, version, "ORDER BY version, id");
    }

    private List<CampaignHistoryEntry> history(Connection c, long campaignId, long pastVersion, String order)
            throws SQLException {
        List<CampaignHistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, campaign_id, at, action, field, old_value, "
                + "new_value, actor, version FROM campaign_history WHERE campaign_id = ? AND (? = 0 OR version > ?) "
                + order)) {
            ps.setLong(1, campaignId);
            ps.setLong(2, pastVersion);
            ps.setLong(3, pastVersion);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CampaignHistoryEntry(rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            getLong(rs, 9)));
                }
            }
        }
        return out;
    }

    public void link(Connection c, long campaignId, long groupId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO campaign_group (campaign_id, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, groupId);
            ps.executeUpdate();
        }
    }

    public List<Long> groupIds(Connection c, long campaignId) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT group_id FROM campaign_group WHERE campaign_id = ? ORDER BY group_id")) {
            ps.setLong(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** A campaign's id and name, as the flash list shows it. */
    /** A campaign's id, name and assignee (null: nobody). */
    public record CampaignRef(long id, String name, String assignee) {
    }

    /**
     * For every group linked to a campaign, the campaign it belongs to (the latest one when several, as
     * {@link #campaignOfGroup}), in one query over the links instead of one per group.
     */
    public Map<Long, CampaignRef> campaignOfEveryGroup(Connection c) throws SQLException {
        Map<Long, CampaignRef> out = new HashMap<>();
        Map<Long, Long> startsOf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cg.group_id, k.id, k.name, k.starts_at, k.assignee "
                + "FROM campaign_group cg JOIN campaign k ON k.id = cg.campaign_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long group = rs.getLong(1);
                long starts = rs.getLong(4);
                Long seen = startsOf.get(group);
                if (seen == null || starts > seen) {
                    startsOf.put(group, starts);
                    out.put(group, new CampaignRef(rs.getLong(2), rs.getString(3), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** The campaign a group belongs to (the latest one when several), if any. */
    public Optional<Campaign> campaignOfGroup(Connection c, long groupId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM campaign WHERE id = ("
                + "SELECT cg.campaign_id FROM campaign_group cg JOIN campaign k ON k.id = cg.campaign_id "
                + "WHERE cg.group_id = ? ORDER BY k.starts_at DESC LIMIT 1)")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static int bind(PreparedStatement ps, Campaign k) throws SQLException {
        int i = 1;
        ps.setString(i++, k.type().token());
        ps.setString(i++, k.name());
        ps.setLong(i++, k.startsAt().toEpochMilli());
        ps.setLong(i++, k.endsAt().toEpochMilli());
        ps.setString(i++, k.owner());
        Campaign.Goals g = k.goals();
        setInt(ps, i++, g.signups());
        setInt(ps, i++, g.conversions());
        setInt(ps, i++, g.couponsIssued());
        setInt(ps, i++, g.couponsRedeemed());
        setInt(ps, i++, g.gmvYuan());
        setInstant(ps, i++, k.cancelledAt());
        ps.setString(i++, k.cancelReason());
        ps.setString(i++, k.outcomeSummary());
        ps.setString(i++, k.notes());
        setInstant(ps, i++, k.createdAt());
        setInstant(ps, i++, k.updatedAt());
        ps.setString(i++, k.assignee());
        return i;
    }

    private static Campaign map(ResultSet rs) throws SQLException {
        return new Campaign(rs.getLong(1), CampaignType.fromToken(rs.getString(2)), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6),
                new Campaign.Goals(getInt(rs, 7), getInt(rs, 8), getInt(rs, 9), getInt(rs, 10), getInt(rs, 11)),
                getInstant(rs, 12), rs.getString(13), rs.getString(14), rs.getString(15), getInstant(rs, 16),
                getInstant(rs, 17), rs.getString(18), rs.getLong(19));
    }
}
