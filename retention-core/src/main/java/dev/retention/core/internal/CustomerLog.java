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
 * and never changes, however the live log grows. Not part of the API. Not final: the in-memory
 * per-customer seam's record extends it, so a customer's events and the rest of their state are
 * one object (one header and one pointer fewer per customer than a record holding a log).
 */
public class CustomerLog {
    // long columns: the time first
    private static final int AT = 0;
    private static final int O_TOTAL = 1;
    private static final int R_AMOUNT = 1;
    private static final int L_AMOUNT = 0;
    // int columns: the event id first
    private static final int ID = 0;
    private static final int V_PRODUCT = 1;
    private static final int C_CURRENCY = 1;
    private static final int C_LINE_START = 2;
    private static final int C_LINE_COUNT = 3;
    private static final int O_CURRENCY = 1;
    private static final int O_ORDER = 2;
    private static final int O_LINE_START = 3;
    private static final int O_LINE_COUNT = 4;
    private static final int R_CURRENCY = 1;
    private static final int R_ORDER = 2;
    private static final int X_EVENT = 1;
    private static final int L_PRODUCT = 0;
    private static final int L_QUANTITY = 1;

    private static final Table NO_VIEWS = Table.views();
    private static final Table NO_CARTS = Table.carts();
    private static final Table NO_ORDERS = Table.orders();
    private static final Table NO_REFUNDS = Table.refunds();
    private static final Table NO_CUSTOM = Table.custom();
    private static final Table NO_LINES = Table.lines();
    private static final byte[] NO_BYTES = {};
    private static final CustomEvent[] NO_EVENTS = {};
    private static final long[] NO_MONEY = {};
    /** A money row: the currency's code (and {@link #HAS_ORDERS}), its running order total, its running refund total. */
    private static final int MONEY_ROW = 3;
    private static final long HAS_ORDERS = 1L << 32;
    /** The {@link #idIndex} of every snapshot, which never appends: it marks the log read-only. */
    private static final int[] READ_ONLY = {};
    /**
     * From this many events on, a live log keeps an {@link IdIndex} of its event ids: below it the
     * scan of fingerprints is cheap and an index would cost more memory than it saves time.
     */
    static final int INDEXED_FROM = 256;

    // Every field here is paid once per customer, millions of times: keep them few.
    private final String customer;
    private final Dictionary<ProductId> products;
    // tables start as the shared empty ones and become the log's own at the first row of their kind
    private Table views;
    private Table carts;
    private Table orders;
    private Table refunds;
    private Table custom;
    private Table lines;
    /** Event and order ids, see {@link StringBlob}; append-only. */
    private byte[] ids;
    private int idsSize;
    /** Custom events, append-only; the custom table's rows point here. */
    private CustomEvent[] customEvents;
    private int customEventsSize;
    /**
     * The trigger summary that the columns do not give in O(1): per currency used by an order or a
     * refund, one {@link #MONEY_ROW} (code, orders, refunds), in order of first arrival. The sums are
     * the running totals the money rules check, so they never overflow. Never changed in place:
     * each order or refund replaces the array, so snapshots share it as it was. (Counts, first and
     * last times need no summary: each kind's table is sorted by time, so they are its size, its
     * first and its last row.)
     */
    private long[] money;
    /** Null until the live log has {@link #INDEXED_FROM} events (or past 16 MB of ids); {@link #READ_ONLY} in snapshots. */
    private int[] idIndex;

    public CustomerLog(CustomerId customerId, Dictionary<ProductId> products) {
        this(customerId.value(), products);
    }

    public CustomerLog(String customer, Dictionary<ProductId> products) {
        this.customer = customer;
        this.products = products;
        this.views = NO_VIEWS;
        this.carts = NO_CARTS;
        this.orders = NO_ORDERS;
        this.refunds = NO_REFUNDS;
        this.custom = NO_CUSTOM;
        this.lines = NO_LINES;
        this.ids = NO_BYTES;
        this.customEvents = NO_EVENTS;
        this.money = NO_MONEY;
    }

    /**
     * Forgets every event (the right to erasure): the log is as new, so a later event with an id
     * seen before is stored as new. Snapshots taken before keep what they held (they share only
     * frozen tables and append-only arrays, which this drops rather than changes).
     */
    public void clear() {
        if (idIndex == READ_ONLY) {
            throw new IllegalStateException("snapshots are read-only");
        }
        views = NO_VIEWS;
        carts = NO_CARTS;
        orders = NO_ORDERS;
        refunds = NO_REFUNDS;
        custom = NO_CUSTOM;
        lines = NO_LINES;
        ids = NO_BYTES;
        idsSize = 0;
        customEvents = NO_EVENTS;
        customEventsSize = 0;
        money = NO_MONEY;
        idIndex = null;
    }

    private CustomerLog(CustomerLog live) {
        this.customer = live.customer;
        this.products = live.products;
        this.views = live.views.freeze();
        this.carts = live.carts.freeze();
        this.orders = live.orders.freeze();
        this.refunds = live.refunds.freeze();
        this.custom = live.custom.freeze();
        this.lines = live.lines.freeze();
        this.ids = live.ids;
        this.idsSize = live.idsSize;
        this.customEvents = live.customEvents;
        this.customEventsSize = live.customEventsSize;
        this.money = live.money;
        this.idIndex = READ_ONLY;
    }

    /**
     * A read-only view of the events appended so far, sharing this log's tables (frozen in place;
     * this log's next write to one of them copies that table object first, see {@link Table}).
     */
    public CustomerLog snapshot() {
        return new CustomerLog(this);
    }

    /**
     * Adds the event in its place, unless the customer already has an event with its id.
     *
     * @return whether the event was added
     */
    public boolean append(CustomerEvent event) {
        if (!event.customerId().value().equals(customer)) {
            throw new IllegalArgumentException("event " + event.eventId() + " belongs to customer "
                    + event.customerId() + ", not " + customer);
        }
        if (idIndex == READ_ONLY) {
            throw new IllegalStateException("snapshots are read-only");
        }
        if (contains(event.eventId())) {
            return false;
        }
        // every check before the first write: a refused event leaves nothing behind
        if (event instanceof OrderPlaced o) {
            checkMoney(event.eventId(), o.orderId().value(), o.total(), false);
        } else if (event instanceof OrderRefunded r) {
            checkMoney(event.eventId(), r.orderId().value(), r.amount(), true);
        }
        long at = Nanos.of(event.occurredAt());
        if (event instanceof ProductViewed v) {
            views = writable(views);
            int row = openRow(views, at, event.eventId());
            views.setInt(row, V_PRODUCT, products.intern(v.productId()));
        } else if (event instanceof CartUpdated c) {
            carts = writable(carts);
            int firstLine = addLines(c.items());
            int row = openRow(carts, at, event.eventId());
            carts.setInt(row, C_CURRENCY,
                    c.items().isEmpty() ? -1 : Currencies.code(c.items().get(0).amount().currency()));
            carts.setInt(row, C_LINE_START, firstLine);
            carts.setInt(row, C_LINE_COUNT, c.items().size());
        } else if (event instanceof OrderPlaced o) {
            orders = writable(orders);
            int firstLine = addLines(o.items());
            int orderRef = addString(o.orderId().value());
            int row = openRow(orders, at, event.eventId());
            orders.setLong(row, O_TOTAL, o.total().minorUnits());
            orders.setInt(row, O_CURRENCY, Currencies.code(o.total().currency()));
            orders.setInt(row, O_ORDER, orderRef);
            orders.setInt(row, O_LINE_START, firstLine);
            orders.setInt(row, O_LINE_COUNT, o.items().size());
            addMoney(o.total(), false);
        } else if (event instanceof OrderRefunded r) {
            refunds = writable(refunds);
            int orderRef = addString(r.orderId().value());
            int row = openRow(refunds, at, event.eventId());
            refunds.setLong(row, R_AMOUNT, r.amount().minorUnits());
            refunds.setInt(row, R_CURRENCY, Currencies.code(r.amount().currency()));
            refunds.setInt(row, R_ORDER, orderRef);
            addMoney(r.amount(), true);
        } else if (event instanceof CustomEvent x) {
            custom = writable(custom);
            if (customEventsSize == customEvents.length) {
                customEvents = java.util.Arrays.copyOf(customEvents, Math.max(4, customEventsSize * 2));
            }
            customEvents[customEventsSize] = x;
            int row = openRow(custom, at, event.eventId());
            custom.setInt(row, X_EVENT, customEventsSize++);
        }
        return true;
    }

    /**
     * Refuses an order or a refund that would leave the refunds of an order above its total, or in
     * another currency, or overflow the customer's running total of orders (or of refunds) in its
     * currency. Either may arrive first: a refund of an order the log does not have yet is taken,
     * and the order is then checked against it. The order's own sums come from one scan of the
     * customer's orders and refunds (a cost only orders and refunds pay); the running totals from
     * the money summary. Every stored event passed this check, so the summary's sums fit a
     * {@code long}.
     */
    private void checkMoney(String eventId, String orderId, Money amount, boolean refund) {
        int currency = Currencies.code(amount.currency());
        long ordered = 0;
        long refunded = 0;
        boolean orderKnown = !refund;
        for (int row = 0; row < orders.size(); row++) {
            long total = orders.getLong(row, O_TOTAL);
            if (StringBlob.matches(ids, orders.getInt(row, O_ORDER), customer, orderId)) {
                checkSameCurrency(eventId, orderId, amount, orders.getInt(row, O_CURRENCY));
                ordered += total;
                orderKnown = true;
            }
        }
        for (int row = 0; row < refunds.size(); row++) {
            long refundAmount = refunds.getLong(row, R_AMOUNT);
            if (StringBlob.matches(ids, refunds.getInt(row, R_ORDER), customer, orderId)) {
                checkSameCurrency(eventId, orderId, amount, refunds.getInt(row, R_CURRENCY));
                refunded += refundAmount;
            }
        }
        long sameKindSoFar = refund ? refundSum(currency) : orderSum(currency);
        MoneyRules.check(customer, eventId, orderId, amount, refund, orderKnown, ordered, refunded, sameKindSoFar);
    }

    /** Adds a stored order's total or refund's amount to the money summary, in a new array. */
    private void addMoney(Money amount, boolean refund) {
        int code = Currencies.code(amount.currency());
        int row = moneyRow(code);
        long[] next;
        if (row < 0) {
            row = money.length;
            next = java.util.Arrays.copyOf(money, row + MONEY_ROW);
            next[row] = code;
        } else {
            next = money.clone();
        }
        if (refund) {
            next[row + 2] += amount.minorUnits(); // the money rules checked it does not overflow
        } else {
            next[row] |= HAS_ORDERS;
            next[row + 1] += amount.minorUnits();
        }
        money = next;
    }

    /** The money summary's row of the currency, or -1. */
    private int moneyRow(int currency) {
        long[] m = money;
        for (int row = 0; row < m.length; row += MONEY_ROW) {
            if ((int) m[row] == currency) {
                return row;
            }
        }
        return -1;
    }

    private void checkSameCurrency(String eventId, String orderId, Money amount, int storedCurrency) {
        if (storedCurrency != Currencies.code(amount.currency())) {
            throw new IllegalArgumentException("customer " + customer + ": event " + eventId + " of " + amount
                    + " for order " + orderId + " is not in the order's currency " + Currencies.get(storedCurrency)
                    + "; nothing of it was stored");
        }
    }

    private static Table writable(Table table) {
        return table.isFrozen() ? table.thawed() : table;
    }

    /**
     * Whether an event has this id. The id column holds a fingerprint of each id beside its blob
     * offset (see {@link #idColumn}), so the check walks the tables' int arrays and compares bytes
     * for about one row in 128: it runs on every append. Logs with many events ask their
     * {@link IdIndex} instead.
     */
    private boolean contains(String eventId) {
        if (idIndex != null) {
            return IdIndex.contains(idIndex, ids, customer, eventId);
        }
        int fingerprint = fingerprint(eventId);
        return contains(views, eventId, fingerprint) || contains(orders, eventId, fingerprint)
                || contains(carts, eventId, fingerprint) || contains(refunds, eventId, fingerprint)
                || contains(custom, eventId, fingerprint);
    }

    /**
     * Adds a new event id, stored at {@code offset} and not yet in any table, to the index: builds
     * the index when the log reaches {@link #INDEXED_FROM} events and drops it for good once ids
     * pass what its slots can address (the scan takes over, as for the id column's fingerprints).
     */
    private void remember(int offset) {
        if (offset > IdIndex.MAX_OFFSET) {
            idIndex = null;
        } else if (idIndex != null) {
            idIndex = IdIndex.add(idIndex, ids, offset);
        } else if (size() + 1 >= INDEXED_FROM) {
            int[] index = IdIndex.create(size() + 1);
            for (Table table : new Table[] {views, carts, orders, refunds, custom}) {
                for (int row = 0, n = table.size(); row < n; row++) {
                    index = IdIndex.add(index, ids, offset(table.getInt(row, ID)));
                }
            }
            idIndex = IdIndex.add(index, ids, offset);
        }
    }

    private boolean contains(Table table, String eventId, int fingerprint) {
        for (int row = table.nextIdCandidate(0, fingerprint); row >= 0;
                row = table.nextIdCandidate(row + 1, fingerprint)) {
            if (StringBlob.matches(ids, offset(table.getInt(row, ID)), customer, eventId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The id column's value: bits 0-23 the blob offset and bits 24-30 a 7-bit fingerprint of the
     * id; past 16 MB of ids a customer's entries store the offset's complement, without fingerprint.
     */
    private static int idColumn(int offset, String eventId) {
        return offset < 1 << 24 ? fingerprint(eventId) << 24 | offset : ~offset;
    }

    private static int offset(int idColumn) {
        return idColumn >= 0 ? idColumn & 0xFF_FFFF : ~idColumn;
    }

    /** Seven bits of the id's (cached) string hash. */
    private static int fingerprint(String eventId) {
        int h = eventId.hashCode();
        return (h ^ h >>> 7 ^ h >>> 14 ^ h >>> 21 ^ h >>> 28) & 0x7F;
    }

    /** Inserts a row in (at, id) order, writes the common columns and returns the row. */
    private int openRow(Table table, long at, String eventId) {
        int size = table.size();
        int position;
        if (size == 0 || table.time(size - 1) < at) {
            position = size;
        } else {
            position = table.lowerBound(at);
            while (position < size && table.time(position) == at
                    && StringBlob.compareIds(string(offset(table.getInt(position, ID))), eventId) < 0) {
                position++;
            }
        }
        int idRef = addString(eventId);
        // ids are never blank, so an entry takes at least two bytes: fewer bytes before this one, fewer events
        if (idIndex != null || idRef >= 2 * (INDEXED_FROM - 1)) {
            remember(idRef);
        }
        int row = table.insert(position);
        table.setLong(row, AT, at);
        table.setInt(row, ID, idColumn(idRef, eventId));
        return row;
    }

    private int addString(String value) {
        int offset = idsSize;
        ids = StringBlob.append(ids, idsSize, customer, value);
        idsSize = StringBlob.end(ids, offset);
        return offset;
    }

    private String string(int offset) {
        return StringBlob.get(ids, offset, customer);
    }

    private int addLines(List<LineItem> items) {
        if (!items.isEmpty()) {
            lines = writable(lines);
        }
        int first = lines.size();
        for (LineItem item : items) {
            int row = lines.insert(lines.size());
            lines.setInt(row, L_PRODUCT, products.intern(item.productId()));
            lines.setInt(row, L_QUANTITY, item.quantity());
            lines.setLong(row, L_AMOUNT, item.amount().minorUnits());
        }
        return first;
    }

    // ---- reads, for CustomerHistory; "before(nanos)" is the number of rows earlier than nanos ----

    public CustomerId customerId() {
        return CustomerId.of(customer);
    }

    public boolean isCustomer(String customerId) {
        return customer.equals(customerId);
    }

    public Dictionary<ProductId> products() {
        return products;
    }

    public int size() {
        return views.size() + carts.size() + orders.size() + refunds.size() + custom.size();
    }

    public int viewCount() {
        return views.size();
    }

    public int viewsBefore(long nanos) {
        return views.lowerBound(nanos);
    }

    public long viewTime(int row) {
        return views.time(row);
    }

    public int viewProduct(int row) {
        return views.getInt(row, V_PRODUCT);
    }

    public int orderCount() {
        return orders.size();
    }

    public int ordersBefore(long nanos) {
        return orders.lowerBound(nanos);
    }

    public long orderTime(int row) {
        return orders.time(row);
    }

    public long orderTotal(int row) {
        return orders.getLong(row, O_TOTAL);
    }

    public int orderCurrency(int row) {
        return orders.getInt(row, O_CURRENCY);
    }

    public int orderLineStart(int row) {
        return orders.getInt(row, O_LINE_START);
    }

    public int orderLineCount(int row) {
        return orders.getInt(row, O_LINE_COUNT);
    }

    public String orderId(int row) {
        return string(orders.getInt(row, O_ORDER));
    }

    public int lineProduct(int line) {
        return lines.getInt(line, L_PRODUCT);
    }

    public int refundCount() {
        return refunds.size();
    }

    public int refundsBefore(long nanos) {
        return refunds.lowerBound(nanos);
    }

    public long refundTime(int row) {
        return refunds.time(row);
    }

    public long refundAmount(int row) {
        return refunds.getLong(row, R_AMOUNT);
    }

    public int refundCurrency(int row) {
        return refunds.getInt(row, R_CURRENCY);
    }

    public String refundOrderId(int row) {
        return string(refunds.getInt(row, R_ORDER));
    }

    // ---- the trigger summaries, kept on append: each answers for the whole log ----

    /** The sum of every order's total in the currency (minor units); 0 if none. */
    public long orderSum(int currency) {
        int row = moneyRow(currency);
        return row < 0 ? 0 : money[row + 1];
    }

    /** The sum of every refund's amount in the currency (minor units); 0 if none. */
    public long refundSum(int currency) {
        int row = moneyRow(currency);
        return row < 0 ? 0 : money[row + 2];
    }

    /**
     * The currency of every order if there is one, -1 without orders, -2 if the orders use
     * several currencies (their order of first use then needs the order column).
     */
    public int soleOrderCurrency() {
        long[] m = money;
        int sole = -1;
        for (int row = 0; row < m.length; row += MONEY_ROW) {
            if ((m[row] & HAS_ORDERS) != 0) {
                if (sole >= 0) {
                    return -2;
                }
                sole = (int) m[row];
            }
        }
        return sole;
    }

    public int cartCount() {
        return carts.size();
    }

    public int cartsBefore(long nanos) {
        return carts.lowerBound(nanos);
    }

    public int customCount() {
        return custom.size();
    }

    public int customsBefore(long nanos) {
        return custom.lowerBound(nanos);
    }

    public CustomEvent customEvent(int row) {
        return customEvents[custom.getInt(row, X_EVENT)];
    }

    public ProductViewed view(int row) {
        return new ProductViewed(eventId(views, row), customerId(), Nanos.toInstant(views.time(row)),
                products.get(viewProduct(row)));
    }

    public CartUpdated cart(int row) {
        int currency = carts.getInt(row, C_CURRENCY);
        List<LineItem> items = currency < 0 ? List.of()
                : lineItems(carts.getInt(row, C_LINE_START), carts.getInt(row, C_LINE_COUNT), Currencies.get(currency));
        return new CartUpdated(eventId(carts, row), customerId(), Nanos.toInstant(carts.time(row)), items);
    }

    public OrderPlaced order(int row) {
        Currency currency = Currencies.get(orderCurrency(row));
        return new OrderPlaced(eventId(orders, row), customerId(), Nanos.toInstant(orders.time(row)),
                OrderId.of(orderId(row)), lineItems(orderLineStart(row), orderLineCount(row), currency),
                Money.ofMinor(orderTotal(row), currency));
    }

    public OrderRefunded refund(int row) {
        return new OrderRefunded(eventId(refunds, row), customerId(), Nanos.toInstant(refunds.time(row)),
                OrderId.of(refundOrderId(row)), Money.ofMinor(refundAmount(row), Currencies.get(refundCurrency(row))));
    }

    private List<LineItem> lineItems(int start, int count, Currency currency) {
        List<LineItem> items = new ArrayList<>(count);
        for (int i = start; i < start + count; i++) {
            items.add(new LineItem(products.get(lines.getInt(i, L_PRODUCT)), lines.getInt(i, L_QUANTITY),
                    Money.ofMinor(lines.getLong(i, L_AMOUNT), currency)));
        }
        return items;
    }

    private String eventId(Table table, int row) {
        return string(offset(table.getInt(row, ID)));
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
        long atA = a.time(rowA);
        long atB = b.time(rowB);
        if (atA != atB) {
            return atA < atB;
        }
        return StringBlob.compareIds(string(offset(a.getInt(rowA, ID))), string(offset(b.getInt(rowB, ID)))) < 0;
    }

    /** Shrinks every array to the rows in use (growth leaves up to a third spare). */
    public void trimToSize() {
        views = trimmed(views);
        carts = trimmed(carts);
        orders = trimmed(orders);
        refunds = trimmed(refunds);
        custom = trimmed(custom);
        lines = trimmed(lines);
        if (ids.length > idsSize) {
            ids = java.util.Arrays.copyOf(ids, idsSize);
        }
        if (customEvents.length > customEventsSize) {
            customEvents = java.util.Arrays.copyOf(customEvents, customEventsSize);
        }
    }

    /** The table with arrays no longer than its rows; a table shared with a snapshot is copied first. */
    private static Table trimmed(Table table) {
        if (table.size() == 0) {
            return table; // the shared empty table stays shared
        }
        Table own = writable(table);
        own.trim();
        return own;
    }

    /** Bytes held by this log's arrays (spare capacity included), for memory accounting. */
    public long footprintBytes() {
        return views.footprintBytes() + carts.footprintBytes() + orders.footprintBytes() + refunds.footprintBytes()
                + custom.footprintBytes() + lines.footprintBytes() + (ids.length == 0 ? 0 : 16L + ids.length)
                + (customEvents.length == 0 ? 0 : 16L + 4L * customEvents.length) + IdIndex.footprintBytes(idIndex)
                + (money.length == 0 ? 0 : 16L + 8L * money.length);
    }
}
