package com.qundesk.value;

import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import com.qundesk.settings.WorkspaceSettings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The health-rule thresholds as Settings shows and saves them (workspace settings {@code health.*}). */
public final class ThresholdSettings {

    /**
     * One editable threshold: its settings key, the label key and its bounds; a {@code percent} one is a share,
     * stored as a fraction and shown and typed as a percentage (bounds included).
     */
    public record Field(String key, String labelKey, double min, double max, boolean whole, boolean percent) {

        Field(String key, String labelKey, double min, double max, boolean whole) {
            this(key, labelKey, min, max, whole, false);
        }

        static Field share(String key, String labelKey, double min, double max) {
            return new Field(key, labelKey, min, max, false, true);
        }
    }

    public static final List<Field> FIELDS = List.of(
            new Field("health.oversizedMembers", "threshold.oversizedMembers", 2, 500, true),
            new Field("health.silentDays", "threshold.silentDays", 1, 365, true),
            new Field("health.noisyMessagesPerDay", "threshold.noisyMessagesPerDay", 1, 10000, false),
            Field.share("health.concentratedTop3Share", "threshold.concentratedTop3Share", 0.01, 1),
            Field.share("health.adHeavyShare", "threshold.adHeavyShare", 0, 1),
            new Field("health.staleCoreDays", "threshold.staleCoreDays", 30, 3650, true),
            Field.share("health.churnLeaveShare", "threshold.churnLeaveShare", 0, 1),
            Field.share("health.nearCapacityShare", "threshold.nearCapacityShare", 0.5, 1),
            new Field("health.lowFrequencyTags", "threshold.lowFrequencyTags", 0, 0, false));

    private final WorkspaceSettings settings;
    private final HealthService health;

    public ThresholdSettings(WorkspaceSettings settings, HealthService health) {
        this.settings = settings;
        this.health = health;
    }

    /** Current values by key, as text. */
    public Map<String, String> current() {
        HealthThresholds t = health.thresholds();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("health.oversizedMembers", Integer.toString(t.oversizedMembers()));
        m.put("health.silentDays", Integer.toString(t.silentDays()));
        m.put("health.noisyMessagesPerDay", num(t.noisyMessagesPerDay()));
        m.put("health.concentratedTop3Share", percent(t.concentratedTop3Share()));
        m.put("health.adHeavyShare", percent(t.adHeavyShare()));
        m.put("health.staleCoreDays", Integer.toString(t.staleCoreDays()));
        m.put("health.churnLeaveShare", percent(t.churnLeaveShare()));
        m.put("health.nearCapacityShare", percent(t.nearCapacityShare()));
        m.put("health.lowFrequencyTags", String.join(", ", t.lowFrequencyTags()));
        return m;
    }

    /** Validates every value (shares in percent), then saves them all; nothing is saved when one is wrong. */
    public void save(Map<String, String> values) {
        List<FieldError> errors = new ArrayList<>();
        for (Field f : FIELDS) {
            String v = values.getOrDefault(f.key(), "").strip();
            if (f.key().equals("health.lowFrequencyTags")) {
                continue;
            }
            double scale = f.percent() ? 100 : 1;
            try {
                double d = Double.parseDouble(v);
                if (d < f.min() * scale || d > f.max() * scale || (f.whole() && d != Math.rint(d))) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add(FieldError.of(f.key(), "threshold.invalid", v, f.percent() ? percent(f.min()) : num(f.min()),
                        f.percent() ? percent(f.max()) : num(f.max())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        for (Field f : FIELDS) {
            String v = values.getOrDefault(f.key(), "").strip();
            settings.put(f.key(), f.percent() ? new BigDecimal(v).movePointLeft(2).toPlainString() : v);
        }
    }

    /** 0.35 as "35", 0.925 as "92.5" (decimal, so no 35.00000000000001). */
    private static String percent(double share) {
        return new BigDecimal(Double.toString(share)).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
