package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.internal.Nanos;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Playbook 1, abandoned view: the customer viewed products within the lookback, bought none of
 * them since, and has been quiet for the settle delay after the last view.
 *
 * <p>At {@code now} it fires when the last view at or before {@code now} is in
 * {@code [now - lookback, now - settleDelay]} and no order in {@code [first view in the lookback, now]}
 * holds any product viewed in the lookback. It fires at exactly {@code lastView + settleDelay}
 * and stops at {@code lastView + lookback}. Each new view starts a new episode.
 *
 * <p>Payload: {@code viewedProducts} (ids, most recently viewed first, distinct, at most
 * {@code maxViewedProducts}), {@code recommendations} (from the {@link Recommender}, none of the
 * viewed products), and, when the {@link IncentivePolicy} offers one, {@code incentiveCode} and
 * {@code incentiveDescription}. Immutable and thread-safe.
 */
public final class AbandonedViewTrigger implements Trigger {
    private static final Set<String> PAYLOAD_FIELDS = Set.of("viewedProducts", "recommendations");
    private final String name;
    private final Duration lookback;
    private final Duration settleDelay;
    private final int maxViewedProducts;
    private final Recommender recommender;
    private final int recommendations;
    private final IncentivePolicy incentives;

    private AbandonedViewTrigger(Builder b) {
        this.name = b.name;
        this.lookback = b.lookback;
        this.settleDelay = b.settleDelay;
        this.maxViewedProducts = b.maxViewedProducts;
        this.recommender = b.recommender;
        this.recommendations = b.recommendations;
        this.incentives = b.incentives;
    }

    /**
     * Defaults: name "abandoned-view", lookback 24h, settle delay 1h, at most 10 viewed products, no
     * recommender (4 recommendations once one is set), no incentive.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The fields every firing carries: {@code viewedProducts}, {@code recommendations} ({@code incentiveCode} and {@code incentiveDescription} only with an incentive, so not among them).
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

    /**
     * The episode {@link #evaluate} would fire with, without building the firing: the engine asks
     * this on every event, and a customer who keeps viewing is mostly refused as the same episode.
     */
    @Override
    public Optional<String> episode(CustomerHistory history, CustomerProfile profile, Instant now) {
        long lastView = settledLastView(history, now);
        if (lastView == Long.MIN_VALUE) {
            return Optional.empty();
        }
        Instant end = now.plusNanos(1);
        Instant from = now.minus(lookback);
        List<ProductId> viewed = history.productsViewed(from, end);
        Instant firstView = history.firstViewAt(from, end).orElseThrow();
        return history.boughtAny(viewed, firstView, end) ? Optional.empty()
                : Optional.of("last-view:" + Nanos.toInstant(lastView));
    }

    /**
     * The last view at or before {@code now} in nanoseconds since the epoch if it lies in
     * {@code [now - lookback, now - settleDelay]}, else {@link Long#MIN_VALUE}: compared without an
     * {@link Instant}, since most evaluations (a view just now, or none lately) stop here.
     */
    private long settledLastView(CustomerHistory history, Instant now) {
        long lastView = history.lastViewEpochNanos(now);
        if (lastView == Long.MIN_VALUE) {
            return lastView;
        }
        long at = Nanos.clamped(now);
        return lastView <= Nanos.minus(at, settleDelay) && lastView >= Nanos.minus(at, lookback)
                ? lastView : Long.MIN_VALUE;
    }

    @Override
    public Optional<Firing> evaluate(CustomerHistory history, CustomerProfile profile, Instant now) {
        long lastViewNanos = settledLastView(history, now);
        if (lastViewNanos == Long.MIN_VALUE) {
            return Optional.empty();
        }
        Instant from = now.minus(lookback);
        Instant end = now.plusNanos(1);
        List<ProductId> viewed = history.productsViewed(from, end);
        Instant firstView = history.firstViewAt(from, end).orElseThrow();
        if (history.boughtAny(viewed, firstView, end)) {
            return Optional.empty();
        }
        List<ProductId> shown = viewed.subList(0, Math.min(viewed.size(), maxViewedProducts));
        Instant last = Nanos.toInstant(lastViewNanos);
        return Optional.of(Firing.lazy(name, "last-view:" + last,
                () -> "viewed " + viewed.size() + (viewed.size() == 1 ? " product" : " products")
                        + " in the last " + Durations.human(lookback) + " (last at " + last
                        + "), bought none of them since, quiet for " + Durations.human(settleDelay),
                () -> {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("viewedProducts", ids(shown));
                    payload.put("recommendations", ids(recommender.recommend(history, shown, recommendations, now)));
                    incentives.offer(history, profile, shown, now).ifPresent(incentive -> {
                        payload.put("incentiveCode", incentive.code());
                        payload.put("incentiveDescription", incentive.description());
                    });
                    return payload;
                }));
    }

    static List<String> ids(List<ProductId> products) {
        return products.stream().map(ProductId::value).toList();
    }

    @Override
    public String toString() {
        return name + "[lookback=" + lookback + ", settleDelay=" + settleDelay + "]";
    }

    /** Configures an {@link AbandonedViewTrigger}; not thread-safe. */
    public static final class Builder {
        private String name = "abandoned-view";
        private Duration lookback = Duration.ofHours(24);
        private Duration settleDelay = Duration.ofHours(1);
        private int maxViewedProducts = 10;
        private Recommender recommender = Recommender.none();
        private int recommendations = 4;
        private IncentivePolicy incentives = IncentivePolicy.none();

        private Builder() {
        }

        /**
         * The trigger's name (default "abandoned-view").
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
         * How far back views count (default 24 hours).
         *
         * @param lookback the lookback, positive and longer than the settle delay (checked by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if {@code lookback} is null or not positive
         */
        public Builder lookback(Duration lookback) {
            this.lookback = Durations.positive("lookback", lookback);
            return this;
        }

        /**
         * How long the customer must have been quiet after the last view; zero fires at once (default 1 hour).
         *
         * @param settleDelay the delay, not negative and shorter than the lookback (checked by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if {@code settleDelay} is null or negative
         */
        public Builder settleDelay(Duration settleDelay) {
            this.settleDelay = Durations.notNegative("settleDelay", settleDelay);
            return this;
        }

        /**
         * The most viewed products the payload lists, most recently viewed first (default 10).
         *
         * @param max the limit, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is below 1
         */
        public Builder maxViewedProducts(int max) {
            checkArgument(max >= 1, "maxViewedProducts must be at least 1, got %s", max);
            this.maxViewedProducts = max;
            return this;
        }

        /**
         * Where recommendations come from, and how many at most.
         *
         * @param recommender the recommender, seeded with the viewed products
         * @param limit the most recommendations, not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code limit} is negative
         */
        public Builder recommender(Recommender recommender, int limit) {
            checkArgument(limit >= 0, "recommendation limit must not be negative, got %s", limit);
            this.recommender = requireNonNull(recommender, "recommender");
            this.recommendations = limit;
            return this;
        }

        /**
         * The default recommender: products most often bought together, counted over the store now (a
         * snapshot; reads every history of the store once, here).
         *
         * @param store the event store
         * @return this builder
         */
        public Builder recommendFrom(EventStore store) {
            return recommender(CoPurchaseRecommender.from(store), recommendations);
        }

        /**
         * Offers incentives by this policy (default: none).
         *
         * @param incentives the policy
         * @return this builder
         */
        public Builder incentives(IncentivePolicy incentives) {
            this.incentives = requireNonNull(incentives, "incentives");
            return this;
        }

        /**
         * Builds the trigger; the builder may be reused.
         *
         * @return the immutable, thread-safe trigger
         * @throws IllegalArgumentException if the settle delay is not shorter than the lookback
         */
        public AbandonedViewTrigger build() {
            checkArgument(settleDelay.compareTo(lookback) < 0,
                    "settleDelay (%s) must be shorter than lookback (%s)", settleDelay, lookback);
            return new AbandonedViewTrigger(this);
        }
    }
}
