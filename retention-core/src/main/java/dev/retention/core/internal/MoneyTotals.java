package dev.retention.core.internal;

import dev.retention.core.Money;
import java.util.Arrays;

/**
 * A customer's running sums of order totals and of refunds per currency, as {@code {currency code,
 * orders, refunds}} triples in a {@code long[]} (null before the customer's first order or refund).
 * An event that would overflow them is refused, so every sum a history computes over a window of
 * them fits a {@code long}.
 */
final class MoneyTotals {
    private MoneyTotals() {}

    /**
     * The totals with {@code amount} added to the orders' or the refunds' sum of its currency; a new
     * array or {@code totals} itself, which is left untouched when the sum would overflow.
     *
     * @throws IllegalArgumentException naming the event, its customer and the amount, if the sum would overflow
     */
    static long[] add(long[] totals, String customer, String eventId, Money amount, boolean refund) {
        int code = Currencies.code(amount.currency());
        int at = -1;
        for (int i = 0; totals != null && i < totals.length; i += 3) {
            if (totals[i] == code) {
                at = i;
            }
        }
        long[] out = totals;
        if (at < 0) {
            out = totals == null ? new long[3] : Arrays.copyOf(totals, totals.length + 3);
            at = out.length - 3;
            out[at] = code;
        }
        int column = at + (refund ? 2 : 1);
        long sum = out[column] + amount.minorUnits();
        if (sum < 0) { // both are not negative: a negative sum wrapped
            throw new IllegalArgumentException("event " + eventId + " of " + amount + " would overflow customer "
                    + customer + "'s running total of " + (refund ? "refunds" : "orders") + " in " + amount.currency()
                    + " (already " + Money.ofMinor(out[column], amount.currency()) + "); nothing of it was stored");
        }
        out[column] = sum;
        return out;
    }
}
