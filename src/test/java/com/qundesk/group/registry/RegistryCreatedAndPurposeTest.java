package com.qundesk.group.registry;

import com.qundesk.core.FieldError;
import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.Purpose;
import com.qundesk.core.ValidationException;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A registry imported today is judged by its real age and purpose: the creation time comes from the sheet (any of
 * the headers operators use, as a date, a date-time or an Excel date cell), and a sheet without purposes is not
 * silently made of event groups.
 */
@BothDatabases
class RegistryCreatedAndPurposeTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(TestWorkspace.ZONE).toInstant();
    }

    @Test
    void theCreationTimeIsReadUnderEveryHeaderOperatorsUse() throws Exception {
        TestWorkspace w = TestWorkspace.on(dialect, dir.resolve("w"));
        Map<String, String> sheets = Map.of(
                "created", "2024-03-05", "createdAt", "2024/3/5 09:30", "建群时间", "2024年3月5日",
                "创建时间", "2024-03-05 09:30:15", "建群日期", "2024.3.5");
        int i = 0;
        for (var e : sheets.entrySet()) {
            Path file = dir.resolve("s" + i + ".csv");
            Files.writeString(file, "name,purpose," + e.getKey() + "\n群" + i + ",service," + e.getValue() + "\n");
            RegistryImporter.Report r = w.ctx.registryImporter().importFile(file,
                    new RegistryImporter.Options(null, TestWorkspace.ZONE), false);
            assertThat(r.rejected()).as(e.getKey()).isEmpty();
            String name = "群" + i;
            Group g = w.ctx.groups().list().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            assertThat(g.createdAt().atZone(TestWorkspace.ZONE).toLocalDate()).as(e.getKey())
                    .isEqualTo(LocalDate.of(2024, 3, 5));
            i++;
        }
        Group withTime = w.ctx.groups().list().stream().filter(x -> x.createdAt().equals(local("2024-03-05T09:30:15")))
                .findFirst().orElseThrow();
        assertThat(withTime.purpose()).isEqualTo(Purpose.SERVICE);
    }

    @Test
    void anExcelDateCellAndABadDate() throws Exception {
        Path file = dir.resolve("dates.xlsx");
        try (OutputStream os = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(os, "Excel", "1.0");
            Worksheet ws = wb.newWorksheet("Sheet1");
            ws.value(0, 0, "群名称");
            ws.value(0, 1, "用途");
            ws.value(0, 2, "建群时间");
            ws.value(1, 0, "老群");
            ws.value(1, 1, "行业");
            ws.value(1, 2, LocalDateTime.of(2023, 6, 1, 20, 0));
            ws.style(1, 2).format("yyyy-mm-dd hh:mm").set();
            ws.value(2, 0, "坏日期群");
            ws.value(2, 1, "行业");
            ws.value(2, 2, "去年夏天");
            wb.finish();
        }
        TestWorkspace w = TestWorkspace.on(dialect, dir.resolve("w"));
        RegistryImporter.Report r = w.ctx.registryImporter().importFile(file,
                new RegistryImporter.Options(null, TestWorkspace.ZONE), false);
        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.rejected()).singleElement().satisfies(x -> assertThat(x.reasons())
                .extracting(FieldError::messageKey).containsExactly("registry.badCreated"));
        assertThat(w.ctx.groups().list()).singleElement().satisfies(g ->
                assertThat(g.createdAt()).isEqualTo(local("2023-06-01T20:00:00")));
    }

    @Test
    void aSheetWithoutPurposesNeedsTheOperatorsChoice() throws Exception {
        Path file = dir.resolve("nopurpose.csv");
        Files.writeString(file, "name,memberCount,created\n大群,480,2025-01-10\n小群,30,2025-02-01\n");
        TestWorkspace w = TestWorkspace.on(dialect, dir.resolve("w"));
        assertThatThrownBy(() -> w.ctx.registryImporter().importFile(file,
                new RegistryImporter.Options(null, TestWorkspace.ZONE), false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::messageKey).containsExactly("registry.noPurposeColumn"));
        assertThat(w.ctx.groups().list()).isEmpty();

        RegistryImporter.Report r = w.ctx.registryImporter().importFile(file,
                new RegistryImporter.Options(Purpose.SHOPPING, TestWorkspace.ZONE), false);
        assertThat(r.imported()).isEqualTo(2);
        assertThat(w.ctx.groups().list()).extracting(Group::purpose).containsOnly(Purpose.SHOPPING);
    }

    @Test
    void aBlankPurposeCellIsNotAnEventGroup() throws Exception {
        Path file = dir.resolve("blank.csv");
        Files.writeString(file, "name,purpose\n甲,vip\n乙,\n");
        TestWorkspace w = TestWorkspace.on(dialect, dir.resolve("w"));
        RegistryImporter.Report r = w.ctx.registryImporter().importFile(file,
                new RegistryImporter.Options(null, TestWorkspace.ZONE), false);
        assertThat(r.rejected()).singleElement().satisfies(x -> assertThat(x.reasons())
                .extracting(FieldError::messageKey).containsExactly("registry.purposeBlank"));
        TestWorkspace w2 = TestWorkspace.on(dialect, dir.resolve("w2"));
        w2.ctx.registryImporter().importFile(file, new RegistryImporter.Options(Purpose.HABIT, TestWorkspace.ZONE),
                false);
        assertThat(w2.ctx.groups().list().stream().collect(Collectors.toMap(Group::name, Group::purpose)))
                .isEqualTo(Map.of("甲", Purpose.VIP, "乙", Purpose.HABIT));
    }

    @Test
    void theChoicesNameEveryPurposeInEnglishAndChinese() {
        String choices = RegistryImporter.purposeChoices();
        for (Purpose p : Purpose.values()) {
            assertThat(choices).contains(p.token());
        }
        assertThat(choices).contains("shopping 好物/购物").contains("service 客户服务");
    }
}
