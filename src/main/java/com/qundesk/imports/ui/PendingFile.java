package com.qundesk.imports.ui;

import com.qundesk.imports.ImportPreview;
import com.qundesk.imports.ImportResult;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;

/** A file in the import queue (UI-side model): its preview, the operator's group choices and what happened. */
public final class PendingFile {

    /** Where a file is in the queue. */
    public enum State { READING, READY, FAILED, IMPORTING, DONE, PARTIAL, CANCELLED }

    private final Path path;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.READING);
    private final StringProperty format = new SimpleStringProperty("");
    private final StringProperty charset = new SimpleStringProperty("");
    private final StringProperty groups = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<ChatChoice> chats = FXCollections.observableArrayList();
    private ImportPreview preview;
    private ImportResult result;
    private com.qundesk.imports.wecom.WecomImportService.Summary wecom;
    private com.qundesk.imports.wecom.WecomImportService.Result wecomResult;

    public PendingFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public StringProperty formatProperty() {
        return format;
    }

    public StringProperty charsetProperty() {
        return charset;
    }

    public StringProperty groupsProperty() {
        return groups;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<ChatChoice> chats() {
        return chats;
    }

    public ImportPreview preview() {
        return preview;
    }

    /** The one-to-one chats of the previewed file: they are never imported. */
    public long oneToOneChats() {
        return preview == null ? 0 : preview.chats().stream().filter(ImportPreview.Chat::oneToOne).count();
    }

    /** True when the file holds one-to-one chats only: importing it would store nothing. */
    public boolean onlyOneToOne() {
        return preview != null && !preview.chats().isEmpty()
                && preview.chats().stream().allMatch(ImportPreview.Chat::oneToOne);
    }

    /** The previewed rows that an import would store (none of a one-to-one chat). */
    public java.util.List<ImportPreview.Row> importableRows() {
        if (preview == null) {
            return java.util.List.of();
        }
        java.util.Set<String> direct = new java.util.HashSet<>();
        preview.chats().stream().filter(ImportPreview.Chat::oneToOne).forEach(c -> direct.add(c.chatKey()));
        return preview.rows().stream().filter(r -> !direct.contains(r.chatKey())).toList();
    }

    public void setPreview(ImportPreview preview) {
        this.preview = preview;
    }

    public ImportResult result() {
        return result;
    }

    public void setResult(ImportResult result) {
        this.result = result;
    }

    /** The summary of a saved WeCom file (null for a chat export). */
    public com.qundesk.imports.wecom.WecomImportService.Summary wecom() {
        return wecom;
    }

    public void setWecom(com.qundesk.imports.wecom.WecomImportService.Summary summary) {
        this.wecom = summary;
    }

    public com.qundesk.imports.wecom.WecomImportService.Result wecomResult() {
        return wecomResult;
    }

    public void setWecomResult(com.qundesk.imports.wecom.WecomImportService.Result r) {
        this.wecomResult = r;
    }

    /** True while it can still be imported. */
    public boolean importable() {
        return state.get() == State.READY || state.get() == State.CANCELLED || state.get() == State.PARTIAL;
    }
}
