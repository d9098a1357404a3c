package dev.retention.core;

/**
 * Base of every exception the library throws on its own account (as opposed to the
 * {@link IllegalArgumentException}s that reject bad arguments at the API boundary).
 *
 * <p>Unchecked, so a shop backend can let it travel to its own error handling; catch a subclass
 * when you can act on it.
 */
public class RetentionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception without an underlying cause.
     *
     * @param message what failed, naming the customer, key or file involved (no personal data)
     */
    public RetentionException(String message) {
        super(message);
    }

    /**
     * An exception caused by another, e.g. the driver's exception behind a failed store write.
     *
     * @param message what failed, naming the customer, key or file involved (no personal data)
     * @param cause the underlying exception, kept as {@link #getCause()}
     */
    public RetentionException(String message, Throwable cause) {
        super(message, cause);
    }
}
