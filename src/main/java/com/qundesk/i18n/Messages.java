package com.qundesk.i18n;

import java.text.MessageFormat;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The operator's language: one resource bundle per locale ({@code com/qundesk/i18n/messages}),
 * with MessageFormat arguments. Usable from the CLI and services as well as the UI.
 */
public final class Messages {
    public static final String BUNDLE = "com.qundesk.i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = supported(locale);
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Chinese for any Chinese locale, English otherwise. */
    public static Locale supported(Locale locale) {
        if (locale != null && "zh".equals(locale.getLanguage())) {
            return CHINESE;
        }
        return ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof Localizable l ? describe(l) : args[i];
        }
        return new MessageFormat(pattern, locale).format(resolved);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String describe(Localizable l) {
        return get(l.messageKey(), l.messageArgs().toArray());
    }

    public Map<String, String> all() {
        Map<String, String> m = new HashMap<>();
        for (Enumeration<String> e = bundle.getKeys(); e.hasMoreElements(); ) {
            String k = e.nextElement();
            m.put(k, bundle.getString(k));
        }
        return m;
    }
}
