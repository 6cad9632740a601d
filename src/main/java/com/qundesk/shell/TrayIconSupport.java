package com.qundesk.shell;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.InputStream;

/**
 * A system-tray icon where the OS has one, so QunDesk keeps running (and reminding) when its window is closed.
 * Where there is no tray (or no display), closing the window quits as usual.
 */
public final class TrayIconSupport {
    private static final Logger log = LoggerFactory.getLogger(TrayIconSupport.class);

    private TrayIcon icon;

    /** Installs the tray icon; returns false when the OS has no tray. */
    public boolean install(Stage stage, String tooltip, String openLabel, String quitLabel) {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return false;
            }
            PopupMenu menu = new PopupMenu();
            MenuItem open = new MenuItem(openLabel);
            open.addActionListener(e -> Platform.runLater(() -> {
                stage.show();
                stage.toFront();
            }));
            MenuItem quit = new MenuItem(quitLabel);
            quit.addActionListener(e -> Platform.runLater(() -> {
                remove();
                Platform.exit();
            }));
            menu.add(open);
            menu.add(quit);
            icon = new TrayIcon(image(), tooltip, menu);
            icon.setImageAutoSize(true);
            icon.addActionListener(e -> Platform.runLater(() -> {
                stage.show();
                stage.toFront();
            }));
            SystemTray.getSystemTray().add(icon);
            Platform.setImplicitExit(false);
            return true;
        } catch (Exception | LinkageError e) {
            log.info("No system tray available: {}", e.toString());
            icon = null;
            return false;
        }
    }

    public boolean installed() {
        return icon != null;
    }

    public void notify(String title, String text) {
        if (icon != null) {
            icon.displayMessage(title, text, TrayIcon.MessageType.INFO);
        }
    }

    public void remove() {
        if (icon != null) {
            SystemTray.getSystemTray().remove(icon);
            icon = null;
        }
    }

    private static Image image() throws java.io.IOException {
        try (InputStream in = TrayIconSupport.class.getResourceAsStream("/com/qundesk/ui/icon-256.png")) {
            if (in != null) {
                return javax.imageio.ImageIO.read(in);
            }
        }
        return new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
    }
}
