package com.qundesk.imports.ui;

import com.qundesk.group.Group;
import com.qundesk.imports.ImportPreview;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One chat of a previewed file and the group the operator wants it in (null: don't import it). */
public final class ChatChoice {
    private final ImportPreview.Chat chat;
    private final ObjectProperty<Group> group = new SimpleObjectProperty<>();

    public ChatChoice(ImportPreview.Chat chat, Group proposed) {
        this.chat = chat;
        this.group.set(proposed);
    }

    public ImportPreview.Chat chat() {
        return chat;
    }

    public ObjectProperty<Group> groupProperty() {
        return group;
    }

    public String label() {
        if (chat.chatName() != null && !chat.chatName().isBlank()) {
            return chat.chatName();
        }
        return chat.chatId() != null ? chat.chatId() : "—";
    }
}
