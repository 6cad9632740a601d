package com.qundesk.group.registry;

import com.qundesk.db.Database;
import com.qundesk.core.FieldError;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupService;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.core.ValidationException;
import com.qundesk.io.Table;
import com.qundesk.io.TableReader;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports the groups registry from CSV or .xlsx: columns matched by header (English or Chinese synonyms) or as the
 * operator maps them; every row checked by the registry's own rules; good rows stored in one transaction while
 * rejected rows are reported with their row number and reasons.
 */
public final class RegistryImporter {

    private final Database db;
    private final GroupService groups;

    public RegistryImporter(Database db, GroupService groups) {
        this.db = db;
        this.groups = groups;
    }

    /** The file as read, with the columns matched automatically. */
    public record Preview(Table table, Map<Integer, RegistryColumn> mapping, List<String> ignoredHeaders) {
    }

    public record Rejected(int row, List<FieldError> reasons) {
    }

    /**
     * How to read a sheet.
     *
     * @param defaultPurpose the purpose of rows that give none; null when the sheet must give every row's (a sheet
     *                       without a purpose column is then refused, rather than every group silently becoming
     *                       an event group, which no size rule judges)
     * @param zone           the zone of creation times written without an offset
     */
    public record Options(Purpose defaultPurpose, ZoneId zone) {
    }

    public record Report(String fileName, int imported, List<Rejected> rejected, List<String> ignoredHeaders,
                         boolean dryRun) {
        public boolean complete() {
            return rejected.isEmpty();
        }
    }

    public Preview preview(Path file) {
        Table t = TableReader.read(file);
        Map<Integer, RegistryColumn> mapping = autoMap(t.headers());
        return new Preview(t, mapping, ignored(t.headers(), mapping));
    }

    public static Map<Integer, RegistryColumn> autoMap(List<String> headers) {
        Map<Integer, RegistryColumn> mapping = new LinkedHashMap<>();
        Set<RegistryColumn> used = EnumSet.noneOf(RegistryColumn.class);
        for (int i = 0; i < headers.size(); i++) {
            Optional<RegistryColumn> c = RegistryColumn.match(headers.get(i));
            if (c.isPresent() && used.add(c.get())) {
                mapping.put(i, c.get());
            }
        }
        return mapping;
    }

    public static List<String> ignored(List<String> headers, Map<Integer, RegistryColumn> mapping) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (!mapping.containsKey(i) && !headers.get(i).isBlank()) {
                out.add(headers.get(i));
            }
        }
        return out;
    }

    /** Reads and imports {@code file} with the automatic mapping. */
    public Report importFile(Path file, Options options, boolean dryRun) {
        Preview p = preview(file);
        return run(p.table(), p.mapping(), options, dryRun);
    }

    /** Imports a sheet that has a purpose column, creation times in the system zone. */
    public Report importFile(Path file, boolean dryRun) {
        return importFile(file, new Options(null, ZoneId.systemDefault()), dryRun);
    }

    /** Imports the rows with the given mapping; with {@code dryRun} nothing is stored. */
    public Report run(Table table, Map<Integer, RegistryColumn> mapping, Options options, boolean dryRun) {
        if (!mapping.containsValue(RegistryColumn.NAME)) {
            throw new ValidationException(FieldError.of("file", "registry.noNameColumn", table.fileName()));
        }
        if (!mapping.containsValue(RegistryColumn.PURPOSE) && options.defaultPurpose() == null) {
            throw new ValidationException(FieldError.of("purpose", "registry.noPurposeColumn", table.fileName(),
                    purposeChoices()));
        }
        List<String> ignored = ignored(table.headers(), mapping);
        return db.inTransaction(c -> {
            List<Rejected> rejected = new ArrayList<>();
            Set<String> seenIds = new HashSet<>();
            int imported = 0;
            for (Table.Row row : table.rows()) {
                List<FieldError> errors = new ArrayList<>();
                Group draft = toGroup(row, mapping, options, errors);
                if (draft != null && errors.isEmpty()) {
                    if (draft.externalId() != null && !seenIds.add(draft.platform().token() + "|" + draft.externalId())) {
                        errors.add(FieldError.of("externalId", "registry.duplicateInFile", draft.externalId()));
                    } else {
                        errors.addAll(groups.checkIn(c, draft));
                    }
                }
                if (!errors.isEmpty()) {
                    rejected.add(new Rejected(row.number(), errors));
                    continue;
                }
                if (!dryRun) {
                    groups.insertIn(c, draft, "imported", table.fileName());
                }
                imported++;
            }
            return new Report(table.fileName(), imported, rejected, ignored, dryRun);
        });
    }

    /** True when the mapping has no purpose column: the operator must choose one for the whole sheet. */
    public static boolean needsPurpose(Map<Integer, RegistryColumn> mapping) {
        return !mapping.containsValue(RegistryColumn.PURPOSE);
    }

    /** A purpose as an operator writes it: its token, its English or Chinese name, or a common synonym. */
    public static Optional<Purpose> purposeOf(String text) {
        return RegistryValues.purpose(text);
    }

    /** Every purpose, token and Chinese name ({@code shopping 好物/购物, …}), for messages that list them. */
    public static String purposeChoices() {
        return RegistryValues.purposeChoices();
    }

    private static Group toGroup(Table.Row row, Map<Integer, RegistryColumn> mapping, Options options,
                                 List<FieldError> errors) {
        Map<RegistryColumn, String> v = new LinkedHashMap<>();
        mapping.forEach((i, col) -> v.put(col, row.cell(i).strip()));
        String name = v.getOrDefault(RegistryColumn.NAME, "");
        String externalId = emptyToNull(v.get(RegistryColumn.EXTERNAL_ID));
        Platform platform = null;
        String platformText = v.getOrDefault(RegistryColumn.PLATFORM, "");
        if (!platformText.isEmpty()) {
            platform = RegistryValues.platform(platformText).orElse(null);
            if (platform == null) {
                errors.add(FieldError.of("platform", "registry.badPlatform", platformText));
            }
        } else if (externalId != null && Platform.WECOM.acceptsExternalId(externalId)) {
            platform = Platform.WECOM;
        } else {
            platform = Platform.WECHAT;
        }
        Purpose purpose = parse(v.get(RegistryColumn.PURPOSE), RegistryValues::purpose, options.defaultPurpose(),
                "purpose", "registry.badPurpose", errors);
        if (purpose == null && errors.stream().noneMatch(e -> e.field().equals("purpose"))) {
            errors.add(FieldError.of("purpose", "registry.purposeBlank"));
        }
        String createdText = v.get(RegistryColumn.CREATED);
        Instant created = null;
        if (createdText != null && !createdText.isBlank()) {
            created = RegistryDates.parse(createdText, options.zone()).orElse(null);
            if (created == null) {
                errors.add(FieldError.of("created", "registry.badCreated", createdText));
            }
        }
        GroupKind kind = parse(v.get(RegistryColumn.KIND), RegistryValues::kind, GroupKind.LONG_TERM, "kind",
                "registry.badKind", errors);
        GroupStatus status = parse(v.get(RegistryColumn.STATUS), RegistryValues::status, GroupStatus.ACTIVE, "status",
                "registry.badStatus", errors);
        Integer members = number(v.get(RegistryColumn.MEMBER_COUNT), 0, "memberCount", errors);
        Integer capacity = number(v.get(RegistryColumn.CAPACITY),
                platform == null ? Platform.WECHAT.defaultCapacity() : platform.defaultCapacity(), "capacity", errors);
        if (name.isBlank()) {
            errors.add(FieldError.of("name", "validation.name.required"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        String reason = emptyToNull(v.get(RegistryColumn.DISSOLUTION_REASON));
        if (status == GroupStatus.DISSOLVED && reason == null) {
            errors.add(FieldError.of("status", "registry.dissolvedNeedsReason"));
            return null;
        }
        return Group.draft(platform, name, purpose, kind).toBuilder()
                .externalId(externalId)
                .owner(emptyToNull(v.get(RegistryColumn.OWNER)))
                .admins(list(v.get(RegistryColumn.ADMINS)))
                .memberCount(members)
                .capacity(capacity)
                .tags(list(v.get(RegistryColumn.TAGS)))
                .status(status)
                .notes(emptyToNull(v.get(RegistryColumn.NOTES)))
                .dissolutionReason(status == GroupStatus.DISSOLVED ? reason : null)
                .createdAt(created)
                .build();
    }

    private static <T> T parse(String text, java.util.function.Function<String, Optional<T>> parser, T fallback,
                               String field, String key, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Optional<T> v = parser.apply(text);
        if (v.isEmpty()) {
            errors.add(FieldError.of(field, key, text));
            return fallback;
        }
        return v.get();
    }

    private static Integer number(String text, int fallback, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.strip().replace(",", "").replace("，", "");
        try {
            double d = Double.parseDouble(t);
            if (d != Math.rint(d) || d < 0 || d > 1_000_000) {
                throw new NumberFormatException();
            }
            return (int) d;
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "registry.badNumber", text));
            return fallback;
        }
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,，、;；|\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
