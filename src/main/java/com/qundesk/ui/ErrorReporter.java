package com.qundesk.ui;

import com.qundesk.core.ValidationException;
import com.qundesk.i18n.Localizable;
import com.qundesk.i18n.Messages;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The one failure handler of the UI: the log gets the stack trace, the operator a sentence they can act on. */
public final class ErrorReporter {
    private static final Logger log = LoggerFactory.getLogger(ErrorReporter.class);

    private final Messages messages;
    private final Supplier<Window> owner;
    private final Path logDir;

    public ErrorReporter(Messages messages, Supplier<Window> owner, Path logDir) {
        this.messages = messages;
        this.owner = owner;
        this.logDir = logDir;
    }

    /** The text the operator sees for {@code error}. */
    public String describe(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof ValidationException v) {
                return v.errors().stream().map(messages::describe).collect(Collectors.joining("\n"));
            }
            if (t instanceof Localizable l) {
                return messages.describe(l);
            }
            t = t.getCause();
        }
        return messages.get("error.unexpected", logDir);
    }

    public void report(Throwable error) {
        if (!(error instanceof Localizable)) {
            log.error("Operation failed", error);
        }
        Alert alert = DialogButtons.alert(Alert.AlertType.ERROR, describe(error), messages);
        alert.setTitle(messages.get("app.title"));
        alert.setHeaderText(messages.get("error.title"));
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        alert.show();
    }
}
