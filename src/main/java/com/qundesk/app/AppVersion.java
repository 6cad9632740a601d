package com.qundesk.app;

import java.util.Optional;

/** The version of this build, from the jar manifest; empty when run from classes (development). */
public final class AppVersion {

    private AppVersion() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(AppVersion.class.getPackage().getImplementationVersion());
    }
}
