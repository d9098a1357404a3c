package dev.retention.rules.loyalty;

/** The kinds of points movement in a customer's statement. */
public enum PostingKind {
    EARN,
    REDEEM,
    /** Points that reached their expiry date unspent; derived, never stored. */
    EXPIRE,
    /** Points taken back because the order that earned them was refunded. */
    CLAWBACK,
    ADJUST
}
