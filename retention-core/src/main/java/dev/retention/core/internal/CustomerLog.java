package dev.retention.core.internal;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * One customer's events in columnar form: a table per event kind, each sorted by
 * (occurredAt, eventId), plus an append-only table of order and cart lines and a blob of ids.
 *
 * <p>A live log is mutated by one thread at a time (the store holds a lock per customer);
 * {@link #snapshot()} returns a read-only log that is safe to read from any thread once published
 * and never changes, however the live log grows. Not part of the API.
 */
public final class CustomerLog {
    static final int AT = 0;
    static final int ID = 1;
    // views
    static final int V_PRODUCT = 2;
    // carts
    static final int C_CURRENCY = 2;
    static final int C_LINE_START = 3;
    static final int C_LINE_COUNT = 4;
    // orders
    static final int O_TOTAL = 2;
    static final int O_CURRENCY = 3;
    static final int O_ORDER = 4;
    static final int O_LINE_START = 5;
    static final int O_LINE_COUNT = 6;
    // refunds
    static final int R_AMOUNT = 2;
    static final int R_CURRENCY = 3;
    static final int R_ORDER = 4;
    // custom events
    static final int X_EVENT = 2;
    // lines
    static final int L_PRODUCT = 0;
    static final int L_QUANTITY = 1;
    static final int L_AMOUNT = 2;

    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};
    private static final short[] NO_SHORTS = {};
    private static final Table NO_VIEWS = Table.empty(NO_LONGS, NO_INTS, NO_INTS);
    private static final Table NO_CARTS = Table.empty(NO_LONGS, NO_INTS, NO_SHORTS, NO_INTS, NO_INTS);
    private static final Table NO_ORDERS = Table.empty(NO_LONGS, NO_INTS, NO_LONGS, NO_SHORTS, NO_INTS, NO_INTS, NO_INTS);
    private static final Table NO_REFUNDS = Table.empty(NO_LONGS, NO_INTS, NO_LONGS, NO_SHORTS, NO_INTS);
    private static final Table NO_CUSTOM = Table.empty(NO_LONGS, NO_INTS, new CustomEvent[0]);
    private static final Table NO_LINES = Table.empty(NO_INTS, NO_INTS, NO_LONGS);

    private final CustomerId customerId;
    private final Dictionary<ProductId> products;
    // tables start as the shared empty ones and become the log's own at the first row of their kind
    private Table views;
    private Table carts;
    private Table orders;
    private Table refunds;
    private Table custom;
    private Table lines;
    private final StringBlob strings;

    public CustomerLog(CustomerId customerId, Dictionary<ProductId> products) {
        this(customerId, products, NO_VIEWS, NO_CARTS, NO_ORDERS, NO_REFUNDS, NO_CUSTOM, NO_LINES, new StringBlob(customerId.value()));
    }

    private CustomerLog(CustomerId customerId, Dictionary<ProductId> products, Table views, Table carts,
            Table orders, Table refunds, Table custom, Table lines, StringBlob strings) {
        this.customerId = customerId;
        this.products = products;
        this.views = views;
        this.carts = carts;
        this.orders = orders;
        this.refunds = refunds;
        this.custom = custom;
        this.lines = lines;
        this.strings = strings;
    }

    /** A read-only view of the events appended so far, sharing this log's arrays. */
    public CustomerLog snapshot() {
        return new CustomerLog(customerId, products, views.frozen(), carts.frozen(), orders.frozen(),
                refunds.frozen(), custom.frozen(), lines.frozen(), strings.frozen());
    }

    /**
     * Adds the event in its place, unless the customer already has an event with its id.
     *
     * @return whether the event was added
     */
    public boolean append(CustomerEvent event) {
        if (!event.customerId().equals(customerId)) {
            throw new IllegalArgumentException("event " + event.eventId() + " belongs to customer "
                    + event.customerId() + ", not " + customerId);
        }
        StringBlob.Encoded id = strings.encode(event.eventId());
        if (contains(id)) {
            return false;
        }
        long at = Nanos.of(event.occurredAt());
        if (event instanceof ProductViewed v) {
            views = writable(views);
            int row = openRow(views, at, event.eventId(), id);
            ((int[]) views.column(V_PRODUCT))[row] = products.intern(v.productId());
        } else if (event instanceof CartUpdated c) {
            carts = writable(carts);
            int firstLine = addLines(c.items());
            int row = openRow(carts, at, event.eventId(), id);
            ((short[]) carts.column(C_CURRENCY))[row] =
                    c.items().isEmpty() ? -1 : Currencies.code(c.items().get(0).amount().currency());
            ((int[]) carts.column(C_LINE_START))[row] = firstLine;
            ((int[]) carts.column(C_LINE_COUNT))[row] = c.items().size();
        } else if (event instanceof OrderPlaced o) {
            orders = writable(orders);
            int firstLine = addLines(o.items());
            int orderRef = strings.add(o.orderId().value());
            int row = openRow(orders, at, event.eventId(), id);
            ((long[]) orders.column(O_TOTAL))[row] = o.total().minorUnits();
            ((short[]) orders.column(O_CURRENCY))[row] = Currencies.code(o.total().currency());
            ((int[]) orders.column(O_ORDER))[row] = orderRef;
            ((int[]) orders.column(O_LINE_START))[row] = firstLine;
            ((int[]) orders.column(O_LINE_COUNT))[row] = o.items().size();
        } else if (event instanceof OrderRefunded r) {
            refunds = writable(refunds);
            int orderRef = strings.add(r.orderId().value());
            int row = openRow(refunds, at, event.eventId(), id);
            ((long[]) refunds.column(R_AMOUNT))[row] = r.amount().minorUnits();
            ((short[]) refunds.column(R_CURRENCY))[row] = Currencies.code(r.amount().currency());
            ((int[]) refunds.column(R_ORDER))[row] = orderRef;
        } else if (event instanceof CustomEvent x) {
            custom = writable(custom);
            int row = openRow(custom, at, event.eventId(), id);
            ((CustomEvent[]) custom.column(X_EVENT))[row] = x;
        }
        return true;
    }

    private static Table writable(Table table) {
        return table.isFrozen() ? table.thawed() : table;
    }

    private boolean contains(StringBlob.Encoded id) {
        return contains(views, id) || contains(orders, id) || contains(carts, id) || contains(refunds, id)
                || contains(custom, id);
    }

    private boolean contains(Table table, StringBlob.Encoded id) {
        int[] ids = (int[]) table.column(ID);
        for (int i = 0, n = table.size(); i < n; i++) {
            if (strings.matches(ids[i], id)) {
                return true;
            }
        }
        return false;
    }

    /** Inserts a row in (at, id) order, writes the common columns and returns the row. */
    private int openRow(Table table, long at, String eventId, StringBlob.Encoded id) {
        long[] times = (long[]) table.column(AT);
        int size = table.size();
        int position;
        if (size == 0 || times[size - 1] < at) {
            position = size;
        } else {
            position = lowerBound(times, size, at);
            int[] ids = (int[]) table.column(ID);
            while (position < size && times[position] == at
                    && StringBlob.compareIds(strings.get(ids[position]), eventId) < 0) {
                position++;
            }
        }
        int idRef = strings.add(id);
        int row = table.insert(position);
        ((long[]) table.column(AT))[row] = at;
        ((int[]) table.column(ID))[row] = idRef;
        return row;
    }

    private int addLines(List<LineItem> items) {
        if (!items.isEmpty()) {
            lines = writable(lines);
        }
        int first = lines.size();
        for (LineItem item : items) {
            int row = lines.insert(lines.size());
            ((int[]) lines.column(L_PRODUCT))[row] = products.intern(item.productId());
            ((int[]) lines.column(L_QUANTITY))[row] = item.quantity();
            ((long[]) lines.column(L_AMOUNT))[row] = item.amount().minorUnits();
        }
        return first;
    }

    // ---- reads, for CustomerHistory ----

    public CustomerId customerId() {
        return customerId;
    }

    public Dictionary<ProductId> products() {
        return products;
    }

    public int size() {
        return views.size() + carts.size() + orders.size() + refunds.size() + custom.size();
    }

    /** Index of the first row at or after {@code nanos} in a sorted time column. */
    public static int lowerBound(long[] times, int size, long nanos) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public int viewCount() {
        return views.size();
    }

    public long[] viewTimes() {
        return (long[]) views.column(AT);
    }

    public int[] viewProducts() {
        return (int[]) views.column(V_PRODUCT);
    }

    public int orderCount() {
        return orders.size();
    }

    public long[] orderTimes() {
        return (long[]) orders.column(AT);
    }

    public long[] orderTotals() {
        return (long[]) orders.column(O_TOTAL);
    }

    public short[] orderCurrencies() {
        return (short[]) orders.column(O_CURRENCY);
    }

    public int orderLineStart(int order) {
        return ((int[]) orders.column(O_LINE_START))[order];
    }

    public int orderLineCount(int order) {
        return ((int[]) orders.column(O_LINE_COUNT))[order];
    }

    public int[] lineProducts() {
        return (int[]) lines.column(L_PRODUCT);
    }

    public int refundCount() {
        return refunds.size();
    }

    public long[] refundTimes() {
        return (long[]) refunds.column(AT);
    }

    public long[] refundAmounts() {
        return (long[]) refunds.column(R_AMOUNT);
    }

    public short[] refundCurrencies() {
        return (short[]) refunds.column(R_CURRENCY);
    }

    public String refundOrderId(int refund) {
        return strings.get(((int[]) refunds.column(R_ORDER))[refund]);
    }

    public String orderId(int order) {
        return strings.get(((int[]) orders.column(O_ORDER))[order]);
    }

    public int cartCount() {
        return carts.size();
    }

    public long[] cartTimes() {
        return (long[]) carts.column(AT);
    }

    public int customCount() {
        return custom.size();
    }

    public long[] customTimes() {
        return (long[]) custom.column(AT);
    }

    public CustomEvent customEvent(int row) {
        return ((CustomEvent[]) custom.column(X_EVENT))[row];
    }

    public ProductViewed view(int row) {
        return new ProductViewed(eventId(views, row), customerId, Nanos.toInstant(viewTimes()[row]),
                products.get(viewProducts()[row]));
    }

    public CartUpdated cart(int row) {
        short currency = ((short[]) carts.column(C_CURRENCY))[row];
        List<LineItem> items = currency < 0 ? List.of() : lineItems(((int[]) carts.column(C_LINE_START))[row],
                ((int[]) carts.column(C_LINE_COUNT))[row], Currencies.get(currency));
        return new CartUpdated(eventId(carts, row), customerId, Nanos.toInstant(cartTimes()[row]), items);
    }

    public OrderPlaced order(int row) {
        Currency currency = Currencies.get(orderCurrencies()[row]);
        return new OrderPlaced(eventId(orders, row), customerId, Nanos.toInstant(orderTimes()[row]),
                OrderId.of(orderId(row)), lineItems(orderLineStart(row), orderLineCount(row), currency),
                Money.ofMinor(orderTotals()[row], currency));
    }

    public OrderRefunded refund(int row) {
        return new OrderRefunded(eventId(refunds, row), customerId, Nanos.toInstant(refundTimes()[row]),
                OrderId.of(refundOrderId(row)),
                Money.ofMinor(refundAmounts()[row], Currencies.get(refundCurrencies()[row])));
    }

    private List<LineItem> lineItems(int start, int count, Currency currency) {
        List<LineItem> items = new ArrayList<>(count);
        int[] productCodes = (int[]) lines.column(L_PRODUCT);
        int[] quantities = (int[]) lines.column(L_QUANTITY);
        long[] amounts = (long[]) lines.column(L_AMOUNT);
        for (int i = start; i < start + count; i++) {
            items.add(new LineItem(products.get(productCodes[i]), quantities[i], Money.ofMinor(amounts[i], currency)));
        }
        return items;
    }

    private String eventId(Table table, int row) {
        return strings.get(((int[]) table.column(ID))[row]);
    }

    /** All events in (occurredAt, eventId) order, decoded into records. */
    public List<CustomerEvent> events() {
        Table[] tables = {views, carts, orders, refunds, custom};
        int[] next = new int[tables.length];
        List<CustomerEvent> out = new ArrayList<>(size());
        while (true) {
            int best = -1;
            for (int t = 0; t < tables.length; t++) {
                if (next[t] < tables[t].size() && (best < 0 || before(tables[t], next[t], tables[best], next[best]))) {
                    best = t;
                }
            }
            if (best < 0) {
                return out;
            }
            int row = next[best]++;
            out.add(switch (best) {
                case 0 -> view(row);
                case 1 -> cart(row);
                case 2 -> order(row);
                case 3 -> refund(row);
                default -> customEvent(row);
            });
        }
    }

    private boolean before(Table a, int rowA, Table b, int rowB) {
        long atA = ((long[]) a.column(AT))[rowA];
        long atB = ((long[]) b.column(AT))[rowB];
        if (atA != atB) {
            return atA < atB;
        }
        return StringBlob.compareIds(strings.get(((int[]) a.column(ID))[rowA]),
                strings.get(((int[]) b.column(ID))[rowB])) < 0;
    }

    /** Shrinks every array to the rows in use (growth leaves up to a third spare). */
    public void trimToSize() {
        views.trim();
        carts.trim();
        orders.trim();
        refunds.trim();
        custom.trim();
        lines.trim();
        strings.trim();
    }

    /** Bytes held by this log's arrays (spare capacity included), for memory accounting. */
    public long footprintBytes() {
        return views.footprintBytes() + carts.footprintBytes() + orders.footprintBytes() + refunds.footprintBytes()
                + custom.footprintBytes() + lines.footprintBytes() + strings.footprintBytes();
    }
}
