package com.qundesk.app;

import org.junit.jupiter.api.Test;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeDialogLanguageTest {

    @Test
    void theChineseUiAsksGtkForChineseDialogsOnLinux() throws Throwable {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"));
        NativeDialogLanguage.apply(Locale.SIMPLIFIED_CHINESE);
        assertThat(getenv("LANGUAGE")).isEqualTo("zh_CN:zh");
        NativeDialogLanguage.apply(Locale.ENGLISH);
        assertThat(getenv("LANGUAGE")).isEqualTo("en_US:en");
    }

    /** The process's environment as C code (GTK) reads it; System.getenv is a copy taken at start. */
    private static String getenv(String name) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle h = linker.downcallHandle(linker.defaultLookup().find("getenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment p = (MemorySegment) h.invokeExact(arena.allocateFrom(name));
            return p.equals(MemorySegment.NULL) ? null : p.reinterpret(256).getString(0);
        }
    }
}
