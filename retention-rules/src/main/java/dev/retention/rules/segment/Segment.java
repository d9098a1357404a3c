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
 *
 * @param name the segment's name, not blank: the key of {@link SegmentEvaluator#membersOfEach}'s result
 * @param condition the condition a member meets
 */
public record Segment(String name, Condition condition) {

    /**
     * Validates the components.
     *
     * @param name the segment's name, not blank: the key of {@link SegmentEvaluator#membersOfEach}'s result
     * @param condition the condition a member meets
     * @throws IllegalArgumentException if {@code name} is null or blank
     * @throws NullPointerException if {@code condition} is null
     */
    public Segment {
        checkArgument(name != null && !name.isBlank(), "segment name must not be blank, got %s",
                name == null ? "null" : "'" + name + "'");
        requireNonNull(condition, "condition");
    }

    /**
     * Starts a segment: {@code Segment.named("x").where(...)}.
     *
     * @param name the segment's name, not blank
     * @return the step that takes the segment's first condition
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public static Start named(String name) {
        checkArgument(name != null && !name.isBlank(), "segment name must not be blank, got %s",
                name == null ? "null" : "'" + name + "'");
        return new Start(name);
    }

    /**
     * This segment narrowed by another condition (both must hold).
     *
     * @param other the condition members must also meet
     * @return a new segment with the same name; this one is not changed
     */
    public Segment and(Condition other) {
        return new Segment(name, condition.and(other));
    }

    /**
     * This segment widened by another condition (either may hold).
     *
     * @param other the condition that also makes a member
     * @return a new segment with the same name; this one is not changed
     */
    public Segment or(Condition other) {
        return new Segment(name, condition.or(other));
    }

    /**
     * Whether the customer is a member at {@code now}; without a {@link Catalog} (a category condition
     * throws {@link IllegalStateException}).
     *
     * @param history the customer's events; only those at or before {@code now} count
     * @param profile the customer's profile ({@code CustomerProfile.unknown(id)} if you have none)
     * @param now the instant of evaluation
     * @return true if the customer is a member
     */
    public boolean test(CustomerHistory history, CustomerProfile profile, Instant now) {
        return condition.test(EvaluationContext.of(history, profile, now));
    }

    /**
     * Whether the customer is a member, with a catalog for category conditions if the context has one.
     *
     * @param context the customer, the instant and the catalog
     * @return true if the customer is a member
     */
    public boolean test(EvaluationContext context) {
        return condition.test(context);
    }

    /**
     * Why the customer is or is not a member; the root's verdict equals {@link #test}.
     *
     * @param history the customer's events; only those at or before {@code now} count
     * @param profile the customer's profile
     * @param now the instant of evaluation
     * @return the explanation tree of the condition
     */
    public Explanation explain(CustomerHistory history, CustomerProfile profile, Instant now) {
        return condition.explain(EvaluationContext.of(history, profile, now));
    }

    /**
     * Why the customer is or is not a member, with the context's catalog; the root's verdict equals
     * {@link #test(EvaluationContext)}.
     *
     * @param context the customer, the instant and the catalog
     * @return the explanation tree of the condition
     */
    public Explanation explain(EvaluationContext context) {
        return condition.explain(context);
    }

    /**
     * E.g. {@code "lapsed-loyal: orders ever >= 3 and orders in the last 60 days = 0"}.
     *
     * @return the name and the condition in words
     */
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

        /**
         * Completes the segment with its condition; chain {@link Segment#and} and {@link Segment#or} for more.
         *
         * @param condition the condition members meet
         * @return the segment
         */
        public Segment where(Condition condition) {
            return new Segment(name, condition);
        }
    }
}
