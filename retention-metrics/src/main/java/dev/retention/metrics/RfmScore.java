package dev.retention.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import java.time.Duration;

/**
 * One customer's RFM figures and scores; see {@link RfmAnalysis} for how they are computed.
 *
 * @param customerId the customer
 * @param recency time from the customer's last order to {@code asOf}
 * @param frequency the customer's orders before {@code asOf}
 * @param monetary the sum of those orders' totals
 * @param recencyScore 1..5, 5 for the most recent
 * @param frequencyScore 1..5, 5 for the most orders
 * @param monetaryScore 1..5, 5 for the most money
 */
public record RfmScore(CustomerId customerId, Duration recency, long frequency, Money monetary, int recencyScore,
        int frequencyScore, int monetaryScore) {

    /**
     * Checks the figures; {@link RfmAnalysis#of} computes them.
     *
     * @param customerId the customer
     * @param recency time from the customer's last order to {@code asOf}, not negative
     * @param frequency the customer's orders before {@code asOf}, at least 1
     * @param monetary the sum of those orders' totals
     * @param recencyScore 1..5
     * @param frequencyScore 1..5
     * @param monetaryScore 1..5
     * @throws IllegalArgumentException if recency is negative, frequency below 1 or a score outside 1..5
     */
    public RfmScore {
        requireNonNull(customerId, "customerId");
        requireNonNull(recency, "recency");
        requireNonNull(monetary, "monetary");
        checkArgument(!recency.isNegative(), "recency must not be negative, got %s", recency);
        checkArgument(frequency >= 1, "frequency must be at least 1, got %s", frequency);
        checkScore("recencyScore", recencyScore);
        checkScore("frequencyScore", frequencyScore);
        checkScore("monetaryScore", monetaryScore);
    }

    private static void checkScore(String name, int score) {
        checkArgument(score >= 1 && score <= 5, "%s must be 1..5, got %s", name, score);
    }

    /**
     * The named segment of the recency and frequency scores, e.g. to pick a campaign per segment.
     *
     * @return {@link RfmSegment#of RfmSegment.of(recencyScore, frequencyScore)}; the monetary score
     *     does not change it
     */
    public RfmSegment segment() {
        return RfmSegment.of(recencyScore, frequencyScore);
    }

    /**
     * The three scores as one code, the usual shorthand in RFM reports.
     *
     * @return recency, frequency and monetary score as three digits, e.g. {@code "545"}
     */
    public String code() {
        return "" + recencyScore + frequencyScore + monetaryScore;
    }
}
