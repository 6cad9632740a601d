package com.qundesk.bench;

import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cli-import figure's export: 20 WeChatMsg folders, the same bytes for the same seed, imported whole. */
class CliImportFigureTest {

    @TempDir
    Path dir;

    @Test
    void theExportIsTwentyWeChatMsgFoldersTheSameForTheSameSeedAndImportsWhole() throws IOException {
        List<Path> a = CliImportFigure.generate(dir.resolve("a/wechatmsg"), 2_001, 6);
        List<Path> b = CliImportFigure.generate(dir.resolve("b/wechatmsg"), 2_001, 6);
        assertThat(a).hasSize(CliImportFigure.GROUPS);
        for (int i = 0; i < a.size(); i++) {
            assertThat(Files.readAllBytes(a.get(i))).isEqualTo(Files.readAllBytes(b.get(i)));
            // WeChatMsg's layout: NAME(ID@chatroom)/NAME.csv
            assertThat(a.get(i).getParent().getFileName().toString()).endsWith("@chatroom)")
                    .startsWith(a.get(i).getFileName().toString().replace(".csv", "("));
        }
        // a second call finds the files generated and leaves them as they are
        assertThat(CliImportFigure.generate(dir.resolve("a/wechatmsg"), 2_001, 6)).isEqualTo(a);

        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run("init", "--workspace", cli.ws).code()).isZero();
        CliRunner.Result r = cli.run("import", "chat", dir.resolve("a/wechatmsg").toString(), "--create-groups",
                "--workspace", cli.ws);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains("(wechatmsg)")).count()).isEqualTo(CliImportFigure.GROUPS);
        long imported = r.out().lines().filter(l -> l.contains("(wechatmsg)"))
                .mapToLong(l -> Long.parseLong(l.replaceAll(".*\\(wechatmsg\\): ([0-9,]+) new.*", "$1")
                        .replace(",", "")))
                .sum();
        long rows = 0;
        for (Path f : a) {
            try (var csv = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(f)) {
                rows += csv.stream().count() - 1; // the header
            }
        }
        assertThat(rows).isGreaterThanOrEqualTo(2_001);
        assertThat(imported).as("every row of the 20 files stored").isEqualTo(rows);
    }

    @Test
    void theSameChatsAsAPyWxDumpFolderImportWholeByTheCommandLine() throws IOException {
        List<List<Path>> groups = CliImportFigure.generatePyWxDump(dir.resolve("a/pywxdump"), 12_001, 6);
        assertThat(groups).hasSize(CliImportFigure.GROUPS);
        long rows = 0;
        for (List<Path> pages : groups) {
            assertThat(pages).isNotEmpty();
            // PyWxDump 3.x: <owner>/csv/<chat_id>/<chat_id>_<first>_<end>.csv beside the room's users.json
            assertThat(pages.getFirst().resolveSibling("users.json")).exists();
            assertThat(pages.getFirst().getFileName().toString()).endsWith("_0_5000.csv");
            for (Path page : pages) {
                try (var csv = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(page)) {
                    rows += csv.stream().count() - 1; // the header
                }
            }
        }
        assertThat(rows).isEqualTo(12_001);
        // generated once: a second call finds the same pages
        assertThat(CliImportFigure.generatePyWxDump(dir.resolve("a/pywxdump"), 12_001, 6)).isEqualTo(groups);

        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run("init", "--workspace", cli.ws).code()).isZero();
        CliRunner.Result r = cli.run("import", "chat", dir.resolve("a/pywxdump").toString(), "--create-groups",
                "--workspace", cli.ws);
        assertThat(r.code()).as(r.err()).isZero();
        long imported = r.out().lines().filter(l -> l.contains("(pywxdump)"))
                .mapToLong(l -> Long.parseLong(l.replaceAll(".*\\(pywxdump\\): ([0-9,]+) new.*", "$1")
                        .replace(",", "")))
                .sum();
        assertThat(imported).as("every row of the pages stored").isEqualTo(rows);
    }
}
