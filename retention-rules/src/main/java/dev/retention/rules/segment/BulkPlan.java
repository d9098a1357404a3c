package dev.retention.rules.segment;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * A condition prepared for one bulk pass at one instant: the window bounds that depend only on
 * {@code now} (the start of "the last 60 days", the end that includes {@code now}) are computed once
 * for the pass instead of once per customer and condition, and the counting and lifetime-spend
 * conditions ask the history directly, so that a customer whom only such conditions judge costs
 * no allocation (no {@link EvaluationContext}, no {@link Instant}, no {@link dev.retention.core.Money}).
 * Every other condition, and every window that depends on the customer (since the last order), is
 * tested as it is, with a context made for that customer when first needed.
 *
 * <p>The verdicts are the conditions' own: each node asks the history what the condition's
 * {@code test} asks it, with the same bounds, and combinations short-circuit in the same order
 * (a property test compares bulk members with each customer's own verdict).
 */
abstract class BulkPlan {
    /** What every node of a pass shares: the instant and the catalog. */
    static final class Pass {
        final Instant now;
        final Catalog catalog;

        Pass(Instant now, Catalog catalog) {
            this.now = now;
            this.catalog = catalog;
        }
    }

    /**
     * Whether the customer meets the condition.
     *
     * @param history the customer's history
     * @param profile the customer's profile (or the evaluator's stand-in when no condition reads it)
     * @param pass the pass's instant and catalog
     */
    abstract boolean test(CustomerHistory history, CustomerProfile profile, Pass pass);

    /** The plan of a condition for a pass at {@code now}. */
    static BulkPlan of(Condition condition, Instant now) {
        if (condition instanceof AllOf all) {
            return new All(plans(all.conditions(), now));
        }
        if (condition instanceof AnyOf any) {
            return new Any(plans(any.conditions(), now));
        }
        if (condition instanceof Not not) {
            return new Negation(of(not.condition(), now));
        }
        try {
            if (condition instanceof OrderCount count) {
                return count.window().kind() == Window.Kind.EVER ? new OrdersEver(count.bound())
                        : fixed(count.window()) ? new OrdersWithin(count.bound(), start(count.window(), now), Window.end(now))
                        : new AsItIs(condition);
            }
            if (condition instanceof NetSpend spend && spend.window().kind() == Window.Kind.EVER) {
                return new SpendEver(spend.bound());
            }
            if (condition instanceof ViewCount views && views.products().isAny() && fixed(views.window())) {
                return new ViewsWithin(views.bound(), start(views.window(), now), Window.end(now));
            }
            // not for a category: the condition first checks that a catalog was given, for every customer
            if (condition instanceof ViewedNotBought viewed && viewed.products().category().isEmpty()
                    && fixed(viewed.window())) {
                return new ViewedFirst(condition, start(viewed.window(), now), Window.end(now));
            }
        } catch (DateTimeException | ArithmeticException e) {
            // a bound out of the instant range: leave it to the condition, which fails (or not) as it does alone
        }
        return new AsItIs(condition);
    }

    private static BulkPlan[] plans(List<Condition> conditions, Instant now) {
        return conditions.stream().map(c -> of(c, now)).toArray(BulkPlan[]::new);
    }

    /** Whether the window's bounds depend on {@code now} only, not on the customer. */
    private static boolean fixed(Window window) {
        return window.kind() != Window.Kind.SINCE_LAST_ORDER;
    }

    private static Instant start(Window window, Instant now) {
        return window.from(null, now); // the history is read only for since-last-order
    }

    private static final class All extends BulkPlan {
        private final BulkPlan[] parts;

        All(BulkPlan[] parts) {
            this.parts = parts;
        }

        @Override
        boolean test(CustomerHistory history, CustomerProfile profile, Pass pass) {
            for (BulkPlan part : parts) {
                if (!part.test(history, profile, pass)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Any extends BulkPlan {
        private final BulkPlan[] parts;

        Any(BulkPlan[] parts) {
            this.parts = parts;
        }

        @Override
        boolean test(CustomerHistory history, CustomerProfile profile, Pass pass) {
            for (BulkPlan part : parts) {
                if (part.test(history, profile, pass)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Negation extends BulkPlan {
        private final BulkPlan inner;

        Negation(BulkPlan inner) {
            this.inner = inner;
        }

        @Override
        boolean test(CustomerHistory history, CustomerProfile profile, Pass pass) {
            return !inner.test(history, profile, pass);
        }
    }

    /** {@link OrderCount} over {@link Window#ever()}: the count as of now, from the summary when now is past the last order. */
    private static final class OrdersEver extends BulkPlan {
        private final CountBound bound;

        OrdersEver(CountBound bound) {
            this.bound = bound;
        }

        @Override
        boolean test(CustomerHistory history, CustomerProfile profile, Pass pass) {
            return bound.matches(history.orderCountAsOf(pass.now));
        }
    }

    /** {@link OrderCount} over a window fixed by now: one search at most. */
    private static final class OrdersWithin extends BulkPlan {
        private final CountBound bound;
        private final Instant from;
        private final Instant end;

        OrdersWithin(CountBound bound, Instant from, Instant end) {
            this.bound = bound;
            this.from = from;
            this.end = end;
        }

        @Override
        boolean test(CustomerHistory history, CustomerProfile profile, Pass pass) {
            return bound.matches(history.orderCount(from, end));
        }
    }

    /** {@link NetSpend} over {@link Window#ever()}, in minor units: the money summary when now is past the last order and refund. */
    private static final class SpendEver extends BulkPlan {
        private final Comparison comparison;
        private final Currency currency;
        private final long threshold;

        SpendEver(MoneyBound bound) {
            this.comparison = bound.comparison();
            this.currency = bound.amount().currency();
            this.threshold = bound.amount().minorUnits();
        }

        @Override
        boolean test(CustomerHistory history, CustomerProfile profile, Pass pass) {
            // MoneyBound.matches compares the amounts, in one currency, by their minor units
            return comparison.holds(Long.compare(history.netSpendMinorAsOf(currency, pass.now), threshold), 0);
        }
    }

    /** {@link ViewCount} of any product over a window fixed by now. */
    private static final class ViewsWithin extends BulkPlan {
        private final CountBound bound;
        private final Instant from;
        private final Instant end;

        ViewsWithin(CountBound bound, Instant from, Instant end) {
            this.bound = bound;
            this.from = from;
            this.end = end;
        }

        @Override
        boolean test(CustomerHistory history, CustomerProfile profile, Pass pass) {
            return bound.matches(history.viewCount(from, end));
        }
    }

    /**
     * {@link ViewedNotBought} over a window fixed by now: a customer without a view in the window
     * is not a member (the condition's own first question); the others are asked the condition.
     */
    private static final class ViewedFirst extends BulkPlan {
        private final Condition condition;
        private final Instant from;
        private final Instant end;

        ViewedFirst(Condition condition, Instant from, Instant end) {
            this.condition = condition;
            this.from = from;
            this.end = end;
        }

        @Override
        boolean test(CustomerHistory history, CustomerProfile profile, Pass pass) {
            return history.viewCount(from, end) != 0
                    && condition.test(new EvaluationContext(history, profile, pass.now, pass.catalog));
        }
    }

    /** Any other condition: tested as it is, in a context made for the customer. */
    private static final class AsItIs extends BulkPlan {
        private final Condition condition;

        AsItIs(Condition condition) {
            this.condition = condition;
        }

        @Override
        boolean test(CustomerHistory history, CustomerProfile profile, Pass pass) {
            return condition.test(new EvaluationContext(history, profile, pass.now, pass.catalog));
        }
    }
}
