package dev.retention.core.io;

import dev.retention.core.RetentionException;

/**
 * An event CSV holds a row that cannot be read, or events a store would refuse whatever it held
 * (an order's refunds beyond its total or in another currency, a customer's sums too large for a
 * {@code long} of minor units); nothing of the file was stored. Strict mode throws it at the first
 * such problem; lenient mode reports them instead, but for a file without a usable header, which
 * both modes refuse.
 */
public final class CsvFormatException extends RetentionException {
    private static final long serialVersionUID = 1L;
    /** Not serialized: the message carries its text. */
    private final transient CsvProblem problem;

    /**
     * An exception for {@code problem}; its message is {@code bad event CSV: } and the problem.
     *
     * @param problem the row at fault: line, column, value and why
     */
    public CsvFormatException(CsvProblem problem) {
        super("bad event CSV: " + problem);
        this.problem = problem;
    }

    /** A problem found by a check that failed with {@code cause}, e.g. a sum's overflow. */
    CsvFormatException(CsvProblem problem, Throwable cause) {
        super("bad event CSV: " + problem, cause);
        this.problem = problem;
    }

    /**
     * The row at fault.
     *
     * @return the problem naming its line, column and value, and the lines it rejects
     */
    public CsvProblem problem() {
        return problem;
    }
}
