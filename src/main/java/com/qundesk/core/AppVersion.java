package com.qundesk.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * The version of this build, from the jar manifest (empty when run from classes, in development), the commit it
 * was built from (written at build time by {@code git rev-parse}) and the build date (manifest).
 */
public final class AppVersion {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

    private AppVersion() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(AppVersion.class.getPackage().getImplementationVersion());
    }

    /** The short commit hash of the build, or "unknown" (built outside a git checkout). */
    public static String commit() {
        try (InputStream in = AppVersion.class.getResourceAsStream("build-commit.txt")) {
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return COMMIT.matcher(text).matches() ? text : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** When the jar was built (UTC), or empty when running from classes. */
    public static Optional<String> buildDate() {
        String self = String.valueOf(AppVersion.class.getResource("AppVersion.class"));
        int bang = self.indexOf("!/");
        if (!self.startsWith("jar:") || bang < 0) {
            return Optional.empty();
        }
        try (InputStream in = URI.create(self.substring(0, bang + 2) + "META-INF/MANIFEST.MF").toURL().openStream()) {
            return Optional.ofNullable(new Manifest(in).getMainAttributes().getValue("Build-Date"));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
