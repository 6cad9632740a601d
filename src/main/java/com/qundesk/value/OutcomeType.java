package com.qundesk.value;

import java.util.Locale;
import java.util.Optional;

/** Measurable results of a group: orders, GMV, coupons, sign-ups, renewals, referrals. */
public enum OutcomeType {
    ORDERS("orders", "订单"),
    GMV("gmv", "GMV"),
    COUPONS_ISSUED("coupons-issued", "发券"),
    COUPONS_REDEEMED("coupons-redeemed", "核销"),
    SIGNUPS("signups", "报名"),
    RENEWALS("renewals", "续费"),
    REFERRALS("referrals", "转介绍");

    private final String token;
    private final String chinese;

    OutcomeType(String token, String chinese) {
        this.token = token;
        this.chinese = chinese;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "outcome." + token;
    }

    /** Stored tokens, for the exact match that every row read from the database takes. */
    private static final java.util.Map<String, OutcomeType> BY_TOKEN = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(v -> v.token, v -> v));

    public static OutcomeType fromToken(String t) {
        OutcomeType exact = t == null ? null : BY_TOKEN.get(t);
        if (exact != null) {
            return exact;
        }
        return parse(t).orElseThrow(() -> new IllegalArgumentException("Unknown outcome type: " + t));
    }

    /** Token (coupons-redeemed), with _ or space, or the Chinese name (核销, 发券, 报名, 成交额 …). */
    public static Optional<OutcomeType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String raw = text.strip();
        String t = raw.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (OutcomeType o : values()) {
            if (o.token.equals(t) || o.chinese.equals(raw)) {
                return Optional.of(o);
            }
        }
        return Optional.ofNullable(switch (raw) {
            case "订单数", "下单" -> ORDERS;
            case "成交额", "销售额", "gmv(元)" -> GMV;
            case "发放优惠券", "优惠券发放", "券发放" -> COUPONS_ISSUED;
            case "优惠券核销", "券核销", "核销数" -> COUPONS_REDEEMED;
            case "报名数", "注册" -> SIGNUPS;
            case "续费数", "续约" -> RENEWALS;
            case "推荐", "转介绍数" -> REFERRALS;
            default -> t.equals("sign-ups") ? SIGNUPS : t.equals("order") ? ORDERS : null;
        });
    }
}
