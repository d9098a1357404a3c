package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;

/**
 * What the customer spent in a {@link Window}, net of refunds, compares to a threshold, e.g. "net
 * spend ever > 100.00 USD". Counts order totals placed in the window minus refunds made in the
 * window (a refund in the window of an earlier order lowers the spend), in the threshold's currency
 * only (a customer who ordered only in other currencies has spent 0, and {@link #explain} says why).
 * Window edges as in {@link Window}.
 *
 * @param window the orders and refunds that count
 * @param bound the threshold; its currency is the one spend is counted in
 */
public record NetSpend(Window window, MoneyBound bound) implements Condition {

    /**
     * Validates the components.
     *
     * @param window the orders and refunds that count
     * @param bound the threshold; its currency is the one spend is counted in
     * @throws NullPointerException if a component is null
     */
    public NetSpend {
        requireNonNull(window, "window");
        requireNonNull(bound, "bound");
    }

    @Override
    public boolean test(EvaluationContext context) {
        return bound.matches(observe(context));
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Money observed = observe(context);
        String currency = bound.amount().currency().getCurrencyCode();
        String shown = bound.otherCurrenciesOnly(context)
                .map(others -> observed + " (no orders in " + currency + "; orders in " + others + ")")
                .orElse(observed.toString());
        return Explanation.leaf(subject(), shown, bound.describe(), bound.matches(observed));
    }

    private Money observe(EvaluationContext context) {
        if (window.kind() == Window.Kind.EVER) {
            // the history may answer a lifetime sum from its summaries
            return context.history().netSpendAsOf(bound.amount().currency(), context.now());
        }
        return context.history().netSpend(bound.amount().currency(), context.from(window), context.end());
    }

    private String subject() {
        return "net spend " + window.describe();
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
