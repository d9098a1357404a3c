package dev.retention.rules.loyalty;

/** What happened to a customer's tier. */
public enum TierChangeKind {
    /** The customer reached a higher tier. */
    UPGRADED,
    /** The customer fell to a lower tier at a review (or at the end of its grace period). */
    DOWNGRADED,
    /**
     * The customer will lose (or, during a grace period, is losing) the tier unless they qualify
     * again: raised at the review if a grace period starts, and before the review if the policy
     * gives an at-risk notice.
     */
    AT_RISK
}
