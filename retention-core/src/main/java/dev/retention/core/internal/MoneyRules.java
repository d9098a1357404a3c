package dev.retention.core.internal;

import dev.retention.core.Money;

/**
 * The money rules every event store applies to an order or refund before storing it, in one place
 * so that each store refuses the same events with the same words (the event store contract
 * compares them): a refund takes back at most what is left of its order, an order is not smaller
 * than what was already refunded for it, and the customer's running total of the event's kind in
 * its currency never overflows. Exported to the library's own store modules only.
 */
public final class MoneyRules {
    private MoneyRules() {
    }

    /**
     * Checks an order or refund against what is stored for its order and the customer's running
     * total; the currency check comes before, where the store knows the stored currency.
     *
     * @param customer the customer's id, for the message
     * @param eventId the event's id, for the message
     * @param orderId the order id the event belongs to
     * @param amount the event's amount (an order's total or a refund's amount)
     * @param refund whether the event is a refund
     * @param orderKnown whether the order is stored (always true for an order)
     * @param ordered the order's stored orders in the event's currency, in minor units
     * @param refunded the order's stored refunds in the event's currency, in minor units
     * @param soFar the customer's running total of the event's kind in its currency, in minor units
     * @throws IllegalArgumentException if the event breaks a rule; the message names the customer,
     *     the event, the amounts and says that nothing of it was stored
     */
    public static void check(String customer, String eventId, String orderId, Money amount, boolean refund,
            boolean orderKnown, long ordered, long refunded, long soFar) {
        if (refund && orderKnown && amount.minorUnits() > ordered - refunded) {
            throw new IllegalArgumentException("customer " + customer + ": refund " + eventId + " of " + amount
                    + " for order " + orderId + " would take back more than the order's total "
                    + Money.ofMinor(ordered, amount.currency())
                    + " (already refunded " + Money.ofMinor(refunded, amount.currency()) + "); nothing of it was stored");
        }
        if (!refund && refunded - ordered > amount.minorUnits()) {
            throw new IllegalArgumentException("customer " + customer + ": order " + eventId + " (order id " + orderId
                    + ") of " + amount + " is less than the " + Money.ofMinor(refunded - ordered, amount.currency())
                    + " already refunded for it; nothing of it was stored");
        }
        if (soFar + amount.minorUnits() < 0) { // neither is negative: a negative sum wrapped
            throw new IllegalArgumentException("customer " + customer + ": event " + eventId + " of " + amount
                    + " would overflow the customer's running total of " + (refund ? "refunds" : "orders")
                    + " in " + amount.currency() + " (already " + Money.ofMinor(soFar, amount.currency())
                    + "); nothing of it was stored");
        }
    }
}
