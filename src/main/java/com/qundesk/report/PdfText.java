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

    /** Splits text into lines no wider than {@code maxWidth}. */
    List<String> wrap(String text, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < para.length(); ) {
                int cp = para.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (width(line + ch, size, false) > maxWidth && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(ch);
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
        }
        return lines;
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
