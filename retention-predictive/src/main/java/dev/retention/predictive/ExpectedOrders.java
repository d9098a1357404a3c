package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.rules.segment.Comparison;
import dev.retention.rules.segment.EvaluationContext;
import dev.retention.rules.segment.Explanation;
import dev.retention.rules.segment.UserCondition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The orders the BG/NBD model expects from the customer in the {@code horizon} after {@code now}
 * compare to a threshold: {@code predictions.expectedOrders(days(90)).atLeast(1)}. A customer
 * without an order at or before {@code now} never matches.
 *
 * @param predictions the fitted models
 * @param horizon how far after {@code now}, positive
 * @param comparison how the expected orders are compared: at least, at most, more than or less than
 * @param threshold the threshold, finite and not negative
 */
public record ExpectedOrders(Predictions predictions, Duration horizon, Comparison comparison, double threshold)
        implements UserCondition {

    /**
     * Validates the components.
     *
     * @param predictions the fitted models
     * @param horizon how far after {@code now}, positive
     * @param comparison how the expected orders are compared: at least, at most, more than or less than
     * @param threshold the threshold, finite and not negative
     * @throws IllegalArgumentException if the horizon is not positive, the threshold negative or not
     *     finite, or the comparison {@code EXACTLY}
     */
    public ExpectedOrders {
        requireNonNull(predictions, "predictions");
        Predictions.checkHorizon(horizon);
        Scores.checkComparison(comparison);
        checkArgument(Double.isFinite(threshold) && threshold >= 0,
                "expected orders threshold must be finite and >= 0: %s", threshold);
    }

    @Override
    public boolean matches(EvaluationContext context) {
        Optional<Double> n = value(context);
        return n.isPresent() && Scores.holds(comparison, n.get(), threshold);
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<Double> n = value(context);
        String expected = Scores.expected(comparison, threshold);
        if (n.isEmpty()) {
            return new Explanation(subject(), "no order", expected, false, List.of());
        }
        return new Explanation(subject(), Scores.score(n.get()), expected, Scores.holds(comparison, n.get(), threshold),
                List.of());
    }

    private Optional<Double> value(EvaluationContext context) {
        return predictions.summary(context.history(), context.now())
                .map(summary -> predictions.expectedOrders(summary, horizon));
    }

    private String subject() {
        return "expected orders in the next " + Scores.horizon(horizon);
    }

    @Override
    public String describe() {
        return subject() + " " + Scores.expected(comparison, threshold);
    }

    @Override
    public String toString() {
        return describe();
    }
}
