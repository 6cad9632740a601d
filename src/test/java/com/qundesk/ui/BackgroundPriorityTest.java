package com.qundesk.ui;

import com.qundesk.testsupport.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A lowered thread and the threads it starts run at nice 10 while the others keep theirs; a JVM that already runs
 * at nice 10 or more (started under {@code nice}) is never made more important. Both cases are checked on every
 * run: the second in a child JVM started at nice 15, whatever the nice value of the JVM running the tests.
 */
class BackgroundPriorityTest {

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(OS.LINUX)
    void aLoweredThreadAndTheThreadsItStartsRunAtNiceTenWhileOthersKeepTheirs() throws Exception {
        int[] r = measure();
        int mine = r[0];
        // reported as skipped, not passed, when the tests themselves run under `nice` (the other test covers that)
        assumeTrue(mine < BackgroundPriority.NICE, "this JVM runs at nice " + mine + ": cannot observe lowering to "
                + BackgroundPriority.NICE);
        assertThat(r[1]).as("lowering one's own priority needs no privilege").isEqualTo(1);
        assertThat(r[2]).isEqualTo(BackgroundPriority.NICE);
        assertThat(r[3]).as("a thread started by it, like the import's parser").isEqualTo(BackgroundPriority.NICE);
        assertThat(r[4]).as("the calling thread is untouched").isEqualTo(mine);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aThreadAlreadyNicerThanTenKeepsItsNiceValue() throws Exception {
        ProcessBuilder pb = ChildJvm.builder(dir, BackgroundPriorityTest.class.getName());
        List<String> cmd = new ArrayList<>(List.of("nice", "-n", "15"));
        cmd.addAll(pb.command());
        Process p = pb.command(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).as(out).isZero();
        String[] f = out.substring(out.lastIndexOf('\n') + 1).split(" ");
        assertThat(f[0]).as("the child JVM runs at nice 15").isEqualTo("15");
        assertThat(f[2]).as("the lowered thread is not made more important").isEqualTo("15");
        assertThat(f[3]).as("nor the thread it starts").isEqualTo("15");
        assertThat(f[4]).isEqualTo("15");
    }

    /** Run in a child JVM: prints the five numbers {@link #measure()} returns. */
    public static void main(String[] args) throws Exception {
        int[] r = measure();
        System.out.println(r[0] + " " + r[1] + " " + r[2] + " " + r[3] + " " + r[4]);
    }

    /** {nice before, lowered (1/0), nice of the lowered thread, of a thread it starts, of the caller after}. */
    private static int[] measure() throws InterruptedException {
        Integer mine = niceOfCurrentThread();
        assertThat(mine).as("the nice value of a Linux thread is readable").isNotNull();
        AtomicReference<int[]> seen = new AtomicReference<>();
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
            seen.set(new int[] {mine, lowered ? 1 : 0, after, child.get(), 0});
        });
        t.join();
        int[] r = seen.get();
        r[4] = niceOfCurrentThread();
        return r;
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
