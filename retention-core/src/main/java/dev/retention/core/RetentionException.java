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

    public RetentionException(String message) {
        super(message);
    }

    public RetentionException(String message, Throwable cause) {
        super(message, cause);
    }
}
