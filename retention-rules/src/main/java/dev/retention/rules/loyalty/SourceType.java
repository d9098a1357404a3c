package dev.retention.rules.loyalty;

/** Where a ledger entry comes from; with the source id it forms the entry's idempotency key. */
public enum SourceType {
    /** An order: the id is the {@code OrderId}. */
    ORDER,
    /** A refund: the id is the refund event's {@code eventId}. */
    REFUND,
    /** A redemption: the id is the redemption id the shop chose (e.g. the checkout id). */
    REDEMPTION,
    /** A bonus trigger (sign-up, birthday, review): the id is the triggering event's id. */
    BONUS,
    /** A referral bonus: the id is the referee's customer id, so each referral pays out once. */
    REFERRAL,
    /** A manual adjustment: the id is the support ticket or whatever the operator chose. */
    MANUAL
}
