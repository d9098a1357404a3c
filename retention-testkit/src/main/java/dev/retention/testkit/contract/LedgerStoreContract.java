package dev.retention.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.rules.loyalty.*;
import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LedgerStore} must show. Extend it and implement {@link #newStore()}
 * to return an empty store; each test gets a fresh one.
 *
 * <p>Besides idempotent appends, a store must compare the customer's version and append in one
 * atomic step ({@link LedgerStore#appendIfVersion}): the redemption check of {@link PointsLedger}
 * relies on it. The two concurrent tests below release many threads at once on one reading of the
 * version, round after round, so a store that compares and appends in two steps (a SELECT, then an
 * INSERT without a row lock) lets two of them win and fails; {@code RacyLedgerStoreTest} shows it.
 */
public abstract class LedgerStoreContract {
    /**
     * A customer of the contract's entries.
     */
    protected static final CustomerId ANNA = CustomerId.of("anna");
    /**
     * Another customer, to check that keys and versions are per customer.
     */
    protected static final CustomerId BEN = CustomerId.of("ben");
    /**
     * The instant the contract's entries start at.
     */
    protected static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private LedgerStore store;

    /** For subclasses: one per store implementation. */
    protected LedgerStoreContract() {}

    /**
     * A new, empty store.
     *
     * @return a store of your implementation holding no entry, not shared with another test
     */
    protected abstract LedgerStore newStore();

    /**
     * Takes a new, empty store for each test.
     */
    @BeforeEach
    public void createStore() {
        store = newStore();
    }

    /**
     * Points earned for an order worth as many dollars, for tests of your own.
     *
     * @param customer the customer
     * @param orderId the order, which is also the entry's key
     * @param at when the points were earned
     * @param points how many
     * @return the entry
     */
    protected static LedgerEntry earn(CustomerId customer, String orderId, Instant at, long points) {
        return new LedgerEntry(customer, Source.of(SourceType.ORDER, orderId), EntryKind.EARN, at, at, points,
                Optional.of(OrderId.of(orderId)), Optional.of(Money.of(points, "USD")));
    }

    /**
     * A redemption of points, for tests of your own.
     *
     * @param customer the customer
     * @param id the redemption's id, which is also the entry's key
     * @param at when
     * @param points how many
     * @return the entry
     */
    protected static LedgerEntry redeem(CustomerId customer, String id, Instant at, long points) {
        return new LedgerEntry(customer, Source.of(SourceType.REDEMPTION, id), EntryKind.REDEEM, at, at, points,
                Optional.empty(), Optional.empty());
    }

    /**
     * A customer nobody appended for has no entries, and an empty store has no customers.
     */
    @Test
    public void anUnknownCustomerHasNoEntries() {
        assertThat(store.entries(ANNA)).isEmpty();
        assertThat(store.customers()).isEmpty();
    }

    /**
     * An appended entry is stored, reported as new, and makes its customer known.
     */
    @Test
    public void appendStoresAnEntryAndReportsItNew() {
        LedgerEntry entry = earn(ANNA, "o-1", T0, 12);

        assertThat(store.append(entry)).isTrue();

        assertThat(store.entries(ANNA)).containsExactly(entry);
        assertThat(store.customers()).containsExactly(ANNA);
    }

    /**
     * An entry whose key the customer already has is refused and the first entry kept: points are
     * earned once per order.
     */
    @Test
    public void appendingTheSameKeyAgainKeepsTheFirstEntry() {
        LedgerEntry first = earn(ANNA, "o-1", T0, 12);
        LedgerEntry sameKeyOtherPoints = earn(ANNA, "o-1", T0.plusSeconds(60), 99);

        store.append(first);
        boolean added = store.append(sameKeyOtherPoints);

        assertThat(added).isFalse();
        assertThat(store.entries(ANNA)).containsExactly(first);
    }

    /**
     * Erasing a customer removes every entry of theirs and nothing of anyone else's; their keys
     * can be appended again, as for a new customer, and compare-and-append works on the new ledger.
     */
    @Test
    public void erasingACustomerRemovesTheirEntriesOnly() {
        store.append(earn(ANNA, "o-1", T0, 12));
        store.append(redeem(ANNA, "r-1", T0.plusSeconds(60), 10));
        store.append(earn(BEN, "o-1", T0, 7));

        assertThat(store.erase(ANNA)).isEqualTo(2);

        assertThat(store.entries(ANNA)).isEmpty();
        assertThat(store.snapshot(ANNA).entries()).isEmpty();
        assertThat(store.customers()).containsExactly(BEN);
        assertThat(store.entries(BEN)).extracting(LedgerEntry::points).containsExactly(7L);
        assertThat(store.erase(ANNA)).as("nothing left to erase").isZero();

        LedgerEntry again = earn(ANNA, "o-1", T0, 3);
        assertThat(store.append(again)).as("a new customer may reuse the key").isTrue();
        LedgerSnapshot fresh = store.snapshot(ANNA);
        assertThat(fresh.entries()).containsExactly(again);
        LedgerEntry next = earn(ANNA, "o-2", T0.plusSeconds(1), 4);
        assertThat(store.appendIfVersion(ANNA, fresh.version(), List.of(next))).isTrue();
        assertThat(store.entries(ANNA)).containsExactly(again, next);
    }

    /**
     * Keys are per customer: two customers' entries for the same order id are both stored.
     */
    @Test
    public void keysAreScopedPerCustomer() {
        assertThat(store.append(earn(ANNA, "o-1", T0, 12))).isTrue();
        assertThat(store.append(earn(BEN, "o-1", T0, 7))).isTrue();

        assertThat(store.entries(ANNA)).extracting(LedgerEntry::points).containsExactly(12L);
        assertThat(store.entries(BEN)).extracting(LedgerEntry::points).containsExactly(7L);
        assertThat(store.customers()).containsExactlyInAnyOrder(ANNA, BEN);
    }

    /**
     * A customer's entries come in time order, ties in key order, whatever the order they were appended in.
     */
    @Test
    public void entriesComeInTimeOrderThenKeyOrderWhateverTheAppendOrder() {
        LedgerEntry late = earn(ANNA, "o-a", T0.plusSeconds(100), 1);
        LedgerEntry earlyB = earn(ANNA, "o-b", T0, 2);
        LedgerEntry earlyA = redeem(ANNA, "r-1", T0, 1);

        store.append(late);
        store.append(earlyB);
        store.append(earlyA);

        // same instant: "ORDER:o-b" sorts before "REDEMPTION:r-1"
        assertThat(store.entries(ANNA)).containsExactly(earlyB, earlyA, late);
    }

    /**
     * {@code appendAll} stores and counts only the entries with new keys, repeats within the batch included.
     */
    @Test
    public void appendAllCountsOnlyNewEntries() {
        store.append(earn(ANNA, "o-1", T0, 1));

        int added = store.appendAll(List.of(earn(ANNA, "o-1", T0, 1), earn(ANNA, "o-2", T0, 2),
                earn(ANNA, "o-2", T0, 2)));

        assertThat(added).isEqualTo(1);
        assertThat(store.entries(ANNA)).hasSize(2);
    }

    /**
     * The list of a customer's entries is a snapshot: later appends do not change it.
     */
    @Test
    public void returnedListsAreNotAffectedByLaterAppends() {
        store.append(earn(ANNA, "o-1", T0, 1));
        List<LedgerEntry> before = store.entries(ANNA);

        store.append(earn(ANNA, "o-2", T0, 2));

        assertThat(before).hasSize(1);
    }

    /**
     * Of 8 threads appending the same 200 keys at once, exactly one entry per key is stored.
     *
     * @throws Exception if a thread fails or does not finish in time
     */
    @Test
    public void concurrentAppendsOfOneKeyStoreExactlyOneEntry() throws Exception {
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

    /**
     * A customer nobody appended for is at version 0, with no entries.
     */
    @Test
    public void anUnknownCustomerIsAtVersionZero() {
        LedgerSnapshot snapshot = store.snapshot(ANNA);

        assertThat(snapshot.version()).isZero();
        assertThat(snapshot.entries()).isEmpty();
    }

    /**
     * Each append that stores an entry changes the customer's version; a refused repeat and another
     * customer's append do not.
     */
    @Test
    public void everyAppendThatStoresAnEntryChangesTheVersionAndARepeatDoesNot() {
        long v0 = store.snapshot(ANNA).version();
        store.append(earn(ANNA, "o-1", T0, 1));
        long v1 = store.snapshot(ANNA).version();
        store.append(earn(ANNA, "o-1", T0, 1));
        long v1again = store.snapshot(ANNA).version();
        store.append(earn(BEN, "o-1", T0, 1));

        assertThat(v1).isNotEqualTo(v0);
        assertThat(v1again).isEqualTo(v1);
        assertThat(store.snapshot(ANNA).version()).as("another customer's append").isEqualTo(v1);
        assertThat(store.snapshot(ANNA).entries()).isEqualTo(store.entries(ANNA));
    }

    /**
     * {@code appendIfVersion} appends only if the customer is still at the version read, skipping
     * keys already taken.
     */
    @Test
    public void appendIfVersionAppendsOnlyAtTheVersionRead() {
        LedgerEntry first = earn(ANNA, "o-1", T0, 1);
        LedgerEntry second = earn(ANNA, "o-2", T0.plusSeconds(1), 2);
        LedgerSnapshot read = store.snapshot(ANNA);

        assertThat(store.appendIfVersion(ANNA, read.version(), List.of(first))).isTrue();
        assertThat(store.appendIfVersion(ANNA, read.version(), List.of(second))).as("stale version").isFalse();
        assertThat(store.entries(ANNA)).containsExactly(first);

        LedgerSnapshot now = store.snapshot(ANNA);
        assertThat(now.version()).isNotEqualTo(read.version());
        assertThat(store.appendIfVersion(ANNA, now.version(), List.of(earn(ANNA, "o-1", T0, 99), second))).isTrue();
        assertThat(store.entries(ANNA)).as("a taken key keeps its entry").containsExactly(first, second);
    }

    /**
     * A plain append after the version was read makes the compare-and-append fail and store nothing.
     */
    @Test
    public void aPlainAppendBetweenTheReadingAndTheCompareAndAppendMakesItFail() {
        LedgerSnapshot read = store.snapshot(ANNA);
        store.append(earn(ANNA, "o-1", T0, 1));

        assertThat(store.appendIfVersion(ANNA, read.version(), List.of(redeem(ANNA, "r-1", T0, 1)))).isFalse();
        assertThat(store.entries(ANNA)).extracting(LedgerEntry::key).containsExactly("ORDER:o-1");
    }

    /**
     * {@code appendIfVersion} refuses an entry of another customer than the one it compares, naming it.
     */
    @Test
    public void appendIfVersionRefusesAnotherCustomersEntry() {
        long version = store.snapshot(ANNA).version();

        assertThatThrownBy(() -> store.appendIfVersion(ANNA, version, List.of(earn(BEN, "o-1", T0, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ben");
        assertThat(store.entries(BEN)).isEmpty();
    }

    /**
     * Of 8 threads compare-and-appending on one reading of the version, exactly one wins, round after round.
     *
     * @throws Exception if a thread fails or does not finish in time
     */
    @Test
    public void compareAndAppendsOnOneReadingLetExactlyOneWinEveryRound() throws Exception {
        int threads = 8;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier allHaveRead = new CyclicBarrier(threads);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    LedgerEntry entry = earn(ANNA, "o-" + round + "-" + t, T0.plusSeconds(round), 1);
                    results.add(pool.submit(() -> {
                        LedgerSnapshot read = store.snapshot(ANNA);
                        allHaveRead.await(30, TimeUnit.SECONDS);
                        return store.appendIfVersion(ANNA, read.version(), List.of(entry));
                    }));
                }
                int won = 0;
                for (Future<Boolean> result : results) {
                    won += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as("round %s: compare-and-appends that won on one reading of the version", round)
                        .isEqualTo(1);
            }
            assertThat(store.entries(ANNA)).hasSize(rounds);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Two ledgers over one store, 16 threads redeeming 100 of 1,000 points: exactly 10 are accepted
     * and nothing is spent twice.
     *
     * @throws Exception if a thread fails or does not finish in time
     */
    @Test
    public void twoLedgersOverTheStoreSpendAThousandPointsInExactlyTenRedemptionsOfAHundred() throws Exception {
        PointsProgram program = PointsProgram.builder().currency("USD").earn(1, Money.of(1, "USD"))
                .redeem(100, Money.of(5, "USD")).minimumRedemption(1).returnWindow(Duration.ZERO).build();
        PointsLedger shopA = PointsLedger.of(program, store);
        PointsLedger shopB = PointsLedger.of(program, store);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 8; round++) {
                CustomerId customer = CustomerId.of("race-" + round);
                shopA.adjust(customer, "goodwill-1", 1000, T0);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    PointsLedger ledger = t % 2 == 0 ? shopA : shopB;
                    String id = "checkout-" + t;
                    Instant at = T0.plusSeconds(100 - t); // arrival order and time order disagree
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            ledger.redeem(customer, id, 100, at);
                            return true;
                        } catch (IllegalArgumentException refused) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int succeeded = 0;
                for (Future<Boolean> result : results) {
                    succeeded += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                LedgerStatement after = shopB.statement(customer, T0.plusSeconds(200));
                assertThat(succeeded).as("round %s: redemptions of 100 accepted against 1000 points", round)
                        .isEqualTo(10);
                assertThat(after.totals().redeemed()).isEqualTo(1000);
                assertThat(after.totals().shortfall()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
