package dev.retention.rules.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LedgerStore} must show. Extend it and implement {@link #newStore()}
 * to return an empty store; each test gets a fresh one.
 */
public abstract class LedgerStoreContract {
    protected static final CustomerId ANNA = CustomerId.of("anna");
    protected static final CustomerId BEN = CustomerId.of("ben");
    protected static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private LedgerStore store;

    /** For subclasses: one per store implementation. */
    protected LedgerStoreContract() {}

    /** A new, empty store. */
    protected abstract LedgerStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    protected static LedgerEntry earn(CustomerId customer, String orderId, Instant at, long points) {
        return new LedgerEntry(customer, Source.of(SourceType.ORDER, orderId), EntryKind.EARN, at, at, points,
                Optional.of(OrderId.of(orderId)), Optional.of(Money.of(points, "USD")));
    }

    protected static LedgerEntry redeem(CustomerId customer, String id, Instant at, long points) {
        return new LedgerEntry(customer, Source.of(SourceType.REDEMPTION, id), EntryKind.REDEEM, at, at, points,
                Optional.empty(), Optional.empty());
    }

    @Test
    void anUnknownCustomerHasNoEntries() {
        assertThat(store.entries(ANNA)).isEmpty();
        assertThat(store.customers()).isEmpty();
    }

    @Test
    void appendStoresAnEntryAndReportsItNew() {
        LedgerEntry entry = earn(ANNA, "o-1", T0, 12);

        assertThat(store.append(entry)).isTrue();

        assertThat(store.entries(ANNA)).containsExactly(entry);
        assertThat(store.customers()).containsExactly(ANNA);
    }

    @Test
    void appendingTheSameKeyAgainKeepsTheFirstEntry() {
        LedgerEntry first = earn(ANNA, "o-1", T0, 12);
        LedgerEntry sameKeyOtherPoints = earn(ANNA, "o-1", T0.plusSeconds(60), 99);

        store.append(first);
        boolean added = store.append(sameKeyOtherPoints);

        assertThat(added).isFalse();
        assertThat(store.entries(ANNA)).containsExactly(first);
    }

    @Test
    void keysAreScopedPerCustomer() {
        assertThat(store.append(earn(ANNA, "o-1", T0, 12))).isTrue();
        assertThat(store.append(earn(BEN, "o-1", T0, 7))).isTrue();

        assertThat(store.entries(ANNA)).extracting(LedgerEntry::points).containsExactly(12L);
        assertThat(store.entries(BEN)).extracting(LedgerEntry::points).containsExactly(7L);
        assertThat(store.customers()).containsExactlyInAnyOrder(ANNA, BEN);
    }

    @Test
    void entriesComeInTimeOrderThenKeyOrderWhateverTheAppendOrder() {
        LedgerEntry late = earn(ANNA, "o-a", T0.plusSeconds(100), 1);
        LedgerEntry earlyB = earn(ANNA, "o-b", T0, 2);
        LedgerEntry earlyA = redeem(ANNA, "r-1", T0, 1);

        store.append(late);
        store.append(earlyB);
        store.append(earlyA);

        // same instant: "ORDER:o-b" sorts before "REDEMPTION:r-1"
        assertThat(store.entries(ANNA)).containsExactly(earlyB, earlyA, late);
    }

    @Test
    void appendAllCountsOnlyNewEntries() {
        store.append(earn(ANNA, "o-1", T0, 1));

        int added = store.appendAll(List.of(earn(ANNA, "o-1", T0, 1), earn(ANNA, "o-2", T0, 2),
                earn(ANNA, "o-2", T0, 2)));

        assertThat(added).isEqualTo(1);
        assertThat(store.entries(ANNA)).hasSize(2);
    }

    @Test
    void returnedListsAreNotAffectedByLaterAppends() {
        store.append(earn(ANNA, "o-1", T0, 1));
        List<LedgerEntry> before = store.entries(ANNA);

        store.append(earn(ANNA, "o-2", T0, 2));

        assertThat(before).hasSize(1);
    }

    @Test
    void concurrentAppendsOfOneKeyStoreExactlyOneEntry() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long points = t + 1;
                results.add(pool.submit(() -> {
                    start.await();
                    int added = 0;
                    for (int i = 0; i < 200; i++) {
                        added += store.append(earn(ANNA, "o-" + i, T0.plusSeconds(i), points)) ? 1 : 0;
                    }
                    return added;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(200);
            assertThat(store.entries(ANNA)).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
