package dev.retention.rules.trigger;

import static java.util.Objects.requireNonNull;

import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a firing offers an {@link Incentive}, e.g. a small discount on an abandoned
 * view only for customers who have never ordered. Must be pure and thread-safe; a policy that
 * mints unique codes should derive them from its arguments, because triggers are evaluated often.
 */
@FunctionalInterface
public interface IncentivePolicy {

    /**
     * @param products the products the firing is about (viewed, or in the cart)
     */
    Optional<Incentive> offer(CustomerHistory history, CustomerProfile profile, List<ProductId> products, Instant now);

    /** Never offers anything. */
    static IncentivePolicy none() {
        return (history, profile, products, now) -> Optional.empty();
    }

    /** Always offers the same incentive. */
    static IncentivePolicy always(Incentive incentive) {
        requireNonNull(incentive, "incentive");
        return (history, profile, products, now) -> Optional.of(incentive);
    }

    /** Offers the incentive only to customers with no order at or before {@code now}. */
    static IncentivePolicy firstOrderOnly(Incentive incentive) {
        requireNonNull(incentive, "incentive");
        return (history, profile, products, now) ->
                history.orderCountAsOf(now) == 0 ? Optional.of(incentive) : Optional.empty();
    }
}
