package com.qundesk.testsupport;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.control.Cell;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a window shows as a person would and lists what is not finished: a label, button, tab, column
 * header, table cell or chart legend whose text the skin shortened ("Platf…") or that does not fit its box,
 * a category axis whose labels were turned on their side, and text of the other language (Latin words in the
 * Chinese UI, Chinese characters in the English UI) outside the data (group names and the like) and proper
 * names. Each finding names where it is.
 */
public final class TextAudit {
    /** Product and format names that are the same in both languages. */
    public static final Set<String> PROPER_NAMES = Set.of("QunDesk", "WeChat", "WeCom", "PDF", "CSV", "TSV",
            "JSON", "HTML", "TXT", "xlsx", "Excel", "VIP", "IP", "AI", "SaaS", "ID", "UTC", "GMT", "PostgreSQL",
            "SQLite", "GitHub", "Apache", "MIT", "QR", "PNG", "SVG", "RRULE", "iCalendar", "ics", "Java", "JavaFX",
            "HH", "mm", "yyyy", "MM", "dd", "GMV", "MemoTrace", "PyWxDump", "chatlog", "WeFlow", "ChatLab", "json",
            "users", "WeChatMsg", "Linux", "macOS", "Windows", "PGPASSWORD", "sslmode",
            "UTF", "GBK", "GB"); // encodings: the registry import names the one it read
    /** File paths, {placeholders} of templates and comma-separated column names of file formats. */
    private static final Pattern TECHNICAL = Pattern.compile(
            "(?:[A-Za-z]:)?[/\\\\][^\\s，。；、）)]+|\\{[a-z_]+}|[a-z_0-9]+(?:,[a-z_0-9]+)+");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff00-\\uffef\\u3000-\\u303f]");

    private final boolean chinese;
    private final List<String> data;
    private final List<String> findings = new ArrayList<>();

    /** {@code data}: texts that come from the workspace (group names, campaign names…) and may be either language. */
    public TextAudit(boolean chinese, List<String> data) {
        this.chinese = chinese;
        this.data = data.stream().filter(s -> s != null && !s.isBlank())
                .sorted((a, b) -> b.length() - a.length()).toList();
    }

    public List<String> findings() {
        return findings;
    }

    /** Audits every showing node under {@code root}; {@code where} names the view or dialog in the findings. */
    public void audit(String where, Parent root) {
        walk(where, root);
    }

    private void walk(String where, Node node) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof TextInputControl || node instanceof ComboBoxBase<?> && !(node instanceof Labeled)) {
            return; // what the operator typed or picked: their data
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && showing(l)) {
            labeled(where, l);
        }
        if (node instanceof Text t && t.getParent() instanceof Axis<?> axis && t.isVisible() && t.getText() != null
                && !t.getText().isEmpty()) {
            // an axis turns its labels on their side when they do not fit side by side
            if (axis instanceof CategoryAxis && t.getRotate() % 180 != 0) {
                findings.add(where + ": the label \"" + t.getText() + "\" of the axis " + describe(axis)
                        + " is turned " + t.getRotate() + "°");
            }
            language(where, "axis label", t.getText());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(where, child);
            }
        }
    }

    private void labeled(String where, Labeled l) {
        String full = l.getText();
        Text shown = shownText(l);
        boolean data = inCell(l);
        String what = describe(l);
        if (shown != null && l.getTextOverrun() != OverrunStyle.CLIP && !l.isWrapText()) {
            String visible = shown.getText();
            boolean inTooltip = l.getTooltip() != null && full.equals(l.getTooltip().getText());
            if (!visible.equals(full) && !visible.equals(full.replace("_", "")) && !inTooltip) {
                findings.add(where + ": " + what + " shows \"" + visible + "\" of \"" + full + "\"");
            }
        }
        if (shown != null && l.isWrapText()) {
            Bounds text = shown.getBoundsInLocal();
            double room = l.getHeight() - l.snappedTopInset() - l.snappedBottomInset();
            if (text.getHeight() > room + 2 && l.getHeight() > 0 && l.getMaxHeight() != l.getHeight()) {
                findings.add(where + ": " + what + " \"" + full + "\" needs " + Math.round(text.getHeight())
                        + " px of height and has " + Math.round(room));
            }
        }
        if (!data) {
            language(where, what, full);
        }
    }

    private void language(String where, String what, String text) {
        if (text.contains("…") && data.stream().anyMatch(d -> shortened(text, d))) {
            return; // a name from the data, shortened by the app
        }
        String rest = TECHNICAL.matcher(text).replaceAll(" ");
        // a column name of a format's list ("group,day,…") may be named again in the same sentence
        Matcher lists = TECHNICAL.matcher(text);
        while (lists.find()) {
            for (String token : lists.group().split(",")) {
                if (token.matches("[a-z_0-9]+")) {
                    rest = rest.replaceAll("\\b" + token + "\\b", " ");
                }
            }
        }
        for (String d : data) {
            rest = rest.replace(d, " ");
        }
        if (chinese) {
            Matcher words = LATIN_WORD.matcher(rest);
            while (words.find()) {
                if (!PROPER_NAMES.contains(words.group())) {
                    findings.add(where + ": " + what + " \"" + text + "\" has the English word \"" + words.group()
                            + "\"");
                    return;
                }
            }
        } else if (CJK.matcher(rest.replace("简体中文", "").replace("群台", "").replace("留痕", "")).find()) {
            findings.add(where + ": " + what + " \"" + text + "\" has Chinese in the English UI");
        }
    }

    /** Whether {@code text} is {@code name} with parts left out at the "…" (its start, its end, or both kept). */
    private static boolean shortened(String text, String name) {
        String[] parts = text.split("…", -1);
        return name.startsWith(parts[0]) && name.endsWith(parts[parts.length - 1]);
    }

    /** Inside a table, list or tree cell (the workspace's data), column headers excluded. */
    private static boolean inCell(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof Cell<?>) {
                return true;
            }
        }
        return false;
    }

    /** Laid out, visible all the way up, and not scrolled away inside a scroll pane. */
    private static boolean showing(Node n) {
        if (n.getScene() == null || n.getLayoutBounds().getWidth() <= 0) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
            if (p instanceof ScrollPane) {
                break;
            }
        }
        return true;
    }

    private static Text shownText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && "LabeledText".equals(t.getClass().getSimpleName())) {
                return t; // the skin's text node (not an icon font glyph beside it)
            }
        }
        return null;
    }

    private static String describe(Node n) {
        StringBuilder sb = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) {
            sb.append('#').append(n.getId());
        }
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                sb.append(" in #").append(p.getId());
                break;
            }
        }
        if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null) {
            sb.append(" (column \"").append(c.getTableColumn().getText()).append("\")");
        }
        return sb.toString();
    }
}
