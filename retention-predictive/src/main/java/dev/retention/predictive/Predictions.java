package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import dev.retention.core.event.CustomerHistory;
import dev.retention.rules.segment.Comparison;
import dev.retention.rules.segment.Condition;
import dev.retention.rules.segment.SegmentJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Segment conditions over a fitted model's predictions, usable wherever the rules' conditions are
 * (with {@code and}, {@code or}, {@code not}, in a {@link dev.retention.rules.segment.Segment}, a
 * {@link dev.retention.rules.segment.SegmentEvaluator} or {@code Trigger.onEntering}):
 *
 * <pre>{@code
 * Predictions predictions = Predictions.of(bgNbd, gammaGamma, summaries); // fitted on the shop's history
 * Segment slipping = Segment.named("slipping-valuable")
 *         .where(predictions.pAlive().below(0.3))
 *         .and(predictions.predictedValue(days(365)).above(Money.of(200, "USD")));
 * Segment returning = Segment.named("returning").where(predictions.expectedOrders(days(90)).atLeast(1));
 * }</pre>
 *
 * <p>A condition scores the customer as of the evaluation's {@code now}: the summary of the orders at
 * or before {@code now} (built by the same {@link CustomerSummaries} the model was fitted with, so
 * the time unit agrees), never an order after it. A customer without an order at or before
 * {@code now} has no prediction and meets no prediction condition (its negation, then, does).
 *
 * <p>In JSON the conditions hold their threshold and horizon only; the model is supplied when the
 * codecs are registered: {@code predictions.registerIn(SegmentJson.builder()).build()}.
 *
 * <p>Immutable and thread-safe; equal when the models and the summaries' settings are equal.
 */
public final class Predictions {
    private static final double DAYS_PER_YEAR = 365;
    private static final Duration PERIOD = Duration.ofDays(30);

    private final BgNbdModel orders;
    private final Optional<GammaGammaModel> spend;
    private final CustomerSummaries summaries;
    private final double discountPerYear;

    private Predictions(BgNbdModel orders, Optional<GammaGammaModel> spend, CustomerSummaries summaries,
            double discountPerYear) {
        this.orders = requireNonNull(orders, "orders");
        this.spend = spend;
        this.summaries = requireNonNull(summaries, "summaries");
        this.discountPerYear = discountPerYear;
    }

    /**
     * Predictions of P(alive) and expected orders; {@link #predictedValue} needs a spend model too.
     *
     * @param orders the BG/NBD model, fitted on summaries made by {@code summaries}
     * @param summaries how the model's summaries were made (its time unit, same-day orders)
     * @return the predictions
     */
    public static Predictions of(BgNbdModel orders, CustomerSummaries summaries) {
        return new Predictions(orders, Optional.empty(), summaries, 0);
    }

    /**
     * Predictions of P(alive), expected orders and value, undiscounted.
     *
     * @param orders the BG/NBD model, fitted on summaries made by {@code summaries}
     * @param spend the Gamma-Gamma model, fitted on the same summaries
     * @param summaries how the models' summaries were made (its time unit, same-day orders)
     * @return the predictions
     */
    public static Predictions of(BgNbdModel orders, GammaGammaModel spend, CustomerSummaries summaries) {
        return new Predictions(orders, Optional.of(requireNonNull(spend, "spend")), summaries, 0);
    }

    /**
     * These predictions with predicted values discounted at {@code ratePerYear}, compounded over
     * periods of about 30 days ({@link LifetimeValue}).
     *
     * @param ratePerYear the yearly discount rate, e.g. 0.10 for 10%; at least 0
     * @return new predictions; this one is not changed
     * @throws IllegalArgumentException if the rate is negative or not finite
     */
    public Predictions discountedAt(double ratePerYear) {
        checkArgument(Double.isFinite(ratePerYear) && ratePerYear >= 0, "ratePerYear must be finite and >= 0: %s",
                ratePerYear);
        return new Predictions(orders, spend, summaries, ratePerYear);
    }

    /**
     * The probability the customer is still alive: {@code pAlive().below(0.3)}.
     *
     * @return the first half of the condition; pick the threshold in [0, 1]
     */
    public ScoreStep<ProbabilityAlive> pAlive() {
        return new ScoreStep<>((comparison, threshold) -> new ProbabilityAlive(this, comparison, threshold));
    }

    /**
     * The orders the customer is expected to place in the next {@code horizon}:
     * {@code expectedOrders(days(90)).atLeast(1)}.
     *
     * @param horizon how far ahead, positive
     * @return the first half of the condition
     * @throws IllegalArgumentException if {@code horizon} is not positive
     */
    public ScoreStep<ExpectedOrders> expectedOrders(Duration horizon) {
        checkHorizon(horizon);
        return new ScoreStep<>((comparison, threshold) -> new ExpectedOrders(this, horizon, comparison, threshold));
    }

    /**
     * The value the customer is expected to bring in the next {@code horizon} (expected orders times
     * the expected order value, discounted if {@link #discountedAt} says so):
     * {@code predictedValue(days(365)).above(Money.of(200, "USD"))}.
     *
     * @param horizon how far ahead, positive
     * @return the first half of the condition; the threshold's currency must be the one the customer orders in
     * @throws IllegalArgumentException if {@code horizon} is not positive
     * @throws IllegalStateException if these predictions have no spend model
     */
    public ValueStep predictedValue(Duration horizon) {
        checkHorizon(horizon);
        checkHasSpend();
        return new ValueStep((comparison, threshold) -> new PredictedValue(this, horizon, comparison, threshold));
    }

    /**
     * Registers the JSON codecs of the three conditions ({@code "p-alive"}, {@code "expected-orders"},
     * {@code "predicted-value"}) with these predictions as their model: read conditions score with it.
     *
     * @param builder the segment JSON builder
     * @return the same builder
     * @throws IllegalArgumentException if the types are already registered
     */
    public SegmentJson.Builder registerIn(SegmentJson.Builder builder) {
        requireNonNull(builder, "builder");
        return builder.register(PredictionCodecs.pAlive(this))
                .register(PredictionCodecs.expectedOrders(this))
                .register(PredictionCodecs.predictedValue(this));
    }

    /**
     * The customer's summary as the models see it at {@code now} (orders after it left out).
     *
     * @param history the customer's events
     * @param now the instant of scoring
     * @return the summary, or empty without an order at or before {@code now}
     */
    public Optional<CustomerSummary> summary(CustomerHistory history, Instant now) {
        return summaries.of(history, now);
    }

    /**
     * The BG/NBD model.
     *
     * @return the model
     */
    public BgNbdModel orders() {
        return orders;
    }

    /**
     * The Gamma-Gamma model, if given.
     *
     * @return the model, or empty
     */
    public Optional<GammaGammaModel> spend() {
        return spend;
    }

    double expectedOrders(CustomerSummary customer, Duration horizon) {
        return orders.expectedOrders(customer, summaries.units(horizon));
    }

    /** Expected orders in the horizon times the expected value per order, discounted per period. */
    double predictedValue(CustomerSummary customer, Duration horizon) {
        GammaGammaModel values = checkHasSpend();
        double length = summaries.units(horizon);
        if (discountPerYear == 0) {
            return values.expectedAverageValue(customer) * orders.expectedOrders(customer, length);
        }
        int periods = (int) Math.max(1, Math.ceil(horizon.toSeconds() / (double) PERIOD.toSeconds()));
        double periodDays = horizon.toSeconds() / 86_400.0 / periods;
        double perPeriod = Math.pow(1 + discountPerYear, periodDays / DAYS_PER_YEAR) - 1;
        return LifetimeValue.of(orders, values, customer, periods, length / periods, perPeriod);
    }

    private GammaGammaModel checkHasSpend() {
        checkState(spend.isPresent(), "predicted value needs a Gamma-Gamma model: Predictions.of(orders, spend, summaries)");
        return spend.get();
    }

    static Duration checkHorizon(Duration horizon) {
        requireNonNull(horizon, "horizon");
        checkArgument(!horizon.isNegative() && !horizon.isZero(), "horizon must be positive: %s", horizon);
        return horizon;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predictions p && orders.equals(p.orders) && spend.equals(p.spend)
                && summaries.equals(p.summaries) && Double.compare(discountPerYear, p.discountPerYear) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(orders, spend, summaries, discountPerYear);
    }

    @Override
    public String toString() {
        return "Predictions[orders=" + orders + ", spend=" + spend + ", summaries=" + summaries
                + ", discountPerYear=" + discountPerYear + "]";
    }

    /** Builds a condition from a comparison and a threshold. */
    @FunctionalInterface
    interface Factory<C, T> {
        C create(Comparison comparison, T threshold);
    }

    /**
     * The threshold half of a condition on a number: {@code below(0.3)}, {@code atLeast(1)}.
     *
     * @param <C> the condition it builds
     */
    public static final class ScoreStep<C extends Condition> {
        private final Factory<C, Double> factory;

        ScoreStep(Factory<C, Double> factory) {
            this.factory = factory;
        }

        /**
         * Strictly below the threshold.
         *
         * @param threshold the threshold, finite and not negative
         * @return the condition
         * @throws IllegalArgumentException if the threshold is out of range
         */
        public C below(double threshold) {
            return factory.create(Comparison.LESS_THAN, threshold);
        }

        /**
         * At most the threshold.
         *
         * @param threshold the threshold, finite and not negative
         * @return the condition
         * @throws IllegalArgumentException if the threshold is out of range
         */
        public C atMost(double threshold) {
            return factory.create(Comparison.AT_MOST, threshold);
        }

        /**
         * Strictly above the threshold.
         *
         * @param threshold the threshold, finite and not negative
         * @return the condition
         * @throws IllegalArgumentException if the threshold is out of range
         */
        public C above(double threshold) {
            return factory.create(Comparison.MORE_THAN, threshold);
        }

        /**
         * At least the threshold.
         *
         * @param threshold the threshold, finite and not negative
         * @return the condition
         * @throws IllegalArgumentException if the threshold is out of range
         */
        public C atLeast(double threshold) {
            return factory.create(Comparison.AT_LEAST, threshold);
        }
    }

    /** The threshold half of a condition on predicted value: {@code above(Money.of(200, "USD"))}. */
    public static final class ValueStep {
        private final Factory<PredictedValue, Money> factory;

        ValueStep(Factory<PredictedValue, Money> factory) {
            this.factory = factory;
        }

        /**
         * Strictly below the amount.
         *
         * @param amount the threshold, not negative; its currency is the one the value is counted in
         * @return the condition
         * @throws IllegalArgumentException if the amount is negative
         */
        public PredictedValue below(Money amount) {
            return factory.create(Comparison.LESS_THAN, amount);
        }

        /**
         * At most the amount.
         *
         * @param amount the threshold, not negative; its currency is the one the value is counted in
         * @return the condition
         * @throws IllegalArgumentException if the amount is negative
         */
        public PredictedValue atMost(Money amount) {
            return factory.create(Comparison.AT_MOST, amount);
        }

        /**
         * Strictly above the amount.
         *
         * @param amount the threshold, not negative; its currency is the one the value is counted in
         * @return the condition
         * @throws IllegalArgumentException if the amount is negative
         */
        public PredictedValue above(Money amount) {
            return factory.create(Comparison.MORE_THAN, amount);
        }

        /**
         * At least the amount.
         *
         * @param amount the threshold, not negative; its currency is the one the value is counted in
         * @return the condition
         * @throws IllegalArgumentException if the amount is negative
         */
        public PredictedValue atLeast(Money amount) {
            return factory.create(Comparison.AT_LEAST, amount);
        }
    }
}
