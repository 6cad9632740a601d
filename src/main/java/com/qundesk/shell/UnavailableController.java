package com.qundesk.shell;

import com.qundesk.i18n.Messages;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A section whose feature is not in this build yet. It says so plainly and what the section will do,
 * instead of showing controls that do nothing.
 */
public final class UnavailableController {

    private final Messages messages;

    @FXML private FontIcon icon;
    @FXML private Label title;
    @FXML private Label body;

    public UnavailableController(Messages messages) {
        this.messages = messages;
    }

    public void describe(Section section) {
        icon.setIconLiteral(section.icon());
        title.setText(messages.get(section.titleKey()));
        body.setText(messages.get("unavailable.body", messages.get("unavailable." + section.token())));
    }
}
