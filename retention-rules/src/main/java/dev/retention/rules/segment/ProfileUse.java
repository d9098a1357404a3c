package dev.retention.rules.segment;

/**
 * Which condition trees may read the customer's profile, so that bulk evaluation looks profiles up
 * only when a condition needs one: a lookup per customer is a hash probe into a store of millions.
 * The conditions known to read only the history are listed; every other condition, a
 * {@link UserCondition} or one added later included, counts as reading the profile.
 */
final class ProfileUse {
    private ProfileUse() {}

    /** Whether evaluating {@code condition} may read {@link EvaluationContext#profile()}. */
    static boolean mayRead(Condition condition) {
        if (condition instanceof AllOf all) {
            return all.conditions().stream().anyMatch(ProfileUse::mayRead);
        }
        if (condition instanceof AnyOf any) {
            return any.conditions().stream().anyMatch(ProfileUse::mayRead);
        }
        if (condition instanceof AtLeastOf atLeast) {
            return atLeast.conditions().stream().anyMatch(ProfileUse::mayRead);
        }
        if (condition instanceof Not not) {
            return mayRead(not.condition());
        }
        return !(condition instanceof OrderCount || condition instanceof NetSpend
                || condition instanceof AverageOrderValueCondition || condition instanceof FirstOrder
                || condition instanceof LastOrder || condition instanceof DaysSinceLastOrder
                || condition instanceof ViewCount || condition instanceof ViewedNotBought
                || condition instanceof Bought || condition instanceof AbandonedCart
                || condition instanceof CustomEventCount);
    }
}
