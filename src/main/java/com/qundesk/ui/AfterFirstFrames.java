package com.qundesk.ui;

import javafx.animation.AnimationTimer;

/**
 * Runs work on the FX thread once the window has drawn what it was just given: work the operator does not see at
 * start (the reminders' poll, the automatic backup's check) waits until the start view is on screen with its data
 * instead of sharing the two cores of a small PC with its first drawing (issue 17).
 */
public final class AfterFirstFrames {

    /** Pulses to let pass: the first lays out and draws the new view, the second sees it drawn. */
    static final int FRAMES = 2;

    private AfterFirstFrames() {
    }

    /** Runs {@code work} on the FX thread at the second pulse from now. Call on the FX thread. */
    public static void run(Runnable work) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses >= FRAMES) {
                    stop();
                    work.run();
                }
            }
        }.start();
    }
}
