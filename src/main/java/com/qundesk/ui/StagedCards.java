package com.qundesk.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Adds a page's cards a few at a time: the first {@link #AT_ONCE} of a drawing at once — more than a screen holds —
 * and the rest {@link #PER_PULSE} a pulse, in the order they were asked for, so the page is drawn with what is on
 * screen before the cards below it have been built. Every card costs its controls' skins, a CSS pass and a text
 * layout on the FX thread; Today at a big agency asks for sixty at start, and building them all before the first
 * frame held that frame for a second and more on a small PC (issue 17). Used on the FX thread only.
 */
public final class StagedCards {

    /** Cards built at once per drawing: more than fit on a 1080p screen. */
    public static final int AT_ONCE = 12;
    /** Cards built per pulse after those. */
    public static final int PER_PULSE = 8;

    private record Pending(Pane list, Supplier<? extends Node> card) {
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private int budget = AT_ONCE;
    private final AnimationTimer drain = new AnimationTimer() {
        @Override
        public void handle(long now) {
            for (int i = 0; i < PER_PULSE && !pending.isEmpty(); i++) {
                Pending p = pending.removeFirst();
                p.list().getChildren().add(p.card().get());
            }
            if (pending.isEmpty()) {
                stop();
            }
        }
    };

    /** A new drawing of the whole page starts: its first {@link #AT_ONCE} cards are built at once again. */
    public void begin() {
        budget = AT_ONCE;
    }

    /**
     * Adds the node {@code card} makes to the end of {@code list}: now while this drawing's budget lasts and nothing
     * of {@code list} is still to come (a list keeps its order; another list's cards still to come — the deliveries
     * below, not drawn again — do not hold a list drawn anew back), else at a coming pulse after those asked before.
     */
    public void add(Pane list, Supplier<? extends Node> card) {
        if (budget > 0 && pending.stream().noneMatch(p -> p.list() == list)) {
            budget--;
            list.getChildren().add(card.get());
            return;
        }
        pending.addLast(new Pending(list, card));
        drain.start();
    }

    /** {@code list} is drawn anew: the cards still to come for it are dropped. */
    public void clear(Pane list) {
        pending.removeIf(p -> p.list() == list);
        if (pending.isEmpty()) {
            drain.stop();
        }
    }

    /** Cards asked for and not built yet (0: the page is complete). */
    public int pending() {
        return pending.size();
    }
}
