package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.trigger.Firing;
import dev.retention.rules.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "At risk": a customer whose P(alive) under the BG/NBD model has dropped below a threshold, found
 * before a fixed "no order for 90 days" rule would notice a customer who used to buy often.
 *
 * <pre>{@code
 * Campaign atRisk = Campaign.builder("at-risk")
 *         .trigger(AtRiskTrigger.builder(predictions).below(0.3).build())
 *         .message(Message.email("we-miss-you"))
 *         .build();
 * }</pre>
 *
 * <p>Between two orders a customer's P(alive) only falls as time passes, and an order lifts it: so
 * each last order is its own episode, and with the default re-entry policy the campaign fires once
 * per drop; a customer who orders again and then lapses again is at risk again. It fires because
 * time passed, so the engine finds it on {@code tick}. P(alive) is 1 before a repeat purchase under
 * the model, so only customers with at least {@code minOrders} orders (default 2) are considered.
 *
 * <p>Payload: {@code pAlive} (double, three decimals), {@code orderCount} (int),
 * {@code daysSinceLastOrder} (long, whole days) and {@code lastOrderAt} (ISO instant). Pure,
 * immutable and thread-safe.
 */
public final class AtRiskTrigger implements Trigger {
    private final String name;
    private final Predictions predictions;
    private final double threshold;
    private final int minOrders;

    private AtRiskTrigger(Builder b) {
        this.name = b.name;
        this.predictions = b.predictions;
        this.threshold = b.threshold;
        this.minOrders = b.minOrders;
    }

    /**
     * Defaults: name "at-risk", at least 2 orders; the threshold must be set.
     *
     * @param predictions the fitted models that score the customer
     * @return a new builder
     */
    public static Builder builder(Predictions predictions) {
        return new Builder(requireNonNull(predictions, "predictions"));
    }

    /**
     * The fields every firing carries: {@code pAlive}, {@code orderCount}, {@code daysSinceLastOrder}
     * and {@code lastOrderAt}, so a template that uses them passes the engine's build-time check.
     *
     * @return the field names
     */
    @Override
    public Set<String> payloadFields() {
        return Set.of("pAlive", "orderCount", "daysSinceLastOrder", "lastOrderAt");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Firing> evaluate(CustomerHistory history, CustomerProfile profile, Instant now) {
        int orders = history.orderCountAsOf(now);
        if (orders < minOrders) {
            return Optional.empty();
        }
        Optional<CustomerSummary> summary = predictions.summary(history, now);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        double pAlive = predictions.orders().probabilityAlive(summary.get());
        if (!(pAlive < threshold)) {
            return Optional.empty();
        }
        Instant lastOrder = history.lastOrderAt(now).orElseThrow();
        Duration gap = Duration.between(lastOrder, now);
        double rounded = Math.round(pAlive * 1000) / 1000.0;
        return Optional.of(Firing.lazy(name, "last-order:" + lastOrder,
                () -> "P(alive) " + Scores.score(pAlive) + " < " + Scores.plain(threshold) + " after " + orders
                        + " orders, none for " + gap.toDays() + (gap.toDays() == 1 ? " day" : " days"),
                () -> {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("pAlive", rounded);
                    payload.put("orderCount", orders);
                    payload.put("daysSinceLastOrder", gap.toDays());
                    payload.put("lastOrderAt", lastOrder.toString());
                    return payload;
                }));
    }

    @Override
    public String toString() {
        return name + "[pAlive < " + Scores.plain(threshold) + ", minOrders=" + minOrders + "]";
    }

    /** Configures an {@link AtRiskTrigger}; not thread-safe. */
    public static final class Builder {
        private final Predictions predictions;
        private String name = "at-risk";
        private double threshold = Double.NaN;
        private int minOrders = 2;

        private Builder(Predictions predictions) {
            this.predictions = predictions;
        }

        /**
         * The trigger's name (default "at-risk").
         *
         * @param name the name, not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is null or blank
         */
        public Builder name(String name) {
            checkArgument(name != null && !name.isBlank(), "trigger name must not be blank, got %s",
                    name == null ? "null" : "'" + name + "'");
            this.name = name;
            return this;
        }

        /**
         * Fires when P(alive) is strictly below {@code threshold}.
         *
         * @param threshold in (0, 1]
         * @return this builder
         * @throws IllegalArgumentException if {@code threshold} is outside (0, 1]
         */
        public Builder below(double threshold) {
            checkArgument(threshold > 0 && threshold <= 1, "threshold must be in (0, 1]: %s", threshold);
            this.threshold = threshold;
            return this;
        }

        /**
         * Only customers with at least this many orders (default 2: P(alive) is 1 until a repeat purchase).
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
         * Builds the trigger; the builder may be reused.
         *
         * @return the immutable, thread-safe trigger
         * @throws IllegalArgumentException if the threshold is not set
         */
        public AtRiskTrigger build() {
            checkArgument(!Double.isNaN(threshold), "at-risk needs a threshold: set below(p) (name %s)", name);
            return new AtRiskTrigger(this);
        }
    }
}
