package com.qundesk.io;

import java.util.List;

/**
 * A spreadsheet read into memory: the header cells and the data rows, each with the 1-based line (CSV) or row
 * (xlsx) number the operator sees in their editor.
 */
public record Table(String fileName, String format, String encoding, List<String> headers, List<Row> rows) {

    public record Row(int number, List<String> cells) {
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }
}
