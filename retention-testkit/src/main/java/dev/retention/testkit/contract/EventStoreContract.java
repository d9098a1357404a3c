package dev.retention.testkit.contract;

import static dev.retention.testkit.contract.EventFactory.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.store.EventStore;
import java.time.Instant;
import java.util.Currency;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventStore} must show, as JUnit tests and jqwik properties. Extend it
 * with {@link #newStore()} returning a new, empty store of your implementation; every test and
 * every try of a property gets its own store.
 *
 * <pre>{@code
 * class MyEventStoreTest extends EventStoreContract {
 *     @Override
 *     protected EventStore newStore() {
 *         return new MyEventStore(...);
 *     }
 * }
 * }</pre>
 */
public abstract class EventStoreContract {
    private final EventFactory fixtures = new EventFactory();

    /** For subclasses. */
    protected EventStoreContract() {}

    /**
     * A new, empty store of the implementation under test.
     *
     * @return a store holding no event
     */
    protected abstract EventStore newStore();

    /** Appending is idempotent by event id: the first delivery wins, even if a repeat differs. */
    @Test
    public void appendingTheSameEventIdTwiceStoresItOnce() {
        EventStore store = newStore();
        ProductViewed viewed = fixtures.view("c1", "2026-01-01T10:00:00Z", "p1");
        assertThat(store.append(viewed)).isTrue();
        assertThat(store.append(viewed)).isFalse();
        ProductViewed sameIdOtherContent = new ProductViewed(viewed.eventId(), viewed.customerId(),
                viewed.occurredAt().plusSeconds(5), ProductId.of("p2"));
        assertThat(store.append(sameIdOtherContent)).as("the first delivery wins").isFalse();
        assertThat(store.eventCount()).isEqualTo(1);
        assertThat(store.history(CustomerId.of("c1")).events()).containsExactly(viewed);
    }

    /** Events may arrive in any order; a history is in time order. */
    @Test
    public void eventsArrivingOutOfOrderAreKeptInTimeOrder() {
        EventStore store = newStore();
        CustomerEvent late = fixtures.order("c1", "2026-01-03T00:00:00Z", "30.00");
        CustomerEvent early = fixtures.view("c1", "2026-01-01T00:00:00Z", "p1");
        CustomerEvent middle = fixtures.order("c1", "2026-01-02T00:00:00Z", "20.00");
        assertThat(store.appendAll(List.of(late, early, middle))).isEqualTo(3);
        assertThat(store.history(CustomerId.of("c1")).events()).containsExactly(early, middle, late);
    }

    /** A history handed out is a snapshot: later appends, earlier or later in time, do not change it. */
    @Test
    public void aHistoryIsASnapshotThatLaterAppendsDoNotChange() {
        EventStore store = newStore();
        store.append(fixtures.order("c1", "2026-01-02T00:00:00Z", "20.00"));
        CustomerHistory before = store.history(CustomerId.of("c1"));
        store.append(fixtures.order("c1", "2026-01-03T00:00:00Z", "30.00"));
        store.append(fixtures.order("c1", "2026-01-01T00:00:00Z", "10.00"));
        for (int i = 0; i < 20; i++) {
            store.append(fixtures.view("c1", "2026-01-0" + (1 + i % 5) + "T00:00:00Z", "p" + i));
        }
        assertThat(before.orderCount()).isEqualTo(1);
        assertThat(before.viewCount()).isZero();
        assertThat(before.firstOrderAt()).contains(at("2026-01-02T00:00:00Z"));
        assertThat(store.history(CustomerId.of("c1")).orderCount()).isEqualTo(3);
    }

    /** A customer without events has an empty history, not an error, and is not listed. */
    @Test
    public void anUnknownCustomerHasAnEmptyHistory() {
        EventStore store = newStore();
        CustomerHistory history = store.history(CustomerId.of("nobody"));
        assertThat(history.isEmpty()).isTrue();
        assertThat(history.customerId()).isEqualTo(CustomerId.of("nobody"));
        assertThat(store.customerIds()).isEmpty();
    }

    /** The store lists its customers, counts customers and events, and streams histories (in parallel too). */
    @Test
    public void listsCustomersAndStreamsTheirHistories() {
        EventStore store = newStore();
        store.append(fixtures.view("c1", "2026-01-01T00:00:00Z", "p1"));
        store.append(fixtures.view("c2", "2026-01-01T00:00:00Z", "p1"));
        store.append(fixtures.order("c2", "2026-01-02T00:00:00Z", "5.00"));
        assertThat(store.customerIds()).containsExactlyInAnyOrder(CustomerId.of("c1"), CustomerId.of("c2"));
        assertThat(store.customerCount()).isEqualTo(2);
        assertThat(store.eventCount()).isEqualTo(3);
        Map<CustomerId, Integer> counts = store.histories().parallel()
                .collect(Collectors.toMap(CustomerHistory::customerId, CustomerHistory::eventCount));
        assertThat(counts).containsEntry(CustomerId.of("c1"), 1).containsEntry(CustomerId.of("c2"), 2);
    }

    /**
     * A bulk read gives what mapping the histories gives, sequential or parallel, and leaves out an
     * erased customer.
     */
    @Test
    public void readHistoriesGivesWhatMappingTheHistoriesGives() {
        EventStore store = newStore();
        store.append(fixtures.view("c1", "2026-01-01T00:00:00Z", "p1"));
        store.append(fixtures.view("c2", "2026-01-01T00:00:00Z", "p1"));
        store.append(fixtures.order("c2", "2026-01-02T00:00:00Z", "5.00"));
        store.append(fixtures.view("c3", "2026-01-03T00:00:00Z", "p2"));
        store.erase(CustomerId.of("c3"));
        Map<CustomerId, List<CustomerEvent>> expected = store.histories()
                .collect(Collectors.toMap(CustomerHistory::customerId, CustomerHistory::events));
        assertThat(expected).containsOnlyKeys(CustomerId.of("c1"), CustomerId.of("c2"));
        Map<CustomerId, List<CustomerEvent>> read = store.readHistories(h -> Map.entry(h.customerId(), h.events()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<CustomerId, List<CustomerEvent>> readInParallel = store.readHistories(
                h -> Map.entry(h.customerId(), h.events())).parallel()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(read).isEqualTo(expected);
        assertThat(readInParallel).isEqualTo(expected);
    }

    /**
     * Appends from several threads to the same customers lose nothing and store a repeated event once.
     *
     * @throws Exception if a writer thread fails or does not finish within a minute
     */
    @Test
    public void concurrentAppendsFromSeveralThreadsLoseNothing() throws Exception {
        EventStore store = newStore();
        int threads = 4;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        // every thread writes to every customer, and repeats a shared event
                        String customer = "c" + (i % 7);
                        Instant when = Instant.parse("2026-01-01T00:00:00Z").plusSeconds((i * 37L) % 1000);
                        store.append(new ProductViewed("t" + thread + "-" + i, CustomerId.of(customer), when,
                                ProductId.of("p" + (i % 13))));
                        store.append(new ProductViewed("shared-" + i, CustomerId.of(customer), when,
                                ProductId.of("p0")));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.eventCount()).isEqualTo((long) threads * perThread + perThread);
        long stored = store.histories().mapToLong(CustomerHistory::eventCount).sum();
        assertThat(stored).isEqualTo(store.eventCount());
        for (CustomerHistory h : store.histories().toList()) {
            List<Instant> times = h.events().stream().map(CustomerEvent::occurredAt).toList();
            assertThat(times).isSortedAccordingTo(Comparator.naturalOrder());
        }
    }

    /** A refund that would take back more than its order is refused, naming the event and the amounts; nothing of it is stored. */
    @Test
    public void aRefundThatWouldTakeBackMoreThanItsOrderIsRefusedAndNothingOfItStored() {
        EventStore store = newStore();
        CustomerId c1 = CustomerId.of("c1");
        OrderPlaced order = fixtures.order("c1", "2026-01-01T00:00:00Z", "10.00");
        OrderRefunded part = fixtures.refund(order, "2026-01-02T00:00:00Z", "6.00");
        OrderRefunded tooMuch = fixtures.refund(order, "2026-01-03T00:00:00Z", "4.01");
        OrderRefunded rest = fixtures.refund(order, "2026-01-04T00:00:00Z", "4.00");
        assertThat(store.appendAll(List.of(order, part))).isEqualTo(2);
        assertThatThrownBy(() -> store.append(tooMuch)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(tooMuch.eventId()).hasMessageContaining("4.01 USD")
                .hasMessageContaining(order.orderId().value()).hasMessageContaining("10.00 USD");
        assertThat(store.append(rest)).as("the whole order may come back").isTrue();
        assertThat(store.eventCount()).isEqualTo(3);
        assertThat(store.history(c1).events()).containsExactly(order, part, rest);
        assertThat(store.history(c1).netSpendAsOf(Currency.getInstance("USD"), at("2026-02-01T00:00:00Z")).isZero())
                .isTrue();
    }

    /** Refunds may arrive before their order, but an order smaller than the refunds already stored for it is refused. */
    @Test
    public void anOrderSmallerThanTheRefundsAlreadyStoredForItIsRefused() {
        EventStore store = newStore();
        OrderPlaced small = fixtures.order("c1", "2026-01-01T00:00:00Z", "10.00");
        OrderRefunded early = new OrderRefunded("r-early", small.customerId(), at("2026-01-02T00:00:00Z"),
                small.orderId(), Money.parse("30.00", "USD"));
        assertThat(store.append(early)).as("events may arrive before their order").isTrue();
        assertThatThrownBy(() -> store.append(small)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(small.eventId()).hasMessageContaining("30.00 USD")
                .hasMessageContaining("10.00 USD");
        assertThat(store.history(small.customerId()).events()).containsExactly(early);
    }

    /** A refund in another currency than its order is refused. */
    @Test
    public void aRefundInAnotherCurrencyThanItsOrderIsRefused() {
        EventStore store = newStore();
        OrderPlaced order = fixtures.order("c1", "2026-01-01T00:00:00Z", "10.00");
        store.append(order);
        OrderRefunded euros = new OrderRefunded("r-eur", order.customerId(), at("2026-01-02T00:00:00Z"),
                order.orderId(), Money.parse("1.00", "EUR"));
        assertThatThrownBy(() -> store.append(euros)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r-eur").hasMessageContaining("EUR");
        assertThat(store.eventCount()).isEqualTo(1);
    }

    /** An event that would overflow the customer's running money totals in a currency is refused; the customer goes on. */
    @Test
    public void anEventThatWouldOverflowTheCustomersMoneyTotalsIsRefusedAndNothingOfItStored() {
        EventStore store = newStore();
        CustomerId whale = CustomerId.of("whale");
        Money half = Money.ofMinor(Long.MAX_VALUE / 2 + 1, Currency.getInstance("USD")); // ~4.6e16 USD
        OrderPlaced first = new OrderPlaced("whale-o-1", whale, at("2026-01-01T00:00:00Z"), OrderId.of("1"), List.of(), half);
        OrderPlaced second = new OrderPlaced("whale-o-2", whale, at("2026-01-02T00:00:00Z"), OrderId.of("2"), List.of(), half);
        assertThat(store.append(first)).isTrue();
        assertThatThrownBy(() -> store.append(second)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whale-o-2").hasMessageContaining(half.toString()).hasMessageContaining("overflow");
        // refunds of orders the store has not seen add up on their own
        OrderRefunded r1 = new OrderRefunded("whale-r-1", whale, at("2026-01-03T00:00:00Z"), OrderId.of("x"), half);
        OrderRefunded r2 = new OrderRefunded("whale-r-2", whale, at("2026-01-04T00:00:00Z"), OrderId.of("y"), half);
        assertThat(store.append(r1)).isTrue();
        assertThatThrownBy(() -> store.append(r2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whale-r-2").hasMessageContaining(half.toString());
        OrderPlaced small = fixtures.order("whale", "2026-01-05T00:00:00Z", "1.00");
        assertThat(store.append(small)).as("the customer goes on").isTrue();
        store.append(fixtures.order("c2", "2026-01-05T00:00:00Z", "1.00"));
        assertThat(store.history(whale).events()).containsExactly(first, r1, small);
        assertThat(store.history(whale).grossSpend(Currency.getInstance("USD"), Instant.EPOCH, at("2026-02-01T00:00:00Z")))
                .isEqualTo(half.plus(small.total()));
        assertThat(store.eventCount()).isEqualTo(4);
    }

    /**
     * Whatever the arrival order and the repeats, the same set of events gives the same histories
     * (ties in time broken by event id), each in time order.
     *
     * @param events events of every kind with distinct ids per customer
     * @param seed the shuffle and the choice of repeats
     */
    @Property(tries = 150)
    public void anyPermutationWithRepeatsYieldsTheSameHistories(
            @ForAll("eventSets") List<CustomerEvent> events, @ForAll long seed) {
        EventStore inOrder = newStore();
        inOrder.appendAll(events);
        EventStore shuffled = newStore();
        shuffled.appendAll(EventArbitraries.shuffledWithRepeats(events, seed));

        assertThat(shuffled.eventCount()).isEqualTo(events.size());
        assertThat(snapshot(shuffled)).isEqualTo(snapshot(inOrder));
        for (List<CustomerEvent> history : snapshot(inOrder).values()) {
            assertThat(history).isSortedAccordingTo(Comparator.comparing(CustomerEvent::occurredAt));
        }
    }

    /**
     * Erasing a customer removes every event of theirs and nothing of anyone else's; the store then
     * answers as if it had never seen them, and a repeat of an erased event starts a new customer.
     */
    @Test
    public void erasingACustomerRemovesTheirEventsAndOnlyTheirs() {
        EventStore store = newStore();
        ProductViewed viewed = fixtures.view("c1", "2026-01-01T10:00:00Z", "p1");
        OrderPlaced order = fixtures.order("c1", "2026-01-02T10:00:00Z", "30.00");
        store.append(viewed);
        store.append(order);
        store.append(fixtures.refund(order, "2026-01-03T10:00:00Z", "30.00"));
        ProductViewed other = fixtures.view("c2", "2026-01-01T11:00:00Z", "p1");
        store.append(other);
        CustomerHistory before = store.history(CustomerId.of("c1"));

        assertThat(store.erase(CustomerId.of("c1"))).isEqualTo(3);

        assertThat(store.history(CustomerId.of("c1")).events()).isEmpty();
        assertThat(store.customerIds()).containsExactly(CustomerId.of("c2"));
        assertThat(store.histories()).extracting(CustomerHistory::customerId).containsExactly(CustomerId.of("c2"));
        assertThat(store.eventCount()).isEqualTo(1);
        assertThat(store.customerCount()).isEqualTo(1);
        assertThat(store.history(CustomerId.of("c2")).events()).containsExactly(other);
        assertThat(before.events()).as("a history handed out before is a snapshot").hasSize(3);
        assertThat(store.erase(CustomerId.of("c1"))).as("nothing left to erase").isZero();
        assertThat(store.erase(CustomerId.of("never-seen"))).isZero();

        assertThat(store.append(viewed)).as("a repeat of an erased event starts a new customer").isTrue();
        assertThat(store.history(CustomerId.of("c1")).events()).containsExactly(viewed);
        assertThat(store.history(CustomerId.of("c1")).refundedAmount(order.orderId()))
                .as("the erased refunds are forgotten too").isEmpty();
    }

    /**
     * Erasing one customer of any event set leaves the store as if that customer's events had never come.
     *
     * @param events up to 40 events over three customers, from {@link #eventSets}; the first one's customer is erased
     */
    @Property(tries = 60)
    public void erasingOneCustomerLeavesTheOthersAsIfTheyHadBeenAlone(
            @ForAll("eventSets") List<CustomerEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        CustomerId erased = events.get(0).customerId();
        EventStore store = newStore();
        store.appendAll(events);
        EventStore without = newStore();
        without.appendAll(events.stream().filter(e -> !e.customerId().equals(erased)).toList());

        long removed = store.erase(erased);

        assertThat(removed).isEqualTo(events.stream().filter(e -> e.customerId().equals(erased)).count());
        assertThat(snapshot(store)).isEqualTo(snapshot(without));
        assertThat(store.eventCount()).isEqualTo(without.eventCount());
        assertThat(store.customerCount()).isEqualTo(without.customerCount());
    }

    /**
     * The event sets {@link #anyPermutationWithRepeatsYieldsTheSameHistories} draws from: up to 40
     * events of every kind over three customers, on a coarse time grid so that ties are common.
     *
     * @return the generator
     */
    @Provide
    public Arbitrary<List<CustomerEvent>> eventSets() {
        return EventArbitraries.eventSets();
    }

    private static Map<CustomerId, List<CustomerEvent>> snapshot(EventStore store) {
        return store.histories().collect(Collectors.toMap(CustomerHistory::customerId, CustomerHistory::events));
    }
}
