package dev.retention.core.io;

import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What an event store would refuse of a file's own events, found before anything is stored, so a
 * strict import stays all or nothing and a lenient one rejects the offending event instead of
 * failing half way: per customer and currency, the sums of orders and of refunds must fit a
 * {@code long} of minor units; per order, its refunds must be in its currency and add up to its
 * total at most. Each customer's events are taken in time order (ties by event id), as the history
 * has them, so the same rows in any order of the file give the same verdicts; in that order an
 * event is refused exactly when the store, empty at first, would refuse it.
 */
final class MoneyCheck {
    private MoneyCheck() {}

    /** An event the store would refuse: its index among the events, the column at fault, why. */
    record Refusal(int index, String column, String value, String message, ArithmeticException cause) {}

    /** The refusals among {@code events}, by index. */
    static List<Refusal> refusals(List<CustomerEvent> events) {
        Map<String, List<Integer>> byCustomer = new HashMap<>();
        // an import's views are columns, made into events on asking: the check passes them by
        ImportedEvents imported = events instanceof ImportedEvents list ? list : null;
        for (int i = 0; i < events.size(); i++) {
            if (imported != null && imported.isView(i)) {
                continue;
            }
            CustomerEvent e = events.get(i);
            if (e instanceof OrderPlaced || e instanceof OrderRefunded) {
                byCustomer.computeIfAbsent(e.customerId().value(), c -> new ArrayList<>(2)).add(i);
            }
        }
        Stream<List<Integer>> customers = byCustomer.values().stream();
        return (byCustomer.size() > 10_000 ? customers.parallel() : customers)
                .flatMap(indices -> new Customer(events).check(indices).stream())
                .sorted(Comparator.comparingInt(Refusal::index))
                .toList();
    }

    /** One customer's running sums, as its store would keep them. */
    private static final class Customer {
        private final List<CustomerEvent> events;
        /** Per currency code: {orders, refunds}. */
        private final Map<String, long[]> totals = new HashMap<>();
        private final Map<String, Order> orders = new HashMap<>();

        Customer(List<CustomerEvent> events) {
            this.events = events;
        }

        List<Refusal> check(List<Integer> indices) {
            List<Refusal> refused = new ArrayList<>(0);
            indices.sort(Comparator.comparing((Integer i) -> events.get(i).occurredAt())
                    .thenComparing(i -> events.get(i).eventId()));
            for (int i : indices) {
                Refusal r = check(i, events.get(i));
                if (r != null) {
                    refused.add(r);
                }
            }
            return refused;
        }

        private Refusal check(int index, CustomerEvent event) {
            boolean refund = event instanceof OrderRefunded;
            Money amount = refund ? ((OrderRefunded) event).amount() : ((OrderPlaced) event).total();
            String orderId = refund ? ((OrderRefunded) event).orderId().value() : ((OrderPlaced) event).orderId().value();
            Order order = orders.get(orderId);
            if (order != null && !order.currency.equals(amount.currency().getCurrencyCode())) {
                return new Refusal(index, "currency", amount.currency().getCurrencyCode(), customer(event)
                        + what(event, refund, amount) + " for order " + orderId
                        + " is not in the order's currency " + order.currency, null);
            }
            long refunded = order == null ? 0 : order.refunded;
            if (refund && order != null && order.total >= 0 && amount.minorUnits() > order.total - refunded) {
                return new Refusal(index, "amount", plain(amount), customer(event) + what(event, refund, amount)
                        + " for order " + orderId + " would take back more than the order's total "
                        + money(order.total, amount) + " (refunded before it " + money(refunded, amount) + ")", null);
            }
            if (!refund && refunded > amount.minorUnits()) {
                return new Refusal(index, "amount", plain(amount), customer(event) + what(event, refund, amount)
                        + " (order id " + orderId + ") is less than the " + money(refunded, amount)
                        + " refunded for it earlier", null);
            }
            long[] sums = totals.computeIfAbsent(amount.currency().getCurrencyCode(), c -> new long[2]);
            int column = refund ? 1 : 0;
            long sum;
            try {
                sum = Math.addExact(sums[column], amount.minorUnits());
            } catch (ArithmeticException e) {
                return new Refusal(index, "amount", plain(amount), customer(event) + "amounts too large to add up (its "
                        + (refund ? "refunds" : "orders") + " in " + amount.currency() + " already come to "
                        + money(sums[column], amount) + "; " + what(event, refund, amount) + " would take them past "
                        + money(Long.MAX_VALUE, amount) + ")", e);
            }
            sums[column] = sum;
            if (order == null) {
                order = new Order(amount.currency().getCurrencyCode());
                orders.put(orderId, order);
            }
            if (refund) {
                order.refunded += amount.minorUnits(); // no overflow: bounded by the refunds' sum above
            } else {
                order.total = Math.max(order.total, 0) + amount.minorUnits(); // bounded likewise
            }
            return null;
        }

        // the messages are made only for a refusal: most events pass
        private static String customer(CustomerEvent event) {
            return "customer " + event.customerId().value() + ": ";
        }

        private static String what(CustomerEvent event, boolean refund, Money amount) {
            return (refund ? "refund " : "order ") + event.eventId() + " of " + amount;
        }

        private static String plain(Money amount) {
            return amount.toBigDecimal().toPlainString();
        }

        private static Money money(long minor, Money like) {
            return Money.ofMinor(minor, like.currency());
        }
    }

    /** An order id's currency, its total (-1 while only refunds of it were seen) and its refunds. */
    private static final class Order {
        final String currency;
        long total = -1;
        long refunded;

        Order(String currency) {
            this.currency = Objects.requireNonNull(currency);
        }
    }
}
