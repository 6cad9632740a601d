package com.qundesk.workspace.copy;

/** The operator stopped a workspace copy: the target's transaction is rolled back, it keeps nothing of it. */
public final class CopyCancelledException extends RuntimeException {
    public CopyCancelledException() {
        super("workspace copy cancelled", null, false, false);
    }
}
