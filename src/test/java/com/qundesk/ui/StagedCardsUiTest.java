package com.qundesk.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's cards: the first ones are built at once, in the call that asks for them; the rest come over the next
 * pulses in the order asked; a list drawn anew drops what was still to come for it and only for it.
 */
@ExtendWith(ApplicationExtension.class)
class StagedCardsUiTest {

    private final VBox top = new VBox();
    private final VBox bottom = new VBox();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new VBox(top, bottom), 400, 300));
        stage.show();
    }

    private static List<String> texts(VBox list) {
        return list.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private static List<String> names(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
    }

    /** One drawing asks for 20 cards in the top list, then 10 in the bottom one. */
    private void askForThirty(StagedCards staged) {
        staged.begin();
        for (int i = 0; i < 20; i++) {
            String name = "top" + i;
            staged.add(top, () -> new Label(name));
        }
        for (int i = 0; i < 10; i++) {
            String name = "bottom" + i;
            staged.add(bottom, () -> new Label(name));
        }
    }

    @Test
    void theFirstCardsAtOnceThenTheRestInOrderOverThePulses(FxRobot robot) throws Exception {
        StagedCards staged = new StagedCards();
        List<Integer> atOnce = new ArrayList<>();
        robot.interact(() -> {
            askForThirty(staged);
            atOnce.add(top.getChildren().size());
            atOnce.add(bottom.getChildren().size());
            atOnce.add(staged.pending());
        });
        assertThat(atOnce).containsExactly(StagedCards.AT_ONCE, 0, 30 - StagedCards.AT_ONCE);

        waitFor(() -> staged.pending() == 0);
        assertThat(texts(top)).isEqualTo(names("top", 0, 20));
        assertThat(texts(bottom)).isEqualTo(names("bottom", 0, 10));
    }

    @Test
    void aListDrawnAnewDropsOnlyItsOwnCardsToComeAndIsNotHeldBackByTheOthers(FxRobot robot) throws Exception {
        StagedCards staged = new StagedCards();
        List<String> atOnce = new ArrayList<>();
        robot.interact(() -> {
            askForThirty(staged);
            // top is drawn anew before its last cards came: they are dropped, bottom's still come
            top.getChildren().clear();
            staged.clear(top);
            staged.begin();
            staged.add(top, () -> new Label("fresh"));
            // built at once, though bottom's cards are still to come: the top of a page redrawn never stands empty
            atOnce.addAll(texts(top));
        });
        assertThat(atOnce).containsExactly("fresh");
        waitFor(() -> staged.pending() == 0);
        assertThat(texts(top)).containsExactly("fresh");
        assertThat(texts(bottom)).isEqualTo(names("bottom", 0, 10));
    }
}
