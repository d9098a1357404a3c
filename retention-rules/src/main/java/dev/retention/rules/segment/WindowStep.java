package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Period;
import java.util.function.Function;

/**
 * The step of a chain that sets the {@link Window}: {@code viewsOf(anyProduct()).within(days(7))}.
 *
 * @param <T> what the window completes: a condition or the next step
 */
public final class WindowStep<T> {
    private final Function<Window, T> complete;

    WindowStep(Function<Window, T> complete) {
        this.complete = requireNonNull(complete, "complete");
    }

    /**
     * In {@code [now - length, now]}, both edges inclusive.
     *
     * @param length how far back from {@code now}
     * @return the condition or the next step
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public T within(Duration length) {
        return complete.apply(Window.last(length));
    }

    /**
     * In {@code [now - length, now]} with {@code now - length} counted back in calendar months and years
     * in UTC: {@code within(months(3))}; see {@link Window#last(Period)}.
     *
     * @param length how far back from {@code now}
     * @return the condition or the next step
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public T within(Period length) {
        return complete.apply(Window.last(length));
    }

    /**
     * At or before {@code now}.
     *
     * @return the condition or the next step
     */
    public T ever() {
        return complete.apply(Window.ever());
    }

    /**
     * After the last order placed at or before {@code now}, up to and including {@code now} (the whole
     * history for a customer who never ordered).
     *
     * @return the condition or the next step
     * @throws IllegalArgumentException from {@code bought(...)}, which would never match in this window
     */
    public T sinceLastOrder() {
        return complete.apply(Window.sinceLastOrder());
    }
}
