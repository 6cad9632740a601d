package com.qundesk.imports;

/** What importing one file of a batch did: a chat import's {@link ImportResult} or a WeCom import's result. */
public interface ImportOutcome {

    /** True when everything the file held found its place (nothing refused, no chat left without a group). */
    boolean complete();
}
