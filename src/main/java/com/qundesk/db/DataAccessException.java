package com.qundesk.db;

import java.sql.SQLException;

/** A database failure that no caller can fix by itself; shown as a generic storage error. */
public class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
