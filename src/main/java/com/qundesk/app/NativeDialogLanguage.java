package com.qundesk.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * The file chooser is the desktop's own dialog; on Linux GTK translates it by the process's {@code LANGUAGE}
 * variable, read when JavaFX starts GTK. Setting it to the UI language before the launch makes "Open"/"Cancel"
 * of the chooser follow the UI language, not the OS (GTK needs its translations installed, as desktops have).
 * Windows and macOS draw their choosers in the OS language; nothing can be done there. A language changed
 * later, in the first-run dialog or Settings, reaches the chooser at the next start.
 */
final class NativeDialogLanguage {
    private static final Logger log = LoggerFactory.getLogger(NativeDialogLanguage.class);

    private NativeDialogLanguage() {
    }

    /** Sets {@code LANGUAGE} for {@code uiLanguage} on Linux; elsewhere, or when it fails, leaves it alone. */
    static void apply(Locale uiLanguage) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return;
        }
        String value = "zh".equals(uiLanguage.getLanguage()) ? "zh_CN:zh" : "en_US:en";
        try {
            Linker linker = Linker.nativeLinker();
            Optional<MemorySegment> setenv = linker.defaultLookup().find("setenv");
            if (setenv.isEmpty()) {
                return;
            }
            MethodHandle h = linker.downcallHandle(setenv.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            try (Arena arena = Arena.ofConfined()) {
                int rc = (int) h.invokeExact(arena.allocateFrom("LANGUAGE"), arena.allocateFrom(value), 1);
                if (rc != 0) {
                    log.info("Could not set LANGUAGE for the file chooser (setenv returned {})", rc);
                }
            }
        } catch (Throwable e) {
            log.info("Could not set LANGUAGE for the file chooser: {}", e.toString());
        }
    }
}
