package com.qundesk.report;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text in a PDF in Chinese and English: Latin runs in Helvetica, everything else in a CJK TrueType font found on
 * this PC (PDF embedding needs TrueType outlines; the system's CFF-based fonts cannot be embedded). Without any
 * CJK font, such characters print as "?" and the log says which font to install.
 */
final class PdfText {
    private static final Logger log = LoggerFactory.getLogger(PdfText.class);

    /** Checked in order; {@code qundesk.pdf.font} overrides. */
    static final List<String> CANDIDATES = List.of(
            "C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/msyh.ttf", "C:/Windows/Fonts/simhei.ttf",
            "C:/Windows/Fonts/simsun.ttc",
            "/System/Library/Fonts/STHeiti Light.ttc", "/System/Library/Fonts/Hiragino Sans GB.ttc",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    final PDFont latin;
    final PDFont latinBold;
    final PDFont cjk;

    private PdfText(PDFont latin, PDFont latinBold, PDFont cjk) {
        this.latin = latin;
        this.latinBold = latinBold;
        this.cjk = cjk;
    }

    static PdfText load(PDDocument doc) {
        PDFont cjk = null;
        List<String> paths = new ArrayList<>();
        String override = System.getProperty("qundesk.pdf.font");
        if (override != null && !override.isBlank()) {
            paths.add(override);
        }
        paths.addAll(CANDIDATES);
        for (String p : paths) {
            if (!Files.isRegularFile(Path.of(p))) {
                continue;
            }
            try {
                cjk = loadCjk(doc, new File(p));
            } catch (IOException | RuntimeException e) {
                log.info("Font {} cannot be embedded: {}", p, e.toString());
            }
            if (cjk != null) {
                break;
            }
        }
        if (cjk == null) {
            log.warn("No embeddable CJK TrueType font found; Chinese text prints as '?'. Install one, e.g. "
                    + "fonts-wqy-microhei or fonts-droid-fallback on Linux, or point -Dqundesk.pdf.font at a .ttf/.ttc");
        }
        return new PdfText(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), cjk);
    }

    private static PDFont loadCjk(PDDocument doc, File f) throws IOException {
        if (f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            PDFont[] found = new PDFont[1];
            try (TrueTypeCollection ttc = new TrueTypeCollection(f)) {
                ttc.processAllFonts(ttf -> {
                    if (found[0] == null && !(ttf instanceof OpenTypeFont otf && otf.isPostScript())
                            && hasCjk(ttf)) {
                        found[0] = PDType0Font.load(doc, ttf, true);
                    }
                });
            }
            return found[0];
        }
        return PDType0Font.load(doc, f);
    }

    private static boolean hasCjk(TrueTypeFont ttf) throws IOException {
        var cmap = ttf.getUnicodeCmapLookup(false);
        return cmap != null && cmap.getGlyphId('群') > 0;
    }

    boolean hasCjkFont() {
        return cjk != null;
    }

    /** Draws {@code text} at (x, y), switching fonts per run. */
    void draw(PDPageContentStream cs, String text, float x, float y, float size, boolean bold) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (Run r : runs(text, bold)) {
            cs.setFont(r.font, size);
            cs.showText(r.text);
        }
        cs.endText();
    }

    float width(String text, float size, boolean bold) throws IOException {
        float w = 0;
        for (Run r : runs(text, bold)) {
            w += r.font.getStringWidth(r.text) / 1000 * size;
        }
        return w;
    }

    /** Height above the baseline of the tallest glyphs of the fonts in use, at {@code size}. */
    float ascent(float size) {
        float a = latin.getFontDescriptor().getAscent();
        if (cjk != null && cjk.getFontDescriptor() != null) {
            a = Math.max(a, cjk.getFontDescriptor().getAscent());
        }
        return a / 1000 * size;
    }

    /** Depth below the baseline of the deepest glyphs of the fonts in use, at {@code size} (positive). */
    float descent(float size) {
        float d = latin.getFontDescriptor().getDescent();
        if (cjk != null && cjk.getFontDescriptor() != null) {
            d = Math.min(d, cjk.getFontDescriptor().getDescent());
        }
        return -d / 1000 * size;
    }

    /** The distance from one baseline to the next: the fonts' measured height plus 20% leading. */
    float lineHeight(float size) {
        return (ascent(size) + descent(size)) * 1.2f;
    }

    /**
     * Splits text into lines no wider than {@code maxWidth}: Latin words stay whole unless a word alone is wider
     * than a line; Chinese breaks between any two characters.
     */
    List<String> wrap(String text, float size, boolean bold, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n")) {
            String line = "";
            for (String token : tokens(para)) {
                if (line.isEmpty() && token.isBlank()) {
                    continue;
                }
                if (width(line + token, size, bold) <= maxWidth) {
                    line += token;
                    continue;
                }
                if (!line.isBlank()) {
                    lines.add(line.stripTrailing());
                }
                line = token.isBlank() ? "" : token;
                while (width(line, size, bold) > maxWidth && line.length() > 1) {
                    int cut = line.length() - 1;
                    while (cut > 1 && width(line.substring(0, cut), size, bold) > maxWidth) {
                        cut--;
                    }
                    lines.add(line.substring(0, cut));
                    line = line.substring(cut);
                }
            }
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    /** {@code text}, or as much of it as fits in {@code maxWidth} followed by an ellipsis. */
    String fit(String text, float size, float maxWidth) throws IOException {
        if (width(text, size, false) <= maxWidth) {
            return text;
        }
        String s = text;
        while (!s.isEmpty() && width(s + "…", size, false) > maxWidth) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /** Words of Latin letters, runs of spaces, and single other characters (each may start a line). */
    private static List<String> tokens(String para) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int kind = -1; // 0 word, 1 space
        for (int i = 0; i < para.length(); ) {
            int cp = para.codePointAt(i);
            i += Character.charCount(cp);
            int k = Character.isWhitespace(cp) ? 1 : cp < 0x2E80 ? 0 : 2;
            if (!cur.isEmpty() && (k != kind || k == 2)) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            cur.appendCodePoint(cp);
            kind = k;
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private record Run(PDFont font, String text) {
    }

    private List<Run> runs(String text, boolean bold) {
        PDFont lat = bold ? latinBold : latin;
        List<Run> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        PDFont curFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String ch = new String(Character.toChars(cp));
            PDFont f;
            if (cp < 0x250 && encodable(lat, ch)) {
                f = lat;
            } else if (cjk != null && encodable(cjk, ch)) {
                f = cjk;
            } else if (encodable(lat, ch)) {
                f = lat;
            } else {
                f = lat;
                ch = "?";
            }
            if (f != curFont && !cur.isEmpty()) {
                out.add(new Run(curFont, cur.toString()));
                cur.setLength(0);
            }
            curFont = f;
            cur.append(ch);
        }
        if (!cur.isEmpty()) {
            out.add(new Run(curFont, cur.toString()));
        }
        return out;
    }

    private static boolean encodable(PDFont f, String ch) {
        try {
            f.encode(ch);
            return f.getStringWidth(ch) > 0 || ch.isBlank();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
