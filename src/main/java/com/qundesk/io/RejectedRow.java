package com.qundesk.io;

import com.qundesk.core.FieldError;

import java.util.List;

/** A row an import refused: its number in the file and why, in the operator's language via message keys. */
public record RejectedRow(int row, List<FieldError> reasons) {
    public RejectedRow {
        reasons = List.copyOf(reasons);
    }
}
