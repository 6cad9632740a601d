package com.qundesk.imports;

/** The operator cancelled an import: the file's transaction is rolled back, nothing of it is kept. */
public final class ImportCancelledException extends RuntimeException {
    public ImportCancelledException() {
        super("import cancelled", null, false, false);
    }
}
