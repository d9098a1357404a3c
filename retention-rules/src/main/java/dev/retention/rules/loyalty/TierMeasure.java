package dev.retention.rules.loyalty;

/** What a {@link TierPolicy} counts over its qualification window. */
public enum TierMeasure {
    /** Net spend in the policy's currency, in minor units: orders placed minus refunds made in the window. */
    SPEND,
    /** Orders placed in the window. */
    ORDER_COUNT,
    /** Points earned in the window (earnings minus clawbacks), not the current balance. */
    POINTS_EARNED
}
