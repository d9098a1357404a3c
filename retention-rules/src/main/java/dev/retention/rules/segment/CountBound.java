package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A threshold on a count ("at least 3"): the comparison and a non-negative number.
 *
 * @param comparison how the observed count is compared
 * @param value the threshold, not negative
 */
public record CountBound(Comparison comparison, long value) {

    /**
     * Validates the components.
     *
     * @param comparison how the observed count is compared
     * @param value the threshold, not negative
     * @throws IllegalArgumentException if {@code value} is negative
     * @throws NullPointerException if {@code comparison} is null
     */
    public CountBound {
        requireNonNull(comparison, "comparison");
        checkArgument(value >= 0, "count threshold must not be negative, got %s", value);
    }

    /**
     * Whether the observed count meets the threshold.
     *
     * @param observed the count found
     * @return true if {@code observed <comparison> value}
     */
    public boolean matches(long observed) {
        return comparison.holds(observed, value);
    }

    /**
     * E.g. {@code ">= 3"}.
     *
     * @return the symbol and the threshold
     */
    public String describe() {
        return comparison.symbol() + " " + value;
    }
}
