package dev.retention.rules.segment;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;
import java.util.List;

/**
 * A yes/no question about one customer at an instant: the node type of the segment DSL.
 *
 * <p>Built-in conditions are records (data): the same tree gives {@link #test}, {@link #explain},
 * {@link #describe()} and the JSON form ({@link SegmentJson}). Create them with the factories of
 * {@link Conditions}. Your own conditions implement {@link UserCondition} (a lambda will do) and
 * combine with the built-ins.
 *
 * <p>Every condition is a pure function of its {@link EvaluationContext}: it sees only events at or
 * before {@code now}, does no I/O, and is safe to evaluate from many threads at once. Each
 * condition's Javadoc states its window edges.
 *
 * <p>A tree is at most {@link #MAX_DEPTH} levels deep (a leaf is one level, each {@code not},
 * {@code all of}, {@code any of} and {@code at least k of} above it one more; {@link #and} and
 * {@link #or} flatten chains, so long chains stay shallow): combinators refuse to build a deeper
 * one, since evaluating, explaining and writing a tree recurse over it. A tree that deep still
 * fits the segment JSON reader's nesting limit.
 */
public sealed interface Condition permits OrderCount, NetSpend, AverageOrderValueCondition, FirstOrder, LastOrder,
        DaysSinceLastOrder, ViewCount, ViewedNotBought, Bought, AbandonedCart, AttributeEquals, AttributeIn,
        AttributeBetween, AttributePresent, BirthdayWithin, SignedUpWithin, AcquiredFrom, HasConsent,
        CustomEventCount, AllOf, AnyOf, Not, AtLeastOf, UserCondition {

    /** The most levels a condition tree may have; see the interface's Javadoc. */
    int MAX_DEPTH = 256;

    /**
     * Whether the customer meets the condition. Pure: the same context always gives the same answer.
     *
     * @param context the customer's history and profile, the instant {@code now} and the catalog
     * @return true if the condition holds at {@code now}
     * @throws IllegalStateException if the condition selects products by category and the context has no catalog
     */
    boolean test(EvaluationContext context);

    /**
     * The verdict with the observed values; {@code explain(c).verdict() == test(c)} always. Evaluates
     * every part of a combinator (no short cut), so it costs more than {@link #test(EvaluationContext)}.
     *
     * @param context the customer's history and profile, the instant {@code now} and the catalog
     * @return the explanation tree, mirroring this condition's tree
     * @throws IllegalStateException if the condition selects products by category and the context has no catalog
     */
    Explanation explain(EvaluationContext context);

    /**
     * The condition in words, e.g. "orders in the last 30 days >= 5"; also its {@code toString()}.
     *
     * @return the description, independent of any customer
     */
    String describe();

    /**
     * {@link #test(EvaluationContext)} without a {@link Catalog} (a category condition throws).
     *
     * @param history the customer's events; only those at or before {@code now} count
     * @param profile the customer's profile ({@code CustomerProfile.unknown(id)} if you have none)
     * @param now the instant of evaluation
     * @return true if the condition holds at {@code now}
     */
    default boolean test(CustomerHistory history, CustomerProfile profile, Instant now) {
        return test(EvaluationContext.of(history, profile, now));
    }

    /**
     * Both this and {@code other}; chains of {@code and} flatten into one {@link AllOf}, so they stay shallow.
     *
     * @param other the other condition
     * @return the conjunction; this condition is not changed
     */
    default Condition and(Condition other) {
        return AllOf.of(List.of(this, other));
    }

    /**
     * This or {@code other} (or both); chains of {@code or} flatten into one {@link AnyOf}.
     *
     * @param other the other condition
     * @return the disjunction; this condition is not changed
     */
    default Condition or(Condition other) {
        return AnyOf.of(List.of(this, other));
    }

    /**
     * The opposite of this condition.
     *
     * @return {@code not(this)}
     * @throws IllegalArgumentException if the tree would get deeper than {@link #MAX_DEPTH}
     */
    default Condition negate() {
        return new Not(this);
    }
}
