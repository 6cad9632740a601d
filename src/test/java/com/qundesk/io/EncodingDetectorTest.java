package com.qundesk.io;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EncodingDetectorTest {

    @Test
    void tellsUtf8FromGbk() {
        byte[] utf8 = "群名称,人数\n读者群,12\n".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "群名称,人数\n读者群,12\n".getBytes(EncodingDetector.GB18030);
        assertThat(EncodingDetector.detect(utf8, utf8.length)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(EncodingDetector.detect(gbk, gbk.length)).isEqualTo(EncodingDetector.GB18030);
        assertThat(new String(gbk, EncodingDetector.detect(gbk, gbk.length))).contains("读者群");
    }
}
