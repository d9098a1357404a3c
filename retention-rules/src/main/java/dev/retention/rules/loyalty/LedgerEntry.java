package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * One stored line of a customer's points ledger. Entries are only ever appended; a customer has
 * at most one entry per {@link Source} (the idempotency key).
 *
 * @param customerId the customer whose ledger holds the entry
 * @param source the origin, unique in the customer's ledger
 * @param kind what the entry records
 * @param occurredAt when it happened (the order, refund, redemption or bonus instant)
 * @param availableAt when earned points become spendable (the end of the return window for
 *     an order); equal to {@code occurredAt} for every other entry
 * @param points the points as recorded: see {@link EntryKind} for the sign per kind
 * @param orderId the order an order earn, a clawback or a referral bonus belongs to
 * @param amount the order total for an order earn (the base for proportional clawbacks); the
 *     refunded money for a clawback; empty otherwise
 */
public record LedgerEntry(CustomerId customerId, Source source, EntryKind kind, Instant occurredAt,
        Instant availableAt, long points, Optional<OrderId> orderId, Optional<Money> amount) {

    /** Time order, ties by source key: the order in which the ledger is evaluated. */
    public static final Comparator<LedgerEntry> TIME_ORDER =
            Comparator.comparing(LedgerEntry::occurredAt).thenComparing(e -> e.source().key());

    /**
     * Validates the components against the kind (see {@link EntryKind}).
     *
     * @param customerId the customer whose ledger holds the entry
     * @param source the origin, unique in the customer's ledger
     * @param kind what the entry records
     * @param occurredAt when it happened (the order, refund, redemption or bonus instant)
     * @param availableAt when earned points become spendable (the end of the return window for
     *     an order); equal to {@code occurredAt} for every other entry
     * @param points the points as recorded: see {@link EntryKind} for the sign per kind
     * @param orderId the order an order earn, a clawback or a referral bonus belongs to
     * @param amount the order total for an order earn (the base for proportional clawbacks); the
     *     refunded money for a clawback; empty otherwise
     * @throws IllegalArgumentException if {@code availableAt} is before {@code occurredAt}, or the points,
     *     order or amount do not fit the kind
     * @throws NullPointerException if a component is null
     */
    public LedgerEntry {
        requireNonNull(customerId, "customerId");
        requireNonNull(source, "source");
        requireNonNull(kind, "kind");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(availableAt, "availableAt");
        requireNonNull(orderId, "orderId");
        requireNonNull(amount, "amount");
        checkArgument(!availableAt.isBefore(occurredAt), "availableAt %s must not be before occurredAt %s (%s)",
                availableAt, occurredAt, source);
        switch (kind) {
            case EARN:
                checkArgument(points >= 0, "earned points must not be negative, got %s (%s)", points, source);
                break;
            case REDEEM:
                checkArgument(points > 0, "redeemed points must be positive, got %s (%s)", points, source);
                break;
            case CLAWBACK:
                checkArgument(points == 0, "a clawback records money, its points must be 0, got %s (%s)",
                        points, source);
                checkArgument(orderId.isPresent(), "a clawback needs the refunded order (%s)", source);
                checkArgument(amount.isPresent() && amount.get().isPositive(),
                        "a clawback needs a positive refunded amount, got %s (%s)", amount, source);
                break;
            default:
                checkArgument(points != 0, "an adjustment must change the balance, got 0 points (%s)", source);
        }
    }

    /**
     * The idempotency key within the customer's ledger.
     *
     * @return {@code source().key()}, e.g. {@code "ORDER:o-17"}
     */
    public String key() {
        return source.key();
    }
}
