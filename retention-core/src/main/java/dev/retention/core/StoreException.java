package dev.retention.core;

/** A store could not read or write its data (I/O, database, corrupt state). */
public class StoreException extends RetentionException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
