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

    /**
     * {@code >= n}.
     *
     * @param n the threshold, not negative
     * @return the completed condition
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public C atLeast(long n) {
        return complete.apply(new CountBound(Comparison.AT_LEAST, n));
    }

    /**
     * {@code <= n}.
     *
     * @param n the threshold, not negative
     * @return the completed condition
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public C atMost(long n) {
        return complete.apply(new CountBound(Comparison.AT_MOST, n));
    }

    /**
     * {@code > n}.
     *
     * @param n the threshold, not negative
     * @return the completed condition
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public C moreThan(long n) {
        return complete.apply(new CountBound(Comparison.MORE_THAN, n));
    }

    /**
     * {@code < n}; {@code lessThan(0)} never holds.
     *
     * @param n the threshold, not negative
     * @return the completed condition
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public C lessThan(long n) {
        return complete.apply(new CountBound(Comparison.LESS_THAN, n));
    }

    /**
     * {@code = n}; {@code exactly(0)} is "none".
     *
     * @param n the threshold, not negative
     * @return the completed condition
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public C exactly(long n) {
        return complete.apply(new CountBound(Comparison.EXACTLY, n));
    }
}
