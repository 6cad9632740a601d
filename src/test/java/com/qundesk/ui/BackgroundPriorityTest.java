package com.qundesk.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundPriorityTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void aLoweredThreadAndTheThreadsItStartsRunAtNiceTenWhileOthersKeepTheirs() throws Exception {
        Integer mine = niceOfCurrentThread();
        assertThat(mine).as("the nice value of a Linux thread is readable").isNotNull();
        AtomicReference<Object[]> seen = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            boolean lowered = BackgroundPriority.lowerCurrentThread();
            Integer after = niceOfCurrentThread();
            AtomicReference<Integer> child = new AtomicReference<>();
            Thread c = Thread.ofPlatform().start(() -> child.set(niceOfCurrentThread()));
            try {
                c.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.set(new Object[] {lowered, after, child.get()});
        });
        t.join();
        Object[] r = seen.get();
        if (mine <= BackgroundPriority.NICE) {
            assertThat(r[0]).as("lowering one's own priority needs no privilege").isEqualTo(true);
            assertThat(r[1]).isEqualTo(BackgroundPriority.NICE);
            assertThat(r[2]).as("a thread started by it, like the import's parser").isEqualTo(BackgroundPriority.NICE);
        }
        assertThat(niceOfCurrentThread()).as("the calling thread is untouched").isEqualTo(mine);
    }

    /** The calling thread's nice value as Linux reports it (field 19 of /proc/thread-self/stat). */
    private static Integer niceOfCurrentThread() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
