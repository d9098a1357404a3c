package dev.retention.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The queries that the log's summaries answer (whole history, or as of an instant at or after the
 * customer's last event of the kind) agree with walking the decoded events, for every instant:
 * before, inside and after the history, so that both the summary and the fallback are checked.
 */
class CustomerHistorySummaryTest {
    private static final CustomerId ANNA = CustomerId.of("anna");
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<Currency> CURRENCIES =
            List.of(Currency.getInstance("USD"), Currency.getInstance("EUR"), Currency.getInstance("JPY"));

    /** One step of a generated history: kind 0 view, 1 cart, 2 order, 3 refund (of an earlier order). */
    record Step(int kind, int minute, int currency, long amount, int pick, int product) {}

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(0, 5_000), Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 4)).as(Step::new);
        return step.list().ofMaxSize(30);
    }

    /** The events of the steps, in arrival order: refunds take back at most what is left of their order. */
    private static List<CustomerEvent> events(List<Step> steps, boolean shuffled) {
        List<CustomerEvent> out = new ArrayList<>();
        List<OrderPlaced> orders = new ArrayList<>();
        Map<OrderId, Long> left = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Instant at = T0.plusSeconds(60L * s.minute());
            String id = "e" + i;
            Currency currency = CURRENCIES.get(s.currency());
            switch (s.kind()) {
                case 0 -> out.add(new ProductViewed(id, ANNA, at, ProductId.of("p" + s.product())));
                case 1 -> out.add(new CartUpdated(id, ANNA, at,
                        List.of(LineItem.of(ProductId.of("p" + s.product()), 1, Money.ofMinor(s.amount(), currency)))));
                case 2 -> {
                    OrderPlaced order = new OrderPlaced(id, ANNA, at, OrderId.of("o" + i),
                            List.of(LineItem.of(ProductId.of("p" + s.product()), 1, Money.ofMinor(s.amount(), currency))),
                            Money.ofMinor(s.amount(), currency));
                    orders.add(order);
                    left.put(order.orderId(), s.amount());
                    out.add(order);
                }
                default -> {
                    if (!orders.isEmpty()) {
                        OrderPlaced order = orders.get(s.pick() % orders.size());
                        long amount = Math.min(left.get(order.orderId()), 1 + s.amount() / 2);
                        if (amount > 0) {
                            left.merge(order.orderId(), -amount, Long::sum);
                            out.add(new OrderRefunded(id, ANNA, at, order.orderId(),
                                    Money.ofMinor(amount, order.total().currency())));
                        }
                    }
                }
            }
        }
        if (shuffled) {
            // arrival order is free: a refund may come before its order (the order is then checked against it)
            Collections.shuffle(out, new java.util.Random(steps.size()));
        }
        return out;
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void summaryAnswersEqualTheWalkedOnes(@ForAll("histories") List<Step> steps, @ForAll boolean shuffled,
            @ForAll @IntRange(min = -2, max = 23) int nowMinute, @ForAll @IntRange(min = -1, max = 1) int nowNanos) {
        List<CustomerEvent> given = events(steps, shuffled);
        CustomerHistory history = CustomerHistory.of(ANNA, given);
        List<CustomerEvent> all = history.events(); // time order, ties by id: the walk's reference order
        Instant now = T0.plusSeconds(60L * nowMinute).plusNanos(nowNanos);

        for (Instant asOf : List.of(now, Instant.MAX, Instant.MIN)) {
            List<CustomerEvent> seen = all.stream().filter(e -> !e.occurredAt().isAfter(asOf)).toList();
            List<OrderPlaced> orders = seen.stream().filter(OrderPlaced.class::isInstance).map(OrderPlaced.class::cast)
                    .toList();
            assertThat(history.orderCountAsOf(asOf)).as("orderCountAsOf(%s)", asOf).isEqualTo(orders.size());
            assertThat(history.lastOrderAt(asOf)).as("lastOrderAt(%s)", asOf)
                    .isEqualTo(orders.isEmpty() ? Optional.empty() : Optional.of(orders.get(orders.size() - 1).occurredAt()));
            assertThat(history.lastViewAt(asOf)).as("lastViewAt(%s)", asOf).isEqualTo(seen.stream()
                    .filter(ProductViewed.class::isInstance).map(CustomerEvent::occurredAt).reduce((a, b) -> b));
            for (Currency currency : CURRENCIES) {
                long net = 0;
                for (CustomerEvent e : seen) {
                    if (e instanceof OrderPlaced o && o.total().currency().equals(currency)) {
                        net += o.total().minorUnits();
                    } else if (e instanceof OrderRefunded r && r.amount().currency().equals(currency)) {
                        net -= r.amount().minorUnits();
                    }
                }
                assertThat(history.netSpendAsOf(currency, asOf)).as("netSpendAsOf(%s, %s)", currency, asOf)
                        .isEqualTo(Money.ofMinor(net, currency));
            }
        }

        List<OrderPlaced> orders = all.stream().filter(OrderPlaced.class::isInstance).map(OrderPlaced.class::cast)
                .toList();
        assertThat(history.orderCount()).isEqualTo(orders.size());
        assertThat(history.firstOrderAt()).isEqualTo(orders.stream().map(CustomerEvent::occurredAt).findFirst());
        assertThat(history.lastOrderAt()).isEqualTo(orders.stream().map(CustomerEvent::occurredAt).reduce((a, b) -> b));
        Set<Currency> currencies = new LinkedHashSet<>();
        orders.forEach(o -> currencies.add(o.total().currency()));
        assertThat(history.currencies()).containsExactlyElementsOf(currencies);
        assertThat(history.viewCount()).isEqualTo((int) all.stream().filter(ProductViewed.class::isInstance).count());
        for (Currency currency : CURRENCIES) {
            long gross = orders.stream().filter(o -> o.total().currency().equals(currency))
                    .mapToLong(o -> o.total().minorUnits()).sum();
            long refunded = all.stream().filter(OrderRefunded.class::isInstance).map(OrderRefunded.class::cast)
                    .filter(r -> r.amount().currency().equals(currency)).mapToLong(r -> r.amount().minorUnits()).sum();
            assertThat(history.grossSpend(currency, Instant.MIN, Instant.MAX)).isEqualTo(Money.ofMinor(gross, currency));
            assertThat(history.netSpend(currency, Instant.MIN, Instant.MAX))
                    .isEqualTo(Money.ofMinor(gross - refunded, currency));
            // a window that starts inside the history walks the rows
            Instant from = now;
            long grossFrom = orders.stream().filter(o -> o.total().currency().equals(currency)
                    && !o.occurredAt().isBefore(from)).mapToLong(o -> o.total().minorUnits()).sum();
            assertThat(history.grossSpend(currency, from, Instant.MAX)).isEqualTo(Money.ofMinor(grossFrom, currency));
        }
    }
    /**
     * Window counts search back from the end of the history (the windows asked most end at now and
     * start a few days back): they agree with walking the events for every window, before, inside,
     * across and after the history, with edges on and a nanosecond beside an event's time.
     */
    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void windowCountsEqualTheWalkedOnes(@ForAll("histories") List<Step> steps,
            @ForAll @IntRange(min = -2, max = 23) int fromMinute, @ForAll @IntRange(min = -1, max = 1) int fromNanos,
            @ForAll @IntRange(min = -2, max = 23) int toMinute, @ForAll @IntRange(min = -1, max = 1) int toNanos) {
        CustomerHistory history = CustomerHistory.of(ANNA, events(steps, false));
        List<CustomerEvent> all = history.events();
        Instant from = T0.plusSeconds(60L * fromMinute).plusNanos(fromNanos);
        Instant to = T0.plusSeconds(60L * toMinute).plusNanos(toNanos);
        for (Instant start : List.of(from, Instant.MIN)) {
            for (Instant end : List.of(to, Instant.MAX)) {
                assertThat(history.orderCount(start, end)).as("orderCount(%s, %s)", start, end)
                        .isEqualTo(count(all, OrderPlaced.class, start, end));
                assertThat(history.viewCount(start, end)).as("viewCount(%s, %s)", start, end)
                        .isEqualTo(count(all, ProductViewed.class, start, end));
            }
        }
    }

    private static int count(List<CustomerEvent> all, Class<?> kind, Instant from, Instant to) {
        return (int) all.stream().filter(e -> kind.isInstance(e) && !e.occurredAt().isBefore(from)
                && e.occurredAt().isBefore(to)).count();
    }

    /**
     * The primitive answers (epoch nanoseconds, a window as a duration) agree with the walked events,
     * before, inside and after the history.
     */
    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void primitiveAnswersEqualTheWalkedOnes(@ForAll("histories") List<Step> steps,
            @ForAll @IntRange(min = -2, max = 23) int nowMinute, @ForAll @IntRange(min = -1, max = 1) int nowNanos,
            @ForAll @IntRange(min = 0, max = 25) int windowMinutes, @ForAll @IntRange(min = -1, max = 1) int windowNanos) {
        CustomerHistory history = CustomerHistory.of(ANNA, events(steps, false));
        List<CustomerEvent> all = history.events();
        Instant now = T0.plusSeconds(60L * nowMinute).plusNanos(nowNanos);
        java.time.Duration window = java.time.Duration.ofMinutes(windowMinutes).plusNanos(windowMinutes == 0 ? 0 : windowNanos);
        for (Instant asOf : List.of(now, Instant.MAX, Instant.MIN)) {
            assertThat(history.lastOrderEpochNanos(asOf)).as("lastOrderEpochNanos(%s)", asOf)
                    .isEqualTo(history.lastOrderAt(asOf).map(CustomerHistorySummaryTest::nanos).orElse(Long.MIN_VALUE));
            assertThat(history.lastViewEpochNanos(asOf)).as("lastViewEpochNanos(%s)", asOf)
                    .isEqualTo(history.lastViewAt(asOf).map(CustomerHistorySummaryTest::nanos).orElse(Long.MIN_VALUE));
            long inWindow = all.stream().filter(OrderPlaced.class::isInstance)
                    .filter(e -> !e.occurredAt().isAfter(asOf)
                            && (asOf.equals(Instant.MIN) || !e.occurredAt().isBefore(asOf.minus(window))))
                    .count();
            assertThat(history.orderCountWithin(window, asOf)).as("orderCountWithin(%s, %s)", window, asOf)
                    .isEqualTo((int) inWindow);
        }
    }

    @Property(tries = 20)
    void aNegativeWindowIsRefusedNamingIt(@ForAll @IntRange(min = 1, max = 1_000) int seconds) {
        CustomerHistory history = CustomerHistory.empty(ANNA);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> history.orderCountWithin(java.time.Duration.ofSeconds(-seconds), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
