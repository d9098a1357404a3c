package dev.retention.rules.trigger;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Post-purchase follow-up (thanks, instructions, satisfaction survey, cross-sell): fires
 * {@code after} an order, for a grace period of {@code within}, so that a late tick still sends
 * but importing years of old orders does not follow up on all of them. At {@code now} it fires for
 * the latest order placed in {@code (now - after - within, now - after]}. Each order is its own
 * episode.
 *
 * <p>Payload: {@code orderId}, {@code orderTotal} (e.g. "35.00 USD") and {@code products} (ids on
 * the order). Immutable and thread-safe.
 */
public final class PostPurchaseTrigger implements Trigger {
    private static final Set<String> PAYLOAD_FIELDS = Set.of("orderId", "orderTotal", "products");
    private final String name;
    private final Duration after;
    private final Duration within;

    private PostPurchaseTrigger(String name, Duration after, Duration within) {
        this.name = Durations.name(name);
        this.after = Durations.notNegative("after", after);
        this.within = Durations.positive("within", within);
    }

    /**
     * Named "post-purchase", {@code after} the order with a grace period of one day.
     *
     * @param after the delay after the order, not negative
     * @return the trigger
     * @throws IllegalArgumentException if {@code after} is null or negative
     */
    public static PostPurchaseTrigger after(Duration after) {
        return new PostPurchaseTrigger("post-purchase", after, Duration.ofDays(1));
    }

    /**
     * A copy with another grace period (default one day): how long after {@code order + after} the
     * follow-up may still be sent.
     *
     * @param grace the grace period, positive
     * @return the copy
     * @throws IllegalArgumentException if {@code grace} is null or not positive
     */
    public PostPurchaseTrigger within(Duration grace) {
        return new PostPurchaseTrigger(name, after, grace);
    }

    /**
     * A copy with another name, e.g. for a second follow-up later.
     *
     * @param newName the name, not blank
     * @return the copy
     * @throws IllegalArgumentException if {@code newName} is null or blank
     */
    public PostPurchaseTrigger named(String newName) {
        return new PostPurchaseTrigger(newName, after, within);
    }

    /**
     * The fields every firing carries: {@code orderId}, {@code orderTotal}, {@code products}.
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
        Instant latest = now.minus(after);
        List<OrderPlaced> due = history.orders(latest.minus(within).plusNanos(1), latest.plusNanos(1));
        if (due.isEmpty()) {
            return Optional.empty();
        }
        OrderPlaced order = due.get(due.size() - 1);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", order.orderId().value());
        payload.put("orderTotal", order.total().toString());
        payload.put("products", order.items().stream().map(LineItem::productId).distinct()
                .map(p -> p.value()).toList());
        String reason = "order " + order.orderId().value() + " placed " + Durations.human(Duration.between(
                order.occurredAt(), now)) + " ago (follow-up " + Durations.human(after) + " after an order)";
        return Optional.of(new Firing(name, "order:" + order.orderId().value(), reason, payload));
    }

    @Override
    public String toString() {
        return name + "[after=" + after + ", within=" + within + "]";
    }
}
