package dev.retention.metrics;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Renders a {@link CohortMatrix} as a plain-text table: one line per cohort with its first day, its
 * size and the share active in each period after it, as percentages with one decimal.
 */
public final class CohortTable {

    private CohortTable() {}

    /**
     * The matrix as a table for a terminal or a log file, e.g.
     * <pre>
     * cohort     customers     +0     +1
     * 2026-01-01       120 100.0%  25.0%
     * 2026-02-01        80 100.0%
     * </pre>
     * Numbers are formatted with {@link Locale#ROOT} (a decimal point whatever the default locale).
     *
     * @param matrix the matrix
     * @return the header line and one line per cohort, each ending in {@code '\n'}; only the header
     *     for a matrix without cohorts
     */
    public static String render(CohortMatrix matrix) {
        requireNonNull(matrix, "matrix");
        int columns = 0;
        for (CohortMatrix.Cohort cohort : matrix.cohorts()) {
            columns = Math.max(columns, cohort.active().size());
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-10s %9s", "cohort", "customers"));
        for (int k = 0; k < columns; k++) {
            out.append(String.format(Locale.ROOT, " %6s", "+" + k));
        }
        out.append('\n');
        for (CohortMatrix.Cohort cohort : matrix.cohorts()) {
            out.append(String.format(Locale.ROOT, "%-10s %9d", cohort.start(), cohort.customers()));
            for (int k = 0; k < cohort.active().size(); k++) {
                out.append(String.format(Locale.ROOT, " %5.1f%%", 100 * cohort.share(k)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
