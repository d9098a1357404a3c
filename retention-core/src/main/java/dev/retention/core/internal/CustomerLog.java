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
 * One customer's events in columnar form, in one {@code long[]} and one {@code int[]}: a region of
 * rows per event kind, each sorted by (occurredAt, eventId), plus an append-only region of order and
 * cart lines, and a blob of ids.
 *
 * <p>The int array starts with a header of each region's capacity in rows (written once, when the
 * arrays are made); the regions follow in {@link #VIEWS}..{@link #CUSTOM} order, each row packed
 * ({@link #longWidth} longs, {@link #intWidth} ints). The rows in use per region are counted in this
 * object's fields, not in the arrays, which is what makes {@link #snapshot()} cheap: a snapshot
 * shares the arrays and copies the counts, and the live log writes in place only past its counts
 * (an append in order with room to spare); inserting before the end, growing or trimming makes new
 * arrays. So a snapshot's rows never change and a snapshot allocates only its own object. Before,
 * a customer with views and orders paid for three table objects with two arrays each.
 *
 * <p>A live log is mutated by one thread at a time (the store holds a lock per customer);
 * {@link #snapshot()} returns a read-only log that is safe to read from any thread once published
 * and never changes, however the live log grows. Not part of the API. Not final: the in-memory
 * per-customer seam's record extends it, so a customer's events and the rest of their state are
 * one object (one header and one pointer fewer per customer than a record holding a log).
 */
public class CustomerLog {
    // the regions, in the order they lie in the arrays: the most read first, as a region's start
    // sums the capacities before it
    private static final int VIEWS = 0;
    private static final int ORDERS = 1;
    private static final int LINES = 2;
    private static final int CARTS = 3;
    private static final int REFUNDS = 4;
    private static final int CUSTOM = 5;
    private static final int KINDS = 6;
    /** The int array's header: each region's capacity in rows. */
    private static final int HEADER = KINDS;

    // long columns: the time first (lines have no time)
    private static final int AT = 0;
    private static final int O_TOTAL = 1;
    private static final int R_AMOUNT = 1;
    private static final int L_AMOUNT = 0;
    // int columns: the event id first (lines have no id)
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

    private static final long[] NO_LONGS = {};
    /** The arrays of a log without rows: every capacity 0. Never written: the first row makes new arrays. */
    private static final int[] NO_INTS = new int[HEADER];
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
    /** The regions' long columns; see the class comment. */
    private long[] longs;
    /** The header of capacities, then the regions' int columns. */
    private int[] ints;
    // rows in use per region
    private int views;
    private int orders;
    private int lines;
    private int carts;
    private int refunds;
    private int custom;
    /** Event and order ids, see {@link StringBlob}; append-only. */
    private byte[] ids;
    private int idsSize;
    /** Custom events, append-only (as many as custom rows); the custom rows point here. */
    private CustomEvent[] customEvents;
    /**
     * The trigger summary that the columns do not give in O(1): per currency used by an order or a
     * refund, one {@link #MONEY_ROW} (code, orders, refunds), in order of first arrival. The sums are
     * the running totals the money rules check, so they never overflow. Changed in place only while
     * no snapshot shares it ({@link #moneyShared}): the first order or refund after a snapshot
     * replaces the array, so snapshots keep it as it was. (Counts, first and last times need no summary: each kind's region is sorted by time, so they are its count, its
     * first and its last row.)
     */
    private long[] money;
    /**
     * Whether a snapshot shares {@link #money}: then the next order or refund replaces the array;
     * otherwise it adds in place, since the engine's step lends the live log instead of taking
     * snapshots and a new array per order would be garbage per event.
     */
    private boolean moneyShared;
    /** Null until the live log has {@link #INDEXED_FROM} events (or past 16 MB of ids); {@link #READ_ONLY} in snapshots. */
    private int[] idIndex;

    public CustomerLog(CustomerId customerId, Dictionary<ProductId> products) {
        this(customerId.value(), products);
    }

    public CustomerLog(String customer, Dictionary<ProductId> products) {
        this.customer = customer;
        this.products = products;
        this.longs = NO_LONGS;
        this.ints = NO_INTS;
        this.ids = NO_BYTES;
        this.customEvents = NO_EVENTS;
        this.money = NO_MONEY;
    }

    /**
     * Forgets every event (the right to erasure): the log is as new, so a later event with an id
     * seen before is stored as new. Snapshots taken before keep what they held (they share only
     * arrays that this log writes past their rows or drops, never changes under them).
     */
    public void clear() {
        if (idIndex == READ_ONLY) {
            throw new IllegalStateException("snapshots are read-only");
        }
        longs = NO_LONGS;
        ints = NO_INTS;
        views = 0;
        orders = 0;
        lines = 0;
        carts = 0;
        refunds = 0;
        custom = 0;
        ids = NO_BYTES;
        idsSize = 0;
        customEvents = NO_EVENTS;
        money = NO_MONEY;
        moneyShared = false;
        idIndex = null;
    }

    private CustomerLog(CustomerLog live) {
        this.customer = live.customer;
        this.products = live.products;
        this.longs = live.longs;
        this.ints = live.ints;
        this.views = live.views;
        this.orders = live.orders;
        this.lines = live.lines;
        this.carts = live.carts;
        this.refunds = live.refunds;
        this.custom = live.custom;
        this.ids = live.ids;
        this.idsSize = live.idsSize;
        this.customEvents = live.customEvents;
        this.money = live.money;
        this.idIndex = READ_ONLY;
    }

    /**
     * A read-only view of the events appended so far, sharing this log's arrays (this log writes
     * them only past the snapshot's rows, or replaces them).
     */
    public CustomerLog snapshot() {
        if (idIndex != READ_ONLY) {
            moneyShared = true;
        }
        return new CustomerLog(this);
    }

    // ---- the regions ----

    private static int longWidth(int kind) {
        return kind == ORDERS || kind == REFUNDS ? 2 : 1;
    }

    private static int intWidth(int kind) {
        return switch (kind) {
            case ORDERS -> 5;
            case CARTS -> 4;
            case REFUNDS -> 3;
            default -> 2;
        };
    }

    private int count(int kind) {
        return switch (kind) {
            case VIEWS -> views;
            case ORDERS -> orders;
            case LINES -> lines;
            case CARTS -> carts;
            case REFUNDS -> refunds;
            default -> custom;
        };
    }

    private void setCount(int kind, int count) {
        switch (kind) {
            case VIEWS -> views = count;
            case ORDERS -> orders = count;
            case LINES -> lines = count;
            case CARTS -> carts = count;
            case REFUNDS -> refunds = count;
            default -> custom = count;
        }
    }

    /** Where the kind's region starts in the long array: the capacities before it, times their widths. */
    private static int longStart(int[] ints, int kind) {
        int start = 0;
        for (int k = 0; k < kind; k++) {
            start += ints[k] * longWidth(k);
        }
        return start;
    }

    private static int intStart(int[] ints, int kind) {
        int start = HEADER;
        for (int k = 0; k < kind; k++) {
            start += ints[k] * intWidth(k);
        }
        return start;
    }

    private long getLong(int kind, int row, int column) {
        int[] is = ints;
        return longs[longStart(is, kind) + row * longWidth(kind) + column];
    }

    private int getInt(int kind, int row, int column) {
        int[] is = ints;
        return is[intStart(is, kind) + row * intWidth(kind) + column];
    }

    private void setLong(int kind, int row, int column, long value) {
        longs[longStart(ints, kind) + row * longWidth(kind) + column] = value;
    }

    private void setInt(int kind, int row, int column, int value) {
        int[] is = ints;
        is[intStart(is, kind) + row * intWidth(kind) + column] = value;
    }

    /** The time (long column 0) of a row of an event kind. */
    private long time(int kind, int row) {
        return getLong(kind, row, AT);
    }

    /** The first row of the kind whose time is at or after {@code nanos}. */
    private int lowerBound(int kind, long nanos) {
        long[] ls = longs;
        int start = longStart(ints, kind);
        int width = longWidth(kind);
        int lo = 0;
        int hi = count(kind);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ls[start + mid * width] < nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Opens a row of the kind at {@code position} (0..count), shifting later rows, and returns it.
     * Writes in place only at the end with room to spare; otherwise the rows move to new arrays, so
     * snapshots sharing the old ones keep their rows.
     */
    private int insert(int kind, int position) {
        int count = count(kind);
        int capacity = ints[kind];
        if (position != count || count == capacity) {
            relayout(kind, position, count == capacity);
        }
        setCount(kind, count + 1);
        return position;
    }

    /**
     * Moves the rows to new arrays with a free row at {@code gap} of the kind's region, or, for
     * {@code kind} -1, with every region no larger than its rows (a trim). A growth gives the
     * kind's region and every other region in use room for half as many rows again: a move copies
     * the whole customer, so growing only the region that ran out would move the customer about
     * once per region and growth step, where separate tables moved one table each; growing them
     * together moves it about once per growth of its whole history (the running engine on the
     * medium shop: 25 to 35 bytes allocated per event more than with the tables, against 140 when
     * only the full region grew).
     */
    private void relayout(int kind, int gap, boolean grow) {
        int[] oldInts = ints;
        long[] oldLongs = longs;
        int[] caps = new int[KINDS];
        int longLength = 0;
        int intLength = HEADER;
        for (int k = 0; k < KINDS; k++) {
            int rows = count(k);
            if (kind < 0) {
                caps[k] = rows;
            } else if (grow && (k == kind || rows > 0)) {
                caps[k] = Math.max(oldInts[k], Math.max(2, rows + (rows >> 1) + 1));
            } else {
                caps[k] = oldInts[k];
            }
            longLength += caps[k] * longWidth(k);
            intLength += caps[k] * intWidth(k);
        }
        long[] newLongs = new long[longLength];
        int[] newInts = new int[intLength];
        System.arraycopy(caps, 0, newInts, 0, KINDS);
        for (int k = 0; k < KINDS; k++) {
            int lw = longWidth(k);
            int iw = intWidth(k);
            int from = longStart(oldInts, k);
            int to = longStart(newInts, k);
            int fromInt = intStart(oldInts, k);
            int toInt = intStart(newInts, k);
            int rows = count(k);
            int before = k == kind && gap >= 0 ? gap : rows;
            System.arraycopy(oldLongs, from, newLongs, to, before * lw);
            System.arraycopy(oldInts, fromInt, newInts, toInt, before * iw);
            if (before < rows) { // the rows after the gap, one row further on
                System.arraycopy(oldLongs, from + before * lw, newLongs, to + (before + 1) * lw, (rows - before) * lw);
                System.arraycopy(oldInts, fromInt + before * iw, newInts, toInt + (before + 1) * iw, (rows - before) * iw);
            }
        }
        longs = newLongs;
        ints = newInts;
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
            int product = products.intern(v.productId());
            int row = openRow(VIEWS, at, event.eventId());
            setInt(VIEWS, row, V_PRODUCT, product);
        } else if (event instanceof CartUpdated c) {
            int firstLine = addLines(c.items());
            int row = openRow(CARTS, at, event.eventId());
            setInt(CARTS, row, C_CURRENCY,
                    c.items().isEmpty() ? -1 : Currencies.code(c.items().get(0).amount().currency()));
            setInt(CARTS, row, C_LINE_START, firstLine);
            setInt(CARTS, row, C_LINE_COUNT, c.items().size());
        } else if (event instanceof OrderPlaced o) {
            int firstLine = addLines(o.items());
            int orderRef = addString(o.orderId().value());
            int row = openRow(ORDERS, at, event.eventId());
            setLong(ORDERS, row, O_TOTAL, o.total().minorUnits());
            setInt(ORDERS, row, O_CURRENCY, Currencies.code(o.total().currency()));
            setInt(ORDERS, row, O_ORDER, orderRef);
            setInt(ORDERS, row, O_LINE_START, firstLine);
            setInt(ORDERS, row, O_LINE_COUNT, o.items().size());
            addMoney(o.total(), false);
        } else if (event instanceof OrderRefunded r) {
            int orderRef = addString(r.orderId().value());
            int row = openRow(REFUNDS, at, event.eventId());
            setLong(REFUNDS, row, R_AMOUNT, r.amount().minorUnits());
            setInt(REFUNDS, row, R_CURRENCY, Currencies.code(r.amount().currency()));
            setInt(REFUNDS, row, R_ORDER, orderRef);
            addMoney(r.amount(), true);
        } else if (event instanceof CustomEvent x) {
            int index = custom; // one custom event per custom row, appended in arrival order
            if (index == customEvents.length) {
                customEvents = java.util.Arrays.copyOf(customEvents, Math.max(4, index * 2));
            }
            customEvents[index] = x;
            int row = openRow(CUSTOM, at, event.eventId());
            setInt(CUSTOM, row, X_EVENT, index);
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
        for (int row = 0; row < orders; row++) {
            if (StringBlob.matches(ids, getInt(ORDERS, row, O_ORDER), customer, orderId)) {
                checkSameCurrency(eventId, orderId, amount, getInt(ORDERS, row, O_CURRENCY));
                ordered += getLong(ORDERS, row, O_TOTAL);
                orderKnown = true;
            }
        }
        for (int row = 0; row < refunds; row++) {
            if (StringBlob.matches(ids, getInt(REFUNDS, row, R_ORDER), customer, orderId)) {
                checkSameCurrency(eventId, orderId, amount, getInt(REFUNDS, row, R_CURRENCY));
                refunded += getLong(REFUNDS, row, R_AMOUNT);
            }
        }
        long sameKindSoFar = refund ? refundSum(currency) : orderSum(currency);
        MoneyRules.check(customer, eventId, orderId, amount, refund, orderKnown, ordered, refunded, sameKindSoFar);
    }

    /**
     * Adds a stored order's total or refund's amount to the money summary: in place, or in a new
     * array if a snapshot shares the current one (or the currency is new).
     */
    private void addMoney(Money amount, boolean refund) {
        int code = Currencies.code(amount.currency());
        int row = moneyRow(code);
        long[] next;
        if (row < 0) {
            row = money.length;
            next = java.util.Arrays.copyOf(money, row + MONEY_ROW);
            next[row] = code;
        } else {
            next = moneyShared ? money.clone() : money;
        }
        moneyShared = false;
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

    /**
     * Whether an event has this id. The id column holds a fingerprint of each id beside its blob
     * offset (see {@link #idColumn}), so the check walks the regions' id columns and compares bytes
     * for about one row in 128: it runs on every append. Logs with many events ask their
     * {@link IdIndex} instead.
     */
    private boolean contains(String eventId) {
        if (idIndex != null) {
            return IdIndex.contains(idIndex, ids, customer, eventId);
        }
        int fingerprint = fingerprint(eventId);
        return contains(VIEWS, eventId, fingerprint) || contains(ORDERS, eventId, fingerprint)
                || contains(CARTS, eventId, fingerprint) || contains(REFUNDS, eventId, fingerprint)
                || contains(CUSTOM, eventId, fingerprint);
    }

    /**
     * Adds a new event id, stored at {@code offset} and not yet in any row, to the index: builds
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
            for (int kind : new int[] {VIEWS, ORDERS, CARTS, REFUNDS, CUSTOM}) {
                for (int row = 0, n = count(kind); row < n; row++) {
                    index = IdIndex.add(index, ids, offset(getInt(kind, row, ID)));
                }
            }
            idIndex = IdIndex.add(index, ids, offset);
        }
    }

    /** Whether a row of the kind has the id: walks the region's id column, comparing bytes where the fingerprint agrees. */
    private boolean contains(int kind, String eventId, int fingerprint) {
        int n = count(kind);
        if (n == 0) {
            return false;
        }
        int[] is = ints;
        int width = intWidth(kind);
        for (int p = intStart(is, kind) + ID, end = p + n * width; p < end; p += width) {
            int value = is[p];
            if ((value < 0 || value >>> 24 == fingerprint) && StringBlob.matches(ids, offset(value), customer, eventId)) {
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
    private int openRow(int kind, long at, String eventId) {
        int size = count(kind);
        int position;
        if (size == 0 || time(kind, size - 1) < at) {
            position = size;
        } else {
            position = lowerBound(kind, at);
            while (position < size && time(kind, position) == at
                    && StringBlob.compareIds(string(offset(getInt(kind, position, ID))), eventId) < 0) {
                position++;
            }
        }
        int idRef = addString(eventId);
        // ids are never blank, so an entry takes at least two bytes: fewer bytes before this one, fewer events
        if (idIndex != null || idRef >= 2 * (INDEXED_FROM - 1)) {
            remember(idRef);
        }
        int row = insert(kind, position);
        setLong(kind, row, AT, at);
        setInt(kind, row, ID, idColumn(idRef, eventId));
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
        int first = lines;
        // indexed: an iterator per order or cart would be garbage per event
        for (int i = 0, n = items.size(); i < n; i++) {
            LineItem item = items.get(i);
            int product = products.intern(item.productId());
            int row = insert(LINES, lines);
            setInt(LINES, row, L_PRODUCT, product);
            setInt(LINES, row, L_QUANTITY, item.quantity());
            setLong(LINES, row, L_AMOUNT, item.amount().minorUnits());
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
        return views + carts + orders + refunds + custom;
    }

    /**
     * Reads what the summary questions read first (the arrays' headers, the last view's and the
     * last order's time, the money summary) and returns a value made of it, so that a bulk reader
     * can start the cache misses of several customers before it reads them one by one: the misses
     * of different customers then overlap instead of following each other. Only a hint: safe
     * without the lock (a racing append just makes it read other words), and the value means
     * nothing.
     */
    public int touch() {
        long[] ls = longs;
        int[] is = ints;
        long[] m = money;
        int value = ls.length + m.length + is[0];
        int lastView = views - 1;
        if (lastView >= 0 && lastView < ls.length) {
            value += (int) ls[lastView];
        }
        int lastOrder = is[VIEWS] * longWidth(VIEWS) + (orders - 1) * longWidth(ORDERS);
        if (orders > 0 && lastOrder >= 0 && lastOrder < ls.length) {
            value += (int) ls[lastOrder];
        }
        return value;
    }

    public int viewCount() {
        return views;
    }

    public int viewsBefore(long nanos) {
        return lowerBound(VIEWS, nanos);
    }

    public long viewTime(int row) {
        return time(VIEWS, row);
    }

    public int viewProduct(int row) {
        return getInt(VIEWS, row, V_PRODUCT);
    }

    public int orderCount() {
        return orders;
    }

    public int ordersBefore(long nanos) {
        return lowerBound(ORDERS, nanos);
    }

    public long orderTime(int row) {
        return time(ORDERS, row);
    }

    public long orderTotal(int row) {
        return getLong(ORDERS, row, O_TOTAL);
    }

    public int orderCurrency(int row) {
        return getInt(ORDERS, row, O_CURRENCY);
    }

    public int orderLineStart(int row) {
        return getInt(ORDERS, row, O_LINE_START);
    }

    public int orderLineCount(int row) {
        return getInt(ORDERS, row, O_LINE_COUNT);
    }

    public String orderId(int row) {
        return string(getInt(ORDERS, row, O_ORDER));
    }

    public int lineProduct(int line) {
        return getInt(LINES, line, L_PRODUCT);
    }

    public int refundCount() {
        return refunds;
    }

    public int refundsBefore(long nanos) {
        return lowerBound(REFUNDS, nanos);
    }

    public long refundTime(int row) {
        return time(REFUNDS, row);
    }

    public long refundAmount(int row) {
        return getLong(REFUNDS, row, R_AMOUNT);
    }

    public int refundCurrency(int row) {
        return getInt(REFUNDS, row, R_CURRENCY);
    }

    public String refundOrderId(int row) {
        return string(getInt(REFUNDS, row, R_ORDER));
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
        return carts;
    }

    public int cartsBefore(long nanos) {
        return lowerBound(CARTS, nanos);
    }

    public int customCount() {
        return custom;
    }

    public int customsBefore(long nanos) {
        return lowerBound(CUSTOM, nanos);
    }

    public CustomEvent customEvent(int row) {
        return customEvents[getInt(CUSTOM, row, X_EVENT)];
    }

    public ProductViewed view(int row) {
        return new ProductViewed(eventId(VIEWS, row), customerId(), Nanos.toInstant(time(VIEWS, row)),
                products.get(viewProduct(row)));
    }

    public CartUpdated cart(int row) {
        int currency = getInt(CARTS, row, C_CURRENCY);
        List<LineItem> items = currency < 0 ? List.of()
                : lineItems(getInt(CARTS, row, C_LINE_START), getInt(CARTS, row, C_LINE_COUNT), Currencies.get(currency));
        return new CartUpdated(eventId(CARTS, row), customerId(), Nanos.toInstant(time(CARTS, row)), items);
    }

    public OrderPlaced order(int row) {
        Currency currency = Currencies.get(orderCurrency(row));
        return new OrderPlaced(eventId(ORDERS, row), customerId(), Nanos.toInstant(time(ORDERS, row)),
                OrderId.of(orderId(row)), lineItems(orderLineStart(row), orderLineCount(row), currency),
                Money.ofMinor(orderTotal(row), currency));
    }

    public OrderRefunded refund(int row) {
        return new OrderRefunded(eventId(REFUNDS, row), customerId(), Nanos.toInstant(time(REFUNDS, row)),
                OrderId.of(refundOrderId(row)), Money.ofMinor(refundAmount(row), Currencies.get(refundCurrency(row))));
    }

    private List<LineItem> lineItems(int start, int count, Currency currency) {
        List<LineItem> items = new ArrayList<>(count);
        for (int i = start; i < start + count; i++) {
            items.add(new LineItem(products.get(getInt(LINES, i, L_PRODUCT)), getInt(LINES, i, L_QUANTITY),
                    Money.ofMinor(getLong(LINES, i, L_AMOUNT), currency)));
        }
        return items;
    }

    private String eventId(int kind, int row) {
        return string(offset(getInt(kind, row, ID)));
    }

    /** All events in (occurredAt, eventId) order, decoded into records. */
    public List<CustomerEvent> events() {
        int[] kinds = {VIEWS, CARTS, ORDERS, REFUNDS, CUSTOM};
        int[] next = new int[kinds.length];
        List<CustomerEvent> out = new ArrayList<>(size());
        while (true) {
            int best = -1;
            for (int t = 0; t < kinds.length; t++) {
                if (next[t] < count(kinds[t])
                        && (best < 0 || before(kinds[t], next[t], kinds[best], next[best]))) {
                    best = t;
                }
            }
            if (best < 0) {
                return out;
            }
            int row = next[best]++;
            out.add(switch (kinds[best]) {
                case VIEWS -> view(row);
                case CARTS -> cart(row);
                case ORDERS -> order(row);
                case REFUNDS -> refund(row);
                default -> customEvent(row);
            });
        }
    }

    private boolean before(int kindA, int rowA, int kindB, int rowB) {
        long atA = time(kindA, rowA);
        long atB = time(kindB, rowB);
        if (atA != atB) {
            return atA < atB;
        }
        return StringBlob.compareIds(eventId(kindA, rowA), eventId(kindB, rowB)) < 0;
    }

    /** Shrinks every array to the rows in use (growth leaves up to a third spare); new arrays, so snapshots keep theirs. */
    public void trimToSize() {
        if (idIndex == READ_ONLY) {
            return;
        }
        boolean spare = false;
        for (int k = 0; k < KINDS; k++) {
            spare |= ints[k] > count(k);
        }
        if (spare) {
            relayout(-1, -1, false);
        }
        if (ids.length > idsSize) {
            ids = java.util.Arrays.copyOf(ids, idsSize);
        }
        if (customEvents.length > custom) {
            customEvents = java.util.Arrays.copyOf(customEvents, custom);
        }
    }

    /** Bytes held by this log's arrays (spare capacity included), for memory accounting. */
    public long footprintBytes() {
        return (longs.length == 0 ? 0 : 16L + 8L * longs.length) + (ints == NO_INTS ? 0 : 16L + 4L * ints.length)
                + (ids.length == 0 ? 0 : 16L + ids.length)
                + (customEvents.length == 0 ? 0 : 16L + 4L * customEvents.length) + IdIndex.footprintBytes(idIndex)
                + (money.length == 0 ? 0 : 16L + 8L * money.length);
    }
}
