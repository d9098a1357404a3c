package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The average order value in a {@link Window} compares to a threshold: net spend in the window
 * (as {@link NetSpend} counts it) divided by the orders placed in the window. The comparison is
 * exact (no rounding): {@code average >= t} means {@code spend >= t * orders}. A customer without
 * orders in the window has no average and never matches, which is why the window cannot be
 * {@link Window#sinceLastOrder()}.
 *
 * <p>Named apart from the metric {@code dev.retention.metrics.AverageOrderValue}, so that code
 * using both needs no qualified names.
 *
 * @param window the orders and refunds that count
 * @param bound the threshold; its currency is the one spend is counted in
 */
public record AverageOrderValueCondition(Window window, MoneyBound bound) implements Condition {

    /**
     * Validates the components.
     *
     * @param window the orders and refunds that count
     * @param bound the threshold; its currency is the one spend is counted in
     * @throws IllegalArgumentException if {@code window} is {@link Window#sinceLastOrder()}
     * @throws NullPointerException if a component is null
     */
    public AverageOrderValueCondition {
        requireNonNull(window, "window");
        Window.checkOrdersCanFallIn(window, "an average-order-value condition");
        requireNonNull(bound, "bound");
    }

    @Override
    public boolean test(EvaluationContext context) {
        int orders = orders(context);
        return orders > 0 && matches(spend(context), orders);
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        int orders = orders(context);
        if (orders == 0) {
            return Explanation.leaf(subject(), "no orders", bound.describe(), false);
        }
        Money spend = spend(context);
        String currency = spend.currency().getCurrencyCode();
        Optional<String> others = bound.otherCurrenciesOnly(context);
        if (others.isPresent()) {
            return Explanation.leaf(subject(), "no orders in " + currency + " (orders in " + others.get() + ")",
                    bound.describe(), matches(spend, orders));
        }
        BigDecimal average = spend.toBigDecimal().divide(BigDecimal.valueOf(orders), 2 + Money.fractionDigits(
                spend.currency()), RoundingMode.HALF_EVEN).stripTrailingZeros();
        return Explanation.leaf(subject(), average.toPlainString() + " " + spend.currency().getCurrencyCode(),
                bound.describe(), matches(spend, orders));
    }

    private boolean matches(Money spend, int orders) {
        return bound.comparison().holds(spend.compareTo(bound.amount().times(orders)), 0);
    }

    private int orders(EvaluationContext context) {
        return context.history().orderCount(context.from(window), context.end());
    }

    private Money spend(EvaluationContext context) {
        return context.history().netSpend(bound.amount().currency(), context.from(window), context.end());
    }

    private String subject() {
        return "average order value " + window.describe();
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
