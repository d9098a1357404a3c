package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.internal.Nanos;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Playbook 4, falling frequency (win-back): a customer with at least {@code minOrders} orders
 * stopped ordering. Two rules, either suffices (configure at least one):
 * <ul>
 *   <li>absolute: no order for at least {@code quietFor} ({@code now - lastOrder >= quietFor});
 *   <li>relative: the gap since the last order is strictly more than {@code gapMultiple} times the
 *       customer's own median inter-purchase interval; needs at least {@code minIntervals}
 *       intervals (default 2, i.e. three orders) and a positive median.
 * </ul>
 * It fires because time passed, so the engine finds it on {@code tick}. Each last order is its
 * own episode: the customer who orders again and lapses again is won back again.
 *
 * <p>Payload: {@code orderCount} (int), {@code daysSinceLastOrder} (long, whole days),
 * {@code lastOrderAt} (ISO instant) and {@code favouriteProducts}. Immutable and thread-safe.
 */
public final class WinBackTrigger implements Trigger {
    private static final Set<String> PAYLOAD_FIELDS = Set.of("orderCount", "daysSinceLastOrder", "lastOrderAt", "favouriteProducts");
    private final String name;
    private final int minOrders;
    private final Duration quietFor;
    private final double gapMultiple;
    private final int minIntervals;

    private WinBackTrigger(Builder b) {
        this.name = b.name;
        this.minOrders = b.minOrders;
        this.quietFor = b.quietFor;
        this.gapMultiple = b.gapMultiple;
        this.minIntervals = b.minIntervals;
    }

    /**
     * Defaults: name "win-back", at least 1 order, no rule (set at least one), 2 intervals for the
     * relative rule.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The fields every firing carries: {@code orderCount}, {@code daysSinceLastOrder}, {@code lastOrderAt}, {@code favouriteProducts}.
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
        int orders = history.orderCountAsOf(now);
        if (orders < minOrders) {
            return Optional.empty(); // before lastOrderAt: most customers stop here, and a count allocates nothing
        }
        long lastNanos = history.lastOrderEpochNanos(now);
        if (lastNanos == Long.MIN_VALUE) {
            return Optional.empty();
        }
        // the last order as an Instant, the gap as a Duration, only once it fires or the relative rule
        // needs them: most customers past minOrders ordered recently, on every event
        boolean quiet = quiet(lastNanos, now);
        if (!quiet && gapMultiple <= 0) {
            return Optional.empty();
        }
        Optional<Instant> last = Optional.of(Nanos.toInstant(lastNanos));
        Duration gap = Duration.between(last.get(), now);
        java.util.function.Supplier<String> why = null;
        if (quiet) {
            why = () -> "placed " + orders + (orders == 1 ? " order" : " orders") + ", none for "
                    + Durations.human(gap) + " (at least " + Durations.human(quietFor) + ")";
        } else if (gapMultiple > 0) {
            Optional<Duration> median = orders - 1 < minIntervals ? Optional.empty()
                    : history.medianInterPurchaseInterval(now);
            if (median.isPresent() && !median.get().isZero()
                    && gap.toNanos() / (double) median.get().toNanos() > gapMultiple) {
                why = () -> String.format(java.util.Locale.ROOT,
                        "placed %d orders, none for %s, more than %.1fx their usual gap of %s", orders,
                        Durations.human(gap), gapMultiple, Durations.human(median.get()));
            }
        }
        if (why == null) {
            return Optional.empty();
        }
        Instant lastOrder = last.get();
        return Optional.of(Firing.lazy(name, "last-order:" + lastOrder, why, () -> {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("orderCount", orders);
            payload.put("daysSinceLastOrder", gap.toDays());
            payload.put("lastOrderAt", lastOrder.toString());
            payload.put("favouriteProducts", AbandonedViewTrigger.ids(history.favouriteProducts(now, 4)));
            return payload;
        }));
    }

    /**
     * The episode {@link #evaluate} would fire with, without building the firing when the absolute
     * rule decides (the relative rule asks {@link #evaluate}): an engine asks this on every event.
     */
    @Override
    public Optional<String> episode(CustomerHistory history, CustomerProfile profile, Instant now) {
        if (history.orderCountAsOf(now) < minOrders) {
            return Optional.empty();
        }
        long lastNanos = history.lastOrderEpochNanos(now);
        if (lastNanos == Long.MIN_VALUE) {
            return Optional.empty();
        }
        if (quiet(lastNanos, now)) {
            return Optional.of("last-order:" + Nanos.toInstant(lastNanos));
        }
        return gapMultiple <= 0 ? Optional.empty() : evaluate(history, profile, now).map(Firing::episode);
    }

    /** Whether the last order (nanoseconds since the epoch) is at least {@code quietFor} before {@code now}. */
    private boolean quiet(long lastOrderNanos, Instant now) {
        return quietFor != null && lastOrderNanos <= Nanos.minus(Nanos.clamped(now), quietFor);
    }

    @Override
    public String toString() {
        return name + "[minOrders=" + minOrders + ", quietFor=" + quietFor + ", gapMultiple=" + gapMultiple + "]";
    }

    /** Configures a {@link WinBackTrigger}; not thread-safe. */
    public static final class Builder {
        private String name = "win-back";
        private int minOrders = 1;
        private Duration quietFor;
        private double gapMultiple;
        private int minIntervals = 2;

        private Builder() {
        }

        /**
         * The trigger's name (default "win-back").
         *
         * @param name the name, not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is null or blank
         */
        public Builder name(String name) {
            this.name = Durations.name(name);
            return this;
        }

        /**
         * Only customers with at least this many orders (both rules).
         *
         * @param minOrders the fewest orders, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code minOrders} is below 1
         */
        public Builder atLeastOrders(int minOrders) {
            checkArgument(minOrders >= 1, "minOrders must be at least 1, got %s", minOrders);
            this.minOrders = minOrders;
            return this;
        }

        /**
         * The absolute rule: no order for at least this long ({@code now - lastOrder >= quietFor}).
         *
         * @param quietFor the quiet time, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code quietFor} is null or not positive
         */
        public Builder noOrderFor(Duration quietFor) {
            this.quietFor = Durations.positive("quietFor", quietFor);
            return this;
        }

        /**
         * The relative rule: the gap since the last order is strictly more than {@code multiple} times the
         * customer's median interval between orders.
         *
         * @param multiple the factor, at least 1 and finite
         * @return this builder
         * @throws IllegalArgumentException if {@code multiple} is below 1 or not finite
         */
        public Builder gapExceedsMedianTimes(double multiple) {
            checkArgument(multiple >= 1.0 && Double.isFinite(multiple), "gapMultiple must be at least 1, got %s",
                    multiple);
            this.gapMultiple = multiple;
            return this;
        }

        /**
         * How many intervals the relative rule needs before it trusts the median (default 2).
         *
         * @param minIntervals the fewest intervals between orders, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code minIntervals} is below 1
         */
        public Builder minIntervals(int minIntervals) {
            checkArgument(minIntervals >= 1, "minIntervals must be at least 1, got %s", minIntervals);
            this.minIntervals = minIntervals;
            return this;
        }

        /**
         * Builds the trigger; the builder may be reused.
         *
         * @return the immutable, thread-safe trigger
         * @throws IllegalArgumentException if neither rule is set
         */
        public WinBackTrigger build() {
            checkArgument(quietFor != null || gapMultiple > 0,
                    "win-back needs a rule: set noOrderFor or gapExceedsMedianTimes (name %s)", name);
            return new WinBackTrigger(this);
        }
    }
}
