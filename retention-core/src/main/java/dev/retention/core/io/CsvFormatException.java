package dev.retention.core.io;

import dev.retention.core.RetentionException;

/** An event CSV holds a row that cannot be read; nothing of the file was stored. */
public final class CsvFormatException extends RetentionException {
    private static final long serialVersionUID = 1L;
    private final transient CsvProblem problem;

    public CsvFormatException(CsvProblem problem) {
        super("bad event CSV: " + problem);
        this.problem = problem;
    }

    /** A problem found by a check that failed with {@code cause}, e.g. a sum's overflow. */
    CsvFormatException(CsvProblem problem, Throwable cause) {
        super("bad event CSV: " + problem, cause);
        this.problem = problem;
    }

    public CsvProblem problem() {
        return problem;
    }
}
