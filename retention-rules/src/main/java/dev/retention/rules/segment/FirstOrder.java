package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The customer's first order (among orders placed at or before {@code now}) is recent or old: {@link Recency#WITHIN} means placed in {@code [now - age, now]} ("new customer"), {@link Recency#OLDER_THAN} means placed strictly before {@code now - age}. A customer without orders never matches.
 *
 * @param recency whether the first order must be recent or old
 * @param age the distance back from {@code now}
 */
public record FirstOrder(Recency recency, Duration age) implements Condition {

    /**
     * Validates the components.
     *
     * @param recency whether the first order must be recent or old
     * @param age the distance back from {@code now}
     * @throws IllegalArgumentException if {@code age} is negative or longer than {@link Window#MAX_LENGTH}
     * @throws NullPointerException if a component is null
     */
    public FirstOrder {
        requireNonNull(recency, "recency");
        requireNonNull(age, "age");
        checkArgument(!age.isNegative() && age.compareTo(Window.MAX_LENGTH) <= 0,
                "age must be between zero and %s, got %s", Window.MAX_LENGTH, age);
    }

    @Override
    public boolean test(EvaluationContext context) {
        Optional<Instant> at = observe(context);
        return at.isPresent() && recency.holds(at.get(), context.now(), age);
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<Instant> at = observe(context);
        return Explanation.leaf(subject(), at.map(Instant::toString).orElse("no order"), recency.describe(age),
                at.isPresent() && recency.holds(at.get(), context.now(), age));
    }

    private Optional<Instant> observe(EvaluationContext context) {
        return context.history().firstOrderAt().filter(t -> !t.isAfter(context.now()));
    }

    private static String subject() {
        return "first order";
    }

    @Override
    public String describe() {
        return subject() + " " + recency.describe(age);
    }

    @Override
    public String toString() {
        return describe();
    }
}
