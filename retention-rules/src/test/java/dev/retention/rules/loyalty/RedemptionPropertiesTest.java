package dev.retention.rules.loyalty;

import static dev.retention.rules.loyalty.Fixtures.ANNA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.OrderPlaced;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue #17: no redemption makes any recorded instant's balance negative, whatever the order in
 * which credits and redemptions at random instants arrive, on one thread or several. The
 * expectation comes from a model of its own (lots consumed oldest first, pending for the return
 * window, expiring after 12 months), not from the ledger.
 */
class RedemptionPropertiesTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration RETURN_WINDOW = Duration.ofDays(30);

    /** A credit (an order, pending for the return window, or a goodwill adjustment) or a redemption. */
    record Move(String key, Instant at, long points, boolean order, boolean redemption) {}

    @Provide
    Arbitrary<List<Move>> moves() {
        Arbitrary<Move> move = Combinators.combine(
                Arbitraries.integers().between(0, 540 * 24 * 60),   // minute: spans expiries after 12 months
                Arbitraries.longs().between(1, 300),                // points
                Arbitraries.integers().between(0, 4))               // 0 order, 1 goodwill, 2-4 redemption
                .as((minute, points, kind) -> new Move("", START.plus(Duration.ofMinutes(minute)), points,
                        kind == 0, kind >= 2));
        return move.list().ofMinSize(1).ofMaxSize(16).map(RedemptionPropertiesTest::named);
    }

    private static List<Move> named(List<Move> moves) {
        List<Move> out = new ArrayList<>();
        for (int i = 0; i < moves.size(); i++) {
            Move m = moves.get(i);
            String key = m.redemption() ? "REDEMPTION:r-" + i : m.order() ? "ORDER:o-" + i : "MANUAL:g-" + i;
            out.add(new Move(key, m.at(), m.points(), m.order(), m.redemption()));
        }
        return out;
    }

    private static PointsLedger ledger() {
        return PointsLedger.of(Fixtures.realistic().minimumRedemption(1).build(), new InMemoryLedgerStore());
    }

    private static void record(PointsLedger ledger, Move credit) {
        String id = credit.key().substring(credit.key().indexOf(':') + 1);
        if (credit.order()) {
            // 1 point per 1.00: an order of N.00 earns N points
            ledger.record(new OrderPlaced("placed-" + id, ANNA, credit.at(), OrderId.of(id), List.of(),
                    Money.ofMinor(credit.points() * 100, Fixtures.usd("1").currency())));
        } else {
            ledger.adjust(ANNA, id, credit.points(), credit.at());
        }
    }

    /** Tries a redemption; true if accepted, false if refused for want of points. */
    private static boolean redeem(PointsLedger ledger, Move r) {
        try {
            ledger.redeem(ANNA, r.key().substring("REDEMPTION:".length()), r.points(), r.at());
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    @Property(tries = 200)
    void oneThreadInAnyArrivalOrderAcceptsExactlyTheRedemptionsThePointsCover(
            @ForAll("moves") List<Move> moves, @ForAll long shuffleSeed) {
        List<Move> arrival = new ArrayList<>(moves);
        Collections.shuffle(arrival, new Random(shuffleSeed));
        PointsLedger ledger = ledger();
        List<Move> recorded = new ArrayList<>();
        for (Move m : arrival) {
            if (!m.redemption()) {
                record(ledger, m);
                recorded.add(m);
                continue;
            }
            List<Move> with = new ArrayList<>(recorded);
            with.add(m);
            boolean covered = Model.allRedemptionsCovered(with);
            assertThat(redeem(ledger, m)).as("redemption %s with %s recorded", m, recorded).isEqualTo(covered);
            if (covered) {
                recorded.add(m);
            }
        }
        assertNoBalanceNegativeAndEveryRedemptionWhole(ledger, recorded);
    }

    @Property(tries = 60)
    void concurrentRedemptionsAtRandomInstantsNeverOverdrawAndOnlyTheUncoverableAreRefused(
            @ForAll("moves") List<Move> moves, @ForAll @IntRange(min = 2, max = 4) int threads,
            @ForAll long seed) throws Exception {
        PointsLedger ledger = ledger();
        List<Move> credits = moves.stream().filter(m -> !m.redemption()).toList();
        credits.forEach(c -> record(ledger, c));
        List<Move> redemptions = new ArrayList<>(moves.stream().filter(Move::redemption).toList());
        Collections.shuffle(redemptions, new Random(seed));

        Map<Move, Boolean> outcome = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = thread; i < redemptions.size(); i += threads) {
                        outcome.put(redemptions.get(i), redeem(ledger, redemptions.get(i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Move> recorded = new ArrayList<>(credits);
        redemptions.stream().filter(outcome::get).forEach(recorded::add);
        assertNoBalanceNegativeAndEveryRedemptionWhole(ledger, recorded);
        // the accepted set only grows, so a redemption refused then is still uncoverable now
        for (Move r : redemptions) {
            if (!outcome.get(r)) {
                List<Move> with = new ArrayList<>(recorded);
                with.add(r);
                assertThat(Model.allRedemptionsCovered(with)).as("refused %s, accepted %s", r, recorded).isFalse();
            }
        }
    }

    /** The model and the ledger agree that every accepted redemption is whole and no balance dips below zero. */
    private static void assertNoBalanceNegativeAndEveryRedemptionWhole(PointsLedger ledger, List<Move> recorded) {
        assertThat(Model.allRedemptionsCovered(recorded)).as("model over %s", recorded).isTrue();
        long accepted = recorded.stream().filter(Move::redemption).mapToLong(Move::points).sum();
        Set<Instant> instants = new java.util.TreeSet<>();
        recorded.forEach(m -> {
            instants.add(m.at());
            instants.add(m.at().minusNanos(1));
            instants.add(Model.expiry(m.at()));
            instants.add(m.at().plus(RETURN_WINDOW));
        });
        for (Instant at : instants) {
            Balance b = ledger.balance(ANNA, at);
            assertThat(b.total()).as("balance at %s", at).isNotNegative();
            assertThat(b.debt()).isZero();
        }
        LedgerStatement end = ledger.statement(ANNA, START.plus(Duration.ofDays(1200)));
        assertThat(end.totals().redeemed()).isEqualTo(accepted);
        assertThat(end.totals().shortfall()).isZero();
        assertThat(ledger.entries(ANNA)).filteredOn(e -> e.kind() == EntryKind.REDEEM).hasSize(
                (int) recorded.stream().filter(Move::redemption).count());
    }

    /** Lots oldest first, pending for the return window, gone 12 months (UTC) after they were earned. */
    static final class Model {
        private Model() {}

        static Instant expiry(Instant earnedAt) {
            return earnedAt.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
        }

        static boolean allRedemptionsCovered(List<Move> moves) {
            List<Move> byTime = new ArrayList<>(moves);
            // at one instant the ledger applies entries by key: credits (MANUAL, ORDER) before REDEMPTION
            byTime.sort(Comparator.comparing(Move::at).thenComparing(Move::key));
            List<long[]> lots = new ArrayList<>(); // {availableAt epoch nanos-ish, expiresAt, remaining}
            for (Move m : byTime) {
                if (!m.redemption()) {
                    Instant available = m.order() ? m.at().plus(RETURN_WINDOW) : m.at();
                    lots.add(new long[] {nanos(available), nanos(expiry(m.at())), m.points()});
                    continue;
                }
                long now = nanos(m.at());
                long missing = m.points();
                for (long[] lot : lots) {
                    // expiry at an instant goes before the entries at that instant
                    if (lot[0] <= now && lot[1] > now) {
                        long taken = Math.min(lot[2], missing);
                        lot[2] -= taken;
                        missing -= taken;
                    }
                }
                if (missing > 0) {
                    return false;
                }
            }
            return true;
        }

        private static long nanos(Instant at) {
            return at.getEpochSecond() * 1_000_000_000L + at.getNano();
        }
    }
}
