package dev.retention.bench;

import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The peer: the same events in DuckDB's native tables (in memory, all cores), loaded with the
 * appender, the fastest way in. The layout is what a competent engineer would choose: one narrow
 * table per event kind, order lines apart, times as TIMESTAMP, money as BIGINT minor units.
 */
public final class DuckShop implements AutoCloseable {
    private final DuckDBConnection connection;

    private DuckShop(DuckDBConnection connection) {
        this.connection = connection;
    }

    public static DuckShop load(BenchShop shop) {
        try {
            DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE views (customer_id VARCHAR, occurred_at TIMESTAMP, product_id VARCHAR)");
                s.execute("CREATE TABLE orders (customer_id VARCHAR, occurred_at TIMESTAMP, order_id VARCHAR,"
                        + " total BIGINT, currency VARCHAR)");
                s.execute("CREATE TABLE order_lines (order_id VARCHAR, product_id VARCHAR, quantity INTEGER,"
                        + " amount BIGINT)");
                s.execute("CREATE TABLE refunds (customer_id VARCHAR, occurred_at TIMESTAMP, order_id VARCHAR,"
                        + " amount BIGINT, currency VARCHAR)");
                s.execute("CREATE TABLE carts (customer_id VARCHAR, occurred_at TIMESTAMP, product_id VARCHAR,"
                        + " quantity INTEGER, amount BIGINT)");
            }
            try (DuckDBAppender views = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "views");
                    DuckDBAppender orders = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "orders");
                    DuckDBAppender lines = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "order_lines");
                    DuckDBAppender refunds = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "refunds");
                    DuckDBAppender carts = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "carts")) {
                shop.generate(event -> {
                    try {
                        append(event, views, orders, lines, refunds, carts);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            return new DuckShop(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load DuckDB", e);
        }
    }

    private static void append(CustomerEvent event, DuckDBAppender views, DuckDBAppender orders,
            DuckDBAppender lines, DuckDBAppender refunds, DuckDBAppender carts) throws SQLException {
        String customer = event.customerId().value();
        long micros = micros(event.occurredAt());
        if (event instanceof ProductViewed v) {
            views.beginRow().append(customer).appendEpochMicros(micros).append(v.productId().value()).endRow();
        } else if (event instanceof OrderPlaced o) {
            orders.beginRow().append(customer).appendEpochMicros(micros).append(o.orderId().value())
                    .append(o.total().minorUnits()).append(o.total().currency().getCurrencyCode()).endRow();
            for (LineItem item : o.items()) {
                lines.beginRow().append(o.orderId().value()).append(item.productId().value())
                        .append(item.quantity()).append(item.amount().minorUnits()).endRow();
            }
        } else if (event instanceof OrderRefunded r) {
            refunds.beginRow().append(customer).appendEpochMicros(micros).append(r.orderId().value())
                    .append(r.amount().minorUnits()).append(r.amount().currency().getCurrencyCode()).endRow();
        } else if (event instanceof CartUpdated k) {
            for (LineItem item : k.items()) {
                carts.beginRow().append(customer).appendEpochMicros(micros).append(item.productId().value())
                        .append(item.quantity()).append(item.amount().minorUnits()).endRow();
            }
        } else if (event instanceof CustomEvent) {
            // the synthetic shop has none
        }
    }

    public static long micros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1_000;
    }

    public Connection connection() {
        return connection;
    }

    /** Total rows over the event tables, as a cross-check of what was loaded. */
    public long rowCount(String table) {
        try (Statement s = connection.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    static DuckDBConnection newConnection() throws SQLException {
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    }
}
