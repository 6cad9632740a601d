package com.qundesk.ui;

import com.qundesk.i18n.Messages;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.function.Function;

/**
 * Loads one view: the FXML beside its controller class (same package path), the operator's bundle for
 * {@code %keys}, and controllers made by the composition root so they get constructor arguments.
 */
public final class ViewLoader {

    private final Messages messages;
    private final Function<Class<?>, Object> controllerFactory;

    public ViewLoader(Messages messages, Function<Class<?>, Object> controllerFactory) {
        this.messages = messages;
        this.controllerFactory = controllerFactory;
    }

    public Messages messages() {
        return messages;
    }

    /** A loaded view and its controller. */
    public record View<C>(Parent root, C controller) {
    }

    /** Loads {@code XxxView.fxml} for {@code XxxController}. */
    public <C> View<C> load(Class<C> controllerType) {
        String simple = controllerType.getSimpleName();
        String fxml = simple.endsWith("Controller")
                ? simple.substring(0, simple.length() - "Controller".length()) + "View.fxml"
                : simple + ".fxml";
        URL url = controllerType.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("No FXML " + fxml + " beside " + controllerType.getName());
        }
        FXMLLoader loader = new FXMLLoader(url, messages.bundle());
        loader.setControllerFactory(controllerFactory::apply);
        try {
            Parent root = loader.load();
            TableFit.everyTableIn(root);
            return new View<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
    }
}
