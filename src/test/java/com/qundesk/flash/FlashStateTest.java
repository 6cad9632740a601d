package com.qundesk.flash;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static com.qundesk.flash.FlashState.*;

class FlashStateTest {

    private static final Map<FlashState, Set<FlashState>> ALLOWED = Map.of(
            PLANNED, EnumSet.of(OPEN, DISSOLVED),
            OPEN, EnumSet.of(DUE, EXTENDED, DISSOLVED, CONVERTED),
            DUE, EnumSet.of(EXTENDED, DISSOLVED, CONVERTED),
            EXTENDED, EnumSet.of(DUE, EXTENDED, DISSOLVED, CONVERTED),
            DISSOLVED, EnumSet.noneOf(FlashState.class),
            CONVERTED, EnumSet.noneOf(FlashState.class));

    @Test
    void everyPairIsAllowedOrForbiddenExactlyAsSpecified() {
        for (FlashState from : values()) {
            for (FlashState to : values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void finalStatesAreDissolvedAndConverted() {
        assertThat(EnumSet.allOf(FlashState.class).stream().filter(FlashState::isFinal))
                .containsExactlyInAnyOrder(DISSOLVED, CONVERTED);
    }
}
