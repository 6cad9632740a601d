package com.qundesk.i18n;

import com.qundesk.campaign.CampaignStatus;
import com.qundesk.campaign.CampaignType;
import com.qundesk.flash.ChecklistItem;
import com.qundesk.flash.FlashState;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.AdPolicy;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.group.registry.RegistryColumn;
import com.qundesk.shell.Section;
import com.qundesk.template.TemplateKind;
import com.qundesk.value.HealthRule;
import com.qundesk.value.OutcomeType;
import com.qundesk.value.Recommendation;
import com.qundesk.value.ValueDimension;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every visible string exists in Chinese and English, and everything that names a key finds it. */
class BundleCompletenessTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream("/com/qundesk/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        assertThat(onlyEn).as("keys missing from messages_zh_CN.properties").isEmpty();
        assertThat(onlyZh).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void chineseBundleIsActuallyChinese() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        long withHan = zh.stringPropertyNames().stream().map(zh::getProperty)
                .filter(v -> v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .count();
        assertThat(withHan).isGreaterThan(zh.size() * 8L / 10);
    }

    /**
     * Every pattern with arguments parses, uses the same arguments in both languages, and shows each of them:
     * a single apostrophe quotes what follows in MessageFormat, so "don''t" must be written with two.
     */
    @Test
    void patternsWithArgumentsParseAndShowTheSameArgumentsInBothLanguages() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        Pattern arg = Pattern.compile("\\{(\\d+)[},]");
        List<String> wrong = new ArrayList<>();
        for (String k : new TreeSet<>(en.stringPropertyNames())) {
            Set<String> enArgs = new TreeSet<>();
            for (Properties p : List.of(en, zh)) {
                String v = p.getProperty(k);
                if (v == null || !arg.matcher(v).find()) {
                    continue;
                }
                Set<String> args = new TreeSet<>();
                arg.matcher(v).results().forEach(r -> args.add(r.group(1)));
                if (p == en) {
                    enArgs.addAll(args);
                } else if (!args.equals(enArgs)) {
                    wrong.add(k + ": arguments " + enArgs + " in English, " + args + " in Chinese");
                }
                try {
                    MessageFormat format = new MessageFormat(v);
                    java.text.Format[] byArg = format.getFormatsByArgumentIndex();
                    Object[] values = new Object[byArg.length];
                    for (int i = 0; i < values.length; i++) {
                        // an id pattern ({0,number,#}) takes a number and shows it without separators
                        values[i] = byArg[i] instanceof java.text.NumberFormat ? (Object) 987654321L : "ARG";
                    }
                    String shown = format.format(values);
                    long expected = arg.matcher(v).results().count();
                    if (countOf(shown, "ARG") + countOf(shown, "987654321") < expected
                            || v.replace("''", "").contains("'")) {
                        wrong.add(k + ": an apostrophe hides part of \u201C" + v + "\u201D (write '' for one)");
                    }
                } catch (IllegalArgumentException e) {
                    wrong.add(k + ": " + e.getMessage() + " in \u201C" + v + "\u201D");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static long countOf(String s, String part) {
        return s.isEmpty() ? 0 : (s.length() - s.replace(part, "").length()) / part.length();
    }

    @Test
    void everyFxmlKeyResolves() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        Pattern p = Pattern.compile("\"%([\\w.\\-]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".fxml")).toList()) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyLiteralKeyInTheCodeResolves() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern call = Pattern.compile("(?:get|has|warn|FieldError\\.of\\(\"[\\w.]+\",|MessageRef\\.of"
                + "|(?:reject|ImportFormatException)\\([^,\"()]+,)\\(?\\s*\"([a-z][\\w]*\\.[\\w.\\-]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    String k = m.group(1);
                    if (k.endsWith(".") || k.startsWith("java.") || k.startsWith("com.")) {
                        continue;
                    }
                    if (!keys.contains(k)) {
                        missing.add(f.getFileName() + ": " + k);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumLabelResolves() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        List<String> needed = new ArrayList<>();
        Stream.of(Platform.values()).map(Platform::messageKey).forEach(needed::add);
        Stream.of(Purpose.values()).map(Purpose::messageKey).forEach(needed::add);
        Stream.of(GroupKind.values()).map(GroupKind::messageKey).forEach(needed::add);
        Stream.of(GroupStatus.values()).map(GroupStatus::messageKey).forEach(needed::add);
        Stream.of(AdPolicy.Type.values()).map(AdPolicy.Type::messageKey).forEach(needed::add);
        Stream.of(CampaignType.values()).map(CampaignType::messageKey).forEach(needed::add);
        Stream.of(CampaignStatus.values()).map(CampaignStatus::messageKey).forEach(needed::add);
        Stream.of(FlashState.values()).map(FlashState::messageKey).forEach(needed::add);
        Stream.of(ChecklistItem.values()).map(ChecklistItem::messageKey).forEach(needed::add);
        Stream.of(LifetimePreset.values()).map(LifetimePreset::messageKey).forEach(needed::add);
        Stream.of(TemplateKind.values()).map(TemplateKind::messageKey).forEach(needed::add);
        Stream.of(ValueDimension.values()).map(ValueDimension::messageKey).forEach(needed::add);
        Stream.of(OutcomeType.values()).map(OutcomeType::messageKey).forEach(needed::add);
        Stream.of(Recommendation.values()).map(Recommendation::messageKey).forEach(needed::add);
        Stream.of(HealthRule.values()).map(HealthRule::messageKey).forEach(needed::add);
        Stream.of(RegistryColumn.values()).map(RegistryColumn::messageKey).forEach(needed::add);
        Stream.of(Section.values()).map(Section::titleKey).forEach(needed::add);
        assertThat(needed).allSatisfy(k -> assertThat(keys).as(k).contains(k));
    }
}
