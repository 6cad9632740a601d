package com.qundesk.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Per-user preferences that belong to this PC rather than to a workspace: language, theme, time zone,
 * window geometry, the last view and the last workspace. Saved atomically (write then rename).
 */
public final class UserPrefs {
    private static final Logger log = LoggerFactory.getLogger(UserPrefs.class);

    public static final String LANGUAGE = "language";          // "zh", "en" or "system"
    public static final String THEME = "theme";                // "light", "dark" or "system"
    public static final String ZONE = "timeZone";              // a zone id or "system"
    public static final String LAST_VIEW = "lastView";
    public static final String LAST_WORKSPACE = "lastWorkspace";
    public static final String WINDOW = "window";              // x,y,w,h,maximized

    private final Path file;
    private final Properties props = new Properties();

    public UserPrefs(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Could not read preferences {}; using defaults", file, e);
            }
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(props.getProperty(key)).filter(s -> !s.isBlank());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public synchronized void put(String key, String value) {
        if (value == null) {
            props.remove(key);
        } else {
            props.setProperty(key, value);
        }
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "QunDesk preferences");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not save preferences {}", file, e);
        }
    }
}
