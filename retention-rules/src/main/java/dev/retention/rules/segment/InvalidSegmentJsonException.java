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

    private final String path;

    public InvalidSegmentJsonException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public InvalidSegmentJsonException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
    }

    /** The JSON path of the offending value, e.g. {@code $.condition.all[2].window}. */
    public String path() {
        return path;
    }
}
