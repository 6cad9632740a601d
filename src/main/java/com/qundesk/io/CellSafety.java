package com.qundesk.io;

/**
 * Keeps exported cells from being run as formulas by Excel or WPS (CSV/formula injection):
 * a cell that starts with = + - @ tab or CR gets a leading apostrophe.
 */
public final class CellSafety {

    private CellSafety() {
    }

    public static String neutralize(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + cell;
        }
        return cell;
    }
}
