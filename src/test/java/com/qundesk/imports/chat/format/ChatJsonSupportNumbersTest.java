package com.qundesk.imports.chat.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers written as strings in chat JSON: a value past what a long holds is no number, not a wrapped-around one. */
class ChatJsonSupportNumbersTest {

    @Test
    void digitsThatDoNotFitALongAreNotANumber() {
        assertThat(ChatJsonSupport.parseLong("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(ChatJsonSupport.parseLong("-1762045200")).isEqualTo(-1_762_045_200L);
        assertThat(ChatJsonSupport.parseLong("9999999999999999999")).isNull(); // wrapped to -8446744073709551617
        assertThat(ChatJsonSupport.parseLong("9223372036854775808")).isNull();
        assertThat(ChatJsonSupport.parseLong(" 1762045200 ")).isEqualTo(1_762_045_200L);
        assertThat(ChatJsonSupport.parseLong("17620452x0")).isNull();
    }
}
