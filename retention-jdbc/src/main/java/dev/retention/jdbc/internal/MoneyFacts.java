package dev.retention.jdbc.internal;

import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.internal.MoneyRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the money checks of a run of one customer's orders and refunds need, read in one query at
 * the run's start (the stored sums of each order the run names, per kind and currency, and the
 * customer's running totals), then kept up to date in memory as the run's events are taken, so
 * that each event is checked against the stored ones and the run's earlier ones exactly as
 * {@code append} checks it against the table, without a query of its own. Used inside the
 * transaction that holds the customer, so nothing else changes these rows meanwhile.
 */
final class MoneyFacts {
    /** Per order id, per currency: the sum of its orders, the sum of its refunds, the count of its orders. */
    private final Map<String, Map<String, long[]>> orders = new HashMap<>();
    /** Per currency: the customer's running totals of orders and refunds. */
    private final Map<String, long[]> totals = new HashMap<>();
    /** Per currency: what the taken events add to the running totals. */
    private final Map<String, long[]> added = new LinkedHashMap<>();

    private MoneyFacts() {}

    /** Reads the facts for the orders and refunds of {@code run} (one query). */
    static MoneyFacts read(Connection c, String events, String spend, String customer, List<CustomerEvent> run)
            throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        for (CustomerEvent e : run) {
            if (e instanceof OrderPlaced o) {
                ids.add(o.orderId().value());
            } else if (e instanceof OrderRefunded r) {
                ids.add(r.orderId().value());
            }
        }
        MoneyFacts facts = new MoneyFacts();
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("SELECT order_id, kind, currency, SUM(amount_minor), COUNT(*)"
                + " FROM " + events + " WHERE customer_id = ? AND order_id IN (" + marks + ")"
                + " AND kind IN ('order', 'refund') GROUP BY order_id, kind, currency"
                + " UNION ALL SELECT NULL, 'spend', currency, ordered_minor, refunded_minor FROM " + spend
                + " WHERE customer_id = ?")) {
            int i = 1;
            s.setString(i++, customer);
            for (String id : ids) {
                s.setString(i++, id);
            }
            s.setString(i, customer);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String kind = r.getString(2);
                    String currency = r.getString(3).trim();
                    if (kind.equals("spend")) {
                        facts.totals.put(currency, new long[] {r.getLong(4), r.getLong(5)});
                    } else {
                        long[] sums = facts.order(r.getString(1), currency);
                        if (kind.equals("order")) {
                            sums[0] += r.getLong(4);
                            sums[2] += r.getLong(5);
                        } else {
                            sums[1] += r.getLong(4);
                        }
                    }
                }
            }
        }
        return facts;
    }

    private long[] order(String orderId, String currency) {
        return orders.computeIfAbsent(orderId, k -> new HashMap<>()).computeIfAbsent(currency, k -> new long[3]);
    }

    /**
     * Checks an order or refund against the facts, as {@code append} checks it, and counts it in.
     *
     * @throws IllegalArgumentException if it breaks a money rule (nothing of it is counted)
     */
    void take(String customer, String eventId, String orderId, Money amount, boolean refund) {
        String currency = amount.currency().getCurrencyCode();
        Map<String, long[]> byCurrency = orders.getOrDefault(orderId, Map.of());
        String stored = null;
        for (String other : byCurrency.keySet()) {
            if (!other.equals(currency)) {
                stored = other;
            }
        }
        long[] sums = byCurrency.getOrDefault(currency, new long[3]);
        long[] total = totals.getOrDefault(currency, new long[2]);
        check(customer, eventId, orderId, amount, refund, sums[0], sums[1], !refund || sums[2] > 0,
                refund ? total[1] : total[0], stored);
        long[] mine = order(orderId, currency);
        long[] running = totals.computeIfAbsent(currency, k -> new long[2]);
        long[] delta = added.computeIfAbsent(currency, k -> new long[2]);
        int column = refund ? 1 : 0;
        mine[column] += amount.minorUnits();
        if (!refund) {
            mine[2]++;
        }
        running[column] += amount.minorUnits();
        delta[column] += amount.minorUnits();
    }

    /** Adds what the taken events add to the customer's running totals: one batch, one row per currency. */
    void storeRunningTotals(Connection c, String spend, String customer) throws SQLException {
        if (added.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(JdbcEventStore.spendUpsert(spend))) {
            for (Map.Entry<String, long[]> e : added.entrySet()) {
                s.setString(1, customer);
                s.setString(2, e.getKey());
                s.setLong(3, e.getValue()[0]);
                s.setLong(4, e.getValue()[1]);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * The money rules of an order or refund, given what is stored for its order in its currency
     * and the customer's running total it adds to.
     *
     * @param ordered the order's orders in the event's currency
     * @param refunded the order's refunds in the event's currency
     * @param orderKnown whether the order is stored in the event's currency (always true for an order)
     * @param soFar the customer's running total of the event's kind in its currency
     * @param stored another currency the order's events are in, or null
     * @throws IllegalArgumentException if the event breaks a rule
     */
    static void check(String customer, String eventId, String orderId, Money amount, boolean refund, long ordered,
            long refunded, boolean orderKnown, long soFar, String stored) {
        if (stored != null) {
            throw new IllegalArgumentException("customer " + customer + ": event " + eventId + " of "
                    + amount + " for order " + orderId + " is not in the order's currency " + stored
                    + "; nothing of it was stored");
        }
        MoneyRules.check(customer, eventId, orderId, amount, refund, orderKnown, ordered, refunded, soFar);
    }
}
