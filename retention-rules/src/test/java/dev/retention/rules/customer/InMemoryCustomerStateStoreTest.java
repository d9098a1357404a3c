package dev.retention.rules.customer;

import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.loyalty.EntryKind;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.LedgerSnapshot;
import dev.retention.rules.loyalty.Source;
import dev.retention.rules.loyalty.SourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The native in-memory seam under threads racing for one customer: every update is one step
 * (what it read is still true when it writes), a read never sees half an update, and an erasure
 * falls between updates, never inside one.
 */
class InMemoryCustomerStateStoreTest {
    private static final CustomerId ANNA = CustomerId.of("anna");
    private static final Instant T = Instant.parse("2026-01-01T08:00:00Z");
    private static final int THREADS = 8;
    private static final int UPDATES = 300;

    private final CustomerStateStore store = CustomerStateStore.inMemory();

    private static LedgerEntry earn(String key, long points) {
        return new LedgerEntry(ANNA, Source.of(SourceType.BONUS, key), EntryKind.EARN, T, T, points,
                Optional.empty(), Optional.empty());
    }

    @Test
    void trimmingReleasesSpareCapacityAndKeepsHistoriesAndLaterAppends() {
        InMemoryCustomerStateStore seam = new InMemoryCustomerStateStore();
        List<ProductViewed> views = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            views.add(view(ANNA, "p" + i, T.plusSeconds(60L * i)));
            seam.events().append(views.get(i));
        }
        var before = seam.events().history(ANNA);
        long untrimmed = seam.columnBytes();
        seam.trimToSize();
        assertThat(seam.columnBytes()).isLessThan(untrimmed);
        seam.events().append(view(ANNA, "early", T.minusSeconds(60)));
        seam.events().append(view(ANNA, "late", T.plusSeconds(3600)));
        assertThat(before.events()).hasSize(10);
        assertThat(seam.events().history(ANNA).events()).hasSize(12)
                .first().extracting(e -> ((ProductViewed) e).productId()).isEqualTo(ProductId.of("early"));
        assertThat(seam.events().append(views.get(3))).as("a duplicate id is still found").isFalse();
    }

    /**
     * Each update reads the ledger's version and appends one entry if it is still that version,
     * and one event: no update may find its version taken by another thread, and events and
     * ledger entries grow in lockstep in every read.
     */
    @Test
    void threadsUpdatingOneCustomerEachSeeTheirOwnStep() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> inconsistencies = new ArrayList<>();
        List<Callable<Integer>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(() -> {
                int lost = 0;
                for (int i = 0; i < UPDATES; i++) {
                    int step = i;
                    String key = thread + "-" + i;
                    boolean appended = store.update(ANNA, () -> {
                        LedgerSnapshot before = store.ledger().snapshot(ANNA);
                        store.events().append(view(ANNA, "p" + step, T.plusSeconds(step)));
                        return store.ledger().appendIfVersion(ANNA, before.version(), List.of(earn(key, 1)));
                    });
                    lost += appended ? 0 : 1;
                }
                return lost;
            });
        }
        Callable<Integer> reader = () -> {
            int reads = 0;
            while (!stop.get()) {
                CustomerState state = store.read(ANNA);
                if (state.history().eventCount() != state.ledger().entries().size()) {
                    synchronized (inconsistencies) {
                        inconsistencies.add(state.history().eventCount() + " events, "
                                + state.ledger().entries().size() + " ledger entries");
                    }
                }
                reads++;
            }
            return reads;
        };
        int lost = 0;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            Future<Integer> reads = pool.submit(reader);
            for (Future<Integer> done : pool.invokeAll(work)) {
                lost += done.get();
            }
            stop.set(true);
            assertThat(reads.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(lost).as("updates whose version was taken by another thread").isZero();
        assertThat(inconsistencies).as("reads that saw half an update").isEmpty();
        CustomerState state = store.read(ANNA);
        assertThat(state.history().eventCount()).isEqualTo(THREADS * UPDATES);
        assertThat(state.ledger().version()).isEqualTo(THREADS * UPDATES);
        assertThat(store.events().eventCount()).isEqualTo(THREADS * UPDATES);
    }

    /**
     * Updates that append an event and a ledger entry race with erasures of the same customer:
     * whatever survives has as many events as ledger entries, and the counters agree with it.
     */
    @Test
    void erasuresRacingWithUpdatesNeverSplitAnUpdate() throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(() -> {
                start.await();
                for (int i = 0; i < UPDATES; i++) {
                    if (thread == 0 && i % 10 == 0) {
                        Erasure erased = store.erase(ANNA);
                        assertThat(erased.events()).isEqualTo(erased.ledgerEntries());
                        continue;
                    }
                    String key = thread + "-" + i;
                    Instant at = T.plusSeconds(i);
                    store.update(ANNA, () -> {
                        store.profiles().put(CustomerProfile.builder(ANNA).email("anna@example.com").build());
                        store.events().append(new ProductViewed("v-" + key, ANNA, at, ProductId.of("p")));
                        return store.ledger().append(earn(key, 1));
                    });
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        CustomerState state = store.read(ANNA);
        assertThat(state.history().eventCount()).isEqualTo(state.ledger().entries().size());
        assertThat(store.events().eventCount()).isEqualTo(state.history().eventCount());
        assertThat(store.events().customerCount()).isEqualTo(state.history().isEmpty() ? 0 : 1);
        assertThat(store.profiles().size()).isEqualTo(state.profile().isPresent() ? 1 : 0);
    }

    /** An update that changes nothing leaves nothing behind: the customer stays unknown. */
    @Test
    void anUpdateOfAnUnknownCustomerThatWritesNothingKeepsNothing() {
        assertThat(store.update(ANNA, () -> store.read(ANNA).isEmpty())).isTrue();

        assertThat(store.read(ANNA).isEmpty()).isTrue();
        assertThat(store.events().customerIds()).isEmpty();
        assertThat(store.profiles().profiles()).isEmpty();
        assertThat(store.ledger().customers()).isEmpty();
    }

    /**
     * An erasure inside an update of the same customer empties the customer at once, and what the
     * update writes after it belongs to the new customer of that id.
     */
    @Test
    void anErasureInsideAnUpdateStartsANewCustomer() {
        ProductViewed viewed = new ProductViewed("v-1", ANNA, T, ProductId.of("p1"));
        store.events().append(viewed);
        store.ledger().append(earn("old", 5));

        long after = store.update(ANNA, () -> {
            Erasure erased = store.erase(ANNA);
            assertThat(erased.events()).isEqualTo(1);
            assertThat(store.read(ANNA).isEmpty()).isTrue();
            store.events().append(viewed); // the same event id: new to the new customer
            return store.events().history(ANNA).eventCount();
        });

        assertThat(after).isEqualTo(1);
        assertThat(store.read(ANNA).ledger().entries()).isEmpty();
        assertThat(store.events().eventCount()).isEqualTo(1);
        assertThat(store.events().customerCount()).isEqualTo(1);
    }
}
