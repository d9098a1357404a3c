package dev.retention.jdbc.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import dev.retention.core.CustomerId;
import dev.retention.core.StoreException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The transactions of one store: a change of one customer runs in one transaction holding the
 * customer, and a transaction opened by {@link #update} is bound to its thread so that the views'
 * calls made inside it join it.
 *
 * <p>How a customer is held: on PostgreSQL, a transaction-scoped advisory lock keyed by a 64-bit
 * hash of the table prefix and the customer id ({@code pg_advisory_xact_lock}; readers of one
 * customer take it shared), so two shop instances serialise per customer without a row to lock
 * first and an erasure may delete every row. On SQLite a write transaction is {@code BEGIN
 * IMMEDIATE}, which holds the whole database (SQLite has one writer at a time); writers of this
 * store queue on a fair Java lock first, so that they wait in order instead of in SQLite's
 * busy-retry sleeps, and other processes on the file are waited for up to the busy timeout.
 *
 * <p>Thread-safe: the binding is per thread; each transaction has its own connection from the
 * user's {@link DataSource}.
 */
public final class Database {
    private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String prefix;
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();
    private final ReentrantLock sqliteWriters = new ReentrantLock(true);

    /** A transaction bound to a thread by {@link #update}. */
    private static final class Bound {
        final Connection connection;
        final Set<String> held = new HashSet<>();
        boolean failed;

        Bound(Connection connection) {
            this.connection = connection;
        }
    }

    /**
     * A store's transactions over the data source.
     *
     * @param dataSource where connections come from
     * @param dialect the database's dialect
     * @param prefix the table prefix, already validated
     */
    public Database(DataSource dataSource, Dialect dialect, String prefix) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.dialect = requireNonNull(dialect, "dialect");
        this.prefix = requireNonNull(prefix, "prefix");
    }

    /**
     * The dialect.
     *
     * @return the database's dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * A table's name with the prefix.
     *
     * @param name the table's name without the prefix
     * @return the prefixed name, to splice into SQL (the prefix was checked to be an identifier)
     */
    public String table(String name) {
        return prefix + name;
    }

    /**
     * Whether the calling thread runs inside {@link #update}.
     *
     * @return true inside a bound transaction
     */
    public boolean inUpdate() {
        return bound.get() != null;
    }

    /**
     * Runs a change of one customer: inside {@link #update} it joins the bound transaction (taking
     * this customer too if the update holds another); outside it runs in a transaction of its own,
     * holding the customer, committed when the work returns and rolled back if it throws.
     *
     * @param <T> the work's result
     * @param what what is being stored, for the message of a failure (no personal data)
     * @param customer the customer to hold
     * @param work the statements
     * @return the work's result
     * @throws StoreException if the database fails; nothing of the work is stored
     */
    public <T> T write(String what, CustomerId customer, SqlWork<T> work) {
        Bound b = bound.get();
        if (b != null) {
            try {
                hold(b, customer);
                return work.run(b.connection);
            } catch (SQLException e) {
                b.failed = true;
                throw notStored(what, e);
            }
        }
        return transaction(what, customer, true, work);
    }

    /**
     * Reads one customer consistently: inside {@link #update} on the bound transaction; outside, in
     * a read transaction of its own that waits while another transaction holds the customer
     * (PostgreSQL: the customer's advisory lock, shared) or reads one snapshot (SQLite).
     *
     * @param <T> the result
     * @param what what is read, for the message of a failure
     * @param customer the customer
     * @param work the statements
     * @return the work's result
     * @throws StoreException if the database fails
     */
    public <T> T readCustomer(String what, CustomerId customer, SqlWork<T> work) {
        Bound b = bound.get();
        if (b != null) {
            try {
                return work.run(b.connection);
            } catch (SQLException e) {
                b.failed = true;
                throw notRead(what, e);
            }
        }
        return transaction(what, customer, false, work);
    }

    /**
     * Reads what one statement answers atomically (one customer's rows of one table), or across
     * customers (counts, lists, pages of a stream): on the bound transaction inside
     * {@link #update}, else on a connection of its own without holding any customer.
     *
     * @param <T> the result
     * @param what what is read, for the message of a failure
     * @param work the statements
     * @return the work's result
     * @throws StoreException if the database fails
     */
    public <T> T read(String what, SqlWork<T> work) {
        return readCustomer(what, null, work);
    }

    /**
     * Runs {@code change} in one transaction holding the customer, bound to the calling thread so
     * that the views' calls inside it join it; committed when it returns, rolled back if it throws
     * (or if a statement inside it failed, even one whose exception the change caught).
     * Re-entrant: inside an update it joins the bound transaction.
     *
     * @param <T> the change's result
     * @param customer the customer to hold
     * @param change the change
     * @return the change's result
     * @throws StoreException if the transaction cannot begin or commit; nothing of the change is stored
     */
    public <T> T update(CustomerId customer, Supplier<T> change) {
        Bound b = bound.get();
        if (b != null) {
            try {
                hold(b, customer);
            } catch (SQLException e) {
                b.failed = true;
                throw notStored("the change of customer " + customer.value(), e);
            }
            return change.get();
        }
        String what = "the change of customer " + customer.value();
        boolean sqlite = dialect == Dialect.SQLITE;
        if (sqlite) {
            sqliteWriters.lock();
        }
        try {
            Connection connection = open(what);
            try {
                Bound mine = new Bound(connection);
                try {
                    begin(connection, true);
                    hold(mine, customer);
                } catch (SQLException e) {
                    rollbackQuietly(connection, e);
                    throw notStored(what, e);
                }
                T result;
                bound.set(mine);
                try {
                    result = change.get();
                } catch (RuntimeException | Error e) {
                    rollbackQuietly(connection, e);
                    throw e;
                } finally {
                    bound.remove();
                }
                if (mine.failed) {
                    StoreException failure = new StoreException("could not store " + what
                            + ": a statement inside it failed; nothing of it was stored");
                    rollbackQuietly(connection, failure);
                    throw failure;
                }
                try {
                    commit(connection);
                } catch (SQLException e) {
                    rollbackQuietly(connection, e);
                    throw notStored(what, e);
                }
                return result;
            } finally {
                closeQuietly(connection);
            }
        } finally {
            if (sqlite) {
                sqliteWriters.unlock();
            }
        }
    }

    private <T> T transaction(String what, CustomerId customer, boolean write, SqlWork<T> work) {
        boolean sqliteWrite = write && dialect == Dialect.SQLITE;
        if (sqliteWrite) {
            sqliteWriters.lock();
        }
        try {
            Connection connection = open(what);
            // a read that holds no customer is one statement, or pages that may see later writes:
            // on PostgreSQL it runs without a transaction of its own (two round trips fewer)
            boolean plain = !write && customer == null && dialect == Dialect.POSTGRESQL;
            try {
                try {
                    if (plain) {
                        connection.setAutoCommit(true);
                        return work.run(connection);
                    }
                    begin(connection, write);
                    if (customer != null && dialect == Dialect.POSTGRESQL) {
                        lock(connection, customer, write);
                    }
                    T result = work.run(connection);
                    commit(connection);
                    return result;
                } catch (SQLException e) {
                    rollbackQuietly(connection, e);
                    throw write ? notStored(what, e) : notRead(what, e);
                } catch (RuntimeException | Error e) {
                    rollbackQuietly(connection, e);
                    throw e;
                }
            } finally {
                closeQuietly(connection);
            }
        } finally {
            if (sqliteWrite) {
                sqliteWriters.unlock();
            }
        }
    }

    /**
     * A connection of the data source, set up for the dialect; the caller closes it.
     *
     * @param what what it is for, for the message of a failure
     * @return the connection
     * @throws StoreException if none can be had
     */
    public Connection open(String what) {
        try {
            Connection connection = dataSource.getConnection();
            if (dialect == Dialect.SQLITE) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA busy_timeout = " + SQLITE_BUSY_TIMEOUT_MS);
                } catch (SQLException e) {
                    closeQuietly(connection);
                    throw e;
                }
            }
            return connection;
        } catch (SQLException e) {
            throw new StoreException("could not reach the database for " + what + " (SQL state " + e.getSQLState()
                    + "); nothing was stored or read", e);
        }
    }

    private void begin(Connection connection, boolean write) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                // IMMEDIATE takes the write lock now, so a writer never fails half-way on a busy upgrade
                s.execute(write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
            }
        } else {
            connection.setAutoCommit(false);
        }
    }

    private void commit(Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
        } else {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            if (dialect == Dialect.SQLITE) {
                if (!connection.isClosed()) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("ROLLBACK");
                    }
                }
            } else {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the transaction is over; a connection that cannot close is the pool's to drop
        }
    }

    private void hold(Bound b, CustomerId customer) throws SQLException {
        if (dialect == Dialect.POSTGRESQL && customer != null && b.held.add(customer.value())) {
            lock(b.connection, customer, true);
        }
    }

    private void lock(Connection connection, CustomerId customer, boolean exclusive) throws SQLException {
        String sql = exclusive ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, lockKey(customer));
            s.execute();
        }
    }

    /** 64 bits of the prefix and the id: two stores with other prefixes on one database do not share locks. */
    private long lockKey(CustomerId customer) {
        return Hashing.murmur3_128().newHasher().putString(prefix, StandardCharsets.UTF_8).putByte((byte) 0)
                .putString(customer.value(), StandardCharsets.UTF_8).hash().asLong();
    }

    private static StoreException notStored(String what, SQLException e) {
        return new StoreException("could not store " + what + " (SQL state " + e.getSQLState()
                + "); nothing of it was stored", e);
    }

    private static StoreException notRead(String what, SQLException e) {
        return new StoreException("could not read " + what + " (SQL state " + e.getSQLState() + ")", e);
    }
}
