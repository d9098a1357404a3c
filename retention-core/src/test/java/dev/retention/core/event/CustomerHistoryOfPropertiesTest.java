package dev.retention.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link CustomerHistory#of} takes events in any order: a store checks each order and refund
 * against what it holds when the event arrives, and whatever it accepted, handed to {@code of} in
 * another order (time order, say, as a database or a serialised state gives them back), is the
 * history the store holds. A set no store accepts is refused in every order.
 */
class CustomerHistoryOfPropertiesTest {
    private static final CustomerId ANNA = CustomerId.of("anna");
    private static final Instant T = Instant.parse("2026-03-02T12:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");

    @Example
    void aRefundThenAnOrderThenASmallerLineOfItIsAHistoryInTimeOrder() {
        OrderRefunded refund = refund("r", T.plusSeconds(2), "o1", 10);
        OrderPlaced order = order("a", T.plusSeconds(3), "o1", 10);
        OrderPlaced line = order("b", T.plusSeconds(1), "o1", 5);
        EventStore store = new InMemoryEventStore();
        List.of(refund, order, line).forEach(store::append); // each passes the checks on arrival

        // in time order the line of 5 comes before the refund of 10, which is more than 5
        assertThat(CustomerHistory.of(ANNA, line, refund, order).events())
                .isEqualTo(store.history(ANNA).events())
                .containsExactly(line, refund, order);
    }

    @Example
    void refundsAboveTheirOrdersTotalAreRefusedInEveryOrder() {
        OrderPlaced order = order("a", T, "o1", 5);
        OrderRefunded refund = refund("r", T, "o1", 6);

        assertThatThrownBy(() -> CustomerHistory.of(ANNA, order, refund)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refund r of 0.06 EUR for order o1 would take back more than the order's total");
        assertThatThrownBy(() -> CustomerHistory.of(ANNA, refund, order)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refund r of 0.06 EUR for order o1 would take back more than the order's total");
    }

    @Example
    void ofTwoEventsWithOneIdTheFirstGivenStaysWhateverItsKind() {
        OrderRefunded refund = refund("x", T, "o1", 3);
        OrderPlaced order = order("x", T, "o1", 5);

        assertThat(CustomerHistory.of(ANNA, refund, order).events()).containsExactly(refund);
        assertThat(CustomerHistory.of(ANNA, order, refund).events()).containsExactly(order);
    }

    @Property(tries = 300)
    void whatAStoreAcceptedIsItsHistoryInAnyOrder(@ForAll("steps") List<Step> steps, @ForAll Random random) {
        EventStore store = new InMemoryEventStore();
        List<CustomerEvent> accepted = new ArrayList<>();
        for (CustomerEvent e : events(steps)) {
            try {
                if (store.append(e)) {
                    accepted.add(e);
                }
            } catch (IllegalArgumentException refused) {
                // not stored: not handed to of either
            }
        }
        Collections.shuffle(accepted, random);

        assertThat(CustomerHistory.of(ANNA, accepted).events()).isEqualTo(store.history(ANNA).events());
    }

    private static OrderPlaced order(String id, Instant at, String order, long minor) {
        return new OrderPlaced(id, ANNA, at, OrderId.of(order), List.of(), Money.ofMinor(minor, EUR));
    }

    private static OrderRefunded refund(String id, Instant at, String order, long minor) {
        return new OrderRefunded(id, ANNA, at, OrderId.of(order), Money.ofMinor(minor, EUR));
    }

    /** One event to make: kind (0 view, 1 order, 2 refund), order, currency (0 EUR), amount, time and id. */
    record Step(int kind, int order, int currency, long minor, int second, String id) {}

    private static List<CustomerEvent> events(List<Step> steps) {
        List<CustomerEvent> out = new ArrayList<>();
        for (Step s : steps) {
            Instant at = T.plusSeconds(s.second());
            Money amount = Money.ofMinor(s.minor(), Currency.getInstance(s.currency() == 0 ? "EUR" : "USD"));
            OrderId order = OrderId.of("o" + s.order());
            out.add(switch (s.kind()) {
                case 0 -> new ProductViewed(s.id(), ANNA, at, ProductId.of("p"));
                case 1 -> new OrderPlaced(s.id(), ANNA, at, order, List.of(), amount);
                default -> new OrderRefunded(s.id(), ANNA, at, order, amount);
            });
        }
        return out;
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(
                        Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(5, 1), Tuple.of(4, 2)),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.frequency(Tuple.of(19, 0), Tuple.of(1, 1)),
                        Arbitraries.longs().between(1, 10),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.strings().withChars("abcdefgh").ofMinLength(1).ofMaxLength(3))
                .as(Step::new)
                .list().ofMinSize(1).ofMaxSize(25);
    }
}
