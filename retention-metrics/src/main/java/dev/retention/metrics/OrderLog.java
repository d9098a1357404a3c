package dev.retention.metrics;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.internal.Nanos;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The orders and refunds of a shop in columns, the input of every metric: per order the customer,
 * the time, the total in minor units and the currency; per refund likewise. Both are sorted by time
 * (ties by customer id, then amount), so a period is found by binary search and a metric is one pass
 * over primitive arrays.
 *
 * <p>Build it once with {@link #of(EventStore)} and evaluate as many periods as you like. Events
 * other than orders and refunds are ignored. The log holds the customers with at least one order or
 * refund. Immutable and thread-safe; the result does not depend on the order the events arrived in.
 */
public final class OrderLog {
    private final List<CustomerId> customers;
    private final Map<CustomerId, Integer> customerIndex;
    private final List<Currency> currencies;
    // orders, sorted by time
    final int[] orderCustomer;
    final long[] orderTime;
    final long[] orderMinor;
    final int[] orderCurrency;
    // refunds, sorted by time
    final int[] refundCustomer;
    final long[] refundTime;
    final long[] refundMinor;
    final int[] refundCurrency;
    // per customer: its order times in time order, as rows customerStart[c] .. customerStart[c + 1]
    final int[] customerStart;
    final long[] customerOrderTime;
    final int[] customerOrderRow;

    private OrderLog(List<CustomerId> customers, List<Currency> currencies, Rows orders, Rows refunds) {
        this.customers = List.copyOf(customers);
        Map<CustomerId, Integer> index = new HashMap<>();
        for (int c = 0; c < customers.size(); c++) {
            index.put(customers.get(c), c);
        }
        this.customerIndex = Collections.unmodifiableMap(index);
        this.currencies = List.copyOf(currencies);
        this.orderCustomer = orders.customer;
        this.orderTime = orders.time;
        this.orderMinor = orders.minor;
        this.orderCurrency = orders.currency;
        this.refundCustomer = refunds.customer;
        this.refundTime = refunds.time;
        this.refundMinor = refunds.minor;
        this.refundCurrency = refunds.currency;
        int n = orderTime.length;
        this.customerStart = new int[customers.size() + 1];
        for (int i = 0; i < n; i++) {
            customerStart[orderCustomer[i] + 1]++;
        }
        for (int c = 0; c < customers.size(); c++) {
            customerStart[c + 1] += customerStart[c];
        }
        int[] next = Arrays.copyOf(customerStart, customers.size());
        this.customerOrderTime = new long[n];
        this.customerOrderRow = new int[n];
        for (int i = 0; i < n; i++) {
            int slot = next[orderCustomer[i]]++;
            customerOrderTime[slot] = orderTime[i];
            customerOrderRow[slot] = i;
        }
    }

    /**
     * The orders and refunds held by the store now (a snapshot): every customer's history is read
     * once, and events appended later do not change the log, so build a new one to see them. A
     * customer whose first event arrives while the log is being built may or may not be in it (see
     * {@link EventStore#histories()}). Reading the whole store is the expensive part; build the log
     * once per report and evaluate every period and metric on it.
     *
     * @param store the shop's events
     * @return the log of the store's orders and refunds, in every currency they use
     */
    public static OrderLog of(EventStore store) {
        requireNonNull(store, "store");
        List<CustomerHistory> histories = new ArrayList<>(store.histories().toList());
        histories.sort(Comparator.comparing(CustomerHistory::customerId));
        List<CustomerId> customers = new ArrayList<>();
        List<Currency> currencies = new ArrayList<>();
        Map<Currency, Integer> currencyIndex = new HashMap<>();
        Rows orders = new Rows(histories.size() * 4);
        Rows refunds = new Rows(16);
        for (CustomerHistory history : histories) {
            List<OrderPlaced> placed = history.orders();
            List<OrderRefunded> refunded = history.refunds(Instant.MIN, Instant.MAX);
            if (placed.isEmpty() && refunded.isEmpty()) {
                continue;
            }
            int c = customers.size();
            customers.add(history.customerId());
            for (OrderPlaced order : placed) {
                orders.add(c, Nanos.of(order.occurredAt()), order.total().minorUnits(),
                        currencyIndex.computeIfAbsent(order.total().currency(), k -> add(currencies, k)));
            }
            for (OrderRefunded refund : refunded) {
                refunds.add(c, Nanos.of(refund.occurredAt()), refund.amount().minorUnits(),
                        currencyIndex.computeIfAbsent(refund.amount().currency(), k -> add(currencies, k)));
            }
        }
        return new OrderLog(customers, currencies, orders.sorted(), refunds.sorted());
    }

    /**
     * The orders and refunds among {@code events}; as in a store, a repeated event id of the same
     * customer counts once (the first of them is kept). Handy for tests and for logs read from a file.
     *
     * @param events events of any customers and types, in any order; none of them null
     * @return the log of their orders and refunds
     */
    public static OrderLog of(Collection<? extends CustomerEvent> events) {
        InMemoryEventStore store = new InMemoryEventStore();
        for (CustomerEvent event : requireNonNull(events, "events")) {
            store.append(requireNonNull(event, "event"));
        }
        return of(store);
    }

    private static int add(List<Currency> currencies, Currency currency) {
        currencies.add(currency);
        return currencies.size() - 1;
    }

    /**
     * Customers with at least one order or refund, sorted by id. A customer with refunds only (whose
     * orders predate the events the log was built from, say) is here, and their refunds count in
     * {@link AverageOrderValue}, but the metrics over orders (CRR, cohorts, RFM, ...) do not see them.
     *
     * @return the customers, sorted by id; an immutable list
     */
    public List<CustomerId> customers() {
        return customers;
    }

    /**
     * The number of customers in the log.
     *
     * @return the size of {@link #customers()}
     */
    public int customerCount() {
        return customers.size();
    }

    /**
     * The number of orders over all time and every currency (each order event once, however often it
     * was delivered).
     *
     * @return the number of {@code OrderPlaced} events in the log
     */
    public int orderCount() {
        return orderTime.length;
    }

    /**
     * The number of refunds over all time and every currency; two partial refunds of one order count
     * as two.
     *
     * @return the number of {@code OrderRefunded} events in the log
     */
    public int refundCount() {
        return refundTime.length;
    }

    /**
     * The currencies of the orders and refunds, in order of first appearance by customer id. A log
     * made by {@link #filter} or {@link #groupBy} keeps the currencies of the log it came from, so it
     * may list a currency none of its own orders use.
     *
     * @return the currencies, an immutable list; empty for a log without orders and refunds
     */
    public List<Currency> currencies() {
        return currencies;
    }

    /**
     * The time of the earliest order, e.g. to choose the periods of a report.
     *
     * @return the instant of the earliest order in any currency; empty for a log without orders
     */
    public Optional<Instant> firstOrderAt() {
        return orderTime.length == 0 ? Optional.empty() : Optional.of(Nanos.toInstant(orderTime[0]));
    }

    /**
     * The time of the latest order. A period that should include it must end after it, e.g. at
     * {@code lastOrderAt().get().plusNanos(1)}.
     *
     * @return the instant of the latest order in any currency; empty for a log without orders
     */
    public Optional<Instant> lastOrderAt() {
        return orderTime.length == 0 ? Optional.empty()
                : Optional.of(Nanos.toInstant(orderTime[orderTime.length - 1]));
    }

    /**
     * The time of the customer's first order: the instant that makes them a new customer in
     * {@link RetentionRate} and puts them in a cohort of {@link CohortMatrix}.
     *
     * @param customerId the customer
     * @return the instant of their earliest order in any currency; empty if the log has no order of
     *     theirs (a customer it does not know, or one with refunds only)
     */
    public Optional<Instant> firstOrderAt(CustomerId customerId) {
        Integer c = customerIndex.get(requireNonNull(customerId, "customerId"));
        if (c == null || customerStart[c] == customerStart[c + 1]) {
            return Optional.empty();
        }
        return Optional.of(Nanos.toInstant(customerOrderTime[customerStart[c]]));
    }

    /**
     * Only the orders and refunds of the customers that {@code keep} accepts, e.g. the members of one
     * segment, to compute any metric for them alone. Metrics that rank customers against each other
     * ({@link RfmAnalysis}) then rank them within the filtered log only.
     *
     * @param keep whether a customer stays; called once per customer of this log
     * @return a new log with the kept customers only; this log is unchanged
     */
    public OrderLog filter(Predicate<CustomerId> keep) {
        requireNonNull(keep, "keep");
        String[] keys = new String[customers.size()];
        for (int c = 0; c < keys.length; c++) {
            keys[c] = keep.test(customers.get(c)) ? "" : null;
        }
        return subLog(keys, "");
    }

    /**
     * Every metric can be split by segment and by acquisition source (which campaigns bring customers
     * who come back): this splits the log by a key per customer, e.g. the acquisition channel
     * ({@link AcquisitionGrouping}) or a segment name, so any metric can be computed per group:
     * {@code log.groupBy(key).forEach((k, part) -> RetentionRate.of(part, period))}.
     *
     * <p>Each customer is in exactly one group, so counts and sums (S, N, E, orders, revenue) add up
     * across the groups; ratios do not.
     *
     * @param key the group of a customer, called once per customer of this log; must not return null
     * @return the groups in key order (an immutable map; empty for a log without customers), each with
     *     the orders and refunds of its customers only
     * @throws NullPointerException if {@code key} returns null for a customer
     */
    public SortedMap<String, OrderLog> groupBy(Function<CustomerId, String> key) {
        requireNonNull(key, "key");
        String[] keys = new String[customers.size()];
        for (int c = 0; c < keys.length; c++) {
            keys[c] = requireNonNull(key.apply(customers.get(c)), () -> "group key of a customer is null");
        }
        SortedMap<String, OrderLog> out = new TreeMap<>();
        for (String k : new TreeSet<>(Arrays.asList(keys))) {
            out.put(k, subLog(keys, k));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    private OrderLog subLog(String[] keys, String wanted) {
        int[] newIndex = new int[keys.length];
        List<CustomerId> kept = new ArrayList<>();
        for (int c = 0; c < keys.length; c++) {
            newIndex[c] = wanted.equals(keys[c]) ? kept.size() : -1;
            if (newIndex[c] >= 0) {
                kept.add(customers.get(c));
            }
        }
        return new OrderLog(kept, currencies,
                Rows.select(orderCustomer, orderTime, orderMinor, orderCurrency, newIndex),
                Rows.select(refundCustomer, refundTime, refundMinor, refundCurrency, newIndex));
    }

    CustomerId customer(int index) {
        return customers.get(index);
    }

    Currency currency(int index) {
        return currencies.get(index);
    }

    /** Index of the customer, -1 if the log does not know them. */
    int indexOf(CustomerId customerId) {
        Integer c = customerIndex.get(customerId);
        return c == null ? -1 : c;
    }

    /** The first order row at or after {@code instant}. */
    int firstOrderRow(Instant instant) {
        return lowerBound(orderTime, 0, orderTime.length, Nanos.clamped(instant));
    }

    int firstRefundRow(Instant instant) {
        return lowerBound(refundTime, 0, refundTime.length, Nanos.clamped(instant));
    }

    /** Whether customer {@code c} has an order in {@code [from, to)} (epoch nanos). */
    boolean hasOrderBetween(int c, long from, long to) {
        int i = lowerBound(customerOrderTime, customerStart[c], customerStart[c + 1], from);
        return i < customerStart[c + 1] && customerOrderTime[i] < to;
    }

    /** The time of customer {@code c}'s first order, {@link Long#MAX_VALUE} if none. */
    long firstOrderNanos(int c) {
        return customerStart[c] == customerStart[c + 1] ? Long.MAX_VALUE : customerOrderTime[customerStart[c]];
    }

    static int lowerBound(long[] sorted, int from, int to, long key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "OrderLog[" + customers.size() + " customers, " + orderTime.length + " orders, " + refundTime.length
                + " refunds, currencies " + currencies + "]";
    }

    /** Growable columns of one table before they are sorted and frozen. */
    private static final class Rows {
        int[] customer;
        long[] time;
        long[] minor;
        int[] currency;
        int size;

        Rows(int capacity) {
            capacity = Math.max(capacity, 4);
            customer = new int[capacity];
            time = new long[capacity];
            minor = new long[capacity];
            currency = new int[capacity];
        }

        void add(int c, long t, long amount, int cur) {
            if (size == time.length) {
                int capacity = size * 2;
                customer = Arrays.copyOf(customer, capacity);
                time = Arrays.copyOf(time, capacity);
                minor = Arrays.copyOf(minor, capacity);
                currency = Arrays.copyOf(currency, capacity);
            }
            customer[size] = c;
            time[size] = t;
            minor[size] = amount;
            currency[size] = cur;
            size++;
        }

        /** The rows in time order, ties by customer, amount and currency, trimmed to size. */
        Rows sorted() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.<Integer>comparingLong(i -> time[i])
                    .thenComparingInt(i -> customer[i])
                    .thenComparingLong(i -> minor[i])
                    .thenComparingInt(i -> currency[i]));
            Rows out = new Rows(size);
            for (int i : order) {
                out.add(customer[i], time[i], minor[i], currency[i]);
            }
            out.trim();
            return out;
        }

        private void trim() {
            customer = Arrays.copyOf(customer, size);
            time = Arrays.copyOf(time, size);
            minor = Arrays.copyOf(minor, size);
            currency = Arrays.copyOf(currency, size);
        }

        static Rows select(int[] customer, long[] time, long[] minor, int[] currency, int[] newIndex) {
            Rows out = new Rows(16);
            for (int i = 0; i < time.length; i++) {
                int c = newIndex[customer[i]];
                if (c >= 0) {
                    out.add(c, time[i], minor[i], currency[i]);
                }
            }
            out.trim();
            return out;
        }
    }
}
