package com.qundesk.flash;

import com.qundesk.campaign.Campaign;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Told, inside the transaction that creates them, about flash groups just created (the value plan gives each
 * the plan its preset carries). A hook keeps this package free of the features that build on it.
 */
@FunctionalInterface
public interface FlashCreationHook {
    void created(Connection c, List<FlashGroup> groups, Campaign campaign) throws SQLException;
}
