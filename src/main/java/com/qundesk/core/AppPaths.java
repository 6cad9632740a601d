package com.qundesk.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where QunDesk keeps its files on each OS: one per-user data folder holding the default workspace and prefs. */
public record AppPaths(Path dataDir) {

    public static final String WORKSPACE_FILE = "workspace.qundesk";

    /** The per-user data folder of this OS, or {@code qundesk.home} when set (tests, portable installs). */
    public static AppPaths forCurrentUser() {
        String override = System.getProperty("qundesk.home");
        if (override != null && !override.isBlank()) {
            return new AppPaths(Path.of(override));
        }
        return new AppPaths(dataDirFor(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home"))));
    }

    static Path dataDirFor(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData/Roaming");
            return base.resolve("QunDesk");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/QunDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve("qundesk");
    }

    public Path defaultWorkspace() {
        return dataDir.resolve(WORKSPACE_FILE);
    }

    public Path prefsFile() {
        return dataDir.resolve("settings.properties");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
