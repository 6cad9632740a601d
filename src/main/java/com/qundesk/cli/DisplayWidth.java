package com.qundesk.cli;

/**
 * Table cells padded by the columns a terminal draws, not by chars: CJK ideographs, kana, hangul, full-width
 * forms and most emoji take two columns, so a Chinese group name lines up with an English one.
 */
final class DisplayWidth {

    private DisplayWidth() {
    }

    /** The columns {@code s} takes in a terminal. */
    static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += columns(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** {@code s} padded with spaces to {@code width} columns, cut with "…" when wider. */
    static String pad(String s, int width) {
        String text = s == null ? "" : s;
        int w = of(text);
        if (w > width) {
            StringBuilder cut = new StringBuilder();
            int used = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                int c = columns(cp);
                if (used + c > width - 1) {
                    break;
                }
                cut.appendCodePoint(cp);
                used += c;
                i += Character.charCount(cp);
            }
            text = cut.append('…').toString();
            w = used + 1;
        }
        return text + " ".repeat(width - w);
    }

    /** {@code s} right-aligned in {@code width} columns. */
    static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - of(s))) + s;
    }

    private static int columns(int cp) {
        if (cp == 0 || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.ENCLOSING_MARK || cp == 0x200B || cp == 0x200D) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
