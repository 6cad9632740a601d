package com.qundesk.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The app runs with the same JVM options however it is started (packaged, javafx:run, the bench). */
class JvmOptionsTest {

    @Test
    void theOptionsFileIsReadAndPomAndPackagingUseTheSame() throws Exception {
        List<String> options = JvmOptions.forTheApp();
        assertThat(options).contains("-XX:+UseSerialGC").noneMatch(o -> o.startsWith("#") || o.isBlank());

        String pom = Files.readString(Path.of("pom.xml"));
        int plugin = pom.indexOf("<artifactId>javafx-maven-plugin</artifactId>");
        assertThat(plugin).as("pom.xml configures javafx:run").isPositive();
        Matcher m = Pattern.compile("<option>([^<]+)</option>").matcher(pom.substring(plugin));
        List<String> pomOptions = m.results().map(r -> r.group(1)).filter(o -> !o.startsWith("--enable-native-access"))
                .toList();
        assertThat(pomOptions).as("pom.xml's javafx:run options = jvm.options").isEqualTo(options);

        assertThat(Files.readString(Path.of("packaging/package.sh")))
                .as("package.sh gives the launcher the options of the file")
                .contains("src/main/resources/com/qundesk/app/jvm.options");
    }

    @Test
    void theLauncherScriptsGiveTheWindowEveryOptionOfTheFile() throws Exception {
        // bin/qundesk and bin/qundesk.cmd repeat the options for `java -jar` (they cannot read the jar's file)
        String sh = Files.readString(Path.of("bin/qundesk"));
        String cmd = Files.readString(Path.of("bin/qundesk.cmd"));
        for (String option : JvmOptions.forTheApp()) {
            assertThat(sh).as("bin/qundesk gives the window " + option).contains(option);
            if (!option.startsWith("-XX:TrimNativeHeapInterval")) { // glibc only: the JVM warns about it elsewhere
                assertThat(cmd).as("bin/qundesk.cmd gives the window " + option).contains(option);
            }
        }
    }
}
