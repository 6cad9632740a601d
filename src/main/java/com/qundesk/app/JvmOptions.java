package com.qundesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options QunDesk runs with ({@code jvm.options} beside this class): the packaged app's launcher gets them
 * from packaging/package.sh, {@code ./mvnw javafx:run} from pom.xml, and the bench (qundesk-bench.jar) passes them to the
 * app it starts, so the figures it measures are those of the app as installed.
 */
public final class JvmOptions {

    private JvmOptions() {
    }

    /** The options, in order, without comments and blank lines. */
    public static List<String> forTheApp() {
        try (InputStream in = JvmOptions.class.getResourceAsStream("jvm.options")) {
            if (in == null) {
                throw new IllegalStateException("jvm.options is missing from the jar");
            }
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        out.add(t);
                    }
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
