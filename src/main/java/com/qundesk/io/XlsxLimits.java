package com.qundesk.io;

import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Bounds on an .xlsx before and while it is read: a small file may unpack to gigabytes (one 400 MB cell in
 * 391 KB, 1.5 M rows in 2 MB). The packed parts are inflated once, counting, before the spreadsheet reader
 * sees them (the sizes a zip declares may lie); the reader then stops at the row and cell limits.
 */
public final class XlsxLimits {
    /** All parts together, unpacked: ~20× the largest real registry or ledger workbook seen. */
    public static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;
    /** Excel's own limits: rows per sheet and characters per cell. */
    public static final int MAX_ROWS = 1_048_576;
    public static final int MAX_CELL_CHARS = 32_767;
    private static final int MAX_PARTS = 10_000;

    private XlsxLimits() {
    }

    /** Throws a {@link ValidationException} when {@code file} unpacks to more than {@link #MAX_UNPACKED_BYTES}. */
    public static void checkUnpackedSize(Path file, String name) throws IOException {
        long total = 0;
        int parts = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (++parts > MAX_PARTS) {
                    throw tooBig(file, name);
                }
                try (InputStream in = zip.getInputStream(e)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > MAX_UNPACKED_BYTES) {
                            throw tooBig(file, name);
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw new ValidationException(FieldError.of("file", "import.file.badXlsx", name, oneLine(e.getMessage())));
        }
    }

    /** Throws when a row number or a cell's text is beyond Excel's own limits. */
    public static void checkRow(String name, int rowNumber) {
        if (rowNumber > MAX_ROWS) {
            throw new ValidationException(FieldError.of("file", "import.file.xlsxTooManyRows", name,
                    Integer.toString(MAX_ROWS)));
        }
    }

    public static String checkCell(String name, int rowNumber, String text) {
        if (text.length() > MAX_CELL_CHARS) {
            throw new ValidationException(FieldError.of("file", "import.file.xlsxCellTooLong", name,
                    Integer.toString(rowNumber), Integer.toString(MAX_CELL_CHARS)));
        }
        return text;
    }

    /** The first line of a parser's message, at most 120 characters: never its stack of nested causes. */
    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "?";
        }
        String first = message.strip().lines().findFirst().orElse("?");
        return first.length() > 120 ? first.substring(0, 119) + "…" : first;
    }

    private static ValidationException tooBig(Path file, String name) {
        long packed;
        try {
            packed = java.nio.file.Files.size(file);
        } catch (IOException e) {
            packed = 0;
        }
        return new ValidationException(FieldError.of("file", "import.file.xlsxTooBig", name,
                Long.toString(MAX_UNPACKED_BYTES >> 20), String.format(java.util.Locale.ROOT, "%.1f",
                        packed / 1024.0 / 1024.0)));
    }
}
