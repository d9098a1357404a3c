package dev.retention.rules.loyalty;

/**
 * What a stored {@link LedgerEntry} records. Expiry is not stored: it follows from the earn dates and
 * the program, so {@link PostingKind#EXPIRE} postings are derived when the ledger is read.
 */
public enum EntryKind {
    /** Points credited for an order or a bonus; {@code points} is not negative. */
    EARN,
    /** Points spent on a discount; {@code points} is positive and is subtracted. */
    REDEEM,
    /**
     * A refund of an order; {@code amount} is the refunded money and {@code points} is zero, because
     * the points it takes back are derived from the order's earn entry when the ledger is read.
     */
    CLAWBACK,
    /** A manual correction; {@code points} is signed. */
    ADJUST
}
