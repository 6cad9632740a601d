package com.qundesk.settings.ui;

import com.qundesk.db.Database;
import com.qundesk.db.ServerAddress;
import com.qundesk.i18n.Messages;
import com.qundesk.settings.ServerPasswords;
import com.qundesk.ui.UiTasks;
import com.qundesk.ui.ViewLoader;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings › Workspace › "Connect to a team server" ({@code ConnectDialog.fxml}): host, port, database, user, sslmode
 * and a password, "Test connection" (in the background: who it logs in as and the schema version, or why the server
 * refused) and "Connect". A typed password goes to {@link ServerPasswords} (the session, or the OS credential store
 * when "remember" is ticked), never into the address, the settings file or a log. The window also opens it, filled
 * in, when a team workspace needs a password that none of psql's sources has.
 */
public final class ConnectDialog {

    static final List<String> SSL_MODES = List.of("disable", "prefer", "require", "verify-full");
    private static final String DEFAULT_SSL_MODE = "prefer";

    private final Messages m;
    private final UiTasks tasks;
    private final ServerPasswords passwords;

    @FXML private DialogPane pane;
    @FXML private Label connectNote;
    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private TextField databaseField;
    @FXML private TextField userField;
    @FXML private ComboBox<String> sslBox;
    @FXML private PasswordField passwordField;
    @FXML private CheckBox rememberBox;
    @FXML private Label passwordHint;
    @FXML private Button testButton;
    @FXML private Label testResult;
    @FXML private ButtonType connectType;

    public ConnectDialog(Messages messages, UiTasks tasks, ServerPasswords passwords) {
        this.m = messages;
        this.tasks = tasks;
        this.passwords = passwords;
    }

    /**
     * Opens the dialog over {@code owner}, filled in from {@code start} when given, with {@code note} above the fields
     * (or none), and waits: the address to open once the operator pressed "Connect", else empty.
     */
    public Optional<ServerAddress> show(Window owner, Optional<ServerAddress> start, String note) {
        ConnectDialog form = new ConnectDialog(m, tasks, passwords);
        DialogPane root = (DialogPane) new ViewLoader(m, type -> form).load(ConnectDialog.class).root();
        form.prepare(start, note);
        Dialog<ServerAddress> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.get("connect.title"));
        dialog.setDialogPane(root);
        dialog.setResizable(true);
        dialog.setResultConverter(button -> button == form.connectType ? form.accept() : null);
        return dialog.showAndWait();
    }

    private void prepare(Optional<ServerAddress> start, String note) {
        connectNote.setText(note == null ? "" : note);
        connectNote.setManaged(note != null);
        connectNote.setVisible(note != null);
        sslBox.getItems().setAll(SSL_MODES);
        sslBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String mode) {
                return mode == null ? "" : m.get("connect.sslmode." + mode);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        sslBox.setValue(DEFAULT_SSL_MODE);
        userField.setText(System.getProperty("user.name", ""));
        start.ifPresent(a -> {
            hostField.setText(a.host());
            portField.setText(Integer.toString(a.port()));
            databaseField.setText(a.database());
            userField.setText(a.user());
            sslBox.setValue(a.params().getOrDefault("sslmode", DEFAULT_SSL_MODE));
        });
        rememberBox.setDisable(!passwords.canRemember());
        passwordHint.setText(m.get(passwords.canRemember() ? "connect.passwordHint" : "connect.passwordSession"));
        pane.lookupButton(connectType).addEventFilter(ActionEvent.ACTION, e -> {
            if (address().isEmpty()) {
                e.consume(); // the fields say what is missing; the dialog stays open
            }
        });
        (start.isPresent() ? passwordField : hostField).requestFocus();
    }

    /** The address the fields describe, or empty after saying in the dialog what is missing or wrong. */
    Optional<ServerAddress> address() {
        testResult.getStyleClass().remove("field-error");
        String host = hostField.getText().strip();
        String database = databaseField.getText().strip();
        String user = userField.getText().strip();
        int port;
        try {
            port = Integer.parseInt(portField.getText().strip());
        } catch (NumberFormatException e) {
            port = -1;
        }
        String problem = host.isEmpty() ? "connect.error.host" : port < 1 || port > 65_535 ? "connect.error.port"
                : database.isEmpty() ? "connect.error.database" : user.isEmpty() ? "connect.error.user" : null;
        if (problem != null) {
            testResult.setText(m.get(problem));
            testResult.getStyleClass().add("field-error");
            return Optional.empty();
        }
        String mode = sslBox.getValue() == null ? DEFAULT_SSL_MODE : sslBox.getValue();
        return Optional.of(new ServerAddress(host, port, database, user,
                mode.equals(DEFAULT_SSL_MODE) ? Map.of() : Map.of("sslmode", mode)));
    }

    private Optional<String> typedPassword() {
        String typed = passwordField.getText();
        return typed == null || typed.isEmpty() ? Optional.empty() : Optional.of(typed);
    }

    @FXML
    private void onTest() {
        Optional<ServerAddress> address = address();
        if (address.isEmpty()) {
            return;
        }
        Optional<String> typed = typedPassword();
        testResult.setText(m.get("connect.testing"));
        tasks.run(() -> {
            // read only: testing an empty database must not create the schema in it
            int version = Database.schemaVersion(address.get(), typed.or(() -> passwords.find(address.get())));
            return version == 0 ? m.get("connect.testedEmpty", address.get().user())
                    : m.get("connect.tested", address.get().user(), version);
        }, testResult::setText, error -> {
            testResult.setText(tasks.errors().describe(error));
            testResult.getStyleClass().add("field-error");
        }, testButton, pane.lookupButton(connectType));
    }

    /** "Connect": keeps a typed password (session or credential store) and hands back the address. */
    private ServerAddress accept() {
        ServerAddress address = address().orElseThrow();
        typedPassword().ifPresent(p -> passwords.keep(address, p, rememberBox.isSelected()));
        return address;
    }
}
