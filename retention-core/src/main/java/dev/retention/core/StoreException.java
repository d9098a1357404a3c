package dev.retention.core;

/** A store could not read or write its data (I/O, database, corrupt state). */
public class StoreException extends RetentionException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception without an underlying cause.
     *
     * @param message what failed, naming the customer, key or file involved (no personal data)
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * An exception caused by another, e.g. the driver's exception behind a failed store write.
     *
     * @param message what failed, naming the customer, key or file involved (no personal data)
     * @param cause the underlying exception, kept as {@link #getCause()}
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
