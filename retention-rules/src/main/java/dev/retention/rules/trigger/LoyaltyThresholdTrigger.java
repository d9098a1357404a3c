package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Playbook 2, loyalty threshold: the customer has placed at least {@code minOrders} orders for a
 * net total (orders minus refunds, in the threshold's currency) strictly above
 * {@code totalAbove}, counting everything at or before {@code now}.
 *
 * <p>There is one episode per customer ({@code "reached"}): use it with the campaign re-entry
 * policy "once" for the "thank you, join our loyalty program" letter. Payload: {@code orderCount}
 * (int) and {@code netTotal} (e.g. "612.00 USD"). Immutable and thread-safe.
 */
public final class LoyaltyThresholdTrigger implements Trigger {
    private static final Set<String> PAYLOAD_FIELDS = Set.of("orderCount", "netTotal");
    private static final Optional<String> REACHED = Optional.of("reached");
    private final String name;
    private final int minOrders;
    private final Money totalAbove;

    private LoyaltyThresholdTrigger(String name, int minOrders, Money totalAbove) {
        this.name = Durations.name(name);
        checkArgument(minOrders >= 1, "minOrders must be at least 1, got %s", minOrders);
        requireNonNull(totalAbove, "totalAbove");
        checkArgument(!totalAbove.isNegative(), "totalAbove must not be negative, got %s", totalAbove);
        this.minOrders = minOrders;
        this.totalAbove = totalAbove;
    }

    /**
     * Named "loyalty-threshold".
     *
     * @param minOrders the fewest orders, at least 1
     * @param totalAbove the net total to exceed (strictly), not negative; its currency is the one counted
     * @return the trigger
     * @throws IllegalArgumentException if {@code minOrders} is below 1 or {@code totalAbove} is negative
     */
    public static LoyaltyThresholdTrigger of(int minOrders, Money totalAbove) {
        return new LoyaltyThresholdTrigger("loyalty-threshold", minOrders, totalAbove);
    }

    /**
     * A loyalty-threshold trigger with its own name.
     *
     * @param name the name, not blank
     * @param minOrders the fewest orders, at least 1
     * @param totalAbove the net total to exceed (strictly), not negative; its currency is the one counted
     * @return the trigger
     * @throws IllegalArgumentException if {@code name} is blank, {@code minOrders} is below 1 or
     *     {@code totalAbove} is negative
     */
    public static LoyaltyThresholdTrigger named(String name, int minOrders, Money totalAbove) {
        return new LoyaltyThresholdTrigger(name, minOrders, totalAbove);
    }

    /**
     * The fields every firing carries: {@code orderCount}, {@code netTotal}.
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

    /** Whether it fires, as {@link #evaluate} says, without building the firing; always {@code "reached"}. */
    @Override
    public Optional<String> episode(CustomerHistory history, CustomerProfile profile, Instant now) {
        return history.orderCountAsOf(now) >= minOrders
                && history.netSpendMinorAsOf(totalAbove.currency(), now) > totalAbove.minorUnits()
                ? REACHED : Optional.empty();
    }

    @Override
    public Optional<Firing> evaluate(CustomerHistory history, CustomerProfile profile, Instant now) {
        int orders = history.orderCountAsOf(now);
        if (orders < minOrders) {
            return Optional.empty();
        }
        // compared in minor units: most customers past minOrders stay below the threshold on every event,
        // and a Money per evaluation is garbage per event
        long net = history.netSpendMinorAsOf(totalAbove.currency(), now);
        if (net <= totalAbove.minorUnits()) {
            return Optional.empty();
        }
        Money total = Money.ofMinor(net, totalAbove.currency());
        return Optional.of(Firing.lazy(name, REACHED.get(),
                () -> "placed " + orders + " orders for " + total + " net (threshold: at least " + minOrders
                        + " orders above " + totalAbove + ")",
                () -> {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("orderCount", orders);
                    payload.put("netTotal", total.toString());
                    return payload;
                }));
    }

    @Override
    public String toString() {
        return name + "[minOrders=" + minOrders + ", totalAbove=" + totalAbove + "]";
    }
}
