package dev.retention.rules.loyalty;

import static dev.retention.rules.loyalty.Fixtures.ANNA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the ledger over random orders, refunds, redemptions and adjustments. */
class LedgerPropertiesTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** One order with up to two refunds whose amounts never exceed the order total. */
    record OrderStory(OrderPlaced order, List<OrderRefunded> refunds) {}

    @Provide
    Arbitrary<List<OrderStory>> stories() {
        Arbitrary<OrderStory> story = Combinators.combine(
                Arbitraries.integers().between(0, 500 * 24 * 60),    // minute of the order
                Arbitraries.longs().between(0, 40_000),              // total in cents
                Arbitraries.integers().between(0, 2),                // refunds
                Arbitraries.longs().between(1, 1_000_000),           // refund split seed
                Arbitraries.integers().between(0, 60 * 24 * 60))     // minutes to the first refund
                .as((minute, cents, refunds, seed, delay) -> {
                    Instant at = START.plus(Duration.ofMinutes(minute));
                    String id = "o-" + minute + "-" + cents;
                    OrderPlaced order = new OrderPlaced("placed-" + id, ANNA, at, OrderId.of(id), List.of(),
                            Money.ofMinor(cents, Fixtures.usd("1").currency()));
                    List<OrderRefunded> out = new ArrayList<>();
                    long left = cents;
                    Random random = new Random(seed);
                    for (int r = 0; r < refunds && left > 0; r++) {
                        long amount = r == refunds - 1 && random.nextBoolean() ? left : 1 + (long) (random.nextDouble() * left);
                        left -= amount;
                        out.add(new OrderRefunded("refund-" + id + "-" + r, ANNA, at.plus(Duration.ofMinutes(delay + r * 1440L)),
                                order.orderId(), Money.ofMinor(amount, order.total().currency())));
                    }
                    return new OrderStory(order, out);
                });
        return story.list().ofMaxSize(12).uniqueElements(s -> s.order().orderId());
    }

    /** Attempts at redemptions and adjustments: (minute, points, kind 0 = redeem, 1 = adjust up, 2 = adjust down). */
    @Provide
    Arbitrary<List<int[]>> debits() {
        return Combinators.combine(Arbitraries.integers().between(0, 600 * 24 * 60),
                Arbitraries.integers().between(1, 400), Arbitraries.integers().between(0, 2))
                .as((minute, points, kind) -> new int[] {minute, points, kind}).list().ofMaxSize(8);
    }

    private static PointsProgram program(NegativeBalancePolicy policy) {
        return Fixtures.realistic().minimumRedemption(1).maxPointsPerDay(250).negativeBalance(policy).build();
    }

    /**
     * Records the stories and the debits in the ledger's own order (instant, then key), so that
     * nothing recorded later is dated before a redemption. Each redemption has an expectation
     * worked out here, not by the ledger: {@code spendable + 1} points, where spendable bounds the
     * active points from above (points of orders past their return window and credits up to then,
     * minus what was redeemed), must be refused; then a credit of the points plus everything a
     * clawback or negative adjustment so far could owe is recorded, and the redemption must pass.
     */
    private static PointsLedger fill(PointsProgram program, List<OrderStory> stories, List<int[]> debits) {
        PointsLedger ledger = PointsLedger.of(program, new InMemoryLedgerStore());
        record Step(Instant at, String key, Object what) {}
        List<Step> steps = new ArrayList<>();
        for (OrderStory s : stories) {
            steps.add(new Step(s.order().occurredAt(), "ORDER:" + s.order().orderId().value(), s.order()));
            s.refunds().forEach(r -> steps.add(new Step(r.occurredAt(), "REFUND:" + r.eventId(), r)));
        }
        int n = 0;
        for (int[] d : debits) {
            String id = "d-" + n++;
            steps.add(new Step(START.plus(Duration.ofMinutes(d[0])), (d[2] == 0 ? "REDEMPTION:" : "MANUAL:") + id,
                    new Object[] {id, d}));
        }
        steps.sort(java.util.Comparator.comparing(Step::at).thenComparing(Step::key));
        long credits = 0;          // adjustments up, funds included
        long mayOwe = 0;           // what clawbacks and adjustments down recorded so far can take
        long redeemed = 0;
        Set<String> refundedOrders = new HashSet<>();
        for (Step step : steps) {
            if (step.what() instanceof CustomerEvent event) {
                ledger.record(event);
                if (event instanceof OrderRefunded r && refundedOrders.add(r.orderId().value())) {
                    mayOwe += stories.stream().filter(s -> s.order().orderId().equals(r.orderId()))
                            .mapToLong(s -> s.order().total().minorUnits() / 100).sum();
                }
                continue;
            }
            String id = (String) ((Object[]) step.what())[0];
            int[] d = (int[]) ((Object[]) step.what())[1];
            if (d[2] != 0) {
                ledger.adjust(ANNA, id, d[2] == 1 ? d[1] : -d[1], step.at());
                credits += d[2] == 1 ? d[1] : 0;
                mayOwe += d[2] == 2 ? d[1] : 0;
                continue;
            }
            long ordersAvailable = stories.stream().map(OrderStory::order)
                    .filter(o -> !o.occurredAt().plus(Duration.ofDays(30)).isAfter(step.at()))
                    .mapToLong(o -> o.total().minorUnits() / 100).sum();
            long spendable = ordersAvailable + credits - redeemed;
            assertThatThrownBy(() -> ledger.redeem(ANNA, "over-" + id, spendable + 1, step.at()))
                    .as("more than the %s points that can be active at %s", spendable, step.at())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("active balance");
            long fund = d[1] + mayOwe;
            ledger.adjust(ANNA, "fund-" + id, fund, step.at());
            credits += fund;
            // must pass: the fund alone covers it and any debt, and nothing recorded is dated later
            ledger.redeem(ANNA, id, d[1], step.at());
            redeemed += d[1];
        }
        return ledger;
    }

    /** Every posting instant, a nanosecond before each, and a few far instants. */
    private static List<Instant> instantsOf(PointsLedger ledger) {
        List<Instant> out = new ArrayList<>(List.of(START.minusSeconds(1), START.plus(Duration.ofDays(2000))));
        for (Posting p : ledger.history(ANNA, Instant.parse("2100-01-01T00:00:00Z"))) {
            out.add(p.at());
            out.add(p.at().minusNanos(1));
        }
        return out;
    }

    @Property(tries = 150)
    void balanceIsEarnedMinusRedeemedExpiredAndClawedBackAtEveryInstant(
            @ForAll("stories") List<OrderStory> stories, @ForAll("debits") List<int[]> debits,
            @ForAll boolean allowDebt) {
        PointsLedger ledger = fill(program(allowDebt ? NegativeBalancePolicy.ALLOW_DEBT
                : NegativeBalancePolicy.CAP_AT_ZERO), stories, debits);

        for (Instant at : instantsOf(ledger)) {
            LedgerStatement s = ledger.statement(ANNA, at);
            PointsTotals t = s.totals();
            assertThat(s.balance().total())
                    .as("balance at %s of %s", at, t)
                    .isEqualTo(t.earned() - t.redeemed() - t.expired() - t.clawedBack() + t.adjusted());
            long postings = s.postings().stream().mapToLong(Posting::points).sum();
            assertThat(postings).isEqualTo(s.balance().total());
        }
    }

    @Property(tries = 150)
    void balanceIsNeverNegativeUnlessDebtIsAllowed(
            @ForAll("stories") List<OrderStory> stories, @ForAll("debits") List<int[]> debits) {
        PointsLedger ledger = fill(program(NegativeBalancePolicy.CAP_AT_ZERO), stories, debits);

        for (Instant at : instantsOf(ledger)) {
            Balance b = ledger.balance(ANNA, at);
            assertThat(b.debt()).isZero();
            assertThat(b.total()).isNotNegative();
        }
    }

    @Property(tries = 150)
    void anyPermutationAndDuplicationOfOrdersAndRefundsYieldsTheSameLedger(
            @ForAll("stories") List<OrderStory> stories, @ForAll long shuffleSeed,
            @ForAll @IntRange(min = 0, max = 6) int duplicates) {
        PointsProgram program = program(NegativeBalancePolicy.ALLOW_DEBT);
        List<CustomerEvent> inOrder = new ArrayList<>();
        stories.forEach(s -> {
            inOrder.add(s.order());
            inOrder.addAll(s.refunds());
        });
        List<CustomerEvent> shuffled = new ArrayList<>(inOrder);
        Random random = new Random(shuffleSeed);
        for (int i = 0; i < duplicates && !inOrder.isEmpty(); i++) {
            shuffled.add(inOrder.get(random.nextInt(inOrder.size())));
        }
        Collections.shuffle(shuffled, random);

        PointsLedger a = PointsLedger.of(program, new InMemoryLedgerStore());
        PointsLedger b = PointsLedger.of(program, new InMemoryLedgerStore());
        inOrder.forEach(a::record);
        shuffled.forEach(b::record);

        assertThat(b.entries(ANNA)).isEqualTo(a.entries(ANNA));
        for (Instant at : instantsOf(a)) {
            assertThat(b.statement(ANNA, at)).isEqualTo(a.statement(ANNA, at));
        }
    }

    @Property(tries = 150)
    void redemptionsConsumeTheOldestPointsFirstSoTheNewestExpireLast(
            @ForAll("stories") List<OrderStory> stories, @ForAll("debits") List<int[]> debits) {
        // no refunds, no return window, no caps: the FIFO queue below is the whole model
        PointsProgram program = Fixtures.realistic().minimumRedemption(1).returnWindow(Duration.ZERO).build();
        PointsLedger ledger = PointsLedger.of(program, new InMemoryLedgerStore());
        List<Object[]> timeline = new ArrayList<>();
        for (OrderStory s : stories) {
            Instant at = START.plus(Duration.between(START, s.order().occurredAt()).dividedBy(3)); // within 167 days
            OrderPlaced order = new OrderPlaced(s.order().eventId(), ANNA, at, s.order().orderId(), List.of(),
                    s.order().total());
            timeline.add(new Object[] {at, order});
        }
        int n = 0;
        for (int[] d : debits) {
            timeline.add(new Object[] {START.plus(Duration.ofMinutes(d[0] / 4)), "r-" + n++, (long) d[1]});
        }
        timeline.sort((x, y) -> ((Instant) x[0]).compareTo((Instant) y[0]));
        Deque<long[]> model = new ArrayDeque<>(); // {earned epoch second, points}
        Set<String> seen = new HashSet<>();
        for (Object[] step : timeline) {
            Instant at = (Instant) step[0];
            if (step[1] instanceof OrderPlaced order) {
                ledger.record(order);
                long points = order.total().minorUnits() / 100;
                if (points > 0) {
                    model.addLast(new long[] {at.getEpochSecond(), points});
                }
            } else if (seen.add((String) step[1])) {
                long wanted = (Long) step[2];
                long held = model.stream().mapToLong(l -> l[1]).sum();
                if (wanted <= held) {
                    ledger.redeem(ANNA, (String) step[1], wanted, at);
                    while (wanted > 0) {
                        long[] oldest = model.peekFirst();
                        long taken = Math.min(oldest[1], wanted);
                        oldest[1] -= taken;
                        wanted -= taken;
                        if (oldest[1] == 0) {
                            model.removeFirst();
                        }
                    }
                }
            }
        }
        // orders at the same second: the ledger orders them by key, the model by arrival; compare per second
        Instant beforeAnyExpiry = START.plus(Duration.ofDays(360));
        List<Long> expected = perSecond(model.stream().map(l -> new long[] {l[0], l[1]}).toList());
        List<Long> actual = perSecond(ledger.statement(ANNA, beforeAnyExpiry).lots().stream()
                .map(l -> new long[] {l.earnedAt().getEpochSecond(), l.remaining()}).toList());
        assertThat(actual).isEqualTo(expected);
        long held = model.stream().mapToLong(l -> l[1]).sum();
        assertThat(ledger.statement(ANNA, START.plus(Duration.ofDays(800))).totals().expired()).isEqualTo(held);
    }

    private static List<Long> perSecond(List<long[]> lots) {
        java.util.TreeMap<Long, Long> bySecond = new java.util.TreeMap<>();
        for (long[] lot : lots) {
            bySecond.merge(lot[0], lot[1], Long::sum);
        }
        List<Long> out = new ArrayList<>();
        bySecond.forEach((second, points) -> {
            out.add(second);
            out.add(points);
        });
        return out;
    }
}
