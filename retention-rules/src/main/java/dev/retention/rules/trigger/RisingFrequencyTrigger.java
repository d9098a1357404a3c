package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Playbook 3, rising frequency: the customer orders more often than before. Two rules, either
 * suffices (configure at least one):
 * <ul>
 *   <li>count: at least {@code minOrders} orders in the recent window {@code [now - window, now]};
 *   <li>rate: at least {@code minRecentOrders} orders in the window, and the recent rate (orders in
 *       the window / window) is at least {@code rateMultiple} times the customer's baseline rate
 *       (orders in {@code [first order, now - window)} / that span). The baseline needs a span of
 *       at least one window and at least one order in it; newer customers have no baseline.
 * </ul>
 * The episode is {@code "rising"} while the rule holds; with the re-entry policy "every new
 * firing" the campaign starts on entering, with "once per N days" at most every N days.
 *
 * <p>Payload: {@code recentOrders} (int), {@code favouriteProducts} (the products on most of the
 * customer's orders) and {@code recommendations} (from the {@link Recommender}, seeded with the
 * favourites). Immutable and thread-safe.
 */
public final class RisingFrequencyTrigger implements Trigger {
    private static final Set<String> PAYLOAD_FIELDS = Set.of("recentOrders", "favouriteProducts", "recommendations");
    private static final Optional<String> RISING = Optional.of("rising");
    private final Builder config;

    private RisingFrequencyTrigger(Builder config) {
        this.config = config;
    }

    /**
     * Defaults: name "rising-frequency", window 30d, no rule (set at least one), no recommender
     * (4 products once one is set).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The fields every firing carries: {@code recentOrders}, {@code favouriteProducts}, {@code recommendations}.
     *
     * @return the field names
     */
    @Override
    public Set<String> payloadFields() {
        return PAYLOAD_FIELDS;
    }

    @Override
    public String name() {
        return config.name;
    }

    /**
     * Whether it fires, as {@link #evaluate} says, without building the firing: an active customer
     * fires on every event, and the engine refuses most of them as the same episode, always {@code "rising"}.
     */
    @Override
    public Optional<String> episode(CustomerHistory history, CustomerProfile profile, Instant now) {
        // the window's start as an Instant only for the rate rule: the count needs none
        int recent = history.orderCountWithin(config.window, now);
        boolean fires = config.minOrders > 0 && recent >= config.minOrders
                || config.rateMultiple > 0 && recent >= config.minRecentOrders
                        && rateRule(history, now.minus(config.window), recent) != null;
        return fires ? RISING : Optional.empty();
    }

    @Override
    public Optional<Firing> evaluate(CustomerHistory history, CustomerProfile profile, Instant now) {
        int recent = history.orderCountWithin(config.window, now);
        // the reason is a sentence built only when asked for: an active customer fires on every event,
        // and the engine mostly refuses (cooldown, same episode) without reading it
        Supplier<String> reason = null;
        if (config.minOrders > 0 && recent >= config.minOrders) {
            reason = () -> "placed " + recent + " orders in the last " + Durations.human(config.window)
                    + " (at least " + config.minOrders + ")";
        } else if (config.rateMultiple > 0 && recent >= config.minRecentOrders) {
            reason = rateRule(history, now.minus(config.window), recent);
        }
        if (reason == null) {
            return Optional.empty();
        }
        return Optional.of(Firing.lazy(config.name, RISING.get(), reason, () -> {
            List<ProductId> favourites = history.favouriteProducts(now, config.products);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("recentOrders", recent);
            payload.put("favouriteProducts", AbandonedViewTrigger.ids(favourites));
            payload.put("recommendations",
                    AbandonedViewTrigger.ids(config.recommender.recommend(history, favourites, config.products, now)));
            return payload;
        }));
    }

    /** The reason if the rate rule holds, or null. */
    private Supplier<String> rateRule(CustomerHistory history, Instant windowStart, int recent) {
        Optional<Instant> first = history.firstOrderAt();
        if (first.isEmpty() || !first.get().isBefore(windowStart)) {
            return null;
        }
        Duration span = Duration.between(first.get(), windowStart);
        int baseline = history.orderCount(first.get(), windowStart);
        if (span.compareTo(config.window) < 0 || baseline == 0) {
            return null;
        }
        // (recent / window) / (baseline / span), in one division to keep exact ratios exact
        double multiple = (recent * (double) span.toSeconds()) / (baseline * (double) config.window.toSeconds());
        if (multiple < config.rateMultiple) {
            return null;
        }
        double baselinePerDay = baseline / days(span);
        return () -> String.format(java.util.Locale.ROOT,
                "placed %d orders in the last %s, %.1fx their usual rate of %.2f orders per 30 days (at least %.1fx)",
                recent, Durations.human(config.window), multiple, baselinePerDay * 30, config.rateMultiple);
    }

    private static double days(Duration d) {
        return d.toNanos() / 86_400e9;
    }

    @Override
    public String toString() {
        return config.name + "[window=" + config.window + ", minOrders=" + config.minOrders + ", rateMultiple="
                + config.rateMultiple + "]";
    }

    /** Configures a {@link RisingFrequencyTrigger}; not thread-safe. */
    public static final class Builder {
        private String name = "rising-frequency";
        private Duration window = Duration.ofDays(30);
        private int minOrders;
        private double rateMultiple;
        private int minRecentOrders = 2;
        private Recommender recommender = Recommender.none();
        private int products = 4;

        private Builder() {
        }

        /**
         * The trigger's name (default "rising-frequency").
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
         * The recent window, ending at {@code now} inclusive (default 30 days).
         *
         * @param window the window, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code window} is null or not positive
         */
        public Builder window(Duration window) {
            this.window = Durations.positive("window", window);
            return this;
        }

        /**
         * The count rule: at least this many orders in the window.
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
         * The rate rule: the recent rate at least {@code multiple} times the baseline, with at least
         * {@code minRecentOrders} orders in the window so that one order cannot be a trend.
         *
         * @param multiple the factor over the baseline rate, above 1 and finite
         * @param minRecentOrders the fewest orders in the window, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code multiple} is not above 1 or not finite, or
         *     {@code minRecentOrders} is below 1
         */
        public Builder rateAtLeast(double multiple, int minRecentOrders) {
            checkArgument(multiple > 1.0 && Double.isFinite(multiple), "rateMultiple must be above 1, got %s",
                    multiple);
            checkArgument(minRecentOrders >= 1, "minRecentOrders must be at least 1, got %s", minRecentOrders);
            this.rateMultiple = multiple;
            this.minRecentOrders = minRecentOrders;
            return this;
        }

        /**
         * Where recommendations come from, and how many favourite and recommended products at most.
         *
         * @param recommender the recommender, seeded with the favourite products
         * @param limit the most favourites and the most recommendations, not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code limit} is negative
         */
        public Builder recommender(Recommender recommender, int limit) {
            checkArgument(limit >= 0, "product limit must not be negative, got %s", limit);
            this.recommender = requireNonNull(recommender, "recommender");
            this.products = limit;
            return this;
        }

        /**
         * Builds the trigger from a copy of the settings; the builder may be reused.
         *
         * @return the immutable, thread-safe trigger
         * @throws IllegalArgumentException if neither rule is set
         */
        public RisingFrequencyTrigger build() {
            checkArgument(minOrders > 0 || rateMultiple > 0,
                    "rising frequency needs a rule: set atLeastOrders or rateAtLeast (name %s)", name);
            Builder copy = new Builder();
            copy.name = name;
            copy.window = window;
            copy.minOrders = minOrders;
            copy.rateMultiple = rateMultiple;
            copy.minRecentOrders = minRecentOrders;
            copy.recommender = recommender;
            copy.products = products;
            return new RisingFrequencyTrigger(copy);
        }
    }
}
