package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** A threshold on a count ("at least 3"): the comparison and a non-negative number. */
public record CountBound(Comparison comparison, long value) {

    public CountBound {
        requireNonNull(comparison, "comparison");
        checkArgument(value >= 0, "count threshold must not be negative, got %s", value);
    }

    public boolean matches(long observed) {
        return comparison.holds(observed, value);
    }

    /** E.g. {@code ">= 3"}. */
    public String describe() {
        return comparison.symbol() + " " + value;
    }
}
