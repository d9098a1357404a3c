package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loyalty tiers by spend, order count or points earned over a qualification window.
 *
 * <pre>{@code
 * TierPolicy tiers = TierPolicy.builder()
 *         .spend("USD")
 *         .window(QualificationWindow.rollingMonths(12))
 *         .baseTier("Member", TierBenefits.none())
 *         .tier("Silver", Money.of(500, "USD"), TierBenefits.multiplier("1.25"))
 *         .tier("Gold", Money.of(1500, "USD"), TierBenefits.multiplier("1.5").withFreeShipping())
 *         .gracePeriod(Duration.ofDays(30))
 *         .build();
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>A customer qualifies for the highest tier whose threshold the measured value in the window
 *       ending now (inclusive) reaches.
 *   <li>Upgrades take effect as soon as the threshold is crossed (at the order or earning).
 *   <li>Downgrades happen only at review dates: every {@code reviewEveryMonths} months from
 *       1 January in the policy's zone (yearly on 1 January by default). A review judges the
 *       window that ends just before it (for the calendar year: the year that just ended). A
 *       customer below their tier falls to the tier the review qualified them for; with a grace
 *       period, only at its end, and not at all if they qualify again before.
 * </ul>
 *
 * <p>Immutable and thread-safe; every answer is a pure function of the activity and the instant.
 */
public final class TierPolicy {
    private final TierMeasure measure;
    private final Optional<Currency> currency;
    private final QualificationWindow window;
    private final int reviewEveryMonths;
    private final Duration gracePeriod;
    private final Duration atRiskNotice;
    private final ZoneId zone;
    private final List<Tier> tiers;

    private TierPolicy(Builder b) {
        measure = b.measure;
        currency = Optional.ofNullable(b.currency);
        window = b.window;
        reviewEveryMonths = b.reviewEveryMonths;
        gracePeriod = b.gracePeriod;
        atRiskNotice = b.atRiskNotice;
        zone = b.zone;
        tiers = List.copyOf(b.tiers);
    }

    /**
     * Starts a policy; the measure and the base tier are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tiers, base tier first, thresholds rising.
     *
     * @return the tiers, unmodifiable
     */
    public List<Tier> tiers() {
        return tiers;
    }

    /**
     * What the policy counts.
     *
     * @return the measure
     */
    public TierMeasure measure() {
        return measure;
    }

    /**
     * The period activity is counted over.
     *
     * @return the window; rolling 12 months by default
     */
    public QualificationWindow window() {
        return window;
    }

    /**
     * How long after a failed review the customer keeps the tier.
     *
     * @return the grace period; zero by default
     */
    public Duration gracePeriod() {
        return gracePeriod;
    }

    /**
     * The zone in which reviews, months and years are counted.
     *
     * @return the zone; UTC by default
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The tier a value qualifies for on its own (without the upgrade/downgrade rules): the highest whose
     * threshold {@code value} reaches.
     *
     * @param value the measured value (minor units of spend, orders or points)
     * @return the tier; the base tier for a value below every other threshold
     */
    public Tier qualifyingTier(long value) {
        return tiers.get(indexFor(value));
    }

    int indexFor(long value) {
        int index = 0;
        for (int i = 1; i < tiers.size(); i++) {
            if (value >= tiers.get(i).threshold()) {
                index = i;
            }
        }
        return index;
    }

    /**
     * The customer's tier at {@code at} (inclusive), with the explanation.
     *
     * @param activity the customer's activity in the policy's measure
     * @param at the instant asked
     * @return the status
     */
    public TierStatus tierOf(QualifyingActivity activity, Instant at) {
        requireNonNull(activity, "activity");
        requireNonNull(at, "at");
        return new TierTimeline(this, activity, at).status();
    }

    /**
     * The tier from a customer's orders, for policies measuring {@link TierMeasure#SPEND} or
     * {@link TierMeasure#ORDER_COUNT}; for points use {@link QualifyingActivity#pointsEarned}.
     *
     * @param history the customer's history
     * @param at the instant asked
     * @return the status
     * @throws IllegalArgumentException if the policy measures {@link TierMeasure#POINTS_EARNED}
     */
    public TierStatus tierOf(CustomerHistory history, Instant at) {
        return tierOf(activityOf(history), at);
    }

    /**
     * The tier changes (upgrades, downgrades, at-risk notices) at instants in {@code [from, to)},
     * in time order: what a campaign engine polls to trigger on.
     *
     * @param customerId the customer, for the changes' records
     * @param activity the customer's activity in the policy's measure
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the changes
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public List<TierChange> changes(CustomerId customerId, QualifyingActivity activity, Instant from, Instant to) {
        requireNonNull(customerId, "customerId");
        requireNonNull(activity, "activity");
        checkArgument(!to.isBefore(from), "to %s must not be before from %s", to, from);
        List<TierChange> out = new ArrayList<>();
        for (TierChange change : new TierTimeline(this, activity, to.minusNanos(1)).changes(customerId)) {
            if (!change.at().isBefore(from)) {
                out.add(change);
            }
        }
        return out;
    }

    /**
     * {@link #changes(CustomerId, QualifyingActivity, Instant, Instant)} from a customer's orders.
     *
     * @param history the customer's history
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the changes
     * @throws IllegalArgumentException if {@code to} is before {@code from}, or the policy measures
     *     {@link TierMeasure#POINTS_EARNED}
     */
    public List<TierChange> changes(CustomerHistory history, Instant from, Instant to) {
        return changes(history.customerId(), activityOf(history), from, to);
    }

    private QualifyingActivity activityOf(CustomerHistory history) {
        requireNonNull(history, "history");
        checkArgument(measure != TierMeasure.POINTS_EARNED,
                "a policy measuring POINTS_EARNED needs QualifyingActivity.pointsEarned(statement), not a history");
        return measure == TierMeasure.SPEND ? QualifyingActivity.spend(history, currency.orElseThrow())
                : QualifyingActivity.orders(history);
    }

    /**
     * The first review strictly after {@code at}.
     *
     * @param at the instant asked
     * @return the next review: the next multiple of the review period from 1 January in the policy's zone
     */
    public Instant nextReview(Instant at) {
        ZonedDateTime yearStart = at.atZone(zone).toLocalDate().withDayOfYear(1).atStartOfDay(zone);
        ZonedDateTime review = yearStart;
        while (!review.toInstant().isAfter(at)) {
            review = review.plusMonths(reviewEveryMonths);
        }
        return review.toInstant();
    }

    Optional<Currency> currency() {
        return currency;
    }

    Duration atRiskNotice() {
        return atRiskNotice;
    }

    @Override
    public String toString() {
        return "TierPolicy[" + measure + " over " + window + ", tiers " + tiers + "]";
    }

    /** Builds a {@link TierPolicy}; every setting is checked in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private TierMeasure measure;
        private Currency currency;
        private QualificationWindow window = QualificationWindow.rollingMonths(12);
        private int reviewEveryMonths = 12;
        private Duration gracePeriod = Duration.ZERO;
        private Duration atRiskNotice = Duration.ZERO;
        private ZoneId zone = ZoneOffset.UTC;
        private final List<Tier> tiers = new ArrayList<>();

        private Builder() {}

        /**
         * Tiers by net spend in this currency; set it before {@link #tier(String, Money, TierBenefits)}.
         *
         * @param currencyCode the ISO 4217 code
         * @return this builder
         * @throws IllegalArgumentException if the code is not a known currency
         */
        public Builder spend(String currencyCode) {
            this.measure = TierMeasure.SPEND;
            this.currency = Currency.getInstance(requireNonNull(currencyCode, "currency"));
            return this;
        }

        /**
         * Tiers by the number of orders placed in the window.
         *
         * @return this builder
         */
        public Builder orderCount() {
            this.measure = TierMeasure.ORDER_COUNT;
            return this;
        }

        /**
         * Tiers by the points earned in the window; ask with {@link QualifyingActivity#pointsEarned}.
         *
         * @return this builder
         */
        public Builder pointsEarned() {
            this.measure = TierMeasure.POINTS_EARNED;
            return this;
        }

        /**
         * The qualification window (default: rolling 12 months).
         *
         * @param window the window; a calendar-year window needs yearly reviews (checked by {@link #build()})
         * @return this builder
         */
        public Builder window(QualificationWindow window) {
            this.window = requireNonNull(window, "window");
            return this;
        }

        /**
         * Months between reviews, counted from 1 January (default 12: yearly on 1 January).
         *
         * @param months 1, 2, 3, 4, 6 or 12 (checked by {@link #build()})
         * @return this builder
         */
        public Builder reviewEveryMonths(int months) {
            this.reviewEveryMonths = months;
            return this;
        }

        /**
         * How long after a failed review the customer keeps the tier (default zero).
         *
         * @param grace the grace period, not negative and shorter than the review period (checked by {@link #build()})
         * @return this builder
         */
        public Builder gracePeriod(Duration grace) {
            this.gracePeriod = requireNonNull(grace, "gracePeriod");
            return this;
        }

        /**
         * Raise {@link TierChangeKind#AT_RISK} this long before a review the customer would fail (default: never).
         *
         * @param notice the notice, not negative and shorter than the review period (checked by {@link #build()})
         * @return this builder
         */
        public Builder atRiskNotice(Duration notice) {
            this.atRiskNotice = requireNonNull(notice, "atRiskNotice");
            return this;
        }

        /**
         * The zone in which reviews, months and years are counted; default UTC.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The tier everyone starts in (required, first).
         *
         * @param name the tier's name, not blank
         * @param benefits what the tier gives
         * @return this builder
         * @throws IllegalArgumentException if a tier was added before, or {@code name} is blank
         */
        public Builder baseTier(String name, TierBenefits benefits) {
            checkArgument(tiers.isEmpty(), "the base tier must be added first, got '%s' after %s", name, tiers);
            tiers.add(new Tier(name, 0, benefits));
            return this;
        }

        /**
         * A tier from {@code threshold} in the policy's measure (minor units for spend); add tiers by
         * rising threshold.
         *
         * @param name the tier's name, not blank and unique (checked by {@link #build()})
         * @param threshold the qualifying value, above the previous tier's (checked by {@link #build()})
         * @param benefits what the tier gives
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is blank or {@code threshold} is negative
         */
        public Builder tier(String name, long threshold, TierBenefits benefits) {
            tiers.add(new Tier(name, threshold, benefits));
            return this;
        }

        /**
         * A spend tier from {@code threshold}; call {@link #spend} first.
         *
         * @param name the tier's name, not blank and unique (checked by {@link #build()})
         * @param threshold the qualifying spend, in the policy's currency
         * @param benefits what the tier gives
         * @return this builder
         * @throws IllegalArgumentException if the policy does not (yet) measure spend in the threshold's currency
         */
        public Builder tier(String name, Money threshold, TierBenefits benefits) {
            checkArgument(measure == TierMeasure.SPEND && threshold.currency().equals(currency),
                    "tier '%s' has a threshold of %s but the policy measures %s%s", name, threshold, measure,
                    currency == null ? "" : " in " + currency);
            return tier(name, threshold.minorUnits(), benefits);
        }

        /**
         * Checks every setting and builds the policy.
         *
         * @return the immutable, thread-safe policy
         * @throws IllegalArgumentException naming the first invalid setting and its value
         */
        public TierPolicy build() {
            checkArgument(measure != null, "measure must be set: spend(currency), orderCount() or pointsEarned()");
            checkArgument(!tiers.isEmpty() && tiers.get(0).threshold() == 0,
                    "a base tier must be set with baseTier(name, benefits), got tiers %s", tiers);
            Set<String> names = new HashSet<>();
            for (int i = 0; i < tiers.size(); i++) {
                Tier tier = tiers.get(i);
                checkArgument(names.add(tier.name()), "tier names must be unique, got '%s' twice", tier.name());
                checkArgument(i == 0 || tier.threshold() > tiers.get(i - 1).threshold(),
                        "tier thresholds must rise: '%s' has %s after '%s' with %s", tier.name(), tier.threshold(),
                        i == 0 ? "" : tiers.get(i - 1).name(), i == 0 ? 0 : tiers.get(i - 1).threshold());
            }
            checkArgument(reviewEveryMonths >= 1 && 12 % reviewEveryMonths == 0,
                    "reviewEveryMonths must divide 12 (1, 2, 3, 4, 6 or 12), got %s", reviewEveryMonths);
            checkArgument(!window.isCalendarYear() || reviewEveryMonths == 12,
                    "a calendar-year window is reviewed yearly: reviewEveryMonths must be 12, got %s",
                    reviewEveryMonths);
            checkArgument(!gracePeriod.isNegative() && gracePeriod.compareTo(Duration.ofDays(28L * reviewEveryMonths)) < 0,
                    "gracePeriod must be between zero and the review period, got %s", gracePeriod);
            checkArgument(!atRiskNotice.isNegative() && atRiskNotice.compareTo(Duration.ofDays(28L * reviewEveryMonths)) < 0,
                    "atRiskNotice must be between zero and the review period, got %s", atRiskNotice);
            return new TierPolicy(this);
        }
    }
}
