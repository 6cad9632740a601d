package com.qundesk.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class of the test class path in a second JVM, as a second QunDesk would run. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** {@code java -cp <test class path> -Dqundesk.home=HOME mainClass args…}, stderr kept apart. */
    public static ProcessBuilder builder(Path home, String mainClass, String... args) {
        return builder(home, List.of(), mainClass, args);
    }

    /** As {@link #builder(Path, String, String...)} with extra JVM options ({@code -Dkey=value}). */
    public static ProcessBuilder builder(Path home, List<String> jvmOptions, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmOptions);
        cmd.add("-Dqundesk.home=" + home);
        cmd.add("-Dqundesk.logdir=" + home.resolve("logs"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    public record Result(int code, String out, String err) {
    }

    /** Runs to the end (at most 60 s) and returns the exit code and both streams. */
    public static Result run(Path home, String mainClass, String... args) throws IOException, InterruptedException {
        return run(home, List.of(), mainClass, args);
    }

    public static Result run(Path home, List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        Process p = builder(home, jvmOptions, mainClass, args).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        var out = p.getInputStream();
        var err = p.getErrorStream();
        var errText = new StringBuilder();
        Thread errReader = Thread.ofVirtual().start(() -> {
            try {
                errText.append(new String(err.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process went away
            }
        });
        String outText = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish: " + mainClass);
        }
        errReader.join();
        return new Result(p.exitValue(), outText, errText.toString());
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").toLowerCase().contains("win") ? "NUL" : "/dev/null");
    }
}
