package com.qundesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;

/** Light, dark, or following the OS (JavaFX platform preferences). Must be used on the FX thread. */
public final class Theme {

    public enum Mode { LIGHT, DARK, SYSTEM }

    private Mode mode = Mode.SYSTEM;
    private boolean listening;

    public static Mode parse(String s) {
        if (s == null) {
            return Mode.SYSTEM;
        }
        return switch (s) {
            case "light" -> Mode.LIGHT;
            case "dark" -> Mode.DARK;
            default -> Mode.SYSTEM;
        };
    }

    public static String token(Mode m) {
        return m.name().toLowerCase(java.util.Locale.ROOT);
    }

    public void apply(Mode newMode) {
        this.mode = newMode;
        if (!listening) {
            listening = true;
            Platform.getPreferences().colorSchemeProperty().addListener((obs, o, n) -> {
                if (mode == Mode.SYSTEM) {
                    applyNow();
                }
            });
        }
        applyNow();
    }

    public boolean isDark() {
        return switch (mode) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
    }

    private void applyNow() {
        Application.setUserAgentStylesheet(isDark()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
