package com.qundesk.imports.chat.format;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * One CSV record as the chat formats read it (see {@link CsvRows}): its cells and the 1-based text line it starts on.
 * A record with more than {@link CsvRows#MAX_CELLS} cells keeps only that many; the others read as {@code ""} but
 * still count in {@link #size()}, so such a row is refused for its column count like any other odd row.
 */
final class CsvRow implements Iterable<String> {

    private final String[] cells;
    private final int size;
    private final long line;

    CsvRow(String[] cells, int size, long line) {
        this.cells = cells;
        this.size = size;
        this.line = line;
    }

    /** The number of cells. */
    int size() {
        return size;
    }

    /** The cell at {@code i} (0-based). */
    String get(int i) {
        Objects.checkIndex(i, size);
        return i < cells.length ? cells[i] : "";
    }

    /** The 1-based text line the record starts on. */
    long line() {
        return line;
    }

    /** The cells as an unmodifiable list. */
    List<String> toList() {
        if (size == cells.length) {
            return List.of(cells);
        }
        String[] all = Arrays.copyOf(cells, size);
        Arrays.fill(all, cells.length, size, "");
        return List.of(all);
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < size;
            }

            @Override
            public String next() {
                if (i >= size) {
                    throw new NoSuchElementException();
                }
                return get(i++);
            }
        };
    }

    @Override
    public String toString() {
        return line + ":" + toList();
    }
}
