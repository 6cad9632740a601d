package com.qundesk.group.registry;

import com.qundesk.core.FieldError;
import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.io.Table;
import com.qundesk.io.TableReader;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@BothDatabases
class RegistryImportExportTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    /** For sheets whose purpose does not matter to the test (they have no purpose column). */
    private static final RegistryImporter.Options ANY_PURPOSE = new RegistryImporter.Options(Purpose.EVENT,
            TestWorkspace.ZONE);

    @TempDir
    Path dir;

    @Test
    void csvAndXlsxRoundTripsIntoAFreshWorkspace() {
        TestWorkspace source = TestWorkspace.demo(dialect, dir.resolve("a"));
        for (String ext : List.of("csv", "xlsx")) {
            Path file = dir.resolve("groups." + ext);
            int n = source.ctx.registryExporter().export(file, true);
            TestWorkspace target = TestWorkspace.on(dialect, dir.resolve("b-" + ext));
            RegistryImporter.Report r = target.ctx.registryImporter().importFile(file, false);
            assertThat(r.rejected()).isEmpty();
            assertThat(r.imported()).isEqualTo(n);
            List<String> before = describe(source.ctx.groups().list());
            List<String> after = describe(target.ctx.groups().list());
            assertThat(after).containsExactlyElementsOf(before);
        }
    }

    private static List<String> describe(List<Group> groups) {
        return groups.stream().sorted(Comparator.comparing(Group::name)).map(g -> String.join("|", g.name(),
                g.platform().token(), String.valueOf(g.externalId()), g.purpose().token(), g.kind().token(),
                String.valueOf(g.owner()), String.join(",", g.admins()), Integer.toString(g.memberCount()),
                Integer.toString(g.capacity()), String.join(",", g.tags().stream().sorted().toList()),
                g.status().token(), String.valueOf(g.createdAt()))).toList();
    }

    @Test
    void chineseHeadersSynonymsAndGbkAreReadAndOtherColumnsReportedAsIgnored() throws Exception {
        String csv = "群名称,平台,群ID,用途,种类,群主,群人数,人数上限,标签,颜色\n"
                + "读书会,微信,111@chatroom,粉丝,长期群,林一,120,500,粉丝、读书,红\n"
                + "企微客服群,企业微信,wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA,客户服务,快闪群,小李,150,,售后,蓝\n";
        Path file = dir.resolve("gbk.csv");
        Files.write(file, csv.getBytes(Charset.forName("GBK")));
        TestWorkspace w = TestWorkspace.on(dialect, dir.resolve("w"));
        RegistryImporter.Preview p = w.ctx.registryImporter().preview(file);
        assertThat(p.table().encoding()).isEqualTo("GBK/GB18030");
        assertThat(p.ignoredHeaders()).containsExactly("颜色");
        RegistryImporter.Report r = w.ctx.registryImporter().run(p.table(), p.mapping(), ANY_PURPOSE, false);
        assertThat(r.imported()).isEqualTo(2);
        Group reader = w.ctx.groups().list().stream().filter(g -> g.name().equals("读书会")).findFirst().orElseThrow();
        assertThat(reader.purpose()).isEqualTo(Purpose.FAN);
        assertThat(reader.tags()).containsExactlyInAnyOrder("粉丝", "读书");
        Group service = w.ctx.groups().list().stream().filter(g -> g.name().equals("企微客服群")).findFirst()
                .orElseThrow();
        assertThat(service.platform()).isEqualTo(Platform.WECOM);
        assertThat(service.capacity()).isEqualTo(200);
        assertThat(service.kind()).isEqualTo(GroupKind.FLASH);
    }

    @Test
    void badRowsAreRejectedWithTheirRowNumbersWhileGoodRowsImport() throws Exception {
        String csv = "name,platform,externalId,memberCount,capacity,status\n"
                + "good,wechat,1@chatroom,10,500,active\n"
                + "bad id,wechat,12345,10,500,active\n"
                + "\"multi\nline name\",wechat,2@chatroom,600,500,active\n"
                + "dup,wechat,1@chatroom,1,500,active\n"
                + "odd platform,qq,,1,,\n"
                + "bad status,wechat,,1,,gone\n";
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        TestWorkspace w = TestWorkspace.on(dialect, dir.resolve("w"));
        RegistryImporter.Report r = w.ctx.registryImporter().importFile(file, ANY_PURPOSE, false);
        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.rejected()).extracting(RegistryImporter.Rejected::row).containsExactly(3, 4, 6, 7, 8);
        assertThat(r.rejected().get(0).reasons()).extracting(FieldError::messageKey)
                .containsExactly("validation.externalId.wechat");
        assertThat(r.rejected().get(1).reasons()).extracting(FieldError::messageKey)
                .contains("validation.members.aboveCapacity");
        assertThat(r.rejected().get(2).reasons()).extracting(FieldError::messageKey)
                .containsExactly("registry.duplicateInFile");
        assertThat(r.rejected().get(3).reasons()).extracting(FieldError::messageKey)
                .containsExactly("registry.badPlatform");
        assertThat(w.ctx.groups().list()).extracting(Group::name).containsExactly("good");
    }

    @Test
    void aDryRunStoresNothing() throws Exception {
        Path file = dir.resolve("ok.csv");
        Files.writeString(file, "name\nA\nB\n");
        TestWorkspace w = TestWorkspace.on(dialect, dir.resolve("w"));
        RegistryImporter.Report r = w.ctx.registryImporter().importFile(file, ANY_PURPOSE, true);
        assertThat(r.imported()).isEqualTo(2);
        assertThat(w.ctx.groups().list()).isEmpty();
    }

    @Test
    void exportedCellsThatLookLikeFormulasAreNeutralisedInCsvAndXlsx() throws Exception {
        TestWorkspace w = TestWorkspace.on(dialect, dir.resolve("w"));
        for (String evil : List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)")) {
            w.ctx.groups().create(Group.draft(Platform.WECHAT, evil, Purpose.EVENT, GroupKind.LONG_TERM)
                    .toBuilder().notes("=cmd|' /C calc'!A0").build());
        }
        for (String ext : List.of("csv", "xlsx")) {
            Path file = dir.resolve("out." + ext);
            w.ctx.registryExporter().export(file, true);
            Table t = TableReader.read(file);
            for (Table.Row row : t.rows()) {
                String name = row.cell(0);
                assertThat(name).startsWith("'");
                assertThat(row.cell(11)).isEqualTo("'=cmd|' /C calc'!A0");
            }
        }
        assertThat(Files.readAllBytes(dir.resolve("out.csv"))).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void dissolvedGroupsNeedAReason() throws Exception {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "name,status,dissolutionReason\nA,dissolved,\nB,已解散,活动结束\n");
        TestWorkspace w = TestWorkspace.on(dialect, dir.resolve("w"));
        RegistryImporter.Report r = w.ctx.registryImporter().importFile(file, ANY_PURPOSE, false);
        assertThat(r.rejected()).extracting(RegistryImporter.Rejected::row).containsExactly(2);
        assertThat(w.ctx.groups().list()).singleElement().satisfies(g -> {
            assertThat(g.status()).isEqualTo(GroupStatus.DISSOLVED);
            assertThat(g.dissolutionReason()).isEqualTo("活动结束");
        });
    }
}
