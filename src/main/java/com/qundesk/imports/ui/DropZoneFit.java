package com.qundesk.imports.ui;

import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * In a short window (a 1280×720 laptop) the Import view's drop zone gives its room to the tables: it keeps its title
 * and its two buttons and lets the icon and the list of formats go, so the files' table still shows its rows instead
 * of only its header.
 */
final class DropZoneFit {

    /** Below this height of the view the drop zone is compact. */
    static final double COMPACT_BELOW = 700;

    private DropZoneFit() {
    }

    /** Follows {@code view}'s height: the drop zone's {@code drop-icon} and {@code text-muted} children come and go. */
    static void follow(Region view, Pane dropZone) {
        List<Node> extra = dropZone.getChildren().stream().filter(n -> n.getStyleClass().contains("drop-icon")
                || n.getStyleClass().contains("text-muted")).toList();
        view.heightProperty().addListener((o, was, h) -> {
            boolean compact = h.doubleValue() > 0 && h.doubleValue() < COMPACT_BELOW;
            for (Node n : extra) {
                n.setVisible(!compact);
                n.setManaged(!compact);
            }
            if (compact != dropZone.getStyleClass().contains("compact")) {
                if (compact) {
                    dropZone.getStyleClass().add("compact");
                } else {
                    dropZone.getStyleClass().remove("compact");
                }
            }
        });
    }
}
