package dev.retention.rules.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TierPropertiesTest {
    private static final CustomerId GUS = CustomerId.of("gus");
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    /** (day, cents) of an order, with a refund of a quarter of it when the day is odd. */
    @Provide
    Arbitrary<List<long[]>> orders() {
        return Combinators.combine(Arbitraries.longs().between(0, 4 * 365), Arbitraries.longs().between(0, 120_000))
                .as((day, cents) -> new long[] {day, cents}).list().ofMaxSize(15);
    }

    @Provide
    Arbitrary<TierPolicy> policies() {
        return Combinators.combine(Arbitraries.of(0, 3, 12), Arbitraries.of(0L, 30L), Arbitraries.of(3, 6, 12))
                .as((rolling, grace, review) -> Fixtures.realisticTiers()
                        .window(rolling == 0 ? QualificationWindow.calendarYear() : QualificationWindow.rollingMonths(rolling))
                        .reviewEveryMonths(rolling == 0 ? 12 : review)
                        .gracePeriod(Duration.ofDays(grace))
                        .atRiskNotice(Duration.ofDays(grace))
                        .build());
    }

    private static List<CustomerEvent> events(List<long[]> orders) {
        List<CustomerEvent> out = new ArrayList<>();
        int n = 0;
        for (long[] o : orders) {
            String id = "g-" + n++;
            Instant at = START.plus(Duration.ofDays(o[0])).plusSeconds(n);
            OrderPlaced order = new OrderPlaced("p-" + id, GUS, at, OrderId.of(id), List.of(),
                    Money.ofMinor(o[1], Fixtures.usd("1").currency()));
            out.add(order);
            if (o[0] % 2 == 1 && o[1] >= 4) {
                out.add(new OrderRefunded("r-" + id, GUS, at.plus(Duration.ofDays(5)), order.orderId(),
                        Money.ofMinor(o[1] / 4, order.total().currency())));
            }
        }
        return out;
    }

    @Property(tries = 200)
    void moreSpendNeverGivesALowerTier(@ForAll("orders") List<long[]> orders, @ForAll("policies") TierPolicy policy,
            @ForAll @IntRange(min = 0, max = 5 * 365) int extraDay, @ForAll @IntRange(min = 1, max = 200_000) int extraCents,
            @ForAll @IntRange(min = 0, max = 6 * 365) int askedDay) {
        List<CustomerEvent> base = events(orders);
        List<CustomerEvent> more = new ArrayList<>(base);
        more.add(new OrderPlaced("p-extra", GUS, START.plus(Duration.ofDays(extraDay)).plusMillis(1),
                OrderId.of("extra"), List.of(), Money.ofMinor(extraCents, Fixtures.usd("1").currency())));
        Instant at = START.plus(Duration.ofDays(askedDay));

        int without = policy.tiers().indexOf(policy.tierOf(CustomerHistory.of(GUS, base), at).tier());
        int with = policy.tiers().indexOf(policy.tierOf(CustomerHistory.of(GUS, more), at).tier());

        assertThat(with).as("tier index with an extra order of %s cents on day %s", extraCents, extraDay)
                .isGreaterThanOrEqualTo(without);
    }

    @Property(tries = 100)
    void theTierAtAnInstantIsTheLastChangeBeforeIt(@ForAll("orders") List<long[]> orders,
            @ForAll("policies") TierPolicy policy, @ForAll @IntRange(min = 0, max = 6 * 365) int askedDay) {
        CustomerHistory history = CustomerHistory.of(GUS, events(orders));
        Instant at = START.plus(Duration.ofDays(askedDay));

        String expected = policy.tiers().get(0).name();
        for (TierChange change : policy.changes(history, Instant.EPOCH, at.plusNanos(1))) {
            if (change.kind() != TierChangeKind.AT_RISK) {
                expected = change.to();
            }
        }

        assertThat(policy.tierOf(history, at).tier().name()).isEqualTo(expected);
    }
}
