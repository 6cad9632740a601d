package com.qundesk.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a batch of files, chat exports and WeCom statistics alike, for the Import view and the CLI: decides per file
 * which import applies, imports the files one after the other, reports progress with rows per second and an ETA,
 * and stops when cancelled. A file that fails is reported and the batch goes on with the next.
 */
public final class ImportBatchService {
    private static final long PROGRESS_EVERY_NANOS = 100_000_000L;

    private final Map<ImportKind, FileImport> imports = new EnumMap<>(ImportKind.class);

    public ImportBatchService(List<FileImport> imports) {
        imports.forEach(i -> this.imports.put(i.kind(), i));
    }

    /**
     * How far a batch is.
     *
     * @param done          bytes of the batch done (-1 while unknown)
     * @param rowsPerSecond rows read per second in the file so far
     * @param etaSeconds    the seconds the rest of the batch should take (-1 while unknown)
     */
    public record Progress(Path file, long done, long total, long rows, long rowsPerSecond, long etaSeconds) {
    }

    /** Hears what a batch does, on the importing thread. */
    public interface Listener {
        /** A file is about to be imported. */
        default void started(Path file) {
        }

        /** Called at most every tenth of a second while a file imports. */
        default void progress(Progress progress) {
        }

        default void finished(Path file, ImportOutcome outcome) {
        }

        /** The file could not be imported; the batch goes on (a listener that throws stops it). */
        default void failed(Path file, RuntimeException error) {
        }

        /** The batch was cancelled while this file was importing; nothing of the file was kept. */
        default void cancelled(Path file) {
        }
    }

    private ImportOutcome importOne(BatchFile f, BooleanSupplier cancelled, ImportProgress progress) {
        ImportKind kind = f.kind();
        if (kind == null) {
            try {
                kind = kindOf(f.file());
            } catch (IOException e) {
                throw new ImportFormatException(0, "import.error.read", e.getMessage());
            }
        }
        return imports.get(kind).importFile(f, cancelled, progress);
    }

    /** The kind of file {@code file} is, from its content. */
    public ImportKind kindOf(Path file) throws IOException {
        return ImportKind.of(Sniff.read(file));
    }

    /** The bytes of every file of a batch, as its progress counts them. */
    public static long totalBytes(List<BatchFile> files) {
        return files.stream().mapToLong(f -> f.file().toFile().length()).sum();
    }

    /**
     * Imports {@code files} in order, each by the import of its kind (or, when it names none, the one its content
     * calls for). Returns what the imported files did.
     */
    public List<ImportOutcome> run(List<BatchFile> files, BooleanSupplier cancelled, Listener listener) {
        long totalBytes = totalBytes(files);
        List<ImportOutcome> outcomes = new ArrayList<>();
        long doneBytes = 0;
        long start = System.nanoTime();
        long[] lastUpdate = {0};
        for (BatchFile f : files) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            Path path = f.file();
            long size = path.toFile().length();
            long before = doneBytes;
            listener.started(path);
            ImportOutcome outcome;
            try {
                outcome = importOne(f, cancelled, (bytes, total, rows) -> {
                    long now = System.nanoTime();
                    if (now - lastUpdate[0] < PROGRESS_EVERY_NANOS) {
                        return;
                    }
                    lastUpdate[0] = now;
                    double secs = (now - start) / 1e9;
                    long done = before + Math.max(0, Math.min(bytes, size));
                    long eta = bytes > 0 && done > 0
                            ? Math.max(0, Math.round(secs * (totalBytes - done) / done)) : -1;
                    listener.progress(new Progress(path, bytes > 0 ? done : -1, totalBytes, rows,
                            Math.round(rows / Math.max(secs, 0.001)), eta));
                });
            } catch (ImportCancelledException e) {
                listener.cancelled(path);
                break;
            } catch (RuntimeException e) {
                listener.failed(path, e);
                doneBytes += size;
                continue;
            }
            outcomes.add(outcome);
            listener.finished(path, outcome);
            doneBytes += size;
        }
        return outcomes;
    }
}
