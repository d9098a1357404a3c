package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import dev.retention.core.event.OrderPlaced;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A threshold on an amount of money ("more than 100.00 USD"). The observed amount is computed in
 * the threshold's currency: money spent in other currencies does not count.
 *
 * @param comparison how the observed amount is compared
 * @param amount the threshold; its currency is the one amounts are counted in
 */
public record MoneyBound(Comparison comparison, Money amount) {

    /**
     * Validates the components.
     *
     * @param comparison how the observed amount is compared
     * @param amount the threshold; its currency is the one amounts are counted in
     * @throws NullPointerException if a component is null
     */
    public MoneyBound {
        requireNonNull(comparison, "comparison");
        requireNonNull(amount, "amount");
    }

    /**
     * Compares exactly, in minor units; {@code observed} must be in the threshold's currency.
     *
     * @param observed the amount found
     * @return true if {@code observed <comparison> amount}
     * @throws IllegalArgumentException if {@code observed} is in another currency
     */
    public boolean matches(Money observed) {
        return comparison.holds(observed.compareTo(amount), 0);
    }

    /**
     * The currencies the customer ordered in at or before {@code now} (e.g. "EUR, GBP"), if they did order
     * but never in the threshold's currency: then every amount this bound compares is 0 because of the
     * currency, not because of the customer, and an explanation must say so.
     */
    Optional<String> otherCurrenciesOnly(EvaluationContext context) {
        Set<String> used = new TreeSet<>();
        for (OrderPlaced order : context.history().orders(Instant.MIN, context.end())) {
            used.add(order.total().currency().getCurrencyCode());
        }
        if (used.isEmpty() || used.contains(amount.currency().getCurrencyCode())) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", used));
    }

    /**
     * E.g. {@code "> 100.00 USD"}.
     *
     * @return the symbol and the amount
     */
    public String describe() {
        return comparison.symbol() + " " + amount;
    }
}
