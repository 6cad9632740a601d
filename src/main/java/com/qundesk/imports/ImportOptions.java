package com.qundesk.imports;

import java.time.ZoneId;
import java.util.Map;

/**
 * How to import a file.
 *
 * @param zone         the zone local times without offset are read in
 * @param formatId     a format id to use instead of detecting it (null: detect)
 * @param groupId      the group every chat of the file goes to (null: find it per chat)
 * @param createGroups create a group for a chat that matches none
 * @param chatGroups   the operator's choice of group per chat key (from the preview), overriding the automatic match
 */
public record ImportOptions(ZoneId zone, String formatId, Long groupId, boolean createGroups,
                            Map<String, Long> chatGroups) {
    public ImportOptions {
        chatGroups = chatGroups == null ? Map.of() : Map.copyOf(chatGroups);
    }

    public static ImportOptions in(ZoneId zone) {
        return new ImportOptions(zone, null, null, false, Map.of());
    }

    public ImportOptions withGroup(Long id) {
        return new ImportOptions(zone, formatId, id, createGroups, chatGroups);
    }

    public ImportOptions withFormat(String id) {
        return new ImportOptions(zone, id, groupId, createGroups, chatGroups);
    }

    public ImportOptions creatingGroups(boolean create) {
        return new ImportOptions(zone, formatId, groupId, create, chatGroups);
    }

    public ImportOptions withChatGroups(Map<String, Long> map) {
        return new ImportOptions(zone, formatId, groupId, createGroups, map);
    }
}
