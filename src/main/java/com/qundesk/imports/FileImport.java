package com.qundesk.imports;

import java.util.function.BooleanSupplier;

/** One of the imports a batch hands its files to: the chat import or the WeCom import, each for its kind of file. */
public interface FileImport {

    /** The kind of file this import reads. */
    ImportKind kind();

    /**
     * Imports one file; {@code cancelled} is asked between rows by imports that can stop inside a file, which then
     * throw {@link ImportCancelledException}.
     */
    ImportOutcome importFile(BatchFile file, BooleanSupplier cancelled, ImportProgress progress);
}
