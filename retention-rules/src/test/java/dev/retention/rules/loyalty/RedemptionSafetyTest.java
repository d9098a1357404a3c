package dev.retention.rules.loyalty;

import static dev.retention.rules.loyalty.Fixtures.ANNA;
import static dev.retention.rules.loyalty.Fixtures.at;
import static dev.retention.rules.loyalty.Fixtures.realistic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue #17: a redemption never spends points that a redemption already recorded needs, whatever its instant. */
class RedemptionSafetyTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private static PointsProgram spendAtOnce() {
        return realistic().returnWindow(Duration.ZERO).minimumRedemption(1).build();
    }

    @Test
    void aRedemptionDatedBeforeARecordedOneCannotSpendItsPointsAgain() {
        PointsLedger ledger = PointsLedger.of(spendAtOnce(), new InMemoryLedgerStore());
        ledger.adjust(ANNA, "goodwill-1", 200, T0);
        ledger.redeem(ANNA, "checkout-B", 200, T0.plusSeconds(10));

        assertThatThrownBy(() -> ledger.redeem(ANNA, "checkout-A", 200, T0.plusSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkout-A");

        LedgerStatement s = ledger.statement(ANNA, T0.plusSeconds(60));
        assertThat(s.totals().redeemed()).isEqualTo(200);
        assertThat(s.totals().shortfall()).isZero();
        assertThat(ledger.entries(ANNA)).extracting(e -> e.source().id()).containsExactly("goodwill-1", "checkout-B");
    }

    @Test
    void anEarlierRedemptionMaySpendPointsThatWouldExpireBeforeTheRecordedOneButNoMore() {
        PointsLedger ledger = PointsLedger.of(spendAtOnce(), new InMemoryLedgerStore());
        ledger.adjust(ANNA, "a", 100, at("2025-01-01"));                // expires 2026-01-01
        ledger.adjust(ANNA, "b", 100, at("2025-12-01"));                // expires 2026-12-01
        ledger.redeem(ANNA, "late", 100, at("2026-02-01"));             // only b is left by then

        // 101 at 2025-12-15 takes a and 1 of b: "late" would find 99
        assertThatThrownBy(() -> ledger.redeem(ANNA, "early-101", 101, at("2025-12-15")))
                .isInstanceOf(IllegalArgumentException.class);
        // 100 takes only a, which would have expired unused
        ledger.redeem(ANNA, "early-100", 100, at("2025-12-15"));

        LedgerStatement s = ledger.statement(ANNA, at("2026-03-01"));
        assertThat(s.totals().redeemed()).isEqualTo(200);
        assertThat(s.totals().expired()).isZero();
        assertThat(s.totals().shortfall()).isZero();
        assertThat(s.balance().total()).isZero();
    }

    @Test
    void sixteenThreadsAtScatteredInstantsSpendAThousandPointsInExactlyTenRedemptions() throws Exception {
        PointsLedger ledger = PointsLedger.of(spendAtOnce(), new InMemoryLedgerStore());
        ledger.adjust(ANNA, "goodwill-1", 1000, T0);
        // later threads redeem at earlier instants, so arrival order and time order disagree
        List<Boolean> outcomes = runConcurrently(16, i -> ledger.redeem(ANNA, "checkout-" + i, 100,
                T0.plusSeconds(100 - i)));

        assertThat(outcomes.stream().filter(ok -> ok).count()).isEqualTo(10);
        LedgerStatement s = ledger.statement(ANNA, T0.plusSeconds(200));
        assertThat(s.totals().redeemed()).isEqualTo(1000);
        assertThat(s.totals().shortfall()).isZero();
        assertThat(s.balance().total()).isZero();
    }

    @Test
    void twoLedgersOverOneStoreCannotBothSpendTheSamePoints() throws Exception {
        InMemoryLedgerStore shared = new InMemoryLedgerStore();
        // both ledgers read the customer's entries before either appends: the race of two shop JVMs
        LedgerStore gated = new ReadTogetherStore(shared, 2);
        PointsLedger shopA = PointsLedger.of(spendAtOnce(), gated);
        PointsLedger shopB = PointsLedger.of(spendAtOnce(), gated);
        shopA.adjust(ANNA, "goodwill-1", 100, T0);

        List<Boolean> outcomes = runConcurrently(2, i -> (i == 0 ? shopA : shopB)
                .redeem(ANNA, "checkout-" + i, 100, T0.plusSeconds(10)));

        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        assertThat(PointsLedger.of(spendAtOnce(), shared).statement(ANNA, T0.plusSeconds(60)).totals().redeemed())
                .isEqualTo(100);
    }

    @Test
    void oneRedemptionIdFromTwoLedgersAtOnceIsChargedOnceAndBothSeeTheSameResult() throws Exception {
        InMemoryLedgerStore shared = new InMemoryLedgerStore();
        LedgerStore gated = new ReadTogetherStore(shared, 2);
        PointsLedger shopA = PointsLedger.of(spendAtOnce(), gated);
        PointsLedger shopB = PointsLedger.of(spendAtOnce(), gated);
        shopA.adjust(ANNA, "goodwill-1", 300, T0);
        List<Redemption> results = Arrays.asList(new Redemption[2]);

        List<Boolean> outcomes = runConcurrently(2, i -> results.set(i,
                (i == 0 ? shopA : shopB).redeem(ANNA, "checkout-7", 150, T0.plusSeconds(10 + i))));

        assertThat(outcomes).containsExactly(true, true);
        assertThat(results.get(0)).isEqualTo(results.get(1));
        assertThat(shared.entries(ANNA)).hasSize(2);
        assertThat(PointsLedger.of(spendAtOnce(), shared).balance(ANNA, T0.plusSeconds(60)).total()).isEqualTo(150);
    }

    interface Attempt {
        void run(int thread);
    }

    /** Runs {@code attempt} on {@code threads} threads released together; true where it did not throw IAE. */
    static List<Boolean> runConcurrently(int threads, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        attempt.run(thread);
                        return true;
                    } catch (IllegalArgumentException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            List<Boolean> out = new ArrayList<>();
            for (Future<Boolean> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A store whose first read by each of {@code parties} threads waits until all of them have read:
     * every thread decides on the same entries, as two shop JVMs reading one database at once would.
     */
    static final class ReadTogetherStore implements LedgerStore {
        private final LedgerStore delegate;
        private final CyclicBarrier barrier;
        private final Thread owner = Thread.currentThread();
        private final Set<Thread> passed = ConcurrentHashMap.newKeySet();

        ReadTogetherStore(LedgerStore delegate, int parties) {
            this.delegate = delegate;
            this.barrier = new CyclicBarrier(parties);
        }

        private void awaitOthersOnFirstRead() {
            if (Thread.currentThread() != owner && passed.add(Thread.currentThread())) {
                try {
                    barrier.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other reader never came", e);
                }
            }
        }

        @Override
        public boolean append(LedgerEntry entry) {
            return delegate.append(entry);
        }

        @Override
        public boolean appendIfVersion(CustomerId customerId, long expectedVersion, List<LedgerEntry> entries) {
            return delegate.appendIfVersion(customerId, expectedVersion, entries);
        }

        @Override
        public LedgerSnapshot snapshot(CustomerId customerId) {
            LedgerSnapshot read = delegate.snapshot(customerId);
            awaitOthersOnFirstRead();
            return read;
        }

        @Override
        public Set<CustomerId> customers() {
            return delegate.customers();
        }
    }
}
