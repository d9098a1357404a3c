package dev.retention.core.event;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.internal.Currencies;
import dev.retention.core.internal.CustomerLog;
import dev.retention.core.internal.Dictionary;
import dev.retention.core.internal.Nanos;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One customer's events in time order, with the window queries that segments, triggers and
 * metrics ask.
 *
 * <h2>Windows</h2>
 * Every {@code (from, to)} pair is half-open: an event at {@code from} is in the window, an event
 * at {@code to} is not. Methods taking {@code asOf} see every event at or before that instant.
 * Instants are kept to the nanosecond, so {@code [from, asOf]} equals
 * {@code [from, asOf.plusNanos(1))}.
 *
 * <h2>Money</h2>
 * Spend is per currency: pass the currency you compare in; orders in other currencies do not
 * count. Net spend subtracts the refunds that happened in the same window.
 *
 * <p>Immutable and thread-safe: a history is a snapshot, and events appended to the store later do
 * not show up in it. Queries cost a binary search plus the rows in the window and allocate
 * nothing unless they return objects. Events of equal time are ordered by event id, so the order
 * never depends on arrival.
 */
public final class CustomerHistory {
    private final CustomerLog log;
    private final CustomerId customerId;

    private CustomerHistory(CustomerLog log) {
        this(log, log.customerId());
    }

    private CustomerHistory(CustomerLog log, CustomerId customerId) {
        this.log = log;
        this.customerId = customerId;
    }

    /** Wraps a store's snapshot. Internal: stores call this; users call {@link #of}. */
    public static CustomerHistory wrap(CustomerLog snapshot) {
        return new CustomerHistory(requireNonNull(snapshot, "snapshot"));
    }

    /** As {@link #wrap(CustomerLog)}, with the caller's id of the snapshot's customer (saves making one). */
    public static CustomerHistory wrap(CustomerLog snapshot, CustomerId customerId) {
        checkArgument(snapshot.isCustomer(customerId.value()), "snapshot of another customer than %s", customerId);
        return new CustomerHistory(snapshot, customerId);
    }

    /**
     * A history of the given events, for tests and one-off evaluation; repeated event ids count once.
     *
     * @throws IllegalArgumentException if an event belongs to another customer
     */
    public static CustomerHistory of(CustomerId customerId, Collection<? extends CustomerEvent> events) {
        CustomerLog log = new CustomerLog(requireNonNull(customerId, "customerId"), new Dictionary<>());
        for (CustomerEvent event : requireNonNull(events, "events")) {
            log.append(requireNonNull(event, "event"));
        }
        return new CustomerHistory(log.snapshot());
    }

    public static CustomerHistory of(CustomerId customerId, CustomerEvent... events) {
        return of(customerId, List.of(events));
    }

    /** A customer with no events yet. */
    public static CustomerHistory empty(CustomerId customerId) {
        return of(customerId, List.of());
    }

    public CustomerId customerId() {
        return customerId;
    }

    public boolean isEmpty() {
        return log.size() == 0;
    }

    public int eventCount() {
        return log.size();
    }

    /** All events, decoded, in time order (ties by event id). Allocates: prefer the queries. */
    public List<CustomerEvent> events() {
        return log.events();
    }

    // ---------------------------------------------------------------- orders

    public int orderCount() {
        return log.orderCount();
    }

    /** Orders placed in {@code [from, to)}. */
    public int orderCount(Instant from, Instant to) {
        return Math.max(0, log.ordersBefore(Nanos.clamped(to)) - log.ordersBefore(Nanos.clamped(from)));
    }

    /** Orders placed at or before {@code asOf}. */
    public int orderCountAsOf(Instant asOf) {
        return log.ordersBefore(Nanos.justAfter(asOf));
    }

    /** The orders placed in {@code [from, to)}, in time order. */
    public List<OrderPlaced> orders(Instant from, Instant to) {
        List<OrderPlaced> out = new ArrayList<>();
        for (int i = log.ordersBefore(Nanos.clamped(from)), end = log.ordersBefore(Nanos.clamped(to)); i < end; i++) {
            out.add(log.order(i));
        }
        return out;
    }

    public List<OrderPlaced> orders() {
        return orders(Instant.MIN, Instant.MAX);
    }

    public Optional<Instant> firstOrderAt() {
        return log.orderCount() == 0 ? Optional.empty() : Optional.of(Nanos.toInstant(log.orderTime(0)));
    }

    public Optional<Instant> lastOrderAt() {
        int n = log.orderCount();
        return n == 0 ? Optional.empty() : Optional.of(Nanos.toInstant(log.orderTime(n - 1)));
    }

    /** The time of the last order placed at or before {@code asOf}. */
    public Optional<Instant> lastOrderAt(Instant asOf) {
        int i = orderCountAsOf(asOf) - 1;
        return i < 0 ? Optional.empty() : Optional.of(Nanos.toInstant(log.orderTime(i)));
    }

    /** Sum of the totals of orders in {@code [from, to)} in {@code currency}, refunds not subtracted. */
    public Money grossSpend(Currency currency, Instant from, Instant to) {
        return Money.ofMinor(orderSum(currency, from, to), currency);
    }

    /**
     * What the customer spent in {@code [from, to)} in {@code currency}: order totals placed in the
     * window minus refunds made in the window. Can be negative for a window holding a refund of an
     * earlier order.
     */
    public Money netSpend(Currency currency, Instant from, Instant to) {
        long gross = orderSum(currency, from, to);
        long refunded = refundSum(currency, from, to);
        return Money.ofMinor(Math.subtractExact(gross, refunded), currency);
    }

    /** Net spend (orders minus refunds) at or before {@code asOf}. */
    public Money netSpendAsOf(Currency currency, Instant asOf) {
        return netSpend(currency, Instant.MIN, justAfter(asOf));
    }

    /** The currencies the customer's orders were placed in, in order of first use. */
    public Set<Currency> currencies() {
        Set<Currency> out = new LinkedHashSet<>();
        for (int i = 0; i < log.orderCount(); i++) {
            out.add(Currencies.get(log.orderCurrency(i)));
        }
        return out;
    }

    /** Refunds made in {@code [from, to)}, in time order. */
    public List<OrderRefunded> refunds(Instant from, Instant to) {
        List<OrderRefunded> out = new ArrayList<>();
        for (int i = log.refundsBefore(Nanos.clamped(from)), end = log.refundsBefore(Nanos.clamped(to)); i < end; i++) {
            out.add(log.refund(i));
        }
        return out;
    }

    /** Everything refunded so far for the order, zero if nothing (in the order's currency if known). */
    public Optional<Money> refundedAmount(OrderId orderId) {
        Money total = null;
        for (int i = 0; i < log.refundCount(); i++) {
            if (log.refundOrderId(i).equals(orderId.value())) {
                Money amount = Money.ofMinor(log.refundAmount(i), Currencies.get(log.refundCurrency(i)));
                total = total == null ? amount : total.plus(amount);
            }
        }
        return Optional.ofNullable(total);
    }

    /**
     * Time between consecutive orders placed at or before {@code asOf}, oldest gap first; one fewer
     * than the orders (empty for zero or one order).
     */
    public List<Duration> interPurchaseIntervals(Instant asOf) {
        int n = orderCountAsOf(asOf);
        List<Duration> out = new ArrayList<>(Math.max(0, n - 1));
        for (int i = 1; i < n; i++) {
            out.add(Duration.ofNanos(log.orderTime(i) - log.orderTime(i - 1)));
        }
        return out;
    }

    /**
     * The median time between consecutive orders placed at or before {@code asOf} (the mean of the
     * two middle gaps for an even count); empty with fewer than two orders.
     */
    public Optional<Duration> medianInterPurchaseInterval(Instant asOf) {
        int n = orderCountAsOf(asOf);
        if (n < 2) {
            return Optional.empty();
        }
        long[] gaps = new long[n - 1];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = log.orderTime(i) - log.orderTime(i - 1);
        }
        java.util.Arrays.sort(gaps);
        long lower = gaps[(gaps.length - 1) / 2];
        long upper = gaps[gaps.length / 2];
        return Optional.of(Duration.ofNanos(lower + (upper - lower) / 2));
    }

    /** Distinct products on the lines of orders placed in {@code [from, to)}, in order of first purchase. */
    public Set<ProductId> productsBought(Instant from, Instant to) {
        Set<ProductId> out = new LinkedHashSet<>();
        for (int i = log.ordersBefore(Nanos.clamped(from)), end = log.ordersBefore(Nanos.clamped(to)); i < end; i++) {
            int start = log.orderLineStart(i);
            for (int l = start; l < start + log.orderLineCount(i); l++) {
                out.add(log.products().get(log.lineProduct(l)));
            }
        }
        return out;
    }

    /**
     * The customer's favourite products: those on orders placed at or before {@code asOf}, by the
     * number of orders holding them (most first), ties to the most recently bought, then to the
     * smaller id; at most {@code limit}.
     */
    public List<ProductId> favouriteProducts(Instant asOf, int limit) {
        checkArgument(limit >= 0, "limit must not be negative, got %s", limit);
        int orders = orderCountAsOf(asOf);
        // (product code, order) pairs sorted: each product's run then counts its distinct orders and ends at its latest
        int lineCount = 0;
        for (int i = 0; i < orders; i++) {
            lineCount += log.orderLineCount(i);
        }
        long[] pairs = new long[lineCount];
        int k = 0;
        for (int i = 0; i < orders; i++) {
            for (int l = log.orderLineStart(i), end = l + log.orderLineCount(i); l < end; l++) {
                pairs[k++] = (long) log.lineProduct(l) << 32 | i;
            }
        }
        java.util.Arrays.sort(pairs);
        int[] codes = new int[lineCount];
        int[] orderCounts = new int[lineCount];
        int[] lastOrders = new int[lineCount];
        int products = 0;
        for (long pair : pairs) {
            int code = (int) (pair >>> 32);
            int order = (int) pair;
            if (products == 0 || codes[products - 1] != code) {
                codes[products] = code;
                orderCounts[products] = 1;
                lastOrders[products++] = order;
            } else if (lastOrders[products - 1] != order) {
                orderCounts[products - 1]++;
                lastOrders[products - 1] = order;
            }
        }
        // the few best by selection: limit is small, the products many
        List<ProductId> out = new ArrayList<>(Math.min(limit, products));
        boolean[] taken = new boolean[products];
        while (out.size() < Math.min(limit, products)) {
            int best = -1;
            for (int p = 0; p < products; p++) {
                if (!taken[p] && (best < 0 || ranksBefore(codes, orderCounts, lastOrders, p, best))) {
                    best = p;
                }
            }
            taken[best] = true;
            out.add(log.products().get(codes[best]));
        }
        return out;
    }

    /** More orders first, then the more recently bought, then by product id. */
    private boolean ranksBefore(int[] codes, int[] orderCounts, int[] lastOrders, int a, int b) {
        if (orderCounts[a] != orderCounts[b]) {
            return orderCounts[a] > orderCounts[b];
        }
        if (lastOrders[a] != lastOrders[b]) {
            return lastOrders[a] > lastOrders[b];
        }
        return log.products().get(codes[a]).compareTo(log.products().get(codes[b])) < 0;
    }

    /** Whether an order placed in {@code [from, to)} has a line of any of the products. */
    public boolean boughtAny(Collection<ProductId> products, Instant from, Instant to) {
        int[] codes = codes(products);
        if (codes.length == 0) {
            return false;
        }
        for (int i = log.ordersBefore(Nanos.clamped(from)), end = log.ordersBefore(Nanos.clamped(to)); i < end; i++) {
            int start = log.orderLineStart(i);
            for (int l = start; l < start + log.orderLineCount(i); l++) {
                if (contains(codes, log.lineProduct(l))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- views

    public int viewCount() {
        return log.viewCount();
    }

    /** Product views in {@code [from, to)}. */
    public int viewCount(Instant from, Instant to) {
        return Math.max(0, log.viewsBefore(Nanos.clamped(to)) - log.viewsBefore(Nanos.clamped(from)));
    }

    /** Views in {@code [from, to)} of any of the given products. */
    public int viewCount(Collection<ProductId> products, Instant from, Instant to) {
        int[] codes = codes(products);
        if (codes.length == 0) {
            return 0;
        }
        int count = 0;
        for (int i = log.viewsBefore(Nanos.clamped(from)), end = log.viewsBefore(Nanos.clamped(to)); i < end; i++) {
            if (contains(codes, log.viewProduct(i))) {
                count++;
            }
        }
        return count;
    }

    /** Views after the last order placed at or before {@code asOf}, up to and including {@code asOf}. */
    public int viewCountSinceLastOrder(Instant asOf) {
        Instant since = lastOrderAt(asOf).map(CustomerHistory::justAfter).orElse(Instant.MIN);
        return viewCount(since, justAfter(asOf));
    }

    public Optional<Instant> lastViewAt(Instant asOf) {
        int i = log.viewsBefore(Nanos.justAfter(asOf)) - 1;
        return i < 0 ? Optional.empty() : Optional.of(Nanos.toInstant(log.viewTime(i)));
    }

    /** The first product view in {@code [from, to)}. */
    public Optional<Instant> firstViewAt(Instant from, Instant to) {
        int i = log.viewsBefore(Nanos.clamped(from));
        return i < log.viewsBefore(Nanos.clamped(to)) ? Optional.of(Nanos.toInstant(log.viewTime(i))) : Optional.empty();
    }

    /** The latest view of {@code product} in {@code [from, to)}. Scans the window without allocating. */
    public Optional<Instant> lastViewAt(ProductId product, Instant from, Instant to) {
        int code = log.products().find(requireNonNull(product, "product"));
        if (code < 0) {
            return Optional.empty();
        }
        for (int i = log.viewsBefore(Nanos.clamped(to)) - 1, start = log.viewsBefore(Nanos.clamped(from)); i >= start;
                i--) {
            if (log.viewProduct(i) == code) {
                return Optional.of(Nanos.toInstant(log.viewTime(i)));
            }
        }
        return Optional.empty();
    }

    /** Distinct products viewed in {@code [from, to)}, most recently viewed first. */
    public List<ProductId> productsViewed(Instant from, Instant to) {
        Set<ProductId> out = new LinkedHashSet<>();
        for (int i = log.viewsBefore(Nanos.clamped(to)) - 1, start = log.viewsBefore(Nanos.clamped(from)); i >= start;
                i--) {
            out.add(log.products().get(log.viewProduct(i)));
        }
        return List.copyOf(out);
    }

    /** The product views in {@code [from, to)}, in time order. */
    public List<ProductViewed> views(Instant from, Instant to) {
        List<ProductViewed> out = new ArrayList<>();
        for (int i = log.viewsBefore(Nanos.clamped(from)), end = log.viewsBefore(Nanos.clamped(to)); i < end; i++) {
            out.add(log.view(i));
        }
        return out;
    }

    // ---------------------------------------------------------------- carts

    /** The cart as last updated at or before {@code asOf} (possibly emptied), if it was ever updated. */
    public Optional<CartUpdated> cartAsOf(Instant asOf) {
        int i = log.cartsBefore(Nanos.justAfter(asOf)) - 1;
        return i < 0 ? Optional.empty() : Optional.of(log.cart(i));
    }

    // ---------------------------------------------------------------- custom events

    /**
     * Custom events named {@code name} in {@code [from, to)} whose attributes include every entry of
     * {@code attributes} (an empty map matches any).
     */
    public int customEventCount(String name, java.util.Map<String, String> attributes, Instant from, Instant to) {
        checkArgument(name != null && !name.isBlank(), "custom event name must not be blank");
        requireNonNull(attributes, "attributes");
        int count = 0;
        for (int i = log.customsBefore(Nanos.clamped(from)), end = log.customsBefore(Nanos.clamped(to)); i < end;
                i++) {
            CustomEvent event = log.customEvent(i);
            if (event.name().equals(name) && event.attributes().entrySet().containsAll(attributes.entrySet())) {
                count++;
            }
        }
        return count;
    }

    /** Custom events named {@code name} in {@code [from, to)}, in time order. */
    public List<CustomEvent> customEvents(String name, Instant from, Instant to) {
        checkArgument(name != null && !name.isBlank(), "custom event name must not be blank");
        List<CustomEvent> out = new ArrayList<>();
        for (int i = log.customsBefore(Nanos.clamped(from)), end = log.customsBefore(Nanos.clamped(to)); i < end;
                i++) {
            CustomEvent event = log.customEvent(i);
            if (event.name().equals(name)) {
                out.add(event);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** The exclusive bound that puts {@code asOf} in a window; {@code Instant.MAX} already covers everything. */
    private static Instant justAfter(Instant asOf) {
        return asOf.equals(Instant.MAX) ? asOf : asOf.plusNanos(1);
    }

    private long orderSum(Currency currency, Instant from, Instant to) {
        int code = Currencies.code(requireNonNull(currency, "currency"));
        long total = 0;
        for (int i = log.ordersBefore(Nanos.clamped(from)), end = log.ordersBefore(Nanos.clamped(to)); i < end; i++) {
            if (log.orderCurrency(i) == code) {
                total = Math.addExact(total, log.orderTotal(i));
            }
        }
        return total;
    }

    private long refundSum(Currency currency, Instant from, Instant to) {
        int code = Currencies.code(requireNonNull(currency, "currency"));
        long total = 0;
        for (int i = log.refundsBefore(Nanos.clamped(from)), end = log.refundsBefore(Nanos.clamped(to)); i < end;
                i++) {
            if (log.refundCurrency(i) == code) {
                total = Math.addExact(total, log.refundAmount(i));
            }
        }
        return total;
    }

    private int[] codes(Collection<ProductId> products) {
        int[] codes = new int[products.size()];
        int n = 0;
        for (ProductId product : products) {
            int code = log.products().find(requireNonNull(product, "product"));
            if (code >= 0) {
                codes[n++] = code;
            }
        }
        return n == codes.length ? codes : java.util.Arrays.copyOf(codes, n);
    }

    private static boolean contains(int[] codes, int code) {
        for (int c : codes) {
            if (c == code) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "CustomerHistory[" + customerId() + ", " + log.size() + " events, " + log.orderCount() + " orders]";
    }
}
