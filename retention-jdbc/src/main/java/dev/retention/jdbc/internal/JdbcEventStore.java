package dev.retention.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.store.EventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The events over JDBC: one row per event, and per customer a summary row (event and order
 * counts, last order) and running totals per currency, kept in the same transaction as the event,
 * so that the money checks and the triggers' summaries read a few rows instead of the history.
 *
 * <p>Thread-safe: every append holds its customer (see {@link Database}); reads are snapshots.
 */
public final class JdbcEventStore implements EventStore {
    private static final int BATCH = 500;

    /** Rows a streaming read asks the driver for at a time: few round trips, little memory. */
    public static final int FETCH = 1000;

    private final Database db;
    private final String events;
    private final String customers;
    private final String spend;

    /**
     * The event view of a store.
     *
     * @param db the store's transactions
     */
    public JdbcEventStore(Database db) {
        this.db = requireNonNull(db, "db");
        this.events = db.table("events");
        this.customers = db.table("customers");
        this.spend = db.table("spend");
    }

    @Override
    public boolean append(CustomerEvent event) {
        requireNonNull(event, "event");
        checkStorable(event);
        return db.write("event " + event.eventId() + " of customer " + event.customerId().value(), event.customerId(),
                c -> insert(c, event));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Bulk: each run of consecutive events of one customer (up to {@value #BATCH}) is one
     * transaction holding the customer, which checks the run's ids against the stored ones in one
     * query per {@value #BATCH} ids and inserts its events as one JDBC batch, then updates the
     * customer's summary once and its running totals once per currency (one batch). Orders and
     * refunds are checked as {@link #append} checks them (refund within the order's total, one
     * currency per order, no overflow of a running total) against the stored sums of the orders the
     * run names and the running totals, read in one query, and the run's own earlier events. An event refused as {@link #append} says stops the call; the
     * events before it stay stored, those after it are not. A run that fails in the database
     * stores nothing of itself (the runs before it stay stored).
     */
    @Override
    public int appendAll(Collection<? extends CustomerEvent> all) {
        requireNonNull(all, "events");
        List<CustomerEvent> list = new ArrayList<>(all);
        list.forEach(e -> checkStorable(requireNonNull(e, "event")));
        int added = 0;
        int from = 0;
        while (from < list.size()) {
            CustomerId customer = list.get(from).customerId();
            int to = from + 1;
            while (to < list.size() && to - from < BATCH && list.get(to).customerId().equals(customer)) {
                to++;
            }
            List<CustomerEvent> run = list.subList(from, to);
            Run outcome = db.write(run.size() + " events of customer " + customer.value(), customer,
                    c -> appendRun(c, customer.value(), run));
            added += outcome.added;
            if (outcome.refused != null) {
                throw outcome.refused;
            }
            from = to;
        }
        return added;
    }

    /** What a run stored, and the refusal that stopped it (thrown after the run's commit). */
    private record Run(int added, IllegalArgumentException refused) {}

    private Run appendRun(Connection c, String customer, List<CustomerEvent> run) throws SQLException {
        java.util.Set<String> seen = storedIds(c, customer, run);
        MoneyFacts facts = null;
        int batched = 0;
        int orders = 0;
        Instant lastOrder = null;
        IllegalArgumentException refused = null;
        try (PreparedStatement insert = c.prepareStatement(INSERT_SQL.formatted(events))) {
            for (CustomerEvent e : run) {
                if (!seen.add(e.eventId())) {
                    continue;
                }
                String orderId = Codec.orderIdOf(e);
                Money amount = Codec.amountOf(e);
                if (amount != null) {
                    if (facts == null) {
                        facts = MoneyFacts.read(c, events, spend, customer, run);
                    }
                    try {
                        facts.take(customer, e.eventId(), orderId, amount, e instanceof OrderRefunded);
                    } catch (IllegalArgumentException refusal) {
                        refused = refusal;
                        break;
                    }
                    if (e instanceof OrderPlaced) {
                        orders++;
                        lastOrder = lastOrder == null || e.occurredAt().isAfter(lastOrder) ? e.occurredAt() : lastOrder;
                    }
                }
                bind(insert, e, orderId, amount);
                insert.addBatch();
                batched++;
            }
            if (batched > 0) {
                insert.executeBatch();
            }
        }
        if (batched > 0) {
            count(c, customer, batched, orders, lastOrder);
        }
        if (facts != null) {
            facts.storeRunningTotals(c, spend, customer);
        }
        return new Run(batched, refused);
    }

    /** The ids among the run's that the customer has stored already, one query per {@value #BATCH} ids. */
    private java.util.Set<String> storedIds(Connection c, String customer, List<CustomerEvent> run)
            throws SQLException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        String marks = String.join(", ", java.util.Collections.nCopies(run.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("SELECT event_id FROM " + events
                + " WHERE customer_id = ? AND event_id IN (" + marks + ")")) {
            s.setString(1, customer);
            for (int i = 0; i < run.size(); i++) {
                s.setString(i + 2, run.get(i).eventId());
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }

    private static final String INSERT_SQL = "INSERT INTO %s"
            + " (customer_id, event_id, kind, occurred_sec, occurred_nano, order_id, amount_minor, currency, body)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static void bind(PreparedStatement s, CustomerEvent event, String orderId, Money amount)
            throws SQLException {
        s.setString(1, event.customerId().value());
        s.setString(2, event.eventId());
        s.setString(3, Codec.kind(event));
        s.setLong(4, event.occurredAt().getEpochSecond());
        s.setInt(5, event.occurredAt().getNano());
        s.setString(6, orderId);
        if (amount == null) {
            s.setNull(7, java.sql.Types.BIGINT);
            s.setNull(8, java.sql.Types.CHAR);
        } else {
            s.setLong(7, amount.minorUnits());
            s.setString(8, amount.currency().getCurrencyCode());
        }
        s.setString(9, Codec.event(event));
    }

    private void checkStorable(CustomerEvent event) {
        Dialect d = db.dialect();
        d.checkStorable("customerId", event.customerId().value());
        d.checkStorable("eventId", event.eventId());
        if (event instanceof OrderPlaced o) {
            d.checkStorable("orderId", o.orderId().value());
        } else if (event instanceof OrderRefunded r) {
            d.checkStorable("orderId", r.orderId().value());
        }
    }

    private boolean insert(Connection c, CustomerEvent event) throws SQLException {
        String customer = event.customerId().value();
        String orderId = null;
        Money amount = null;
        if (event instanceof OrderPlaced o) {
            orderId = o.orderId().value();
            amount = o.total();
        } else if (event instanceof OrderRefunded r) {
            orderId = r.orderId().value();
            amount = r.amount();
        }
        if (amount != null && !checkMoney(c, customer, event.eventId(), orderId, amount, event instanceof OrderRefunded)) {
            return false;
        }
        // a view, cart or custom event is not read first: the insert itself tells whether it was new
        try (PreparedStatement s = c.prepareStatement(INSERT_SQL.formatted(events) + NEW_ONLY)) {
            bind(s, event, orderId, amount);
            if (s.executeUpdate() == 0) {
                return false;
            }
        }
        boolean order = event instanceof OrderPlaced;
        count(c, customer, 1, order ? 1 : 0, order ? event.occurredAt() : null);
        if (amount != null) {
            try (PreparedStatement s = c.prepareStatement(spendUpsert(spend))) {
                s.setString(1, customer);
                s.setString(2, amount.currency().getCurrencyCode());
                s.setLong(3, order ? amount.minorUnits() : 0);
                s.setLong(4, order ? 0 : amount.minorUnits());
                s.executeUpdate();
            }
        }
        return true;
    }

    /** Adds to a customer's running totals in one currency, creating the row if it is missing. */
    static String spendUpsert(String spend) {
        return "INSERT INTO " + spend + " AS t (customer_id, currency, ordered_minor, refunded_minor)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (customer_id, currency) DO UPDATE SET"
                + " ordered_minor = t.ordered_minor + excluded.ordered_minor,"
                + " refunded_minor = t.refunded_minor + excluded.refunded_minor";
    }

    private static final String NEW_ONLY = " ON CONFLICT (customer_id, event_id) DO NOTHING";

    /**
     * Adds to the customer's summary row, creating it if it is missing, in one statement; an order
     * moves the last order's time only forwards.
     */
    private void count(Connection c, String customer, int events, int orders, Instant lastOrder) throws SQLException {
        String newer = "excluded.last_order_sec IS NOT NULL AND (t.last_order_sec IS NULL"
                + " OR t.last_order_sec < excluded.last_order_sec OR (t.last_order_sec = excluded.last_order_sec"
                + " AND t.last_order_nano < excluded.last_order_nano))";
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + customers + " AS t"
                + " (customer_id, event_count, order_count, last_order_sec, last_order_nano) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (customer_id) DO UPDATE SET event_count = t.event_count + excluded.event_count,"
                + " order_count = t.order_count + excluded.order_count,"
                + " last_order_sec = CASE WHEN " + newer + " THEN excluded.last_order_sec ELSE t.last_order_sec END,"
                + " last_order_nano = CASE WHEN " + newer + " THEN excluded.last_order_nano ELSE t.last_order_nano END")) {
            s.setString(1, customer);
            s.setLong(2, events);
            s.setLong(3, orders);
            if (lastOrder == null) {
                s.setNull(4, java.sql.Types.BIGINT);
                s.setNull(5, java.sql.Types.INTEGER);
            } else {
                s.setLong(4, lastOrder.getEpochSecond());
                s.setInt(5, lastOrder.getNano());
            }
            s.executeUpdate();
        }
    }

    /**
     * The money checks of an order or refund, in one query that also tells whether the event is
     * stored already and reads the running total it adds to.
     *
     * @return false if the event is stored already (nothing checked: it adds nothing)
     * @throws IllegalArgumentException if the event breaks a money rule
     */
    private boolean checkMoney(Connection c, String customer, String eventId, String orderId, Money amount,
            boolean refund) throws SQLException {
        String currency = amount.currency().getCurrencyCode();
        long ordered = 0;
        long refunded = 0;
        long soFar = 0;
        boolean orderKnown = !refund;
        String stored = null;
        try (PreparedStatement s = c.prepareStatement("SELECT 'stored', NULL, 0 FROM " + events
                + " WHERE customer_id = ? AND event_id = ?"
                + " UNION ALL SELECT kind, currency, SUM(amount_minor) FROM " + events
                + " WHERE customer_id = ? AND order_id = ? AND kind IN ('order', 'refund') GROUP BY kind, currency"
                + " UNION ALL SELECT 'spend', currency, " + (refund ? "refunded_minor" : "ordered_minor")
                + " FROM " + spend + " WHERE customer_id = ? AND currency = ?")) {
            s.setString(1, customer);
            s.setString(2, eventId);
            s.setString(3, customer);
            s.setString(4, orderId);
            s.setString(5, customer);
            s.setString(6, currency);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    switch (r.getString(1)) {
                        case "stored" -> {
                            return false;
                        }
                        case "spend" -> soFar = r.getLong(3);
                        default -> {
                            String other = r.getString(2).trim();
                            if (!other.equals(currency)) {
                                stored = other;
                            } else if (r.getString(1).equals("order")) {
                                ordered += r.getLong(3);
                                orderKnown = true;
                            } else {
                                refunded += r.getLong(3);
                            }
                        }
                    }
                }
            }
        }
        MoneyFacts.check(customer, eventId, orderId, amount, refund, ordered, refunded, orderKnown, soFar, stored);
        return true;
    }

    @Override
    public CustomerHistory history(CustomerId customerId) {
        requireNonNull(customerId, "customerId");
        if (!db.dialect().canStore(customerId.value())) {
            return CustomerHistory.empty(customerId);
        }
        return db.read("the history of customer " + customerId.value(), c -> history(c, customerId));
    }

    /**
     * The customer's history on a connection the caller's transaction holds.
     *
     * @param c the connection
     * @param customerId the customer
     * @return the history
     * @throws SQLException if the query fails
     */
    public CustomerHistory history(Connection c, CustomerId customerId) throws SQLException {
        // no ORDER BY: CustomerHistory.of sorts by time and checks the money of any order of the rows
        // as of orders before refunds, so whatever append accepted reads back (HistoryReadsBackTest)
        List<CustomerEvent> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT customer_id, event_id, kind, occurred_sec, occurred_nano,"
                + " body FROM " + events + " WHERE customer_id = ?")) {
            s.setString(1, customerId.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(row(r));
                }
            }
        }
        return CustomerHistory.of(customerId, list);
    }

    /**
     * Hands the customer's events to {@code each} in the history's order as the rows arrive, on a
     * connection the caller's transaction holds: the driver fetches {@value #FETCH} rows at a time
     * (on PostgreSQL a cursor, as the transaction is open), so a long history is never read whole.
     * The order is the history's: time, then the event id by code point, which is the order of its
     * UTF-8 bytes (PostgreSQL's "C" collation, SQLite's default BINARY one).
     *
     * @param c the connection, in a transaction
     * @param customerId the customer
     * @param each what receives each event
     * @throws SQLException if the query fails
     */
    public void stream(Connection c, CustomerId customerId, Consumer<CustomerEvent> each) throws SQLException {
        String byteOrder = db.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
        try (PreparedStatement s = c.prepareStatement("SELECT customer_id, event_id, kind, occurred_sec, occurred_nano,"
                + " body FROM " + events + " WHERE customer_id = ? ORDER BY occurred_sec, occurred_nano, event_id"
                + byteOrder)) {
            s.setFetchSize(FETCH);
            s.setString(1, customerId.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    each.accept(row(r));
                }
            }
        }
    }

    private static CustomerEvent row(ResultSet r) throws SQLException {
        return Codec.event(r.getString(1), r.getString(2), r.getString(3),
                Instant.ofEpochSecond(r.getLong(4), r.getInt(5)), r.getString(6));
    }

    @Override
    public Stream<CustomerId> customerIds() {
        return Pages.of(db, "the customers with events", (c, after, limit) -> {
            List<CustomerId> ids = new ArrayList<>();
            for (String id : Summaries.customersAfter(c, customers, "event_count > 0", after, limit)) {
                ids.add(CustomerId.of(id));
            }
            return ids;
        }, CustomerId::value);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Streams: customers are read in pages (keyset pagination by customer id), each page's
     * events in one query with a fetch size, so neither all customers nor all events sit in memory
     * at once and no connection stays open between pages.
     */
    @Override
    public Stream<CustomerHistory> histories() {
        return Pages.of(db, "the histories", (c, after, limit) -> {
            List<String> ids = Summaries.customersAfter(c, customers, "event_count > 0", after, limit);
            if (ids.isEmpty()) {
                return List.<CustomerHistory>of();
            }
            Map<String, List<CustomerEvent>> byCustomer = new LinkedHashMap<>();
            ids.forEach(id -> byCustomer.put(id, new ArrayList<>()));
            try (PreparedStatement s = c.prepareStatement("SELECT customer_id, event_id, kind, occurred_sec,"
                    + " occurred_nano, body FROM " + events + " WHERE customer_id >= ? AND customer_id <= ?")) {
                s.setFetchSize(1000);
                s.setString(1, ids.get(0));
                s.setString(2, ids.get(ids.size() - 1));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        List<CustomerEvent> list = byCustomer.get(r.getString(1));
                        if (list != null) {
                            list.add(row(r));
                        }
                    }
                }
            }
            List<CustomerHistory> page = new ArrayList<>();
            byCustomer.forEach((id, list) -> page.add(CustomerHistory.of(CustomerId.of(id), list)));
            return page;
        }, h -> h.customerId().value());
    }

    @Override
    public long eventCount() {
        return db.read("the event count", c -> Summaries.sum(c, "SELECT COALESCE(SUM(event_count), 0) FROM " + customers));
    }

    @Override
    public long customerCount() {
        return db.read("the customer count",
                c -> Summaries.sum(c, "SELECT COUNT(*) FROM " + customers + " WHERE event_count > 0"));
    }

    @Override
    public long erase(CustomerId customerId) {
        requireNonNull(customerId, "customerId");
        if (!db.dialect().canStore(customerId.value())) {
            return 0;
        }
        return db.write("the erasure of the events of customer " + customerId.value(), customerId,
                c -> eraseIn(c, customerId.value()));
    }

    /**
     * Deletes the customer's events, summary row and running totals on the caller's transaction.
     *
     * @param c the connection
     * @param customer the customer id
     * @return how many events were deleted
     * @throws SQLException if a statement fails
     */
    long eraseIn(Connection c, String customer) throws SQLException {
        long n = Summaries.delete(c, "DELETE FROM " + events + " WHERE customer_id = ?", customer);
        Summaries.delete(c, "DELETE FROM " + spend + " WHERE customer_id = ?", customer);
        // the summary row stays only while it carries the ledger's version: the ledger's erasure drops it
        try (PreparedStatement s = c.prepareStatement("UPDATE " + customers
                + " SET event_count = 0, order_count = 0, last_order_sec = NULL, last_order_nano = NULL"
                + " WHERE customer_id = ?")) {
            s.setString(1, customer);
            s.executeUpdate();
        }
        Summaries.dropEmptyCustomer(c, customers, customer);
        return n;
    }
}
