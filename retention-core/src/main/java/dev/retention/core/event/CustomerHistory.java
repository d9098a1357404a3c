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
import java.util.HashSet;
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
 * not show up in it. (The one exception is internal: a history {@linkplain #lend lent} by a store
 * for one step of its customer reads the live events and refuses every query after the step.)
 * Queries cost a binary search plus the rows in the window and allocate
 * nothing unless they return objects; the common trigger questions about the whole history, or as
 * of an instant at or after the customer's last event of the kind asked (the usual "now": order
 * count, last order, net spend, last view, currencies), are answered from summaries the store keeps
 * on append, without a search or a walk. Events of equal time are ordered by event id, so the order
 * never depends on arrival.
 */
public final class CustomerHistory {
    /**
     * A snapshot, or for a {@linkplain #lend lent} history the live log until {@link #endLoan}:
     * volatile, so that a thread reading a lent history after its step sees the loan ended.
     */
    private volatile CustomerLog log;
    /** Null for a history {@linkplain #lendInTurn lent in turn}: its id is made from the log when asked. */
    private final CustomerId customerId;
    private final boolean lent;
    /** Writes {@link #log} with release semantics, for {@link #relend}: a plain store on most CPUs, where a volatile store fences. */
    private static final java.lang.invoke.VarHandle LOG;

    static {
        try {
            LOG = java.lang.invoke.MethodHandles.lookup().findVarHandle(CustomerHistory.class, "log", CustomerLog.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CustomerHistory(CustomerLog log) {
        this(log, log.customerId());
    }

    private CustomerHistory(CustomerLog log, CustomerId customerId) {
        this(log, customerId, false);
    }

    private CustomerHistory(CustomerLog log, CustomerId customerId, boolean lent) {
        this.log = log;
        this.customerId = customerId;
        this.lent = lent;
    }

    /**
     * A history over a live log, lent for one step of its customer: no snapshot, no copy.
     * Internal: a store that holds the customer for the calling thread calls this, for a reader that
     * uses the history within the step only (the campaign engine deciding inside the step).
     *
     * <p>Unlike every other history it is not a snapshot. It is valid while the store holds the
     * customer and the log does not change, and it is for the holding thread (another thread reading
     * it during the step may see the log change under it). The store must call
     * {@link #endLoan} before the log's next change and when the step ends; from then on every query
     * throws {@link IllegalStateException}, so a lent history kept past its step (by a trigger that
     * stores it, say) is refused rather than seen to change.
     *
     * @param live the customer's live log, which the history reads in place
     * @param customerId the id of the log's customer
     * @return the lent history of {@code customerId}
     * @throws IllegalArgumentException if the log holds another customer
     */
    public static CustomerHistory lend(CustomerLog live, CustomerId customerId) {
        checkArgument(live.isCustomer(customerId.value()), "live log of another customer than %s", customerId);
        return new CustomerHistory(live, customerId, true);
    }

    /**
     * Ends the loan of a history made by {@link #lend}: every later query of it throws
     * {@link IllegalStateException}. Internal: the lending store calls this before the live log
     * changes and when the customer's step ends. Ending a loan twice is harmless.
     *
     * @param lent a history made by {@link #lend}
     * @throws IllegalArgumentException if {@code lent} is not a lent history (a snapshot's loan never ends)
     */
    public static void endLoan(CustomerHistory lent) {
        checkArgument(lent.lent, "only a lent history can be ended, not a snapshot of %s", lent.customerId);
        lent.log = EndedLoan.INSTANCE;
    }

    /**
     * A lent history for a bulk read that lends many customers' live logs, one after another, to
     * one reading thread: {@link #relend} points it at the next customer's log, so the read
     * allocates no history (and no {@link CustomerId}) per customer. It starts ended, and its
     * {@link #customerId()} is made from the current log on each call. Internal: a store's bulk
     * read ({@code EventStore.readHistories}) makes one per split of its stream.
     *
     * @return a lent history, ended until the first {@link #relend}
     */
    public static CustomerHistory lendInTurn() {
        return new CustomerHistory(EndedLoan.INSTANCE, null, true);
    }

    /**
     * Points a history made by {@link #lendInTurn} at the next customer's live log, or ends the loan
     * ({@code live} null). Internal: the lending store calls this under the customer's lock, and
     * ends the loan before it releases the lock. The write is a release, not a volatile write: the
     * history is for the one reading thread, and another thread that reads it after the read still
     * sees the loan ended once the write reaches it.
     *
     * @param lent a history made by {@link #lendInTurn}
     * @param live the next customer's live log, or null to end the loan
     * @throws IllegalArgumentException if {@code lent} was not made by {@link #lendInTurn}
     */
    public static void relend(CustomerHistory lent, CustomerLog live) {
        checkArgument(lent.lent && lent.customerId == null, "only a history lent in turn can be lent again");
        LOG.setRelease(lent, live != null ? live : EndedLoan.INSTANCE);
    }

    /**
     * Wraps a store's snapshot. Internal: stores call this; users call {@link #of}.
     *
     * @param snapshot a read-only snapshot of one customer's log, which the history shares (no copy)
     * @return the history of the snapshot's customer
     * @throws NullPointerException if {@code snapshot} is null
     */
    public static CustomerHistory wrap(CustomerLog snapshot) {
        return new CustomerHistory(requireNonNull(snapshot, "snapshot"));
    }

    /**
     * As {@link #wrap(CustomerLog)}, with the caller's id of the snapshot's customer (saves making
     * one). Internal: stores call this.
     *
     * @param snapshot a read-only snapshot of one customer's log, which the history shares
     * @param customerId the id of the snapshot's customer
     * @return the history of {@code customerId}
     * @throws IllegalArgumentException if the snapshot holds another customer
     */
    public static CustomerHistory wrap(CustomerLog snapshot, CustomerId customerId) {
        checkArgument(snapshot.isCustomer(customerId.value()), "snapshot of another customer than %s", customerId);
        return new CustomerHistory(snapshot, customerId);
    }

    /**
     * A history of the given events, for tests, one-off evaluation and stores that rebuild a history
     * from what they stored; repeated event ids count once (the first given wins). The events may come
     * in any order: the history sorts them by time. The same checks as an
     * {@link dev.retention.core.store.EventStore} apply, so a history built here is one a store could
     * hold, and what a store accepted in its order of arrival is accepted here in any order.
     *
     * @param customerId the customer
     * @param events the customer's events, in any order; the collection is not kept
     * @return an immutable history of the distinct events
     * @throws NullPointerException if {@code customerId}, {@code events} or an event is null
     * @throws IllegalArgumentException if an event belongs to another customer, the refunds of an
     *     order would add up to more than its total (in whichever order they come), a refund is in
     *     another currency than its order, or an event would overflow the customer's running total
     *     of orders or refunds in its currency
     */
    public static CustomerHistory of(CustomerId customerId, Collection<? extends CustomerEvent> events) {
        CustomerLog log = new CustomerLog(requireNonNull(customerId, "customerId"), new Dictionary<>());
        // Refunds go in last. A store checks an order or refund against what it holds on arrival, so
        // a set some arrival order passed also passes with every order before every refund (a refund
        // then meets its order's whole total); the given order, e.g. a store's rows in time or id
        // order, can put a refund after only some lines of its order and refuse what was accepted.
        List<CustomerEvent> refunds = null;
        Set<String> refundIds = null;
        for (CustomerEvent event : requireNonNull(events, "events")) {
            if (requireNonNull(event, "event") instanceof OrderRefunded) {
                if (refunds == null) {
                    refunds = new ArrayList<>();
                    refundIds = new HashSet<>();
                }
                refunds.add(event);
                refundIds.add(event.eventId());
            } else if (refundIds == null || !refundIds.contains(event.eventId())
                    || !event.customerId().equals(customerId)) {
                log.append(event);
            } // else a refund given earlier has the id: the first given wins
        }
        if (refunds != null) {
            refunds.forEach(log::append);
        }
        return new CustomerHistory(log.snapshot());
    }

    /**
     * A history of the given events; as {@link #of(CustomerId, Collection)}.
     *
     * @param customerId the customer
     * @param events the customer's events, in any order
     * @return an immutable history of the distinct events
     * @throws NullPointerException if {@code customerId} or an event is null
     * @throws IllegalArgumentException if an event belongs to another customer or is refused as
     *     {@link #of(CustomerId, Collection)} says
     */
    public static CustomerHistory of(CustomerId customerId, CustomerEvent... events) {
        return of(customerId, List.of(events));
    }

    /**
     * A customer with no events yet, e.g. one who just signed up.
     *
     * @param customerId the customer
     * @return an empty history; every count is 0 and every {@code Optional} query empty
     * @throws NullPointerException if {@code customerId} is null
     */
    public static CustomerHistory empty(CustomerId customerId) {
        return of(customerId, List.of());
    }

    /**
     * Whose history this is.
     *
     * @return the customer
     */
    public CustomerId customerId() {
        CustomerId id = customerId;
        return id != null ? id : log.customerId(); // lent in turn: the current customer's
    }

    /**
     * Whether the customer has no event at all (of any type).
     *
     * @return true if {@link #eventCount()} is 0
     */
    public boolean isEmpty() {
        return log.size() == 0;
    }

    /**
     * The number of distinct events of every type.
     *
     * @return views, cart updates, orders, refunds and custom events together, each event id once
     */
    public int eventCount() {
        return log.size();
    }

    /**
     * All events, decoded, in time order (ties by event id). Allocates one record per event: prefer
     * the window queries in hot paths.
     *
     * @return a new list of every event, which the caller may keep or change
     */
    public List<CustomerEvent> events() {
        return log.events();
    }

    // ---------------------------------------------------------------- orders

    /**
     * The number of orders ever placed, refunded ones included (a refund does not undo an order).
     *
     * @return the count of {@link OrderPlaced} events
     */
    public int orderCount() {
        return log.orderCount();
    }

    /**
     * The number of orders placed in {@code [from, to)}.
     *
     * @param from the window's start, included
     * @param to the window's end, excluded; {@link Instant#MAX} for no end
     * @return the count; 0 if {@code from} is not before {@code to}
     */
    public int orderCount(Instant from, Instant to) {
        return countIn(log, true, Nanos.clamped(from), Nanos.clamped(to));
    }

    /**
     * The number of orders placed at or before {@code asOf}, e.g. "the customer's orders so far" in
     * a backtest.
     *
     * @param asOf the instant of evaluation, included
     * @return the count
     */
    public int orderCountAsOf(Instant asOf) {
        int n = log.orderCount();
        long bound = Nanos.justAfter(asOf);
        // the usual question is about now, at or after the last order: the count is the summary
        return n == 0 || log.orderTime(n - 1) < bound ? n : log.ordersBefore(bound);
    }

    /**
     * The number of orders placed in the {@code window} that ends at {@code asOf}, both ends
     * included: in {@code [asOf - window, asOf]}, "orders in the last 60 days". The same count as
     * {@code orderCountAsOf(asOf) - orderCount(Instant.MIN, asOf.minus(window))}, without an
     * {@link Instant} for the window's start: a trigger asks it on every event of a customer, and this
     * answer allocates nothing.
     *
     * @param window how far back from {@code asOf} the window reaches, not negative
     * @param asOf the window's end and the instant of evaluation, included
     * @return the count
     * @throws NullPointerException if {@code window} or {@code asOf} is null
     * @throws IllegalArgumentException if {@code window} is negative
     */
    public int orderCountWithin(Duration window, Instant asOf) {
        checkArgument(!requireNonNull(window, "window").isNegative(), "window must not be negative, got %s", window);
        long from = Nanos.minus(Nanos.clamped(requireNonNull(asOf, "asOf")), window);
        return orderCountAsOf(asOf) - log.ordersBefore(from);
    }

    /**
     * {@link #lastOrderAt(Instant)} in nanoseconds since the epoch, for comparing with a bound
     * without an {@link Instant} or an {@link Optional}: a trigger asks it on every event of a
     * customer, and this answer allocates nothing.
     *
     * @param asOf the instant of evaluation, included
     * @return the time of the latest order at or before {@code asOf} in nanoseconds since the epoch
     *     (exact: stored events lie within a long of nanoseconds); {@link Long#MIN_VALUE} if none
     * @throws NullPointerException if {@code asOf} is null
     */
    public long lastOrderEpochNanos(Instant asOf) {
        int i = orderCountAsOf(requireNonNull(asOf, "asOf")) - 1;
        return i < 0 ? Long.MIN_VALUE : log.orderTime(i);
    }

    /**
     * The orders placed in {@code [from, to)}, with their line items.
     *
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return a new list in time order (ties by event id); empty if {@code from} is not before
     *     {@code to}
     */
    public List<OrderPlaced> orders(Instant from, Instant to) {
        List<OrderPlaced> out = new ArrayList<>();
        for (int i = log.ordersBefore(Nanos.clamped(from)), end = log.ordersBefore(Nanos.clamped(to)); i < end; i++) {
            out.add(log.order(i));
        }
        return out;
    }

    /**
     * Every order, with its line items.
     *
     * @return a new list of all orders in time order (ties by event id)
     */
    public List<OrderPlaced> orders() {
        return orders(Instant.MIN, Instant.MAX);
    }

    /**
     * When the customer first ordered: the start of their life as a buyer, e.g. for cohorts.
     *
     * @return the time of the earliest order, empty if the customer never ordered
     */
    public Optional<Instant> firstOrderAt() {
        return log.orderCount() == 0 ? Optional.empty() : Optional.of(Nanos.toInstant(log.orderTime(0)));
    }

    /**
     * When the customer last ordered, over the whole history (including orders after any "now" you
     * evaluate at: use {@link #lastOrderAt(Instant)} for evaluation at an instant).
     *
     * @return the time of the latest order, empty if the customer never ordered
     */
    public Optional<Instant> lastOrderAt() {
        int n = log.orderCount();
        return n == 0 ? Optional.empty() : Optional.of(Nanos.toInstant(log.orderTime(n - 1)));
    }

    /**
     * When the customer last ordered as seen at {@code asOf}: the recency of RFM and win-back.
     *
     * @param asOf the instant of evaluation, included
     * @return the time of the latest order at or before {@code asOf}; empty if none
     */
    public Optional<Instant> lastOrderAt(Instant asOf) {
        int i = orderCountAsOf(asOf) - 1;
        return i < 0 ? Optional.empty() : Optional.of(Nanos.toInstant(log.orderTime(i)));
    }

    /**
     * Sum of the totals of orders placed in {@code [from, to)} in {@code currency}, refunds not
     * subtracted. Exact; cannot overflow, since stores refuse an event that would overflow a
     * customer's running total.
     *
     * @param currency the currency to sum; orders in other currencies are left out, not converted
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return the sum in {@code currency}; zero if no order in it falls in the window
     * @throws NullPointerException if {@code currency} is null
     */
    public Money grossSpend(Currency currency, Instant from, Instant to) {
        return Money.ofMinor(orderSum(currency, from, to), currency);
    }

    /**
     * What the customer spent in {@code [from, to)} in {@code currency}: order totals placed in the
     * window minus refunds made in the window. Can be negative for a window holding a refund of an
     * earlier order. Exact; cannot overflow.
     *
     * @param currency the currency to sum; orders and refunds in other currencies are left out
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return order totals minus refunds in {@code currency}, possibly negative; zero for an empty
     *     window
     * @throws NullPointerException if {@code currency} is null
     */
    public Money netSpend(Currency currency, Instant from, Instant to) {
        long gross = orderSum(currency, from, to);
        long refunded = refundSum(currency, from, to);
        return Money.ofMinor(Math.subtractExact(gross, refunded), currency);
    }

    /**
     * Lifetime net spend as seen at {@code asOf}: orders placed minus refunds made at or before it,
     * e.g. for "spent more than N in total". A refund made later than {@code asOf} does not count
     * yet.
     *
     * @param currency the currency to sum; other currencies are left out
     * @param asOf the instant of evaluation, included
     * @return order totals minus refunds in {@code currency}; zero if none
     * @throws NullPointerException if {@code currency} is null
     */
    public Money netSpendAsOf(Currency currency, Instant asOf) {
        return netSpend(currency, Instant.MIN, justAfter(asOf));
    }

    /**
     * {@link #netSpendAsOf} in minor units of {@code currency}, for comparing with a threshold: a
     * trigger asks it on every event of a customer, and this answer allocates nothing.
     *
     * @param currency the currency to sum; other currencies are left out
     * @param asOf the instant of evaluation, included
     * @return order totals minus refunds in minor units of {@code currency}, as in
     *     {@code netSpendAsOf(currency, asOf).minorUnits()}; zero if none
     * @throws NullPointerException if {@code currency} or {@code asOf} is null
     */
    public long netSpendMinorAsOf(Currency currency, Instant asOf) {
        long to = Nanos.justAfter(requireNonNull(asOf, "asOf"));
        return Math.subtractExact(orderSum(currency, Long.MIN_VALUE, to), refundSum(currency, Long.MIN_VALUE, to));
    }

    /**
     * The currencies the customer's orders were placed in, for summing spend per currency.
     *
     * @return a new set in order of first use (time order); empty without orders. Currencies used
     *     only by refunds or carts are not in it.
     */
    public Set<Currency> currencies() {
        Set<Currency> out = new LinkedHashSet<>();
        int sole = log.soleOrderCurrency();
        if (sole != -2) { // none or one: the summary says; several need their order of first use
            if (sole >= 0) {
                out.add(Currencies.get(sole));
            }
            return out;
        }
        for (int i = 0; i < log.orderCount(); i++) {
            out.add(Currencies.get(log.orderCurrency(i)));
        }
        return out;
    }

    /**
     * The refunds made in {@code [from, to)}, whenever their orders were placed.
     *
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return a new list in time order (ties by event id); empty if {@code from} is not before
     *     {@code to}
     */
    public List<OrderRefunded> refunds(Instant from, Instant to) {
        List<OrderRefunded> out = new ArrayList<>();
        for (int i = log.refundsBefore(Nanos.clamped(from)), end = log.refundsBefore(Nanos.clamped(to)); i < end; i++) {
            out.add(log.refund(i));
        }
        return out;
    }

    /**
     * Everything refunded for the order over the whole history (not only up to some "now").
     * Scans all the customer's refunds.
     *
     * @param orderId the order
     * @return the sum of its refunds in their currency (the order's: stores refuse a refund in
     *     another); empty, not zero, if nothing was refunded for it or the customer has no such order
     */
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
     *
     * @param asOf the instant of evaluation, included
     * @return a new list of the gaps in nanosecond precision, oldest first; a gap is zero for two
     *     orders at the same instant
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
     * two middle gaps for an even count, truncated to the nanosecond); the customer's own rhythm
     * that relative win-back triggers compare against. Sorts the gaps: linear in the orders, plus
     * the sort.
     *
     * @param asOf the instant of evaluation, included
     * @return the median gap; empty with fewer than two orders at or before {@code asOf}
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

    /**
     * The distinct products on the lines of orders placed in {@code [from, to)}; an order known
     * only by its total (no lines) adds none.
     *
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return a new set in order of first purchase; empty if none. Refunds do not remove products.
     */
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
     * smaller id; at most {@code limit}. For "products chosen from the customer's past
     * preferences" in upsell letters. Costs a sort of the customer's order lines.
     *
     * @param asOf the instant of evaluation, included
     * @param limit how many to return at most, not negative
     * @return a new list of at most {@code limit} products, best first; shorter if the customer
     *     bought fewer distinct products
     * @throws IllegalArgumentException if {@code limit} is negative
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

    /**
     * Whether an order placed in {@code [from, to)} has a line of any of the products, e.g. "viewed
     * X and did not buy it". A later refund of the order does not undo the purchase.
     *
     * @param products the products to look for; unknown products never match
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return true if one of them was bought in the window; false for an empty {@code products}
     * @throws NullPointerException if {@code products} or one of them is null
     */
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

    /**
     * The number of product views ever.
     *
     * @return the count of {@link ProductViewed} events
     */
    public int viewCount() {
        return log.viewCount();
    }

    /**
     * The number of product views in {@code [from, to)}, each view counted (not distinct products).
     *
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return the count; 0 if {@code from} is not before {@code to}
     */
    public int viewCount(Instant from, Instant to) {
        return countIn(log, false, Nanos.clamped(from), Nanos.clamped(to));
    }

    /**
     * The number of orders (or views) in {@code [fromNanos, toNanos)}. The usual window ends at now,
     * after the last row: its count needs no search, and a window starting after the last row none
     * at all (only the last row is read); otherwise the first row in the window is searched back
     * from the end, where recent windows lie.
     */
    private static int countIn(CustomerLog l, boolean orders, long fromNanos, long toNanos) {
        int n = orders ? l.orderCount() : l.viewCount();
        if (n == 0) {
            return 0;
        }
        int end = time(l, orders, n - 1) < toNanos ? n : orders ? l.ordersBefore(toNanos) : l.viewsBefore(toNanos);
        if (end == 0 || time(l, orders, end - 1) < fromNanos) {
            return 0;
        }
        int start = end - 1;
        for (int step = 1; start > 0 && time(l, orders, start - 1) >= fromNanos; step <<= 1) {
            int low = Math.max(0, start - step);
            if (time(l, orders, low) >= fromNanos) {
                start = low;
            } else {
                start = firstAtOrAfter(l, orders, low + 1, start - 1, fromNanos);
                break;
            }
        }
        return end - start;
    }

    private static long time(CustomerLog l, boolean orders, int row) {
        return orders ? l.orderTime(row) : l.viewTime(row);
    }

    /**
     * The first row in {@code [lo, hi]} of the orders (or views) whose time is at or after
     * {@code nanos}, given that row {@code hi} is and row {@code lo - 1} is not: a binary search
     * over the stretch that a search back from the end has narrowed down, so that a window of the
     * last days reads the rows near the end, not the middle of a long history first.
     */
    private static int firstAtOrAfter(CustomerLog l, boolean orders, int lo, int hi, long nanos) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(l, orders, mid) < nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The number of views in {@code [from, to)} of any of the given products; each view counts once
     * even if a product is given twice.
     *
     * @param products the products; unknown products count nothing
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return the count; 0 for an empty {@code products}
     * @throws NullPointerException if {@code products} or one of them is null
     */
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

    /**
     * The number of views after the last order placed at or before {@code asOf}, up to and including
     * {@code asOf}: how much the customer browsed without buying. A view at the instant of that
     * order does not count.
     *
     * @param asOf the instant of evaluation, included
     * @return the count; every view up to {@code asOf} if the customer had not ordered by then
     */
    public int viewCountSinceLastOrder(Instant asOf) {
        Instant since = lastOrderAt(asOf).map(CustomerHistory::justAfter).orElse(Instant.MIN);
        return viewCount(since, justAfter(asOf));
    }

    /**
     * When the customer last viewed any product, as seen at {@code asOf}.
     *
     * @param asOf the instant of evaluation, included
     * @return the time of the latest view at or before {@code asOf}; empty if none
     */
    public Optional<Instant> lastViewAt(Instant asOf) {
        int n = log.viewCount();
        long bound = Nanos.justAfter(asOf);
        int i = (n == 0 || log.viewTime(n - 1) < bound ? n : log.viewsBefore(bound)) - 1;
        return i < 0 ? Optional.empty() : Optional.of(Nanos.toInstant(log.viewTime(i)));
    }

    /**
     * {@link #lastViewAt(Instant)} in nanoseconds since the epoch, for comparing with a bound
     * without an {@link Instant} or an {@link Optional}: a trigger asks it on every event of a
     * customer, and this answer allocates nothing.
     *
     * @param asOf the instant of evaluation, included
     * @return the time of the latest view at or before {@code asOf} in nanoseconds since the epoch
     *     (exact: stored events lie within a long of nanoseconds); {@link Long#MIN_VALUE} if none
     * @throws NullPointerException if {@code asOf} is null
     */
    public long lastViewEpochNanos(Instant asOf) {
        int n = log.viewCount();
        long bound = Nanos.justAfter(requireNonNull(asOf, "asOf"));
        int i = (n == 0 || log.viewTime(n - 1) < bound ? n : log.viewsBefore(bound)) - 1;
        return i < 0 ? Long.MIN_VALUE : log.viewTime(i);
    }

    /**
     * When the customer first viewed any product in {@code [from, to)}.
     *
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return the time of the earliest view in the window; empty if none
     */
    public Optional<Instant> firstViewAt(Instant from, Instant to) {
        int i = log.viewsBefore(Nanos.clamped(from));
        return i < log.viewsBefore(Nanos.clamped(to)) ? Optional.of(Nanos.toInstant(log.viewTime(i))) : Optional.empty();
    }

    /**
     * The latest view of {@code product} in {@code [from, to)}. Scans the window backwards without
     * allocating.
     *
     * @param product the product
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return the time of the latest view of {@code product} in the window; empty if none
     * @throws NullPointerException if {@code product} is null
     */
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

    /**
     * The distinct products viewed in {@code [from, to)}, e.g. for the viewed products of an
     * abandoned-view letter.
     *
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return an immutable list, most recently viewed first (by each product's latest view in the
     *     window); empty if none
     */
    public List<ProductId> productsViewed(Instant from, Instant to) {
        Set<ProductId> out = new LinkedHashSet<>();
        for (int i = log.viewsBefore(Nanos.clamped(to)) - 1, start = log.viewsBefore(Nanos.clamped(from)); i >= start;
                i--) {
            out.add(log.products().get(log.viewProduct(i)));
        }
        return List.copyOf(out);
    }

    /**
     * The product view events in {@code [from, to)}.
     *
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return a new list in time order (ties by event id); empty if none
     */
    public List<ProductViewed> views(Instant from, Instant to) {
        List<ProductViewed> out = new ArrayList<>();
        for (int i = log.viewsBefore(Nanos.clamped(from)), end = log.viewsBefore(Nanos.clamped(to)); i < end; i++) {
            out.add(log.view(i));
        }
        return out;
    }

    // ---------------------------------------------------------------- carts

    /**
     * The cart as last updated at or before {@code asOf}. An order does not empty the cart here:
     * only a {@link CartUpdated} does, so compare with {@link #lastOrderAt(Instant)} to tell an
     * abandoned cart from a bought one.
     *
     * @param asOf the instant of evaluation, included
     * @return the latest cart update (its items empty if the cart was emptied); empty if the cart
     *     was never updated by then
     */
    public Optional<CartUpdated> cartAsOf(Instant asOf) {
        int i = log.cartsBefore(Nanos.justAfter(asOf)) - 1;
        return i < 0 ? Optional.empty() : Optional.of(log.cart(i));
    }

    // ---------------------------------------------------------------- custom events

    /**
     * Custom events named {@code name} in {@code [from, to)} whose attributes include every entry of
     * {@code attributes} (an empty map matches any). Values compare exactly; the event may have
     * more attributes than asked.
     *
     * @param name the custom event's name, compared exactly
     * @param attributes the attributes every counted event must have with these values
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return the count; 0 if none
     * @throws IllegalArgumentException if {@code name} is null or blank
     * @throws NullPointerException if {@code attributes} is null
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

    /**
     * The custom events named {@code name} in {@code [from, to)}.
     *
     * @param name the custom event's name, compared exactly
     * @param from the window's start, included
     * @param to the window's end, excluded
     * @return a new list in time order (ties by event id); empty if none
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
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
        return orderSum(currency, Nanos.clamped(from), Nanos.clamped(to));
    }

    private long orderSum(Currency currency, long fromNanos, long toNanos) {
        int code = Currencies.code(requireNonNull(currency, "currency"));
        int n = log.orderCount();
        // a lifetime window (from MIN) reads only the last order's time, not the first's too
        if (n == 0 || (fromNanos == Long.MIN_VALUE || log.orderTime(0) >= fromNanos) && log.orderTime(n - 1) < toNanos) {
            return log.orderSum(code); // the window holds every order: the summary kept on append
        }
        long total = 0;
        for (int i = log.ordersBefore(fromNanos), end = log.ordersBefore(toNanos); i < end; i++) {
            if (log.orderCurrency(i) == code) {
                total = Math.addExact(total, log.orderTotal(i));
            }
        }
        return total;
    }

    private long refundSum(Currency currency, Instant from, Instant to) {
        return refundSum(currency, Nanos.clamped(from), Nanos.clamped(to));
    }

    private long refundSum(Currency currency, long fromNanos, long toNanos) {
        int code = Currencies.code(requireNonNull(currency, "currency"));
        int n = log.refundCount();
        if (n == 0 || (fromNanos == Long.MIN_VALUE || log.refundTime(0) >= fromNanos) && log.refundTime(n - 1) < toNanos) {
            return log.refundSum(code);
        }
        long total = 0;
        for (int i = log.refundsBefore(fromNanos), end = log.refundsBefore(toNanos); i < end; i++) {
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

    /**
     * A short summary for logs, without the events.
     *
     * @return e.g. {@code CustomerHistory[c-1, 12 events, 3 orders]}
     */
    @Override
    public String toString() {
        return "CustomerHistory[" + customerId() + ", " + log.size() + " events, " + log.orderCount() + " orders]";
    }
}
