package com.qundesk.group.registry;

import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.i18n.Messages;

import java.util.Locale;
import java.util.Optional;

/** Reads the registry's enumerated values as operators write them: tokens, English or Chinese labels. */
final class RegistryValues {

    private static final Messages ZH = new Messages(Messages.CHINESE);
    private static final Messages EN = new Messages(Messages.ENGLISH);

    private RegistryValues() {
    }

    static Optional<Platform> platform(String s) {
        String t = norm(s);
        return switch (t) {
            case "wechat", "微信", "weixin", "wx", "个人微信" -> Optional.of(Platform.WECHAT);
            case "wecom", "企业微信", "企微", "wework", "workwechat", "qiyeweixin" -> Optional.of(Platform.WECOM);
            default -> Optional.empty();
        };
    }

    static Optional<Purpose> purpose(String s) {
        for (Purpose p : Purpose.values()) {
            if (matches(s, p.token(), p.messageKey())) {
                return Optional.of(p);
            }
        }
        return Optional.ofNullable(switch (norm(s)) {
            case "好物", "购物", "shopping", "goods", "福利" -> Purpose.SHOPPING;
            case "资源", "资源对接" -> Purpose.RESOURCE;
            case "行业", "行业群" -> Purpose.INDUSTRY;
            case "付费" -> Purpose.PAID;
            case "vip", "核心", "核心群", "私董会" -> Purpose.VIP;
            case "粉丝", "粉丝群", "ip" -> Purpose.FAN;
            case "打卡", "打卡群", "习惯" -> Purpose.HABIT;
            case "客服", "售后", "服务" -> Purpose.SERVICE;
            case "活动群" -> Purpose.EVENT;
            default -> null;
        });
    }

    static Optional<GroupKind> kind(String s) {
        for (GroupKind k : GroupKind.values()) {
            if (matches(s, k.token(), k.messageKey())) {
                return Optional.of(k);
            }
        }
        return Optional.ofNullable(switch (norm(s)) {
            case "长期", "longterm", "long" -> GroupKind.LONG_TERM;
            case "快闪", "临时", "临时群", "temporary" -> GroupKind.FLASH;
            default -> null;
        });
    }

    static Optional<GroupStatus> status(String s) {
        for (GroupStatus st : GroupStatus.values()) {
            if (matches(s, st.token(), st.messageKey())) {
                return Optional.of(st);
            }
        }
        return Optional.ofNullable(switch (norm(s)) {
            case "正常", "活跃", "运营", "active" -> GroupStatus.ACTIVE;
            case "解散", "已解散" -> GroupStatus.DISSOLVED;
            case "归档" -> GroupStatus.ARCHIVED;
            default -> null;
        });
    }

    /** {@code shopping 好物/购物, resource 资源对接, …}: each purpose's token and Chinese name. */
    static String purposeChoices() {
        StringBuilder b = new StringBuilder();
        for (Purpose p : Purpose.values()) {
            b.append(b.isEmpty() ? "" : ", ").append(p.token()).append(' ').append(ZH.get(p.messageKey()));
        }
        return b.toString();
    }

    private static boolean matches(String s, String token, String key) {
        String t = norm(s);
        return t.equals(norm(token)) || t.equals(norm(ZH.get(key))) || t.equals(norm(EN.get(key)));
    }

    static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-/]", "");
    }
}
