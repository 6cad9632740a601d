package com.qundesk.group.registry;

import com.qundesk.io.TableReader;

import java.util.List;
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
    DISSOLUTION_REASON("dissolutionReason", "解散原因", "reason");

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

    /** The field a header names, matched without case, spaces, underscores or dashes. */
    public static Optional<RegistryColumn> match(String rawHeader) {
        String h = TableReader.normalizeHeader(rawHeader);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        for (RegistryColumn c : values()) {
            if (TableReader.normalizeHeader(c.header).equals(h)) {
                return Optional.of(c);
            }
            for (String s : c.synonyms) {
                if (TableReader.normalizeHeader(s).equals(h)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }
}
