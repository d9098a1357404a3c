package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * The step of a chain that sets a count threshold: {@code ordersEver().atLeast(3)}.
 *
 * @param <C> the condition the threshold completes
 */
public final class CountStep<C extends Condition> {
    private final Function<CountBound, C> complete;

    CountStep(Function<CountBound, C> complete) {
        this.complete = requireNonNull(complete, "complete");
    }

    /** {@code >= n} */
    public C atLeast(long n) {
        return complete.apply(new CountBound(Comparison.AT_LEAST, n));
    }

    /** {@code <= n} */
    public C atMost(long n) {
        return complete.apply(new CountBound(Comparison.AT_MOST, n));
    }

    /** {@code > n} */
    public C moreThan(long n) {
        return complete.apply(new CountBound(Comparison.MORE_THAN, n));
    }

    /** {@code < n} */
    public C lessThan(long n) {
        return complete.apply(new CountBound(Comparison.LESS_THAN, n));
    }

    /** {@code = n} */
    public C exactly(long n) {
        return complete.apply(new CountBound(Comparison.EXACTLY, n));
    }
}
