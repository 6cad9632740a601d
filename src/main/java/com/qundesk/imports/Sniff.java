package com.qundesk.imports;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * The start of a file, decoded, for format detection: detection reads content (header line, JSON keys), never the
 * file name alone.
 *
 * @param file    the file
 * @param charset the detected charset (UTF-8 or GB18030)
 * @param head    the first few KiB decoded, BOM removed
 */
public record Sniff(Path file, Charset charset, String head) {

    /** The first line of {@link #head} without its line end. */
    public String firstLine() {
        int n = head.indexOf('\n');
        String line = n < 0 ? head : head.substring(0, n);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The head without leading whitespace, to tell JSON ({@code [} or {@code {}) from CSV. */
    public String trimmedHead() {
        return head.stripLeading();
    }
}
