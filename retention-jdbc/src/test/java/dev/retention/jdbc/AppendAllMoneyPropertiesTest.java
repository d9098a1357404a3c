package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.EventStore;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.customer.CustomerStateSink;
import dev.retention.rules.loyalty.LedgerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@code appendAll} checks its orders and refunds in one batch per run; {@code append} checks each
 * with a query. Fed the same events (some stored before, duplicates, refunds above the order's
 * total, refunds before their order, a second currency for an order, totals that would overflow),
 * both store the same events and refuse the same one with the same message.
 */
class AppendAllMoneyPropertiesTest {
    private static final Instant T = Instant.parse("2026-03-02T12:00:00Z");
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    private static final JdbcCustomerStateStore STATE = Databases.newPostgresStore();
    private static final EventStore STORE = STATE.events();

    /** One event to make: its kind, order, currency and amount (the customer and the ids come later). */
    record Step(int kind, int order, int currency, long minor, int id) {}

    @Property(tries = 60)
    void appendAllStoresAndRefusesAsAppendOneByOne(@ForAll("steps") List<Step> before,
            @ForAll("steps") List<Step> steps) {
        CustomerId single = CustomerId.of("single-" + CUSTOMERS.incrementAndGet());
        CustomerId batch = CustomerId.of("batch-" + CUSTOMERS.incrementAndGet());
        oneByOne(events(single, before)); // stored before: the batch's checks read them
        oneByOne(events(batch, before));

        Optional<String> singleRefusal = oneByOne(events(single, steps));
        Optional<String> batchRefusal;
        try {
            STORE.appendAll(events(batch, steps));
            batchRefusal = Optional.empty();
        } catch (IllegalArgumentException e) {
            batchRefusal = Optional.of(e.getMessage());
        }

        assertThat(batchRefusal.map(m -> m.replace(batch.value(), "C")))
                .isEqualTo(singleRefusal.map(m -> m.replace(single.value(), "C")));
        assertThat(stored(batch)).isEqualTo(stored(single));
    }

    /** The stored events as the export hands them over, row by row, by id and amount. */
    private static List<String> stored(CustomerId customer) {
        List<String> out = new ArrayList<>();
        STATE.exportTo(customer, new CustomerStateSink() {
            @Override
            public void event(CustomerEvent event) {
                out.add(event.eventId() + " " + (event instanceof OrderPlaced o ? o.total()
                        : event instanceof OrderRefunded r ? r.amount() : ""));
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

    /** Appends one at a time up to the first refusal; its message, if any. */
    private static Optional<String> oneByOne(List<CustomerEvent> events) {
        for (CustomerEvent e : events) {
            try {
                STORE.append(e);
            } catch (IllegalArgumentException refusal) {
                return Optional.of(refusal.getMessage());
            }
        }
        return Optional.empty();
    }

    private static List<CustomerEvent> events(CustomerId customer, List<Step> steps) {
        List<CustomerEvent> out = new ArrayList<>();
        for (Step s : steps) {
            Instant at = T.plusSeconds(s.id());
            OrderId order = OrderId.of("order-" + s.order());
            Money amount = Money.ofMinor(s.minor(), Currency.getInstance(s.currency() == 0 ? "EUR" : "USD"));
            out.add(switch (s.kind()) {
                case 0 -> new ProductViewed("v-" + s.id(), customer, at, ProductId.of("p"));
                case 1 -> new OrderPlaced("o-" + s.id(), customer, at, order, List.of(), amount);
                default -> new OrderRefunded("r-" + s.id(), customer, at, order, // a refund takes something
                        Money.ofMinor(Math.max(1, s.minor()), amount.currency()));
            });
        }
        return out;
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Long> minor = Arbitraries.oneOf(Arbitraries.longs().between(0, 10_000),
                Arbitraries.longs().between(Long.MAX_VALUE / 2 - 5_000, Long.MAX_VALUE / 2 + 5_000));
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3),
                        Arbitraries.frequency(Tuple.of(9, 0), Tuple.of(1, 1)),
                        minor, Arbitraries.integers().between(0, 40))
                .as(Step::new)
                .list().ofMaxSize(25);
    }
}
