package dev.retention.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.StoreException;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.io.CsvImport;
import dev.retention.core.io.EventCsvReader;
import dev.retention.jdbc.internal.Codec;
import dev.retention.jdbc.internal.Database;
import dev.retention.jdbc.internal.Dialect;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a CSV event log into the store in bulk: on PostgreSQL with {@code COPY ... FROM STDIN}
 * (the driver's {@link CopyManager}) into a temporary table, then {@code INSERT ... SELECT} into
 * the events, and into the customers' summaries and running totals grouped from the copied rows,
 * all in one transaction; on SQLite through the batched {@link dev.retention.core.store.EventStore#appendAll}.
 *
 * <p>For loading customers the store has no events of yet (the first import of a shop's history,
 * or a new shop's): every customer's events are checked as the store checks an append (refunds
 * within their order's total and currency, totals that fit), all before anything is written, and a
 * file with a customer who already has events is refused whole (append those with
 * {@code appendAll}, which checks against what is stored). Repeated event ids in the file count
 * once, as in {@link CustomerHistory#of}. The file is read whole first, as {@link EventCsvReader}
 * does (an order's lines may stand anywhere in it); the rows then go to {@code COPY} one customer
 * at a time, checked as they go, and the summaries and running totals are computed by the database
 * from the copied rows, so beside the events read the import holds one customer's rows, not the
 * whole file's. Do not run it while a shop instance writes the same customers: it holds no
 * customer's lock.
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
            byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e);
        }
        return read.withEventsStored(db.write("the imported events of " + byCustomer.size() + " customers", null,
                c -> copy(c, db, new CustomerRows(byCustomer, db.dialect()))));
    }

    /**
     * COPYs the rows into a temporary table, refuses customers that have events, and moves the rows
     * into the events table with the summaries and running totals computed from them.
     *
     * @return the number of events stored
     */
    private static long copy(Connection c, Database db, Reader rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE retention_import_events (LIKE " + db.table("events")
                    + " INCLUDING DEFAULTS) ON COMMIT DROP");
        }
        long stored;
        try {
            // a customer refused in the rows throws out of here: COPY is cancelled, the transaction rolled back
            stored = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY retention_import_events (" + COLUMNS + ") FROM STDIN (FORMAT csv)", rows);
        } catch (IOException e) {
            throw new SQLException("could not stream the rows to COPY", "08006", e);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT i.customer_id FROM retention_import_events i JOIN "
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
            // the last order is the latest (second, nano) of the customer's orders; bigint arrays compare in order
            s.executeUpdate("INSERT INTO " + db.table("customers")
                    + " (customer_id, event_count, order_count, last_order_sec, last_order_nano)"
                    + " SELECT customer_id, event_count, order_count, last_order[1], last_order[2] FROM"
                    + " (SELECT customer_id, COUNT(*) AS event_count, COUNT(*) FILTER (WHERE kind = 'order') AS order_count,"
                    + " MAX(ARRAY[occurred_sec, occurred_nano]) FILTER (WHERE kind = 'order') AS last_order"
                    + " FROM retention_import_events GROUP BY customer_id) i"
                    + " ON CONFLICT (customer_id) DO UPDATE SET"
                    + " event_count = EXCLUDED.event_count, order_count = EXCLUDED.order_count,"
                    + " last_order_sec = EXCLUDED.last_order_sec, last_order_nano = EXCLUDED.last_order_nano");
            // every customer's sums were checked to fit a long (CustomerHistory.of), so the numeric SUMs cast back
            s.executeUpdate("INSERT INTO " + db.table("spend")
                    + " (customer_id, currency, ordered_minor, refunded_minor)"
                    + " SELECT customer_id, currency, COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'order'), 0),"
                    + " COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'refund'), 0)"
                    + " FROM retention_import_events WHERE currency IS NOT NULL GROUP BY customer_id, currency");
        }
        return stored;
    }

    /**
     * The events' COPY rows as text, made one customer at a time as COPY reads: each customer's
     * events are checked as the store checks them (ids the database can store, and
     * {@link CustomerHistory#of}, which also drops repeated ids) when COPY reaches them, so the rows
     * of the whole file are never held at once.
     */
    private static final class CustomerRows extends Reader {
        /** A customer's rows above this many chars are not kept as the next one's buffer. */
        private static final int KEEP = 1 << 20;

        private final Iterator<Map.Entry<CustomerId, List<CustomerEvent>>> customers;
        private final Dialect dialect;
        private StringBuilder rows = new StringBuilder();
        private int next;

        CustomerRows(Map<CustomerId, List<CustomerEvent>> byCustomer, Dialect dialect) {
            this.customers = byCustomer.entrySet().iterator();
            this.dialect = dialect;
        }

        /** Fills the buffer across customers: each read is one COPY message, and a customer's rows are short. */
        @Override
        public int read(char[] buffer, int offset, int length) {
            int filled = 0;
            while (filled < length) {
                if (next == rows.length() && !nextCustomer()) {
                    return filled == 0 && length > 0 ? -1 : filled;
                }
                int n = Math.min(length - filled, rows.length() - next);
                rows.getChars(next, next + n, buffer, offset + filled);
                next += n;
                filled += n;
            }
            return filled;
        }

        /** Makes the next customer's rows; false when there is none. */
        private boolean nextCustomer() {
            while (next == rows.length()) {
                if (!customers.hasNext()) {
                    return false;
                }
                Map.Entry<CustomerId, List<CustomerEvent>> customer = customers.next();
                customers.remove(); // the customer's list is garbage once its rows are made
                if (rows.capacity() > KEEP) {
                    rows = new StringBuilder();
                }
                rows.setLength(0);
                next = 0;
                dialect.checkStorable("customerId", customer.getKey().value());
                for (CustomerEvent e : customer.getValue()) {
                    dialect.checkStorable("eventId", e.eventId());
                }
                for (CustomerEvent e : CustomerHistory.of(customer.getKey(), customer.getValue()).events()) {
                    append(rows, e);
                }
            }
            return true;
        }

        @Override
        public void close() {
        }

        private static void append(StringBuilder out, CustomerEvent e) {
            String orderId = Codec.orderIdOf(e);
            Money amount = Codec.amountOf(e);
            row(out, e.customerId().value(), e.eventId(), Codec.kind(e), e.occurredAt().getEpochSecond(),
                    e.occurredAt().getNano(), orderId, amount == null ? null : amount.minorUnits(),
                    amount == null ? null : amount.currency().getCurrencyCode(), Codec.event(e));
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
