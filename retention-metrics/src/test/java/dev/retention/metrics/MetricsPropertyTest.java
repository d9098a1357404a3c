package dev.retention.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class MetricsPropertyTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    /** One generated order: customer number, hours after START, amount in cents, EUR or USD, refunded part. */
    /** An order and its refund; the refund is cut to the order's total, since stores refuse more. */
    record Spec(int customer, int hour, long cents, boolean euro, long refundCents) {
        Spec {
            refundCents = Math.min(refundCents, cents);
        }
    }

    @Provide
    Arbitrary<List<Spec>> orders() {
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.integers().between(0, 14),
                Arbitraries.integers().between(0, 24 * 365),
                Arbitraries.longs().between(0, 50_000),
                Arbitraries.integers().between(0, 5).map(i -> i == 0),
                Arbitraries.longs().between(0, 3_000).map(r -> r > 2_000 ? r - 2_000 : 0))
                .as(Spec::new);
        return spec.list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<ReportingPeriod> periods() {
        return Combinators.combine(Arbitraries.integers().between(-10, 365), Arbitraries.integers().between(1, 200))
                .as((from, days) -> ReportingPeriod.of(START.plus(Duration.ofDays(from)), START.plus(Duration.ofDays(from + days))));
    }

    static List<CustomerEvent> events(List<Spec> specs) {
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            CustomerId customer = CustomerId.of("c" + s.customer());
            Instant at = START.plus(Duration.ofHours(s.hour()));
            Money total = Money.ofMinor(s.cents(), s.euro() ? EUR : USD);
            events.add(new OrderPlaced("o" + i, customer, at, OrderId.of("T" + i), List.of(), total));
            if (s.refundCents() > 0) {
                events.add(new OrderRefunded("r" + i, customer, at.plus(Duration.ofDays(3)), OrderId.of("T" + i),
                        Money.ofMinor(s.refundCents(), total.currency())));
            }
        }
        return events;
    }

    @Property(tries = 200)
    void metricsDoNotDependOnTheOrderOfEvents(@ForAll("orders") List<Spec> specs, @ForAll("periods") ReportingPeriod period,
            @ForAll long seed) {
        List<CustomerEvent> events = events(specs);
        List<CustomerEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        OrderLog log = OrderLog.of(events);
        OrderLog other = OrderLog.of(shuffled);

        assertThat(RetentionRate.of(other, period)).isEqualTo(RetentionRate.of(log, period));
        assertThat(RetentionRate.of(other, period, Duration.ofDays(60)))
                .isEqualTo(RetentionRate.of(log, period, Duration.ofDays(60)));
        assertThat(RepeatPurchaseRate.of(other, period)).isEqualTo(RepeatPurchaseRate.of(log, period));
        assertThat(AverageOrderValue.of(other, period)).isEqualTo(AverageOrderValue.of(log, period));
        assertThat(PurchaseFrequency.of(other, period)).isEqualTo(PurchaseFrequency.of(log, period));
        assertThat(CohortMatrix.of(other, CohortGranularity.WEEK, period.to()))
                .isEqualTo(CohortMatrix.of(log, CohortGranularity.WEEK, period.to()));
        assertThat(RfmAnalysis.of(other, period.to(), USD)).isEqualTo(RfmAnalysis.of(log, period.to(), USD));
    }

    @Property(tries = 200)
    void crrIsBetweenZeroAndOneAndRetainedIsEndMinusNew(@ForAll("orders") List<Spec> specs,
            @ForAll("periods") ReportingPeriod period) {
        RetentionRate rate = RetentionRate.of(OrderLog.of(events(specs)), period);

        assertThat(rate.retained()).isEqualTo(rate.customersAtEnd() - rate.newCustomers());
        rate.crr().ifPresent(crr -> assertThat(crr).isBetween(0.0, 1.0));
        assertThat(rate.crr().isPresent()).isEqualTo(rate.customersAtStart() > 0);
    }

    @Property(tries = 200)
    void revenueAndOrdersAreExactAndAovIsTheirRoundedQuotient(@ForAll("orders") List<Spec> specs,
            @ForAll("periods") ReportingPeriod period) {
        OrderLog log = OrderLog.of(events(specs));
        for (Currency currency : List.of(USD, EUR)) {
            long orders = 0;
            long cents = 0;
            long refunded = 0;
            for (Spec s : specs) {
                Instant at = START.plus(Duration.ofHours(s.hour()));
                if ((s.euro() ? EUR : USD).equals(currency)) {
                    if (period.contains(at)) {
                        orders++;
                        cents += s.cents();
                    }
                    if (s.refundCents() > 0 && period.contains(at.plus(Duration.ofDays(3)))) {
                        refunded += s.refundCents();
                    }
                }
            }

            AverageOrderValue aov = AverageOrderValue.of(log, period, currency);

            assertThat(aov.orders()).isEqualTo(orders);
            assertThat(aov.revenue()).isEqualTo(Money.ofMinor(cents, currency));
            assertThat(aov.netRevenue()).isEqualTo(Money.ofMinor(cents - refunded, currency));
            if (orders > 0) {
                long expected = BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(orders), 0, RoundingMode.HALF_EVEN)
                        .longValueExact();
                assertThat(aov.aov()).hasValue(Money.ofMinor(expected, currency));
                // aov * orders = revenue up to half a cent per order
                assertThat(Math.abs(2 * (aov.aov().get().minorUnits() * orders - cents))).isLessThanOrEqualTo(orders);
            } else {
                assertThat(aov.aov()).isEmpty();
            }
        }
    }

    @Property(tries = 150)
    void groupsPartitionTheCustomersSoCountsAddUp(@ForAll("orders") List<Spec> specs,
            @ForAll("periods") ReportingPeriod period, @ForAll @IntRange(min = 1, max = 4) int groups) {
        OrderLog log = OrderLog.of(events(specs));
        Map<String, OrderLog> parts = log.groupBy(id -> "g" + Math.floorMod(id.value().hashCode(), groups));

        long s = 0;
        long n = 0;
        long e = 0;
        long orders = 0;
        long customers = 0;
        for (OrderLog part : parts.values()) {
            RetentionRate rate = RetentionRate.of(part, period);
            s += rate.customersAtStart();
            n += rate.newCustomers();
            e += rate.customersAtEnd();
            orders += part.orderCount();
            customers += part.customerCount();
        }
        RetentionRate all = RetentionRate.of(log, period);
        assertThat(List.of(s, n, e, orders, customers)).containsExactly(all.customersAtStart(), all.newCustomers(),
                all.customersAtEnd(), (long) log.orderCount(), (long) log.customerCount());
    }

    @Property(tries = 150)
    void rfmScoresAreOneToFiveAndNeverRankABetterValueLower(@ForAll("orders") List<Spec> specs,
            @ForAll("periods") ReportingPeriod period) {
        List<RfmScore> scores = RfmAnalysis.of(OrderLog.of(events(specs)), period.to(), USD);

        for (RfmScore a : scores) {
            for (RfmScore b : scores) {
                if (a.frequency() == b.frequency()) {
                    assertThat(a.frequencyScore()).isEqualTo(b.frequencyScore());
                } else if (a.frequency() < b.frequency()) {
                    assertThat(a.frequencyScore()).isLessThanOrEqualTo(b.frequencyScore());
                }
                if (a.recency().compareTo(b.recency()) > 0) {
                    assertThat(a.recencyScore()).isLessThanOrEqualTo(b.recencyScore());
                }
            }
        }
    }

    @Property(tries = 200)
    void newcombeIntervalHoldsTheObservedDifferenceAndStaysWithinMinusOneToOne(
            @ForAll @IntRange(min = 1, max = 300) int n1, @ForAll @IntRange(min = 0, max = 300) int x1,
            @ForAll @IntRange(min = 1, max = 300) int n2, @ForAll @IntRange(min = 0, max = 300) int x2) {
        int s1 = Math.min(x1, n1);
        int s2 = Math.min(x2, n2);
        ConfidenceInterval ci = ConfidenceInterval.newcombeDifference(s1, n1, s2, n2, ConfidenceInterval.Z_95);

        double difference = (double) s1 / n1 - (double) s2 / n2;
        assertThat(ci.contains(difference)).isTrue();
        assertThat(ci.lower()).isGreaterThanOrEqualTo(-1.0 - 1e-12);
        assertThat(ci.upper()).isLessThanOrEqualTo(1.0 + 1e-12);
    }
}
