package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

/**
 * The number of orders placed in a {@link Window} compares to a threshold, e.g. "orders in the last
 * 30 days >= 5". Refunded orders still count as placed. Window edges as in {@link Window}: for
 * {@code last(d)} an order at {@code now - d} or at {@code now} counts. The window cannot be
 * {@link Window#sinceLastOrder()}: it would always count 0.
 *
 * @param window when the orders must have been placed
 * @param bound the count threshold
 */
public record OrderCount(Window window, CountBound bound) implements Condition {

    /**
     * Validates the components.
     *
     * @param window when the orders must have been placed
     * @param bound the count threshold
     * @throws IllegalArgumentException if {@code window} is {@link Window#sinceLastOrder()}
     * @throws NullPointerException if a component is null
     */
    public OrderCount {
        requireNonNull(window, "window");
        Window.checkOrdersCanFallIn(window, "an orders condition");
        requireNonNull(bound, "bound");
    }

    @Override
    public boolean test(EvaluationContext context) {
        return bound.matches(observe(context));
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        int observed = observe(context);
        return Explanation.leaf(subject(), observed, bound.describe(), bound.matches(observed));
    }

    private int observe(EvaluationContext context) {
        if (window.kind() == Window.Kind.EVER) {
            // one search, not two (and the history may answer from its summaries)
            return context.history().orderCountAsOf(context.now());
        }
        return context.history().orderCount(context.from(window), context.end());
    }

    private String subject() {
        return "orders " + window.describe();
    }

    @Override
    public String describe() {
        return subject() + " " + bound.describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
