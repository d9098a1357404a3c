package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A customer's ledger as of an instant: balance, totals, the movements that led there and the
 * lots still held. A pure function of the stored entries and the instant.
 *
 * @param customerId the customer
 * @param asOf the instant of the statement (inclusive)
 * @param balance the balance at {@code asOf}
 * @param totals the running totals up to {@code asOf}
 * @param postings every movement at or before {@code asOf}, in time order (expiries before other
 *     movements of the same instant, then by source key)
 * @param lots the earnings with points left, oldest first
 */
public record LedgerStatement(CustomerId customerId, Instant asOf, Balance balance, PointsTotals totals,
        List<Posting> postings, List<PointsLot> lots) {

    /**
     * Validates the components and copies the lists.
     *
     * @param customerId the customer
     * @param asOf the instant of the statement (inclusive)
     * @param balance the balance at {@code asOf}
     * @param totals the running totals up to {@code asOf}
     * @param postings every movement at or before {@code asOf}, in time order (expiries before other
     *     movements of the same instant, then by source key)
     * @param lots the earnings with points left, oldest first
     * @throws NullPointerException if a component is null
     */
    public LedgerStatement {
        requireNonNull(customerId, "customerId");
        requireNonNull(asOf, "asOf");
        requireNonNull(balance, "balance");
        requireNonNull(totals, "totals");
        postings = List.copyOf(postings);
        lots = List.copyOf(lots);
    }

    /**
     * The lots that expire after {@code asOf} and at or before {@code asOf + within}, soonest first:
     * what a "your points expire soon" message lists.
     *
     * @param within how far ahead to look, not negative
     * @return the lots
     * @throws IllegalArgumentException if {@code within} is negative
     */
    public List<PointsLot> expiringWithin(Duration within) {
        checkArgument(!within.isNegative(), "within must not be negative, got %s", within);
        Instant until = asOf.plus(within);
        return lots.stream()
                .filter(lot -> lot.expiresAt().filter(at -> at.isAfter(asOf) && !at.isAfter(until)).isPresent())
                .sorted(java.util.Comparator.comparing(lot -> lot.expiresAt().orElseThrow()))
                .toList();
    }

    /**
     * The sum of {@link #expiringWithin}.
     *
     * @param within how far ahead to look, not negative
     * @return the points that expire
     * @throws IllegalArgumentException if {@code within} is negative
     */
    public long pointsExpiringWithin(Duration within) {
        return expiringWithin(within).stream().mapToLong(PointsLot::remaining).sum();
    }
}
