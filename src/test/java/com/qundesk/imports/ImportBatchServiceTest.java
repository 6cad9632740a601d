package com.qundesk.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class ImportBatchServiceTest {
    private static final ImportOptions OPTIONS = new ImportOptions(ZoneOffset.UTC, null, null, false, Map.of());

    @TempDir
    Path dir;

    /** An import that records the files it was handed and answers with a complete outcome. */
    private static final class Recording implements FileImport {
        final ImportKind kind;
        final List<String> files = new ArrayList<>();
        RuntimeException failWith;

        Recording(ImportKind kind) {
            this.kind = kind;
        }

        @Override
        public ImportKind kind() {
            return kind;
        }

        @Override
        public ImportOutcome importFile(BatchFile file, BooleanSupplier cancelled, ImportProgress progress) {
            files.add(file.file().getFileName().toString());
            progress.update(10, 10, 5);
            if (failWith != null && file.file().getFileName().toString().startsWith("bad")) {
                throw failWith;
            }
            return () -> true;
        }
    }

    /** Records what the batch reports, in order. */
    private static final class Heard implements ImportBatchService.Listener {
        final List<String> events = new ArrayList<>();
        final List<ImportBatchService.Progress> progress = new ArrayList<>();

        @Override
        public void started(Path file) {
            events.add("started " + file.getFileName());
        }

        @Override
        public void progress(ImportBatchService.Progress p) {
            progress.add(p);
        }

        @Override
        public void finished(Path file, ImportOutcome outcome) {
            events.add("finished " + file.getFileName());
        }

        @Override
        public void failed(Path file, RuntimeException error) {
            events.add("failed " + file.getFileName());
        }

        @Override
        public void cancelled(Path file) {
            events.add("cancelled " + file.getFileName());
        }
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void eachFileGoesToTheImportOfItsKindAndFileKindsAreToldByContent() throws IOException {
        Recording chat = new Recording(ImportKind.CHAT);
        Recording wecom = new Recording(ImportKind.WECOM);
        ImportBatchService batch = new ImportBatchService(List.of(chat, wecom));
        Path csv = file("chat.csv", "localId,TalkerId,Type,SubType\n");
        Path json = file("stats.json", "{\"errcode\":0,\"errmsg\":\"ok\",\"group_chat_list\":[]}");

        assertThat(batch.kindOf(csv)).isEqualTo(ImportKind.CHAT);
        assertThat(batch.kindOf(json)).isEqualTo(ImportKind.WECOM);
        Heard heard = new Heard();
        List<ImportOutcome> outcomes = batch.run(List.of(new BatchFile(csv, null, OPTIONS, null, null),
                new BatchFile(json, null, OPTIONS, null, null), new BatchFile(json, ImportKind.CHAT, OPTIONS, null,
                        null)), () -> false, heard);

        assertThat(outcomes).hasSize(3);
        assertThat(chat.files).containsExactly("chat.csv", "stats.json");
        assertThat(wecom.files).containsExactly("stats.json");
        assertThat(heard.events).containsExactly("started chat.csv", "finished chat.csv", "started stats.json",
                "finished stats.json", "started stats.json", "finished stats.json");
        // the first report of a file is never held back; done counts the bytes of the batch so far
        assertThat(heard.progress.getFirst().done()).isEqualTo(10);
        assertThat(heard.progress.getFirst().total()).isEqualTo(Files.size(csv) + 2 * Files.size(json));
    }

    @Test
    void aFailedFileIsReportedAndTheBatchGoesOnWhileCancellingStopsIt() throws IOException {
        Recording chat = new Recording(ImportKind.CHAT);
        chat.failWith = new ImportFormatException(3, "import.error.unknownFormat");
        ImportBatchService batch = new ImportBatchService(List.of(chat));
        Path bad = file("bad.csv", "x");
        Path good = file("good.csv", "y");
        Heard heard = new Heard();

        batch.run(List.of(new BatchFile(bad, ImportKind.CHAT, OPTIONS, null, null),
                new BatchFile(good, ImportKind.CHAT, OPTIONS, null, null)), () -> false, heard);
        assertThat(heard.events).containsExactly("started bad.csv", "failed bad.csv", "started good.csv",
                "finished good.csv");

        chat.failWith = new ImportCancelledException();
        Heard cancelled = new Heard();
        batch.run(List.of(new BatchFile(bad, ImportKind.CHAT, OPTIONS, null, null),
                new BatchFile(good, ImportKind.CHAT, OPTIONS, null, null)), () -> false, cancelled);
        assertThat(cancelled.events).containsExactly("started bad.csv", "cancelled bad.csv");

        AtomicBoolean stop = new AtomicBoolean(true);
        Heard never = new Heard();
        assertThat(batch.run(List.of(new BatchFile(good, ImportKind.CHAT, OPTIONS, null, null)), stop::get, never))
                .isEmpty();
        assertThat(never.events).isEmpty();
    }
}
