package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;

/**
 * A named condition over one customer's history and profile at an instant: the marketer's
 * segment, written as the marketer says it.
 *
 * <pre>{@code
 * Segment lapsedLoyal = Segment.named("lapsed-loyal")
 *         .where(ordersEver().atLeast(3))
 *         .and(noOrderWithin(days(60)));
 * boolean member = lapsedLoyal.test(history, profile, now);
 * }</pre>
 *
 * <p>Immutable and thread-safe; evaluation is pure (no I/O, no clock). Evaluate a whole store with
 * {@link SegmentEvaluator}, store it as JSON with {@link SegmentJson}.
 */
public record Segment(String name, Condition condition) {

    public Segment {
        checkArgument(name != null && !name.isBlank(), "segment name must not be blank, got %s",
                name == null ? "null" : "'" + name + "'");
        requireNonNull(condition, "condition");
    }

    /** Starts a segment: {@code Segment.named("x").where(...)}. */
    public static Start named(String name) {
        checkArgument(name != null && !name.isBlank(), "segment name must not be blank, got %s",
                name == null ? "null" : "'" + name + "'");
        return new Start(name);
    }

    /** This segment narrowed by another condition (both must hold). */
    public Segment and(Condition other) {
        return new Segment(name, condition.and(other));
    }

    /** This segment widened by another condition (either may hold). */
    public Segment or(Condition other) {
        return new Segment(name, condition.or(other));
    }

    /** Whether the customer is a member at {@code now}; without a {@link Catalog} (a category condition fails). */
    public boolean test(CustomerHistory history, CustomerProfile profile, Instant now) {
        return condition.test(EvaluationContext.of(history, profile, now));
    }

    public boolean test(EvaluationContext context) {
        return condition.test(context);
    }

    /** Why the customer is or is not a member; the root's verdict equals {@link #test}. */
    public Explanation explain(CustomerHistory history, CustomerProfile profile, Instant now) {
        return condition.explain(EvaluationContext.of(history, profile, now));
    }

    public Explanation explain(EvaluationContext context) {
        return condition.explain(context);
    }

    /** E.g. {@code "lapsed-loyal: orders ever >= 3 and orders in the last 60 days = 0"}. */
    public String describe() {
        return name + ": " + condition.describe();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The first step of {@link #named}. */
    public static final class Start {
        private final String name;

        private Start(String name) {
            this.name = name;
        }

        public Segment where(Condition condition) {
            return new Segment(name, condition);
        }
    }
}
