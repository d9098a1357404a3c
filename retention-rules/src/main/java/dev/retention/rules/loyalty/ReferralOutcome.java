package dev.retention.rules.loyalty;

/** What {@link PointsLedger#settleReferral} did. */
public enum ReferralOutcome {
    /** Both customers were paid now. */
    GRANTED,
    /** Both customers had been paid before; nothing changed. */
    ALREADY_GRANTED,
    /** The referee has no order yet, or the first order's window is still open: ask again later. */
    PENDING,
    /** The referee's first order was refunded within the window: the referral never pays. */
    FORFEITED
}
