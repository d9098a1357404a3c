package dev.retention.rules.loyalty;

/**
 * What happens when a refund (or a negative adjustment) takes back more points than the customer
 * still has, because they were already redeemed or expired.
 */
public enum NegativeBalancePolicy {
    /** The balance goes negative; later earnings pay the debt back before they become spendable. */
    ALLOW_DEBT,
    /** The balance stops at zero and the points that could not be taken back are recorded as a shortfall. */
    CAP_AT_ZERO
}
