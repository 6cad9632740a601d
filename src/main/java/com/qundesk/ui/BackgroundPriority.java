package com.qundesk.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Lowers the operating-system scheduling priority of the calling thread, for long background work that must not
 * take the CPU from the FX thread (a chat import's two threads on a 2-core PC kept the JavaFX pulse waiting up to
 * a quarter of a second; docs/performance.md).
 *
 * <p>Java's own thread priorities do nothing on Linux unless the JVM is started with a flag, so on Linux this sets
 * the thread's nice value with {@code setpriority(PRIO_PROCESS, gettid(), 10)} through the FFM API (per thread
 * under NPTL; threads started from it inherit it, e.g. the import's parser thread). A nice value cannot be raised
 * again without privileges, so call it only on a thread of its own that ends with the work, never on a pooled one.
 * Elsewhere, and when the call is refused, the thread keeps its priority and the work just runs.
 */
public final class BackgroundPriority {

    /** The nice value given: the FX thread (nice 0) then weighs ten times more with the scheduler. */
    public static final int NICE = 10;

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private BackgroundPriority() {
    }

    /** Lowers the calling thread's priority; returns whether the operating system took it. */
    public static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!LINUX) {
            return false;
        }
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            MethodHandle gettid = linker.downcallHandle(libc.find("gettid").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            MethodHandle setpriority = linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT));
            MethodHandle getpriority = linker.downcallHandle(libc.find("getpriority").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            int tid = (int) gettid.invokeExact();
            // PRIO_PROCESS (0) with a thread id: that thread only. A thread already at nice 10 or more (the JVM was
            // started under `nice`) keeps its value: setting 10 would make it more important, which root may do.
            if ((int) getpriority.invokeExact(0, tid) >= NICE) {
                return true;
            }
            int rc = (int) setpriority.invokeExact(0, tid, NICE);
            return rc == 0;
        } catch (Throwable e) {
            log.debug("Could not lower the priority of thread {}", Thread.currentThread().getName(), e);
            return false;
        }
    }
}
