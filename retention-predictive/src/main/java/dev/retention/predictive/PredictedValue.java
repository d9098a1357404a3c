package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import dev.retention.core.event.OrderPlaced;
import dev.retention.rules.segment.Comparison;
import dev.retention.rules.segment.EvaluationContext;
import dev.retention.rules.segment.Explanation;
import dev.retention.rules.segment.UserCondition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The value the models expect from the customer in the {@code horizon} after {@code now} (expected
 * orders times expected order value, discounted as the predictions say) compares to an amount:
 * {@code predictions.predictedValue(days(365)).above(Money.of(200, "USD"))}. The value is in the
 * currency the customer orders in; a customer without an order at or before {@code now}, or who
 * orders in another currency than the threshold's, never matches.
 *
 * @param predictions the fitted models, with a spend model
 * @param horizon how far after {@code now}, positive
 * @param comparison how the value is compared: at least, at most, more than or less than
 * @param threshold the amount, not negative
 */
public record PredictedValue(Predictions predictions, Duration horizon, Comparison comparison, Money threshold)
        implements UserCondition {

    /**
     * Validates the components.
     *
     * @param predictions the fitted models, with a spend model
     * @param horizon how far after {@code now}, positive
     * @param comparison how the value is compared: at least, at most, more than or less than
     * @param threshold the amount, not negative
     * @throws IllegalArgumentException if the horizon is not positive, the amount negative, or the
     *     comparison {@code EXACTLY}
     * @throws IllegalStateException if the predictions have no spend model
     */
    public PredictedValue {
        requireNonNull(predictions, "predictions");
        Predictions.checkHorizon(horizon);
        Scores.checkComparison(comparison);
        requireNonNull(threshold, "threshold");
        checkArgument(!threshold.isNegative(), "predicted value threshold must not be negative: %s", threshold);
        if (predictions.spend().isEmpty()) {
            throw new IllegalStateException("predicted value needs a Gamma-Gamma model: Predictions.of(orders, spend, summaries)");
        }
    }

    @Override
    public boolean matches(EvaluationContext context) {
        Optional<Double> value = value(context);
        return value.isPresent() && holds(value.get());
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<Currency> currency = currency(context);
        String expected = comparison.symbol() + " " + threshold;
        if (currency.isEmpty()) {
            return new Explanation(subject(), "no order", expected, false, List.of());
        }
        if (!currency.get().equals(threshold.currency())) {
            return new Explanation(subject(), "none in " + threshold.currency().getCurrencyCode() + " (orders in "
                    + currency.get().getCurrencyCode() + ")", expected, false, List.of());
        }
        double value = value(context).orElseThrow();
        String observed = BigDecimal.valueOf(value).setScale(Money.fractionDigits(threshold.currency()),
                RoundingMode.HALF_EVEN).toPlainString() + " " + threshold.currency().getCurrencyCode();
        return new Explanation(subject(), observed, expected, holds(value), List.of());
    }

    private boolean holds(double value) {
        return Scores.holds(comparison, value, threshold.toBigDecimal().doubleValue());
    }

    private Optional<Double> value(EvaluationContext context) {
        if (!currency(context).filter(threshold.currency()::equals).isPresent()) {
            return Optional.empty();
        }
        return predictions.summary(context.history(), context.now())
                .map(summary -> predictions.predictedValue(summary, horizon));
    }

    /** The currency of the customer's first order at or before now (the summaries refuse a second one). */
    private static Optional<Currency> currency(EvaluationContext context) {
        List<OrderPlaced> orders = context.history().orders();
        if (orders.isEmpty() || orders.get(0).occurredAt().isAfter(context.now())) {
            return Optional.empty();
        }
        return Optional.of(orders.get(0).total().currency());
    }

    private String subject() {
        return "predicted value in the next " + Scores.horizon(horizon);
    }

    @Override
    public String describe() {
        return subject() + " " + comparison.symbol() + " " + threshold;
    }

    @Override
    public String toString() {
        return describe();
    }
}
