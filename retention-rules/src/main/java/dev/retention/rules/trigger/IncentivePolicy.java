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
     * Whether to offer an incentive with this firing.
     *
     * @param history the customer's events
     * @param profile the customer's profile
     * @param products the products the firing is about (viewed, or in the cart)
     * @param now the instant of evaluation
     * @return the incentive, or empty for none
     */
    Optional<Incentive> offer(CustomerHistory history, CustomerProfile profile, List<ProductId> products, Instant now);

    /**
     * Never offers anything.
     *
     * @return the policy
     */
    static IncentivePolicy none() {
        return (history, profile, products, now) -> Optional.empty();
    }

    /**
     * Always offers the same incentive.
     *
     * @param incentive the incentive
     * @return the policy
     */
    static IncentivePolicy always(Incentive incentive) {
        requireNonNull(incentive, "incentive");
        return (history, profile, products, now) -> Optional.of(incentive);
    }

    /**
     * Offers the incentive only to customers with no order at or before {@code now}.
     *
     * @param incentive the incentive
     * @return the policy
     */
    static IncentivePolicy firstOrderOnly(Incentive incentive) {
        requireNonNull(incentive, "incentive");
        return (history, profile, products, now) ->
                history.orderCountAsOf(now) == 0 ? Optional.of(incentive) : Optional.empty();
    }
}
