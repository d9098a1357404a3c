package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.rules.segment.Comparison;
import dev.retention.rules.segment.EvaluationContext;
import dev.retention.rules.segment.Explanation;
import dev.retention.rules.segment.UserCondition;
import java.util.List;
import java.util.Optional;

/**
 * The customer's P(alive) under the BG/NBD model, as of {@code now}, compares to a threshold:
 * {@code predictions.pAlive().below(0.3)}. A customer without an order at or before {@code now}
 * never matches; one without a repeat purchase has P(alive) 1.
 *
 * @param predictions the fitted models
 * @param comparison how P(alive) is compared: at least, at most, more than or less than
 * @param threshold the threshold, in [0, 1]
 */
public record ProbabilityAlive(Predictions predictions, Comparison comparison, double threshold)
        implements UserCondition {

    /**
     * Validates the components.
     *
     * @param predictions the fitted models
     * @param comparison how P(alive) is compared: at least, at most, more than or less than
     * @param threshold the threshold, in [0, 1]
     * @throws IllegalArgumentException if the threshold is outside [0, 1] or the comparison is {@code EXACTLY}
     */
    public ProbabilityAlive {
        requireNonNull(predictions, "predictions");
        Scores.checkComparison(comparison);
        checkArgument(threshold >= 0 && threshold <= 1, "P(alive) threshold must be in [0, 1]: %s", threshold);
    }

    @Override
    public boolean matches(EvaluationContext context) {
        Optional<Double> p = value(context);
        return p.isPresent() && Scores.holds(comparison, p.get(), threshold);
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<Double> p = value(context);
        String expected = Scores.expected(comparison, threshold);
        if (p.isEmpty()) {
            return new Explanation(subject(), "no order", expected, false, List.of());
        }
        return new Explanation(subject(), Scores.score(p.get()), expected,
                Scores.holds(comparison, p.get(), threshold), List.of());
    }

    private Optional<Double> value(EvaluationContext context) {
        return predictions.summary(context.history(), context.now()).map(predictions.orders()::probabilityAlive);
    }

    private static String subject() {
        return "P(alive)";
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
