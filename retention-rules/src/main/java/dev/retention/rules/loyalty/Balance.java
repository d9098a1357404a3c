package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A customer's points at one instant.
 *
 * @param active points the customer can redeem now
 * @param pending points from orders still inside their return window (not yet spendable)
 * @param debt points owed after a clawback beyond the balance (only under
 *     {@link NegativeBalancePolicy#ALLOW_DEBT}); while in debt, active and pending are zero
 */
public record Balance(long active, long pending, long debt) {

    /**
     * Validates the components.
     *
     * @param active points the customer can redeem now
     * @param pending points from orders still inside their return window (not yet spendable)
     * @param debt points owed after a clawback beyond the balance (only under
     *     {@link NegativeBalancePolicy#ALLOW_DEBT}); while in debt, active and pending are zero
     * @throws IllegalArgumentException if a component is negative
     */
    public Balance {
        checkArgument(active >= 0 && pending >= 0 && debt >= 0,
                "active, pending and debt must not be negative, got %s, %s and %s", active, pending, debt);
    }

    /**
     * Active plus pending minus debt: negative only while the customer owes points.
     *
     * @return the total
     */
    public long total() {
        return active + pending - debt;
    }
}
