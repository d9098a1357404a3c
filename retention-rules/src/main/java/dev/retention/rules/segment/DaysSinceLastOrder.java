package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whole days (rounded down) from the last order placed at or before {@code now} to {@code now}
 * compare to a threshold: an order 47 hours ago is 1 day ago. A customer without orders never
 * matches.
 *
 * @param bound the threshold, in whole days
 */
public record DaysSinceLastOrder(CountBound bound) implements Condition {

    /**
     * Validates the component.
     *
     * @param bound the threshold, in whole days
     * @throws NullPointerException if {@code bound} is null
     */
    public DaysSinceLastOrder {
        requireNonNull(bound, "bound");
    }

    @Override
    public boolean test(EvaluationContext context) {
        Optional<Instant> last = context.history().lastOrderAt(context.now());
        return last.isPresent() && bound.matches(days(last.get(), context.now()));
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<Instant> last = context.history().lastOrderAt(context.now());
        if (last.isEmpty()) {
            return Explanation.leaf(subject(), "no order", bound.describe(), false);
        }
        long days = days(last.get(), context.now());
        return Explanation.leaf(subject(), days, bound.describe(), bound.matches(days));
    }

    private static long days(Instant last, Instant now) {
        return Duration.between(last, now).toDays();
    }

    private static String subject() {
        return "days since last order";
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
