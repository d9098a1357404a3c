package dev.retention.rules.trigger;

import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Abandoned cart: the cart as last updated at or before {@code now} is not empty, was updated in
 * {@code [now - maxAge, now - settleDelay]}, and no order was placed since that update (at or
 * after it). Each cart update is its own episode.
 *
 * <p>Payload: {@code cartProducts} (ids), {@code cartTotal} (e.g. "49.90 USD") and, when the
 * {@link IncentivePolicy} offers one, {@code incentiveCode} and {@code incentiveDescription}.
 * Immutable and thread-safe.
 */
public final class AbandonedCartTrigger implements Trigger {
    private static final Set<String> PAYLOAD_FIELDS = Set.of("cartProducts", "cartTotal");
    private final String name;
    private final Duration settleDelay;
    private final Duration maxAge;
    private final IncentivePolicy incentives;

    private AbandonedCartTrigger(String name, Duration settleDelay, Duration maxAge, IncentivePolicy incentives) {
        this.name = Durations.name(name);
        this.settleDelay = Durations.notNegative("settleDelay", settleDelay);
        this.maxAge = Durations.positive("maxAge", maxAge);
        this.incentives = requireNonNull(incentives, "incentives");
        com.google.common.base.Preconditions.checkArgument(settleDelay.compareTo(maxAge) < 0,
                "settleDelay (%s) must be shorter than maxAge (%s)", settleDelay, maxAge);
    }

    /**
     * Named "abandoned-cart": quiet for {@code settleDelay}, carts at most 7 days old, no incentive.
     *
     * @param settleDelay how long the cart must have been left unchanged, not negative and shorter than 7 days
     * @return the trigger
     * @throws IllegalArgumentException if {@code settleDelay} is null, negative or not shorter than the maximum age
     */
    public static AbandonedCartTrigger after(Duration settleDelay) {
        return new AbandonedCartTrigger("abandoned-cart", settleDelay, Duration.ofDays(7), IncentivePolicy.none());
    }

    /**
     * A copy that ignores carts last updated longer than {@code age} ago (default 7 days).
     *
     * @param age the maximum age, positive and longer than the settle delay
     * @return the copy
     * @throws IllegalArgumentException if {@code age} is null, not positive or not longer than the settle delay
     */
    public AbandonedCartTrigger maxAge(Duration age) {
        return new AbandonedCartTrigger(name, settleDelay, age, incentives);
    }

    /**
     * A copy that offers incentives by {@code policy} (default: none).
     *
     * @param policy the policy
     * @return the copy
     */
    public AbandonedCartTrigger incentives(IncentivePolicy policy) {
        return new AbandonedCartTrigger(name, settleDelay, maxAge, policy);
    }

    /**
     * A copy with another name, e.g. for a second abandoned-cart campaign.
     *
     * @param newName the name, not blank
     * @return the copy
     * @throws IllegalArgumentException if {@code newName} is null or blank
     */
    public AbandonedCartTrigger named(String newName) {
        return new AbandonedCartTrigger(newName, settleDelay, maxAge, incentives);
    }

    /**
     * The fields every firing carries: {@code cartProducts}, {@code cartTotal} ({@code incentiveCode} and {@code incentiveDescription} only with an incentive, so not among them).
     *
     * @return the field names
     */
    @Override
    public Set<String> payloadFields() {
        return PAYLOAD_FIELDS;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Firing> evaluate(CustomerHistory history, CustomerProfile profile, Instant now) {
        Optional<CartUpdated> cart = history.cartAsOf(now);
        if (cart.isEmpty() || cart.get().isEmpty()) {
            return Optional.empty();
        }
        Instant updated = cart.get().occurredAt();
        if (updated.plus(settleDelay).isAfter(now) || updated.isBefore(now.minus(maxAge))
                || history.orderCount(updated, now.plusNanos(1)) > 0) {
            return Optional.empty();
        }
        List<ProductId> products = cart.get().items().stream().map(LineItem::productId).distinct().toList();
        Money total = cart.get().items().stream().map(LineItem::amount).reduce(Money::plus).orElseThrow();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("cartProducts", AbandonedViewTrigger.ids(products));
        payload.put("cartTotal", total.toString());
        incentives.offer(history, profile, products, now).ifPresent(incentive -> {
            payload.put("incentiveCode", incentive.code());
            payload.put("incentiveDescription", incentive.description());
        });
        String reason = "left " + products.size() + (products.size() == 1 ? " product" : " products") + " worth "
                + total + " in the cart at " + updated + ", no order since, quiet for "
                + Durations.human(settleDelay);
        return Optional.of(new Firing(name, "cart:" + cart.get().eventId(), reason, payload));
    }

    @Override
    public String toString() {
        return name + "[settleDelay=" + settleDelay + ", maxAge=" + maxAge + "]";
    }
}
