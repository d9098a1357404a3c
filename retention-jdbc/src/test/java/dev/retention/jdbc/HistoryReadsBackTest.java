package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.customer.CustomerStateSink;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.loyalty.LedgerEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever the stores accept, they read back: every way a JDBC store rebuilds a customer's history
 * (the event view's {@code history} and {@code histories}, the seam's {@code read}, a history read
 * inside {@code update}, the streamed export) gives the history the in-memory store holds after the
 * same appends, on PostgreSQL and on SQLite. The money checks look at events in the order they
 * arrive, while the rows come back in the database's order: SQLite's primary key index hands them
 * over by event id, and on PostgreSQL the test clusters the table on that index first.
 */
class HistoryReadsBackTest {
    private static final Instant T = Instant.parse("2026-03-02T12:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    private static final String PG_PREFIX = Databases.freshPrefix();
    private static final JdbcCustomerStateStore POSTGRES = postgresStore();
    private static final JdbcCustomerStateStore SQLITE = Databases.newSqliteStore();

    private static JdbcCustomerStateStore postgresStore() {
        RetentionSchema.migrate(Databases.postgres(), PG_PREFIX);
        return JdbcCustomerStateStore.open(Databases.postgres(), PG_PREFIX);
    }

    @Example
    void aRefundThenALargeOrderThenASmallerLineReadBackWhenTheSmallLineSortsFirst() {
        CustomerId c = customer();
        // arrival: the refund takes 10 of an order not yet seen, the order of 10 covers it, a line of 5 adds to it;
        // by time and by id the line of 5 comes first, then the refund of 10, which is more than 5
        readsBackAsInMemory(
                refund("b", c, T.plusSeconds(2), "o1", 10),
                order("c", c, T.plusSeconds(3), "o1", 10),
                order("a", c, T.plusSeconds(1), "o1", 5));
    }

    @Example
    void aPartialRefundThenAnOrderLineReadBackWhenTheLineSortsBeforeTheOrder() {
        CustomerId c = customer();
        readsBackAsInMemory(
                order("z", c, T, "o1", 10),
                refund("y", c, T, "o1", 8),
                order("x", c, T, "o1", 3)); // equal times: the history orders them by id, x, y, z
    }

    @Example
    void aRefundEarlierInTimeThanItsOrderReadsBack() {
        CustomerId c = customer();
        readsBackAsInMemory(
                order("r", c, T.plusSeconds(5), "o1", 10),
                refund("o", c, T, "o1", 10),
                order("n", c, T.plusSeconds(9), "o1", 1),
                refund("m", c, T.plusSeconds(1), "o1", 1));
    }

    /**
     * Random orders, refunds and views of a few orders, at few distinct times, with ids that sort
     * every way against arrival and time; each is appended to the in-memory store and to both
     * databases, which refuse the same ones, and what they accepted reads back the same.
     */
    @Property(tries = 100)
    void everyAcceptedSequenceReadsBackAsTheInMemoryStoreHasIt(@ForAll("steps") List<Step> steps) {
        CustomerId c = customer();
        readsBackAsInMemory(events(c, steps).toArray(CustomerEvent[]::new));
    }

    /** Appends one by one to the three stores (a refusal must be the same in each) and compares every read. */
    private static void readsBackAsInMemory(CustomerEvent... arrivals) {
        CustomerId customer = arrivals[0].customerId();
        CustomerStateStore memory = CustomerStateStore.inMemory();
        for (CustomerEvent e : arrivals) {
            Optional<String> expected = append(memory, e);
            assertThat(append(POSTGRES, e)).as("PostgreSQL's verdict on " + e.eventId()).isEqualTo(expected);
            assertThat(append(SQLITE, e)).as("SQLite's verdict on " + e.eventId()).isEqualTo(expected);
        }
        List<CustomerEvent> expected = memory.events().history(customer).events();
        clusterPostgresByEventId();
        for (JdbcCustomerStateStore store : List.of(POSTGRES, SQLITE)) {
            String db = store == POSTGRES ? "PostgreSQL" : "SQLite";
            assertThat(store.events().history(customer).events()).as(db + " history").isEqualTo(expected);
            assertThat(store.read(customer).history().events()).as(db + " read").isEqualTo(expected);
            assertThat(store.update(customer, () -> store.events().history(customer).events()))
                    .as(db + " history in update").isEqualTo(expected);
            try (var all = store.events().histories()) {
                assertThat(all.filter(h -> h.customerId().equals(customer)).map(CustomerHistory::events).toList())
                        .as(db + " histories").containsExactly(expected);
            }
            assertThat(exported(store, customer)).as(db + " export").isEqualTo(expected);
        }
    }

    private static Optional<String> append(CustomerStateStore store, CustomerEvent e) {
        try {
            store.events().append(e);
            return Optional.empty();
        } catch (IllegalArgumentException refusal) {
            return Optional.of(refusal.getMessage());
        }
    }

    /** Rewrites PostgreSQL's events in primary key order, so that a plain scan returns them by event id. */
    private static void clusterPostgresByEventId() {
        try (Connection c = Databases.postgres().getConnection(); Statement s = c.createStatement()) {
            s.execute("CLUSTER " + PG_PREFIX + "events USING " + PG_PREFIX + "events_pkey");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CustomerEvent> exported(CustomerStateStore store, CustomerId customer) {
        List<CustomerEvent> out = new ArrayList<>();
        store.exportTo(customer, new CustomerStateSink() {
            @Override
            public void event(CustomerEvent event) {
                out.add(event);
            }

            @Override
            public void profile(Optional<CustomerProfile> profile) {}

            @Override
            public void decision(FireEntry entry) {}

            @Override
            public void ledgerVersion(long version) {}

            @Override
            public void ledgerEntry(LedgerEntry entry) {}
        });
        return out;
    }

    private static CustomerId customer() {
        return CustomerId.of("c" + CUSTOMERS.incrementAndGet());
    }

    private static OrderPlaced order(String id, CustomerId c, Instant at, String order, long minor) {
        return new OrderPlaced(id, c, at, OrderId.of(order), List.of(), Money.ofMinor(minor, EUR));
    }

    private static OrderRefunded refund(String id, CustomerId c, Instant at, String order, long minor) {
        return new OrderRefunded(id, c, at, OrderId.of(order), Money.ofMinor(minor, EUR));
    }

    /** One event to make: kind (0 view, 1 order, 2 refund), order, currency (0 EUR), amount, time and id. */
    record Step(int kind, int order, int currency, long minor, int second, String id) {}

    private static List<CustomerEvent> events(CustomerId c, List<Step> steps) {
        List<CustomerEvent> out = new ArrayList<>();
        for (Step s : steps) {
            Instant at = T.plusSeconds(s.second());
            Money amount = Money.ofMinor(s.minor(), Currency.getInstance(s.currency() == 0 ? "EUR" : "USD"));
            OrderId order = OrderId.of("o" + s.order());
            out.add(switch (s.kind()) {
                case 0 -> new ProductViewed(s.id(), c, at, ProductId.of("p"));
                case 1 -> new OrderPlaced(s.id(), c, at, order, List.of(), amount);
                default -> new OrderRefunded(s.id(), c, at, order, amount);
            });
        }
        return out;
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(
                        Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(5, 1), Tuple.of(4, 2)),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.frequency(Tuple.of(19, 0), Tuple.of(1, 1)),
                        Arbitraries.longs().between(1, 10),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.strings().withChars("abcdefgh").ofMinLength(1).ofMaxLength(3))
                .as(Step::new)
                .list().ofMinSize(1).ofMaxSize(25);
    }
}
