package dev.retention.rules.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One movement of points in a customer's statement, as the ledger derives it from the stored
 * entries: the points actually credited (after the per-day cap), redeemed, expired or taken back.
 *
 * @param points the signed change of the balance: positive for earnings, negative otherwise
 * @param balanceAfter the balance (active + pending - debt) right after this movement
 */
public record Posting(PostingKind kind, Source source, Instant at, long points, long balanceAfter) {

    public Posting {
        requireNonNull(kind, "kind");
        requireNonNull(source, "source");
        requireNonNull(at, "at");
    }
}
