package com.qundesk.group;

import com.qundesk.core.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry's rules for one group, independent of storage. Facts that need the workspace
 * (other groups' external ids, parent links) are passed in.
 */
public final class GroupValidator {

    private GroupValidator() {
    }

    public static List<FieldError> validate(Group g, boolean externalIdTaken, Map<Long, Long> parentLinks,
                                            Set<Long> existingIds) {
        List<FieldError> errors = new ArrayList<>();
        if (g.name() == null || g.name().isBlank()) {
            errors.add(FieldError.of("name", "validation.name.required"));
        } else if (g.name().length() > 200) {
            errors.add(FieldError.of("name", "validation.name.tooLong", 200));
        } else if (g.name().indexOf('\0') >= 0) {
            // the database counts a name only up to its first NUL: refused here with a message, not there
            errors.add(FieldError.of("name", "validation.name.nul"));
        }
        if (g.platform() == null) {
            errors.add(FieldError.of("platform", "validation.platform.required"));
        }
        if (g.purpose() == null) {
            errors.add(FieldError.of("purpose", "validation.purpose.required"));
        }
        if (g.kind() == null) {
            errors.add(FieldError.of("kind", "validation.kind.required"));
        }
        if (g.memberCount() < 0) {
            errors.add(FieldError.of("memberCount", "validation.members.negative"));
        }
        if (g.capacity() <= 0) {
            errors.add(FieldError.of("capacity", "validation.capacity.positive"));
        } else if (g.platform() != null && g.capacity() > g.platform().maxCapacity()) {
            errors.add(FieldError.of("capacity", "validation.capacity.platformMax", g.platform().maxCapacity()));
        }
        if (g.capacity() > 0 && g.memberCount() > g.capacity()) {
            errors.add(FieldError.of("memberCount", "validation.members.aboveCapacity", g.memberCount(), g.capacity()));
        }
        if (g.externalId() != null && g.platform() != null) {
            if (!g.platform().acceptsExternalId(g.externalId())) {
                errors.add(FieldError.of("externalId", g.platform() == Platform.WECHAT
                        ? "validation.externalId.wechat" : "validation.externalId.wecom", g.externalId()));
            } else if (externalIdTaken) {
                errors.add(FieldError.of("externalId", "validation.externalId.duplicate", g.externalId()));
            }
        }
        if (g.parentId() != null) {
            if (g.id() != null && g.parentId().equals(g.id())) {
                errors.add(FieldError.of("parentId", "validation.parent.self"));
            } else if (!existingIds.contains(g.parentId())) {
                errors.add(FieldError.of("parentId", "validation.parent.missing", g.parentId()));
            } else if (g.id() != null && createsCycle(g.id(), g.parentId(), parentLinks)) {
                errors.add(FieldError.of("parentId", "validation.parent.cycle"));
            }
        }
        checkOrder(errors, "reformedAt", g.createdAt(), g.reformedAt(), "validation.dates.reformedBeforeCreated");
        checkOrder(errors, "dissolvedAt", g.createdAt(), g.dissolvedAt(), "validation.dates.dissolvedBeforeCreated");
        checkOrder(errors, "dissolvedAt", g.reformedAt(), g.dissolvedAt(), "validation.dates.dissolvedBeforeReformed");
        if (g.status() == GroupStatus.DISSOLVED
                && (g.dissolutionReason() == null || g.dissolutionReason().isBlank())) {
            errors.add(FieldError.of("dissolutionReason", "validation.dissolution.reasonRequired"));
        }
        AdPolicy ad = g.adPolicy();
        switch (ad.type()) {
            case RED_ENVELOPE -> {
                if (ad.feeYuan() == null || ad.feeYuan() <= 0) {
                    errors.add(FieldError.of("adPolicy", "validation.ad.fee"));
                }
            }
            case WEEKLY_WINDOW -> {
                if (ad.weekday() == null || ad.hourFrom() == null || ad.hourTo() == null
                        || ad.hourFrom() < 0 || ad.hourTo() > 24 || ad.hourFrom() >= ad.hourTo()) {
                    errors.add(FieldError.of("adPolicy", "validation.ad.window"));
                }
            }
            case AD_THREAD -> {
                if (ad.threadAdmin() == null || ad.threadAdmin().isBlank()) {
                    errors.add(FieldError.of("adPolicy", "validation.ad.threadAdmin"));
                }
            }
            case NONE -> { }
        }
        return errors;
    }

    private static void checkOrder(List<FieldError> errors, String field, Instant earlier, Instant later, String key) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            errors.add(FieldError.of(field, key));
        }
    }

    /** True when making {@code parentId} the parent of {@code id} would close a loop. */
    static boolean createsCycle(long id, long parentId, Map<Long, Long> parentLinks) {
        Set<Long> seen = new HashSet<>();
        Long cur = parentId;
        while (cur != null && seen.add(cur)) {
            if (cur == id) {
                return true;
            }
            cur = parentLinks.get(cur);
        }
        return false;
    }
}
