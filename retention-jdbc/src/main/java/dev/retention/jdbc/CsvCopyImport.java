package dev.retention.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.StoreException;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.io.CsvImport;
import dev.retention.core.io.EventCsvReader;
import dev.retention.jdbc.internal.Codec;
import dev.retention.jdbc.internal.Database;
import dev.retention.jdbc.internal.Dialect;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a CSV event log into the store in bulk: on PostgreSQL with {@code COPY ... FROM STDIN}
 * (the driver's {@link CopyManager}) into a temporary table, then one {@code INSERT ... SELECT}
 * into the events and the customers' summaries and running totals computed from the file, all in
 * one transaction; on SQLite through the batched {@link dev.retention.core.store.EventStore#appendAll}.
 *
 * <p>For loading customers the store has no events of yet (the first import of a shop's history,
 * or a new shop's): every customer's events are checked as the store checks an append (refunds
 * within their order's total and currency, totals that fit), all before anything is written, and a
 * file with a customer who already has events is refused whole (append those with
 * {@code appendAll}, which checks against what is stored). Repeated event ids in the file count
 * once, as in {@link CustomerHistory#of}. The file is read whole first, as {@link EventCsvReader}
 * does. Do not run it while a shop instance writes the same customers: it holds no customer's lock.
 *
 * <p>Stateless and thread-safe.
 */
public final class CsvCopyImport {
    private static final String COLUMNS =
            "customer_id, event_id, kind, occurred_sec, occurred_nano, order_id, amount_minor, currency, body";

    private CsvCopyImport() {}

    /**
     * Reads the file with {@code reader} and stores its events.
     *
     * @param store the store; its database's driver must be on the class path
     * @param reader how to read the file (mapping, strict or lenient)
     * @param file the CSV file
     * @return what was read, with {@link CsvImport#eventsStored()} the events stored
     * @throws dev.retention.core.io.CsvFormatException in strict mode, for a bad row; nothing stored
     * @throws IllegalArgumentException if a customer in the file already has events in the store,
     *     or a customer's events break the money checks (naming the event); nothing stored
     * @throws StoreException if the database fails; nothing stored
     */
    public static CsvImport importInto(JdbcCustomerStateStore store, EventCsvReader reader, Path file) {
        requireNonNull(store, "store");
        requireNonNull(reader, "reader");
        requireNonNull(file, "file");
        CsvImport read = reader.read(file);
        Database db = store.database();
        if (db.dialect() != Dialect.POSTGRESQL) {
            return read.withEventsStored(store.events().appendAll(read.events()));
        }
        Map<CustomerId, List<CustomerEvent>> byCustomer = new LinkedHashMap<>();
        for (CustomerEvent e : read.events()) {
            db.dialect().checkStorable("customerId", e.customerId().value());
            db.dialect().checkStorable("eventId", e.eventId());
            byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e);
        }
        StringBuilder events = new StringBuilder();
        StringBuilder customers = new StringBuilder();
        StringBuilder spend = new StringBuilder();
        long stored = 0;
        for (Map.Entry<CustomerId, List<CustomerEvent>> entry : byCustomer.entrySet()) {
            // the store's own checks, in memory, before anything is written
            CustomerHistory history = CustomerHistory.of(entry.getKey(), entry.getValue());
            Map<Currency, long[]> totals = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
            Instant lastOrder = null;
            for (CustomerEvent e : history.events()) {
                String orderId = null;
                Money amount = null;
                if (e instanceof OrderPlaced o) {
                    orderId = o.orderId().value();
                    amount = o.total();
                    totals.computeIfAbsent(amount.currency(), k -> new long[2])[0] += amount.minorUnits();
                    lastOrder = lastOrder == null || o.occurredAt().isAfter(lastOrder) ? o.occurredAt() : lastOrder;
                } else if (e instanceof OrderRefunded r) {
                    orderId = r.orderId().value();
                    amount = r.amount();
                    totals.computeIfAbsent(amount.currency(), k -> new long[2])[1] += amount.minorUnits();
                }
                row(events, e.customerId().value(), e.eventId(), Codec.kind(e), e.occurredAt().getEpochSecond(),
                        e.occurredAt().getNano(), orderId, amount == null ? null : amount.minorUnits(),
                        amount == null ? null : amount.currency().getCurrencyCode(), Codec.event(e));
                stored++;
            }
            String id = entry.getKey().value();
            row(customers, id, history.eventCount(), history.orderCount(),
                    lastOrder == null ? null : lastOrder.getEpochSecond(), lastOrder == null ? null : lastOrder.getNano());
            totals.forEach((currency, t) -> row(spend, id, currency.getCurrencyCode(), t[0], t[1]));
        }
        long count = stored;
        return read.withEventsStored(db.write(count + " imported events", null, c -> {
            copy(c, db, events.toString(), customers.toString(), spend.toString());
            return count;
        }));
    }

    private static void copy(Connection c, Database db, String events, String customers, String spend)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE retention_import_events (LIKE " + db.table("events")
                    + " INCLUDING DEFAULTS) ON COMMIT DROP");
            s.execute("CREATE TEMPORARY TABLE retention_import_customers (customer_id TEXT PRIMARY KEY,"
                    + " event_count BIGINT, order_count BIGINT, last_order_sec BIGINT, last_order_nano INTEGER)"
                    + " ON COMMIT DROP");
            s.execute("CREATE TEMPORARY TABLE retention_import_spend (customer_id TEXT, currency CHAR(3),"
                    + " ordered_minor BIGINT, refunded_minor BIGINT) ON COMMIT DROP");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try {
            copy.copyIn("COPY retention_import_events (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
                    new StringReader(events));
            copy.copyIn("COPY retention_import_customers FROM STDIN (FORMAT csv)", new StringReader(customers));
            copy.copyIn("COPY retention_import_spend FROM STDIN (FORMAT csv)", new StringReader(spend));
        } catch (IOException e) {
            throw new SQLException("could not stream the rows to COPY", "08006", e);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT i.customer_id FROM retention_import_customers i JOIN "
                + db.table("customers") + " c ON c.customer_id = i.customer_id WHERE c.event_count > 0 LIMIT 1");
                ResultSet r = s.executeQuery()) {
            if (r.next()) {
                throw new IllegalArgumentException("customer " + r.getString(1) + " already has events in the store:"
                        + " the bulk import loads new customers only (append the others with appendAll); nothing"
                        + " was stored");
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + db.table("events") + " (" + COLUMNS + ") SELECT " + COLUMNS
                    + " FROM retention_import_events");
            s.executeUpdate("INSERT INTO " + db.table("customers")
                    + " (customer_id, event_count, order_count, last_order_sec, last_order_nano)"
                    + " SELECT customer_id, event_count, order_count, last_order_sec, last_order_nano"
                    + " FROM retention_import_customers ON CONFLICT (customer_id) DO UPDATE SET"
                    + " event_count = EXCLUDED.event_count, order_count = EXCLUDED.order_count,"
                    + " last_order_sec = EXCLUDED.last_order_sec, last_order_nano = EXCLUDED.last_order_nano");
            s.executeUpdate("INSERT INTO " + db.table("spend")
                    + " (customer_id, currency, ordered_minor, refunded_minor)"
                    + " SELECT customer_id, currency, ordered_minor, refunded_minor FROM retention_import_spend");
        }
    }

    /** One CSV line for COPY: null as an unquoted empty field, text quoted with its quotes doubled. */
    private static void row(StringBuilder out, Object... fields) {
        checkArgument(fields.length > 0, "a row needs fields");
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object f = fields[i];
            if (f instanceof String text) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else if (f != null) {
                out.append(f);
            }
        }
        out.append('\n');
    }
}
