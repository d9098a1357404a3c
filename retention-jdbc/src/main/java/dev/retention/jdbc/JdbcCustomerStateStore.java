package dev.retention.jdbc;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.StoreException;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import dev.retention.jdbc.internal.Database;
import dev.retention.jdbc.internal.Dialect;
import dev.retention.jdbc.internal.JdbcEventStore;
import dev.retention.jdbc.internal.JdbcFireLog;
import dev.retention.jdbc.internal.JdbcLedgerStore;
import dev.retention.jdbc.internal.JdbcProfileStore;
import dev.retention.jdbc.internal.Stores;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.customer.CustomerStateSink;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Erasure;
import dev.retention.rules.loyalty.LedgerSnapshot;
import dev.retention.rules.loyalty.LedgerStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The per-customer seam over a database: every customer's events (with their summaries), profile,
 * fire-log entries and ledger in the tables {@link RetentionSchema} creates, on PostgreSQL or an
 * SQLite file, through the {@link DataSource} you give it (use a pool for PostgreSQL).
 *
 * <pre>{@code
 * RetentionSchema.migrate(dataSource);
 * CustomerStateStore state = JdbcCustomerStateStore.open(dataSource);
 * Retention retention = Retention.builder().state(state)...build();
 * }</pre>
 *
 * <p>{@link #update} is one transaction holding the customer (see {@link Database}: an advisory
 * lock per customer on PostgreSQL, the write transaction on SQLite), bound to the calling thread
 * while the change runs, so the views' calls inside it join it: committed when the change returns,
 * rolled back if it throws, so nothing of a failed change is stored. Calls to the views outside
 * {@code update} are each one transaction of their own. A database failure throws a
 * {@link StoreException} (a {@code RetentionException}) saying what was not stored.
 *
 * <p>Thread-safe: share one instance; two instances (two shop processes) over one database
 * serialise per customer through the database.
 */
public final class JdbcCustomerStateStore implements CustomerStateStore {
    private final Database db;
    private final JdbcEventStore events;
    private final JdbcProfileStore profiles;
    private final JdbcFireLog fireLog;
    private final JdbcLedgerStore ledger;

    private JdbcCustomerStateStore(Database db) {
        this.db = db;
        this.events = new JdbcEventStore(db);
        this.profiles = new JdbcProfileStore(db);
        this.fireLog = new JdbcFireLog(db);
        this.ledger = new JdbcLedgerStore(db);
    }

    /**
     * A seam over the tables with the {@link RetentionSchema#DEFAULT_PREFIX}; run
     * {@link RetentionSchema#migrate} first.
     *
     * @param dataSource the database, PostgreSQL 14+ or SQLite
     * @return the seam
     * @throws StoreException if the database cannot be reached to tell its dialect
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor SQLite
     */
    public static JdbcCustomerStateStore open(DataSource dataSource) {
        return open(dataSource, RetentionSchema.DEFAULT_PREFIX);
    }

    /**
     * A seam over the tables with the given prefix; run {@link RetentionSchema#migrate(DataSource, String)}
     * with the same prefix first.
     *
     * @param dataSource the database, PostgreSQL 14+ or SQLite
     * @param tablePrefix the tables' prefix, as given to the migration
     * @return the seam
     * @throws StoreException if the database cannot be reached to tell its dialect
     * @throws IllegalArgumentException if the prefix is not an identifier, or the database is
     *     neither PostgreSQL nor SQLite
     */
    public static JdbcCustomerStateStore open(DataSource dataSource, String tablePrefix) {
        requireNonNull(dataSource, "dataSource");
        String prefix = TablePrefix.check(tablePrefix);
        Dialect dialect;
        try (Connection c = dataSource.getConnection()) {
            dialect = Dialect.of(c);
        } catch (SQLException e) {
            throw new StoreException("could not reach the database to open the retention store (SQL state "
                    + e.getSQLState() + ")", e);
        }
        return new JdbcCustomerStateStore(new Database(dataSource, dialect, prefix));
    }

    /** The store's transactions, for the bulk import. */
    Database database() {
        return db;
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public ProfileStore profiles() {
        return profiles;
    }

    @Override
    public FireLog fireLog() {
        return fireLog;
    }

    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    /**
     * {@inheritDoc}
     *
     * <p>One read transaction: on PostgreSQL it waits for a transaction holding the customer; on
     * SQLite it reads one snapshot.
     */
    @Override
    public CustomerState read(CustomerId customer) {
        requireNonNull(customer, "customer");
        if (!db.dialect().canStore(customer.value())) {
            return new CustomerState(customer, CustomerHistory.empty(customer), Optional.empty(), List.of(),
                    new LedgerSnapshot(customer, 0, List.of()));
        }
        return db.readCustomer("the state of customer " + customer.value(), customer, c -> {
            CustomerHistory history = events.history(c, customer);
            Optional<CustomerProfile> profile = profiles.find(c, customer);
            List<FireEntry> decisions = fireLog.entries(c, customer);
            return new CustomerState(customer, history, profile, decisions, ledger.snapshot(c, customer));
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>One read transaction, as {@link #read}'s, in which the events and the fire-log entries are
     * handed over as their rows arrive, {@value JdbcEventStore#FETCH} rows fetched at a time: a
     * customer's history is never in memory whole. The ledger (a few entries per order, sorted by
     * their time, which is inside the stored entry) is read whole. What {@code sink} throws rolls
     * the read back and is thrown from here.
     *
     * @throws StoreException if the database fails (a {@code RetentionException})
     */
    @Override
    public void exportTo(CustomerId customer, CustomerStateSink sink) {
        requireNonNull(customer, "customer");
        requireNonNull(sink, "sink");
        if (!db.dialect().canStore(customer.value())) {
            sink.profile(Optional.empty());
            sink.ledgerVersion(0);
            return;
        }
        db.readCustomer("the export of customer " + customer.value(), customer, c -> {
            events.stream(c, customer, sink::event);
            sink.profile(profiles.find(c, customer));
            fireLog.entries(c, customer, sink::decision);
            LedgerSnapshot snapshot = ledger.snapshot(c, customer);
            sink.ledgerVersion(snapshot.version());
            snapshot.entries().forEach(sink::ledgerEntry);
            return null;
        });
    }

    @Override
    public <T> T update(CustomerId customer, Supplier<T> change) {
        requireNonNull(customer, "customer");
        requireNonNull(change, "change");
        db.dialect().checkStorable("customer", customer.value());
        return db.update(customer, change);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One transaction deletes the customer's rows from every table (events, summaries and
     * running totals, profile, fire-log entries, ledger entries and version): all or nothing.
     */
    @Override
    public Erasure erase(CustomerId customer) {
        requireNonNull(customer, "customer");
        if (!db.dialect().canStore(customer.value())) {
            return new Erasure(0, 0, 0, 0);
        }
        return db.write("the erasure of customer " + customer.value(), customer,
                c -> Stores.erase(c, customer.value(), events, profiles, fireLog, ledger));
    }
}
