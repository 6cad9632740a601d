package com.qundesk.group.registry;

import com.qundesk.io.TableReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry fields a spreadsheet column can fill, with the header names operators use for them. */
public enum RegistryColumn {
    NAME("name", "名称", "群名", "群名称", "groupname", "group"),
    PLATFORM("platform", "平台"),
    EXTERNAL_ID("externalId", "externalid", "群id", "外部id", "chatid", "chatroom", "groupid", "id"),
    PURPOSE("purpose", "用途", "类型", "type"),
    KIND("kind", "种类", "群类型"),
    OWNER("owner", "群主"),
    ADMINS("admins", "管理员", "admin"),
    MEMBER_COUNT("memberCount", "members", "membercount", "人数", "群人数", "成员数"),
    CAPACITY("capacity", "上限", "人数上限", "容量", "maxmembers"),
    TAGS("tags", "标签", "tag"),
    STATUS("status", "状态"),
    NOTES("notes", "备注", "note", "remark"),
    DISSOLUTION_REASON("dissolutionReason", "解散原因", "reason"),
    /** When the group was really created (not when it was registered): its age decides the silent and stale rules. */
    CREATED("created", "createdAt", "建群时间", "创建时间", "建群日期", "创建日期", "createTime", "成立时间");

    private final String header;
    private final List<String> synonyms;

    RegistryColumn(String header, String... synonyms) {
        this.header = header;
        this.synonyms = List.of(synonyms);
    }

    /** The canonical (English) header used by exports. */
    public String header() {
        return header;
    }

    public String messageKey() {
        return "registry.column." + header;
    }

    /** Every header and synonym, normalized, to its field (the first field that claims it, in declaration order). */
    private static final Map<String, RegistryColumn> BY_HEADER = new HashMap<>();

    static {
        for (RegistryColumn c : values()) {
            BY_HEADER.putIfAbsent(TableReader.normalizeHeader(c.header), c);
            for (String s : c.synonyms) {
                BY_HEADER.putIfAbsent(TableReader.normalizeHeader(s), c);
            }
        }
    }

    /**
     * The field a header names, matched without case, spaces, underscores or dashes. A lookup, not a scan: a hostile
     * sheet has 100,000 headers.
     */
    public static Optional<RegistryColumn> match(String rawHeader) {
        String h = TableReader.normalizeHeader(rawHeader);
        return h.isEmpty() ? Optional.empty() : Optional.ofNullable(BY_HEADER.get(h));
    }
}
