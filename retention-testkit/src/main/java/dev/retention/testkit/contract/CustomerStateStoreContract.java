package dev.retention.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Erasure;
import dev.retention.rules.loyalty.LedgerEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CustomerStateStore} (the per-customer seam) must show, whether it
 * composes separate stores or keeps each customer's state natively. Extend it with
 * {@link #newStore()} returning a new, empty seam; the per-kind stores behind it should pass their
 * own contract suites as well.
 */
public abstract class CustomerStateStoreContract {
    private static final CustomerId ANNA = CustomerId.of("anna");
    private static final CustomerId BOB = CustomerId.of("bob");
    private static final Instant T = Instant.parse("2026-01-01T08:00:00Z");

    /** For subclasses. */
    protected CustomerStateStoreContract() {}

    /**
     * A new, empty seam of the implementation under test.
     *
     * @return a seam whose stores hold nothing
     */
    protected abstract CustomerStateStore newStore();

    private static ProductViewed view(CustomerId customer, String eventId, Instant at) {
        return new ProductViewed(eventId, customer, at, ProductId.of("p1"));
    }

    private static void fill(CustomerStateStore store, CustomerId customer) {
        store.events().append(view(customer, "v-1", T));
        store.events().append(view(customer, "v-2", T.plusSeconds(1)));
        store.profiles().put(CustomerProfile.builder(customer).email(customer.value() + "@example.com").build());
        store.fireLog().record(FireLogContract.pending("k-" + customer.value(), customer, T));
        store.ledger().append(LedgerStoreContract.earn(customer, "o-1", T, 10));
    }

    /** {@code read} serves every part of one customer's state, and nothing of anyone else's. */
    @Test
    public void readServesEveryPartOfOneCustomer() {
        CustomerStateStore store = newStore();
        fill(store, ANNA);
        fill(store, BOB);

        CustomerState anna = store.read(ANNA);

        assertThat(anna.customerId()).isEqualTo(ANNA);
        assertThat(anna.history().events()).extracting(e -> e.eventId()).containsExactly("v-1", "v-2");
        assertThat(anna.profile().orElseThrow().email()).contains("anna@example.com");
        assertThat(anna.decisions()).extracting(FireEntry::key).containsExactly("k-anna");
        assertThat(anna.ledger().entries()).extracting(LedgerEntry::customerId).containsExactly(ANNA);
        assertThat(anna.isEmpty()).isFalse();
        assertThat(store.read(CustomerId.of("nobody")).isEmpty()).isTrue();
    }

    /**
     * Changes of one customer made through {@code update} are serialised: each of many concurrent
     * updates reads the history, gives the other threads the processor, and appends the event
     * numbered after what it read, so two updates running at once are seen inside together and
     * number two events alike (one is lost).
     *
     * @throws Exception if an updating thread fails or the pool does not stop within 30 seconds
     */
    @Test
    public void updatesOfOneCustomerRunOneAtATime() throws Exception {
        CustomerStateStore store = newStore();
        int threads = 8;
        int perThread = 50;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        store.update(ANNA, () -> {
                            int n = store.events().history(ANNA).eventCount();
                            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            for (int y = 0; y < 4; y++) {
                                Thread.yield(); // an unheld customer lets the next thread in here
                            }
                            inside.decrementAndGet();
                            return store.events().append(view(ANNA, "e-" + n, T.plusSeconds(n)));
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(mostInside).as("changes of one customer running at once").hasValue(1);
        assertThat(store.events().history(ANNA).eventCount()).isEqualTo(threads * perThread);
    }

    /**
     * A {@code read} never falls between two changes one {@code update} makes to two stores: while
     * one thread appends an event and a ledger entry per update, every read finds as many ledger
     * entries as events.
     *
     * @throws Exception if the writing thread fails or the pool does not stop within 30 seconds
     */
    @Test
    public void aReadSeesAnUpdateWholeOrNotAtAll() throws Exception {
        CustomerStateStore store = newStore();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < 300; i++) {
                        int n = i;
                        store.update(ANNA, () -> {
                            store.events().append(view(ANNA, "e-" + n, T.plusSeconds(n)));
                            return store.ledger().append(LedgerStoreContract.earn(ANNA, "o-" + n, T.plusSeconds(n), 1));
                        });
                    }
                } finally {
                    writing.set(false); // a failing writer ends the reads too; writer.get() then reports it
                }
            });
            int reads = 0;
            while (writing.get() || reads == 0) {
                CustomerState state = store.read(ANNA);
                assertThat(state.ledger().entries()).as("ledger entries beside events in one read")
                        .hasSize(state.history().eventCount());
                reads++;
            }
            writer.get();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(store.read(ANNA).history().eventCount()).isEqualTo(300);
    }

    /** A change may read and update its own customer again (the hold is re-entrant). */
    @Test
    public void anUpdateMayReadAndUpdateItsOwnCustomer() {
        CustomerStateStore store = newStore();
        fill(store, ANNA);

        int events = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> store.update(ANNA, () -> store.update(ANNA, () -> store.read(ANNA).history().eventCount())));

        assertThat(events).isEqualTo(2);
    }

    /**
     * {@code erase} removes every trace of one customer from every store, says what it removed,
     * leaves everyone else alone, and a later event from the same id starts a new customer.
     */
    @Test
    public void eraseRemovesEveryTraceOfOneCustomer() {
        CustomerStateStore store = newStore();
        fill(store, ANNA);
        fill(store, BOB);

        Erasure erased = store.erase(ANNA);

        assertThat(erased).isEqualTo(new Erasure(2, 1, 1, 1));
        assertThat(store.read(ANNA).isEmpty()).isTrue();
        assertThat(store.events().customerIds()).containsExactly(BOB);
        assertThat(store.profiles().profiles()).extracting(CustomerProfile::customerId).containsExactly(BOB);
        assertThat(store.fireLog().entries()).extracting(FireEntry::customerId).containsExactly(BOB);
        assertThat(store.fireLog().find("k-anna")).isEmpty();
        assertThat(store.ledger().customers()).containsExactly(BOB);
        CustomerState bob = store.read(BOB);
        assertThat(bob.history().eventCount()).isEqualTo(2);
        assertThat(bob.profile()).isPresent();
        assertThat(bob.decisions()).hasSize(1);
        assertThat(bob.ledger().entries()).hasSize(1);
        assertThat(store.erase(ANNA).total()).as("nothing left to erase").isZero();

        assertThat(store.events().append(view(ANNA, "v-1", T))).as("a repeat of an erased event is new").isTrue();
        assertThat(store.read(ANNA).history().eventCount()).isEqualTo(1);
    }
}
