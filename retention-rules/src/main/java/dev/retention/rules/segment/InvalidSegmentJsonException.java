package dev.retention.rules.segment;

import dev.retention.core.RetentionException;

/**
 * A segment or condition in JSON could not be read: malformed JSON, an unknown condition type, a
 * missing or unexpected field, a value of the wrong type or out of range. The message starts with the
 * JSON path of the offending value, e.g. {@code $.condition.all[2].window: window must not be
 * negative, got "-P3D"}.
 */
public class InvalidSegmentJsonException extends RetentionException {
    private static final long serialVersionUID = 1L;

    /** The JSON path of the offending value. */
    private final String path;

    /**
     * A refusal at {@code path}; the message is {@code path + ": " + problem}.
     *
     * @param path the JSON path of the offending value, e.g. {@code $.condition.all[2].window}
     * @param problem what is wrong with it
     */
    public InvalidSegmentJsonException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    /**
     * A refusal at {@code path} caused by another exception (e.g. the JSON parser's).
     *
     * @param path the JSON path of the offending value
     * @param problem what is wrong with it
     * @param cause the underlying exception
     */
    public InvalidSegmentJsonException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
    }

    /**
     * The JSON path of the offending value, e.g. {@code $.condition.all[2].window}.
     *
     * @return the path, starting with {@code $}
     */
    public String path() {
        return path;
    }
}
