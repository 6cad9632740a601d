package com.qundesk.value;

/** The health rules of PRODUCT.md; each carries its evidence when it fires. */
public enum HealthRule {
    OVERSIZED("oversized"),
    SILENT("silent"),
    NOISY("noisy"),
    CONCENTRATED("concentrated"),
    AD_HEAVY("ad-heavy"),
    STALE_CORE("stale-core"),
    OVERDUE_FLASH("overdue-flash"),
    LOW_FREQUENCY("low-frequency"),
    CHURN_SPIKE("churn-spike"),
    NEAR_CAPACITY("near-capacity");

    private final String token;

    HealthRule(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "rule." + token;
    }
}
