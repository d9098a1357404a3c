package dev.retention.rules.loyalty;

import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;

/**
 * A customer's tier at an instant, with what it would take to move up or to keep it.
 *
 * @param at the instant asked
 * @param tier the customer's tier at {@code at}
 * @param since when the customer entered the tier; empty for the base tier without activity
 * @param measure what the policy counts
 * @param currency the policy's currency, for a spend measure
 * @param qualifyingValue the measured value in the current window ({@code windowStart} to the
 *     instant asked, inclusive)
 * @param windowStart the start of the current window (inclusive)
 * @param windowDescription the window in words, e.g. "the 12 months to"
 * @param nextTier the tier above, if any
 * @param missingForNext what the customer still needs in the current window to reach
 *     {@code nextTier}; 0 without a next tier
 * @param nextReview the first review after the instant asked
 * @param neededToKeep what the customer still needs, counted in the window the next review
 *     judges, to keep the current tier at that review; 0 if already secured (or base tier)
 * @param downgradeAt the end of the grace period, if the customer failed the last review
 */
public record TierStatus(Instant at, Tier tier, Optional<Instant> since, TierMeasure measure,
        Optional<Currency> currency, long qualifyingValue, Instant windowStart, String windowDescription,
        Optional<Tier> nextTier, long missingForNext, Instant nextReview, long neededToKeep,
        Optional<Instant> downgradeAt) {

    /**
     * Validates the components.
     *
     * @param at the instant asked
     * @param tier the customer's tier at {@code at}
     * @param since when the customer entered the tier; empty for the base tier without activity
     * @param measure what the policy counts
     * @param currency the policy's currency, for a spend measure
     * @param qualifyingValue the measured value in the current window ({@code windowStart} to the
     *     instant asked, inclusive)
     * @param windowStart the start of the current window (inclusive)
     * @param windowDescription the window in words, e.g. "the 12 months to"
     * @param nextTier the tier above, if any
     * @param missingForNext what the customer still needs in the current window to reach
     *     {@code nextTier}; 0 without a next tier
     * @param nextReview the first review after the instant asked
     * @param neededToKeep what the customer still needs, counted in the window the next review
     *     judges, to keep the current tier at that review; 0 if already secured (or base tier)
     * @param downgradeAt the end of the grace period, if the customer failed the last review
     * @throws NullPointerException if a component is null
     */
    public TierStatus {
        requireNonNull(at, "at");
        requireNonNull(tier, "tier");
        requireNonNull(since, "since");
        requireNonNull(measure, "measure");
        requireNonNull(currency, "currency");
        requireNonNull(windowStart, "windowStart");
        requireNonNull(windowDescription, "windowDescription");
        requireNonNull(nextTier, "nextTier");
        requireNonNull(nextReview, "nextReview");
        requireNonNull(downgradeAt, "downgradeAt");
    }

    /**
     * A sentence for the customer or the support desk, e.g. {@code "Silver: spent 620.00 USD in the
     * 12 months to 2025-06-01T00:00:00Z; spend 880.00 USD more to reach Gold; spend 40.00 USD more by
     * 2026-01-01T00:00:00Z to keep Silver."}
     *
     * @return the sentence, in English
     */
    public String explanation() {
        StringBuilder s = new StringBuilder(tier.name()).append(": ");
        s.append(past()).append(' ').append(format(qualifyingValue)).append(" in ").append(windowDescription)
                .append(' ').append(at);
        nextTier.ifPresent(next -> s.append("; ").append(verb()).append(' ').append(format(missingForNext))
                .append(" more to reach ").append(next.name()));
        if (downgradeAt.isPresent()) {
            s.append("; ").append(verb()).append(' ').append(format(neededToKeep)).append(" more by ")
                    .append(downgradeAt.get()).append(" to keep ").append(tier.name());
        } else if (neededToKeep > 0) {
            s.append("; ").append(verb()).append(' ').append(format(neededToKeep)).append(" more by ")
                    .append(nextReview).append(" to keep ").append(tier.name());
        } else if (tier.threshold() > 0) {
            s.append("; ").append(tier.name()).append(" is kept at the review on ").append(nextReview);
        }
        return s.append('.').toString();
    }

    /**
     * A value of the policy's measure as text: money for spend, a count otherwise.
     *
     * @param value the value, e.g. {@link #missingForNext()}
     * @return e.g. {@code "40.00 USD"}, {@code "3 orders"} or {@code "1 point"}
     */
    public String format(long value) {
        if (measure == TierMeasure.SPEND) {
            return Money.ofMinor(value, currency.orElseThrow()).toString();
        }
        return measure == TierMeasure.ORDER_COUNT ? value + (value == 1 ? " order" : " orders")
                : value + (value == 1 ? " point" : " points");
    }

    private String verb() {
        return measure == TierMeasure.SPEND ? "spend" : measure == TierMeasure.ORDER_COUNT ? "place" : "earn";
    }

    private String past() {
        return measure == TierMeasure.SPEND ? "spent" : measure == TierMeasure.ORDER_COUNT ? "placed" : "earned";
    }
}
