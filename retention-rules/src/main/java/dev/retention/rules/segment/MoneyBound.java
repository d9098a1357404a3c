package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;

/**
 * A threshold on an amount of money ("more than 100.00 USD"). The observed amount is computed in
 * the threshold's currency: money spent in other currencies does not count.
 */
public record MoneyBound(Comparison comparison, Money amount) {

    public MoneyBound {
        requireNonNull(comparison, "comparison");
        requireNonNull(amount, "amount");
    }

    /** Compares exactly, in minor units; {@code observed} must be in the threshold's currency. */
    public boolean matches(Money observed) {
        return comparison.holds(observed.compareTo(amount), 0);
    }

    /** E.g. {@code "> 100.00 USD"}. */
    public String describe() {
        return comparison.symbol() + " " + amount;
    }
}
