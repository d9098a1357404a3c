package dev.retention.rules.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One movement of points in a customer's statement, as the ledger derives it from the stored
 * entries: the points actually credited (after the per-day cap), redeemed, expired or taken back.
 *
 * @param kind what moved the points
 * @param source the entry it comes from
 * @param at when it took effect
 * @param points the signed change of the balance: positive for earnings, negative otherwise
 * @param balanceAfter the balance (active + pending - debt) right after this movement
 */
public record Posting(PostingKind kind, Source source, Instant at, long points, long balanceAfter) {

    /**
     * Validates the components.
     *
     * @param kind what moved the points
     * @param source the entry it comes from
     * @param at when it took effect
     * @param points the signed change of the balance: positive for earnings, negative otherwise
     * @param balanceAfter the balance (active + pending - debt) right after this movement
     * @throws NullPointerException if a component is null
     */
    public Posting {
        requireNonNull(kind, "kind");
        requireNonNull(source, "source");
        requireNonNull(at, "at");
    }
}
