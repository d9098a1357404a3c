package dev.retention.rules.loyalty;

/** The kinds of points movement in a customer's statement. */
public enum PostingKind {
    /** Points credited by an order or a bonus (after the per-day cap). */
    EARN,
    /** Points spent on a discount. */
    REDEEM,
    /** Points that reached their expiry date unspent; derived, never stored. */
    EXPIRE,
    /** Points taken back because the order that earned them was refunded. */
    CLAWBACK,
    /** A manual correction, either sign. */
    ADJUST
}
